package dev.glassbox.cli.command;

import dev.glassbox.cli.ProgressBars;
import dev.glassbox.cli.option.InputArguments;
import dev.glassbox.cli.option.ModelArguments;
import dev.glassbox.cli.report.InfluenceSection;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.input.FashionMnist;
import dev.glassbox.core.input.IdxReader;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.input.Sample;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.output.AtomicDirectory;
import dev.glassbox.djl.LayeredModel;
import dev.glassbox.djl.inspect.TrainingInfluence;
import java.io.IOException;
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
 * {@code glassbox inspect influence}: which training images made each prediction — proponents and opponents by
 * influence functions, TracIn or exact leave-one-out retraining of the model's last layers, and the most
 * self-influential training images — written as JSON, PNG strips and an HTML report.
 */
@Command(name = "influence", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Influence of training data: each prediction's proponents and opponents among the training "
                + "images, and the most self-influential training images (influence functions, Koh & Liang 2017; "
                + "TracIn, Pruthi et al. 2020; or exact leave-one-out retraining).")
public final class InfluenceCommand implements Callable<Integer> {
    @Mixin
    public ModelArguments model;

    @Mixin
    public InputArguments input;

    @Option(names = "--layer", paramLabel = "L", description = "The layer whose activations feed the head influence "
            + "is taken over (default: the layer before the last; a split TorchScript model's split).")
    public String layer;

    @Option(names = "--train-data", paramLabel = "DIR",
            description = "Folder with the Fashion-MNIST IDX files, whose training set is used (default: ${DEFAULT-VALUE}).")
    public Path trainData = FashionMnist.defaultDirectory();

    @Option(names = "--train-images", paramLabel = "FILE",
            description = "The training images (with --train-labels), instead of --train-data: an IDX image file of grey "
                    + "images, or a .npy array N×C×H×W (RGB or any channels; N×H×W for grey) of values as the model "
                    + "takes them.")
    public Path trainImages;

    @Option(names = "--train-labels", paramLabel = "FILE", description = "The labels of --train-images: an IDX label "
            + "file, a .npy array of class indices, or a text file with one class index per line.")
    public Path trainLabels;

    @Option(names = "--train-count", description = "Use the first N training images (default: ${DEFAULT-VALUE}).")
    public int trainCount = 1000;

    @Option(names = "--weights", paramLabel = "surrogate|model", description = "Which last-layer weights influence is "
            + "taken over. surrogate: a softmax regression on the "
            + "layer's activations (any layered model); model: the model's own linear layers after the layer (DJL "
            + "models; Hessian–vector products by double backward) (default: ${DEFAULT-VALUE}).")
    public String head = "surrogate";

    @Option(names = "--method", paramLabel = "influence|newton|tracin|loo", description = "influence: influence "
            + "functions; newton: their Newton step, each removed image's own curvature taken out of the Hessian "
            + "(closer to retraining where an image is a large part of the curvature; surrogate head); "
            + "tracin: TracIn over checkpoints of the head's fit by gradient descent; loo: exact leave-one-out "
            + "retraining of the head, once per training image (slow; the ground truth, compared with influence "
            + "functions and the Newton step) (default: ${DEFAULT-VALUE}).")
    public String method = "influence";

    @Option(names = "--solver", paramLabel = "auto|exact|cg|lissa", description = "How influence functions invert the "
            + "Hessian. exact: factored (few parameters); cg: conjugate gradients over Hessian–vector products; "
            + "lissa: the stochastic Neumann series (seeded); auto: exact up to 2,500 parameters, cg above "
            + "(default: ${DEFAULT-VALUE}).")
    public String solver = "auto";

    @Option(names = "--lissa-depth", description = "LiSSA: terms of the series (default: ${DEFAULT-VALUE}).")
    public int lissaDepth = TrainingInfluence.Lissa.DEFAULT.depth();

    @Option(names = "--lissa-batch", description = "LiSSA: training examples per Hessian–vector product "
            + "(default: ${DEFAULT-VALUE}).")
    public int lissaBatch = TrainingInfluence.Lissa.DEFAULT.batch();

    @Option(names = "--lissa-repeats", description = "LiSSA: runs averaged (default: ${DEFAULT-VALUE}).")
    public int lissaRepeats = TrainingInfluence.Lissa.DEFAULT.repeats();

    @Option(names = "--lissa-scale", paramLabel = "S", description = "LiSSA: the scale, above the largest eigenvalue of "
            + "the mini-batch Hessians (default: twice the damped Hessian's largest eigenvalue).")
    public double lissaScale = TrainingInfluence.Lissa.AUTO_SCALE;

