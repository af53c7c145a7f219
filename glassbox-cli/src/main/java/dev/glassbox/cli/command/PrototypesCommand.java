package dev.glassbox.cli.command;

import dev.glassbox.cli.option.InputArguments;
import dev.glassbox.cli.report.PrototypeReport;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.core.output.StableJson;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.interpretable.PrototypeExplainer;
import dev.glassbox.djl.interpretable.PrototypeVote;
import dev.glassbox.djl.zoo.FashionProtoNet;
import dev.glassbox.djl.zoo.PrototypeImages;
import dev.glassbox.djl.zoo.SavedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code glassbox prototypes}: a prototype network's predictions explained by the prototypes that voted for them. */
@Command(name = "prototypes", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Explain a prototype network's predictions (glassbox train protonet) by their top prototypes: "
                + "each prototype's attention weight, its share of the predicted score and its picture (the nearest "
                + "training image); writes prototypes.json and index.html.")
public final class PrototypesCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A prototype network's model folder.")
    public Path model;

    @Mixin
    public InputArguments input;

    @Option(names = "--top", description = "Prototypes to show per input (default: ${DEFAULT-VALUE}).")
    public int top = 3;

    @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    public Path out = Path.of("glassbox-prototypes");

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LabelledImages prototypes = PrototypeImages.read(model);
        if (top < 1 || top > prototypes.count()) {
            throw new InvalidInputException("--top must be between 1 and the " + prototypes.count() + " prototypes, was "
                    + top);
        }
        try (BlockModel network = SavedModels.load(model, 100); AtomicDirectory output = AtomicDirectory.open(out)) {
            List<Sample> samples = input.read(network.inputShape());
            List<PrototypeVote> votes = new PrototypeExplainer(network, FashionProtoNet.ATTENTION, FashionProtoNet.VOTE)
                    .explain(InputArguments.rows(samples));
            HtmlReport report = new HtmlReport("glassbox prototypes", "Predictions of " + model.getFileName()
                    + " as weighted votes of its prototypes");
            report.section("Prototype votes").paragraph(PARAGRAPH);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", model.getFileName().toString());
            json.put("maxVoteError", PrototypeReport.maxVoteError(votes));
            json.put("inputs", PrototypeReport.write(samples, votes, prototypes, network.outputNames(), top, report));
            Files.writeString(output.path().resolve("prototypes.json"), StableJson.toJson(json));
            Files.writeString(output.path().resolve("index.html"), report.render());
            output.commit();
            spec.commandLine().getOut().printf("explained %d input(s) by their top %d prototypes; the weighted votes "
                    + "reproduce the scores within %.1e; report: %s%n", samples.size(), top,
                    PrototypeReport.maxVoteError(votes), out.resolve("index.html"));
        }
        return 0;
    }

    /** What the table shows. */
    public static final String PARAGRAPH = "The network's score for each class is the attention-weighted vote Σ_j a_j v_j of "
            + "its prototypes' answers, where a_j = softmax_j(−‖z − p_j‖² / τ) measures how close the input's latent "
            + "code z is to prototype p_j (both of unit length; τ = 0.2). Each prototype is drawn as the training image whose code is nearest to it; "
            + "'adds' is its term a_j v_j of the predicted class's score.";
}
