/**
 * The reverse pass: gradients of a recorded forward pass pulled back to the input or to a layer
 * ({@link dev.glassbox.djl.backprop.Backprop}), and the rules engine that walks a model's graph backwards segment by
 * segment, letting a {@link dev.glassbox.djl.backprop.Rule} replace a node's own backward pass (guided backprop,
 * deconvnet, DeepLIFT, LRP).
 */
package dev.glassbox.djl.backprop;
