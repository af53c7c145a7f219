#!/usr/bin/env python3
"""Cuts the out-of-distribution digit images that glassbox's demo and uncertainty command use.

Source: the 8x8 hand-written digits that scikit-learn ships (Debian: apt-get install python3-sklearn), which are the
test set of the UCI ML hand-written digits data set (Alpaydin and Kaynak 1998), licensed CC BY 4.0
(https://archive.ics.uci.edu/dataset/80). The first 300 images are upsampled bilinearly (half-pixel centres, as
PyTorch's interpolate with align_corners=False) from 8x8 to 28x28, scaled from 0..16 to 0..255 and written as
gzip-compressed IDX files with their digit labels:
    /usr/bin/python3 scripts/make_ood_digits.py glassbox-cli/src/main/resources/dev/glassbox/cli/demo/data
"""
import gzip
import struct
import sys

import numpy as np

SOURCE = "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz"
COUNT = 300
SIZE = 28


def bilinear_matrix(n_in, n_out):
    """The n_out x n_in matrix that resizes a line by linear interpolation with half-pixel centres."""
    m = np.zeros((n_out, n_in))
    for o in range(n_out):
        src = max((o + 0.5) * n_in / n_out - 0.5, 0.0)
        lo = min(int(np.floor(src)), n_in - 1)
        hi = min(lo + 1, n_in - 1)
        frac = src - lo
        m[o, lo] += 1 - frac
        m[o, hi] += frac
    return m


def main(out):
    data = np.loadtxt(SOURCE, delimiter=",")[:COUNT]
    images = data[:, :64].reshape(-1, 8, 8) / 16.0
    labels = data[:, 64].astype(np.uint8)
    resize = bilinear_matrix(8, SIZE)
    upsampled = np.einsum("ri,nij,cj->nrc", resize, images, resize)
    pixels = np.clip(np.rint(upsampled * 255), 0, 255).astype(np.uint8)
    with gzip.GzipFile(f"{out}/digits-300-images-idx3-ubyte.gz", "wb", mtime=0) as f:
        f.write(struct.pack(">IIII", 2051, COUNT, SIZE, SIZE) + pixels.tobytes())
    with gzip.GzipFile(f"{out}/digits-300-labels-idx1-ubyte.gz", "wb", mtime=0) as f:
        f.write(struct.pack(">II", 2049, COUNT) + labels.tobytes())


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "glassbox-cli/src/main/resources/dev/glassbox/cli/demo/data")
