package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.cli.option.ModelArguments;
import dev.glassbox.cli.report.TcavSection;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.djl.LayeredModel;
import dev.glassbox.djl.inspect.Tcav;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glassbox inspect tcav}: does the model use a human concept for a class? TCAV with its significance test
 * ({@link Tcav}) on concept folders against random folders; writes {@code tcav.json}, {@code tcav.png} (mean scores)
 * and {@code index.html}.
 */
@Command(name = "tcav", mixinStandardHelpOptions = true, sortOptions = false,
        description = "TCAV: whether a class's prediction is sensitive to user-given concepts, with a t-test against "
                + "random concepts (Bonferroni-corrected).")
public final class TcavCommand implements Callable<Integer> {
    @Mixin
    public ModelArguments model;

    @Option(names = "--layers", required = true, split = ",", paramLabel = "L", description = "Layers to test at.")
    public List<String> layers;

    @Option(names = "--class", required = true, description = "The output index whose gradient is taken.")
    public int label;

    @Option(names = "--inputs", required = true, paramLabel = "DIR", description = "Inputs of the class to score: a "
            + "folder of images or .npy files, or one such file.")
    public Path inputs;

    @Option(names = "--concept", required = true, paramLabel = "NAME=DIR",
            description = "A concept and its folder of example images or .npy files; repeat for more concepts.")
    public Map<String, Path> concepts = new LinkedHashMap<>();

    @Option(names = "--random", required = true, arity = "1..*", paramLabel = "DIR",
            description = "Folders of random examples, one set each: at least --runs + 1 of them.")
    public List<Path> randomSets;

    @Option(names = "--runs", description = "Runs per concept and layer, each against another random set (default: "
            + "${DEFAULT-VALUE}).")
    public int runs = 10;

    @Option(names = "--alpha", description = "Significance level before the Bonferroni correction (default: "
            + "${DEFAULT-VALUE}).")
    public double alpha = 0.05;

    @Option(names = "--seed", description = "Seed of the CAVs' train/held-out splits (default: ${DEFAULT-VALUE}).")
    public long seed = 0;

    @Option(names = "--out", required = true, description = "Output folder.")
    public Path out;

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (randomSets.size() < runs + 1) {
            throw new InvalidInputException("--runs " + runs + " needs at least " + (runs + 1) + " --random folders "
                    + "(one per run and one more for the random-versus-random baseline), got " + randomSets.size());
        }
        Shape hint = model.knowsItsShape() ? null : firstShape();
        try (Model loaded = model.load(hint); AtomicDirectory output = AtomicDirectory.open(out);
                ProgressBars progress = new ProgressBars()) {
            LayeredModel layered = InspectImages.layered(loaded);
            Shape shape = loaded.inputShape();
            float[][] classInputs = ConceptFolders.read(inputs, shape, "--inputs");
            Map<String, float[][]> conceptRows = new LinkedHashMap<>();
            concepts.forEach((name, dir) -> conceptRows.put(name, ConceptFolders.read(dir, shape,
                    "concept folder '" + name + "'")));
            List<float[][]> random = new ArrayList<>();
            for (Path dir : randomSets) {
                random.add(ConceptFolders.read(dir, shape, "random folder"));
            }
            Tcav.Result result = Tcav.of(layered).layers(layers).runs(runs).alpha(alpha).seed(seed).build()
                    .run(classInputs, label, conceptRows, random, progress);
            String className = label < loaded.outputNames().size() ? loaded.outputNames().get(label)
                    : String.valueOf(label);
            InspectImages.finish(output, TcavSection.JSON, TcavSection.write(result, className, loaded.toString(),
                    output.path()), "glassbox TCAV", loaded, TcavSection::render);
            for (Tcav.Entry e : result.entries()) {
                spec.commandLine().getOut().printf(java.util.Locale.ROOT, "%s @ %s: TCAV %.3f ± %.3f, p = %.3g%s%n",
                        e.concept(), e.layer(), e.mean(), e.sd(), e.pValue(), e.significant() ? "" : " (not significant)");
            }
        }
        spec.commandLine().getOut().printf("TCAV report: %s%n", out.resolve("index.html"));
        return 0;
    }

    /** The shape of the first input, telling a shapeless TorchScript model what it takes. */
    private Shape firstShape() {
        Path first = ConceptFolders.files(inputs, "--inputs").get(0);
        return dev.glassbox.core.input.InputFiles.read(first, null, null).get(0).shape();
    }
}
