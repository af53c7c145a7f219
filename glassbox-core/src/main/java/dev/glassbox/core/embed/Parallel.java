package dev.glassbox.core.embed;

import dev.glassbox.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs work on a fixed number of threads over a partition that does not depend on that number: ranges are cut into
 * chunks of a fixed size, each chunk is computed by one thread, and partial sums are added in chunk order. Results are
 * therefore identical on one thread and on many.
 */
final class Parallel implements AutoCloseable {
    /** Work on the rows {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    interface Range {
        void run(int from, int to);
    }

    /** A partial sum over the rows {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    interface RangeSum {
        double sum(int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;

    /** A runner on {@code threads} threads (the calling thread is one of them). */
    Parallel(int threads) {
        this.threads = requireThreads(threads);
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread thread = new Thread(r, "glassbox-embed");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** {@code threads}, checked to be at least 1. */
    static int requireThreads(int threads) {
        if (threads < 1) {
            throw new InvalidInputException("threads must be at least 1, was " + threads);
        }
        return threads;
    }

    /** The default thread count: the available processors. */
    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Runs {@code body} on each chunk of {@code grain} rows of {@code [0, n)}. */
    void forEach(int n, int grain, Range body) {
        run(chunks(n, grain), c -> body.run(c * grain, Math.min(n, (c + 1) * grain)));
    }

    /** The sum of {@code body} over the chunks of {@code grain} rows of {@code [0, n)}, added in chunk order. */
    double sum(int n, int grain, RangeSum body) {
        double[] partial = new double[chunks(n, grain)];
        run(partial.length, c -> partial[c] = body.sum(c * grain, Math.min(n, (c + 1) * grain)));
        double total = 0;
        for (double p : partial) {
            total += p;
        }
        return total;
    }

    /** Runs {@code task} for each of {@code 0 .. tasks-1}, in any order, and waits for all of them. */
    void run(int tasks, IntConsumer task) {
        if (pool == null || tasks <= 1) {
            for (int t = 0; t < tasks; t++) {
                task.accept(t);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
                task.accept(t);
            }
        };
        List<Future<?>> helpers = new ArrayList<>();
        for (int h = 0; h < Math.min(threads, tasks) - 1; h++) {
            helpers.add(pool.submit(worker));
        }
        worker.run();
        for (Future<?> helper : helpers) {
            await(helper);
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static int chunks(int n, int grain) {
        return (n + grain - 1) / grain;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
