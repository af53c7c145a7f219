package dev.glassbox.djl;

import dev.glassbox.djl.graph.ModelGraph;

/**
 * A {@link LayeredModel} whose graph glassbox holds, node by node: a model built from DJL blocks, or an ONNX model
 * imported as a graph. Rule-based attributions (DeepLIFT, guided backprop, deconvnet, LRP) need one; every node's
 * output is a layer.
 */
public interface GraphModel extends LayeredModel {

    /** The model's graph. */
    ModelGraph graph();
}
