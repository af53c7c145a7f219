package dev.glassbox.cli.report;

import dev.glassbox.cli.command.AttributionMethods;
import dev.glassbox.cli.command.OutputStems;
import dev.glassbox.cli.option.ExplainOptions;
import dev.glassbox.core.Progress;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.input.ImageWriter;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Target;
import dev.glassbox.core.output.AttributionWriter;
import dev.glassbox.core.render.HtmlReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Explains each sample with each method, writes every attribution's JSON and PNG, and adds the grid (rows: inputs;
 * columns: the input, the explained class, then one heatmap per method) to a report. Used by {@code explain} and by
 * the demo.
 */
public final class AttributionGrid {
    private final Model model;
    private final Map<String, Explainer> explainers;

    /** A grid of the named methods, built with the given options; {@code columns} names tabular features or is null. */
    public AttributionGrid(Model model, List<String> methods, ExplainOptions options, List<String> columns) {
        this(model, AttributionMethods.createAll(methods, model, options, columns));
    }

    /** A grid of the given explainers, one column per entry, headed by its key. */
    public AttributionGrid(Model model, Map<String, Explainer> explainers) {
        this.model = model;
        this.explainers = explainers;
    }

    /** Writes all files into {@code dir} and the grid into {@code report}. */
    public void write(List<Sample> samples, Target target, Path dir, HtmlReport report, Progress progress) throws IOException {
        List<HtmlReport.Row> rows = new ArrayList<>();
        long total = (long) samples.size() * explainers.size();
        long done = 0;
        OutputStems stems = new OutputStems();
        for (Sample sample : samples) {
            String stem = stems.next(sample.name());
            List<HtmlReport.Cell> cells = new ArrayList<>();
            String explained = "";
            for (Explainer explainer : explainers.values()) {
                Attribution a = explainer.explain(sample.values(), target);
                explained = model.outputNames().get(a.target());
                byte[] png = AttributionWriter.write(dir, stem, a, sample, explained);
                cells.add(new HtmlReport.Picture(png, a.method() + " of " + sample.name(), 140));
                progress.update("explaining", ++done, total);
            }
            cells.addAll(0, List.of(new HtmlReport.Text(sample.name()), picture(sample, 140),
                    new HtmlReport.Text(explained)));
            rows.add(new HtmlReport.Row(cells, false));
        }
        List<String> headers = new ArrayList<>(List.of("input", "image", "explained class"));
        headers.addAll(explainers.keySet());
        report.table(headers, rows);
    }

    /** The input as a picture {@code width} CSS pixels wide when it is an image, else its shape as text. */
    public static HtmlReport.Cell picture(Sample sample, int width) {
        if (sample.shape().rank() == 3 && (sample.shape().dim(0) == 1 || sample.shape().dim(0) == 3)) {
            return new HtmlReport.Picture(ImageWriter.toPng(sample.values(), sample.shape()), sample.name(), width);
        }
        return new HtmlReport.Text(sample.shape().toString());
    }
}
