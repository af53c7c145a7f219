package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.cli.option.TrainingOptions;
import dev.glassbox.cli.report.TcavSection;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.input.Patch;
import dev.glassbox.core.metrics.Classification;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.core.output.StableJson;
import dev.glassbox.core.render.HtmlReport;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.inspect.PlantedConceptCheck;
import dev.glassbox.djl.inspect.Tcav;
import dev.glassbox.djl.zoo.ImageClassifierTraining;
import dev.glassbox.djl.zoo.ModelCard;
import dev.glassbox.djl.zoo.SavedModels;
import dev.glassbox.djl.zoo.SmallFashionCnn;
import dev.glassbox.djl.zoo.Training;
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
 * {@code glassbox inspect tcav-experiment}: the controlled experiment of Kim et al. (2018, §4.3). Small Fashion-MNIST
 * CNNs are trained with a patch planted into a share of one class's training images (one model per share), and for
 * each the table gives its reliance on the patch, its TCAV score for the patch concept and the saliency mass on the
 * patch ({@link PlantedConceptCheck}); the models, {@code tcav-experiment.json} and {@code index.html} are written.
 */
@Command(name = "tcav-experiment", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train Fashion-MNIST models with a patch planted into a share of one class and compare their "
                + "reliance on it with TCAV scores and saliency mass (Kim et al. 2018, section 4.3).")
public final class TcavExperimentCommand implements Callable<Integer> {
    @Mixin
    public TrainingOptions training;

    @Option(names = "--rates", split = ",", paramLabel = "SHARE",
            description = "Shares of the class's training images that get the patch, one model each (default: "
                    + "${DEFAULT-VALUE}).")
    public List<Double> rates = List.of(0.0, 0.3, 0.7, 1.0);

    @Option(names = "--elsewhere", paramLabel = "SHARE", description = "Share of the other classes' training images "
            + "that get the patch too, making it a noisier cue for the class (default: ${DEFAULT-VALUE}).")
    public double elsewhere = 0;

    @Option(names = "--class", description = "The class the patch is planted into (default: ${DEFAULT-VALUE}, Shirt).")
    public int label = 6;

    @Option(names = "--patch", paramLabel = "ROW,COL,SIZE", description = "The patch (default: ${DEFAULT-VALUE}).")
    public String patch = "0,0,4";

    @Option(names = "--layers", split = ",", description = "Layers to test at (default: ${DEFAULT-VALUE}).")
    public List<String> layers = List.of("relu2", "relu3");

    @Option(names = "--runs", description = "TCAV runs, each against another random set (default: ${DEFAULT-VALUE}).")
    public int runs = 10;

    @Option(names = "--set-size", description = "Images per concept and random set (default: ${DEFAULT-VALUE}).")
    public int setSize = 50;

