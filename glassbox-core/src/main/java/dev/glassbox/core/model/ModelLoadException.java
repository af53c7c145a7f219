package dev.glassbox.core.model;

/** A model file is missing, unreadable, corrupt, or not of a kind glassbox can load. The message says which and why. */
public class ModelLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
