package dev.glassbox.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.core.uncertainty.CalibrationError;
import dev.glassbox.core.uncertainty.Probabilities;
import dev.glassbox.core.uncertainty.TemperatureScaling;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CalibrationSectionTest {
    private static final Pattern IMAGE = Pattern.compile("src=\"data:image/png;base64,");
    private static final double OVER_CONFIDENCE = 3;

    @Test
    void addsMetricsAndChartsForTheModel() {
        float[][] logits = logits(300, 4, 1);
        int[] labels = labels(logits, 2);

        String html = CalibrationSection.addTo(new HtmlReport("r", "s"), logits, labels).render();

        assertThat(html).contains("<h2>Calibration</h2>", "<th>metric</th><th>model</th></tr>", "adaptive ECE",
                "classwise ECE", "Brier score", "300 labelled samples");
        double ece = CalibrationError.ece(Probabilities.softmax(logits), labels);
        assertThat(html).contains("<td class=\"num\">" + String.format(Locale.ROOT, "%.2f%%", 100 * ece) + "</td>");
        assertThat(IMAGE.matcher(html).results().count()).isEqualTo(2);
    }

    @Test
    void addsAColumnAndChartsAfterCalibration() {
        float[][] validation = logits(2_000, 4, 3);
        float[][] test = logits(300, 4, 4);
        TemperatureScaling scaling = TemperatureScaling.fit(validation, labels(validation, 5));

        String html = CalibrationSection.addTo(new HtmlReport("r", "s"), test, labels(test, 6), scaling).render();

        assertThat(scaling.temperature()).isBetween(2.5, 3.5);
        assertThat(html).contains("<th>after " + scaling.description() + "</th></tr>");
        assertThat(IMAGE.matcher(html).results().count()).isEqualTo(4);
    }

    /** Uniform logits, over-confident for labels drawn from their softmax at temperature {@link #OVER_CONFIDENCE}. */
    private static float[][] logits(int n, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] logits = new float[n][classes];
        for (float[] row : logits) {
            for (int k = 0; k < classes; k++) {
                row[k] = (float) random.nextDouble(-6, 6);
            }
        }
        return logits;
    }

    private static int[] labels(float[][] logits, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] labels = new int[logits.length];
        for (int i = 0; i < logits.length; i++) {
            double[] softened = new double[logits[i].length];
            for (int k = 0; k < softened.length; k++) {
                softened[k] = logits[i][k] / OVER_CONFIDENCE;
            }
            double[] p = Vectors.softmax(softened);
            double u = random.nextDouble();
            int label = 0;
            while (label < p.length - 1 && u >= p[label]) {
                u -= p[label++];
            }
            labels[i] = label;
        }
        return labels;
    }
}
