package dev.glassbox.djl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import dev.glassbox.djl.graph.AffineNode;
import dev.glassbox.djl.graph.GraphNode;
import dev.glassbox.djl.graph.ModelGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A layer of a model built from DJL blocks as a node of its graph: the layers of a {@link NamedBlocks} form a chain,
 * each reading the tensor its predecessor writes, and each block is named by the ONNX operator it computes, so that
 * rules claim a DJL {@code ReLU} block and an imported {@code Relu} node alike.
 */
final class BlockNode implements GraphNode {
    /** The graph input's name in a chain of blocks. */
    static final String INPUT = "input";
    private static final Map<String, String> LAMBDA_OPERATORS = Map.of("relu", "Relu", "maxpool2d", "MaxPool",
            "avgpool2d", "AveragePool", "globalavgpool2d", "GlobalAveragePool", "globalmaxpool2d", "GlobalMaxPool",
            "batchflatten", "Flatten", "sigmoid", "Sigmoid", "tanh", "Tanh");

    private final String name;
    private final Block block;
    private final String input;
    private final String operator;
    private final ChannelAffine channelAffine = new ChannelAffine(this);

    private BlockNode(String name, Block block, String input) {
        this.name = name;
        this.block = block;
        this.input = input;
        this.operator = operatorOf(block);
    }

    /** The chain of a model's named layers, from {@link #INPUT} to the last layer's output. */
    static ModelGraph chain(NamedBlocks layers) {
        List<GraphNode> nodes = new ArrayList<>();
        String previous = INPUT;
        for (String name : layers.names()) {
            nodes.add(new BlockNode(name, layers.layer(name), previous));
            previous = name;
        }
        return new ModelGraph(INPUT, DataType.FLOAT32, nodes, previous);
    }

    private static String operatorOf(Block block) {
        if (block instanceof LambdaBlock lambda) {
            return LAMBDA_OPERATORS.getOrDefault(lambda.getName().toLowerCase(Locale.ROOT), lambda.getName());
        }
        if (block instanceof Conv2d) {
            return "Conv";
        }
        if (block instanceof Linear) {
            return "Gemm";
        }
        if (block instanceof BatchNorm) {
            return "BatchNormalization";
        }
        if (block instanceof Dropout) {
            return "Dropout";
        }
        return block.getClass().getSimpleName();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String operator() {
        return operator;
    }

    @Override
    public List<String> inputs() {
        return List.of(input);
    }

    @Override
    public List<String> outputs() {
        return List.of(name);
    }

    @Override
    public NDList forward(NDList inputs) {
        return block.forward(new ParameterStore(inputs.head().getManager(), false), inputs, false);
    }

    @Override
    public Optional<AffineNode> affine() {
        if (block instanceof Conv2d conv) {
            return Optional.of(new Weighted(conv, (x, w, b) -> Conv2d.conv2d(x, w, b, conv.getStride(),
                    conv.getPadding(), conv.getDilation(), conv.getGroups()).singletonOrThrow()));
        }
        if (block instanceof Linear) {
            return Optional.of(new Weighted(block, (x, w, b) -> Linear.linear(x, w, b).singletonOrThrow()));
        }
        if (block instanceof BatchNorm) {
            return Optional.of(channelAffine);
        }
        return Optional.empty();
    }

    /** An affine operation of a block's input and its weights. */
    @FunctionalInterface
    private interface WeightedOp {
        NDArray apply(NDArray x, NDArray weight, NDArray bias);
    }

    /** A convolution or dense layer with its own {@code weight} and optional {@code bias} parameters. */
    private record Weighted(Block block, WeightedOp op) implements AffineNode {
        @Override
        public NDArray weight() {
            return block.getParameters().get("weight").getArray();
        }

        @Override
        public NDArray bias() {
            Parameter bias = block.getParameters().contains("bias") ? block.getParameters().get("bias") : null;
            return bias == null || !bias.isInitialized() ? null : bias.getArray();
        }

        @Override
        public NDArray apply(NDArray x, NDArray weight, NDArray bias) {
            return op.apply(x, weight, bias);
        }
    }

    /**
     * Batch normalisation in inference as the per-channel affine map it is, read off the layer itself: its output for
     * zeros is the shift and for ones the shift plus the scale (channels on axis 1). The two are kept until the layer's
     * parameters change (sanity checks re-draw them in place).
     */
    private static final class ChannelAffine implements AffineNode {
        private final BlockNode node;
        private int parameterHash;
        private NDArray scale;
        private NDArray shift;

        ChannelAffine(BlockNode node) {
            this.node = node;
        }

        @Override
        public synchronized NDArray weight() {
            refresh();
            return scale;
        }

        @Override
        public synchronized NDArray bias() {
            refresh();
            return shift;
        }

        private void refresh() {
            int hash = 1;
            for (var parameter : node.block.getParameters()) {
                hash = 31 * hash + java.util.Arrays.hashCode(parameter.getValue().getArray().toFloatArray());
            }
            if (scale != null && hash == parameterHash) {
                return;
            }
            NDArray gamma = node.block.getParameters().get("gamma").getArray();
            long channels = gamma.getShape().get(0);
            if (scale != null) {
                scale.close();
                shift.close();
            }
            ai.djl.ndarray.types.Shape probe = new ai.djl.ndarray.types.Shape(1, channels, 1, 1);
            try (ai.djl.ndarray.NDManager scope = gamma.getManager().newSubManager()) {
                NDArray zero = node.forward(new NDList(scope.zeros(probe))).singletonOrThrow().reshape(channels);
                NDArray one = node.forward(new NDList(scope.ones(probe))).singletonOrThrow().reshape(channels);
                shift = zero.duplicate();
                scale = one.sub(zero);
                shift.attach(gamma.getManager());
                scale.attach(gamma.getManager());
            }
            parameterHash = hash;
        }

        @Override
        public NDArray apply(NDArray x, NDArray weight, NDArray bias) {
            long[] shape = new long[x.getShape().dimension()];
            java.util.Arrays.fill(shape, 1);
            shape[1] = weight.size();
            NDArray scaled = x.mul(weight.reshape(shape));
            return bias == null ? scaled : scaled.add(bias.reshape(shape));
        }
    }

    @Override
    public String toString() {
        return name + " (" + operator + ")";
    }
}
