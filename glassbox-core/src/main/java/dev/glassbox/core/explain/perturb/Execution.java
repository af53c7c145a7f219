package dev.glassbox.core.explain.perturb;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;

/**
 * How perturbed inputs stream through a model: in chunks of at most {@code batchSize} rows whose inputs and outputs
 * together fit in {@code budgetBytes}, on {@code threads} threads (use more than one only for models that may be called
 * concurrently), reporting each finished chunk to {@code progress}.
 *
 * <p>The chunks do not depend on the thread count, and every row's output is stored at its own index, so results are
 * identical for any number of threads. Each thread holds one chunk at a time: at most {@code threads × budgetBytes} of
 * perturbed data exist at once.
 */
public record Execution(long budgetBytes, int batchSize, int threads, Progress progress) {
    /** 64 MiB per chunk. */
    public static final long DEFAULT_BUDGET_BYTES = 64L << 20;
    /** 256 rows per model call. */
    public static final int DEFAULT_BATCH_SIZE = 256;

    public Execution {
        if (budgetBytes <= 0) {
            throw new InvalidInputException("the memory budget must be positive, was " + budgetBytes + " bytes");
        }
        if (batchSize <= 0) {
            throw new InvalidInputException("the batch size must be positive, was " + batchSize);
        }
        if (threads <= 0) {
            throw new InvalidInputException("the thread count must be positive, was " + threads);
        }
        if (progress == null) {
            throw new InvalidInputException("progress must not be null: use Progress.NONE");
        }
    }

    /** 64 MiB chunks of at most 256 rows on one thread, no progress reports. */
    public static Execution defaults() {
        return new Execution(DEFAULT_BUDGET_BYTES, DEFAULT_BATCH_SIZE, 1, Progress.NONE);
    }

    /** The same with another memory budget per chunk. */
    public Execution withBudgetBytes(long bytes) {
        return new Execution(bytes, batchSize, threads, progress);
    }

    /** The same with another largest batch. */
    public Execution withBatchSize(int rows) {
        return new Execution(budgetBytes, rows, threads, progress);
    }

    /** The same on another number of threads. */
    public Execution withThreads(int count) {
        return new Execution(budgetBytes, batchSize, count, progress);
    }

    /** The same reporting to another progress listener. */
    public Execution withProgress(Progress listener) {
        return new Execution(budgetBytes, batchSize, threads, listener);
    }

    /**
     * The number of rows in one chunk when each row (its input and its output) takes {@code bytesPerRow} bytes.
     *
     * @throws InvalidInputException when the budget cannot hold even one row
     */
    public int rowsPerChunk(long bytesPerRow) {
        long rows = budgetBytes / bytesPerRow;
        if (rows < 1) {
            throw new InvalidInputException("a memory budget of " + budgetBytes + " bytes cannot hold one perturbed input"
                    + " and its output (" + bytesPerRow + " bytes): raise the budget to at least " + bytesPerRow + " bytes");
        }
        return (int) Math.min(batchSize, rows);
    }
}
