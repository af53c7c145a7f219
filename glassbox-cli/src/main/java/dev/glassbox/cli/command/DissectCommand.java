package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.cli.option.ModelArguments;
import dev.glassbox.cli.report.DissectionSection;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.inspect.ConceptImages;
import dev.glassbox.core.inspect.Dissection;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.djl.LayeredModel;
import dev.glassbox.djl.inspect.NetworkDissection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
            LayeredModel layered = InspectImages.layered(loaded);
            ConceptImages data = ConceptImages.generate(loaded.inputShape(), images, garmentImages, seed);
            List<Dissection.Result> results = NetworkDissection.dissect(layered, layers, data, progress);
            InspectImages.finish(output, DissectionSection.JSON, DissectionSection.write(results, top, data, seed,
                    garments != null, loaded.toString(), output.path()), "glassbox network dissection", loaded,
                    DissectionSection::render);
            for (Dissection.Result r : results) {
                spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d unit(s), %d unique concept(s) detected%n",
                        r.layer(), r.units().size(), r.uniqueDetectors());
            }
        }
        spec.commandLine().getOut().printf("dissection report: %s%n", out.resolve("index.html"));
        return 0;
    }
}
