package dev.glassbox.core.explain.perturb;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The one pipeline from perturbed samples to model outputs: rows are built on demand, chunk by chunk as {@link
 * Execution} allows, passed to the model, and reduced to one number each by a {@link Readout}. Every explainer that
 * perturbs its input evaluates through this class.
 *
 * @param <I> the type of one model input row ({@code float[]} for tensors, {@code String} for text)
 */
public final class Evaluator<I> {
    private final Function<List<I>, float[][]> model;
    private final long bytesPerRow;
    private final Readout readout;
    private final Execution execution;
    private final String task;
    private final AtomicLong evaluated = new AtomicLong();

    /**
     * @param model scores a batch of rows, one row of scores per input row
     * @param bytesPerRow memory one row and its scores take, for the chunk size
     * @param readout the number taken from each row of scores
     * @param execution chunking, threads and progress
     * @param task the name progress reports carry
     */
    public Evaluator(Function<List<I>, float[][]> model, long bytesPerRow, Readout readout, Execution execution,
            String task) {
        this.model = model;
        this.bytesPerRow = bytesPerRow;
        this.readout = readout;
        this.execution = execution;
        this.task = task;
        execution.rowsPerChunk(bytesPerRow);
    }

    /** An evaluator for a tensor model, whose rows are flattened samples. */
    public static Evaluator<float[]> forModel(dev.glassbox.core.model.Model model, Readout readout, Execution execution,
            String task) {
        long bytesPerRow = 4L * (model.inputShape().size() + model.outputSize());
        return new Evaluator<>(rows -> model.predict(rows.toArray(float[][]::new)), bytesPerRow, readout, execution, task);
    }

    /** The read-out value of each of {@code rows} rows, where {@code row.apply(i)} builds row {@code i}. */
    public double[] evaluate(int rows, IntFunction<I> row) {
        double[] out = new double[rows];
        int chunk = execution.rowsPerChunk(bytesPerRow);
        List<Runnable> tasks = new ArrayList<>();
        AtomicLong done = new AtomicLong();
        for (int from = 0; from < rows; from += chunk) {
            int start = from;
            int end = Math.min(rows, from + chunk);
            tasks.add(() -> {
                evaluateChunk(start, end, row, out);
                report(done.addAndGet(end - start), rows);
            });
        }
        run(tasks);
        evaluated.addAndGet(rows);
        return out;
    }

    /** How many rows this evaluator has passed to the model so far. */
    public long evaluatedRows() {
        return evaluated.get();
    }

    private void evaluateChunk(int start, int end, IntFunction<I> row, double[] out) {
        List<I> batch = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
            batch.add(row.apply(i));
        }
        float[][] scores = model.apply(batch);
        if (scores == null || scores.length != batch.size()) {
            throw new IllegalStateException("the model returned " + (scores == null ? "null" : scores.length + " rows")
                    + " for a batch of " + batch.size());
        }
        for (int i = 0; i < scores.length; i++) {
            out[start + i] = readout.read(scores[i]);
        }
    }

    private synchronized void report(long done, long total) {
        execution.progress().update(task, done, total);
    }

    private void run(List<Runnable> tasks) {
        int threads = Math.min(execution.threads(), tasks.size());
        if (threads <= 1) {
            tasks.forEach(Runnable::run);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "glassbox-" + task);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(tasks.size());
            for (Runnable t : tasks) {
                futures.add(pool.submit(t));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating the model", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
