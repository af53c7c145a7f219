package dev.glassbox.spark.table;

import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.Models;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Where executors get the model from: a file every executor can read (a TorchScript {@code .pt}, an {@code .onnx} file
 * or a glassbox model folder, loaded with {@link Models#load}), or any Java model built by a serialisable factory
 * shipped with the job. Only this small value travels; each executor opens the model itself.
 */
public interface ModelSource extends Serializable {

    /** Opens a fresh copy of the model; the caller closes it. */
    Model open();

    /**
     * Checks, without loading it, that the model can be opened here, and throws a {@link ModelLoadException} that
     * says why not.
     */
    void check();

    /**
     * A model file or folder at {@code path} taking rows of {@code features} values (the shape a TorchScript file does
     * not record), run in batches of {@code batchSize} rows.
     */
    static ModelSource file(String path, int features, int batchSize) {
        return new FileSource(path, features, batchSize);
    }

    /** A Java model made by {@code factory} on each executor; {@code name} describes it in messages. */
    static ModelSource of(String name, SerializableFactory factory) {
        return new FactorySource(name, factory);
    }

    /** A serialisable supplier of models. */
    interface SerializableFactory extends Supplier<Model>, Serializable {
    }

    /** A model file read on every executor. */
    record FileSource(String path, int features, int batchSize) implements ModelSource {
        private static final long serialVersionUID = 1L;

        @Override
        public Model open() {
            check();
            return load(Path.of(path), features, batchSize);
        }

        /**
         * Loads the model file or folder at {@code file}, taking rows of {@code features} values where the file does
         * not record its input shape (TorchScript).
         */
        public static Model load(Path file, int features, int batchSize) {
            boolean recordsShape = Files.isDirectory(file)
                    || file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx");
            return Models.load(file, new ModelOptions(recordsShape ? null : new Shape(new int[] {features}), null,
                    batchSize));
        }

        @Override
        public void check() {
            Path file = Path.of(path);
            if (!Files.exists(file)) {
                throw new ModelLoadException("model file not found: " + path);
            }
            if (!Files.isReadable(file)) {
                throw new ModelLoadException("model file " + path + " exists but cannot be read");
            }
        }

        @Override
        public String toString() {
            return path;
        }
    }

    /** A model made by a factory. */
    record FactorySource(String name, SerializableFactory factory) implements ModelSource {
        private static final long serialVersionUID = 1L;

        @Override
        public Model open() {
            return factory.get();
        }

        @Override
        public void check() {
            // a factory shipped with the job is always at hand
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
