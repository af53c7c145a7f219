package dev.glassbox.djl.onnx;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.onnx.proto.OnnxMl;
import dev.glassbox.core.model.ModelLoadException;
import dev.glassbox.djl.graph.GraphNode;
import dev.glassbox.djl.graph.ModelGraph;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads ONNX files as {@link ModelGraph}s on DJL's PyTorch engine. Constants (initializers, {@code Constant} nodes, and
 * every node whose inputs are all constant) are evaluated at load time; the remaining nodes compute from the one graph
 * input, shape computations included, so that dynamic batch dimensions work.
 */
public final class OnnxGraphs {
    /** The default-domain opsets the importer accepts. */
    public static final int MIN_OPSET = 11;
    /** The newest default-domain opset the importer accepts. */
    public static final int MAX_OPSET = 18;

    private OnnxGraphs() {
    }

    /** Imports {@code file}; the caller closes the result. Every failure is a one-line {@link ModelLoadException}. */
    public static OnnxImport read(Path file) {
        OnnxMl.ModelProto model = parse(file);
        NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        try {
            return build(model, file.getFileName().toString(), manager);
        } catch (RuntimeException e) {
            manager.close();
            if (e instanceof ModelLoadException) {
                throw e;
            }
            throw new ModelLoadException("cannot import ONNX model " + file.getFileName() + ": "
                    + firstLine(e.getMessage()), e);
        }
    }

