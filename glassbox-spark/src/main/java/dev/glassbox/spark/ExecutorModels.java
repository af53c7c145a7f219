package dev.glassbox.spark;

import dev.glassbox.core.model.Model;
import dev.glassbox.spark.table.ModelSource;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The models an executor JVM has opened, kept between tasks: a task borrows one (opening it the first time), and gives
 * it back when it ends, so a model is loaded once per concurrently running task slot of an executor, not once per
 * partition, and no two tasks share one model at the same time.
 */
final class ExecutorModels {
    private static final Map<String, Queue<Model>> IDLE = new ConcurrentHashMap<>();

    private ExecutorModels() {
    }

    /** An idle model from {@code source}, or a newly opened one. */
    static Model borrow(ModelSource source) {
        Model idle = IDLE.computeIfAbsent(key(source), k -> new ConcurrentLinkedQueue<>()).poll();
        return idle != null ? idle : source.open();
    }

    /** Returns a borrowed model for the next task. */
    static void giveBack(ModelSource source, Model model) {
        IDLE.computeIfAbsent(key(source), k -> new ConcurrentLinkedQueue<>()).add(model);
    }

    private static String key(ModelSource source) {
        return source.getClass().getName() + ':' + source;
    }
}
