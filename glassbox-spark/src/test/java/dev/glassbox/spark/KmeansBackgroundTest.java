package dev.glassbox.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Target;
import dev.glassbox.spark.table.ExplainedRow;
import dev.glassbox.spark.table.ModelSource;
import dev.glassbox.spark.table.RowExplainer;
import dev.glassbox.spark.table.TableMethod;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A background summarised by weighted k-means: on a background of three distinct rows repeated once, twice and three
 * times, three centres are those rows weighted by their counts, and Kernel SHAP over them gives the attributions of
 * the full repeated background.
 */
class KmeansBackgroundTest {

    @Test
    void weightedCentresStandForTheRepeatedRows() {
        float[][] distinct = Arrays.copyOf(SparkFixtures.background().rows(), 3);
        float[][] repeated = {distinct[0], distinct[1], distinct[1], distinct[2], distinct[2], distinct[2]};
        TableMethod summarised = TableMethod.summarised("kernel-shap", 64, repeated, 3, 7, false);
        assertThat(summarised.background()).hasNumberOfRows(3);
        for (int c = 0; c < 3; c++) {
            float[] centre = summarised.background()[c];
            int row = java.util.stream.IntStream.range(0, 3).filter(i -> Arrays.equals(distinct[i], centre))
                    .findFirst().orElseThrow();
            assertThat(summarised.weights()[c]).as("centre %d", c).isEqualTo(row + 1.0);
        }
        TableMethod full = new TableMethod("kernel-shap", 64, repeated, false);
        List<String> columns = SparkFixtures.features();
        float[] x = SparkFixtures.background().rows()[5];
        try (Model model = ModelSource.file(SparkFixtures.model().toString(), 30, 64).open()) {
            ExplainedRow a = new RowExplainer(model, summarised, 3, columns, Target.PREDICTED, false).explain("r", x);
            ExplainedRow b = new RowExplainer(model, full, 3, columns, Target.PREDICTED, false).explain("r", x);
            assertThat(a.expectedValue()).isCloseTo(b.expectedValue(), within(1e-5));
            double largest = 0;
            for (float v : b.attribution()) {
                largest = Math.max(largest, Math.abs(v));
            }
            assertThat(largest).isGreaterThan(0);
            for (int j = 0; j < columns.size(); j++) {
                assertThat((double) a.attribution()[j]).isCloseTo(b.attribution()[j], within(1e-5 * largest));
            }
        }
    }
}
