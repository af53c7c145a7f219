package dev.glassbox.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Diagnostic;
import dev.glassbox.core.metrics.SimilarityMetric;
import dev.glassbox.djl.sanity.RandomisationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each example of the user guide runs and gives the answer that theory gives. */
class ExamplesTest {
    private static final Path FIXTURES = Path.of("..", "glassbox-djl", "src", "test", "resources", "fixtures");

    @Test
    void kernelShapOfALinearScoreIsTheWeightTimesTheDistanceFromTheBackgroundMean(@TempDir Path out) {
        float[][] background = {{3.0f, 1.0f, 2}, {5.0f, 2.5f, 8}, {2.0f, 0.5f, 1}, {4.0f, 1.5f, 4}};
        float[] applicant = {6.0f, 0.5f, 10};
        Attribution a = ExplainJvmModel.explain(applicant, background, out);
        // φ_i = w_i (x_i − mean_i) for a linear model with features drawn independently from the background
        float[] weights = {0.8f, -1.2f, 0.1f};
        float[] means = {3.5f, 1.375f, 3.75f};
        for (int i = 0; i < 3; i++) {
            assertThat((double) a.values()[i]).isCloseTo(weights[i] * (applicant[i] - means[i]), within(1e-5));
        }
        assertThat(a.diagnostic(Diagnostic.ADDITIVITY_ERROR).orElseThrow()).isLessThan(1e-5);
        assertThat(out.resolve("applicant.kernel-shap.json")).exists();
        assertThat(out.resolve("applicant.kernel-shap.png")).exists();
    }

    @Test
    void integratedGradientsAreCompleteAndGradCamCoversTheImage(@TempDir Path out) {
        float[] image = new float[28 * 28];
        Random random = new Random(5);
        for (int i = 0; i < image.length; i++) {
            image[i] = random.nextFloat();
        }
        Attribution ig = ExplainImageModel.integratedGradients(FIXTURES.resolve("cnn.pt"), image, out);
        double change = ig.diagnostic(Diagnostic.SCORE).orElseThrow() - ig.diagnostic(Diagnostic.BASELINE_SCORE)
                .orElseThrow();
        assertThat(Math.abs(ig.diagnostic(Diagnostic.COMPLETENESS_DELTA).orElseThrow()))
                .isLessThan(0.02 * Math.abs(change));
        assertThat(Files.exists(out.resolve("image.ig.png"))).isTrue();

        Attribution cam = ExplainImageModel.gradCam(FIXTURES.resolve("cnn_features.pt"), FIXTURES.resolve("cnn_head.pt"),
                image);
        assertThat(cam.shape().dims()).containsExactly(1, 28, 28);
        float max = 0;
        for (float v : cam.values()) {
            assertThat(v).isGreaterThanOrEqualTo(0f);
            max = Math.max(max, v);
        }
        assertThat(max).isPositive();
    }

    @Test
    void temperatureScalingUndoesAKnownOverconfidence() {
        // labels drawn from softmax(z); the model reports 3z, so the right temperature is 3
        Random random = new Random(11);
        int n = 4000;
        float[][] logits = new float[n][3];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double[] z = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            double total = Math.exp(z[0]) + Math.exp(z[1]) + Math.exp(z[2]);
            double u = random.nextDouble() * total;
            labels[i] = u < Math.exp(z[0]) ? 0 : u < Math.exp(z[0]) + Math.exp(z[1]) ? 1 : 2;
            for (int c = 0; c < 3; c++) {
                logits[i][c] = (float) (3 * z[c]);
            }
        }
        CheckCalibration.Report report = CheckCalibration.check(logits, labels);
        assertThat(report.temperature()).isCloseTo(3, within(0.3));
        assertThat(report.after().ece()).isLessThan(report.before().ece() / 2);
        assertThat(report.after().nll()).isLessThan(report.before().nll());
    }

    @Test
    void wellSeparatedClustersStaySeparatedInBothPictures() {
        Random random = new Random(2);
        float[][] rows = new float[200][10];
        int[] labels = new int[200];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = i % 2;
            for (int j = 0; j < 10; j++) {
                rows[i][j] = (float) (random.nextGaussian() + (labels[i] == 1 && j < 3 ? 8 : 0));
            }
        }
        LookAtData.Pictures pictures = LookAtData.embed(rows, labels);
        assertThat(pictures.pcaAccuracy()).isGreaterThan(0.95);
        assertThat(pictures.tsneAccuracy()).isGreaterThan(0.95);
    }

    @Test
    void saliencyMapsChangeOnceTheModelIsRandomised() {
        Random random = new Random(4);
        float[][] images = new float[2][28 * 28];
        for (float[] image : images) {
            for (int i = 0; i < image.length; i++) {
                image[i] = random.nextFloat();
            }
        }
        RandomisationResult result = SanityCheck.run(FIXTURES.resolve("cnn.pt"), images);
        assertThat(result.meanSimilarity("saliency", SimilarityMetric.SPEARMAN_ABS, 0)).isCloseTo(1, within(1e-9));
        assertThat(result.meanSimilarity("saliency", SimilarityMetric.SPEARMAN_ABS, result.steps() - 1))
                .isLessThan(0.5);
    }
}
