package dev.glassbox.cli.option;

import java.util.List;
import picocli.CommandLine.Option;

/** The settings of attribution methods, shared by every command that explains. */
public final class ExplainOptions {
    @Option(names = "--target", paramLabel = "pred|N", description = "Which output to explain (default: ${DEFAULT-VALUE}).")
    public String target = "pred";

    @Option(names = "--layer", paramLabel = "NAME",
            description = "Layer for cam/gradcam/guided-gradcam (default: the split of a split model, else the last convolutional layer).")
    public String layer;

    @Option(names = "--steps", description = "Integrated Gradients path points (default: ${DEFAULT-VALUE}).")
    public int steps = 50;

    @Option(names = "--rule", paramLabel = "left|right|middle|trapezoid|gauss-legendre",
            description = "Integration rule (default: ${DEFAULT-VALUE}).")
    public String rule = "gauss-legendre";

    @Option(names = "--baseline", paramLabel = "zero|V|blur|noise|means|FILE",
            description = "Reference input: zero, a constant V, a blurred input, uniform noise, each segment's mean "
                    + "colour (perturbation methods), or a file (.npy/.png/.csv; several rows are averaged for ig and "
                    + "deeplift, and form the background of perturbation methods) (default: ${DEFAULT-VALUE}).")
    public String baseline = "zero";

    @Option(names = "--window", converter = WindowSize.Converter.class, paramLabel = "HxW",
            description = "Occlusion window over the trailing axes: 4x4, 4,4, or 4 for a square (default: 4x4 for "
                    + "images, 1 for tabular rows); pda's square window K is the first value (default 4).")
    public WindowSize window;

    @Option(names = "--stride", converter = WindowSize.Converter.class, paramLabel = "HxW",
            description = "Occlusion strides, written as the window (default: half the window; pda: 1).")
    public WindowSize stride;

    @Option(names = "--segments", paramLabel = "slic:N|quickshift|pixels|elements",
            description = "Features of image inputs for ablation, lime, kernel-shap, shapley-*, sis (default: slic:40, "
                    + "slic:10 for shapley-exact); tabular inputs use their columns.")
    public String segments;

    @Option(names = "--background", paramLabel = "FILE",
            description = "Rows (.csv/.npy, an IDX image file or a Fashion-MNIST folder) for kernel-shap's expectation "
                    + "and ablation's reference; lime on tabular data takes its quartiles from them; pda draws removed "
                    + "windows from them (training images).")
    public java.nio.file.Path background;

    @Option(names = "--kmeans", paramLabel = "K", description = "Summarise --background to K weighted k-means centres.")
    public Integer kmeans;

    @Option(names = "--pda-sampling", paramLabel = "marginal|conditional",
            description = "pda: removed windows copied from a random training image (marginal) or drawn from a Gaussian "
                    + "given the surround (conditional) (default: ${DEFAULT-VALUE}).")
    public String pdaSampling = "conditional";

    @Option(names = "--padding", paramLabel = "P",
            description = "pda: pixels of surround on each side of the window that conditional sampling conditions on "
                    + "(default: ${DEFAULT-VALUE}).")
    public int padding = 2;

    @Option(names = "--laplace-n", paramLabel = "N",
            description = "pda: training-set size N of the Laplace correction (p·N + 1)/(N + classes) (default: the "
                    + "number of --background images).")
    public Long laplaceN;

    @Option(names = "--areas", split = ",", paramLabel = "A1,A2,...",
            description = "extremal: the masks' areas as shares of the image, each strictly between 0 and 1 (default: "
                    + "${DEFAULT-VALUE}).")
    public List<Double> areas = List.of(0.05, 0.1, 0.2);

    @Option(names = "--variant", paramLabel = "preserve|delete",
            description = "extremal: keep the mask and perturb the rest, or perturb the mask (default: ${DEFAULT-VALUE}).")
    public String variant = "preserve";

    @Option(names = "--perturbation", paramLabel = "blur|V",
            description = "extremal, meaningful: what removed pixels become: the input blurred by --blur-sigma, or a "
                    + "constant V (default: ${DEFAULT-VALUE}).")
    public String perturbation = "blur";

