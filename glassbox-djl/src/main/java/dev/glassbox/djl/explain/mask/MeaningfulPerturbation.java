package dev.glassbox.djl.explain.mask;

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
import java.util.Map;

/**
 * Meaningful perturbations (Fong and Vedaldi, ICCV 2017), the deletion game with soft constraints: the mask m (1 keeps
 * a pixel) minimises λ₁ ‖1 − m‖₁ + λ₂ TV_β(m) + p_c(m ⊙ x + (1 − m) ⊙ x₀), the smallest smooth deletion that destroys
 * the class's probability p_c, with x₀ the input blurred (or a constant). As in the paper, m is a coarse mask (by
 * default about 28 × 28) upsampled to the input, the L1 and total-variation terms ({@link TotalVariation}) act on the
 * coarse mask, and Adam descends from an all-ones mask (defaults λ₁ = 1e-4, λ₂ = 1e-2, β = 3, learning rate 0.1, 500
 * iterations); the paper's jitter and noise are left out. The attribution is the deletion 1 − m, upsampled: high where
 * deleting the input removes the class.
 */
public final class MeaningfulPerturbation implements Explainer {
    private final DifferentiableModel model;
    private final MaskedImage image;
    private final double l1;
    private final double tv;
    private final double beta;
    private final int iterations;
    private final double learningRate;
    private final PathBaseline perturbation;
    private final int step;
    private final Progress progress;

    private MeaningfulPerturbation(Builder b) {
        this.model = b.model;
        this.image = b.image;
        this.l1 = b.l1;
        this.tv = b.tv;
        this.beta = b.beta;
        this.iterations = b.iterations;
        this.learningRate = b.learningRate != null ? b.learningRate : 0.1;
        this.perturbation = b.perturbation;
        this.step = b.step != null ? b.step : image.defaultStep(28);
        this.progress = b.progress;
    }

    /** Starts meaningful perturbations for a model of image inputs. */
    public static Builder of(DifferentiableModel model) {
        return new Builder(model);
    }

    @Override
    public Attribution explain(float[] input, Target target) {
        return explain(new float[][] {input}, target).get(0);
    }

    @Override
    public List<Attribution> explain(float[][] inputs, Target target) {
        float[][] clean = model.predict(inputs);
        float[][] x0 = new float[inputs.length][];
        int[] classes = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            x0[i] = perturbation.references(inputs[i], model.inputShape()).get(0);
            classes[i] = target.resolve(clean[i]);
        }
        SmoothMask generator = new SmoothMask(image.height(), image.width(), step, step);
        TotalVariation variation = new TotalVariation(generator.gridRows(), generator.gridCols(), beta);
        MaskSearch search = new MaskSearch(model, generator, false, false, MaskSearch.Score.PROBABILITY, iterations, 1,
                n -> GradientStep.adam(n, learningRate));
        MaskSearch.Outcome outcome = search.run(inputs, x0, classes, new MaskSearch.Penalty() {
            @Override
            public double onMask(int row, int iteration, double[] mask, double[] gradient) {
                return 0;
            }

            @Override
            public double onParameters(int row, int iteration, double[] params, double[] gradient) {
                double deleted = 0;
                for (int j = 0; j < params.length; j++) {
                    deleted += 1 - params[j];
                    gradient[j] -= l1;
                }
                return l1 * deleted + variation.addGradient(params, tv, gradient) * tv;
            }
        }, progress);
        List<Attribution> out = new ArrayList<>(inputs.length);
        for (int i = 0; i < inputs.length; i++) {
            double[] mask = outcome.masks()[i];
            float[] deletion = new float[mask.length];
            double area = 0;
            for (int j = 0; j < mask.length; j++) {
                deletion[j] = (float) (1 - mask[j]);
                area += deletion[j] / (double) mask.length;
            }
            Map<String, Double> diagnostics = new LinkedHashMap<>();
            diagnostics.put("probability", model.outputsLogits() ? Vectors.softmax(clean[i])[classes[i]]
                    : clean[i][classes[i]]);
            diagnostics.put("probabilityAfterDeletion", outcome.probabilities()[i]);
            diagnostics.put("deletedArea", area);
            out.add(image.attribution("meaningful", classes[i], deletion, params(), diagnostics));
        }
        return out;
    }

    private Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("l1", l1);
        params.put("tv", tv);
        params.put("beta", beta);
        params.put("iterations", iterations);
        params.put("learningRate", learningRate);
        params.put("perturbation", perturbation.describe());
        params.put("maskStep", step);
        return params;
    }

    /** Settings of meaningful perturbations. */
    public static final class Builder extends MaskBuilder<Builder> {
        private double l1 = 1e-4;
        private double tv = 1e-2;
        private double beta = 3;

        private Builder(DifferentiableModel model) {
            super(model, "meaningful perturbation", 500);
        }

        @Override
        Builder self() {
            return this;
        }

        /** The weight λ₁ of the deleted area ‖1 − m‖₁ (default 1e-4). */
        public Builder l1(double value) {
            l1 = MaskSettings.positive(value, "the L1 weight");
            return this;
        }

        /** The weight λ₂ of the total variation and its exponent β (defaults 1e-2 and 3). */
        public Builder totalVariation(double weight, double exponent) {
            tv = MaskSettings.positive(weight, "the total-variation weight");
            beta = MaskSettings.positive(exponent, "the total-variation exponent");
            return this;
        }

        /** The explainer. */
        public MeaningfulPerturbation build() {
            return new MeaningfulPerturbation(this);
        }
    }
}
