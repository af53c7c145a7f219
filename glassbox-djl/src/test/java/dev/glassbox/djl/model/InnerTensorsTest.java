package dev.glassbox.djl.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.LayerGradient;
import dev.glassbox.djl.OutputWeighting;
import dev.glassbox.djl.TestFixtures;
import dev.glassbox.djl.onnx.OnnxGraphs;
import dev.glassbox.djl.onnx.OnnxImport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Layer activations and gradients of imported ONNX models whose pass up to the layer runs on ONNX Runtime, against the
 * same model with the whole pass on the graph: equal at every node that has a float output with a batch dimension, on
 * the zoo's residual network (skip connections cross the cut), its MobileNet-style net and a sequential CNN, and again
 * for the first layer once its session has been closed to make room for others.
 */
class InnerTensorsTest {

    @ParameterizedTest
    @CsvSource({"resnet, 1;16;16", "mobilenet, 3;16;16", "seqcnn, 1;16;16"})
    void onnxRuntimePrefixGivesTheGraphsLayerGradients(String name, String dims) {
        Shape shape = new Shape(java.util.Arrays.stream(dims.split(";")).mapToInt(Integer::parseInt).toArray());
        Path file = TestFixtures.path("onnx/" + name + ".onnx");
        ModelOptions options = ModelOptions.withShape(shape);
        float[][] batch = new float[3][shape.size()];
        Random random = new Random(5);
        for (float[] row : batch) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        OnnxImport graphOnly = OnnxGraphs.read(file);
        AtomicInteger answered = new AtomicInteger();
        try (ImportedModel plain = ImportedModel.of(graphOnly.graph(), graphOnly, shape, options, name);
                ImportedModel withRuntime = (ImportedModel) Models.load(file, options)) {
            InnerTensorRuntime runtime = OnnxRuntimeModels.innerTensors(file, withRuntime.graph().input());
            withRuntime.innerTensorsWith(new InnerTensorRuntime() {
                @Override
                public Map<String, NDArray> tensors(NDArray x, List<String> names) {
                    Map<String, NDArray> values = runtime.tensors(x, names);
                    if (values != null) {
                        answered.incrementAndGet();
                    }
                    return values;
                }

                @Override
                public void close() {
                    runtime.close();
                }
            });
            int layers = 0;
            for (String layer : plain.layerShapes().keySet()) {
                LayerGradient expected = plain.layerGradient(batch, layer, OutputWeighting.target(Target.index(1)));
                LayerGradient actual = withRuntime.layerGradient(batch, layer, OutputWeighting.target(Target.index(1)));
                float[][] activations = withRuntime.activations(batch, layer);
                for (int i = 0; i < batch.length; i++) {
                    assertClose(actual.activations()[i], expected.activations()[i], layer);
                    assertClose(actual.gradients()[i], expected.gradients()[i], layer);
                    assertClose(actual.scores()[i], expected.scores()[i], layer);
                    assertClose(activations[i], expected.activations()[i], layer);
                }
                layers++;
            }
            assertThat(layers).isGreaterThanOrEqualTo(8);
            String first = plain.layerShapes().keySet().iterator().next();
            assertClose(withRuntime.activations(batch, first)[0], plain.activations(batch, first)[0], first + ", again");
            assertThat(answered.get()).as("passes ONNX Runtime answered").isEqualTo(2 * layers + 1);
        }
    }

    private static void assertClose(float[] actual, float[] expected, String layer) {
        float scale = 1e-5f;
        for (float v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertThat(actual).as(layer).hasSameSizeAs(expected);
        for (int j = 0; j < expected.length; j++) {
            assertThat(Math.abs(actual[j] - expected[j])).as(layer + " [" + j + "]").isLessThanOrEqualTo(2e-5f * scale);
        }
    }
}
