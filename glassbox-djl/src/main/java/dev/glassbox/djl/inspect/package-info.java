/**
 * Methods that look inside a model at a named layer through the {@link dev.glassbox.djl.LayeredModel} contract
 * (DJL block models, split TorchScript models, imported ONNX graphs): TCAV with its significance test, and network
 * dissection on a generated concept data set.
 */
package dev.glassbox.djl.inspect;
