/**
 * Models on the PyTorch engine: TorchScript files (whole or split at a layer), ONNX files imported as graphs (with ONNX
 * Runtime as the forward-only fallback), and blocks built in Java; {@link dev.glassbox.djl.model.Models} loads any of
 * them and {@link dev.glassbox.djl.model.Capabilities} says what a loaded model can do.
 */
package dev.glassbox.djl.model;
