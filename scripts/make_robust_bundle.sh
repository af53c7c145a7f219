#!/usr/bin/env bash
# Rebuilds the bundled robust and private models of the demo's "Is it robust? Is it private?" section and the bundled
# extraction results, with the (small) settings the README reports: two small CNNs, one adversarially trained on the
# first 15,000 Fashion-MNIST training images, one trained with DP-SGD on all 60,000 (a fifth of an epoch). The
# section's standard model is the demo CNN (scripts/make_demo_bundle.sh). Fixed seeds.
# Full scale: raise --epochs/--limit (and --attack-steps, --eval-images 10000) as the README says.
# Needs Debian's dataset-fashion-mnist package. Fashion-MNIST is © Zalando SE, MIT licence.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}"
demo="$root/glassbox-cli/src/main/resources/dev/glassbox/cli/demo"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$root/glassbox" train fashion-mnist --data "$data" --adversarial fast --epsilon 0.1 --epochs 1 --limit 15000 \
    --eval-images 200 --eval-steps 50 --eval-restarts 2 --out "$tmp/adversarial"
"$root/glassbox" train fashion-mnist --data "$data" --dp-epsilon 3 --dp-epochs 0.2 --learning-rate 5e-3 \
    --out "$tmp/private"
"$root/glassbox" extract --answers scores --out "$tmp/extract"
mkdir -p "$demo/robust"
for m in adversarial private; do
    rm -rf "$demo/robust/$m" && cp -r "$tmp/$m" "$demo/robust/$m"
done
cp "$tmp/extract/extraction.json" "$demo/robust/extraction.json"
(cd "$demo" && find . -type f ! -name files.txt | sed 's|^\./||' | sort > files.txt)
echo "bundled robust and private models written to $demo/robust"
