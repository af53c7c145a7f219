package dev.glassbox.core;

/**
 * Thrown when user-supplied input (a file, an array, a target, an option) cannot be used. The message names the
 * problem and what was expected, in one line, so that a command-line front end can print it as it is.
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
