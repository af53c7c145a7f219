package dev.glassbox.bench;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import dev.glassbox.core.explain.path.PathBaseline;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.model.BlockModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.NamedBlocks;
import dev.glassbox.djl.explain.IntegratedGradients;
import dev.glassbox.djl.explain.RuleBasedAttribution;
import dev.glassbox.djl.explain.Saliency;
import dev.glassbox.djl.zoo.FashionCnn;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Gradient methods on the demo architecture (weights drawn at random: timing does not depend on them) for 8 images,
 * each next to its baseline, raw forward+backward passes over as many samples as the method evaluates. {@link
 * BenchRatios} runs these and prints method time over baseline time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GradientMethodsBenchmark {
    /** Path points of Integrated Gradients. */
    static final int STEPS = 50;
    private static final int IMAGES = 8;

    private BlockModel model;
    private float[][] images;
    private float[][] pathPoints;
    private float[][] imageWeights;
    private float[][] pathWeights;
    private Saliency saliency;
    private IntegratedGradients integratedGradients;
    private RuleBasedAttribution deepLift;
    private RuleBasedAttribution guidedBackprop;

    @Setup
    public void setUp() {
        NamedBlocks layers = FashionCnn.build();
        ai.djl.engine.Engine.getInstance().setRandomSeed(1);
        Model djl = Model.newInstance(FashionCnn.NAME, "PyTorch");
        djl.setBlock(layers.block());
        layers.block().initialize(djl.getNDManager(), DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 1, 28, 28));
        model = BlockModel.of(djl, layers, ModelOptions.withShape(Shape.of(1, 28, 28)));
        Random random = new Random(7);
        images = new float[IMAGES][784];
        for (float[] image : images) {
            for (int i = 0; i < image.length; i++) {
                image[i] = random.nextFloat();
            }
        }
        pathPoints = new float[IMAGES * STEPS][];
        for (int i = 0; i < pathPoints.length; i++) {
            pathPoints[i] = images[i / STEPS].clone();
        }
        imageWeights = oneHot(IMAGES);
        pathWeights = oneHot(IMAGES * STEPS);
        saliency = Saliency.gradients(model, false);
        integratedGradients = IntegratedGradients.of(model).steps(STEPS).build();
        deepLift = RuleBasedAttribution.deepLift(model, PathBaseline.zero());
        guidedBackprop = RuleBasedAttribution.guidedBackprop(model);
    }

    private static float[][] oneHot(int rows) {
        float[][] out = new float[rows][10];
        for (float[] row : out) {
            row[0] = 1;
        }
        return out;
    }

    @TearDown
    public void tearDown() {
        model.close();
    }

    /** PathBaseline of saliency: one forward+backward pass over the 8 images. */
    @Benchmark
    public float[][] rawGradientOfImages() {
        return model.inputGradient(images, imageWeights);
    }

    /** PathBaseline of IG: one forward+backward pass over the 400 path points. */
    @Benchmark
    public float[][] rawGradientOfPathPoints() {
        return model.inputGradient(pathPoints, pathWeights);
    }

    /** Saliency of the predicted class of each image. */
    @Benchmark
    public Object saliency() {
        return saliency.explain(images, Target.PREDICTED);
    }

    /** IG with 50 Gauss–Legendre steps from zero for each image. */
    @Benchmark
    public Object integratedGradients() {
        return integratedGradients.explain(images, Target.PREDICTED);
    }

    /** DeepLIFT from a zero reference for each image. */
    @Benchmark
    public Object deepLift() {
        return deepLift.explain(images, Target.PREDICTED);
    }

    /** Guided backprop for each image. */
    @Benchmark
    public Object guidedBackprop() {
        return guidedBackprop.explain(images, Target.PREDICTED);
    }
}
