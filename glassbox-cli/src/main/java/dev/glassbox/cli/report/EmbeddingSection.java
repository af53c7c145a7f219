package dev.glassbox.cli.report;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.embed.Embedding;
import dev.glassbox.core.embed.EmbeddingQuality;
import dev.glassbox.core.embed.NeighbourEmbedding;
import dev.glassbox.core.embed.Pca;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.core.render.ScatterPlot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A report section that answers "can I trust the data?" for some labelled samples (inputs, or features at a hidden
 * layer): their t-SNE and PCA embeddings as scatter plots coloured by class (with image thumbnails when the samples
 * are images), and how well t-SNE kept their neighbourhoods. t-SNE runs on the first 50 principal components when the
 * samples have more values than that, with perplexity 30 (less for fewer than 91 samples).
 *
 * @param tsne the t-SNE embedding
 * @param pca the two-component PCA embedding of the samples as they are
 * @param neighbourhoodPreservation the share of each sample's 10 nearest neighbours that t-SNE kept
 * @param nearestNeighbourAccuracy how often a sample's nearest neighbour in the t-SNE plot has its class
 * @param tsnePng the t-SNE scatter plot
 * @param pcaPng the PCA scatter plot
 */
public record EmbeddingSection(Embedding tsne, Embedding pca, double neighbourhoodPreservation,
        double nearestNeighbourAccuracy, byte[] tsnePng, byte[] pcaPng) {
    private static final int REDUCED_DIMENSIONS = 50;
    private static final int NEIGHBOURS = 10;
    private static final int THUMBNAILS = 40;

    /**
     * Embeds {@code data} with t-SNE and PCA and draws both.
     *
     * @param labels the class of each sample, an index into {@code classNames}
     * @param imageShape the shape of one sample when the samples are images, for thumbnails; null for none
     * @param seed the seed of the embeddings and of the thumbnails' choice
     * @throws InvalidInputException for fewer than 4 samples, or data or labels that do not fit
     */
    public static EmbeddingSection of(float[][] data, int[] labels, List<String> classNames, Shape imageShape,
            long seed) {
        if (data == null || data.length < 4) {
            throw new InvalidInputException("an embedding section needs at least 4 samples, got "
                    + (data == null ? 0 : data.length));
        }
        if (labels.length != data.length) {
            throw new InvalidInputException(labels.length + " labels for " + data.length + " samples: expected one "
                    + "label per sample");
        }
        int n = data.length;
        float[][] reduced = data;
        if (data[0].length > REDUCED_DIMENSIONS && n > REDUCED_DIMENSIONS) {
            reduced = Pca.builder().components(REDUCED_DIMENSIONS).seed(seed).build().fit(data).projectToFloat(data);
        }
        int threads = Runtime.getRuntime().availableProcessors();
        Embedding tsne = NeighbourEmbedding.tsne().perplexity(Math.min(30, (n - 1) / 3.0)).seed(seed)
                .threads(threads).build().embed(reduced);
        Embedding pca = Pca.builder().components(2).seed(seed).build().embed(data);
        double kept = EmbeddingQuality.neighbourhoodPreservation(reduced, tsne.points(), Math.min(NEIGHBOURS, n - 1),
                threads);
        double accuracy = EmbeddingQuality.nearestNeighbourAccuracy(tsne.points(), labels, threads);
        return new EmbeddingSection(tsne, pca, kept, accuracy,
                plot(tsne, "t-SNE", data, labels, classNames, imageShape, seed),
                plot(pca, "PCA", data, labels, classNames, imageShape, seed));
    }

    /** Embeds {@code data}, draws it and adds the section to {@code report}; samples shown without thumbnails. */
    public static EmbeddingSection addTo(HtmlReport report, float[][] data, int[] labels, List<String> classNames,
            long seed) {
        return addTo(report, data, labels, classNames, null, seed);
    }

    /** Embeds image samples of {@code imageShape}, draws them with thumbnails and adds the section to the report. */
    public static EmbeddingSection addTo(HtmlReport report, float[][] data, int[] labels, List<String> classNames,
            Shape imageShape, long seed) {
        EmbeddingSection section = of(data, labels, classNames, imageShape, seed);
        section.appendTo(report);
        return section;
    }

    /** Adds this section to {@code report}. */
    public HtmlReport appendTo(HtmlReport report) {
        report.section("Data: t-SNE and PCA").paragraph(String.format(Locale.ROOT, "Can I trust the data? Each dot "
                + "is one of %d samples, coloured by its class. t-SNE places samples that are close in the data close "
                + "together; PCA shows the two directions of largest variance. Separate, compact clusters mean the "
                + "classes differ in the data; mixed colours point at classes the data cannot tell apart, or at "
                + "mislabelled samples. t-SNE kept %.0f%% of each sample's %d nearest neighbours, and a sample's "
                + "nearest neighbour in the plot shares its class %.0f%% of the time.", tsne.size(),
                100 * neighbourhoodPreservation, NEIGHBOURS, 100 * nearestNeighbourAccuracy));
        report.stats(List.of(
                new String[] {"1-NN accuracy in the t-SNE plot", percent(nearestNeighbourAccuracy)},
                new String[] {NEIGHBOURS + "-NN kept by t-SNE", percent(neighbourhoodPreservation)},
                new String[] {"t-SNE KL divergence", String.format(Locale.ROOT, "%.3f",
                        tsne.diagnostics().get("klDivergence"))},
                new String[] {"variance on the PCA plot", percent(pca.diagnostics().get("explainedVarianceRatio"))}));
        report.figure(tsnePng, "t-SNE (perplexity " + format(tsne.parameters().get("perplexity")) + ")", 640);
        report.figure(pcaPng, "PCA (first two components)", 640);
        return report;
    }

    /** The numbers of this section, for JSON. */
    public Map<String, Object> metrics() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("samples", tsne.size());
        out.put("nearestNeighbourAccuracy", nearestNeighbourAccuracy);
        out.put("neighbourhoodPreservation" + NEIGHBOURS, neighbourhoodPreservation);
        Map<String, Object> tsneMetrics = new LinkedHashMap<>();
        tsneMetrics.put("parameters", tsne.parameters());
        tsneMetrics.put("diagnostics", tsne.diagnostics());
        out.put("tsne", tsneMetrics);
        out.put("pca", Map.of("diagnostics", pca.diagnostics()));
        return out;
    }

    /** A copy of the t-SNE scatter plot's PNG bytes. */
    @Override
    public byte[] tsnePng() {
        return tsnePng.clone();
    }

    /** A copy of the PCA scatter plot's PNG bytes. */
    @Override
    public byte[] pcaPng() {
        return pcaPng.clone();
    }

    private static byte[] plot(Embedding embedding, String method, float[][] data, int[] labels,
            List<String> classNames, Shape imageShape, long seed) {
        ScatterPlot.Builder plot = ScatterPlot.of(embedding.points()).labels(labels, classNames)
                .title(method + " of " + embedding.size() + " samples");
        if (imageShape != null) {
            plot.thumbnails(data, imageShape, THUMBNAILS, seed);
        }
        return plot.build().png();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static String format(Object number) {
        return number instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : String.valueOf(number);
    }
}
