package dev.glassbox.core.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The diabetes data of Efron, Hastie, Johnstone and Tibshirani (2004, "Least Angle Regression"), as scikit-learn
 * bundles them (BSD-3-Clause licence), unscaled and bundled here as {@code diabetes.csv}: 442 patients, ten baseline
 * inputs (age, sex, body mass index, mean blood pressure, six blood serum measurements) and a quantitative measure of
 * disease progression one year later as the target. {@code scripts/make_diabetes_csv.py} wrote the file.
 */
public final class Diabetes {
    /** The data set's name on the command line. */
    public static final String NAME = "diabetes";
    /** Where the data came from, with its licence. */
    public static final String PROVENANCE = "diabetes data of Efron et al. 2004 as bundled by scikit-learn "
            + "(BSD-3-Clause)";

    private Diabetes() {
    }

    /** All 442 rows. */
    public static RegressionTable load() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                Diabetes.class.getResourceAsStream("diabetes.csv"), "diabetes.csv"), StandardCharsets.UTF_8))) {
            String[] header = reader.readLine().split(",");
            List<String> columns = Arrays.asList(header).subList(0, header.length - 1);
            List<float[]> rows = new ArrayList<>();
            List<Double> targets = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split(",");
                float[] row = new float[cells.length - 1];
                for (int j = 0; j < row.length; j++) {
                    row[j] = Float.parseFloat(cells[j]);
                }
                rows.add(row);
                targets.add(Double.parseDouble(cells[cells.length - 1]));
            }
            return new RegressionTable(columns, rows.toArray(float[][]::new),
                    targets.stream().mapToDouble(Double::doubleValue).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled diabetes data", e);
        }
    }
}
