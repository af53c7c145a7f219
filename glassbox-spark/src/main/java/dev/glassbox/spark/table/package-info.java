/**
 * Explaining rows of a table without Spark: the method recipe ({@link dev.glassbox.spark.table.TableMethod}), per-row
 * seeds from a job seed and a row key ({@link dev.glassbox.spark.table.RowSeeds}), one row's explanation with its
 * diagnostics or its error ({@link dev.glassbox.spark.table.RowExplainer}), and the summaries of many explanations
 * (global importance, beeswarm and dependence plots, {@code summary.html}). The Spark classes one package up run the
 * same code on executors, so a row's numbers are the same bits with or without Spark.
 */
package dev.glassbox.spark.table;
