package dev.glassbox.core.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Sobol design: the unscrambled points equal SciPy's {@code qmc.Sobol(scramble=False)} (written by
 * {@code scripts/make_sobol_references.py}), and the shifted points keep the net property that makes them a design.
 */
class SobolSequenceTest {

    @Test
    void unscrambledPointsEqualScipys() throws IOException {
        JsonObject root;
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/design/sobol-references.json")), StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(reader).getAsJsonObject();
        }
        JsonArray expected = root.getAsJsonArray("points");
        int d = root.get("dimensions").getAsInt();
        double[][] points = SobolSequence.points(expected.size(), d);
        for (int i = 0; i < expected.size(); i++) {
            JsonArray row = expected.get(i).getAsJsonArray();
            for (int j = 0; j < d; j++) {
                assertThat(points[i][j]).as("point %d, dimension %d", i, j).isEqualTo(row.get(j).getAsDouble());
            }
        }
    }

    @Test
    void shiftedPrefixesOfPowersOfTwoFillEveryElementaryBoxOfTheFirstTwoDimensionsOnce() {
        double[][] points = InitialDesign.SOBOL.unitPoints(64, 6, new SplittableRandom(11));
        for (int m = 1; m <= 6; m++) {
            int n = 1 << m;
            for (int split = 0; split <= m; split++) {
                // boxes of 2^split × 2^(m − split) cells, each of area 1/n, must hold one point each
                boolean[] seen = new boolean[n];
                for (int i = 0; i < n; i++) {
                    int a = (int) Math.floor(points[i][0] * (1 << split));
                    int b = (int) Math.floor(points[i][1] * (1 << (m - split)));
                    int cell = (a << (m - split)) | b;
                    assertThat(seen[cell]).as("n = %d, split %d, cell %d", n, split, cell).isFalse();
                    seen[cell] = true;
                }
            }
            for (int j = 2; j < 6; j++) {
                boolean[] seen = new boolean[n];
                for (int i = 0; i < n; i++) {
                    int cell = (int) Math.floor(points[i][j] * n);
                    assertThat(seen[cell]).as("n = %d, dimension %d", n, j).isFalse();
                    seen[cell] = true;
                }
            }
        }
    }

    @Test
    void theSeedChoosesTheShift() {
        double[][] a = InitialDesign.SOBOL.unitPoints(8, 3, new SplittableRandom(1));
        assertThat(InitialDesign.SOBOL.unitPoints(8, 3, new SplittableRandom(1))).isDeepEqualTo(a);
        assertThat(InitialDesign.SOBOL.unitPoints(8, 3, new SplittableRandom(2))[0]).isNotEqualTo(a[0]);
        assertThat(InitialDesign.of("sobol")).isEqualTo(InitialDesign.SOBOL);
    }

    @Test
    void anOptimizerAsksForTheSobolPointsFirst() {
        Box box = new Box(new double[] {-5, 0}, new double[] {10, 15});
        BayesianOptimizer optimizer = BayesianOptimizer.builder(box).initialDesign(InitialDesign.SOBOL)
                .initialPoints(4).seed(3).build();
        double[][] design = InitialDesign.SOBOL.unitPoints(4, 2, new SplittableRandom(3));
        for (double[] unit : design) {
            double[] x = optimizer.ask();
            assertThat(x).containsExactly(box.fromUnit(unit));
            optimizer.tell(x, BenchmarkFunction.of("branin").value(x));
        }
        assertThat(BayesianOptimizer.fromJson(optimizer.toJson().toString()).ask()).containsExactly(optimizer.ask());
    }

    @Test
    void moreDimensionsThanTheTableAreRefusedInOneLine() {
        Box wide = new Box(new double[22], filled(22, 1));
        assertThatThrownBy(() -> BayesianOptimizer.builder(wide).initialDesign(InitialDesign.SOBOL).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 to 21 dimensions");
    }

    private static double[] filled(int n, double value) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, value);
        return out;
    }
}
