package dev.glassbox.spark.table;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code glassbox explain-table} on one machine, without Spark: reads the table, explains its rows in order with a
 * {@link RowExplainer}, and writes {@code attributions.parquet} (one file), optionally {@code attributions.csv}, and
 * the summary ({@link SummaryReport}). A row's numbers are the same bits as a Spark run's.
 */
public final class LocalTableJob {
    private LocalTableJob() {
    }

    /** How a run went. */
    public record Outcome(long rows, long failed) {
    }

    /** Runs {@code job} on {@code input}, writing into the folder {@code out}. */
    public static Outcome run(TableJob job, Path input, Path out, Progress progress) {
        InputTable table = InputTable.read(input);
        List<String> features = job.featureColumns(table.columns());
        int keyIndex = job.key() == null ? -1 : table.index(job.key());
        int[] featureIndices = features.stream().mapToInt(table::index).toArray();
        ModelSource source = job.source(features.size());
        source.check();
        List<ExplainedRow> results = new ArrayList<>(table.rows().size());
        try (Model model = source.open()) {
            RowExplainer explainer = new RowExplainer(model, job.method(), job.seed(), features,
                    Target.parse(job.target()), job.failFast());
            long position = 0;
            for (Object[] cells : table.rows()) {
                String key = keyIndex < 0 ? Long.toString(position) : String.valueOf(cells[keyIndex]);
                results.add(explain(explainer, key, cells, keyIndex, featureIndices, features));
                position++;
                progress.update("explain-table", position, table.rows().size());
            }
        }
        write(job, out, results, table, featureIndices, features, input.getFileName().toString());
        return new Outcome(results.size(), results.stream().filter(r -> !r.ok()).count());
    }

    private static ExplainedRow explain(RowExplainer explainer, String key, Object[] cells, int keyIndex,
            int[] featureIndices, List<String> features) {
        if (keyIndex >= 0 && cells[keyIndex] == null) {
            return explainer.failed(key, "the key is missing");
        }
        float[] values = new float[featureIndices.length];
        try {
            for (int j = 0; j < values.length; j++) {
                values[j] = CellValues.value(cells[featureIndices[j]], features.get(j));
            }
        } catch (InvalidInputException unreadable) {
            return explainer.failed(key, unreadable.getMessage());
        }
        return explainer.explain(key, values);
    }

    private static void write(TableJob job, Path out, List<ExplainedRow> results, InputTable table,
            int[] featureIndices, List<String> features, String input) {
        ParquetFiles.writeResults(out.resolve("attributions.parquet"), results);
        if (job.csv()) {
            try (Writer csv = Files.newBufferedWriter(out.resolve("attributions.csv"))) {
                csv.write(CsvCells.header(features));
                for (ExplainedRow row : results) {
                    csv.write(CsvCells.line(row, features.size()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write attributions.csv", e);
            }
        }
        List<float[]> explained = new ArrayList<>();
        List<float[]> sampleAttributions = new ArrayList<>();
        List<float[]> sampleValues = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).ok()) {
                explained.add(results.get(i).attribution());
            }
        }
        double fraction = SummarySample.fraction(explained.size(), job.maxDots());
        for (int i = 0; i < results.size(); i++) {
            ExplainedRow row = results.get(i);
            if (row.ok() && SummarySample.keep(row.key(), fraction)) {
                sampleAttributions.add(row.attribution());
                float[] values = new float[featureIndices.length];
                for (int j = 0; j < values.length; j++) {
                    values[j] = CellValues.value(table.rows().get(i)[featureIndices[j]], features.get(j));
                }
                sampleValues.add(values);
            }
        }
        SummaryReport.write(out, ImportanceSummary.of(features, explained), sampleAttributions.toArray(float[][]::new),
                sampleValues.toArray(float[][]::new), results.size() - explained.size(),
                job.describe(input, "on one machine"));
    }
}
