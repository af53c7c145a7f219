/**
 * Every section of glassbox's HTML reports (explanations, calibration and uncertainty, sanity and faithfulness, text,
 * data maps, inside the model, prototypes), drawn with {@link dev.glassbox.core.render}'s charts and heatmaps.
 */
package dev.glassbox.cli.report;
