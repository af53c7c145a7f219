package dev.glassbox.djl.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Builds small ONNX models with the generated protobuf builders, for tests. */
final class OnnxBuilder {
    private final int opset;
    private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("test");
    private final Random random = new Random(7);
    private int counter;

    OnnxBuilder(int opset) {
        this.opset = opset;
    }

    /** The graph input: dims of -1 are symbolic. */
    OnnxBuilder typedInput(String name, int elemType, long... dims) {
        graph.addInput(valueInfo(name, elemType, dims));
        return this;
    }

    OnnxBuilder input(String name, long... dims) {
        return typedInput(name, OnnxMl.TensorProto.DataType.FLOAT_VALUE, dims);
    }

    OnnxBuilder output(String name, int elemType) {
        graph.addOutput(OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(elemType))));
        return this;
    }

    OnnxBuilder output(String name) {
        return output(name, OnnxMl.TensorProto.DataType.FLOAT_VALUE);
    }

    static OnnxMl.ValueInfoProto valueInfo(String name, int elemType, long... dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0 ? OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("N")
                    : OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape))).build();
    }

    /** A FLOAT initializer in raw little-endian bytes. */
    OnnxBuilder floats(String name, long[] dims, float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            bytes.putFloat(v);
        }
        graph.addInitializer(tensor(name, OnnxMl.TensorProto.DataType.FLOAT_VALUE, dims)
                .setRawData(ByteString.copyFrom(bytes.array())));
        return this;
    }

    /** A FLOAT initializer of normal random values, in float_data. */
    OnnxBuilder random(String name, long... dims) {
        OnnxMl.TensorProto.Builder t = tensor(name, OnnxMl.TensorProto.DataType.FLOAT_VALUE, dims);
        long size = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        for (int i = 0; i < size; i++) {
            t.addFloatData((float) random.nextGaussian() * 0.5f);
        }
        graph.addInitializer(t);
        return this;
    }

    /** A positive random FLOAT initializer (variances). */
    OnnxBuilder positive(String name, long... dims) {
        OnnxMl.TensorProto.Builder t = tensor(name, OnnxMl.TensorProto.DataType.FLOAT_VALUE, dims);
        long size = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        for (int i = 0; i < size; i++) {
            t.addFloatData(0.5f + random.nextFloat());
        }
        graph.addInitializer(t);
        return this;
    }

    /** An INT64 initializer in int64_data. */
    OnnxBuilder longs(String name, long[] dims, long... values) {
        OnnxMl.TensorProto.Builder t = tensor(name, OnnxMl.TensorProto.DataType.INT64_VALUE, dims);
        for (long v : values) {
            t.addInt64Data(v);
        }
        graph.addInitializer(t);
        return this;
    }

    /** A 1-D INT64 initializer. */
    OnnxBuilder longs(String name, long... values) {
        return longs(name, new long[] {values.length}, values);
    }

    /** A scalar FLOAT initializer. */
    OnnxBuilder scalar(String name, float value) {
        graph.addInitializer(tensor(name, OnnxMl.TensorProto.DataType.FLOAT_VALUE, new long[0]).addFloatData(value));
        return this;
    }

    static OnnxMl.TensorProto.Builder tensor(String name, int type, long[] dims) {
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name).setDataType(type);
        for (long d : dims) {
            t.addDims(d);
        }
        return t;
    }

    OnnxBuilder node(String op, List<String> inputs, List<String> outputs, OnnxMl.AttributeProto... attributes) {
        graph.addNode(OnnxMl.NodeProto.newBuilder().setOpType(op).setName("/" + op + "_" + counter++)
                .addAllInput(inputs).addAllOutput(outputs).addAllAttribute(Arrays.asList(attributes)));
        return this;
    }

    OnnxBuilder node(String op, String input, String output, OnnxMl.AttributeProto... attributes) {
        return node(op, List.of(input), List.of(output), attributes);
    }

    OnnxBuilder rawNode(OnnxMl.NodeProto node) {
        graph.addNode(node);
        return this;
    }

    static OnnxMl.AttributeProto attr(String name, long value) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INT)
                .setI(value).build();
    }

    static OnnxMl.AttributeProto ints(String name, long... values) {
        OnnxMl.AttributeProto.Builder a = OnnxMl.AttributeProto.newBuilder().setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static OnnxMl.AttributeProto attr(String name, float value) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.FLOAT)
                .setF(value).build();
    }

    static OnnxMl.AttributeProto attr(String name, String value) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    static OnnxMl.AttributeProto attr(String name, OnnxMl.TensorProto value) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.TENSOR)
                .setT(value).build();
    }

    OnnxMl.ModelProto model() {
        return OnnxMl.ModelProto.newBuilder().setIrVersion(8).setProducerName("glassbox-test").setProducerVersion("1")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setGraph(graph).build();
    }

    Path write(Path dir) {
        try {
            Path file = Files.createTempFile(dir, "model", ".onnx");
            Files.write(file, model().toByteArray());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> names(String... names) {
        return new ArrayList<>(Arrays.asList(names));
    }
}
