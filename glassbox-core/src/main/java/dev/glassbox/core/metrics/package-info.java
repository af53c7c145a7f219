/** Measures of models and explanations: accuracy now; calibration, faithfulness and similarity metrics later. */
package dev.glassbox.core.metrics;
