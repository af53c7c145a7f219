/**
 * The engine-free parts of the methods that look inside a model: the linear classifier behind concept activation
 * vectors and the significance test of TCAV scores, and network dissection's generated concept images with exact masks,
 * per-unit thresholds and IoU tallies. The parts that run a model live in glassbox-djl's {@code inspect} package.
 */
package dev.glassbox.core.inspect;
