/**
 * Path integrals shared by path attribution methods: integration rules (Riemann left, right, middle, trapezoid;
 * Gauss–Legendre) and baselines (zero, constant, blurred, noise, given arrays, sets averaged as expected gradients).
 */
package dev.glassbox.core.explain.path;
