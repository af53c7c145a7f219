package dev.glassbox.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnx.proto.OnnxMl;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glassbox.core.input.ImageOptions;
import dev.glassbox.core.input.ImageReader;
import dev.glassbox.core.input.ImageWriter;
import dev.glassbox.core.model.Model;
import dev.glassbox.core.model.Shape;
import dev.glassbox.core.model.Target;
import dev.glassbox.djl.DifferentiableModel;
import dev.glassbox.core.model.ModelOptions;
import dev.glassbox.djl.model.Models;
import dev.glassbox.djl.explain.RuleBasedAttribution;
import dev.glassbox.djl.rules.LrpPreset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on ONNX files: layers by node name, rule-based methods, and clear refusals. */
class OnnxCommandsTest {
    private static final String INNER = "/layer2/relu2/Relu";

    /** The ResNet-style zoo model's first input as a 16×16 grey PNG. */
    private static Path image(Path dir) throws IOException {
        JsonObject ref = JsonParser.parseString(Files.readString(Cli.fixture("onnx/resnet.json"))).getAsJsonObject();
        float[] values = java.util.Arrays.copyOf(Cli.floats(ref.getAsJsonArray("input")), 256);
        float max = 0;
        float min = 0;
        for (float v : values) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = (values[i] - min) / (max - min);
        }
        Path file = dir.resolve("x.png");
        Files.write(file, ImageWriter.toPng(values, Shape.of(1, 16, 16)));
        return file;
    }

    @Test
    void explainsAnOnnxResNetWithRulesAndGradCamAtANodeName(@TempDir Path dir) throws IOException {
        Path input = image(dir);
        Path out = dir.resolve("explained");
        Path model = Cli.fixture("onnx/resnet.onnx");
        Cli result = Cli.run("explain", "--model", model.toString(), "--input", input.toString(), "--method",
                "deeplift,lrp-epsilon,guided-backprop,gradcam", "--layer", INNER, "--target", "1", "--out",
                out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonObject lrp = JsonParser.parseString(Files.readString(out.resolve("x.lrp-epsilon.json"))).getAsJsonObject();
        assertThat(lrp.getAsJsonObject("params").get("epsilon").getAsDouble()).isEqualTo(1e-9);
        JsonObject gradCam = JsonParser.parseString(Files.readString(out.resolve("x.gradcam.json"))).getAsJsonObject();
        assertThat(gradCam.getAsJsonObject("params").get("layer").getAsString()).isEqualTo(INNER);
        assertThat(gradCam.getAsJsonArray("shape").toString()).isEqualTo("[1,16,16]");
        float[] x = ImageReader.read(input, ImageOptions.defaults()).values();
        try (Model loaded = Models.load(model, ModelOptions.withShape(Shape.of(1, 16, 16)))) {
            float[] expected = RuleBasedAttribution.lrp((DifferentiableModel) loaded, LrpPreset.epsilon(1e-9))
                    .explain(x, Target.index(1)).values();
            assertThat(Cli.floats(lrp.getAsJsonArray("values"))).containsExactly(expected, within(1e-6f));
        }
    }

    @Test
    void layersListsEveryNodeWithItsOperatorShapeAndTensors() {
        Cli result = Cli.run("layers", "--model", Cli.fixture("onnx/resnet.onnx").toString(), "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonArray nodes = JsonParser.parseString(result.out()).getAsJsonArray();
        JsonObject inner = nodes.asList().stream().map(JsonObject.class::cast)
                .filter(node -> node.get("name").getAsString().equals(INNER)).findFirst().orElseThrow();
        assertThat(inner.get("operator").getAsString()).isEqualTo("Relu");
        assertThat(inner.get("shape").getAsString()).isEqualTo("16×8×8");
        assertThat(inner.getAsJsonArray("outputs").get(0).getAsString()).isEqualTo(INNER + "_output_0");
        assertThat(nodes.get(nodes.size() - 1).getAsJsonObject().get("operator").getAsString()).isEqualTo("Gemm");
    }

    @Test
    void ruleMethodsOnATokenIdModelAreOneLineAndExitTwo(@TempDir Path dir) throws IOException {
        Path ids = dir.resolve("ids.csv");
        StringBuilder header = new StringBuilder();
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            header.append(i == 0 ? "" : ",").append("t").append(i);
            row.append(i == 0 ? "" : ",").append(i % 7);
        }
        Files.writeString(ids, header + "\n" + row + "\n");
        Cli result = Cli.run("explain", "--model", Cli.fixture("onnx/textcnn.onnx").toString(), "--input",
                ids.toString(), "--method", "deeplift", "--out", dir.resolve("out").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("token ids");
        assertThat(result.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void anUnknownLayerIsOneLineAndExitTwo(@TempDir Path dir) throws IOException {
        Cli result = Cli.run("explain", "--model", Cli.fixture("onnx/resnet.onnx").toString(), "--input",
                image(dir).toString(), "--method", "gradcam", "--layer", "/layer9/Relu", "--out",
                dir.resolve("out").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no layer named '/layer9/Relu'").contains("/layer2/relu2/Relu");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    /** A one-node graph y = sin(x) over 4 features, which ONNX Runtime runs and the importer does not know. */
    private static Path sine(Path dir) throws IOException {
        OnnxMl.TypeProto type = OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                .setElemType(OnnxMl.TensorProto.DataType.FLOAT_VALUE).setShape(OnnxMl.TensorShapeProto.newBuilder()
                        .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                        .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(4)))).build();
        OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder().setName("sine")
                .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Sin").setName("wave").addInput("x").addOutput("y"))
                .addInput(OnnxMl.ValueInfoProto.newBuilder().setName("x").setType(type))
                .addOutput(OnnxMl.ValueInfoProto.newBuilder().setName("y").setType(type)).build();
        OnnxMl.ModelProto model = OnnxMl.ModelProto.newBuilder().setIrVersion(7).setGraph(graph)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).build();
        Path file = dir.resolve("sine.onnx");
        Files.write(file, model.toByteArray());
        return file;
    }

    @Test
    void anUnsupportedOperatorRunsForwardThroughOnnxRuntimeAndGradientMethodsSayWhy(@TempDir Path dir)
            throws IOException {
        Path model = sine(dir);
        Path input = dir.resolve("rows.csv");
        Files.writeString(input, "a,b,c,d\n0.5,1,1.5,2\n");
        Cli predicted = Cli.run("predict", "--model", model.toString(), "--input", input.toString(), "--json");
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();
        assertThat(predicted.out()).contains(Float.toString((float) Math.sin(2.0)).substring(0, 6));
        Cli refused = Cli.run("explain", "--model", model.toString(), "--input", input.toString(), "--method",
                "saliency", "--out", dir.resolve("out").toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("unsupported ONNX operator 'Sin' at node 'wave'");
        assertThat(refused.err().strip().lines().count()).isEqualTo(1);
    }
}
