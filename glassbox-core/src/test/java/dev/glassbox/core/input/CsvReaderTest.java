package dev.glassbox.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsHeaderAndRows() throws IOException {
        Path file = write("x.csv", "a,b,c\n1,2.5,-3\n4e2, .5 ,+6\n");

        TabularData table = CsvReader.read(file);

        assertThat(table.columns()).containsExactly("a", "b", "c");
        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(table.rows()[0]).containsExactly(1f, 2.5f, -3f);
        assertThat(table.rows()[1]).containsExactly(400f, 0.5f, 6f);
        assertThat(table.shape()).isEqualTo(Shape.of(3));
    }

    @Test
    void samplesAreNamedByDataRowNumber() throws IOException {
        Path file = write("x.csv", "a,b\n1,2\n3,4\n");

        List<Sample> samples = CsvReader.read(file).samples("x.csv");

        assertThat(samples).extracting(Sample::name).containsExactly("x.csv#1", "x.csv#2");
        assertThat(samples.get(1).shape()).isEqualTo(Shape.of(2));
        assertThat(samples.get(1).values()).containsExactly(3f, 4f);
    }

    @Test
    void handlesQuotedHeadersCrLfAndBlankLines() throws IOException {
        Path file = write("x.csv", "\uFEFF\"petal, length\",\"the \"\"width\"\"\", plain \r\n\"1\",2,3\r\n\r\n4,5,6\r\n\r\n  \r\n");

        TabularData table = CsvReader.read(file);

        assertThat(table.columns()).containsExactly("petal, length", "the \"width\"", "plain");
        assertThat(table.rows()).hasDimensions(2, 3);
        assertThat(table.rows()[1]).containsExactly(4f, 5f, 6f);
    }

    @Test
    void handlesAFileWithoutAFinalNewline() throws IOException {
        assertThat(CsvReader.read(write("x.csv", "a\n7")).rows()[0]).containsExactly(7f);
    }

    @Test
    void setsALabelColumnAside() throws IOException {
        Path file = write("iris.csv", "sepal,species,petal\n1,setosa,2\n3,virginica,4\n");

        LabelledTable table = CsvReader.readLabelled(file, "species");

        assertThat(table.features().columns()).containsExactly("sepal", "petal");
        assertThat(table.features().rows()[1]).containsExactly(3f, 4f);
        assertThat(table.labels()).containsExactly("setosa", "virginica");
        assertThat(table.labelColumn()).isEqualTo("species");
    }

    @Test
    void rejectsAnUnknownOrLoneLabelColumn() throws IOException {
        Path file = write("x.csv", "a,b\n1,2\n");
        Path lone = write("y.csv", "label\n1\n");

        assertThatThrownBy(() -> CsvReader.readLabelled(file, "label"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("CSV x.csv has no column 'label': its columns are a, b");
        assertThatThrownBy(() -> CsvReader.readLabelled(lone, "label"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("CSV y.csv has only the label column 'label': expected at least one feature column");
    }

    @Test
    void rejectsEmptyFiles() throws IOException {
        for (String content : List.of("", "\n\n", "\r\n  \r\n")) {
            Path file = write("x.csv", content);
            assertThatThrownBy(() -> CsvReader.read(file))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("CSV x.csv is empty: expected a header row and at least one data row");
        }
    }

    @Test
    void rejectsAHeaderWithoutRows() throws IOException {
        Path file = write("x.csv", "a,b,c\n\n");

        assertThatThrownBy(() -> CsvReader.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("CSV x.csv has a header but no data rows: expected at least one data row");
    }

    @Test
    void rejectsRaggedRows() throws IOException {
        Path file = write("x.csv", "a,b,c,d,e\n1,2,3,4,5\n1,2,3,4,5\n1,2,3,4\n");

        assertThatThrownBy(() -> CsvReader.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("CSV x.csv row 3 has 4 values but the header has 5 columns");
    }

    @Test
    void rejectsCellsThatAreNotNumbers() throws IOException {
        Path text = write("a.csv", "age,height\n30,1.8\n41,tall\n");
        Path empty = write("b.csv", "age,height\n30,\n");
        Path suffixed = write("c.csv", "age\n1.5f\n");
        Path unnamed = write("d.csv", ",x\nabc,1\n");

        assertThatThrownBy(() -> CsvReader.read(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("CSV a.csv row 2 column 'height' holds 'tall', which is not a number");
        assertThatThrownBy(() -> CsvReader.read(empty))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("CSV b.csv row 1 column 'height' is empty: expected a number");
        assertThatThrownBy(() -> CsvReader.read(suffixed))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("CSV c.csv row 1 column 'age' holds '1.5f', which is not a number");
        assertThatThrownBy(() -> CsvReader.read(unnamed))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("CSV d.csv row 1 column 1 holds 'abc', which is not a number");
    }

    @Test
    void rejectsNanAndInfinity() throws IOException {
        Path nan = write("a.csv", "a,b\n1,NaN\n");
        Path inf = write("b.csv", "a,b\n-inf,1\n");
        Path huge = write("c.csv", "a\n1e39\n");

        assertThatThrownBy(() -> CsvReader.read(nan))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("CSV a.csv row 1 column 'b' holds NaN: inputs must be finite numbers");
        assertThatThrownBy(() -> CsvReader.read(inf))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("CSV b.csv row 1 column 'a' holds -inf: inputs must be finite numbers");
        assertThatThrownBy(() -> CsvReader.read(huge))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("CSV c.csv row 1 column 'a' holds 1e39, which is too large for a 32-bit float");
    }

    @Test
    void rejectsDuplicateColumnsAndUnclosedQuotes() throws IOException {
        Path duplicate = write("a.csv", "x,y,x\n1,2,3\n");
        Path unclosed = write("b.csv", "x,y\n1,\"2\n3,4\n");

        assertThatThrownBy(() -> CsvReader.read(duplicate))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("CSV a.csv has two columns named 'x': expected unique column names");
        assertThatThrownBy(() -> CsvReader.read(unclosed))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("CSV b.csv has a quote opened on line 2 that is never closed");
    }

    @Test
    void rejectsTextThatIsNotUtf8AndMissingFiles() throws IOException {
        Path binary = Files.write(dir.resolve("bin.csv"), new byte[] {'a', '\n', (byte) 0xff, (byte) 0xfe, '\n'});
        Path missing = dir.resolve("none.csv");

        assertThatThrownBy(() -> CsvReader.read(binary))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("CSV bin.csv is not UTF-8 text: expected a text CSV file");
        assertThatThrownBy(() -> CsvReader.read(missing))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input file not found: " + missing);
    }

    @Test
    void tablesAreImmutable() throws IOException {
        TabularData table = CsvReader.read(write("x.csv", "a\n1\n"));

        table.rows()[0][0] = 9f;
        table.samples("x.csv").get(0).values()[0] = 9f;

        assertThat(table.rows()[0]).containsExactly(1f);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void aFirstLineOfNumbersIsRefusedAsAHeaderAndReadAsDataWithoutOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("plain.csv"), "1,2.5,-3\n4,5,6\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsvReader.read(file))
                .isInstanceOf(CsvReader.NumericHeaderException.class).hasMessageContaining("plain.csv has no header");
        TabularData table = CsvReader.readWithoutHeader(file);
        org.assertj.core.api.Assertions.assertThat(table.columns()).containsExactly("c0", "c1", "c2");
        org.assertj.core.api.Assertions.assertThat(table.rows()[0]).containsExactly(1f, 2.5f, -3f);
        org.assertj.core.api.Assertions.assertThat(table.rowCount()).isEqualTo(2);
    }
}
