/**
 * ONNX models run forward by ONNX Runtime ({@link dev.glassbox.onnx.OnnxModel}), for the black-box methods of
 * glassbox-core, without the PyTorch engine. glassbox-djl uses this module, when present, for the fast forward passes
 * of imported ONNX graphs.
 */
package dev.glassbox.onnx;
