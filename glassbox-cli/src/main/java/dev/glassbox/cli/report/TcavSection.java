package dev.glassbox.cli.report;

import dev.glassbox.core.render.FeatureBars;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.djl.inspect.Tcav;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TCAV's results as report parts: a table with one row per concept and layer (mean score ± sd over the runs, the
 * random-versus-random mean, magnitude, p-value, significance after Bonferroni, CAV accuracy), a bar chart, and the
 * JSON. Insignificant rows are flagged. Used by {@code glassbox inspect tcav} and open to the demo.
 */
public final class TcavSection {
    private TcavSection() {
    }

    /** Adds the table (under the current section) for {@code result}, naming the class {@code className}. */
    public static void write(Tcav.Result result, String className, HtmlReport report) {
        report.paragraph(String.format(Locale.ROOT, "Class '%s': %d input(s) scored; %d runs per concept and layer, "
                + "each against a different random set; two-sided t-test against the random-versus-random scores, "
                + "significant when p < %.3g (α = %.2f, Bonferroni over %d test(s)). Flagged rows are not "
                + "significant: their score does not differ from what random directions give.", className,
                result.inputs(), result.runs(), result.threshold(), result.alpha(),
                Math.round(result.alpha() / result.threshold())));
        List<HtmlReport.Row> rows = new ArrayList<>();
        for (Tcav.Entry e : result.entries()) {
            Tcav.Baseline random = baseline(result, e.layer());
            rows.add(new HtmlReport.Row(List.of(new HtmlReport.Text(e.concept()), new HtmlReport.Text(e.layer()),
                    number("%.3f ± %.3f", e.mean(), e.sd()), number("%.3f ± %.3f", random.mean(), random.sd()),
                    number("%.3f", e.meanMagnitude()), number("%.2g", e.pValue()),
                    new HtmlReport.Text(e.significant() ? "yes" : "no"),
                    number("%.2f", Arrays.stream(e.cavAccuracies()).average().orElseThrow())), !e.significant()));
        }
        report.table(List.of("concept", "layer", "TCAV score", "random", "magnitude", "p", "significant",
                "CAV accuracy (held out)"), rows);
    }

    /** A bar chart of the mean scores, concepts and the random baselines, layer by layer. */
    public static byte[] chart(Tcav.Result result) {
        List<String> names = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        for (Tcav.Baseline b : result.baselines()) {
            for (Tcav.Entry e : result.entries()) {
                if (e.layer().equals(b.layer())) {
                    names.add(e.concept() + " @ " + e.layer() + (e.significant() ? "" : " (n.s.)"));
                    values.add((float) e.mean());
                }
            }
            names.add("random @ " + b.layer());
            values.add((float) b.mean());
        }
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return FeatureBars.bars(names, array, "mean TCAV score", names.size());
    }

    /** The result as ordered JSON-ready maps. */
    public static Map<String, Object> json(Tcav.Result result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("targetClass", result.targetClass());
        json.put("inputs", result.inputs());
        json.put("runs", result.runs());
        json.put("alpha", result.alpha());
        json.put("bonferroniThreshold", result.threshold());
        json.put("seed", result.seed());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Tcav.Entry e : result.entries()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("concept", e.concept());
            row.put("layer", e.layer());
            row.put("mean", e.mean());
            row.put("sd", e.sd());
            row.put("meanMagnitude", e.meanMagnitude());
            row.put("t", Double.isFinite(e.t()) ? e.t() : String.valueOf(e.t()));
            row.put("pValue", e.pValue());
            row.put("significant", e.significant());
            row.put("scores", e.scores());
            row.put("magnitudes", e.magnitudes());
            row.put("cavHeldOutAccuracies", e.cavAccuracies());
            entries.add(row);
        }
        json.put("results", entries);
        List<Map<String, Object>> baselines = new ArrayList<>();
        for (Tcav.Baseline b : result.baselines()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("layer", b.layer());
            row.put("mean", b.mean());
            row.put("sd", b.sd());
            row.put("scores", b.scores());
            row.put("cavHeldOutAccuracies", b.cavAccuracies());
            baselines.add(row);
        }
        json.put("randomBaselines", baselines);
        return json;
    }

    private static Tcav.Baseline baseline(Tcav.Result result, String layer) {
        return result.baselines().stream().filter(b -> b.layer().equals(layer)).findFirst().orElseThrow();
    }

    private static HtmlReport.Number number(String format, Object... values) {
        return new HtmlReport.Number(String.format(Locale.ROOT, format, values));
    }
}
