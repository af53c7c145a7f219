package dev.glassbox.cli.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.glassbox.core.input.ImageWriter;
import dev.glassbox.core.inspect.ConceptImages;
import dev.glassbox.core.inspect.Dissection;
import dev.glassbox.core.render.FeatureBars;
import dev.glassbox.core.render.HtmlReport;
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
 * Network dissection's results as report parts, drawn from a run's folder: per layer the number of units, of
 * detectors and of unique detectors, a table of the best units (best concept, IoU, detector or not) with a bar chart
 * of their IoUs, and the first concept images with each concept's share of all pixels. {@link #write} puts the
 * pictures in the folder and returns the JSON; {@link #render} draws the part from both, for {@code glassbox inspect
 * dissect} and the demo's "Inside the model" section.
 */
public final class DissectionSection {
    /** The run's JSON file. */
    public static final String JSON = "dissection.json";
    private static final int SAMPLES = 8;

    private DissectionSection() {
    }

    /**
     * Writes a chart of the {@code top} best units per layer and the first concept images into {@code dir}, and
     * returns the run's JSON.
     */
    public static Map<String, Object> write(List<Dissection.Result> results, int top, ConceptImages data, long seed,
            boolean garments, String model, Path dir) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", model);
        json.put("images", data.images().length);
        json.put("seed", seed);
        json.put("garments", garments);
        Map<String, Object> areas = new LinkedHashMap<>();
        double[] shares = data.areaShares();
        for (int c = 0; c < shares.length; c++) {
            areas.put(data.concepts().get(c), shares[c]);
        }
        json.put("conceptAreaShares", areas);
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < Math.min(SAMPLES, data.images().length); i++) {
            String name = "concept-image-" + i + ".png";
            Files.write(dir.resolve(name), ImageWriter.toPng(data.images()[i], data.shape()));
            samples.add(name);
        }
        json.put("sampleImages", samples);
        List<Map<String, Object>> layers = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Dissection.Result r = results.get(i);
            List<Dissection.UnitLabel> best = r.ranked().subList(0, Math.min(top, r.units().size()));
            String chart = String.format(Locale.ROOT, "dissection-%d-%s.png", i + 1,
                    r.layer().replaceAll("[^A-Za-z0-9_-]", "_"));
            Files.write(dir.resolve(chart), chart(r.layer(), best));
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("layer", r.layer());
            layer.put("uniqueDetectors", r.uniqueDetectors());
            layer.put("detectors", r.units().stream().filter(Dissection.UnitLabel::detector).count());
            layer.put("best", best.stream().map(Dissection.UnitLabel::unit).toList());
            layer.put("chart", chart);
            List<Map<String, Object>> units = new ArrayList<>();
            for (Dissection.UnitLabel u : r.units()) {
                Map<String, Object> unit = new LinkedHashMap<>();
                unit.put("unit", u.unit());
                unit.put("concept", u.concept());
                unit.put("iou", u.iou());
                unit.put("detector", u.detector());
                unit.put("threshold", r.thresholds()[u.unit()]);
                units.add(unit);
            }
            layer.put("units", units);
            layers.add(layer);
        }
        json.put("layers", layers);
        return json;
    }

    /** Draws a run read back from its folder. */
    public static void render(HtmlReport report, Path dir, JsonObject json, Consumer<String> heading) {
        heading.accept("Concept detectors");
        report.paragraph(String.format(Locale.ROOT, "Units of %s on %d generated concept images (seed %d). Each unit is "
                + "cut at its top 0.5%% of activations over the data set, its maps upsampled to the image; IoU with "
                + "each concept's exact masks is summed over the data set, and a unit whose best IoU exceeds 0.04 "
                + "detects that concept. A concept covering more than about an eighth of all pixels cannot reach "
                + "0.04. Flagged rows are not detectors.", json.get("model").getAsString(),
                json.get("images").getAsInt(), json.get("seed").getAsLong()));
        List<HtmlReport.Row> summary = new ArrayList<>();
        for (JsonElement element : json.getAsJsonArray("layers")) {
            JsonObject layer = element.getAsJsonObject();
            summary.add(new HtmlReport.Row(List.of(new HtmlReport.Text(layer.get("layer").getAsString()),
                    count(layer.getAsJsonArray("units").size()), count(layer.get("detectors").getAsInt()),
                    count(layer.get("uniqueDetectors").getAsInt())), false));
        }
        report.table(List.of("layer", "units", "detectors (IoU > 0.04)", "unique concepts detected"), summary);
        for (JsonElement element : json.getAsJsonArray("layers")) {
            JsonObject layer = element.getAsJsonObject();
            report.subsection("Layer " + layer.get("layer").getAsString() + ": best units");
            List<HtmlReport.Row> rows = new ArrayList<>();
            for (JsonElement index : layer.getAsJsonArray("best")) {
                JsonObject u = layer.getAsJsonArray("units").get(index.getAsInt()).getAsJsonObject();
                boolean detector = u.get("detector").getAsBoolean();
                rows.add(new HtmlReport.Row(List.of(count(u.get("unit").getAsInt()),
                        new HtmlReport.Text(u.get("concept").getAsString()), VisualisationSection.number(
                        u.get("iou").getAsDouble()), new HtmlReport.Text(detector ? "yes" : "no")), !detector));
            }
            report.table(List.of("unit", "best concept", "IoU", "detector"), rows);
            report.figure(VisualisationSection.bytes(dir, layer.get("chart").getAsString()), "IoU of the best units of "
                    + layer.get("layer").getAsString() + " with their best concept", 0);
        }
        report.subsection("Concept images and their concepts' shares of all pixels");
        List<HtmlReport.Cell> samples = new ArrayList<>();
        int i = 0;
        for (JsonElement name : json.getAsJsonArray("sampleImages")) {
            samples.add(new HtmlReport.Picture(VisualisationSection.bytes(dir, name.getAsString()), "concept image "
                    + i++, 64));
        }
        report.table(List.of("first generated images"), List.of(new HtmlReport.Row(samples, false)));
        List<HtmlReport.Row> areaRows = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : json.getAsJsonObject("conceptAreaShares").entrySet()) {
            areaRows.add(new HtmlReport.Row(List.of(new HtmlReport.Text(e.getKey()), new HtmlReport.Number(
                    String.format(Locale.ROOT, "%.2f%%", 100 * e.getValue().getAsDouble()))), false));
        }
        report.table(List.of("concept", "share of pixels"), areaRows);
    }

    /** A bar chart of the best units' IoUs. */
    private static byte[] chart(String layer, List<Dissection.UnitLabel> best) {
        List<String> names = best.stream().map(u -> "unit " + u.unit() + ": " + u.concept()).toList();
        float[] values = new float[best.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) best.get(i).iou();
        }
        return FeatureBars.bars(names, values, "IoU (" + layer + ")", names.size());
    }

    private static HtmlReport.Number count(int value) {
        return new HtmlReport.Number(String.valueOf(value));
    }
}
