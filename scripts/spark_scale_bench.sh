#!/bin/sh
# The Spark scale benchmark of the README ("Explaining millions of rows on Spark"): each configuration in a fresh JVM.
# Usage: scripts/spark_scale_bench.sh ROWS_ABLATION ROWS_KERNEL_SHAP   (after mvn -pl glassbox-bench -am -DskipTests package)
# Kernel SHAP takes 64 coalitions: with paired sampling n coalitions of 30 features span at most n/2 + 1 directions,
# so fewer than about 2 × 30 leave its regression underdetermined.
set -e
export ONEDNN_MAX_CPU_ISA=SSE41
FLAGS="-Xmx3g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
 -Dai.djl.pytorch.num_interop_threads=1 --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
 --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED"
run() {
  java $FLAGS -cp "glassbox-bench/target/classes:glassbox-bench/target/lib/*" dev.glassbox.bench.SparkScaleBenchmark "$@" \
    2>&1 | grep '^master='
}
for master in 'local[1]' 'local[2]'; do
  run "$master" "$1" ablation 0 10 8
done
run 'local[1]' "$(($1 * 4))" ablation 0 10 32
for master in 'local[1]' 'local[2]'; do
  run "$master" "$2" kernel-shap 64 5 8
done
