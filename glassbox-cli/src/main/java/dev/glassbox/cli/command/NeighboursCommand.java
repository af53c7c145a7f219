package dev.glassbox.cli.command;

import dev.glassbox.cli.option.InputArguments;
import dev.glassbox.cli.option.ModelArguments;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.ImageWriter;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.core.output.StableJson;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.djl.LayeredModel;
import dev.glassbox.djl.interpretable.NearestExamples;
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

/** {@code glassbox neighbours}: explanation by the training examples nearest in a layer's feature space. */
@Command(name = "neighbours", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show, for each input, the k Fashion-MNIST training images nearest to it in a layer's feature "
                + "space with their labels, and how often a kNN vote on that layer agrees with the model on test "
                + "images; writes neighbours.json and index.html.")
public final class NeighboursCommand implements Callable<Integer> {
    @Mixin
    public ModelArguments model;

    @Mixin
    public InputArguments input;

    @Option(names = "--layer", required = true, description = "The layer whose outputs are the features (see glassbox layers).")
    public String layer;

    @Option(names = "--k", description = "Neighbours per input (default: ${DEFAULT-VALUE}).")
    public int k = 5;

    @Option(names = "--data", description = "Folder with the Fashion-MNIST IDX files (default: ${DEFAULT-VALUE}).")
    public Path data = FashionMnist.defaultDirectory();

    @Option(names = "--references", description = "The first N training images are the examples (default: ${DEFAULT-VALUE}).")
    public int references = 5000;

    @Option(names = "--agreement", description = "Test images on which the kNN vote is compared with the model "
            + "(default: ${DEFAULT-VALUE}; 0 skips).")
    public int agreement = 1000;

    @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    public Path out = Path.of("glassbox-neighbours");

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LabelledImages train = FashionMnist.train(data);
        if (references < 1 || references > train.count() || agreement < 0) {
            throw new InvalidInputException("--references must be between 1 and " + train.count()
                    + " and --agreement at least 0, got " + references + " and " + agreement);
        }
        LabelledImages examples = train.slice(0, references);
        List<Sample> samples = new ArrayList<>();
        try (Model loaded = ModelLoading.loadWithInputs(model, input, samples);
                AtomicDirectory output = AtomicDirectory.open(out)) {
            if (!(loaded instanceof LayeredModel layered)) {
                throw new InvalidInputException("nearest examples need a model whose layers can be read (a glassbox "
                        + "model folder or a split TorchScript model); " + model.model + " is not one");
            }
            NearestExamples nearest = NearestExamples.of(layered, layer, ImageRows.of(examples), examples.labels());
            float[][] rows = InputArguments.rows(samples);
            float[][] features = NearestExamples.features(layered, layer, rows);
            int[] predicted = NearestExamples.predictions(layered.predict(rows));
            HtmlReport report = new HtmlReport("glassbox neighbours", "Nearest training images in layer '" + layer
                    + "' of " + model.model.getFileName());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("layer", layer);
            json.put("k", k);
            json.put("references", references);
            if (agreement > 0) {
                LabelledImages test = FashionMnist.test(data).slice(0, Math.min(agreement, 10_000));
                float[][] testRows = ImageRows.of(test);
                double share = nearest.agreement(NearestExamples.features(layered, layer, testRows),
                        NearestExamples.predictions(layered.predict(testRows)), k);
                json.put("agreementImages", test.count());
                json.put("knnAgreement", share);
                report.section("Agreement").paragraph(String.format(Locale.ROOT, "A %d-nearest-neighbour vote on "
                        + "layer '%s' (%d training images) predicts the model's class for %.1f%% of %d test images.",
                        k, layer, references, 100 * share, test.count()));
                spec.commandLine().getOut().printf("kNN (k = %d) on layer %s agrees with the model on %.1f%% of %d "
                        + "test images%n", k, layer, 100 * share, test.count());
            }
            json.put("inputs", table(samples, features, predicted, nearest, examples, layered.outputNames(), report));
            Files.writeString(output.path().resolve("neighbours.json"), StableJson.toJson(json));
            Files.writeString(output.path().resolve("index.html"), report.render());
            output.commit();
            spec.commandLine().getOut().printf("nearest training images of %d input(s) in layer %s; report: %s%n",
                    samples.size(), layer, out.resolve("index.html"));
        }
        return 0;
    }

    private List<Map<String, Object>> table(List<Sample> samples, float[][] features, int[] predicted,
            NearestExamples nearest, LabelledImages examples, List<String> classes, HtmlReport report) {
        report.section("Nearest training images").paragraph("Each input with the model's prediction, the class the "
                + k + " nearest training images vote for, and those images, nearest first, with their labels and "
                + "Euclidean distances in the layer's feature space.");
        List<HtmlReport.Row> rows = new ArrayList<>();
        List<Map<String, Object>> json = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            int vote = nearest.vote(features[i], k);
            List<HtmlReport.Cell> cells = new ArrayList<>(List.of(new HtmlReport.Picture(ImageWriter.toPng(samples.get(i)),
                    samples.get(i).name(), 56), new HtmlReport.Text(classes.get(predicted[i])),
                    new HtmlReport.Text(classes.get(vote))));
            List<Map<String, Object>> neighbours = new ArrayList<>();
            for (NearestExamples.Neighbour n : nearest.nearest(features[i], k)) {
                cells.add(new HtmlReport.Picture(ImageWriter.toPng(examples.image(n.index()), examples.shape()),
                        "training image " + n.index(), 56));
                cells.add(new HtmlReport.Text(String.format(Locale.ROOT, "%s, %.3f", classes.get(n.label()), n.distance())));
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("trainingImage", n.index());
                entry.put("label", n.label());
                entry.put("distance", n.distance());
                neighbours.add(entry);
            }
            rows.add(new HtmlReport.Row(cells, vote != predicted[i]));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("input", samples.get(i).name());
            entry.put("predicted", predicted[i]);
            entry.put("knnVote", vote);
            entry.put("neighbours", neighbours);
            json.add(entry);
        }
        List<String> headers = new ArrayList<>(List.of("input", "model", "kNN vote"));
        for (int j = 1; j <= k; j++) {
            headers.add("neighbour " + j);
            headers.add("label, distance");
        }
        report.table(headers, rows);
        return json;
    }
}
