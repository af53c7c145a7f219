package dev.glassbox.cli.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.glassbox.core.render.FeatureBars;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.djl.inspect.Tcav;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * TCAV's results as report parts, drawn from a run's folder: a table with one row per concept and layer (mean score ±
 * sd over the runs, the random-versus-random mean, magnitude, p-value, significance after Bonferroni, CAV accuracy)
 * and a bar chart. Insignificant rows are flagged. {@link #write} puts the chart in the folder and returns the JSON;
 * {@link #render} draws the part from both, for {@code glassbox inspect tcav} and the demo's "Inside the model".
 */
public final class TcavSection {
    /** The run's JSON file. */
    public static final String JSON = "tcav.json";
    private static final String CHART = "tcav.png";

    private TcavSection() {
    }

    /** Writes the chart into {@code dir} and returns the run's JSON, naming the class {@code className}. */
    public static Map<String, Object> write(Tcav.Result result, String className, String model, Path dir)
            throws IOException {
        Files.write(dir.resolve(CHART), chart(result));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", model);
        json.put("className", className);
        json.putAll(json(result));
        json.put("chart", CHART);
        return json;
    }

    /** Draws a run read back from its folder. */
    public static void render(HtmlReport report, Path dir, JsonObject json, Consumer<String> heading) {
        heading.accept("TCAV scores");
        double alpha = json.get("alpha").getAsDouble();
        double threshold = json.get("bonferroniThreshold").getAsDouble();
        report.paragraph(String.format(Locale.ROOT, "Class '%s': %d input(s) scored; %d runs per concept and layer, "
                + "each against a different random set; two-sided t-test against the random-versus-random scores, "
                + "significant when p < %.3g (α = %.2f, Bonferroni over %d test(s)). Flagged rows are not "
                + "significant: their score does not differ from what random directions give.",
                json.get("className").getAsString(), json.get("inputs").getAsInt(), json.get("runs").getAsInt(),
                threshold, alpha, Math.round(alpha / threshold)));
        Map<String, JsonObject> baselines = new LinkedHashMap<>();
        for (JsonElement b : json.getAsJsonArray("randomBaselines")) {
            baselines.put(b.getAsJsonObject().get("layer").getAsString(), b.getAsJsonObject());
        }
        List<HtmlReport.Row> rows = new ArrayList<>();
        for (JsonElement element : json.getAsJsonArray("results")) {
            JsonObject e = element.getAsJsonObject();
            JsonObject random = baselines.get(e.get("layer").getAsString());
            boolean significant = e.get("significant").getAsBoolean();
            double accuracy = e.getAsJsonArray("cavHeldOutAccuracies").asList().stream()
                    .mapToDouble(JsonElement::getAsDouble).average().orElseThrow();
            rows.add(new HtmlReport.Row(List.of(new HtmlReport.Text(e.get("concept").getAsString()),
                    new HtmlReport.Text(e.get("layer").getAsString()),
                    number("%.3f ± %.3f", e.get("mean").getAsDouble(), e.get("sd").getAsDouble()),
                    number("%.3f ± %.3f", random.get("mean").getAsDouble(), random.get("sd").getAsDouble()),
                    number("%.3f", e.get("meanMagnitude").getAsDouble()), number("%.2g", e.get("pValue").getAsDouble()),
                    new HtmlReport.Text(significant ? "yes" : "no"), number("%.2f", accuracy)), !significant));
        }
        report.table(List.of("concept", "layer", "TCAV score", "random", "magnitude", "p", "significant",
                "CAV accuracy (held out)"), rows);
        report.figure(VisualisationSection.bytes(dir, json.get("chart").getAsString()),
                "mean TCAV score per concept and layer, and of random directions", 0);
    }

    /** A bar chart of the mean scores, concepts and the random baselines, layer by layer. */
    private static byte[] chart(Tcav.Result result) {
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

    private static HtmlReport.Number number(String format, Object... values) {
        return new HtmlReport.Number(String.format(Locale.ROOT, format, values));
    }
}
