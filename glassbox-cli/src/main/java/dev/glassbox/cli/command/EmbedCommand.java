package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.embed.Embedder;
import dev.glassbox.core.embed.Embedding;
import dev.glassbox.core.embed.EmbeddingQuality;
import dev.glassbox.core.embed.NeighbourEmbedding;
import dev.glassbox.core.embed.Pca;
import dev.glassbox.core.embed.Smacof;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.core.output.StableJson;
import dev.glassbox.core.render.ScatterPlot;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glassbox embed}: PCA, MDS, SNE or t-SNE of a data set, written as coordinates (CSV), metrics (JSON) and a
 * scatter plot (PNG and SVG).
 */
@Command(name = "embed", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Embed data in 2-d with PCA, MDS, SNE or t-SNE: write coordinates.csv, metrics.json and "
                + "plot.png/plot.svg coloured by label.")
public final class EmbedCommand implements Callable<Integer> {
    private static final int QUALITY_NEIGHBOURS = 10;
    private static final int MDS_DEFAULT_POINTS = 2000;
    private static final int SNE_DEFAULT_POINTS = 1000;

    @Option(names = "--data", required = true, paramLabel = "D",
            description = "A Fashion-MNIST folder, an IDX image file, a .npy array of N samples, or a CSV file with a "
                    + "header.")
    public Path data;

    @Option(names = "--labels", paramLabel = "L",
            description = "Labels of the rows: an IDX label file, a .npy of integers, or one label per line.")
    public Path labels;

    @Option(names = "--label-column", paramLabel = "NAME", description = "The CSV column that holds the labels.")
    public String labelColumn;

    @Option(names = "--classes", paramLabel = "FILE|fashion-mnist",
            description = "Names of integer labels: one per line, or fashion-mnist (default: the numbers).")
    public String classes;

    @Option(names = "--split", paramLabel = "test|train|all",
            description = "Which images a Fashion-MNIST folder gives (default: ${DEFAULT-VALUE}).")
    public String split = "test";

    @Option(names = "--method", paramLabel = "pca|mds|sne|tsne",
            description = "The embedding (default: ${DEFAULT-VALUE}); mds is metric SMACOF from classical MDS.")
    public String method = "tsne";

    @Option(names = "--perplexity", paramLabel = "P", description = "SNE/t-SNE perplexity (default: ${DEFAULT-VALUE}).")
    public double perplexity = 30;

    @Option(names = "--theta", paramLabel = "T",
            description = "Barnes–Hut accuracy for t-SNE (0 is exact); giving it selects the Barnes–Hut gradient.")
    public Double theta;

    @Option(names = "--gradient", paramLabel = "auto|exact|barnes-hut|interpolation",
            description = "How t-SNE computes its gradient (default: exact up to " + NeighbourEmbedding.EXACT_LIMIT
                    + " points, Barnes–Hut up to " + NeighbourEmbedding.BARNES_HUT_LIMIT
                    + ", FFT interpolation above in two dimensions).")
    public String gradient;

    @Option(names = "--iterations", paramLabel = "N",
            description = "Gradient steps (default: 1000 for SNE and t-SNE, at most 300 for MDS).")
    public Integer iterations;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    public long seed;

    @Option(names = "--max-points", paramLabel = "N",
            description = "Embed a random sample of at most N rows (default: all for pca and tsne, "
                    + MDS_DEFAULT_POINTS + " for mds and " + SNE_DEFAULT_POINTS + " for sne, which cost N² per "
                    + "step).")
    public Integer maxPoints;

    @Option(names = "--pca-dims", paramLabel = "K",
            description = "Reduce rows to K principal components before MDS, SNE and t-SNE (default: ${DEFAULT-VALUE}; "
                    + "0 keeps them).")
    public int pcaDims = 50;

