package dev.glassbox.core.render;

import dev.glassbox.core.uncertainty.ReliabilityBins;
import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * A reliability diagram (Guo et al. 2017) as PNG: one bar per non-empty bin spanning the bin's confidences, as high
 * as the bin's accuracy; the gap between accuracy and the bin's mean confidence shaded; the diagonal of perfect
 * calibration dashed; the ECE in the title. Bars below the diagonal mean over-confidence.
 */
public final class ReliabilityDiagram {
    static final Color BAR = new Color(0x4c78a8);
    static final Color GAP = new Color(228, 87, 86, 150);
    static final Color BAR_EDGE = new Color(0x2f4b6e);

    private ReliabilityDiagram() {
    }

    /** The diagram of top-label (or classwise) reliability bins, titled {@code title — ECE x%}. */
    public static byte[] png(ReliabilityBins bins, String title) {
        ChartCanvas canvas = new ChartCanvas(title(bins, title), "confidence", "accuracy", 1);
        for (ReliabilityBins.Bin bin : bins.bins()) {
            canvas.fill(bin.lower(), bin.upper(), 0, bin.accuracy(), BAR);
            canvas.fill(bin.lower(), bin.upper(), bin.accuracy(), bin.meanConfidence(), GAP);
            canvas.outline(bin.lower(), bin.upper(), 0, bin.accuracy(), BAR_EDGE);
        }
        canvas.line(0, 0, 1, 1, ChartCanvas.INK, true);
        canvas.legend(List.of(new ChartCanvas.LegendEntry("accuracy", BAR, false),
                new ChartCanvas.LegendEntry("gap to mean confidence", GAP, false),
                new ChartCanvas.LegendEntry("perfect calibration", ChartCanvas.INK, true)));
        return canvas.png();
    }

    static String title(ReliabilityBins bins, String title) {
        return String.format(Locale.ROOT, "%s — ECE %.2f%%", title, 100 * bins.ece());
    }
}