    @Option(names = "--iterations", paramLabel = "N",
            description = "extremal, meaningful: descent iterations (default: 800 for extremal, 500 for meaningful).")
    public Integer iterations;

    @Option(names = "--threshold", paramLabel = "τ", description = "SIS: the probability of the class a sufficient subset must keep (default: ${DEFAULT-VALUE}).")
    public double threshold = 0.9;

    @Option(names = "--threads", description = "Threads evaluating perturbations (results do not depend on it) (default: ${DEFAULT-VALUE}).")
    public int threads = 1;

    @Option(names = "--probabilities", description = "Perturbation methods explain softmax probabilities instead of raw scores.")
    public boolean probabilities;

    /** The sample count the user gave, or the method's default. */
    public int samplesOr(int byDefault) {
        return samples == null ? byDefault : samples;
    }

    @Option(names = "--blur-sigma", description = "Gaussian blur of the blur baseline, in pixels (default: ${DEFAULT-VALUE}).")
    public double blurSigma = 3;

    @Option(names = "--samples", paramLabel = "N",
            description = "Samples: noisy copies for smoothgrad/smoothgrad-sq/vargrad (default 50), perturbations for lime "
                    + "(default 1000) and kernel-shap (default 2M + 2048, exact enumeration when 2^M fits), permutations "
                    + "for shapley-sampling (default 25), samples per window for pda (default 10).")
    public Integer samples;

    @Option(names = "--noise", description = "Noise σ as a fraction of the input's range (default: ${DEFAULT-VALUE}).")
    public double noise = 0.15;

    @Option(names = "--abs", description = "Absolute values for saliency.")
    public boolean abs;

    @Option(names = "--relu", description = "Apply the final ReLU to cam/gradcam (off by default, as Captum).")
    public boolean relu;

    @Option(names = "--upsample", paramLabel = "nearest|bilinear|none",
            description = "Upsample cam/gradcam to the input size (default: bilinear for cam/gradcam, nearest for guided-gradcam as Captum).")
    public String upsample;

    @Option(names = "--deeplift-rules", paramLabel = "captum|exact",
            description = "DeepLIFT's flavour: captum gives Captum 0.8's numbers (its summation-to-delta breaks at "
                    + "max-pools); exact keeps summation-to-delta at every nonlinearity and pool (default: ${DEFAULT-VALUE}).")
    public String deepLiftRules = "captum";

    @Option(names = "--lrp-epsilon", paramLabel = "ε",
            description = "LRP's stabiliser ε (lrp-epsilon, lrp-gamma, lrp-composite; default: ${DEFAULT-VALUE}, as Captum).")
    public double lrpEpsilon = 1e-9;

    @Option(names = "--lrp-gamma", paramLabel = "γ",
            description = "LRP-γ's weight on positive contributions (lrp-gamma, lrp-composite; default: ${DEFAULT-VALUE}).")
    public double lrpGamma = 0.25;

    @Option(names = "--lrp-alpha", paramLabel = "α",
            description = "LRP-αβ's α, with β = α − 1 (lrp-alphabeta; default: ${DEFAULT-VALUE}).")
    public double lrpAlpha = 2;

    @Option(names = "--lrp-bounds", split = ",", paramLabel = "L,H",
            description = "The box the inputs lie in, for lrp-composite's z^B rule on the first layer (default: 0,1, "
                    + "pixels as glassbox reads images).")
    public List<Float> lrpBounds = List.of(0f, 1f);

    @Option(names = "--seed", description = "Seed of every random method (default: ${DEFAULT-VALUE}).")
    public long seed = 0;

    /** Whether CSV files (--background) have a header row; set from the inputs' --no-header. */
    public boolean csvHeader = true;

    @Option(names = "--memory-budget-mb", description = "Memory one batch of path points or perturbations may use (default: ${DEFAULT-VALUE}).")
    public long memoryBudgetMb = 256;
}
