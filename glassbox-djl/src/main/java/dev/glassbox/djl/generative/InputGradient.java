package dev.glassbox.djl.generative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import dev.glassbox.core.model.EngineErrors;
import java.io.IOException;
import java.io.InputStream;

/**
 * The gradient of a summed output with respect to one input, with its graph, as {@code torch.autograd.grad} takes it:
 * nothing is written to any array's gradient. DJL's own backward pass accumulates into every leaf it reaches, and a
 * gradient taken with its graph then refers back to its own leaf — a reference cycle libtorch never frees, which DJL
 * 0.34 cannot break because it cannot reset a gradient. A training loop that took the penalty's input gradient that
 * way kept every step's graph (7 MB a step for WGAN-GP here). The computation is a parameter-free TorchScript module
 * bundled as a resource ({@code scripts/make_input_gradient_module.py} writes it), loaded once per process.
 */
final class InputGradient {
    private static final String RESOURCE = "input-gradient.pt";

    private InputGradient() {
    }

    /**
     * {@code ∂(Σ output)/∂input}, an array of {@code input}'s shape that can be differentiated again.
     *
     * @param output computed from {@code input} with gradient recording on
     * @param input an array that requires a gradient
     */
    static NDArray of(NDArray output, NDArray input) {
        NDList result = Module.BLOCK.forward(new ParameterStore(input.getManager(), false),
                new NDList(output, input), true);
        return result.singletonOrThrow();
    }

    /** The loaded module, made on first use and kept for the life of the process. */
    private static final class Module {
        static final PtSymbolBlock BLOCK = load();

        private static PtSymbolBlock load() {
            PtNDManager manager = (PtNDManager) NDManager.newBaseManager("PyTorch");
            try (InputStream in = InputGradient.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the resource " + RESOURCE + " is missing from glassbox-djl");
                }
                return JniUtils.loadModule(manager, in, true, false);
            } catch (IOException | RuntimeException e) {
                manager.close();
                throw new IllegalStateException("cannot load the input-gradient module: " + EngineErrors.firstLine(e), e);
            }
        }
    }
}
