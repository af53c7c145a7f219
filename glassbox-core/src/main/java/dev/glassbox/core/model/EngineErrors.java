package dev.glassbox.core.model;

/**
 * Turns engine exceptions, which often carry native stack traces, into one readable line. A TorchScript interpreter
 * error opens with a fixed header and a traceback and names what went wrong only on its last line
 * ({@code RuntimeError: Expected 4-dimensional input ...}): that line is the one kept.
 */
public final class EngineErrors {
    /** The first line of every error the TorchScript interpreter raises, which says nothing about the cause. */
    static final String TORCHSCRIPT_HEADER = "The following operation failed in the TorchScript interpreter.";

    private EngineErrors() {
    }

    /**
     * The first line of the deepest message in the cause chain (the last line for a TorchScript traceback), or the
     * exception's type when none has a message.
     */
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
        java.util.List<String> lines = message.strip().lines().filter(l -> !l.isBlank()).toList();
        String line = lines.get(lines.get(0).strip().equals(TORCHSCRIPT_HEADER) ? lines.size() - 1 : 0).strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
