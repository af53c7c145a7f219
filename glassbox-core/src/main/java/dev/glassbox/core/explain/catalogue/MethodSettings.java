package dev.glassbox.core.explain.catalogue;

import dev.glassbox.core.explain.grouping.Segmenter;
import dev.glassbox.core.explain.path.IntegrationRule;
import dev.glassbox.core.explain.path.PathBaseline;
import dev.glassbox.core.explain.perturb.Baseline;
import dev.glassbox.core.math.Upsampling;
import java.util.List;

/**
 * The settings the catalogue's methods read, each method taking those it needs; every one defaults to what the command
 * line documents. Start from {@link #defaults()} or {@link #builder()}. Arrays are the caller's: do not change them
 * after building.
 *
 * @param seed the seed of every random method
 * @param samples samples, permutations or noise draws; {@code null}: each method's own default
 * @param steps Integrated Gradients' path points
 * @param integrationRule Integrated Gradients' integration rule
 * @param reference the reference input of Integrated Gradients and DeepLIFT
 * @param removal what perturbation methods put in place of a removed feature; {@code null}: the background (summarised when {@code kmeans} is set) when given, else 0
 * @param background rows of training data (tabular LIME's discretisation, PDA's sampling, the removal values of Shapley methods)
 * @param kmeans summarise the background to this many weighted k-means centres; {@code null}: every row
 * @param noise the noise tunnel's σ as a fraction of the input's range
 * @param absolute saliency as absolute values
 * @param layer the layer of CAM and Grad-CAM; {@code null}: the split of a split model, or the last layer with channels × height × width output
 * @param relu whether CAM and Grad-CAM apply their final ReLU (off, as Captum)
 * @param upsampling how layer maps are resized to the input; {@code null}: the method's default
 * @param layerResolution whether layer maps keep the layer's resolution (no upsampling)
 * @param deepLiftRules DeepLIFT's rules: {@code captum} or {@code exact}
 * @param lrpEpsilon LRP's ε
 * @param lrpGamma LRP's γ
 * @param lrpAlpha LRP-αβ's α (β = α − 1)
 * @param lrpLow the lowest input value, for the composite's z^B rule on the first layer
 * @param lrpHigh the highest input value, for the composite's z^B rule on the first layer
 * @param window occlusion's window (one size per axis), or PDA's square window; {@code null}: the method's default
 * @param stride occlusion's or PDA's stride; {@code null}: half the window (occlusion), 1 (PDA)
 * @param segmenter the superpixels of image perturbation methods; {@code null}: SLIC with 40 segments (10 for exact Shapley values)
 * @param columns names of a tabular input's columns; {@code null}: the model's feature names, if any (else images and arrays)
 * @param threshold SIS: the probability a sufficient subset must keep
 * @param probabilities whether perturbation methods explain softmax probabilities instead of raw scores
 * @param threads threads evaluating perturbations (results do not depend on it)
 * @param memoryBudgetBytes memory one batch of path points or perturbations may use
 * @param padding PDA's conditional-sampling padding around the window
 * @param pdaSampling PDA's sampling: {@code marginal} or {@code conditional}
 * @param trainingCount PDA: how many background rows estimate the conditional Gaussians; {@code null}: all
 * @param areas extremal perturbations: the masks' areas, as shares of the image
 * @param maskVariant extremal perturbations: {@code preserve} (keep the mask, perturb the rest) or {@code delete}
 * @param maskPerturbation extremal and meaningful perturbations: what removed pixels become; {@code null}: the input blurred (σ = 10)
 * @param maskIterations extremal and meaningful perturbations: descent iterations; {@code null}: 800 and 500
 */
