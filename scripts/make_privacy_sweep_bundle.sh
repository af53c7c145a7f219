#!/usr/bin/env bash
# Rebuilds the bundled privacy sweep of the demo's "Is it robust? Is it private?" section (README "Explanations at
# ε ∈ {1, 3, 8, ∞}"): the small CNN trained for 3 epochs with DP-SGD to ε = 1, 3 and 8 at δ = 1e-5 (expected batch
# 2,048, 88 steps) and normally (ε = ∞), then `glassbox sanity --method saliency,ig --seed 0` on the first 50 test
# images of each, reduced to sweep.json (edge-likeness, survival of randomising the top layer and every layer,
# deletion and insertion beside a random map's). Fixed seeds; one thread each, about 10 minutes a model.
# Needs Debian's dataset-fashion-mnist package (Fashion-MNIST is © Zalando SE, MIT licence) and python3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}"
demo="$root/glassbox-cli/src/main/resources/dev/glassbox/cli/demo"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export GLASSBOX_JAVA_OPTS="${GLASSBOX_JAVA_OPTS:--Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1}"

for e in 1 3 8; do
    "$root/glassbox" train fashion-mnist --data "$data" --dp-epsilon "$e" --batch-size 2048 --dp-epochs 3 \
        --out "$tmp/eps-$e"
done
"$root/glassbox" train fashion-mnist --data "$data" --adversarial none --epochs 3 --out "$tmp/eps-inf"
/usr/bin/python3 - "$data/t10k-images-idx3-ubyte.gz" "$tmp/test50.npy" <<'PY'
import gzip, struct, sys
import numpy as np
with gzip.open(sys.argv[1]) as f:
    _, count, rows, cols = struct.unpack(">IIII", f.read(16))
    pixels = np.frombuffer(f.read(50 * rows * cols), dtype=np.uint8)
np.save(sys.argv[2], (pixels.reshape(50, 1, rows, cols) / 255.0).astype(np.float32))
PY
for m in eps-1 eps-3 eps-8 eps-inf; do
    "$root/glassbox" sanity --model "$tmp/$m" --input "$tmp/test50.npy" --method saliency,ig --seed 0 \
        --out "$tmp/sanity-$m" >/dev/null
done
/usr/bin/python3 - "$tmp" "$root/scripts" <<'PY'
import json, pathlib, sys
tmp = pathlib.Path(sys.argv[1])
sys.path.insert(0, sys.argv[2])
import sanity_figures
sweep = {}
for m in ("eps-1", "eps-3", "eps-8", "eps-inf"):
    sanity = sanity_figures.load(tmp / f"sanity-{m}" / "sanity.json")
    sweep[m] = {method: sanity_figures.method_figures(sanity, method) for method in ("saliency", "ig")}
    sweep[m]["randomMap"] = sanity_figures.random_map(sanity)
(tmp / "sweep.json").write_text(json.dumps(sweep, indent=2, sort_keys=True) + "\n")
PY
rm -rf "$demo/robust/privacy-sweep" && mkdir -p "$demo/robust/privacy-sweep"
for m in eps-1 eps-3 eps-8 eps-inf; do
    cp -r "$tmp/$m" "$demo/robust/privacy-sweep/$m"
done
cp "$tmp/sweep.json" "$demo/robust/privacy-sweep/sweep.json"
(cd "$demo" && find . -type f ! -name files.txt | sed 's|^\./||' | sort > files.txt)
echo "bundled privacy sweep written to $demo/robust/privacy-sweep"
