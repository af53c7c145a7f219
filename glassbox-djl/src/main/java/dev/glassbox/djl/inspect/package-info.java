/**
 * Methods that look inside a model at a named layer. Feature visualisation ({@link
 * dev.glassbox.djl.inspect.FeatureVisualisation}: an input optimised to drive a unit, a channel, a whole layer or a
 * class logit, through a pixel or Fourier {@link dev.glassbox.djl.inspect.ImageParameterisation}, random {@link
 * dev.glassbox.djl.inspect.ImageTransform}s and {@link dev.glassbox.djl.inspect.ImagePenalties}), the data set's
 * top examples per unit ({@link dev.glassbox.djl.inspect.DatasetExamples}) and {@link
 * dev.glassbox.djl.inspect.DeepDream}. Every objective is an {@link dev.glassbox.djl.inspect.Objective} read through
 * the layer contract ({@link dev.glassbox.djl.LayeredModel#activationInputGradient}), so the methods work on split
 * TorchScript models, DJL block models and imported ONNX graphs alike.
 */
package dev.glassbox.djl.inspect;
