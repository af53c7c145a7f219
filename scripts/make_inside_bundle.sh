#!/usr/bin/env bash
# Rebuilds the demo's bundled "Inside the model" results: feature visualisation of six relu5 channels of the bundled
# Fashion-MNIST CNN with their top examples among the 10,000 Fashion-MNIST test images and the plain-pixel
# comparison, and a DeepDream of the first bundled test image at relu3. Needs Debian's dataset-fashion-mnist package.
# Fashion-MNIST is © Zalando SE, MIT licence.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}"
demo="$root/glassbox-cli/src/main/resources/dev/glassbox/cli/demo"
export ONEDNN_MAX_CPU_ISA=AVX
glassbox=(java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1
          -jar "$root/glassbox-cli/target/glassbox-cli.jar")

(cd "$root" && mvn -B -o -q -pl glassbox-cli -am -DskipTests package)
rm -rf "$demo/inside"
"${glassbox[@]}" inspect visualize --model "$demo/model" --layer relu5 --units 0-5 --steps 256 --seed 0 \
    --data "$data/t10k-images-idx3-ubyte.gz" --top 4 --compare-pixels --out "$demo/inside/visualize"
"${glassbox[@]}" inspect dream --model "$demo/model" --layer relu3 --input "$demo/data/t10k-first200-images-idx3-ubyte.gz" \
    --octaves 3 --steps 10 --step-size 0.02 --out "$demo/inside/dream"
rm "$demo/inside/visualize/index.html" "$demo/inside/dream/index.html"
(cd "$demo" && find . -type f ! -name files.txt | sed 's|^\./||' | sort > files.txt)
echo "inside-the-model results written to $demo/inside"