    @Option(names = "--checkpoints", description = "TracIn: checkpoints, spread evenly over the descent "
            + "(default: ${DEFAULT-VALUE}).")
    public int checkpoints = 10;

    @Option(names = "--descent-steps", description = "TracIn: steps of the head's gradient descent "
            + "(default: ${DEFAULT-VALUE}).")
    public int descentSteps = 100;

    @Option(names = "--seed", description = "Seed of LiSSA's mini-batches (default: ${DEFAULT-VALUE}).")
    public long seed;

    @Option(names = "--l2", description = "L2 strength of the head's training risk (default: ${DEFAULT-VALUE}).")
    public double l2 = 1e-3;

    @Option(names = "--damping", description = "Added to the Hessian's diagonal (default: ${DEFAULT-VALUE}).")
    public double damping;

    @Option(names = "--top", description = "Proponents, opponents and self-influential images shown (default: ${DEFAULT-VALUE}).")
    public int top = 5;

    @Option(names = "--out", required = true, description = "Output folder (replaced atomically).")
    public Path out;

    @Spec
    public picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TrainingInfluence.Head headKind = parse(TrainingInfluence.Head.class, head, "--weights");
        TrainingInfluence.Solver solverKind = parse(TrainingInfluence.Solver.class, solver, "--solver");
        TrainingInfluence.Method methodKind = parse(TrainingInfluence.Method.class, method, "--method");
        if (trainCount < 2) {
            throw new InvalidInputException("--train-count must be at least 2, got " + trainCount);
        }
        TrainingImages train = trainingImages();
        List<Sample> samples = new ArrayList<>();
        try (Model loaded = ModelLoading.loadWithInputs(model, input, samples);
                AtomicDirectory output = AtomicDirectory.open(out);
                ProgressBars progress = new ProgressBars()) {
            LayeredModel layered = InspectImages.layered(loaded);
            if (!train.shape().equals(loaded.inputShape())) {
                throw new InvalidInputException("the training images have shape " + train.shape() + " but the model "
                        + "takes " + loaded.inputShape());
            }
            String at = layer != null ? layer : defaultLayer(layered.layerNames());
            if (train.labels().length > 0 && java.util.Arrays.stream(train.labels()).max().orElse(0)
                    >= loaded.outputSize()) {
                throw new InvalidInputException("the training labels go up to " + java.util.Arrays.stream(
                        train.labels()).max().orElse(0) + " but the model has " + loaded.outputSize() + " outputs");
            }
            TrainingInfluence.Result result = TrainingInfluence.at(at).head(headKind).method(methodKind)
                    .solver(solverKind).l2(l2).damping(damping).top(top).checkpoints(checkpoints, descentSteps)
                    .lissa(new TrainingInfluence.Lissa(lissaDepth, lissaBatch, lissaRepeats, seed, lissaScale)).build()
                    .analyse(layered, train.images(), train.labels(), InputArguments.rows(samples), progress);
            InspectImages.finish(output, InfluenceSection.JSON, InfluenceSection.write(result, samples, train,
                    loaded.outputNames(), output.path()), "glassbox inspect influence", loaded,
                    InfluenceSection::render);
        }
        spec.commandLine().getOut().printf("influence of %d training images on %d input(s): %s%n", train.count(),
                samples.size(), out.resolve("index.html"));
        return 0;
    }

    private TrainingImages trainingImages() {
        if ((trainImages == null) != (trainLabels == null)) {
            throw new InvalidInputException("--train-images and --train-labels go together: give both or neither");
        }
        if (trainImages != null && trainImages.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
            return TrainingImages.npy(trainImages, trainLabels).first(trainCount);
        }
        LabelledImages all = trainImages != null ? IdxReader.read(trainImages, trainLabels)
                : FashionMnist.train(trainData);
        return TrainingImages.of(all.slice(0, Math.min(trainCount, all.count())));
    }

    /** The layer before the last, or the only one (a split model's split). */
    private static String defaultLayer(List<String> names) {
        return names.size() == 1 ? names.get(0) : names.get(names.size() - 2);
    }

    private static <E extends Enum<E>> E parse(Class<E> kind, String value, String option) {
        for (E e : kind.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        throw new InvalidInputException(option + " takes " + String.join(" or ", java.util.Arrays.stream(
                kind.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList()) + ", got '" + value + "'");
    }
}