public record MethodSettings(long seed,
        Integer samples,
        int steps,
        IntegrationRule integrationRule,
        PathBaseline reference,
        Baseline removal,
        float[][] background,
        Integer kmeans,
        double noise,
        boolean absolute,
        String layer,
        boolean relu,
        Upsampling upsampling,
        boolean layerResolution,
        String deepLiftRules,
        double lrpEpsilon,
        double lrpGamma,
        double lrpAlpha,
        float lrpLow,
        float lrpHigh,
        int[] window,
        int[] stride,
        Segmenter segmenter,
        List<String> columns,
        double threshold,
        boolean probabilities,
        int threads,
        long memoryBudgetBytes,
        int padding,
        String pdaSampling,
        Long trainingCount,
        double[] areas,
        String maskVariant,
        PathBaseline maskPerturbation,
        Integer maskIterations) {

    public MethodSettings {
        columns = columns == null ? null : List.copyOf(columns);
    }

    /** The defaults. */
    public static MethodSettings defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link MethodSettings}; each setter sets the component of the same name and returns the builder. */
    public static final class Builder {
        private long seed = 0;
        private Integer samples = null;
        private int steps = 50;
        private IntegrationRule integrationRule = IntegrationRule.GAUSS_LEGENDRE;
        private PathBaseline reference = PathBaseline.zero();
        private Baseline removal = null;
        private float[][] background = null;
        private Integer kmeans = null;
        private double noise = 0.15;
        private boolean absolute = false;
        private String layer = null;
        private boolean relu = false;
        private Upsampling upsampling = null;
        private boolean layerResolution = false;
        private String deepLiftRules = "captum";
        private double lrpEpsilon = 1e-9;
        private double lrpGamma = 0.25;
        private double lrpAlpha = 2;
        private float lrpLow = 0f;
        private float lrpHigh = 1f;
        private int[] window = null;
        private int[] stride = null;
        private Segmenter segmenter = null;
        private List<String> columns = null;
        private double threshold = 0.9;
        private boolean probabilities = false;
        private int threads = 1;
        private long memoryBudgetBytes = 256L << 20;
        private int padding = 2;
        private String pdaSampling = "conditional";
        private Long trainingCount = null;
        private double[] areas = new double[] {0.05, 0.1, 0.2};
        private String maskVariant = "preserve";
        private PathBaseline maskPerturbation = null;
        private Integer maskIterations = null;

        private Builder() {
        }

        /** See {@link MethodSettings#seed()}. */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** See {@link MethodSettings#samples()}. */
        public Builder samples(Integer value) {
            samples = value;
            return this;
        }

        /** See {@link MethodSettings#steps()}. */
        public Builder steps(int value) {
            steps = value;
            return this;
        }

        /** See {@link MethodSettings#integrationRule()}. */
        public Builder integrationRule(IntegrationRule value) {
            integrationRule = value;
            return this;
        }

        /** See {@link MethodSettings#reference()}. */
        public Builder reference(PathBaseline value) {
            reference = value;
            return this;
        }

        /** See {@link MethodSettings#removal()}. */
        public Builder removal(Baseline value) {
            removal = value;
            return this;
        }

        /** See {@link MethodSettings#background()}. */
        public Builder background(float[][] value) {
            background = value;
            return this;
        }

        /** See {@link MethodSettings#kmeans()}. */
        public Builder kmeans(Integer value) {
            kmeans = value;
            return this;
        }

        /** See {@link MethodSettings#noise()}. */
        public Builder noise(double value) {
            noise = value;
            return this;
        }

        /** See {@link MethodSettings#absolute()}. */
        public Builder absolute(boolean value) {
            absolute = value;
            return this;
        }

        /** See {@link MethodSettings#layer()}. */
        public Builder layer(String value) {
            layer = value;
            return this;
        }

        /** See {@link MethodSettings#relu()}. */
        public Builder relu(boolean value) {
            relu = value;
            return this;
        }

        /** See {@link MethodSettings#upsampling()}. */
        public Builder upsampling(Upsampling value) {
            upsampling = value;
            return this;
        }

        /** See {@link MethodSettings#layerResolution()}. */
        public Builder layerResolution(boolean value) {
            layerResolution = value;
            return this;
        }

        /** See {@link MethodSettings#deepLiftRules()}. */
        public Builder deepLiftRules(String value) {
            deepLiftRules = value;
            return this;
        }

        /** See {@link MethodSettings#lrpEpsilon()}. */
        public Builder lrpEpsilon(double value) {
            lrpEpsilon = value;
            return this;
        }

        /** See {@link MethodSettings#lrpGamma()}. */
        public Builder lrpGamma(double value) {
            lrpGamma = value;
            return this;
        }

        /** See {@link MethodSettings#lrpAlpha()}. */
        public Builder lrpAlpha(double value) {
            lrpAlpha = value;
            return this;
        }

        /** See {@link MethodSettings#lrpLow()}. */
        public Builder lrpLow(float value) {
            lrpLow = value;
            return this;
        }

        /** See {@link MethodSettings#lrpHigh()}. */
        public Builder lrpHigh(float value) {
            lrpHigh = value;
            return this;
        }

        /** See {@link MethodSettings#window()}. */
        public Builder window(int[] value) {
            window = value;
            return this;
        }

        /** See {@link MethodSettings#stride()}. */
        public Builder stride(int[] value) {
            stride = value;
            return this;
        }

        /** See {@link MethodSettings#segmenter()}. */
        public Builder segmenter(Segmenter value) {
            segmenter = value;
            return this;
        }

        /** See {@link MethodSettings#columns()}. */
        public Builder columns(List<String> value) {
            columns = value;
            return this;
        }

        /** See {@link MethodSettings#threshold()}. */
        public Builder threshold(double value) {
            threshold = value;
            return this;
        }

        /** See {@link MethodSettings#probabilities()}. */
        public Builder probabilities(boolean value) {
            probabilities = value;
            return this;
        }

        /** See {@link MethodSettings#threads()}. */
        public Builder threads(int value) {
            threads = value;
            return this;
        }

        /** See {@link MethodSettings#memoryBudgetBytes()}. */
        public Builder memoryBudgetBytes(long value) {
            memoryBudgetBytes = value;
            return this;
        }

        /** See {@link MethodSettings#padding()}. */
        public Builder padding(int value) {
            padding = value;
            return this;
        }

        /** See {@link MethodSettings#pdaSampling()}. */
        public Builder pdaSampling(String value) {
            pdaSampling = value;
            return this;
        }

        /** See {@link MethodSettings#trainingCount()}. */
        public Builder trainingCount(Long value) {
            trainingCount = value;
            return this;
        }

        /** See {@link MethodSettings#areas()}. */
        public Builder areas(double[] value) {
            areas = value;
            return this;
        }

        /** See {@link MethodSettings#maskVariant()}. */
        public Builder maskVariant(String value) {
            maskVariant = value;
            return this;
        }

        /** See {@link MethodSettings#maskPerturbation()}. */
        public Builder maskPerturbation(PathBaseline value) {
            maskPerturbation = value;
            return this;
        }

        /** See {@link MethodSettings#maskIterations()}. */
        public Builder maskIterations(Integer value) {
            maskIterations = value;
            return this;
        }

        /** The settings. */
        public MethodSettings build() {
            return new MethodSettings(seed, samples, steps, integrationRule, reference, removal, background, kmeans, noise,
                    absolute, layer, relu, upsampling, layerResolution, deepLiftRules,
                    lrpEpsilon, lrpGamma, lrpAlpha, lrpLow, lrpHigh, window, stride,
                    segmenter, columns, threshold, probabilities, threads,
                    memoryBudgetBytes, padding, pdaSampling, trainingCount, areas,
                    maskVariant, maskPerturbation, maskIterations);
        }
    }
}