    @Option(names = "--thumbnails", paramLabel = "N",
            description = "Image thumbnails on the plot when the rows are images (default: ${DEFAULT-VALUE}).")
    public int thumbnails = 40;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all processors); results do not "
            + "depend on it.")
    public int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--model", paramLabel = "M",
            description = "Embed a hidden layer of this model (a glassbox model folder, or a TorchScript file loaded "
                    + "split with --split-model) instead of the raw inputs.")
    public Path model;

    @Option(names = "--split-model", description = "Load a TorchScript --model that exports features(x) and head(a).")
    public boolean splitModel;

    @Option(names = "--layer", paramLabel = "NAME",
            description = "The layer whose outputs are embedded (default: the input of the model's last layer).")
    public String layer;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    public Path out = Path.of("glassbox-embed");

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String chosen = method.toLowerCase(Locale.ROOT);
        if (!chosen.matches("pca|mds|sne|tsne")) {
            throw new InvalidInputException("--method must be pca, mds, sne or tsne, not '" + method + "'");
        }
        if (threads < 1) {
            throw new InvalidInputException("--threads must be at least 1, was " + threads);
        }
        EmbedInput all = EmbedInput.read(new EmbedInput.Source(data, labels, labelColumn, classes, split));
        int limit = maxPoints != null ? maxPoints : switch (chosen) {
            case "mds" -> MDS_DEFAULT_POINTS;
            case "sne" -> SNE_DEFAULT_POINTS;
            default -> Integer.MAX_VALUE;
        };
        if (limit < 2) {
            throw new InvalidInputException("--max-points must be at least 2, was " + limit);
        }
        EmbedInput input = all.sample(limit, seed);
        try (ProgressBars progress = new ProgressBars(); AtomicDirectory output = AtomicDirectory.open(out)) {
            float[][] features = model == null ? input.rows() : HiddenLayers.activations(model, splitModel, layer,
                    input.rows(), input.imageShape());
            float[][] reduced = reduced(features);
            float[][] rows = chosen.equals("pca") ? features : reduced;
            Embedding embedding = embedder(chosen).embed(rows, progress);
            double[][] points = embedding.points();
            Map<String, Object> quality = new LinkedHashMap<>();
            int k = Math.min(QUALITY_NEIGHBOURS, rows.length - 1);
            quality.put("neighbourhoodPreservation" + k, EmbeddingQuality.neighbourhoodPreservation(reduced, points, k,
                    threads));
            if (input.labels() != null) {
                quality.put("nearestNeighbourAccuracy", EmbeddingQuality.nearestNeighbourAccuracy(points,
                        input.labels(), threads));
            }
            writeCoordinates(output.path().resolve("coordinates.csv"), input, points);
            Files.writeString(output.path().resolve("metrics.json"),
                    StableJson.toJson(metrics(all, input, rows, reduced, embedding, quality)));
            ScatterPlot plot = plot(input, embedding);
            Files.write(output.path().resolve("plot.png"), plot.png());
            Files.writeString(output.path().resolve("plot.svg"), plot.svg());
            output.commit();
            spec.commandLine().getOut().println(summary(embedding, quality));
        }
        return 0;
    }

    /**
     * The rows reduced to {@code --pca-dims} principal components when they have more values: what MDS, SNE and t-SNE
     * embed, and where the neighbours that the quality measure compares with are found.
     */
    private float[][] reduced(float[][] rows) {
        if (pcaDims <= 0 || rows[0].length <= pcaDims || rows.length <= pcaDims) {
            return rows;
        }
        return Pca.builder().components(pcaDims).seed(seed).threads(threads).build().fit(rows).projectToFloat(rows);
    }

    private Embedder embedder(String chosen) {
        return switch (chosen) {
            case "pca" -> Pca.builder().components(2).seed(seed).threads(threads).build();
            case "mds" -> Smacof.builder().maxIterations(iterations == null ? 300 : iterations).seed(seed)
                    .threads(threads).build();
            default -> {
                NeighbourEmbedding.Builder builder = chosen.equals("sne") ? NeighbourEmbedding.sne()
                        : NeighbourEmbedding.tsne();
                builder.perplexity(perplexity).seed(seed).threads(threads).gradient(gradientMethod());
                if (theta != null) {
                    builder.theta(theta);
                }
                if (iterations != null) {
                    builder.iterations(iterations);
                }
                yield builder.build();
            }
        };
    }

    private NeighbourEmbedding.Gradient gradientMethod() {
        if (gradient == null) {
            return theta != null ? NeighbourEmbedding.Gradient.BARNES_HUT : NeighbourEmbedding.Gradient.AUTO;
        }
        NeighbourEmbedding.Gradient chosen;
        try {
            chosen = NeighbourEmbedding.Gradient.valueOf(gradient.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--gradient must be auto, exact, barnes-hut or interpolation, not '"
                    + gradient + "'");
        }
        if (theta != null && chosen != NeighbourEmbedding.Gradient.BARNES_HUT) {
            throw new InvalidInputException("--theta goes with --gradient barnes-hut, not " + gradient);
        }
        return chosen;
    }

    private static void writeCoordinates(Path file, EmbedInput input, double[][] points) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(input.labels() == null ? "index,x,y\n" : "index,label,x,y\n");
            for (int i = 0; i < points.length; i++) {
                writer.write(Integer.toString(input.indices()[i]));
                if (input.labels() != null) {
                    writer.write(',');
                    writer.write(csvField(input.classNames().get(input.labels()[i])));
                }
                writer.write(String.format(Locale.ROOT, ",%.6g,%.6g%n", points[i][0], points[i][1]));
            }
        }
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break. */
    private static String csvField(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private Map<String, Object> metrics(EmbedInput all, EmbedInput input, float[][] rows, float[][] reduced,
            Embedding embedding, Map<String, Object> quality) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", data.getFileName() == null ? data.toString() : data.getFileName().toString());
        out.put("method", embedding.method());
        out.put("rows", all.rows().length);
        out.put("points", input.rows().length);
        out.put("valuesPerRow", input.rows()[0].length);
        out.put("embeddedValuesPerRow", rows[0].length);
        out.put("qualityMeasuredInValuesPerRow", reduced[0].length);
        out.put("seed", seed);
        out.put("parameters", embedding.parameters());
        out.put("diagnostics", embedding.diagnostics());
        out.put("quality", quality);
        out.put("seconds", embedding.seconds());
        return out;
    }

    private ScatterPlot plot(EmbedInput input, Embedding embedding) {
        ScatterPlot.Builder plot = ScatterPlot.of(embedding.points()).title(title(embedding));
        if (input.labels() != null) {
            plot.labels(input.labels(), input.classNames());
        }
        if (input.imageShape() != null && thumbnails > 0) {
            plot.thumbnails(input.rows(), input.imageShape(), thumbnails, seed);
        }
        return plot.build();
    }

    private static String title(Embedding embedding) {
        String name = switch (embedding.method()) {
            case "tsne" -> "t-SNE";
            case "sne" -> "SNE";
            default -> embedding.method().toUpperCase(Locale.ROOT);
        };
        return name + " of " + embedding.size() + " points";
    }

    private String summary(Embedding embedding, Map<String, Object> quality) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "glassbox embed: %s of %d points in %.1f s",
                title(embedding).replaceFirst(" of .*", ""), embedding.size(),
                embedding.seconds().values().stream().mapToDouble(Double::doubleValue).sum()));
        embedding.diagnostics().forEach((name, value) -> {
            if (name.equals("klDivergence") || name.equals("stress") || name.equals("explainedVarianceRatio")) {
                line.append(String.format(Locale.ROOT, "; %s %.4g", name, value));
            }
        });
        quality.forEach((name, value) -> line.append(String.format(Locale.ROOT, "; %s %.1f%%", name,
                100 * (double) value)));
        return line.append("; wrote ").append(out).toString();
    }
}
