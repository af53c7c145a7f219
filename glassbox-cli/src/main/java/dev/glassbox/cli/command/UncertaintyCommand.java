package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.cli.option.InputArguments;
import dev.glassbox.cli.option.ModelArguments;
import dev.glassbox.cli.report.UncertaintyReport;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.IdxReader;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.core.output.StableJson;
import dev.glassbox.core.render.HtmlReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glassbox uncertainty}: is the model certain? One method on a model and data, with out-of-distribution sets
 * beside them; writes {@code metrics.json}, the reliability and confidence plots as PNG, and {@code index.html}.
 */
@Command(name = "uncertainty", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure how certain a model is: calibration (temperature scaling), MC dropout, deep ensembles, "
                + "Bayesian layers or an autoencoder, with out-of-distribution scores; writes metrics.json, PNG plots "
                + "and index.html.")
public final class UncertaintyCommand implements Callable<Integer> {
    @Mixin
    public ModelArguments model;

    @Option(names = "--data", required = true, paramLabel = "D",
            description = "In-distribution inputs: an IDX image file (with --labels, its IDX label file), or an input "
                    + "file glassbox reads (.npy batch, PNG/JPEG, CSV).")
    public Path data;

    @Option(names = "--labels", paramLabel = "L",
            description = "The data's labels: an IDX label file, or a text file with one class index per line.")
    public Path labels;

    @Option(names = "--method", required = true, paramLabel = "M",
            description = "temperature, mc-dropout, ensemble, bayes or autoencoder.")
    public String method;

    @Option(names = "--samples", paramLabel = "T",
            description = "Stochastic passes: MC-dropout masks or Bayesian weight draws (default: ${DEFAULT-VALUE}).")
    public int samples = 30;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every draw (default: ${DEFAULT-VALUE}).")
    public long seed = 1;

    @Option(names = "--fit-share", paramLabel = "F",
            description = "Share of the labelled data temperature scaling is fitted on; the rest shows it "
                    + "(default: ${DEFAULT-VALUE}).")
    public double fitShare = 0.5;

    @Option(names = "--ood", split = ",", paramLabel = "SET",
            description = "Out-of-distribution sets: noise, flipped, inverted, digits, or input files (default: those "
                    + "that apply to the data's shape).")
    public List<String> ood;

    @Option(names = "--out", required = true, description = "Output folder.")
    public Path out;

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    /** IDX data read with its labels, or null for other inputs. */
    private LabelledImages labelledImages;

    @Override
    public Integer call() throws IOException {
        UncertaintyMethod chosen = UncertaintyMethod.parse(method);
        UncertaintyAnalysis.Settings settings = new UncertaintyAnalysis.Settings(samples, seed, fitShare);
        List<Sample> samplesRead = new ArrayList<>();
        int[] labelValues;
        try (Model loaded = loadWithData(samplesRead);
                AtomicDirectory output = AtomicDirectory.open(out);
                ProgressBars progress = new ProgressBars()) {
            float[][] rows = InputArguments.rows(samplesRead);
            labelValues = labelledImages != null ? labelledImages.labels() : readLabels(rows.length);
            HtmlReport report = new HtmlReport("glassbox uncertainty", "Method " + chosen.label() + " on " + loaded
                    + "; " + rows.length + " samples from " + data.getFileName() + ".");
            UncertaintyReport result = new UncertaintyReport(report);
            var sets = OodInputs.resolve(ood != null ? ood : OodInputs.defaults(loaded.inputShape()), rows,
                    loaded.inputShape(), seed);
            UncertaintyAnalysis.run(chosen, loaded, rows, labelValues, sets, settings, result, progress);
            Files.writeString(output.path().resolve("metrics.json"),
                    StableJson.toJson(result.metrics()));
            for (var picture : result.pictures().entrySet()) {
                Files.write(output.path().resolve(picture.getKey()), picture.getValue());
            }
            Files.writeString(output.path().resolve("index.html"), report.render());
            output.commit();
        }
        spec.commandLine().getOut().printf("%s on %d samples: %s%n", chosen.label(), samplesRead.size(),
                out.resolve("index.html"));
        return 0;
    }

    /** Loads the model and the data; IDX images come with their labels, other inputs through the input readers. */
    private Model loadWithData(List<Sample> into) {
        if (isIdx(data)) {
            if (labels == null) {
                throw new InvalidInputException("IDX images " + data + " need their IDX label file: give --labels");
            }
            labelledImages = IdxReader.read(data, labels);
            Model loaded = model.load(labelledImages.shape());
            for (int i = 0; i < labelledImages.count(); i++) {
                into.add(labelledImages.sample(i, "image-" + i));
            }
            if (!loaded.inputShape().equals(labelledImages.shape())) {
                loaded.close();
                throw new InvalidInputException("the images are " + labelledImages.shape() + " but the model takes "
                        + loaded.inputShape());
            }
            return loaded;
        }
        InputArguments inputs = new InputArguments();
        inputs.inputs = List.of(data);
        return ModelLoading.loadWithInputs(model, inputs, into);
    }

    private static boolean isIdx(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).contains("idx3-ubyte");
    }

    /** Labels from a text file with one class index per line, or none. */
    private int[] readLabels(int count) throws IOException {
        if (labels == null) {
            return null;
        }
        List<String> lines = Files.readAllLines(labels).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (lines.size() != count) {
            throw new InvalidInputException("labels file " + labels + " has " + lines.size() + " labels for " + count
                    + " samples");
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            try {
                out[i] = Integer.parseInt(lines.get(i));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("labels file " + labels + " line " + (i + 1) + " is '" + lines.get(i)
                        + "', expected a class index");
            }
        }
        return out;
    }
}
