/**
 * Importing ONNX files as {@link dev.glassbox.djl.graph.ModelGraph}s that run on DJL's PyTorch engine with autograd:
 * {@link dev.glassbox.djl.onnx.OnnxGraphs#read} parses the file, folds constant subgraphs at load time and binds each
 * remaining ONNX node to an operator kernel written with NDArray operations.
 */
package dev.glassbox.djl.onnx;
