package dev.glassbox.djl.backprop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import dev.glassbox.core.model.EngineErrors;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Gradients that keep their graph, so that a function of them can be differentiated again (double backward), taken as
 * {@code torch.autograd.grad(..., create_graph=True)} takes them: nothing is written to any array's gradient.
 *
 * <p>DJL's own backward pass accumulates into the gradient of every leaf it reaches, and a gradient taken with its
 * graph then refers back to its own leaf: a reference cycle that libtorch never frees, and DJL 0.34 cannot reset a
 * gradient to break it. A training loop that took WGAN-GP's penalty that way kept every step's graph (7 MB a step),
 * and each Hessian–vector product of the influence functions kept the features it read. The computation is a
 * parameter-free TorchScript module bundled as a resource ({@code scripts/make_graph_gradients_module.py} writes it),
 * loaded once per process; it needs gradient recording on (inside a gradient collector).
 */
public final class GraphGradients {
    private static final String RESOURCE = "graph-gradients.pt";
    private static final String LIST_ARGUMENT = "inputs[]";

    private GraphGradients() {
    }

    /**
     * {@code ∂(Σ output)/∂input}, an array of {@code input}'s shape in {@code output}'s manager.
     *
     * @param output computed from {@code input} with gradient recording on
     * @param input an array that requires a gradient
     */
    public static NDArray of(NDArray output, NDArray input) {
        return of(output, List.of(input)).get(0);
    }

    /**
     * {@code ∂(Σ output)/∂input} for each input, in order, in {@code output}'s manager; an input the output does not
     * depend on gets zeros.
     */
    public static List<NDArray> of(NDArray output, List<NDArray> inputs) {
        // DJL passes arrays named "name[]" as one list argument; only its NDList call runs with recording on
        List<String> names = inputs.stream().map(NDArray::getName).toList();
        String outputName = output.getName();
        NDList arguments = new NDList(output);
        output.setName(null);
        for (NDArray input : inputs) {
            input.setName(LIST_ARGUMENT);
            arguments.add(input);
        }
        try {
            NDList gradients = IValueUtils.forward(Module.BLOCK, arguments, true);
            gradients.attach(output.getManager());
            return List.copyOf(gradients);
        } finally {
            output.setName(outputName);
            for (int k = 0; k < inputs.size(); k++) {
                inputs.get(k).setName(names.get(k));
            }
        }
    }

    /** The loaded module, made on first use and kept for the life of the process. */
    private static final class Module {
        static final PtSymbolBlock BLOCK = load();

        private static PtSymbolBlock load() {
            PtNDManager manager = (PtNDManager) NDManager.newBaseManager("PyTorch");
            try (InputStream in = GraphGradients.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the resource " + RESOURCE + " is missing from glassbox-djl");
                }
                return JniUtils.loadModule(manager, in, true, false);
            } catch (IOException | RuntimeException e) {
                manager.close();
                throw new IllegalStateException("cannot load the graph-gradients module: " + EngineErrors.firstLine(e),
                        e);
            }
        }
    }
}
