/**
 * Architectures and training recipes of the models glassbox bundles (the Fashion-MNIST CNN, the text CNN of the spam
 * filter), the training loop they share, and the folder format they are saved in.
 */
package dev.glassbox.djl.zoo;
