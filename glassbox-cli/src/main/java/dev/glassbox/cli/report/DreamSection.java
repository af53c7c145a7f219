package dev.glassbox.cli.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.glassbox.core.render.HtmlReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The HTML of a DeepDream run, read back from what {@code glassbox inspect dream} wrote: the image before and after,
 * and the objective's value before the first octave and after each.
 */
public final class DreamSection {
    private DreamSection() {
    }

    /** Adds the run in {@code dir} (described by {@code json}) to the report, under a heading {@code heading} starts. */
    public static void render(HtmlReport report, Path dir, JsonObject json, Consumer<String> heading) {
        JsonArray after = json.getAsJsonArray("valueAfterOctave");
        heading.accept("DeepDream");
        report.paragraph(String.format(Locale.ROOT, "Gradient ascent on %s from the input image over %d octaves "
                + "(each %s times finer than the last), %d steps of %s per octave: the picture shows what the layer "
                + "amplifies in this image.", json.get("objective").getAsString(), json.get("octaves").getAsInt(),
                json.get("octaveScale").getAsString(), json.get("steps").getAsInt(), json.get("stepSize").getAsString()));
        List<String> headers = new ArrayList<>(List.of("input", "dream", "objective before"));
        List<HtmlReport.Cell> cells = new ArrayList<>(List.of(
                VisualisationSection.picture(dir, json.get("input").getAsString(), "input"),
                VisualisationSection.picture(dir, json.get("dream").getAsString(), "dream"),
                VisualisationSection.number(json.get("initialValue").getAsDouble())));
        for (int o = 0; o < after.size(); o++) {
            headers.add("after octave " + (o + 1));
            cells.add(VisualisationSection.number(after.get(o).getAsDouble()));
        }
        report.table(headers, List.of(new HtmlReport.Row(cells, false)));
    }
}