    @Option(names = "--out", required = true, description = "Output folder.")
    public Path out;

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (label < 0 || label >= FashionMnist.CLASS_NAMES.size()) {
            throw new InvalidInputException("--class takes a class from 0 to 9, got " + label);
        }
        Patch planted = Patch.parse(patch);
        LabelledImages train = training.trainingImages();
        LabelledImages test = training.testImages();
        Training.Settings settings = training.settings(new Training.Settings(2, 128, 3e-3f, 20261205L));
        PlantedConceptCheck check = new PlantedConceptCheck(planted, label, setSize, layers, runs, settings.seed());
        List<Map<String, Object>> rows = new ArrayList<>();
        HtmlReport report = new HtmlReport("glassbox TCAV experiment", String.format(Locale.ROOT,
                "%s CNNs trained on %d Fashion-MNIST images for %d epoch(s), a %d×%d patch planted into a share of "
                + "class '%s' and into %.0f%% of the other classes' images.", SmallFashionCnn.NAME, train.count(),
                settings.epochs(), planted.size(), planted.size(), FashionMnist.className(label), 100 * elsewhere));
        List<HtmlReport.Row> table = new ArrayList<>();
        try (AtomicDirectory output = AtomicDirectory.open(out); ProgressBars progress = new ProgressBars()) {
            for (double rate : rates) {
                LabelledImages planted0 = planted.plantOutsideClass(planted.plantInClass(train, label, rate,
                        settings.seed()), label, elsewhere, settings.seed() + 1);
                try (BlockModel model = ImageClassifierTraining.train(SmallFashionCnn.NAME, SmallFashionCnn.build(),
                        planted0, FashionMnist.CLASS_NAMES, settings, progress)) {
                    double accuracy = Classification.accuracy(model, ImageRows.of(test), test.labels());
                    String name = String.format(Locale.ROOT, "model-%03d", Math.round(rate * 100)) + (elsewhere == 0
                            ? "" : String.format(Locale.ROOT, "-elsewhere-%03d", Math.round(elsewhere * 100)));
                    SavedModels.save(model, new ModelCard(SmallFashionCnn.NAME, model.inputShape().dims(),
                            FashionMnist.CLASS_NAMES, String.format(Locale.ROOT, "Fashion-MNIST (MIT licence), %d "
                            + "training images, patch %s planted into %.0f%% of class %d and %.0f%% of the others",
                            train.count(), patch, 100 * rate, label, 100 * elsewhere), settings.seed(), settings.epochs(),
                            Map.of("testAccuracy", accuracy)), output.path().resolve(name));
                    PlantedConceptCheck.Row row = check.measure(model, test, progress);
                    rows.add(json(rate, accuracy, row));
                    table.add(htmlRow(rate, accuracy, row));
                    spec.commandLine().getOut().printf(Locale.ROOT, "rate %.0f%%: reliance %.3f, TCAV %s, saliency "
                            + "mass %.3f%n", 100 * rate, row.reliance(), scores(row.tcav()), row.saliencyMass());
                }
            }
            List<String> headers = new ArrayList<>(List.of("planted share", "test accuracy", "class accuracy with "
                    + "patch", "without (patch removed)", "reliance"));
            layers.forEach(l -> headers.add("TCAV @ " + l));
            headers.add("saliency mass on patch");
            report.section("Reliance on a planted patch, TCAV and saliency").table(headers, table);
            report.paragraph("TCAV cells: mean score ± sd over the runs, p-value against random-versus-random scores; "
                    + "n.s. marks scores that are not significant after the Bonferroni correction. The patch covers "
                    + String.format(Locale.ROOT, "%.1f%%", 100 * planted.areaShare(test.shape()))
                    + " of the image: the saliency mass of a map spread evenly.");
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("patch", planted);
            json.put("class", label);
            json.put("elsewhereShare", elsewhere);
            json.put("trainingImages", train.count());
            json.put("epochs", settings.epochs());
            json.put("seed", settings.seed());
            json.put("models", rows);
            Files.writeString(output.path().resolve("tcav-experiment.json"), StableJson.toJson(json));
            Files.writeString(output.path().resolve("index.html"), report.render());
            output.commit();
        }
        spec.commandLine().getOut().printf("TCAV experiment: %s%n", out.resolve("index.html"));
        return 0;
    }

    private static String scores(Tcav.Result result) {
        StringBuilder text = new StringBuilder();
        for (Tcav.Entry e : result.entries()) {
            text.append(String.format(Locale.ROOT, "%s %.2f±%.2f p=%.2g%s; ", e.layer(), e.mean(), e.sd(),
                    e.pValue(), e.significant() ? "" : " n.s."));
        }
        return text.toString();
    }

    private static Map<String, Object> json(double rate, double accuracy, PlantedConceptCheck.Row row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("plantedShare", rate);
        json.put("testAccuracy", accuracy);
        json.put("classAccuracyWithPatch", row.accuracyWithPatch());
        json.put("classAccuracyWithoutPatch", row.accuracyWithoutPatch());
        json.put("reliance", row.reliance());
        json.put("saliencyMassOnPatch", row.saliencyMass());
        json.put("patchAreaShare", row.areaShare());
        json.put("tcav", TcavSection.json(row.tcav()));
        return json;
    }

    private static HtmlReport.Row htmlRow(double rate, double accuracy, PlantedConceptCheck.Row row) {
        List<HtmlReport.Cell> cells = new ArrayList<>(List.of(percent(rate), percent(accuracy),
                percent(row.accuracyWithPatch()), percent(row.accuracyWithoutPatch()),
                new HtmlReport.Number(String.format(Locale.ROOT, "%.3f", row.reliance()))));
        for (Tcav.Entry e : row.tcav().entries()) {
            cells.add(new HtmlReport.Number(String.format(Locale.ROOT, "%.2f ± %.2f (p %.2g)%s", e.mean(), e.sd(),
                    e.pValue(), e.significant() ? "" : " n.s.")));
        }
        cells.add(new HtmlReport.Number(String.format(Locale.ROOT, "%.3f", row.saliencyMass())));
        return new HtmlReport.Row(cells, false);
    }

    private static HtmlReport.Number percent(double share) {
        return new HtmlReport.Number(String.format(Locale.ROOT, "%.1f%%", 100 * share));
    }
}
