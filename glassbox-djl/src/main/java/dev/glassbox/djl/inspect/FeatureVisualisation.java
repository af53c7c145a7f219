package dev.glassbox.djl.inspect;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.LayeredModel;
import dev.glassbox.djl.OutputWeighting;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Feature visualisation by optimisation (Erhan et al. 2009; Olah et al., Distill 2017): images that maximise an
 * {@link Objective}, found by Adam ascent on an {@link ImageParameterisation} (pixels, or a 1/f-scaled Fourier
 * spectrum with RGB colour decorrelation), with random {@link ImageTransform}s drawn at every step (the transformed
 * image is resized back to the model's input size), {@link ImagePenalties} subtracted, and, for several images, the
 * {@link Diversity} term at a layer subtracted with its weight. Each step is one forward and backward pass per layer
 * the objective reads (two more for diversity). Everything random draws from one generator seeded by the caller, so
 * the same seed gives the same images.
 */
public final class FeatureVisualisation {
    private final ModelObjective objective;
    private final ImageParameterisation parameterisation;
    private final List<ImageTransform> transforms;
    private final ImagePenalties penalties;
    private final InputScaling scaling;
    private final int images;
    private final int steps;
    private final double learningRate;
    private final double diversity;
    private final String diversityLayer;
    private final Shape diversityShape;
    private final long seed;

    private FeatureVisualisation(Builder b) {
        this.objective = b.objective;
        this.parameterisation = b.parameterisation;
        this.transforms = List.copyOf(b.transforms);
        this.penalties = b.penalties;
        this.scaling = b.scaling;
        this.images = b.images;
        this.steps = b.steps;
        this.learningRate = b.learningRate;
        this.diversity = b.diversity;
        this.diversityLayer = b.diversityLayer;
        this.diversityShape = b.diversityShape;
        this.seed = b.seed;
    }

    /** A builder for maximising {@code objective}, bound to its model. */
    public static Builder builder(ModelObjective objective) {
        return new Builder(objective);
    }

    /**
     * The optimised images (in [0, 1], the model's input shape), the objective's value on each (untransformed) and
     * each image's total variation; and, step by step, the mean objective on the step's transformed inputs (without
     * transforms: on the images themselves) and the mean total variation of the step's images, before its update.
     */
    public record Result(String objective, ImageParameterisation.Basis basis, boolean transformed, int steps, long seed,
            float[][] images, double[] values, double[] totalVariation, double[] valueTrace, double[] variationTrace) {
    }

    /** Runs the optimisation, reporting each step to {@code progress}. */
    public Result run(Progress progress) {
        Random random = new Random(seed);
        Shape shape = parameterisation.shape();
        int channels = shape.dim(0);
        float[][] parameters = new float[images][];
        AdamAscent[] optimisers = new AdamAscent[images];
        for (int i = 0; i < images; i++) {
            parameters[i] = parameterisation.initial(random);
            optimisers[i] = new AdamAscent(parameters[i].length, learningRate);
        }
        double[] valueTrace = new double[steps];
        double[] variationTrace = new double[steps];
        for (int step = 0; step < steps; step++) {
            float[][] current = new float[images][];
            float[][] inputs = new float[images][];
            List<List<Warp>> warps = new ArrayList<>();
            for (int i = 0; i < images; i++) {
                current[i] = parameterisation.image(parameters[i]);
                List<Warp> drawn = drawWarps(shape, random);
                warps.add(drawn);
                float[] x = current[i];
                for (Warp warp : drawn) {
                    x = warp.apply(x, channels);
                }
                inputs[i] = scaling.apply(x, channels);
            }
            ModelObjective.Evaluation evaluation = objective.evaluate(inputs);
            float[][] gradients = evaluation.gradients();
            for (int i = 0; i < images; i++) {
                valueTrace[step] += evaluation.values()[i] / images;
                variationTrace[step] += ImagePenalties.totalVariation(current[i], shape) / images;
            }
            if (diversity > 0 && images > 1) {
                addDiversity(inputs, gradients);
            }
            for (int i = 0; i < images; i++) {
                float[] g = gradients[i];
                scaling.pullBack(g, channels);
                List<Warp> drawn = warps.get(i);
                for (int w = drawn.size() - 1; w >= 0; w--) {
                    g = drawn.get(w).pullBack(g, channels);
                }
                penalties.subtractGradient(current[i], shape, g);
                optimisers[i].step(parameters[i], parameterisation.pullBack(current[i], g));
            }
            progress.update("feature visualisation", step + 1, steps);
        }
        float[][] out = new float[images][];
        float[][] inputs = new float[images][];
        double[] variation = new double[images];
        for (int i = 0; i < images; i++) {
            out[i] = parameterisation.image(parameters[i]);
            inputs[i] = scaling.apply(out[i], channels);
            variation[i] = ImagePenalties.totalVariation(out[i], shape);
        }
        return new Result(objective.objective().toString(), parameterisation.basis(), !transforms.isEmpty(), steps, seed,
                out, objective.values(inputs), variation, valueTrace, variationTrace);
    }

    /** This step's warps of one image: the transforms in order, then a resize back to the model's input size. */
    private List<Warp> drawWarps(Shape shape, Random random) {
        List<Warp> drawn = new ArrayList<>();
        int h = shape.dim(1);
        int w = shape.dim(2);
        for (ImageTransform transform : transforms) {
            Warp warp = transform.draw(h, w, random);
            drawn.add(warp);
            h = warp.outHeight();
            w = warp.outWidth();
        }
        if (h != shape.dim(1) || w != shape.dim(2)) {
            drawn.add(Warp.resize(h, w, shape.dim(1), shape.dim(2)));
        }
        return drawn;
    }

    /** Adds the input gradient of −weight × diversity at the diversity layer (two passes: activations, then VJP). */
    private void addDiversity(float[][] inputs, float[][] gradients) {
        LayeredModel model = (LayeredModel) objective.model();
        float[][] activations = ModelObjective.activations(model, inputs, diversityLayer);
        Diversity.Value value = Diversity.of(activations, diversityShape);
        float[][] cotangent = value.gradients();
        for (float[] row : cotangent) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (-diversity * row[j]);
            }
        }
        float[][] pulled = model.activationInputGradient(inputs, diversityLayer, OutputWeighting.fixed(cotangent))
                .gradients();
        for (int i = 0; i < inputs.length; i++) {
            for (int j = 0; j < pulled[i].length; j++) {
                gradients[i][j] += pulled[i][j];
            }
        }
    }

    /** Options of a {@link FeatureVisualisation}; defaults follow Lucid: Fourier basis, standard transforms, Adam 0.05. */
    public static final class Builder {
        private final ModelObjective objective;
        private ImageParameterisation parameterisation;
        private List<ImageTransform> transforms;
        private ImagePenalties penalties = ImagePenalties.NONE;
        private InputScaling scaling = InputScaling.IDENTITY;
        private int images = 1;
        private int steps = 256;
        private double learningRate = 0.05;
        private double diversity;
        private String diversityLayer;
        private Shape diversityShape;
        private long seed;

        private Builder(ModelObjective objective) {
            this.objective = objective;
            Shape shape = objective.model().inputShape();
            this.parameterisation = new ImageParameterisation(shape, ImageParameterisation.Basis.FOURIER, 1);
            this.transforms = ImageTransform.standard(Math.max(shape.dim(1), shape.dim(2)));
        }

        /** The image parameterisation (default: Fourier with 1/f scaling); its shape must be the model's input shape. */
        public Builder parameterisation(ImageParameterisation value) {
            if (!value.shape().equals(objective.model().inputShape())) {
                throw new InvalidInputException("the image shape " + value.shape() + " is not the model's input shape "
                        + objective.model().inputShape());
            }
            this.parameterisation = value;
            return this;
        }

        /** The transforms drawn each step, in order (default: {@link ImageTransform#standard}; empty: none). */
        public Builder transforms(List<ImageTransform> value) {
            this.transforms = List.copyOf(value);
            return this;
        }

        /** The penalties subtracted from the objective (default: none). */
        public Builder penalties(ImagePenalties value) {
            this.penalties = value;
            return this;
        }

        /** How [0, 1] images become model inputs (default: as they are). */
        public Builder inputScaling(InputScaling value) {
            int channels = objective.model().inputShape().dim(0);
            if (value.mean().length != 1 && value.mean().length != channels) {
                throw new InvalidInputException("give 1 or " + channels + " input means and deviations, got "
                        + value.mean().length);
            }
            this.scaling = value;
            return this;
        }

        /** How many images to optimise together (default 1). */
        public Builder images(int value) {
            this.images = positive(value, "images");
            return this;
        }

        /** Optimisation steps (default 256). */
        public Builder steps(int value) {
            this.steps = positive(value, "steps");
            return this;
        }

        /** Adam's learning rate (default 0.05). */
        public Builder learningRate(double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new InvalidInputException("the learning rate must be positive, got " + value);
            }
            this.learningRate = value;
            return this;
        }

        /** Subtracts {@code weight} × the diversity of the images' Gram matrices at {@code layer}. */
        public Builder diversity(double weight, String layer) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new InvalidInputException("the diversity weight must be finite and ≥ 0, got " + weight);
            }
            this.diversityShape = weight > 0 ? ModelObjective.layerShape(objective.model(), layer) : null;
            this.diversity = weight;
            this.diversityLayer = layer;
            return this;
        }

        /** The seed of the starting images and the transforms (default 0). */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** The configured optimisation. */
        public FeatureVisualisation build() {
            return new FeatureVisualisation(this);
        }

        private static int positive(int value, String what) {
            if (value < 1) {
                throw new InvalidInputException(what + " must be at least 1, got " + value);
            }
            return value;
        }
    }
}
