package dev.glassbox.cli.command;

import dev.glassbox.cli.option.InputArguments;
import dev.glassbox.cli.option.ModelArguments;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.metrics.Classification;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Target;
import dev.glassbox.core.output.StableJson;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code glassbox predict}: the top classes of each input with their probabilities, as text or JSON. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a model on inputs and print the top-k classes with probabilities (or --json with raw scores).")
public final class PredictCommand implements Callable<Integer> {
    @Mixin
    public ModelArguments model;

    @Mixin
    public InputArguments input;

    @Option(names = "--top-k", description = "How many classes to list per input (default: ${DEFAULT-VALUE}).")
    public int topK = 3;

    @Option(names = "--target", paramLabel = "pred|N", description = "Also report the probability of this class.")
    public String target;

    @Option(names = "--json", description = "Print JSON: per input its scores, probabilities and top classes.")
    public boolean json;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "True classes of the inputs (an IDX label file, a .npy array of class indices, or a text "
                    + "file with one class index per line): adds each sample's label and prints the accuracy.")
    public java.nio.file.Path labels;

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (topK < 1) {
            throw new dev.glassbox.core.InvalidInputException("--top-k must be at least 1, was " + topK);
        }
        Target reported = target == null ? null : Target.parse(target);
        List<Sample> samples = new ArrayList<>();
        try (Model loaded = ModelLoading.loadWithInputs(model, input, samples)) {
            float[][] scores = loaded.predict(InputArguments.rows(samples));
            int[] truth = labels == null ? null : Labels.read(labels, samples.size(), loaded.outputSize());
            List<Map<String, Object>> results = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                Map<String, Object> result = describe(loaded, samples.get(i).name(), scores[i], reported);
                if (truth != null) {
                    result.put("label", truth[i]);
                }
                results.add(result);
            }
            print(results);
            if (truth != null) {
                double accuracy = Classification.accuracy(scores, truth);
                (json ? spec.commandLine().getErr() : spec.commandLine().getOut()).printf(
                        "accuracy %.1f%% (%d of %d)%n", 100 * accuracy, Math.round(accuracy * truth.length), truth.length);
            }
        }
        return 0;
    }

    private Map<String, Object> describe(Model model, String name, float[] scores, Target reported) {
        double[] probabilities = model.outputsLogits() ? Vectors.softmax(scores) : Vectors.toDouble(scores);
        List<Map<String, Object>> top = new ArrayList<>();
        for (int k : Vectors.topK(probabilities, topK)) {
            top.add(classEntry(model, k, probabilities[k]));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("input", name);
        result.put("predicted", Vectors.argmax(scores));
        result.put("top", top);
        if (reported != null) {
            int index = reported.resolve(scores);
            result.put("target", classEntry(model, index, probabilities[index]));
        }
        result.put("scores", scores);
        result.put("probabilities", probabilities);
        return result;
    }

    private static Map<String, Object> classEntry(Model model, int index, double probability) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("index", index);
        entry.put("label", model.outputNames().get(index));
        entry.put("probability", probability);
        return entry;
    }

    @SuppressWarnings("unchecked")
    private void print(List<Map<String, Object>> results) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(StableJson.toJson(results));
            return;
        }
        for (Map<String, Object> result : results) {
            StringBuilder line = new StringBuilder(result.get("input") + ":");
            for (Map<String, Object> entry : (List<Map<String, Object>>) result.get("top")) {
                line.append(String.format("  %s %.1f%%", entry.get("label"), 100 * (double) entry.get("probability")));
            }
            if (result.containsKey("target")) {
                Map<String, Object> t = (Map<String, Object>) result.get("target");
                line.append(String.format("  | target %s %.1f%%", t.get("label"), 100 * (double) t.get("probability")));
            }
            out.println(line);
        }
        out.flush();
    }
}
