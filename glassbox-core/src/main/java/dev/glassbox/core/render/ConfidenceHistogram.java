package dev.glassbox.core.render;

import dev.glassbox.core.uncertainty.ReliabilityBins;
import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * A confidence histogram as PNG: the share of samples in each bin, with the overall accuracy (solid line) and mean
 * confidence (dashed line) marked. Mean confidence to the right of accuracy means over-confidence.
 */
public final class ConfidenceHistogram {
    static final Color ACCURACY = new Color(0x1b1f24);
    static final Color CONFIDENCE = new Color(0xe45756);

    private ConfidenceHistogram() {
    }

    /** The histogram of reliability bins, its y axis running to the largest share rounded up to a tenth. */
    public static byte[] png(ReliabilityBins bins, String title) {
        double largest = bins.bins().stream().mapToDouble(b -> b.count() / (double) bins.total()).max().orElse(0);
        double top = Math.max(0.1, Math.ceil(largest * 10 - 1e-9) / 10);
        ChartCanvas canvas = new ChartCanvas(title, "confidence", "share of samples", top);
        for (ReliabilityBins.Bin bin : bins.bins()) {
            double share = bin.count() / (double) bins.total();
            canvas.fill(bin.lower(), bin.upper(), 0, share, ReliabilityDiagram.BAR);
            canvas.outline(bin.lower(), bin.upper(), 0, share, ReliabilityDiagram.BAR_EDGE);
        }
        canvas.line(bins.accuracy(), 0, bins.accuracy(), top, ACCURACY, false);
        canvas.line(bins.meanConfidence(), 0, bins.meanConfidence(), top, CONFIDENCE, true);
        canvas.legend(List.of(
                new ChartCanvas.LegendEntry(String.format(Locale.ROOT, "accuracy %.1f%%", 100 * bins.accuracy()),
                        ACCURACY, true),
                new ChartCanvas.LegendEntry(String.format(Locale.ROOT, "mean confidence %.1f%%",
                        100 * bins.meanConfidence()), CONFIDENCE, true)));
        return canvas.png();
    }
}
