package dev.glassbox.cli.report;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.cli.command.DreamCommand;
import dev.glassbox.cli.command.InspectImages;
import dev.glassbox.cli.command.VisualizeCommand;
import dev.glassbox.core.render.HtmlReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The demo's "Inside the model" section: results of the inspect commands on the bundled CNN, computed by
 * {@code scripts/make_inside_bundle.sh} and bundled (the demo shows them, it does not optimise), each drawn by the
 * renderer its command uses and copied into the demo's output. Each method is one {@link Part}.
 */
public final class InsideModelSection {
    /** One inspect method's bundled run: its folder under {@code inside/}, its JSON file and its renderer. */
    public record Part(String folder, String json, InspectImages.RunRenderer renderer) {
    }

    /** The bundled parts, in the order the section shows them. */
    public static final List<Part> PARTS = List.of(
            new Part("visualize", VisualizeCommand.JSON, VisualisationSection::render),
            new Part("dream", DreamCommand.JSON, DreamSection::render),
            new Part("tcav", TcavSection.JSON, TcavSection::render),
            new Part("dissect", DissectionSection.JSON, DissectionSection::render),
            new Part("influence", InfluenceSection.JSON, InfluenceSection::render));

    private InsideModelSection() {
    }

    /** Adds the section from the bundle's {@code inside/} folder and copies each part's files into {@code out}. */
    public static void addTo(HtmlReport report, Path inside, Path out) {
        report.section("Inside the model");
        report.paragraph("What the bundled CNN's units respond to: images optimised to drive them, beside the test "
                + "images that drive them hardest, and a DeepDream of one test image; whether its Trouser logit is "
                + "sensitive to stripes (TCAV); which units detect colours, textures and garment parts (network "
                + "dissection); and which training images made three predictions (influence functions). Computed "
                + "once by glassbox inspect (scripts/make_inside_bundle.sh; the commands are in the README) and "
                + "bundled; the JSON and pictures are in inside/.");
        try {
            for (Part part : PARTS) {
                Path dir = inside.resolve(part.folder());
                Path copy = out.resolve(part.folder());
                Files.createDirectories(copy);
                try (var files = Files.list(dir)) {
                    for (Path file : files.sorted().toList()) {
                        Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                JsonObject json = JsonParser.parseString(Files.readString(dir.resolve(part.json()))).getAsJsonObject();
                part.renderer().render(report, dir, json, report::subsection);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled inside-the-model results", e);
        }
    }
}
