/**
 * glassbox on Apache Spark: {@link dev.glassbox.spark.SparkExplainer} explains every row of a {@code Dataset<Row>} with
 * any table method, executors opening the model themselves and each row seeded from the job seed and its key, and
 * {@link dev.glassbox.spark.SparkTableJob} runs {@code glassbox explain-table --spark}: input, explanation, results in
 * input order, and the summary aggregated in Spark. Spark is a {@code provided} dependency: a cluster's own is used.
 */
package dev.glassbox.spark;
