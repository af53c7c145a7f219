#!/usr/bin/env bash
# Rebuilds the demo's bundled extremal and meaningful perturbation maps (glassbox explain at its defaults: areas 0.05,
# 0.1 and 0.2, 800 and 500 iterations), which the demo shows rather than computes: the six images of its explanation
# grid on the bundled model, and the four images of its planted-patch check, with the patch planted, on the
# patch-trained and the bundled model. The inputs are chosen as the demo chooses them and saved as .npy beside the maps.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
demo="$root/glassbox-cli/src/main/resources/dev/glassbox/cli/demo"
out="$demo/masks"
export ONEDNN_MAX_CPU_ISA=SSE41
glassbox=(java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1
          -jar "$root/glassbox-cli/target/glassbox-cli.jar")

(cd "$root" && mvn -B -o -q -pl glassbox-cli -am -DskipTests package)
rm -rf "$out"
mkdir -p "$out/model" "$out/planted-model"
/usr/bin/python3 - "$demo/data/t10k-first200-images-idx3-ubyte.gz" "$demo/data/t10k-first200-labels-idx1-ubyte.gz" \
    "$out" <<'PY'
import gzip, sys
import numpy as np
images = np.frombuffer(gzip.open(sys.argv[1]).read(), np.uint8, offset=16).reshape(-1, 1, 28, 28)
labels = np.frombuffer(gzip.open(sys.argv[2]).read(), np.uint8, offset=8)
def first_of_classes(count, skip):
    seen, out = set(skip), []
    for i, label in enumerate(labels):
        if label not in seen and len(out) < count:
            seen.add(label)
            out.append(i)
    return out
grid = images[first_of_classes(6, [])].astype(np.float32) / np.float32(255)
patched = images[first_of_classes(4, [6])].astype(np.float32) / np.float32(255)
patched[:, :, 0:4, 0:4] = 1.0
np.save(sys.argv[3] + "/model/grid.npy", grid)
np.save(sys.argv[3] + "/model/patched.npy", patched)
np.save(sys.argv[3] + "/planted-model/patched.npy", patched)
PY
for model in model planted-model; do
    for input in "$out/$model"/*.npy; do
        "${glassbox[@]}" explain --model "$demo/$model" --input "$input" --method extremal,meaningful \
            --out "$out/$model/run"
        mv "$out/$model/run"/*.json "$out/$model/"
        rm -r "$out/$model/run"
    done
done
(cd "$demo" && grep -v "^masks/" files.txt > files.tmp; find masks -type f | sort >> files.tmp; mv files.tmp files.txt)
echo "mask maps written to $out"
