/**
 * Methods that look inside a model at a named layer through the {@link dev.glassbox.djl.LayeredModel} contract
 * (DJL block models, split TorchScript models, imported ONNX graphs): TCAV with its significance test; network
 * dissection on a generated concept data set; and influence of training data on a network's last layers — their
 * per-example losses with gradients and Hessian–vector products by double backward
 * ({@link dev.glassbox.djl.inspect.HeadLosses}), and the analysis that ranks the proponents and opponents of
 * predictions and the most self-influential training examples of any layered model
 * ({@link dev.glassbox.djl.inspect.TrainingInfluence}). The engine-free mathematics lives in
 * {@code dev.glassbox.core.inspect}.
 */
package dev.glassbox.djl.inspect;
