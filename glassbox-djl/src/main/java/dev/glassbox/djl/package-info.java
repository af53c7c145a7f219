/**
 * Models on Deep Java Library: TorchScript (whole or split at a layer), ONNX Runtime, and blocks built in Java, with
 * batched input and layer gradients, and the training recipes of the bundled models.
 */
package dev.glassbox.djl;
