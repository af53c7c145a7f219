/**
 * The runnable examples of the user guide ({@code docs/user-guide.md}), one class per question: explain a JVM model
 * with Kernel SHAP, explain a TorchScript image model with Integrated Gradients and Grad-CAM, check calibration, look at
 * data in two dimensions, and sanity-check explanations. The guide's code blocks are excerpts of these files; a test
 * fails when they drift apart.
 */
package dev.glassbox.examples;
