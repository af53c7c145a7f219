#!/bin/sh
# A Spark standalone master and two one-core workers on loopback, from the Spark jars that glassbox-cli/target/lib
# holds after `mvn -B -DskipTests package` (no Spark distribution needed).
#   scripts/spark-standalone.sh start [DIR]   master at spark://127.0.0.1:7077 (web UI :8080), logs and pids in DIR
#   scripts/spark-standalone.sh stop  [DIR]   stops the workers (and their executors) and the master
set -e
ACTION=${1:?usage: spark-standalone.sh start|stop [DIR]}
DIR=${2:-${TMPDIR:-/tmp}/glassbox-spark}
LIB=$(cd "$(dirname "$0")/../glassbox-cli/target/lib" && pwd)
case "$ACTION" in
start)
  mkdir -p "$DIR/home" "$DIR/work0" "$DIR/work1"
  ln -sfn "$LIB" "$DIR/home/jars"
  export SPARK_LOCAL_IP=127.0.0.1 SPARK_HOME="$DIR/home" SPARK_SCALA_VERSION=2.13
  java -Xmx512m -cp "$LIB/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7077 --webui-port 8080 \
    > "$DIR/master.log" 2>&1 &
  echo $! > "$DIR/master.pid"
  for w in 0 1; do
    java -Xmx512m -cp "$LIB/*" org.apache.spark.deploy.worker.Worker spark://127.0.0.1:7077 --host 127.0.0.1 \
      --cores 1 --memory 2g --work-dir "$DIR/work$w" --webui-port $((8081 + w)) > "$DIR/worker$w.log" 2>&1 &
    echo $! > "$DIR/worker$w.pid"
  done
  echo "started spark://127.0.0.1:7077 (logs in $DIR); workers register within a minute"
  ;;
stop)
  for name in worker1 worker0 master; do
    if [ -f "$DIR/$name.pid" ]; then
      pid=$(cat "$DIR/$name.pid")
      pkill -TERM -P "$pid" 2>/dev/null || true
      kill "$pid" 2>/dev/null || true
      rm -f "$DIR/$name.pid"
    fi
  done
  echo "stopped"
  ;;
*) echo "usage: spark-standalone.sh start|stop [DIR]" >&2; exit 2 ;;
esac
