/**
 * Backward rules for the rules engine: guided backprop and deconvnet at ReLU layers, and DeepLIFT's rescale rule at
 * ReLU and max-pool layers (computed in one loop over the activations, reading the engine's memory in place).
 */
package dev.glassbox.djl.rules;
