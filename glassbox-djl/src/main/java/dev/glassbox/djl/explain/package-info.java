/**
 * Gradient attributions: saliency, Gradient × Input, the noise tunnel (SmoothGrad, SmoothGrad², VarGrad), Integrated
 * Gradients, DeepLIFT, guided backprop, deconvnet, CAM, Grad-CAM and guided Grad-CAM. One class per method; targets,
 * baselines, integration rules and noise are each written once and shared.
 */
package dev.glassbox.djl.explain;
