/**
 * Methods that look inside a model at a named layer, all through the layer contract ({@link
 * dev.glassbox.djl.LayeredModel}: DJL block models, split TorchScript models and imported ONNX graphs alike).
 *
 * <ul>
 *   <li>Feature visualisation ({@link dev.glassbox.djl.inspect.FeatureVisualisation}): an input optimised to drive a
 *       unit, a channel, a whole layer or a class logit ({@link dev.glassbox.djl.inspect.Objective}, read through
 *       {@link dev.glassbox.djl.LayeredModel#activationInputGradient}), through a pixel or Fourier {@link
 *       dev.glassbox.djl.inspect.ImageParameterisation}, random {@link dev.glassbox.djl.inspect.ImageTransform}s and
 *       {@link dev.glassbox.djl.inspect.ImagePenalties}; the data set's top examples per unit ({@link
 *       dev.glassbox.djl.inspect.DatasetExamples}) and {@link dev.glassbox.djl.inspect.DeepDream}.</li>
 *   <li>TCAV with its significance test, and network dissection on a generated concept data set.</li>
 *   <li>Influence of training data on a network's last layers: their per-example losses with gradients and
 *       Hessian–vector products by double backward ({@link dev.glassbox.djl.inspect.HeadLosses}), and the analysis
 *       that ranks the proponents and opponents of predictions and the most self-influential training examples
 *       ({@link dev.glassbox.djl.inspect.TrainingInfluence}).</li>
 * </ul>
 * The engine-free mathematics lives in {@code dev.glassbox.core.inspect}.
 */
package dev.glassbox.djl.inspect;
