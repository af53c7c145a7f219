package dev.glassbox.core.explain.perturb;

import dev.glassbox.core.InvalidInputException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * LIME over a game's features, as the {@code lime} package explains images and text: random coalitions (the first is
 * the unmasked input) are evaluated, weighted by the kernel of their cosine distance to the full coalition, and a
 * {@link Surrogate} is fitted; its coefficients are the attributions. For images the coalitions are uniform random
 * bits; for text a number of words {@code 1..M} to remove is drawn first, then which ones. Tabular data has its own
 * sampler ({@link LimeTabular}). All random draws come from the seed before anything is evaluated.
 */
public final class Lime implements CoalitionMethod {

    /** How coalitions are drawn. */
    public enum Sampling {
        /** Each feature present with probability ½ (the {@code lime} package for images). */
        UNIFORM,
        /** A uniform number {@code 1..M} of features removed, chosen uniformly (the {@code lime} package for text). */
        BY_REMOVAL_COUNT
    }

    private final int samples;
    private final long seed;
    private final Sampling sampling;
    private final Surrogate surrogate;

    private Lime(Builder b) {
        this.samples = b.samples;
        this.seed = b.seed;
        this.sampling = b.sampling;
        this.surrogate = b.surrogate;
    }

    /** The {@code lime} package's image settings: 1000 samples, uniform coalitions, kernel width 0.25, all features. */
    public static Builder builder() {
        return new Builder(1000, Sampling.UNIFORM, Surrogate.lime(0.25));
    }

    /**
     * The {@code lime} package's text settings: 5000 samples, coalitions by removal count, kernel width 0.25 on cosine
     * distance (its 25 on distances scaled by 100), the ten best features.
     */
    public static Builder forText() {
        return new Builder(5000, Sampling.BY_REMOVAL_COUNT, Surrogate.lime(0.25).withTopK(10));
    }

    @Override
    public String name() {
        return "lime";
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> params = new HashMap<>(surrogate.params());
        params.put("samples", samples);
        params.put("seed", seed);
        params.put("sampling", sampling.name().toLowerCase(Locale.ROOT));
        return params;
    }

    @Override
    public Estimate attribute(Game game) {
        int m = game.players();
        boolean[][] coalitions = draw(m);
        double[] y = game.values(coalitions);
        double[][] z = new double[samples][m];
        double[] distances = new double[samples];
        for (int i = 0; i < samples; i++) {
            for (int j = 0; j < m; j++) {
                z[i][j] = coalitions[i][j] ? 1 : 0;
            }
            int present = Coalitions.size(coalitions[i]);
            distances[i] = present == 0 ? 1 : 1 - Math.sqrt((double) present / m);
        }
        Surrogate.Fit fit = surrogate.fit(z, y, distances);
        return Estimate.of(fit.coefficients(), fit.diagnostics(y[0], samples));
    }

    /** The coalitions: the first has every feature, the others are drawn from the seed. */
    private boolean[][] draw(int m) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean[][] out = new boolean[samples][];
        out[0] = Coalitions.uniform(m, true);
        for (int i = 1; i < samples; i++) {
            boolean[] c = new boolean[m];
            if (sampling == Sampling.UNIFORM) {
                for (int j = 0; j < m; j++) {
                    c[j] = random.nextBoolean();
                }
            } else {
                Arrays.fill(c, true);
                for (int j : Coalitions.randomOrder(m, 1 + random.nextInt(m), random)) {
                    c[j] = false;
                }
            }
            out[i] = c;
        }
        return out;
    }

    /** Settings for {@link Lime}. */
    public static final class Builder {
        private int samples;
        private long seed;
        private Sampling sampling;
        private Surrogate surrogate;

        private Builder(int samples, Sampling sampling, Surrogate surrogate) {
            this.samples = samples;
            this.sampling = sampling;
            this.surrogate = surrogate;
        }

        /** The number of coalitions evaluated, the unmasked input included. */
        public Builder samples(int samples) {
            if (samples < 2) {
                throw new InvalidInputException("LIME needs at least 2 samples, was " + samples);
            }
            this.samples = samples;
            return this;
        }

        /** The seed of all random draws. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** How coalitions are drawn. */
        public Builder sampling(Sampling sampling) {
            this.sampling = sampling;
            return this;
        }

        /** The interpretable model: kernel width, top-K features, selection, ridge penalty. */
        public Builder surrogate(Surrogate surrogate) {
            this.surrogate = surrogate;
            return this;
        }

        /** Shorthand for keeping at most {@code k} features in the surrogate. */
        public Builder topK(int k) {
            this.surrogate = surrogate.withTopK(k);
            return this;
        }

        public Lime build() {
            return new Lime(this);
        }
    }
}
