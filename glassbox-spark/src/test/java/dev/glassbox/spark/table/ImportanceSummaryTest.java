package dev.glassbox.spark.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImportanceSummaryTest {

    @Test
    void meanAbsoluteAttributionItsSpreadAndTheOrderMatchHandComputedValues() {
        // |phi| of feature a: 1, 3 (mean 2, population std 1); of b: 2, 4 (mean 3, std 1); signed means 2 and 1
        ImportanceSummary s = ImportanceSummary.of(List.of("a", "b"), List.of(new float[] {1, -2}, new float[] {3, 4}));
        assertThat(s.rows()).isEqualTo(2);
        assertThat(s.meanAbs()).containsExactly(new double[] {2, 3}, within(1e-12));
        assertThat(s.stdAbs()).containsExactly(new double[] {1, 1}, within(1e-12));
        assertThat(s.mean()).containsExactly(new double[] {2, 1}, within(1e-12));
        assertThat(s.order()).containsExactly(1, 0);
    }

    @Test
    void csvCellsQuoteWhatNeedsItAndWriteFloatsThatReadBack() {
        ExplainedRow row = new ExplainedRow("k,1", new float[] {0.1f, -3e-8f}, 1, 0, 0, 0, Double.NaN, 5, null);
        String line = CsvCells.line(row, 2);
        assertThat(line).isEqualTo("\"k,1\",0.1,-3.0E-8,\n");
        assertThat(Float.parseFloat(line.split(",")[3])).isEqualTo(-3e-8f); // the quoted key holds a comma
        assertThat(CsvCells.line(ExplainedRow.failed("k2", 5, "column x is \"bad\""), 2))
                .isEqualTo("k2,,,\"column x is \"\"bad\"\"\"\n");
        assertThat(CsvCells.header(List.of("a", "b c"))).isEqualTo("key,a,b c,error\n");
    }
}
