package dev.glassbox.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glassbox.core.InvalidInputException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The regression data: the gap benchmark's noise and gap, the bundled diabetes rows, splits and standardisation. */
class RegressionDataTest {

    @Test
    void theGapBenchmarkHasNoInputInTheGapAndItsNoiseIsTheStatedFunction() {
        RegressionTable data = GapRegressionBenchmark.sample(40_000, 1);
        float[][] x = data.inputs();
        double[] y = data.targets();
        // standardised residuals (y − f(x)) / σ(x) have mean 0 and variance 1 in each band of |x|
        double[][] bands = {{1, 2}, {2, 3}, {3, 4}};
        for (double[] band : bands) {
            double sum = 0;
            double squares = 0;
            int n = 0;
            for (int i = 0; i < x.length; i++) {
                double v = x[i][0];
                assertThat(GapRegressionBenchmark.inGap(v)).isFalse();
                assertThat(Math.abs(v)).isLessThanOrEqualTo(GapRegressionBenchmark.EDGE);
                if (Math.abs(v) >= band[0] && Math.abs(v) < band[1]) {
                    double z = (y[i] - GapRegressionBenchmark.mean(v)) / GapRegressionBenchmark.noiseStd(v);
                    sum += z;
                    squares += z * z;
                    n++;
                }
            }
            assertThat(sum / n).isCloseTo(0, within(0.05));
            assertThat(squares / n).isCloseTo(1, within(0.05));
        }
        assertThat(GapRegressionBenchmark.noiseStd(0)).isEqualTo(0.1);
        assertThat(GapRegressionBenchmark.noiseStd(-4)).isCloseTo(0.4, within(1e-15));
        assertThat(GapRegressionBenchmark.sample(5, 9)).isEqualTo(GapRegressionBenchmark.sample(5, 9));
    }

    @Test
    void theDiabetesDataAreScikitLearnsRows() {
        RegressionTable diabetes = Diabetes.load();
        assertThat(diabetes.count()).isEqualTo(442);
        assertThat(diabetes.columns()).containsExactly("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6");
        // the first row and target of sklearn.datasets.load_diabetes(scaled=False)
        assertThat(diabetes.inputs()[0]).containsExactly(59f, 2f, 32.1f, 101f, 157f, 93.2f, 38f, 4f, 4.8598f, 87f);
        assertThat(diabetes.targets()[0]).isEqualTo(151);
        assertThat(Arrays.stream(diabetes.targets()).average().orElseThrow()).isCloseTo(152.133, within(1e-3));
    }

    @Test
    void aSplitUsesEveryRowOnceAndStandardisationRoundTrips() {
        RegressionTable diabetes = Diabetes.load();
        List<RegressionTable> parts = diabetes.split(3, 0.6, 0.2, 0.2);
        assertThat(parts.stream().mapToInt(RegressionTable::count).toArray()).containsExactly(265, 89, 88);
        Set<String> rows = new HashSet<>();
        for (RegressionTable part : parts) {
            float[][] x = part.inputs();
            for (int i = 0; i < x.length; i++) {
                rows.add(Arrays.toString(x[i]) + part.targets()[i]);
            }
        }
        assertThat(rows).hasSize(442);
        assertThat(diabetes.split(3, 0.6, 0.2, 0.2)).isEqualTo(parts);

        Standardisation s = Standardisation.fit(parts.get(0));
        float[][] z = s.inputs(parts.get(0).inputs());
        for (int j = 0; j < 10; j++) {
            double mean = 0;
            double square = 0;
            for (float[] row : z) {
                mean += row[j] / z.length;
                square += row[j] * row[j] / z.length;
            }
            assertThat(mean).isCloseTo(0, within(1e-5));
            assertThat(square).isCloseTo(1, within(1e-4));
        }
        assertThat(s.mean(s.targets(new double[] {200})[0])).isCloseTo(200, within(1e-4));
        assertThat(s.variance(1)).isCloseTo(s.targetStd() * s.targetStd(), within(1e-12));
        Map<String, Double> metrics = new TreeMap<>();
        s.toMetrics(metrics);
        assertThat(Standardisation.fromMetrics(metrics, 10)).isEqualTo(s);
        assertThatThrownBy(() -> Standardisation.fromMetrics(Map.of(), 10)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> diabetes.split(1, 0.5, 0.6)).isInstanceOf(InvalidInputException.class);
    }
}
