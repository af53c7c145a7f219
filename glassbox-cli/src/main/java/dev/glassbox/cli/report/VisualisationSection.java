package dev.glassbox.cli.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.glassbox.core.render.HtmlReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The HTML of a feature visualisation or dataset examples run, read back from what {@code glassbox inspect visualize} wrote (its JSON and
 * PNG files), so that the command's report and the demo's bundled results are drawn by the same code: per unit the
 * optimised images and their activation, the top data set examples, the ratio of the two, and the
 * plain-pixel comparison, each when the run made it.
 */
public final class VisualisationSection {
    private static final int CELL = 44;

    private VisualisationSection() {
    }

    /**
     * Adds the run in {@code dir} (described by {@code json}) to the report, under a heading that {@code heading}
     * starts (a section of its own, or a subsection of the demo's).
     */
    public static void render(HtmlReport report, Path dir, JsonObject json, Consumer<String> heading) {
        JsonObject settings = json.getAsJsonObject("settings");
        JsonArray units = json.getAsJsonArray("units");
        JsonObject first = units.get(0).getAsJsonObject();
        boolean examples = first.has("examples");
        boolean pixels = first.has("pixelsWithoutTransforms");
        boolean optimised = first.has("images");
        if (!optimised) {
            heading.accept("Dataset examples");
            report.paragraph(String.format(Locale.ROOT, "The %d inputs of a data set of %d that drive each unit "
                    + "hardest, best first, with the unit's activation on each.",
                    first.getAsJsonObject("examples").getAsJsonArray("files").size(),
                    first.getAsJsonObject("examples").get("dataSize").getAsInt()));
        } else {
            heading.accept("Feature visualisation");
            report.paragraph(String.format(Locale.ROOT, "Images optimised to drive each unit: %s basis, %s transforms, "
                + "%d Adam steps (rate %s), seed %d. The activation is the objective's value on the image itself "
                + "(no transforms).%s%s", settings.get("basis").getAsString(), settings.get("transforms").getAsString(),
                settings.get("steps").getAsInt(), settings.get("learningRate").getAsString(),
                settings.get("seed").getAsLong(),
                examples ? String.format(Locale.ROOT, " Beside them, the unit's top %d examples of a data set of %d "
                        + "inputs, and the ratio of the optimised images' mean activation to the top example's.",
                        first.getAsJsonObject("examples").getAsJsonArray("files").size(),
                        first.getAsJsonObject("examples").get("dataSize").getAsInt()) : "",
                pixels ? " The second table: the same optimisation in plain pixels without transforms, its final "
                        + "image and activation, and the total variation (mean absolute difference between "
                        + "neighbouring pixels) of the first image over the plain run's, at the end and at the first "
                        + "step where the plain run reached the same activation (below 1: the transformed Fourier "
                        + "image is smoother)." : ""));
        }
        List<String> headers = new ArrayList<>(List.of("objective"));
        int images = optimised ? first.getAsJsonArray("images").size() : 0;
        for (int i = 0; i < images; i++) {
            headers.add(images == 1 ? "optimised" : "optimised " + (i + 1));
        }
        if (optimised) {
            headers.add("activation");
        }
        if (examples) {
            int k = first.getAsJsonObject("examples").getAsJsonArray("files").size();
            for (int i = 0; i < k; i++) {
                headers.add("example " + (i + 1));
            }
            headers.add("top activation");
            if (optimised) {
                headers.add("ratio");
            }
        }
        List<HtmlReport.Row> rows = new ArrayList<>();
        List<HtmlReport.Row> plainRows = new ArrayList<>();
        for (JsonElement element : units) {
            JsonObject unit = element.getAsJsonObject();
            String objective = unit.get("objective").getAsString();
            List<HtmlReport.Cell> cells = new ArrayList<>(List.of(new HtmlReport.Text(objective)));
            if (optimised) {
                pictures(dir, unit.getAsJsonArray("images"), objective, cells);
                cells.add(number(mean(unit.getAsJsonArray("values"))));
            }
            if (examples) {
                JsonObject top = unit.getAsJsonObject("examples");
                pictures(dir, top.getAsJsonArray("files"), "top example of " + objective, cells);
                cells.add(number(top.getAsJsonArray("values").get(0).getAsDouble()));
                if (optimised) {
                    cells.add(new HtmlReport.Number(String.format(Locale.ROOT, "%.2f×",
                            unit.get("ratioToTopExample").getAsDouble())));
                }
            }
            if (pixels) {
                JsonObject plain = unit.getAsJsonObject("pixelsWithoutTransforms");
                JsonElement ratio = unit.get("totalVariationRatioAtSameActivation");
                plainRows.add(new HtmlReport.Row(List.of(new HtmlReport.Text(objective),
                        picture(dir, plain.get("image").getAsString(), "plain pixels, " + objective),
                        number(plain.get("value").getAsDouble()),
                        new HtmlReport.Number(String.format(Locale.ROOT, "%.2f",
                                unit.get("totalVariationRatio").getAsDouble())),
                        new HtmlReport.Number(ratio == null || ratio.isJsonNull() ? "not reached"
                                : String.format(Locale.ROOT, "%.2f", ratio.getAsDouble()))), false));
            }
            rows.add(new HtmlReport.Row(cells, unit.has("ratioToTopExample")
                    && unit.get("ratioToTopExample").getAsDouble() < 1));
        }
        report.table(headers, rows);
        if (pixels) {
            report.table(List.of("objective", "plain pixels", "its activation", "TV ratio, final",
                    "TV ratio, equal activation"), plainRows);
        }
    }

    private static void pictures(Path dir, JsonArray files, String alt, List<HtmlReport.Cell> cells) {
        for (JsonElement file : files) {
            cells.add(picture(dir, file.getAsString(), alt));
        }
    }

    /** A PNG written beside the JSON, as a table cell. */
    public static HtmlReport.Picture picture(Path dir, String file, String alt) {
        return new HtmlReport.Picture(bytes(dir, file), alt, CELL);
    }

    /** The bytes of a file written beside the JSON. */
    public static byte[] bytes(Path dir, String file) {
        try {
            return Files.readAllBytes(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A number with three decimals. */
    public static HtmlReport.Number number(double value) {
        return new HtmlReport.Number(String.format(Locale.ROOT, "%.3f", value));
    }

    private static double mean(JsonArray values) {
        double sum = 0;
        for (JsonElement v : values) {
            sum += v.getAsDouble();
        }
        return sum / values.size();
    }
}
