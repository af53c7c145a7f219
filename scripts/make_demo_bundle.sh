#!/usr/bin/env bash
# Rebuilds the demo's bundled default: trains the Fashion-MNIST CNN with `glassbox train fashion-mnist`, the
# autoencoder with `glassbox train autoencoder` and the same CNN with a planted patch for the sanity section
# (fixed seeds), cuts the first 200 test images with their labels, and makes the out-of-distribution digits.
# Needs Debian's dataset-fashion-mnist and python3-sklearn packages.
# Fashion-MNIST is © Zalando SE, MIT licence.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}"
demo="$root/glassbox-cli/src/main/resources/dev/glassbox/cli/demo"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$root/glassbox" train fashion-mnist --data "$data" --out "$tmp/model"
"$root/glassbox" train autoencoder --data "$data" --out "$tmp/autoencoder"
# The spurious-cue model of the demo's sanity section: a 4×4 patch in the corner of every 'Shirt' training image.
"$root/glassbox" train fashion-mnist --data "$data" --epochs 3 --plant-patch 6 --patch 0,0,4 --out "$tmp/planted-model"
mkdir -p "$demo/data"
rm -rf "$demo/model" && cp -r "$tmp/model" "$demo/model"
rm -rf "$demo/autoencoder" && cp -r "$tmp/autoencoder" "$demo/autoencoder"
rm -rf "$demo/planted-model" && cp -r "$tmp/planted-model" "$demo/planted-model"
# 300 out-of-distribution digits (UCI ML hand-written digits via scikit-learn, CC BY 4.0)
/usr/bin/python3 "$root/scripts/make_ood_digits.py" "$demo/data"

# The first 200 test images and labels, as gzip-compressed IDX files (header: magic, count[, rows, cols]).
python3 - "$data" "$demo/data" <<'PY'
import gzip, struct, sys
src, dst = sys.argv[1], sys.argv[2]
n = 200
with gzip.open(f"{src}/t10k-images-idx3-ubyte.gz") as f:
    magic, count, rows, cols = struct.unpack(">IIII", f.read(16))
    pixels = f.read(n * rows * cols)
with gzip.open(f"{src}/t10k-labels-idx1-ubyte.gz") as f:
    lmagic, lcount = struct.unpack(">II", f.read(8))
    labels = f.read(n)
with gzip.GzipFile(f"{dst}/t10k-first200-images-idx3-ubyte.gz", "wb", mtime=0) as f:
    f.write(struct.pack(">IIII", magic, n, rows, cols) + pixels)
with gzip.GzipFile(f"{dst}/t10k-first200-labels-idx1-ubyte.gz", "wb", mtime=0) as f:
    f.write(struct.pack(">II", lmagic, n) + labels)
PY

(cd "$demo" && find . -type f ! -name files.txt | sed 's|^\./||' | sort > files.txt)
echo "bundled demo written to $demo"
