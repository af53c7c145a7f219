/**
 * Models as graphs of named operations: {@link dev.glassbox.djl.graph.GraphNode} and
 * {@link dev.glassbox.djl.graph.ModelGraph}, the form in which the rules engine, layer methods and the ONNX importer
 * meet.
 */
package dev.glassbox.djl.graph;
