/**
 * Importing ONNX files as {@link dev.glassbox.djl.graph.ModelGraph}s that run on DJL's PyTorch engine with autograd.
 *
 * <p>{@link dev.glassbox.djl.onnx.OnnxGraphs#read} parses the file with the generated {@code OnnxMl} protobuf classes,
 * turns initializers into constant NDArrays held by an {@link dev.glassbox.djl.onnx.OnnxImport}'s own manager, folds
 * every node whose inputs are all constant at load time, and binds each remaining node to a
 * {@link dev.glassbox.djl.onnx.Kernel} made by the {@link dev.glassbox.djl.onnx.Operators} registry. Kernels use only
 * NDArray operations, so gradients flow from the scores back to the input; shape computations that depend on the
 * input run per call on small INT64 arrays, which is how dynamic batch and sequence lengths work.
 *
 * <pre>{@code
 * try (OnnxImport model = OnnxGraphs.read(path);
 *         NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
 *     NDArray scores = model.graph().run(manager.create(rows, new Shape(n, 3, 224, 224)));
 * }
 * }</pre>
 */
package dev.glassbox.djl.onnx;
