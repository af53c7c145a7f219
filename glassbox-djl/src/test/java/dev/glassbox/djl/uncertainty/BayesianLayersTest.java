package dev.glassbox.djl.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.model.Shape;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.zoo.Training;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BayesianLayersTest {
    private static final float[] WEIGHT_MEAN = {0.5f, -0.3f, 0.2f, 0.1f, -0.4f, 0.6f, 0.3f, -0.2f};
    private static final float[] WEIGHT_RHO = {-1f, 0f, 0.5f, -2f, -0.5f, -1.5f, 0.2f, -3f};
    private static final float[] BIAS_MEAN = {0.1f, -0.2f};
    private static final float[] BIAS_RHO = {-1f, -0.5f};
    private static final int DRAWS = 20_000;

    /** One Bayesian layer with the parameters above (2 outputs), on inputs of {@code shape}, flattened. */
    private static BlockModel layer(Block bayesian, Shape shape) {
        BlockModel model = Nets.build(new NamedBlocks().add("bayes", bayesian)
                .add("flatten", ai.djl.nn.Blocks.batchFlattenBlock()), shape, 1);
        var parameters = model.layers().layer("bayes").getParameters();
        parameters.get("weightMean").getArray().set(WEIGHT_MEAN);
        parameters.get("weightRho").getArray().set(WEIGHT_RHO);
        parameters.get("biasMean").getArray().set(BIAS_MEAN);
        parameters.get("biasRho").getArray().set(BIAS_RHO);
        return model;
    }

    private static double softplus(double rho) {
        return Math.log1p(Math.exp(rho));
    }

    @Test
    void linearLocalReparameterisationHasTheClosedFormMeanAndVariance() {
        float[] x = {0.5f, -1f, 2f, 0.25f};
        try (BlockModel model = layer(new BayesLinear(2, 1f), Shape.of(4))) {
            double[] mean = new double[2];
            double[] variance = new double[2];
            for (int k = 0; k < 2; k++) {
                mean[k] = BIAS_MEAN[k];
                variance[k] = Math.pow(softplus(BIAS_RHO[k]), 2);
                for (int j = 0; j < 4; j++) {
                    mean[k] += x[j] * WEIGHT_MEAN[4 * k + j];
                    variance[k] += x[j] * x[j] * Math.pow(softplus(WEIGHT_RHO[4 * k + j]), 2);
                }
            }
            assertMomentsMatch(model, x, mean, variance);
        }
    }

    @Test
    void convolutionLocalReparameterisationHasTheClosedFormMeanAndVariance() {
        // 1×1 kernels on a 4-channel 1×1 image: 2 filters × 4 channels, the same 8 weights as the linear layer
        float[] x = {0.5f, -1f, 2f, 0.25f};
        try (BlockModel model = layer(new BayesConv2d(2, 1, 1f), Shape.of(4, 1, 1))) {
            double[] mean = new double[2];
            double[] variance = new double[2];
            for (int f = 0; f < 2; f++) {
                mean[f] = BIAS_MEAN[f];
                variance[f] = Math.pow(softplus(BIAS_RHO[f]), 2);
                for (int c = 0; c < 4; c++) {
                    mean[f] += x[c] * WEIGHT_MEAN[4 * f + c];
                    variance[f] += x[c] * x[c] * Math.pow(softplus(WEIGHT_RHO[4 * f + c]), 2);
                }
            }
            assertMomentsMatch(model, x, mean, variance);
        }
    }

    /** The draws' mean within five standard errors, their variance within 5% (five standard errors of it). */
    private static void assertMomentsMatch(BlockModel model, float[] x, double[] mean, double[] variance) {
        SampledScores draws = BayesianPrediction.sample(model, new float[][] {x}, DRAWS, 7, Progress.NONE);
        double[][] sampleMean = draws.mean();
        double[][] sd = draws.standardDeviation();
        float[] deterministic = model.predict(new float[][] {x})[0];
        for (int k = 0; k < mean.length; k++) {
            assertThat((double) deterministic[k]).as("inference mode applies the means").isCloseTo(mean[k], within(1e-5));
            assertThat(sampleMean[0][k]).isCloseTo(mean[k], within(5 * Math.sqrt(variance[k] / DRAWS)));
            assertThat(sd[0][k] * sd[0][k]).isCloseTo(variance[k], within(5 * Math.sqrt(2.0 / DRAWS) * variance[k]));
        }
    }

    @Test
    void klMatchesTheClosedFormAndAMonteCarloEstimate() {
        float prior = 0.8f;
        try (BlockModel model = layer(new BayesLinear(2, prior), Shape.of(4));
                NDManager manager = NDManager.newBaseManager("PyTorch")) {
            double kl = ((BayesianLayer) model.layers().layer("bayes")).kl(manager).getFloat();
            double closedForm = 0;
            double monteCarlo = 0;
            Random random = new Random(3);
            float[][] means = {WEIGHT_MEAN, BIAS_MEAN};
            float[][] rhos = {WEIGHT_RHO, BIAS_RHO};
            for (int p = 0; p < 2; p++) {
                for (int i = 0; i < means[p].length; i++) {
                    double mu = means[p][i];
                    double sigma = softplus(rhos[p][i]);
                    closedForm += Math.log(prior / sigma) + (sigma * sigma + mu * mu) / (2 * prior * prior) - 0.5;
                    int n = 200_000;
                    double sum = 0;
                    for (int d = 0; d < n; d++) {
                        double w = mu + sigma * random.nextGaussian();
                        sum += logNormal(w, mu, sigma) - logNormal(w, 0, prior);
                    }
                    monteCarlo += sum / n;
                }
            }
            assertThat(kl).isCloseTo(closedForm, within(1e-4 * Math.abs(closedForm)));
            assertThat(kl).isCloseTo(monteCarlo, within(0.01 * Math.abs(closedForm)));
        }
    }

    private static double logNormal(double x, double mean, double sigma) {
        double z = (x - mean) / sigma;
        return -0.5 * z * z - Math.log(sigma) - 0.5 * Math.log(2 * Math.PI);
    }

    @Test
    void elboIsTheMeanNllPlusTheKlSharedOverAnEpoch() {
        try (BlockModel model = layer(new BayesLinear(2, 1f), Shape.of(4)); NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ElboLoss elbo = ElboLoss.of(model.layers().block(), Loss.softmaxCrossEntropyLoss(), 10);
            NDList labels = new NDList(manager.create(new float[] {0, 1, 1}));
            NDList logits = new NDList(manager.create(new float[][] {{1, 2}, {0.5f, -1}, {3, 0}}));
            double nll = Loss.softmaxCrossEntropyLoss().evaluate(labels, logits).getFloat();
            double kl = ((BayesianLayer) model.layers().layer("bayes")).kl(manager).getFloat();
            assertThat((double) elbo.evaluate(labels, logits).getFloat()).isCloseTo(nll + kl / (10 * 3), within(1e-5));
        }
        try (BlockModel mlp = Nets.mlp()) {
            assertThatThrownBy(() -> ElboLoss.of(mlp.layers().block(), Loss.softmaxCrossEntropyLoss(), 10))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("no");
            assertThatThrownBy(() -> BayesianPrediction.sample(mlp, new float[][] {new float[4]}, 3, 1, Progress.NONE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("no Bayesian layer");
        }
    }

    /** Two classes told apart by the mean of the first half of the inputs. */
    private static Training.Examples separable(int count) {
        Random random = new Random(5);
        float[] inputs = new float[count * 36];
        float[] labels = new float[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 2;
            for (int j = 0; j < 36; j++) {
                inputs[i * 36 + j] = (float) (random.nextFloat() * 0.6 + (j < 18 && i % 2 == 1 ? 0.4 : 0));
            }
        }
        return new Training.Examples(inputs, new long[] {count, 1, 6, 6}, labels, new long[] {count});
    }

    /** What a Bayes-by-backprop MLP trained on {@link #separable} reaches: accuracy of the posterior mean, mean ρ. */
    private record Fit(double accuracy, double meanRho) {
    }

    private static Fit fitSeparable(Training.Examples data, Training.Settings settings) {
        NamedBlocks layers = new NamedBlocks()
                .add("flatten", ai.djl.nn.Blocks.batchFlattenBlock())
                .add("bayes1", new BayesLinear(16, 1f))
                .add("relu", Activation.reluBlock())
                .add("bayes2", new BayesLinear(2, 1f));
        Model trained = Training.train("bayes-mlp", layers.block(), data,
                batches -> ElboLoss.of(layers.block(), Loss.softmaxCrossEntropyLoss(), batches), settings, Progress.NONE);
        try (BlockModel model = BlockModel.of(trained, layers, ModelOptions.withShape(Nets.IMAGE))) {
            float[][] x = new float[data.count()][];
            for (int i = 0; i < x.length; i++) {
                x[i] = java.util.Arrays.copyOfRange(data.inputs(), i * 36, (i + 1) * 36);
            }
            double[][] mean = BayesianPrediction.sample(model, x, 20, 1, Progress.NONE).probabilities().mean();
            int correct = 0;
            for (int i = 0; i < x.length; i++) {
                correct += (mean[i][1] > mean[i][0]) == (i % 2 == 1) ? 1 : 0;
            }
            float[] rho = model.layers().layer("bayes1").getParameters().get("weightRho").getArray().toFloatArray();
            double meanRho = 0;
            for (float r : rho) {
                meanRho += r / rho.length;
            }
            return new Fit(correct / (double) x.length, meanRho);
        }
    }

    @Test
    void bayesByBackpropLearnsASeparableProblemAndStopsOnANonFiniteLoss() {
        Training.Examples data = separable(256);
        // settings with a wide margin: every seed tried reaches 100% (a slower rate left some seeds near 70%)
        Fit fit = fitSeparable(data, new Training.Settings(20, 32, 3e-2f, 3));
        assertThat(fit.accuracy()).as("accuracy of the posterior mean").isGreaterThan(0.9);
        // the KL term pulls σ from softplus(−5) towards the prior's 1: its gradient reached ρ through the loss
        assertThat(fit.meanRho()).isGreaterThan(BayesianLayer.INITIAL_RHO + 0.5);
        NamedBlocks diverging = new NamedBlocks()
                .add("flatten", ai.djl.nn.Blocks.batchFlattenBlock())
                .add("bayes", new BayesLinear(2, 1f));
        assertThatThrownBy(() -> Training.train("diverging", diverging.block(), data,
                batches -> ElboLoss.of(diverging.block(), Loss.softmaxCrossEntropyLoss(), batches),
                new Training.Settings(3, 32, 1e30f, 3), Progress.NONE))
                .isInstanceOf(Training.DivergedException.class).hasMessageContaining("the loss became")
                .hasMessageContaining("lower the learning rate");
    }

    @Test
    void badSettingsAndTrainingDataAreRefused() {
        assertThatThrownBy(() -> new BayesLinear(2, 0f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("prior");
        assertThatThrownBy(() -> new BayesConv2d(2, 2, 1f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("odd kernel");
        assertThatThrownBy(() -> new Training.Examples(new float[] {1, Float.NaN}, new long[] {1, 2}, new float[] {0},
                new long[] {1})).isInstanceOf(InvalidInputException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new Training.Settings(1, 8, Float.NaN, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("learning rate");
    }
}