    private static OnnxMl.ModelProto parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return OnnxMl.ModelProto.parseFrom(in);
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("ONNX model file not found: " + file);
        } catch (IOException e) {
            throw new ModelLoadException("cannot load ONNX model " + file + ": not a readable ONNX file (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    private static OnnxImport build(OnnxMl.ModelProto model, String fileName, NDManager manager) {
        if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw new ModelLoadException("not an ONNX model: " + fileName + " has no graph");
        }
        int opset = opset(model, fileName);
        OnnxMl.GraphProto graph = model.getGraph();

        Map<String, NDArray> constants = new HashMap<>();
        for (OnnxMl.TensorProto initializer : graph.getInitializerList()) {
            constants.put(initializer.getName(), OnnxTensors.toArray(initializer, manager, "initializer"));
        }
        List<OnnxMl.ValueInfoProto> inputs = graph.getInputList().stream()
                .filter(v -> !constants.containsKey(v.getName())).toList();
        if (inputs.size() != 1) {
            throw new ModelLoadException(fileName + " has " + inputs.size()
                    + " graph inputs besides its initializers; glassbox imports models with exactly one");
        }
        if (graph.getOutputCount() != 1) {
            throw new ModelLoadException(fileName + " has " + graph.getOutputCount()
                    + " graph outputs; glassbox imports models with exactly one");
        }
        OnnxMl.ValueInfoProto input = inputs.get(0);
        DataType inputType = inputType(input, fileName);
        String output = graph.getOutput(0).getName();

        Set<String> computed = new HashSet<>(List.of(input.getName()));
        Set<String> names = new HashSet<>();
        List<GraphNode> nodes = new ArrayList<>();
        for (int index = 0; index < graph.getNodeCount(); index++) {
            OnnxMl.NodeProto proto = graph.getNode(index);
            String name = uniqueName(proto, index, names);
            if (!proto.getDomain().isEmpty() && !proto.getDomain().equals("ai.onnx")) {
                throw new UnsupportedOperatorException(proto.getDomain() + "." + proto.getOpType(), name);
            }
            int slots = proto.getInputCount();
            NDArray[] bound = new NDArray[slots];
            String[] reads = new String[slots];
            boolean anyComputed = false;
            for (int i = 0; i < slots; i++) {
                String tensor = proto.getInput(i);
                if (tensor.isEmpty()) {
                    continue;
                }
                if (computed.contains(tensor)) {
                    reads[i] = tensor;
                    anyComputed = true;
                } else if (constants.containsKey(tensor)) {
                    bound[i] = constants.get(tensor);
                } else {
                    throw new ModelLoadException("node '" + name + "' reads tensor '" + tensor
                            + "', which no earlier node writes");
                }
            }
            NodeSpec spec = new NodeSpec(proto, name, opset, Collections.unmodifiableList(Arrays.asList(bound)));
            Kernel kernel = Operators.kernel(spec);
            if (anyComputed) {
                nodes.add(new OnnxNode(name, proto.getOpType(), bound, reads, proto.getOutputList(), kernel));
                computed.addAll(proto.getOutputList());
            } else {
                fold(spec, proto, bound, kernel, manager, constants);
            }
        }
        if (!computed.contains(output)) {
            throw new ModelLoadException("the output '" + output + "' of " + fileName
                    + " does not depend on its input");
        }
        releaseUnused(nodes, constants);
        String producer = (model.getProducerName() + " " + model.getProducerVersion()).trim();
        ModelGraph modelGraph = new ModelGraph(input.getName(), inputType, nodes, output);
        return new OnnxImport(modelGraph, sampleShape(input), opset, producer, manager);
    }

    /** Frees initializers and folded tensors that no node of the graph holds. */
    private static void releaseUnused(List<GraphNode> nodes, Map<String, NDArray> constants) {
        Set<NDArray> held = Collections.newSetFromMap(new IdentityHashMap<>());
        for (GraphNode node : nodes) {
            held.addAll(((OnnxNode) node).boundConstants());
            node.affine().ifPresent(affine -> {
                held.add(affine.weight());
                if (affine.bias() != null) {
                    held.add(affine.bias());
                }
            });
        }
        Set<NDArray> released = Collections.newSetFromMap(new IdentityHashMap<>());
        for (NDArray constant : constants.values()) {
            if (!held.contains(constant) && released.add(constant)) {
                constant.close();
            }
        }
    }

    private static void fold(NodeSpec spec, OnnxMl.NodeProto proto, NDArray[] bound, Kernel kernel,
            NDManager manager, Map<String, NDArray> constants) {
        NDList values;
        try {
            values = kernel.apply(new Operands(bound.clone(), new boolean[bound.length], manager));
        } catch (ModelLoadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw spec.error("cannot evaluate constant node: " + firstLine(e.getMessage()));
        }
        for (int k = 0; k < proto.getOutputCount() && k < values.size(); k++) {
            constants.put(proto.getOutput(k), values.get(k));
        }
    }

    private static int opset(OnnxMl.ModelProto model, String fileName) {
        for (OnnxMl.OperatorSetIdProto id : model.getOpsetImportList()) {
            if (id.getDomain().isEmpty() || id.getDomain().equals("ai.onnx")) {
                long version = id.getVersion();
                if (version < MIN_OPSET || version > MAX_OPSET) {
                    throw new ModelLoadException(fileName + " uses ONNX opset " + version + "; glassbox imports opsets "
                            + MIN_OPSET + " to " + MAX_OPSET);
                }
                return (int) version;
            }
        }
        throw new ModelLoadException(fileName + " declares no opset for the default ONNX domain");
    }

    private static DataType inputType(OnnxMl.ValueInfoProto input, String fileName) {
        int type = input.getType().getTensorType().getElemType();
        if (type == OnnxMl.TensorProto.DataType.FLOAT_VALUE) {
            return DataType.FLOAT32;
        }
        if (type == OnnxMl.TensorProto.DataType.INT64_VALUE) {
            return DataType.INT64;
        }
        if (type == OnnxMl.TensorProto.DataType.INT32_VALUE) {
            return DataType.INT32;
        }
        throw new ModelLoadException("the input '" + input.getName() + "' of " + fileName + " has element type "
                + OnnxMl.TensorProto.DataType.forNumber(type) + "; glassbox imports FLOAT, INT64 or INT32 inputs");
    }

    private static List<Long> sampleShape(OnnxMl.ValueInfoProto input) {
        OnnxMl.TypeProto.Tensor tensor = input.getType().getTensorType();
        if (!tensor.hasShape()) {
            return null;
        }
        List<OnnxMl.TensorShapeProto.Dimension> dims = tensor.getShape().getDimList();
        List<Long> out = new ArrayList<>();
        for (int i = 1; i < dims.size(); i++) {
            out.add(dims.get(i).hasDimValue() ? dims.get(i).getDimValue() : null);
        }
        return Collections.unmodifiableList(out);
    }

    private static String uniqueName(OnnxMl.NodeProto proto, int index, Set<String> names) {
        String name = proto.getName();
        if (name.isEmpty() || names.contains(name)) {
            name = proto.getOpType() + "_" + index;
            for (int k = 1; names.contains(name); k++) {
                name = proto.getOpType() + "_" + index + "_" + k;
            }
        }
        names.add(name);
        return name;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
