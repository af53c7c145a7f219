package dev.glassbox.spark.table;

import dev.glassbox.core.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Parquet files without Spark, through parquet-mr: reads a flat table of numeric or text columns, and writes explained
 * rows with the schema Spark writes for them ({@code key}, {@code attribution} as a list of floats, {@code target},
 * {@code prediction}, {@code expected_value}, {@code additivity_error}, {@code r2}, {@code seed}, {@code error}).
 */
public final class ParquetFiles {
    private static final MessageType RESULTS = MessageTypeParser.parseMessageType("""
            message spark_schema {
              required binary key (STRING);
              optional group attribution (LIST) { repeated group list { required float element; } }
              optional int32 target;
              optional double prediction;
              optional double expected_value;
              optional double additivity_error;
              optional double r2;
              required int64 seed;
              optional binary error (STRING);
            }""");

    private ParquetFiles() {
    }

    /** Writes {@code rows} into the new file {@code file}, compressed with Snappy as Spark does. */
    public static void writeResults(Path file, Iterable<ExplainedRow> rows) {
        SimpleGroupFactory groups = new SimpleGroupFactory(RESULTS);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(RESULTS)
                .withCompressionCodec(CompressionCodecName.SNAPPY).withWriteMode(ParquetFileWriter.Mode.CREATE).build()) {
            for (ExplainedRow row : rows) {
                Group g = groups.newGroup().append("key", row.key());
                if (row.ok()) {
                    Group list = g.addGroup("attribution");
                    for (float v : row.attribution()) {
                        list.addGroup("list").append("element", v);
                    }
                    g.append("target", row.target());
                }
                optional(g, "prediction", row.prediction());
                optional(g, "expected_value", row.expectedValue());
                optional(g, "additivity_error", row.additivityError());
                optional(g, "r2", row.r2());
                g.append("seed", row.seed());
                if (!row.ok()) {
                    g.append("error", row.error());
                }
                writer.write(g);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void optional(Group g, String field, double value) {
        if (!Double.isNaN(value)) {
            g.append(field, value);
        }
    }

    /** Reads a flat Parquet file of primitive columns. */
    public static InputTable read(Path file) {
        try (ParquetReader<Group> reader = new GroupReader(file).build()) {
            List<String> columns = null;
            List<Object[]> rows = new ArrayList<>();
            for (Group g = reader.read(); g != null; g = reader.read()) {
                if (columns == null) {
                    columns = new ArrayList<>();
                    for (Type t : g.getType().getFields()) {
                        if (!t.isPrimitive()) {
                            throw new InvalidInputException(file + ": column " + t.getName() + " is nested; expected "
                                    + "flat numeric or text columns");
                        }
                        columns.add(t.getName());
                    }
                }
                Object[] cells = new Object[columns.size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = g.getFieldRepetitionCount(i) == 0 ? null : cell(g, i);
                }
                rows.add(cells);
            }
            return new InputTable(columns == null ? List.of() : columns, rows);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read Parquet file " + file + ": " + e.getMessage());
        }
    }

    private static Object cell(Group g, int i) {
        PrimitiveType type = g.getType().getType(i).asPrimitiveType();
        return switch (type.getPrimitiveTypeName()) {
            case DOUBLE -> g.getDouble(i, 0);
            case FLOAT -> g.getFloat(i, 0);
            case INT32 -> g.getInteger(i, 0);
            case INT64 -> g.getLong(i, 0);
            case BOOLEAN -> g.getBoolean(i, 0) ? 1 : 0;
            default -> g.getBinary(i, 0).toStringUsingUTF8();
        };
    }

    /** parquet-mr's example reader on a local file. */
    private static final class GroupReader extends ParquetReader.Builder<Group> {
        GroupReader(Path file) {
            super(new LocalInputFile(file));
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
