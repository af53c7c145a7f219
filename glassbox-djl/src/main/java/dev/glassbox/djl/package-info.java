/**
 * The contracts of models glassbox can look into on Deep Java Library: {@link dev.glassbox.djl.DifferentiableModel}
 * (input gradients), {@link dev.glassbox.djl.LayeredModel} (activations and gradients at named layers),
 * {@link dev.glassbox.djl.GraphModel} (a graph the rules engine can walk) and
 * {@link dev.glassbox.djl.ParameterizedModel} (trainable parameters). The models themselves are in
 * {@link dev.glassbox.djl.model}, the reverse-pass engine in {@link dev.glassbox.djl.backprop}, the methods in the
 * family packages ({@code explain}, {@code inspect}, {@code robust}, {@code privacy}, {@code uncertainty}, ...).
 */
package dev.glassbox.djl;
