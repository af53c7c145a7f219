package dev.glassbox.djl.explain;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.explain.Attribution;
import dev.glassbox.core.explain.Explainer;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.DifferentiableModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The noise tunnel around any explainer (Captum's {@code NoiseTunnel}): the explainer runs on {@code samples} noisy
 * copies x + ε, ε ~ N(0, σ²) with σ = noise · (max(x) − min(x)) as in the SmoothGrad paper, all for the class
 * resolved on the clean input, and the maps are aggregated as their mean (SmoothGrad), the mean of their squares
 * (SmoothGrad²) or their variance (VarGrad). Noise comes from the seed and the input's position in the batch only,
 * so the numbers do not depend on the thread count.
 */
public final class NoiseTunnel implements Explainer {
    /** How the noisy maps are combined. */
    public enum Aggregation {
        /** Mean of the maps. */
        SMOOTHGRAD("smoothgrad"),
        /** Mean of the squared maps. */
        SMOOTHGRAD_SQUARED("smoothgrad-sq"),
        /** Variance of the maps. */
        VARGRAD("vargrad");

        private final String method;

        Aggregation(String method) {
            this.method = method;
        }
    }

    /** The most bytes of noisy copies handed to the inner explainer in one call. */
    static final long NOISY_BYTES_PER_CALL = 64L << 20;

    private final Model model;
    private final Explainer inner;
    private final String innerName;
    private final Aggregation aggregation;
    private final int samples;
    private final double noise;
    private final long seed;
    private final boolean sameNoise;
    private final long memoryBudgetBytes;

    private NoiseTunnel(Builder b) {
        this.model = b.model;
        this.inner = b.inner;
        this.innerName = b.innerName;
        this.aggregation = b.aggregation;
        this.samples = b.samples;
        this.noise = b.noise;
        this.seed = b.seed;
        this.sameNoise = b.sameNoise;
        this.memoryBudgetBytes = b.memoryBudgetBytes;
    }

    /** Starts a noise tunnel around {@code inner}, which explains {@code model} and is named {@code innerName}. */
    public static Builder around(Model model, Explainer inner, String innerName) {
        return new Builder(model, inner, innerName);
    }

    @Override
    public Attribution explain(float[] input, Target target) {
        return explain(new float[][] {input}, target).get(0);
    }

    /**
     * Explains a batch: the noisy copies of up to {@link #NOISY_BYTES_PER_CALL} bytes' worth of inputs are made at once
     * and go to the inner explainer, each copy with its input's class (so inputs that share a class reach the model
     * together), in calls of as many copies as one pass of a differentiable model holds within the memory budget
     * ({@link DifferentiableModel#samplesPerPass}); the noise depends on the seed and the input's position only, so the
     * calls' sizes change no map.
     */
    @Override
    public List<Attribution> explain(float[][] inputs, Target target) {
        int[] targets = Targets.resolve(model, inputs, target);
        long bytesPerInput = 4L * samples * model.inputShape().size();
        int inputsPerCall = (int) Math.max(1, Math.min(inputs.length, NOISY_BYTES_PER_CALL / bytesPerInput));
        int copiesPerCall = model instanceof DifferentiableModel differentiable
                ? differentiable.samplesPerPass(memoryBudgetBytes) : Integer.MAX_VALUE;
        List<Attribution> out = new ArrayList<>(inputs.length);
        for (int from = 0; from < inputs.length; from += inputsPerCall) {
            int first = from;
            int count = Math.min(inputs.length - from, inputsPerCall);
            float[][] noisy = new float[count * samples][];
            int[] noisyTargets = new int[count * samples];
            double[] sigmas = new double[count];
            IntStream.range(0, count).parallel().forEach(m -> {
                int i = first + m;
                sigmas[m] = sigma(inputs[i]);
                SplittableRandom random = new SplittableRandom(sameNoise ? seed : seed + 0x9E3779B97F4A7C15L * i);
                addNoise(inputs[i], sigmas[m], random, noisy, m * samples);
                Arrays.fill(noisyTargets, m * samples, (m + 1) * samples, targets[i]);
            });
            List<Attribution> maps = new ArrayList<>(noisy.length);
            for (int at = 0; at < noisy.length; at += copiesPerCall) {
                int to = Math.min(noisy.length, at + copiesPerCall);
                maps.addAll(inner.explain(Arrays.copyOfRange(noisy, at, to), Arrays.copyOfRange(noisyTargets, at, to)));
            }
            out.addAll(IntStream.range(0, count).parallel().mapToObj(m -> aggregate(
                    maps.subList(m * samples, (m + 1) * samples), targets[first + m], sigmas[m])).toList());
        }
        return out;
    }

    /** σ for an input: the noise fraction of its range. */
    private double sigma(float[] input) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : input) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return noise * (max - min);
    }

    /** Writes {@code samples} noisy copies of {@code input} into {@code rows} from row {@code at}. */
    private void addNoise(float[] input, double sigma, SplittableRandom random, float[][] rows, int at) {
        for (int r = at; r < at + samples; r++) {
            float[] row = new float[input.length];
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (input[j] + sigma * random.nextGaussian());
            }
            rows[r] = row;
        }
    }

    private Attribution aggregate(List<Attribution> maps, int target, double sigma) {
        int size = maps.get(0).values().length;
        double[] sum = new double[size];
        double[] sumSquares = new double[size];
        for (Attribution map : maps) {
            float[] v = map.values();
            for (int j = 0; j < v.length; j++) {
                sum[j] += v[j];
                sumSquares[j] += (double) v[j] * v[j];
            }
        }
        float[] values = new float[size];
        for (int j = 0; j < values.length; j++) {
            double mean = sum[j] / samples;
            double meanSquare = sumSquares[j] / samples;
            values[j] = (float) switch (aggregation) {
                case SMOOTHGRAD -> mean;
                case SMOOTHGRAD_SQUARED -> meanSquare;
                case VARGRAD -> Math.max(0, meanSquare - mean * mean);
            };
        }
        Map<String, Object> params = new HashMap<>(maps.get(0).params());
        params.put("inner", innerName);
        params.put("samples", samples);
        params.put("noise", noise);
        params.put("sigma", sigma);
        params.put("seed", seed);
        return new Attribution(aggregation.method, target, maps.get(0).shape(), values, maps.get(0).featureNames(),
                params, Map.of());
    }

    /** Settings of a noise tunnel. */
    public static final class Builder {
        private final Model model;
        private final Explainer inner;
        private final String innerName;
        private Aggregation aggregation = Aggregation.SMOOTHGRAD;
        private int samples = 50;
        private double noise = 0.15;
        private long seed;
        private boolean sameNoise;
        private long memoryBudgetBytes = DifferentiableModel.DEFAULT_PASS_BUDGET_BYTES;

        private Builder(Model model, Explainer inner, String innerName) {
            this.model = model;
            this.inner = inner;
            this.innerName = innerName;
        }

        /** How to combine the noisy maps (default SmoothGrad). */
        public Builder aggregation(Aggregation value) {
            aggregation = value;
            return this;
        }

        /** Noisy copies per input (default 50). */
        public Builder samples(int value) {
            if (value < 1) {
                throw new InvalidInputException("the noise tunnel needs at least 1 sample, got " + value);
            }
            samples = value;
            return this;
        }

        /** σ as a fraction of the input's range (default 0.15, the paper's 10–20%). */
        public Builder noise(double value) {
            if (!(value >= 0) || !Double.isFinite(value)) {
                throw new InvalidInputException("noise must be a finite fraction ≥ 0, got " + value);
            }
            noise = value;
            return this;
        }

        /** The seed of the noise (default 0). */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /**
         * Draw the same noise for every input of a batch (default: noise from the seed and the input's position), so
         * that the map is one fixed function of the input, as an attack on it needs (common random numbers).
         */
        public Builder sameNoiseForEveryInput(boolean value) {
            sameNoise = value;
            return this;
        }

        /**
         * Bytes one pass of noisy copies may use in a differentiable model: the copies, their gradients and the
         * model's activations (default 256 MiB, as Integrated Gradients).
         */
        public Builder memoryBudget(long bytes) {
            memoryBudgetBytes = DifferentiableModel.requirePassBudget(bytes);
            return this;
        }

        /** The noise tunnel. */
        public NoiseTunnel build() {
            return new NoiseTunnel(this);
        }
    }
}
