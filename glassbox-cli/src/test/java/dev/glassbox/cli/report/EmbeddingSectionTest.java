package dev.glassbox.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.render.HtmlReport;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EmbeddingSectionTest {

    /** 8×8 grey images of three kinds: a bright top half, a bright left half, a bright centre; with noise. */
    private static float[][] images(int count, int[] labels) {
        SplittableRandom random = new SplittableRandom(4);
        float[][] out = new float[count][64];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 3;
            for (int p = 0; p < 64; p++) {
                int row = p / 8;
                int column = p % 8;
                boolean bright = switch (labels[i]) {
                    case 0 -> row < 4;
                    case 1 -> column < 4;
                    default -> row >= 2 && row < 6 && column >= 2 && column < 6;
                };
                out[i][p] = (float) Math.min(1, Math.max(0, (bright ? 0.9 : 0.1) + 0.05 * random.nextGaussian()));
            }
        }
        return out;
    }

    @Test
    void addsPlotsAndNumbersOfSeparableClassesToTheReport() {
        int[] labels = new int[90];
        float[][] data = images(90, labels);
        HtmlReport report = new HtmlReport("test", "embedding");

        EmbeddingSection section = EmbeddingSection.addTo(report, data, labels, List.of("top", "left", "centre"),
                Shape.of(1, 8, 8), 1);

        assertThat(section.nearestNeighbourAccuracy()).isEqualTo(1.0);
        assertThat(section.neighbourhoodPreservation()).isBetween(0.0, 1.0);
        assertThat(section.tsne().size()).isEqualTo(90);
        assertThat(section.tsnePng()).startsWith(0x89, 'P', 'N', 'G');
        String html = report.render();
        assertThat(html).contains("Data: t-SNE and PCA").contains("1-NN accuracy in the t-SNE plot")
                .contains("100.0%");
        assertThat(html.split("data:image/png;base64,", -1).length - 1).isEqualTo(2);
        assertThat(section.metrics()).containsEntry("nearestNeighbourAccuracy", 1.0).containsKey("tsne");
    }

    @Test
    void rejectsTooFewSamplesAndMismatchedLabels() {
        assertThatThrownBy(() -> EmbeddingSection.of(new float[3][2], new int[3], List.of("a"), null, 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("an embedding section needs at least 4 samples, got 3");
        assertThatThrownBy(() -> EmbeddingSection.of(new float[5][2], new int[4], List.of("a"), null, 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("4 labels for 5 samples: expected one label per sample");
    }
}
