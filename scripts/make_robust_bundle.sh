#!/usr/bin/env bash
# Rebuilds the bundled models of the demo's "Is it robust? Is it private?" section and the bundled extraction results,
# with the settings the README reports: one small CNN (Tramèr and Boneh's) trained three ways on all 60,000
# Fashion-MNIST training images — normally, adversarially (PGD-7 at L∞ ε = 0.3 with the radius warmed up over 5 of 20
# epochs) and with DP-SGD to (3, 1e-5) as Tramèr and Boneh train it (40 epochs, expected batch 2,048, SGD with momentum
# 0.9 at rate 4, clipping norm 0.1). Fixed seeds. One thread each: about 1 h, 1 h and 1.8 h on one core of a 2-core
# machine with the others busy.
# Needs Debian's dataset-fashion-mnist package. Fashion-MNIST is © Zalando SE, MIT licence.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}"
demo="$root/glassbox-cli/src/main/resources/dev/glassbox/cli/demo"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export GLASSBOX_JAVA_OPTS="${GLASSBOX_JAVA_OPTS:--Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1}"

"$root/glassbox" train fashion-mnist --data "$data" --adversarial none --epochs 20 \
    --eval-images 1000 --eval-steps 100 --eval-restarts 1 --eval-epsilons 0.1,0.3 --out "$tmp/standard"
"$root/glassbox" train fashion-mnist --data "$data" --adversarial pgd --epsilon 0.3 --epsilon-warmup 5 \
    --attack-steps 7 --epochs 20 --eval-images 10000 --eval-steps 100 --eval-restarts 1 --eval-epsilons 0.1,0.3 \
    --out "$tmp/adversarial"
"$root/glassbox" train fashion-mnist --data "$data" --dp-epsilon 3 --batch-size 2048 --dp-epochs 40 --dp-optimiser sgd \
    --learning-rate 4 --clip-norm 0.1 --out "$tmp/private"
"$root/glassbox" extract --answers scores --out "$tmp/extract"
mkdir -p "$demo/robust"
for m in standard adversarial private; do
    rm -rf "$demo/robust/$m" && cp -r "$tmp/$m" "$demo/robust/$m"
done
cp "$tmp/extract/extraction.json" "$demo/robust/extraction.json"
(cd "$demo" && find . -type f ! -name files.txt | sed 's|^\./||' | sort > files.txt)
echo "bundled robust and private models written to $demo/robust"
