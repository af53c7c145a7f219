package dev.glassbox.djl.onnx;

import dev.glassbox.core.model.ModelLoadException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The registry of supported ONNX operators: operator type to the factory of its kernel. */
public final class Operators {
    private static final Map<String, OperatorFactory> FACTORIES = registry();

    private Operators() {
    }

    /** The operator types the importer supports. */
    public static Set<String> supported() {
        return Collections.unmodifiableSet(FACTORIES.keySet());
    }

    /** The kernel for {@code node}, or an error naming the operator and the node. */
    static Kernel kernel(NodeSpec node) {
        OperatorFactory factory = FACTORIES.get(node.opType());
        if (factory == null) {
            throw new UnsupportedOperatorException(node.opType(), node.name());
        }
        return factory.create(node);
    }

    private static Map<String, OperatorFactory> registry() {
        Map<String, OperatorFactory> r = new TreeMap<>();
        ElementwiseOps.register(r);
        ActivationOps.register(r);
        LinearOps.register(r);
        ConvolutionOps.register(r);
        PoolingOps.register(r);
        NormalisationOps.register(r);
        ReductionOps.register(r);
        ShapeOps.register(r);
        ResizeOps.register(r);
        return Collections.unmodifiableMap(r);
    }
}
