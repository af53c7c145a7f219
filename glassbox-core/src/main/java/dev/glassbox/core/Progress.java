package dev.glassbox.core;

/**
 * Receives progress of long work (training epochs, perturbation batches), so that a command-line front end can draw a
 * progress bar while library code stays silent.
 */
@FunctionalInterface
public interface Progress {
    /** Ignores all progress. */
    Progress NONE = (task, done, total) -> { };

    /** {@code done} of {@code total} units of {@code task} are complete. */
    void update(String task, long done, long total);
}
