package dev.glassbox.djl.generative;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.Progress;
import dev.glassbox.core.input.LabelledImages;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.zoo.DcganCritic;
import dev.glassbox.djl.zoo.DcganGenerator;
import dev.glassbox.djl.zoo.ImageClassifierTraining;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains a {@link DcganGenerator} against a {@link DcganCritic} with one of the {@link GanLoss}es: each iteration
 * runs {@code n_critic} critic steps on fresh batches of real images (sampled without replacement, reshuffled each
 * pass) and generated ones, then one generator step on fresh codes. The standard GAN and WGAN-GP use Adam (β₁ = 0.5
 * and β₁ = 0, β₂ = 0.9 as in their papers), WGAN RMSProp with its critic's weights clipped after every step. Codes,
 * batches and mixing weights come from one seeded generator and the initial weights from the engine's seeded one, so
 * that one seed on one thread gives the same weights. The training stops with a clear error when a loss becomes NaN
 * or infinite.
 */
public final class GanTrainer implements AutoCloseable {
    private final GanSettings settings;
    private final float[] images;
    private final int count;
    private final long[] imageShape;
    private final Model generatorModel;
    private final Model criticModel;
    private final NamedBlocks generator;
    private final NamedBlocks critic;
    private final Optimizer generatorOptimizer;
    private final Optimizer criticOptimizer;
    private final SplittableRandom random;
    private final ParameterStore store;
    private int[] order;
    private int next;
    private int iteration;
    private double lastCriticLoss = Double.NaN;
    private double lastGeneratorLoss = Double.NaN;
    private boolean released;

    /**
     * A trainer on {@code images}: {@code count} flattened {@code 1×28×28} images with values in [0, 1].
     */
    public GanTrainer(GanSettings settings, float[] images, int count) {
        int size = DcganGenerator.IMAGE[0] * DcganGenerator.IMAGE[1] * DcganGenerator.IMAGE[2];
        if (count < 1 || images.length != (long) count * size) {
            throw new InvalidInputException("GAN training needs at least one 1×28×28 image; got " + images.length
                    + " values for " + count + " images");
        }
        this.settings = settings;
        this.images = images;
        this.count = count;
        this.imageShape = new long[] {1, DcganGenerator.IMAGE[0], DcganGenerator.IMAGE[1], DcganGenerator.IMAGE[2]};
        this.random = new SplittableRandom(settings.seed());
        Engine.getEngine("PyTorch").setRandomSeed((int) settings.seed());
        this.generator = DcganGenerator.build();
        this.critic = DcganCritic.build();
        this.generatorModel = model(DcganGenerator.NAME, generator, new Shape(1, DcganGenerator.LATENT));
        this.criticModel = model("dcgan-critic", critic, new Shape(imageShape));
        this.store = new ParameterStore(generatorModel.getNDManager(), false);
        this.generatorOptimizer = optimizer();
        this.criticOptimizer = optimizer();
    }

    private static Model model(String name, NamedBlocks layers, Shape input) {
        Model model = Model.newInstance(name, "PyTorch");
        model.setBlock(layers.block());
        layers.block().initialize(model.getNDManager(), DataType.FLOAT32, input);
        return model;
    }

    private Optimizer optimizer() {
        return switch (settings.loss()) {
            case GAN -> Optimizer.adam().optLearningRateTracker(fixed()).optBeta1(0.5f).build();
            case WGAN -> new RmsPropUpdate(settings.learningRate());
            case WGAN_GP -> Optimizer.adam().optLearningRateTracker(fixed()).optBeta1(0f).optBeta2(0.9f).build();
        };
    }

    private ai.djl.training.tracker.Tracker fixed() {
        return ai.djl.training.tracker.Tracker.fixed(settings.learningRate());
    }

    /**
     * Trains for {@code settings.iterations()} generator steps and returns the generator (in inference mode: its
     * BatchNorm layers use their running statistics), which the caller closes.
     */
    public static BlockModel train(GanSettings settings, LabelledImages images, Progress progress) {
        if (images.rows() != DcganGenerator.IMAGE[1] || images.cols() != DcganGenerator.IMAGE[2]) {
            throw new InvalidInputException("the GAN generates 28×28 images; the training images are "
                    + images.rows() + "×" + images.cols());
        }
        try (GanTrainer trainer = new GanTrainer(settings, ImageClassifierTraining.pixels(images), images.count())) {
            for (int i = 1; i <= settings.iterations(); i++) {
                trainer.step();
                progress.update(settings.loss().id() + String.format(java.util.Locale.ROOT,
                        " (critic %.3f, generator %.3f)", trainer.lastCriticLoss, trainer.lastGeneratorLoss), i,
                        settings.iterations());
            }
            return trainer.releaseGenerator();
        }
    }

