#!/usr/bin/env bash
# Rebuilds the demo's bundled "Inside the model" results: feature visualisation of six relu5 channels of the bundled
# Fashion-MNIST CNN with their top examples among the 10,000 Fashion-MNIST test images and the plain-pixel
# comparison, a DeepDream of the first bundled test image at relu3, TCAV of stripe concepts for class Trouser,
# network dissection of relu1, relu3 and relu5, and the influence of 1,000 training images on three test predictions.
# Needs Debian's dataset-fashion-mnist package and Python 3 with NumPy, $PYTHON or python3 (for the TCAV sets,
# scripts/make_inside_tcav_sets.py). Fashion-MNIST is © Zalando SE, MIT licence.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}"
demo="$root/glassbox-cli/src/main/resources/dev/glassbox/cli/demo"
export ONEDNN_MAX_CPU_ISA=SSE41
glassbox=(java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1
          -jar "$root/glassbox-cli/target/glassbox-cli.jar")

(cd "$root" && mvn -B -o -q -pl glassbox-cli -am -DskipTests package)
rm -rf "$demo/inside"
"${glassbox[@]}" inspect visualize --model "$demo/model" --layer relu5 --units 0-5 --steps 256 --seed 0 \
    --data "$data/t10k-images-idx3-ubyte.gz" --top 4 --compare-pixels --out "$demo/inside/visualize"
"${glassbox[@]}" inspect dream --model "$demo/model" --layer relu3 --input "$demo/data/t10k-first200-images-idx3-ubyte.gz" \
    --octaves 3 --steps 10 --step-size 0.02 --out "$demo/inside/dream"
sets="$(mktemp -d)"
trap 'rm -rf "$sets"' EXIT
"${PYTHON:-python3}" "$root/scripts/make_inside_tcav_sets.py" "$sets" "$data"
random=()
for r in $(seq 0 10); do random+=("$sets/random$r"); done
"${glassbox[@]}" inspect tcav --model "$demo/model" --layers relu3,relu5 --class 1 --inputs "$sets/trousers" \
    --concept vertical-stripes="$sets/vertical-stripes" --concept horizontal-stripes="$sets/horizontal-stripes" \
    --random "${random[@]}" --seed 0 --out "$demo/inside/tcav"
"${glassbox[@]}" inspect dissect --model "$demo/model" --layers relu1,relu3,relu5 --images 300 --garments "$data" \
    --out "$demo/inside/dissect"
"${glassbox[@]}" inspect influence --model "$demo/model" --input "$sets/influence-inputs.npy" --train-data "$data" \
    --train-count 1000 --out "$demo/inside/influence"
rm "$demo"/inside/*/index.html
(cd "$demo" && find . -type f ! -name files.txt | sed 's|^\./||' | sort > files.txt)
echo "inside-the-model results written to $demo/inside"
