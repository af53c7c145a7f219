package dev.glassbox.djl.onnx;

import static dev.glassbox.djl.onnx.OnnxBuilder.attr;
import static dev.glassbox.djl.onnx.OnnxBuilder.ints;
import static dev.glassbox.djl.onnx.OnnxBuilder.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.onnx.proto.OnnxMl;
import com.google.gson.JsonObject;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.djl.TestFixtures;
import dev.glassbox.djl.graph.AffineNode;
import dev.glassbox.djl.graph.GraphNode;
import dev.glassbox.djl.graph.ModelGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer as a whole: a committed model, dynamic shapes, gradients, folding, names, affine views and errors. */
class OnnxGraphsTest {
    @TempDir
    Path dir;

    @Test
    void committedCnnMatchesPyTorchLogitsAndInputGradient() {
        JsonObject ref = TestFixtures.reference("cnn");
        float[] x = TestFixtures.floats(ref, "input");
        long[] shape = {x.length / 784, 1, 28, 28};
        try (OnnxImport imported = OnnxGraphs.read(TestFixtures.path("cnn.onnx"));
                NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            assertThat(imported.sampleShape()).containsExactly(1L, 28L, 28L);
            assertThat(imported.opset()).isBetween(11, 18);
            ModelGraph graph = imported.graph();
            assertThat(graph.inputType()).isEqualTo(DataType.FLOAT32);
            NDArray input = manager.create(x, new Shape(shape));
            input.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray logits = graph.run(input);
                assertThat(logits.toFloatArray()).containsExactly(TestFixtures.floats(ref, "logits"), within(1e-5f));
                collector.backward(logits.get(":, 3").sum());
            }
            float[] expected = TestFixtures.floats(ref, "inputGradient");
            assertThat(OrtCheck.maxError(expected, input.getGradient().toFloatArray())).isLessThan(1e-5);
        }
        float[] single = Arrays.copyOf(x, 784);
        OrtCheck.compare("committed cnn.onnx", TestFixtures.path("cnn.onnx"), 1, 1, 28, 28);
        assertThat(single).hasSize(784);
    }

    /** A model exported at batch 1 with a dynamic batch axis: the flatten goes through Shape, Gather, Concat. */
    private Path dynamicBatchModel() {
        return new OnnxBuilder(13).input("x", -1, 2, 3, 3).output("y").random("W", 4, 2, 2, 2).random("B", 4)
                .longs("zero", new long[0], 0).longs("axis0", 0).longs("minus", -1).random("F", 16, 5)
                .node("Conv", names("x", "W", "B"), names("c"))
                .node("Shape", "c", "s")
                .node("Gather", names("s", "zero"), names("n"), attr("axis", 0L))
                .node("Unsqueeze", names("n", "axis0"), names("n1"))
                .node("Concat", names("n1", "minus"), names("target"), attr("axis", 0L))
                .node("Reshape", names("c", "target"), names("flat"))
                .node("MatMul", names("flat", "F"), names("y"))
                .write(dir);
    }

    @Test
    void dynamicBatchRunsAtAnyBatchSize() {
        Path model = dynamicBatchModel();
        OrtCheck.compare("dynamic batch 1", model, 1, 2, 3, 3);
        OrtCheck.compare("dynamic batch 7", model, 7, 2, 3, 3);
        try (OnnxImport imported = OnnxGraphs.read(model)) {
            assertThat(imported.sampleShape()).containsExactly(2L, 3L, 3L);
            assertThat(imported.graph().nodes()).extracting(GraphNode::operator)
                    .containsExactly("Conv", "Shape", "Gather", "Unsqueeze", "Concat", "Reshape", "MatMul");
        }
    }

    @Test
    void layerShapesLeaveOutTheShapeComputations() {
        try (var model = (dev.glassbox.djl.model.ImportedModel) dev.glassbox.djl.model.Models.load(dynamicBatchModel(),
                dev.glassbox.core.model.ModelOptions.withShape(dev.glassbox.core.model.Shape.of(2, 3, 3)))) {
            var shapes = model.layerShapes();
            assertThat(shapes.keySet()).hasSize(3);
            assertThat(shapes.values()).extracting(Object::toString).containsExactly("4×2×2", "16", "5");
        }
    }

    @Test
    void foldedReshapeTargetsWorkForAnyBatch() {
        Path model = new OnnxBuilder(13).input("x", -1, 4, 2).output("y").longs("t1", -1, 8).longs("t2", 0, -1)
                .node("Reshape", names("x", "t1"), names("a")).node("Reshape", names("a", "t2"), names("y"))
                .write(dir);
        OrtCheck.compare("folded reshape batch 64", model, 64, 4, 2);
        try (OnnxImport imported = OnnxGraphs.read(model)) {
            assertThat(imported.sampleShape()).containsExactly(4L, 2L);
        }
    }

    /** Relu and Tanh after a constant subgraph (Constant, Mul, Shape, ConstantOfShape, Add) that folds away. */
    private Path foldingModel(String tanhName) {
        OnnxMl.NodeProto constant = OnnxMl.NodeProto.newBuilder().setOpType("Constant").addOutput("k")
                .addAttribute(attr("value", OnnxBuilder.tensor("k", OnnxMl.TensorProto.DataType.FLOAT_VALUE,
                        new long[] {3}).addFloatData(1).addFloatData(2).addFloatData(3).build())).build();
        OnnxMl.NodeProto relu = OnnxMl.NodeProto.newBuilder().setOpType("Relu").setName("dup").addInput("x")
                .addOutput("r").build();
        OnnxMl.NodeProto tanh = OnnxMl.NodeProto.newBuilder().setOpType("Tanh").setName(tanhName).addInput("r")
                .addOutput("t").build();
        return new OnnxBuilder(13).input("x", -1, 3).output("y").random("c", 3)
                .rawNode(constant)
                .node("Mul", names("k", "c"), names("kc"))
                .node("Shape", "kc", "ks")
                .node("ConstantOfShape", "ks", "ones")
                .node("Add", names("kc", "ones"), names("bias"))
                .rawNode(relu).rawNode(tanh)
                .rawNode(OnnxMl.NodeProto.newBuilder().setOpType("Add").addInput("t").addInput("bias").addOutput("y")
                        .build())
                .write(dir);
    }

    @Test
    void constantsAreFoldedAtLoadAndNodesNamed() {
        OrtCheck.compare("folded constants", foldingModel("tanh"), 5, 3);
        try (OnnxImport imported = OnnxGraphs.read(foldingModel("dup"))) {
            List<GraphNode> nodes = imported.graph().nodes();
            assertThat(nodes).extracting(GraphNode::name).containsExactly("dup", "Tanh_6", "Add_7");
            assertThat(nodes).extracting(GraphNode::operator).containsExactly("Relu", "Tanh", "Add");
            assertThat(nodes.get(2).inputs()).containsExactly("t");
            assertThat(nodes.get(2).outputs()).containsExactly("y");
            assertThat(imported.graph().tensorOf("Tanh_6")).isEqualTo("t");
            assertThat(imported.producer()).isEqualTo("glassbox-test 1");
            assertThat(imported.constants().getManagedArrays()).as("only the folded bias is kept").hasSize(1);
        }
    }

    @Test
    void tokenIdInputsAreInt64() throws Exception {
        Path model = new OnnxBuilder(13).typedInput("x", OnnxMl.TensorProto.DataType.INT64_VALUE, -1, 5).output("y")
                .random("E", 10, 4).node("Gather", names("E", "x"), names("e"))
                .node("ReduceMean", "e", "y", ints("axes", 1), attr("keepdims", 0L)).write(dir);
        long[] ids = {1, 9, 3, 0, 4, 2, 2, 8, 7, 5};
        OrtCheck.Result expected = OrtCheck.ortLongs(model, "x", ids, new long[] {2, 5});
        try (OnnxImport imported = OnnxGraphs.read(model);
                NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            assertThat(imported.graph().inputType()).isEqualTo(DataType.INT64);
            NDArray y = imported.graph().run(manager.create(ids, new Shape(2, 5)));
            assertThat(OrtCheck.maxError(expected.values(), y.toFloatArray())).isLessThan(1e-6);
        }
    }

    /**
     * A self-attention block over token ids with dynamic batch and sequence length: the head split computes its shapes
     * from the input (Shape, Gather, integer Div, Unsqueeze, Concat) as torch.onnx.export writes them.
     */
    @Test
    void attentionBlockWithDynamicBatchAndSequence() {
        OnnxBuilder b = new OnnxBuilder(17).typedInput("x", OnnxMl.TensorProto.DataType.INT64_VALUE, -1, -1)
                .output("y").random("E", 11, 8).random("g", 8).random("beta", 8)
                .random("Wq", 8, 8).random("Wk", 8, 8).random("Wv", 8, 8).random("bq", 8).random("Wo", 3, 8)
                .random("bo", 3).longs("i0", new long[0], 0).longs("i1", new long[0], 1).longs("i2", new long[0], 2)
                .longs("heads", new long[0], 2).longs("a0", 0).longs("two", 2).longs("minus", -1)
                .scalar("root", 2f).scalar("half", 0.5f).scalar("one", 1f).scalar("sqrt2", (float) Math.sqrt(2))
                .longs("seq", 1);
        b.node("Gather", names("E", "x"), names("emb"))
                .node("LayerNormalization", names("emb", "g", "beta"), names("ln"), attr("axis", -1L))
                .node("MatMul", names("ln", "Wq"), names("q0")).node("Add", names("q0", "bq"), names("q"))
                .node("MatMul", names("ln", "Wk"), names("k")).node("MatMul", names("ln", "Wv"), names("v"))
                .node("Shape", "q", "s")
                .node("Gather", names("s", "i0"), names("B"), attr("axis", 0L))
                .node("Gather", names("s", "i1"), names("T"), attr("axis", 0L))
                .node("Gather", names("s", "i2"), names("D"), attr("axis", 0L))
                .node("Div", names("D", "heads"), names("hd"))
                .node("Unsqueeze", names("B", "a0"), names("B1")).node("Unsqueeze", names("T", "a0"), names("T1"))
                .node("Unsqueeze", names("hd", "a0"), names("hd1"))
                .node("Concat", names("B1", "T1", "two", "hd1"), names("split"), attr("axis", 0L))
                .node("Concat", names("B1", "T1", "minus"), names("merge"), attr("axis", 0L));
        for (String t : new String[] {"q", "k", "v"}) {
            b.node("Reshape", names(t, "split"), names(t + "r"));
        }
        b.node("Transpose", "qr", "qh", ints("perm", 0, 2, 1, 3))
                .node("Transpose", "kr", "kh", ints("perm", 0, 2, 3, 1))
                .node("Transpose", "vr", "vh", ints("perm", 0, 2, 1, 3))
                .node("MatMul", names("qh", "kh"), names("scores"))
                .node("Div", names("scores", "root"), names("scaled"))
                .node("Softmax", "scaled", "p", attr("axis", -1L)).node("MatMul", names("p", "vh"), names("o"))
                .node("Transpose", "o", "ot", ints("perm", 0, 2, 1, 3))
                .node("Reshape", names("ot", "merge"), names("om"))
                .node("Add", names("om", "emb"), names("res"))
                .node("Div", names("res", "sqrt2"), names("rs")).node("Erf", "rs", "erf")
                .node("Add", names("erf", "one"), names("e1")).node("Mul", names("res", "e1"), names("re"))
                .node("Mul", names("re", "half"), names("gelu"))
                .node("ReduceMean", names("gelu"), names("pooled"), ints("axes", 1), attr("keepdims", 0L))
                .node("Gemm", names("pooled", "Wo", "bo"), names("y"), attr("transB", 1L));
        Path model = b.write(dir);
        try (OnnxImport imported = OnnxGraphs.read(model);
                NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            assertThat(imported.sampleShape()).containsExactly((Long) null);
            for (long[] shape : new long[][] {{1, 3}, {4, 7}}) {
                long[] ids = new long[(int) (shape[0] * shape[1])];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = (i * 7 + 3) % 11;
                }
                OrtCheck.Result expected = OrtCheck.ortLongs(model, "x", ids, shape);
                NDArray y = imported.graph().run(manager.create(ids, new Shape(shape)));
                assertThat(y.getShape().getShape()).containsExactly(expected.shape());
                double error = OrtCheck.maxError(expected.values(), y.toFloatArray());
                System.out.printf("ORT-COMPARE %-50s max abs error %.3g%n", "attention " + Arrays.toString(shape),
                        error);
                assertThat(error).isLessThan(1e-5);
            }
        }
    }

    /** Conv → Relu → MaxPool → Flatten → Gemm, imported and written directly with DJL operations. */
    @Test
    void inputGradientMatchesTheSameChainWrittenWithDjl() {
        OnnxBuilder b = new OnnxBuilder(13).input("x", -1, 2, 6, 6).output("y").random("W", 3, 2, 3, 3)
                .random("B", 3).random("G", 4, 27).random("C", 4);
        Path model = b.node("Conv", names("x", "W", "B"), names("c"), ints("pads", 1, 1, 1, 1))
                .node("Relu", "c", "r").node("MaxPool", "r", "p", ints("kernel_shape", 2, 2), ints("strides", 2, 2))
                .node("Flatten", "p", "f").node("Gemm", names("f", "G", "C"), names("y"), attr("transB", 1L))
                .write(dir);
        OnnxMl.GraphProto graph = b.model().getGraph();
        try (OnnxImport imported = OnnxGraphs.read(model);
                NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            float[] values = OrtCheck.randomInput(new long[] {3, 2, 6, 6}, 5);
            NDArray w = OnnxTensors.toArray(graph.getInitializer(0), manager, "test");
            NDArray bias = OnnxTensors.toArray(graph.getInitializer(1), manager, "test");
            NDArray g = OnnxTensors.toArray(graph.getInitializer(2), manager, "test");
            NDArray c = OnnxTensors.toArray(graph.getInitializer(3), manager, "test");
            NDArray x1 = manager.create(values, new Shape(3, 2, 6, 6));
            NDArray x2 = manager.create(values, new Shape(3, 2, 6, 6));
            x1.setRequiresGradient(true);
            x2.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray y = imported.graph().run(x1);
                collector.backward(y.mul(manager.create(new float[] {1, -2, 3, 0.5f})).sum());
            }
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray conv = ai.djl.nn.convolutional.Conv2d.conv2d(x2, w, bias, new Shape(1, 1),
                        new Shape(1, 1), new Shape(1, 1), 1).singletonOrThrow();
                NDArray pooled = ai.djl.nn.pooling.Pool.maxPool2d(conv.getNDArrayInternal().relu(), new Shape(2, 2),
                        new Shape(2, 2), new Shape(0, 0), false);
                NDArray y = pooled.reshape(3, 27).matMul(g.transpose()).add(c);
                collector.backward(y.mul(manager.create(new float[] {1, -2, 3, 0.5f})).sum());
            }
            float[] imported1 = x1.getGradient().toFloatArray();
            float[] direct = x2.getGradient().toFloatArray();
            assertThat(Arrays.stream(toDouble(imported1)).map(Math::abs).max().orElse(0)).isGreaterThan(0);
            double error = OrtCheck.maxError(direct, imported1);
            System.out.printf("GRADIENT imported vs direct DJL max abs error %.3g%n", error);
            assertThat(error).isLessThan(1e-6);
        }
    }

    /** Gradients through the operators built from gathers, pads and slices match central finite differences. */
    @Test
    void gradientsThroughIndexingOperatorsMatchFiniteDifferences() {
        Path model = new OnnxBuilder(17).input("x", -1, 2, 4, 5).output("y").longs("pads", 0, 0, 1, 2, 0, 0, 2, 1)
                .floats("scales", new long[] {4}, new float[] {1, 1, 1.5f, 2}).longs("starts", -1).longs("ends", -100)
                .longs("axes", 3).longs("steps", -2).longs("picked", 0, -1, 2).random("s", 8).random("b", 8)
                .node("Pad", names("x", "pads"), names("p"), attr("mode", "reflect"))
                .node("AveragePool", "p", "a", ints("kernel_shape", 2, 2), ints("pads", 1, 0, 0, 1))
                .node("Resize", names("a", "", "scales"), names("r"), attr("mode", "linear"))
                .node("Slice", names("r", "starts", "ends", "axes", "steps"), names("c"))
                .node("Gather", names("c", "picked"), names("g"), attr("axis", 2L))
                .node("LayerNormalization", names("g", "s", "b"), names("n"))
                .node("Mul", names("n", "g"), names("m"))
                .longs("summed", 1, 2, 3)
                .node("ReduceSum", names("m", "summed"), names("y"), attr("keepdims", 0L)).write(dir);
        long[] shape = {2, 2, 4, 5};
        float[] values = OrtCheck.randomInput(shape, 9);
        OrtCheck.compare("indexing chain", model, shape);
        try (OnnxImport imported = OnnxGraphs.read(model);
                NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray x = manager.create(values, new Shape(shape));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                collector.backward(imported.graph().run(x).sum());
            }
            float[] gradient = x.getGradient().toFloatArray();
            float eps = 1e-2f;
            double worst = 0;
            for (int i = 0; i < values.length; i += 7) {
                float[] up = values.clone();
                float[] down = values.clone();
                up[i] += eps;
                down[i] -= eps;
                float fUp = imported.graph().run(manager.create(up, new Shape(shape))).sum().getFloat();
                float fDown = imported.graph().run(manager.create(down, new Shape(shape))).sum().getFloat();
                double numeric = (fUp - fDown) / (2.0 * eps);
                worst = Math.max(worst, Math.abs(numeric - gradient[i]) / (1e-2 + Math.abs(numeric)));
            }
            System.out.printf("GRADIENT indexing chain vs finite differences worst relative error %.3g%n", worst);
            assertThat(worst).isLessThan(2e-2);
        }
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    @Test
    void affineNodesRebuildTheirOutputWithOtherWeights() {
        Path model = new OnnxBuilder(13).input("x", -1, 2, 5, 5).output("y").random("W", 3, 2, 3, 3).random("B", 3)
                .random("s", 3).random("b", 3).random("m", 3).positive("v", 3).random("G", 12, 4).random("C", 4)
                .random("M", 4, 2)
                .node("Conv", names("x", "W", "B"), names("c"), ints("pads", 0, 1, 1, 0), ints("strides", 2, 2))
                .node("BatchNormalization", names("c", "s", "b", "m", "v"), names("n"))
                .node("Flatten", "n", "f").node("Gemm", names("f", "G", "C"), names("g"), attr("alpha", 0.5f))
                .node("MatMul", names("g", "M"), names("y")).write(dir);
        try (OnnxImport imported = OnnxGraphs.read(model);
                NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray x = manager.create(OrtCheck.randomInput(new long[] {2, 2, 5, 5}, 3), new Shape(2, 2, 5, 5));
            ModelGraph graph = imported.graph();
            graph.run(x, (index, node, inputs, outputs) -> {
                assertThat(node.affine()).as(node.operator()).isEqualTo(node.operator().equals("Flatten")
                        ? java.util.Optional.empty() : node.affine());
                node.affine().ifPresent(affine -> {
                    NDArray again = affine.apply(inputs.get(0), affine.weight(), affine.bias());
                    assertThat(OrtCheck.maxError(outputs.get(0).toFloatArray(), again.toFloatArray()))
                            .as(node.operator()).isLessThan(1e-6);
                    NDArray doubled = affine.apply(inputs.get(0), affine.weight().mul(2),
                            affine.bias() == null ? null : affine.bias().mul(2));
                    assertThat(OrtCheck.maxError(outputs.get(0).mul(2).toFloatArray(), doubled.toFloatArray()))
                            .as(node.operator() + " doubled").isLessThan(1e-5);
                });
            });
            assertThat(graph.nodes()).filteredOn(n -> n.affine().isPresent()).extracting(GraphNode::operator)
                    .containsExactly("Conv", "BatchNormalization", "Gemm", "MatMul");
            AffineNode matMul = graph.nodes().get(4).affine().orElseThrow();
            assertThat(matMul.bias()).isNull();
        }
        OrtCheck.compare("affine chain", model, 2, 2, 5, 5);
    }

    @Test
    void repeatedRunsLeaveNothingInTheImportsManager() {
        Path model = dynamicBatchModel();
        try (OnnxImport imported = OnnxGraphs.read(model);
                NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            int held = imported.constants().getManagedArrays().size();
            for (int i = 0; i < 3; i++) {
                imported.graph().run(manager.create(OrtCheck.randomInput(new long[] {4, 2, 3, 3}, i),
                        new Shape(4, 2, 3, 3)), (index, node, inputs, outputs) -> node.affine()
                                .ifPresent(a -> a.apply(inputs.get(0), a.weight(), a.bias())));
            }
            assertThat(imported.constants().getManagedArrays()).hasSize(held);
        }
    }

    @Test
    void initializerTypesBecomeArrays() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            java.nio.ByteBuffer doubles = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .putDouble(1.5).putDouble(-2);
            NDArray d = OnnxTensors.toArray(OnnxBuilder.tensor("d", OnnxMl.TensorProto.DataType.DOUBLE_VALUE,
                    new long[] {2}).setRawData(com.google.protobuf.ByteString.copyFrom(doubles.array())).build(),
                    manager, "test");
            assertThat(d.getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(d.toFloatArray()).containsExactly(1.5f, -2f);
            NDArray i = OnnxTensors.toArray(OnnxBuilder.tensor("i", OnnxMl.TensorProto.DataType.INT32_VALUE,
                    new long[] {1, 2}).addInt32Data(7).addInt32Data(-3).build(), manager, "test");
            assertThat(i.toIntArray()).containsExactly(7, -3);
            assertThat(i.getShape()).isEqualTo(new Shape(1, 2));
            NDArray bools = OnnxTensors.toArray(OnnxBuilder.tensor("b", OnnxMl.TensorProto.DataType.BOOL_VALUE,
                    new long[] {3}).setRawData(com.google.protobuf.ByteString.copyFrom(new byte[] {1, 0, 1})).build(),
                    manager, "test");
            assertThat(bools.toBooleanArray()).containsExactly(true, false, true);
            java.nio.ByteBuffer longs = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .putLong(-5);
            NDArray scalar = OnnxTensors.toArray(OnnxBuilder.tensor("l", OnnxMl.TensorProto.DataType.INT64_VALUE,
                    new long[0]).setRawData(com.google.protobuf.ByteString.copyFrom(longs.array())).build(),
                    manager, "test");
            assertThat(scalar.getShape().dimension()).isZero();
            assertThat(scalar.toLongArray()).containsExactly(-5L);
        }
    }

    @Test
    void unsupportedOperatorNamesOperatorAndNode() {
        Path model = new OnnxBuilder(13).input("x", -1, 4).output("y")
                .rawNode(OnnxMl.NodeProto.newBuilder().setOpType("NonMaxSuppression").setName("/foo/NMS").addInput("x")
                        .addOutput("y").build()).write(dir);
        assertThatThrownBy(() -> OnnxGraphs.read(model)).isInstanceOf(ModelLoadException.class)
                .hasMessage("unsupported ONNX operator 'NonMaxSuppression' at node '/foo/NMS'");
    }

    @Test
    void missingTruncatedAndEmptyFilesFailInOneLine() throws IOException {
        assertOneLine(() -> OnnxGraphs.read(dir.resolve("absent.onnx")), "not found");
        byte[] bytes = Files.readAllBytes(TestFixtures.path("cnn.onnx"));
        Path truncated = Files.write(dir.resolve("truncated.onnx"), Arrays.copyOf(bytes, bytes.length / 2));
        assertOneLine(() -> OnnxGraphs.read(truncated), "cannot load ONNX model");
        Path garbage = Files.write(dir.resolve("garbage.onnx"), new byte[] {1, 2, 3, 4, 5});
        assertOneLine(() -> OnnxGraphs.read(garbage), "garbage.onnx");
    }

    @Test
    void opsetsOutsideElevenToEighteenAreRefused() {
        for (int opset : new int[] {10, 19}) {
            Path model = new OnnxBuilder(opset).input("x", -1, 4).output("y").node("Relu", "x", "y").write(dir);
            assertOneLine(() -> OnnxGraphs.read(model),
                    "uses ONNX opset " + opset + "; glassbox imports opsets 11 to 18");
        }
    }

    @Test
    void graphsNeedOneInputAndOneOutput() {
        Path twoInputs = new OnnxBuilder(13).input("x", -1, 4).input("z", -1, 4).output("y")
                .node("Add", names("x", "z"), names("y")).write(dir);
        assertOneLine(() -> OnnxGraphs.read(twoInputs), "has 2 graph inputs");
        Path twoOutputs = new OnnxBuilder(13).input("x", -1, 4).output("y").output("r").node("Relu", "x", "r")
                .node("Neg", "x", "y").write(dir);
        assertOneLine(() -> OnnxGraphs.read(twoOutputs), "has 2 graph outputs");
        Path initializerInput = new OnnxBuilder(13).input("x", -1, 4).input("c", 4).output("y").random("c", 4)
                .node("Add", names("x", "c"), names("y")).write(dir);
        try (OnnxImport imported = OnnxGraphs.read(initializerInput)) {
            assertThat(imported.graph().input()).isEqualTo("x");
        }
    }

    @Test
    void unsupportedAttributeValuesNameTheNode() {
        Path cubic = new OnnxBuilder(13).input("x", -1, 1, 4, 4).output("y")
                .floats("scales", new long[] {4}, new float[] {1, 1, 2, 2})
                .node("Resize", names("x", "", "scales"), names("y"), attr("mode", "cubic")).write(dir);
        assertOneLine(() -> OnnxGraphs.read(cubic), "unsupported Resize mode 'cubic' at node '/Resize_0'");
        Path dilated = new OnnxBuilder(13).input("x", -1, 1, 4, 4).output("y")
                .node("MaxPool", "x", "y", ints("kernel_shape", 2, 2), ints("dilations", 2, 2)).write(dir);
        assertOneLine(() -> OnnxGraphs.read(dilated), "dilations other than 1 is not supported at node '/MaxPool_0'");
    }

    @Test
    void upsampleMatchesTheEquivalentResize() {
        Path upsample = new OnnxBuilder(11).input("x", -1, 2, 3, 4).output("y")
                .floats("scales", new long[] {4}, new float[] {1, 1, 2, 3})
                .node("Upsample", names("x", "scales"), names("y"), attr("mode", "nearest")).write(dir);
        Path resize = new OnnxBuilder(11).input("x", -1, 2, 3, 4).output("y")
                .floats("scales", new long[] {4}, new float[] {1, 1, 2, 3}).floats("roi", new long[] {0}, new float[0])
                .node("Resize", names("x", "roi", "scales"), names("y"), attr("mode", "nearest"),
                        attr("coordinate_transformation_mode", "asymmetric"), attr("nearest_mode", "floor"))
                .write(dir);
        float[] x = OrtCheck.randomInput(new long[] {2, 2, 3, 4}, 1);
        OrtCheck.Result expected = OrtCheck.ort(resize, "x", x, new long[] {2, 2, 3, 4});
        OrtCheck.Result actual = OrtCheck.glassbox(upsample, x, new long[] {2, 2, 3, 4});
        assertThat(actual.shape()).containsExactly(expected.shape());
        assertThat(OrtCheck.maxError(expected.values(), actual.values())).isZero();
    }

    private static void assertOneLine(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String part) {
        assertThatThrownBy(call).isInstanceOf(ModelLoadException.class).hasMessageContaining(part)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