    /** One iteration: {@code n_critic} critic steps, then one generator step. */
    public void step() {
        iteration++;
        for (int k = 0; k < settings.criticSteps(); k++) {
            criticStep();
        }
        generatorStep();
    }

    private void criticStep() {
        int batch = settings.batchSize();
        try (NDManager scope = generatorModel.getNDManager().newSubManager()) {
            NDArray real = scope.create(realBatch(batch), new Shape(batch).addAll(new Shape(imageShape).slice(1)));
            NDArray fake = generate(scope, batch).reshape(real.getShape()).stopGradient();
            NDArray epsilon = settings.loss() == GanLoss.WGAN_GP ? scope.create(uniform(batch)) : null;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = settings.loss().criticLoss(score(real), score(fake));
                if (epsilon != null) {
                    loss = loss.add(GradientPenalty.of(critic.block(), store, real, fake, epsilon,
                            settings.penaltyWeight()));
                }
                lastCriticLoss = requireFinite(loss, "critic");
                collector.backward(loss);
            }
            update(critic.block(), criticOptimizer);
            if (settings.loss() == GanLoss.WGAN) {
                WeightClipping.clip(critic.block(), settings.clip());
            }
        }
    }

    private void generatorStep() {
        try (NDManager scope = generatorModel.getNDManager().newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray fake = generate(scope, settings.batchSize()).reshape(new Shape(settings.batchSize())
                    .addAll(new Shape(imageShape).slice(1)));
            NDArray loss = settings.loss().generatorLoss(score(fake));
            lastGeneratorLoss = requireFinite(loss, "generator");
            collector.backward(loss);
        }
        GradientPenalty.resetGradients(critic.block());
        update(generator.block(), generatorOptimizer);
    }

    /** Generated images (flattened) for fresh codes, the generator in training mode. */
    private NDArray generate(NDManager scope, int batch) {
        NDArray codes = scope.create(normal(batch * DcganGenerator.LATENT), new Shape(batch, DcganGenerator.LATENT));
        return generator.block().forward(store, new NDList(codes), true).singletonOrThrow();
    }

    private NDArray score(NDArray images) {
        return critic.block().forward(store, new NDList(images), true).singletonOrThrow();
    }

    /** Steps every parameter of {@code block} along its gradient, then zeroes the gradients. */
    private static void update(Block block, Optimizer optimizer) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter parameter = p.getValue();
            if (parameter.requiresGradient()) {
                NDArray weight = parameter.getArray();
                try (NDArray gradient = weight.getGradient()) {
                    optimizer.update(parameter.getId(), weight, gradient);
                }
            }
        }
        GradientPenalty.resetGradients(block);
    }

    private double requireFinite(NDArray loss, String which) {
        double value = loss.getFloat();
        if (!Double.isFinite(value)) {
            throw new IllegalStateException("the " + which + " loss became " + value + " at iteration " + iteration
                    + "; lower the learning rate");
        }
        return value;
    }

    private float[] realBatch(int batch) {
        int size = images.length / count;
        float[] out = new float[batch * size];
        for (int b = 0; b < batch; b++) {
            if (order == null || next == count) {
                order = permutation();
                next = 0;
            }
            System.arraycopy(images, order[next++] * size, out, b * size, size);
        }
        return out;
    }

    private int[] permutation() {
        int[] p = new int[count];
        for (int i = 0; i < count; i++) {
            p[i] = i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private float[] normal(int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) random.nextGaussian();
        }
        return out;
    }

    private float[] uniform(int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) random.nextDouble();
        }
        return out;
    }

    /** The critic's loss at the last critic step. */
    public double lastCriticLoss() {
        return lastCriticLoss;
    }

    /** The generator's loss at the last generator step. */
    public double lastGeneratorLoss() {
        return lastGeneratorLoss;
    }

    /** The critic's parameter arrays as they stand, for inspection. */
    public List<NDArray> criticWeights() {
        List<NDArray> out = new ArrayList<>();
        for (Pair<String, Parameter> p : critic.block().getParameters()) {
            out.add(p.getValue().getArray());
        }
        return out;
    }

    /** The generator's parameters as they stand, flattened one after another. */
    public float[] generatorWeights() {
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        for (Pair<String, Parameter> p : generator.block().getParameters()) {
            float[] values = p.getValue().getArray().toFloatArray();
            parts.add(values);
            total += values.length;
        }
        float[] out = new float[total];
        int offset = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }

    /** Hands the generator over as a model whose inputs are codes and whose outputs are images; closes the critic. */
    private BlockModel releaseGenerator() {
        released = true;
        return BlockModel.of(generatorModel, generator, new ModelOptions(dev.glassbox.core.model.Shape.of(
                DcganGenerator.LATENT), null, ModelOptions.DEFAULT_BATCH));
    }

    @Override
    public void close() {
        criticModel.close();
        if (!released) {
            generatorModel.close();
        }
    }
}
