/** Numerical helpers shared by explainers and metrics. */
package dev.glassbox.core.math;
