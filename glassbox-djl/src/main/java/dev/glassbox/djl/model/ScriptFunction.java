package dev.glassbox.djl.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import dev.glassbox.core.model.EngineErrors;
import dev.glassbox.core.model.ModelLoadException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One callable method of a loaded TorchScript module: {@code forward}, or an exported method such as
 * {@code features} or {@code head}. Modules are loaded with trainable parameters (so that autograd can record the
 * pass), frozen, and kept in eval mode; every call passes {@code training=true} so that DJL never switches the
 * module's mode behind glassbox's back (see the engine notes in the design).
 */
final class ScriptFunction implements AutoCloseable {
    private static final String METHOD_MARKER = "module_method:";

    private final AutoCloseable owner;
    private final PtSymbolBlock block;
    private final String method;

    private ScriptFunction(AutoCloseable owner, PtSymbolBlock block, String method) {
        this.owner = owner;
        this.block = block;
        this.method = method;
    }

    /** Loads a TorchScript file and calls its {@code forward}. */
    static ScriptFunction load(Path file) {
        return load(file, null);
    }

    /** Loads a TorchScript file and calls the named exported method ({@code null}: {@code forward}). */
    static ScriptFunction load(Path file, String method) {
        Engines.offline();
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("model file not found: " + file);
        }
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Model model = Model.newInstance(name, Device.cpu(), "PyTorch");
        try {
            model.load(file, name, Map.of("trainParam", "true"));
        } catch (Exception | Error e) {
            model.close();
            throw new ModelLoadException("cannot load " + file + " as a TorchScript model: " + EngineErrors.firstLine(e), e);
        }
        return prepared(model, (PtSymbolBlock) model.getBlock(), method);
    }

    private static ScriptFunction prepared(AutoCloseable owner, PtSymbolBlock block, String method) {
        block.freezeParameters(true);
        JniUtils.enableInferenceMode(block);
        return new ScriptFunction(owner, block, method);
    }

    /**
     * An independent copy of the whole module (parameters and buffers), in eval mode, calling the same method. The
     * copy owns its module: close it.
     */
    ScriptFunction copy() {
        PtNDManager manager = (PtNDManager) NDManager.newBaseManager(Device.cpu(), "PyTorch");
        try {
            PtSymbolBlock copied = JniUtils.loadModule(manager, new ByteArrayInputStream(state()), true, false);
            return prepared(manager, copied, method);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw new IllegalStateException("cannot copy the TorchScript module: " + EngineErrors.firstLine(e), e);
        }
    }

    /** The module serialised with its parameters and buffers (BatchNorm running statistics among them). */
    byte[] state() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JniUtils.writeModule(block, bytes, false);
        return bytes.toByteArray();
    }

    /** The same module, calling another of its methods. The returned function does not own the module. */
    ScriptFunction method(String name) {
        return new ScriptFunction(null, block, name);
    }

    /** Calls the method on a batch and returns every output it gives. */
    NDList call(NDArray x) {
        NDList inputs = new NDList(x);
        if (method != null) {
            NDArray marker = x.getManager().create(0f);
            marker.setName(METHOD_MARKER + method);
            inputs.add(marker);
        }
        return block.forward(new ParameterStore(x.getManager(), false), inputs, true);
    }

    /** Calls the method and returns its single output. */
    NDArray apply(NDArray x) {
        return call(x).get(0);
    }

    /** The module's parameters (live arrays), as PyTorch lists them. */
    List<Parameter> parameters() {
        return block.getDirectParameters().values();
    }

    /** Switches dropout and BatchNorm between eval mode ({@code false}) and train mode. */
    void trainMode(boolean train) {
        if (train) {
            JniUtils.enableTrainingMode(block);
        } else {
            JniUtils.enableInferenceMode(block);
        }
    }

    @Override
    public void close() {
        if (owner != null) {
            try {
                owner.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot release the TorchScript module: " + EngineErrors.firstLine(e), e);
            }
        }
    }
}
