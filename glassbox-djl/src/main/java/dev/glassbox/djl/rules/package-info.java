/** Backward rules for the rules engine: guided backprop, deconvnet and DeepLIFT's rescale rule at ReLU layers. */
package dev.glassbox.djl.rules;
