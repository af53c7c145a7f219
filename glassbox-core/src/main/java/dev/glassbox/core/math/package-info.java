/** Numerical helpers shared by explainers and metrics: vector operations and a small Newton minimiser. */
package dev.glassbox.core.math;
