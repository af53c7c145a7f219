package dev.glassbox.djl.explain.mask;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.explain.path.PathBaseline;
import dev.glassbox.core.math.Vectors;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.DifferentiableModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Extremal perturbations (Fong, Patrick and Vedaldi, ICCV 2019): for each area a, the smooth mask m of area a that
 * best preserves the class's raw score s_c when the rest of the input is perturbed (the preservation game,
 * maximise s_c(m ⊙ x + (1 − m) ⊙ x₀)), or whose deletion lowers it most (the deletion game, minimise
 * s_c((1 − m) ⊙ x + m ⊙ x₀)). The area is imposed by the penalty λ_t R_a(m) of {@link AreaConstraint}, with λ_t
 * growing geometrically over the iterations, as TorchRay does (λ₀ = 300, ×1.0035 per iteration, 800 iterations, SGD
 * with momentum 0.9 and learning rate 0.01 from an all-ones mask). With T iterations instead of 800 the same schedule
 * is compressed: λ grows by the same factor 1.0035⁸⁰⁰ ≈ 16.4 over the run, and the learning rate is 0.01 · 800/T. x₀ is the input blurred or a constant. Two
 * departures from TorchRay: the mask is a normalised Gaussian interpolation of its parameter grid ({@link SmoothMask})
 * rather than a smooth max, and the perturbation blends x with one blurred copy rather than a blur pyramid; there is
 * no jitter. All areas of all inputs are optimised together, one forward and backward pass per iteration. The
 * attribution is the mean of the masks over the areas (pixels kept at the smallest area score highest); the masks
 * themselves, their achieved areas and scores come from {@link #masks}.
 */
public final class ExtremalPerturbation implements Explainer {
    /** TorchRay's growth of the area weight over its 800 iterations. */
    private static final double TORCHRAY_GROWTH = Math.pow(1.0035, 800);

    /** Which game the masks play. */
    public enum Variant {
        /** Keep the mask's region, perturb the rest, and keep the class's score as high as possible. */
        PRESERVE,
        /** Perturb the mask's region and bring the class's score as low as possible. */
        DELETE;

        /** Parses {@code preserve} or {@code delete}. */
        public static Variant parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "preserve" -> PRESERVE;
                case "delete" -> DELETE;
                default -> throw new InvalidInputException("unknown extremal variant '" + text
                        + "': expected preserve or delete");
            };
        }
    }

    private final DifferentiableModel model;
    private final MaskedImage image;
    private final double[] areas;
    private final Variant variant;
    private final PathBaseline perturbation;
    private final int iterations;
    private final int step;
    private final double sigma;
    private final double learningRate;
    private final double areaWeight;
    private final double areaWeightGrowth;
    private final Progress progress;

    private ExtremalPerturbation(Builder b) {
        this.model = b.model;
        this.image = b.image;
        this.areas = b.areas.clone();
        this.variant = b.variant;
        this.perturbation = b.perturbation;
        this.iterations = b.iterations;
        this.step = b.step != null ? b.step : image.defaultStep(32);
        this.sigma = b.sigma != null ? b.sigma : Math.max(1, Math.min(image.height(), image.width()) / 21.0);
        this.learningRate = b.learningRate != null ? b.learningRate : 0.01 * 800 / iterations;
        this.areaWeight = b.areaWeight;
        this.areaWeightGrowth = Math.pow(b.areaWeightGrowth, 1.0 / iterations);
        this.progress = b.progress;
    }

    /** Starts extremal perturbations for a model of image inputs. */
    public static Builder of(DifferentiableModel model) {
        return new Builder(model);
    }

    @Override
    public Attribution explain(float[] input, Target target) {
        return explain(new float[][] {input}, target).get(0);
    }

    @Override
    public List<Attribution> explain(float[][] inputs, Target target) {
        List<Attribution> out = new ArrayList<>(inputs.length);
        for (ExtremalMasks found : masks(inputs, target)) {
            float[] mean = new float[image.height() * image.width()];
            Map<String, Double> diagnostics = new LinkedHashMap<>();
            diagnostics.put("score", found.cleanScore());
            diagnostics.put("probability", found.cleanProbability());
            for (int a = 0; a < areas.length; a++) {
                for (int j = 0; j < mean.length; j++) {
                    mean[j] += found.masks()[a][j] / areas.length;
                }
                String at = "@" + areas[a];
                diagnostics.put("score" + at, found.scores()[a]);
                diagnostics.put("probability" + at, found.probabilities()[a]);
                diagnostics.put("maskArea" + at, found.achievedAreas()[a]);
            }
            out.add(image.attribution("extremal", found.target(), mean, params(), diagnostics));
        }
        return out;
    }

    /** The masks of every area for each input, with their achieved areas and scores. */
    public List<ExtremalMasks> masks(float[][] inputs, Target target) {
        float[][] clean = model.predict(inputs);
        int rows = inputs.length * areas.length;
        float[][] x = new float[rows][];
        float[][] x0 = new float[rows][];
        int[] classes = new int[rows];
        for (int i = 0; i < inputs.length; i++) {
            float[] reference = perturbation.references(inputs[i], model.inputShape()).get(0);
            int c = target.resolve(clean[i]);
            for (int a = 0; a < areas.length; a++) {
                x[i * areas.length + a] = inputs[i];
                x0[i * areas.length + a] = reference;
                classes[i * areas.length + a] = c;
            }
        }
        AreaConstraint[] constraints = new AreaConstraint[areas.length];
        for (int a = 0; a < areas.length; a++) {
            constraints[a] = new AreaConstraint(areas[a]);
        }
        MaskSearch search = new MaskSearch(model, new SmoothMask(image.height(), image.width(), step, sigma),
                variant == Variant.DELETE, variant == Variant.PRESERVE, MaskSearch.Score.RAW, iterations, 1,
                n -> GradientStep.momentum(n, learningRate, 0.9));
        MaskSearch.Outcome outcome = search.run(x, x0, classes, (row, t, mask, gradient) -> constraints[row % areas.length]
                .addGradient(mask, areaWeight * Math.pow(areaWeightGrowth, t), gradient), progress);
        List<ExtremalMasks> out = new ArrayList<>(inputs.length);
        for (int i = 0; i < inputs.length; i++) {
            float[][] masks = new float[areas.length][];
            double[] achieved = new double[areas.length];
            double[] scores = new double[areas.length];
            double[] probabilities = new double[areas.length];
            for (int a = 0; a < areas.length; a++) {
                int row = i * areas.length + a;
                double[] mask = outcome.masks()[row];
                masks[a] = new float[mask.length];
                for (int j = 0; j < mask.length; j++) {
                    masks[a][j] = (float) mask[j];
                    achieved[a] += mask[j] / mask.length;
                }
                scores[a] = outcome.scores()[row];
                probabilities[a] = outcome.probabilities()[row];
            }
            int c = classes[i * areas.length];
            double cleanProbability = model.outputsLogits() ? Vectors.softmax(clean[i])[c] : clean[i][c];
            out.add(new ExtremalMasks(c, areas.clone(), masks, achieved, scores, probabilities, clean[i][c],
                    cleanProbability));
        }
        return out;
    }

    private Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        List<Double> areaList = new ArrayList<>();
        for (double a : areas) {
            areaList.add(a);
        }
        params.put("areas", areaList);
        params.put("variant", variant.name().toLowerCase(Locale.ROOT));
        params.put("perturbation", perturbation.describe());
        params.put("iterations", iterations);
        params.put("maskStep", step);
        params.put("maskSigma", sigma);
        return params;
    }

    /** Settings of extremal perturbations. */
    public static final class Builder extends MaskBuilder<Builder> {
        private double[] areas = {0.05, 0.1, 0.2};
        private Variant variant = Variant.PRESERVE;
        private Double sigma;
        private double areaWeight = 300;
        private double areaWeightGrowth = TORCHRAY_GROWTH;

        private Builder(DifferentiableModel model) {
            super(model, "extremal perturbation", 800);
        }

        @Override
        Builder self() {
            return this;
        }

        /** The masks' areas, each a share of the image strictly between 0 and 1 (default 0.05, 0.1, 0.2). */
        public Builder areas(double... values) {
            if (values.length == 0) {
                throw new InvalidInputException("extremal perturbation needs at least one area");
            }
            for (double a : values) {
                AreaConstraint.requireArea(a);
            }
            areas = values.clone();
            return this;
        }

        /** The preservation (default) or the deletion game. */
        public Builder variant(Variant value) {
            variant = value;
            return this;
        }

        /** The mask's smoothing in pixels (default: the shorter side / 21, at least 1). */
        public Builder maskSigma(double value) {
            sigma = MaskSettings.positive(value, "the mask's smoothing sigma");
            return this;
        }

        /** The area penalty's starting weight λ₀ (default 300) and its growth over the run (default 1.0035⁸⁰⁰). */
        public Builder areaWeight(double start, double growth) {
            areaWeight = MaskSettings.positive(start, "the area penalty's weight");
            areaWeightGrowth = MaskSettings.positive(growth, "the area penalty's growth");
            return this;
        }

        /** The explainer. */
        public ExtremalPerturbation build() {
            return new ExtremalPerturbation(this);
        }
    }
}
