package dev.glassbox.djl.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import dev.glassbox.core.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model as a directed acyclic graph of {@link GraphNode}s in topological order, from one input tensor to one
 * output tensor of scores. Every node's output is addressable by the node's name or by the output tensor's name, which
 * is how layer methods (Grad-CAM, TCAV, embeddings of hidden layers) and the rules engine find it.
 *
 * @param input the name of the input tensor
 * @param inputType the element type the graph's input has (float rows are cast to it)
 * @param nodes the nodes in an order where every tensor is written before it is read
 * @param output the name of the tensor holding the scores
 */
public record ModelGraph(String input, DataType inputType, List<GraphNode> nodes, String output) {

    public ModelGraph {
        nodes = List.copyOf(nodes);
        Set<String> written = new HashSet<>(List.of(input));
        Set<String> names = new HashSet<>();
        for (GraphNode node : nodes) {
            if (!names.add(node.name())) {
                throw new IllegalArgumentException("two nodes are named '" + node.name() + "'");
            }
            for (String tensor : node.inputs()) {
                if (!written.contains(tensor)) {
                    throw new IllegalArgumentException("node '" + node.name() + "' reads tensor '" + tensor
                            + "' before any node writes it");
                }
            }
            written.addAll(node.outputs());
        }
        if (!written.contains(output)) {
            throw new IllegalArgumentException("no node writes the output tensor '" + output + "'");
        }
    }

    /** What {@link #run(NDArray, Visitor)} shows of each node as it runs. */
    @FunctionalInterface
    public interface Visitor {
        /** Called after {@code node} ran on {@code inputs} and gave {@code outputs}. */
        void visited(int index, GraphNode node, NDList inputs, NDList outputs);
    }

    /**
     * The scores for a batch already on the engine, in the graph's input type. Each intermediate tensor is freed after
     * its last reader, so the pass holds only the tensors still to be read (autograd keeps its own references to what
     * a backward pass needs).
     */
    public NDArray run(NDArray x) {
        return execute(Map.of(input, x), 0, nodes.size(), (index, node, inputs, outputs) -> { }, x).get(output);
    }

    /** Runs the graph, showing each node to {@code visitor}, and returns the output tensor. */
    public NDArray run(NDArray x, Visitor visitor) {
        return runBetween(Map.of(input, x), 0, nodes.size(), visitor).get(output);
    }

    /**
     * Runs nodes {@code [from, to)} given the tensors already known (the input, and whatever earlier nodes wrote) and
     * returns every tensor known at the end, in a new map.
     */
    public Map<String, NDArray> runBetween(Map<String, NDArray> known, int from, int to, Visitor visitor) {
        return execute(known, from, to, visitor, null);
    }

    /** Runs nodes {@code [from, to)}; with {@code freeing} set, frees the tensors of its scope after their last reader. */
    private Map<String, NDArray> execute(Map<String, NDArray> known, int from, int to, Visitor visitor,
            NDArray freeing) {
        Map<String, NDArray> values = new HashMap<>(known);
        Map<String, Integer> lastRead = new HashMap<>();
        for (int i = from; i < to; i++) {
            for (String tensor : nodes.get(i).inputs()) {
                lastRead.put(tensor, i);
            }
        }
        for (int i = from; i < to; i++) {
            GraphNode node = nodes.get(i);
            NDList inputs = new NDList(node.inputs().size());
            for (String tensor : node.inputs()) {
                inputs.add(values.get(tensor));
            }
            NDList outputs = node.forward(inputs);
            if (outputs.size() < node.outputs().size()) {
                throw new IllegalStateException("node '" + node.name() + "' (" + node.operator() + ") gave "
                        + outputs.size() + " outputs, expected " + node.outputs().size());
            }
            for (int k = 0; k < node.outputs().size(); k++) {
                values.put(node.outputs().get(k), outputs.get(k));
            }
            visitor.visited(i, node, inputs, outputs);
            if (freeing != null) {
                for (String tensor : node.inputs()) {
                    if (lastRead.get(tensor) == i && !tensor.equals(input) && !tensor.equals(output)) {
                        release(values.remove(tensor), freeing, values);
                    }
                }
            }
        }
        return values;
    }

    /**
     * Frees an intermediate tensor: only arrays of the input's scope, never the input itself or an array still known
     * under another name.
     */
    private static void release(NDArray array, NDArray x, Map<String, NDArray> values) {
        if (array == null || array == x || array.getManager() != x.getManager()) {
            return;
        }
        for (NDArray live : values.values()) {
            if (live == array) {
                return;
            }
        }
        array.close();
    }

    /**
     * The tensor a layer name stands for: a tensor's own name, or a node's name for that node's first output. An
     * unknown name is a clear error that lists what exists.
     */
    public String tensorOf(String layer) {
        for (GraphNode node : nodes) {
            if (node.outputs().contains(layer)) {
                return layer;
            }
        }
        for (GraphNode node : nodes) {
            if (node.name().equals(layer)) {
                return node.outputs().get(0);
            }
        }
        List<String> known = new ArrayList<>();
        for (GraphNode node : nodes) {
            known.add(node.name());
        }
        throw new InvalidInputException("no layer named '" + layer + "': give a node name or a tensor name; nodes: "
                + abbreviated(known));
    }

    /** The index of the node that writes {@code tensor}, or -1 for the graph's input. */
    public int writerOf(String tensor) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).outputs().contains(tensor)) {
                return i;
            }
        }
        if (tensor.equals(input)) {
            return -1;
        }
        throw new InvalidInputException("no node writes tensor '" + tensor + "'");
    }

    /**
     * The tensors that nodes after node {@code index} read but the input or nodes up to {@code index} wrote: what a
     * pass over the rest of the graph needs from the first part, in the order first read.
     */
    public List<String> readAfter(int index) {
        Set<String> later = new HashSet<>();
        for (int i = index + 1; i < nodes.size(); i++) {
            later.addAll(nodes.get(i).outputs());
        }
        Set<String> needed = new java.util.LinkedHashSet<>();
        for (int i = index + 1; i < nodes.size(); i++) {
            for (String tensor : nodes.get(i).inputs()) {
                if (!later.contains(tensor)) {
                    needed.add(tensor);
                }
            }
        }
        return List.copyOf(needed);
    }

    /** Node names in order, each with the names of the tensors it writes. */
    public Map<String, List<String>> layerOutputs() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (GraphNode node : nodes) {
            out.put(node.name(), node.outputs());
        }
        return out;
    }

    private static String abbreviated(List<String> names) {
        if (names.size() <= 40) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 20)) + ", … (" + (names.size() - 40) + " more) …, "
                + String.join(", ", names.subList(names.size() - 20, names.size()));
    }
}
