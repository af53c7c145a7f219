package dev.glassbox.core.model;

/** Turns engine exceptions, which often carry native stack traces, into one readable line. */
public final class EngineErrors {
    private EngineErrors() {
    }

    /** The first line of the deepest message in the cause chain, or the exception's type when none has one. */
    public static String firstLine(Throwable error) {
        String message = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            return error.getClass().getSimpleName();
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
