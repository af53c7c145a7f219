package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.cli.option.ModelArguments;
import dev.glassbox.cli.report.DissectionSection;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.ImageWriter;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.inspect.ConceptImages;
import dev.glassbox.core.inspect.Dissection;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.core.output.StableJson;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.djl.LayeredModel;
import dev.glassbox.djl.inspect.NetworkDissection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glassbox inspect dissect}: which units detect which concepts? Network dissection ({@link NetworkDissection})
 * on a generated, seeded concept data set ({@link ConceptImages}); writes {@code dissection.json}, a PNG chart per
 * layer and {@code index.html}.
 */
@Command(name = "dissect", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Network dissection: label each unit of a layer with the concept its top 0.5% activations "
                + "overlap best (IoU), on a generated concept data set with exact masks.")
public final class DissectCommand implements Callable<Integer> {
    @Mixin
    public ModelArguments model;

    @Option(names = "--layers", required = true, split = ",", paramLabel = "L",
            description = "Layers to dissect (units × height × width outputs).")
    public List<String> layers;

    @Option(names = "--images", description = "Concept images to generate (default: ${DEFAULT-VALUE}).")
    public int images = 500;

    @Option(names = "--garments", paramLabel = "DIR", description = "Fashion-MNIST folder whose test garments are "
            + "composited into the images (object and part concepts); default: none.")
    public Path garments;

    @Option(names = "--top", description = "Best units shown per layer (default: ${DEFAULT-VALUE}).")
    public int top = 10;

    @Option(names = "--seed", description = "Seed of the concept images (default: ${DEFAULT-VALUE}).")
    public long seed = 0;

    @Option(names = "--out", required = true, description = "Output folder.")
    public Path out;

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!model.knowsItsShape()) {
            throw new InvalidInputException("network dissection generates its own images: give --input-shape C,H,W "
                    + "for a model file that does not record its input shape");
        }
        LabelledImages garmentImages = garments == null ? null : FashionMnist.test(garments);
        try (Model loaded = model.load(null); AtomicDirectory output = AtomicDirectory.open(out);
                ProgressBars progress = new ProgressBars()) {
            if (!(loaded instanceof LayeredModel layered) || layered.layerNames().isEmpty()) {
                throw new InvalidInputException(loaded + " has no layers glassbox can reach: give a glassbox model "
                        + "folder, an ONNX file, or a TorchScript model split into features and head");
            }
            ConceptImages data = ConceptImages.generate(loaded.inputShape(), images, garmentImages, seed);
            List<Dissection.Result> results = NetworkDissection.dissect(layered, layers, data, progress);
            HtmlReport report = new HtmlReport("glassbox network dissection", String.format(Locale.ROOT,
                    "Units of %s on %d generated concept images (seed %d).", loaded, images, seed));
            report.section("Concept detectors");
            report.paragraph("Each unit is cut at its top 0.5% of activations over the data set, its maps upsampled "
                    + "to the image; IoU with each concept's exact masks is summed over the data set, and a unit "
                    + "whose best IoU exceeds 0.04 detects that concept. A concept covering more than about an eighth "
                    + "of all pixels cannot reach 0.04. Flagged rows are not detectors.");
            DissectionSection.write(results, top, report);
            report.subsection("Concept images and their concepts' shares of all pixels");
            List<HtmlReport.Cell> samples = new ArrayList<>();
            for (int i = 0; i < Math.min(8, images); i++) {
                samples.add(new HtmlReport.Picture(ImageWriter.toPng(data.images()[i], data.shape()), "concept image "
                        + i, 64));
            }
            report.table(List.of("first generated images"), List.of(new HtmlReport.Row(samples, false)));
            double[] shares = data.areaShares();
            Map<String, Object> areas = new LinkedHashMap<>();
            List<HtmlReport.Row> areaRows = new ArrayList<>();
            for (int c = 0; c < shares.length; c++) {
                areas.put(data.concepts().get(c), shares[c]);
                areaRows.add(new HtmlReport.Row(List.of(new HtmlReport.Text(data.concepts().get(c)),
                        new HtmlReport.Number(String.format(Locale.ROOT, "%.2f%%", 100 * shares[c]))), false));
            }
            report.table(List.of("concept", "share of pixels"), areaRows);
            for (int i = 0; i < results.size(); i++) {
                Files.write(output.path().resolve(String.format(Locale.ROOT, "dissection-%d-%s.png", i + 1,
                        results.get(i).layer().replaceAll("[^A-Za-z0-9_-]", "_"))), DissectionSection.chart(
                        results.get(i), top));
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", loaded.toString());
            json.put("images", images);
            json.put("seed", seed);
            json.put("garments", garments != null);
            json.put("conceptAreaShares", areas);
            json.put("layers", DissectionSection.json(results));
            Files.writeString(output.path().resolve("dissection.json"), StableJson.toJson(json));
            Files.writeString(output.path().resolve("index.html"), report.render());
            output.commit();
            for (Dissection.Result r : results) {
                spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d unit(s), %d unique concept(s) detected%n",
                        r.layer(), r.units().size(), r.uniqueDetectors());
            }
        }
        spec.commandLine().getOut().printf("dissection report: %s%n", out.resolve("index.html"));
        return 0;
    }
}
