package dev.glassbox.cli;

import picocli.CommandLine.Option;

/** The settings of attribution methods, shared by every command that explains. */
final class ExplainOptions {
    @Option(names = "--target", paramLabel = "pred|N", description = "Which output to explain (default: ${DEFAULT-VALUE}).")
    String target = "pred";

    @Option(names = "--layer", paramLabel = "NAME",
            description = "Layer for cam/gradcam/guided-gradcam (default: the split of a split model, else the last convolutional layer).")
    String layer;

    @Option(names = "--steps", description = "Integrated Gradients path points (default: ${DEFAULT-VALUE}).")
    int steps = 50;

    @Option(names = "--rule", paramLabel = "left|right|middle|trapezoid|gauss-legendre",
            description = "Integration rule (default: ${DEFAULT-VALUE}).")
    String rule = "gauss-legendre";

    @Option(names = "--baseline", paramLabel = "zero|blur|noise|FILE",
            description = "Baseline for ig and deeplift: zero, a blurred input, uniform noise, or a file (.npy/.png; a batch is averaged) (default: ${DEFAULT-VALUE}).")
    String baseline = "zero";

    @Option(names = "--blur-sigma", description = "Gaussian blur of the blur baseline, in pixels (default: ${DEFAULT-VALUE}).")
    double blurSigma = 3;

    @Option(names = "--samples", description = "Noisy samples for smoothgrad/smoothgrad-sq/vargrad (default: ${DEFAULT-VALUE}).")
    int samples = 50;

    @Option(names = "--noise", description = "Noise σ as a fraction of the input's range (default: ${DEFAULT-VALUE}).")
    double noise = 0.15;

    @Option(names = "--abs", description = "Absolute values for saliency.")
    boolean abs;

    @Option(names = "--relu", description = "Apply the final ReLU to cam/gradcam (off by default, as Captum).")
    boolean relu;

    @Option(names = "--upsample", paramLabel = "nearest|bilinear|none",
            description = "Upsample cam/gradcam to the input size (default: bilinear for cam/gradcam, nearest for guided-gradcam as Captum).")
    String upsample;

    @Option(names = "--seed", description = "Seed of every random method (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    @Option(names = "--memory-budget-mb", description = "Memory one batch of path points or perturbations may use (default: ${DEFAULT-VALUE}).")
    long memoryBudgetMb = 256;
}
