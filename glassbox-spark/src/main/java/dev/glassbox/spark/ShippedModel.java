package dev.glassbox.spark;

import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.spark.table.ModelSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * A model file or folder shipped with the job: the driver reads its bytes into a broadcast variable, and each
 * executor JVM writes them once to a local temporary folder and loads the model from there, so executors need no path
 * they share with the driver. (A broadcast rather than {@code SparkContext.addFile}: Spark 4 runs SQL jobs under their
 * session's own file set, which files added to the context after it started do not reach.) The bytes travel once per
 * executor and stay in its memory for the job: meant for models up to a few hundred megabytes.
 *
 * @param name the file or folder name, for messages and file types
 * @param folder whether the model is a folder of files
 * @param files each file's path relative to the folder (the name itself for a single file) and its bytes
 * @param features the values per row, for files that do not record their input shape
 * @param batchSize rows per engine call
 */
public record ShippedModel(String name, boolean folder, Broadcast<Map<String, byte[]>> files, int features,
        int batchSize) implements ModelSource {
    private static final long serialVersionUID = 1L;

    /** Where this JVM wrote each broadcast's files, by broadcast id. */
    private static final Map<Long, Path> WRITTEN = new ConcurrentHashMap<>();

    /**
     * Broadcasts the model at {@code path} (a TorchScript {@code .pt}, an {@code .onnx} file or a glassbox model
     * folder) with {@code spark}'s jobs, after checking on the driver that it can be read.
     */
    public static ShippedModel ship(SparkSession spark, Path path, int features, int batchSize) {
        new FileSource(path.toString(), features, batchSize).check();
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        try {
            if (Files.isDirectory(path)) {
                List<Path> inside = new ArrayList<>();
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(inside::add);
                }
                for (Path file : inside) {
                    bytes.put(path.relativize(file).toString(), Files.readAllBytes(file));
                }
            } else {
                bytes.put(path.getFileName().toString(), Files.readAllBytes(path));
            }
        } catch (IOException e) {
            throw new ModelLoadException("cannot read the model " + path + " to ship it: " + e.getMessage());
        }
        Broadcast<Map<String, byte[]>> shared = new JavaSparkContext(spark.sparkContext()).broadcast(bytes);
        return new ShippedModel(path.getFileName().toString(), Files.isDirectory(path), shared, features, batchSize);
    }

    @Override
    public Model open() {
        return FileSource.load(local(), features, batchSize);
    }

    @Override
    public void check() {
        local();
    }

    /** The model's local copy in this JVM, written the first time it is asked for and deleted when the JVM ends. */
    private Path local() {
        return WRITTEN.computeIfAbsent(files.id(), id -> {
            try {
                Path dir = Files.createTempDirectory("glassbox-shipped-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                Path root = folder ? dir.resolve(name) : dir;
                for (Map.Entry<String, byte[]> file : files.value().entrySet()) {
                    Path target = root.resolve(file.getKey());
                    Files.createDirectories(target.getParent());
                    Files.write(target, file.getValue());
                }
                return dir.resolve(name);
            } catch (IOException e) {
                throw new ModelLoadException("cannot write the shipped model " + name + " on this executor: "
                        + e.getMessage());
            }
        });
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing a shutdown for
        }
    }

    @Override
    public String toString() {
        return "shipped " + name + " (broadcast " + files.id() + ")";
    }
}
