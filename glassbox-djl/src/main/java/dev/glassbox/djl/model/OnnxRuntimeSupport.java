package dev.glassbox.djl.model;

/**
 * Whether glassbox-onnx (and with it ONNX Runtime) is on the class path. It is an optional dependency of glassbox-djl:
 * without it, imported ONNX graphs run their forward passes on the PyTorch engine, and files with operators the
 * importer does not know cannot be loaded. This class names no ONNX Runtime type, so that asking never loads one.
 */
final class OnnxRuntimeSupport {
    /** True when {@code dev.glassbox.onnx.OnnxModel} and ONNX Runtime's classes can be loaded. */
    static final boolean PRESENT = present();

    private OnnxRuntimeSupport() {
    }

    private static boolean present() {
        ClassLoader loader = OnnxRuntimeSupport.class.getClassLoader();
        try {
            Class.forName("dev.glassbox.onnx.OnnxModel", false, loader);
            Class.forName("ai.onnxruntime.OrtEnvironment", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
