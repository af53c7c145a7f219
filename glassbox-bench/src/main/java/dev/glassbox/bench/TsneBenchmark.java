package dev.glassbox.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.glassbox.core.embed.Embedding;
import dev.glassbox.core.embed.EmbeddingQuality;
import dev.glassbox.core.embed.NearestNeighbours;
import dev.glassbox.core.embed.NeighbourEmbedding;
import dev.glassbox.core.embed.Pca;
import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.LabelledImages;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times t-SNE on Fashion-MNIST: all 70,000 images (training and test sets) reduced to 50 principal components, then
 * t-SNE of seeded random samples of increasing size, each a subset of the next. For each size it prints the wall time
 * of each phase (nearest neighbours, affinities, optimisation), the process CPU time, the machine's load, the KL
 * divergence and the quality of the embedding: the share of each point's 10 nearest neighbours (in the 50-d input)
 * kept in the embedding, and the leave-one-out 1-NN accuracy of the labels in the embedding.
 *
 * <p>Usage: {@code TsneBenchmark [sizes] [threads] [gradient] [data folder] [export folder]}, by default
 * {@code 5000,10000,20000,35000,70000 2 auto /usr/share/datasets/fashion-mnist}. With an export folder it also writes
 * the reduced rows in the benchmark's order ({@code pca50.f32}: little-endian float32, 50 per row) and their labels
 * ({@code labels.u8}), so that {@code scripts/compare_sklearn_tsne.py} can run scikit-learn on the same points.
 */
public final class TsneBenchmark {
    private static final int COMPONENTS = 50;
    private static final int QUALITY_NEIGHBOURS = 10;
    private static final long SEED = 1;

    private TsneBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "5000,10000,20000,35000,70000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        NeighbourEmbedding.Gradient gradient = args.length > 2
                ? NeighbourEmbedding.Gradient.valueOf(args[2].toUpperCase(Locale.ROOT).replace('-', '_'))
                : NeighbourEmbedding.Gradient.AUTO;
        Path dir = args.length > 3 ? Path.of(args[3]) : FashionMnist.defaultDirectory();

        long start = System.nanoTime();
        LabelledImages train = FashionMnist.train(dir);
        LabelledImages test = FashionMnist.test(dir);
        float[][] images = new float[train.count() + test.count()][];
        int[] labels = new int[images.length];
        for (int i = 0; i < images.length; i++) {
            LabelledImages from = i < train.count() ? train : test;
            int at = i < train.count() ? i : i - train.count();
            images[i] = from.image(at);
            labels[i] = from.label(at);
        }
        System.out.printf(Locale.ROOT, "loaded %d images in %.1f s%n", images.length, seconds(start));
        long cpu = cpuNanos();
        start = System.nanoTime();
        float[][] reduced = Pca.builder().components(COMPONENTS).seed(SEED).threads(threads).build().fit(images)
                .projectToFloat(images);
        System.out.printf(Locale.ROOT, "PCA to %d components (randomised): %.1f s wall, %.1f s CPU%n", COMPONENTS,
                seconds(start), (cpuNanos() - cpu) / 1e9);

        int[] order = permutation(images.length);
        if (args.length > 4) {
            export(Path.of(args[4]), reduced, labels, order);
        }
        System.out.println("      N  gradient       kNN  affin.  optim.  t-SNE  (CPU)  load    KL     10-NN   1-NN");
        for (int n : sizes) {
            float[][] rows = new float[n][];
            int[] rowLabels = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = reduced[order[i]];
                rowLabels[i] = labels[order[i]];
            }
            cpu = cpuNanos();
            start = System.nanoTime();
            Embedding embedding = NeighbourEmbedding.tsne().gradient(gradient).seed(SEED).threads(threads).build()
                    .embed(rows);
            double wall = seconds(start);
            double cpuSeconds = (cpuNanos() - cpu) / 1e9;
            double[][] points = embedding.points();
            double kept = EmbeddingQuality.neighbourhoodPreservation(NearestNeighbours.of(rows, QUALITY_NEIGHBOURS,
                    threads), points, threads);
            double accuracy = EmbeddingQuality.nearestNeighbourAccuracy(points, rowLabels, threads);
            System.out.printf(Locale.ROOT, "%7d  %-13s %6.1f %6.1f %7.1f %6.1f %6.1f %5.1f %7.4f %7.4f %7.4f%n", n,
                    embedding.parameters().get("gradient"), embedding.seconds().get("neighbours"),
                    embedding.seconds().get("affinities"), embedding.seconds().get("optimisation"), wall,
                    cpuSeconds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    embedding.diagnostics().get("klDivergence"), kept, accuracy);
        }
    }

    /** Writes the reduced rows and their labels in the benchmark's order. */
    private static void export(Path dir, float[][] reduced, int[] labels, int[] order) throws IOException {
        Files.createDirectories(dir);
        ByteBuffer rows = ByteBuffer.allocate(order.length * COMPONENTS * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        byte[] labelBytes = new byte[order.length];
        for (int i = 0; i < order.length; i++) {
            for (float v : reduced[order[i]]) {
                rows.putFloat(v);
            }
            labelBytes[i] = (byte) labels[order[i]];
        }
        Files.write(dir.resolve("pca50.f32"), rows.array());
        Files.write(dir.resolve("labels.u8"), labelBytes);
    }

    /** A seeded random order of {@code 0 .. n-1}, so that each sample is a subset of the larger ones. */
    private static int[] permutation(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static long cpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
