package dev.glassbox.core.faithfulness;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.model.Batches;
import dev.glassbox.core.model.Model;
import java.util.SplittableRandom;

/**
 * Infidelity (Yeh et al. 2019): E_I[(Iᵀφ − (f(x) − f(x − I)))²] over Gaussian perturbations I ~ N(0, σ²) of every
 * input element, with f the explained class's score and φ the attribution (a one-plane map is repeated over the
 * input's channels). Estimated from {@code samples} seeded draws. With optimal scaling (on by default) φ is first
 * multiplied by the β that minimises the estimate, β = Σ pΔ / Σ p² (p = Iᵀφ, Δ = f(x) − f(x − I)), so that maps are
 * judged by their shape and not their units, as Captum's {@code normalize=True}. Lower is better; 0 means the map
 * predicts every perturbation's effect exactly, as the gradient of a linear model does.
 */
public final class Infidelity {
    private final Model model;
    private final int samples;
    private final double sigma;
    private final long seed;
    private final boolean optimalScaling;
    private final int chunk;

    private Infidelity(Builder b) {
        this.model = b.model;
        this.samples = b.samples;
        this.sigma = b.sigma;
        this.seed = b.seed;
        this.optimalScaling = b.optimalScaling;
        this.chunk = b.chunk;
    }

    /** Starts an infidelity estimate for a model. */
    public static Builder of(Model model) {
        return new Builder(model);
    }

    /** The infidelity of one input's attribution. */
    public double of(float[] input, Attribution attribution) {
        Batches.requireValid(new float[][] {input}, model.inputShape());
        double[] phi = Layout.perElement(attribution, model.inputShape());
        SplittableRandom random = new SplittableRandom(seed);
        float[][] rows = new float[samples + 1][];
        rows[0] = input;
        double[] projections = new double[samples];
        for (int s = 0; s < samples; s++) {
            float[] perturbed = new float[input.length];
            double projection = 0;
            for (int j = 0; j < input.length; j++) {
                double noise = sigma * random.nextGaussian();
                perturbed[j] = (float) (input[j] - noise);
                projection += noise * phi[j];
            }
            rows[s + 1] = perturbed;
            projections[s] = projection;
        }
        float[][] scores = Batches.mapInChunks(rows, chunk, model::predict);
        int k = attribution.target();
        double[] effects = new double[samples];
        double cross = 0;
        double square = 0;
        for (int s = 0; s < samples; s++) {
            effects[s] = (double) scores[0][k] - scores[s + 1][k];
            cross += projections[s] * effects[s];
            square += projections[s] * projections[s];
        }
        double beta = !optimalScaling ? 1 : square == 0 ? 0 : cross / square;
        double error = 0;
        for (int s = 0; s < samples; s++) {
            double residual = beta * projections[s] - effects[s];
            error += residual * residual;
        }
        return error / samples;
    }

    /** Settings of the estimate. */
    public static final class Builder {
        private final Model model;
        private int samples = 50;
        private double sigma = 0.01;
        private long seed;
        private boolean optimalScaling = true;
        private int chunk = 64;

        private Builder(Model model) {
            this.model = model;
        }

        /** Perturbations drawn (default 50). */
        public Builder samples(int value) {
            if (value < 1) {
                throw new InvalidInputException("infidelity needs at least 1 perturbation, got " + value);
            }
            samples = value;
            return this;
        }

        /**
         * The perturbations' standard deviation in input units (default 0.01, a few grey levels of an image in
         * [0, 1]: small enough for the local picture that attributions give).
         */
        public Builder sigma(double value) {
            if (!(value > 0) || !Double.isFinite(value)) {
                throw new InvalidInputException("the perturbation σ must be positive, got " + value);
            }
            sigma = value;
            return this;
        }

        /** The seed of the perturbations (default 0). */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** Whether to rescale φ by the optimal β first (default true). */
        public Builder optimalScaling(boolean value) {
            optimalScaling = value;
            return this;
        }

        /** Perturbed inputs per model call (default 64). */
        public Builder chunk(int value) {
            if (value < 1) {
                throw new InvalidInputException("the chunk size must be positive, got " + value);
            }
            chunk = value;
            return this;
        }

        /** The estimate. */
        public Infidelity build() {
            return new Infidelity(this);
        }
    }
}
