#!/usr/bin/env python3
"""Writes the concept, random and input sets that scripts/make_inside_bundle.sh gives `glassbox inspect tcav` and
`glassbox inspect influence` on the bundled CNN, as .npy batches of 1x28x28 images in [0, 1]:

  trousers/            50 Fashion-MNIST test images of class Trouser (from index 200 on: not the demo's bundled ones)
  vertical-stripes/    50 images of vertical stripes (period 3-8 pixels, random phase and intensity)
  horizontal-stripes/  the same, horizontal
  random0..random10/   11 sets of 50 test images of any class, drawn without replacement
  influence-inputs.npy the first three bundled test images (indices 0-2)

Seeded (numpy default_rng(20261205)). Usage: make_inside_tcav_sets.py OUT_DIR FASHION_MNIST_DIR.
Fashion-MNIST is (c) Zalando SE, MIT licence.
"""
import gzip
import os
import sys

import numpy as np


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * d:8 + 4 * d], "big") for d in range(dims)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * dims).reshape(shape)


def stripes(rng, n, vertical):
    out = np.zeros((n, 1, 28, 28), np.float32)
    for i in range(n):
        period = int(rng.integers(3, 9))
        phase = int(rng.integers(0, period))
        on = (np.arange(28) + phase) % period < period / 2
        value = rng.uniform(0.5, 1.0)
        if vertical:
            out[i, 0][:, on] = value
        else:
            out[i, 0][on, :] = value
    return out


def save(out, name, batch):
    os.makedirs(os.path.join(out, name), exist_ok=True)
    np.save(os.path.join(out, name, "set.npy"), batch.astype(np.float32))


def main(out, fashion):
    rng = np.random.default_rng(20261205)
    images = idx(os.path.join(fashion, "t10k-images-idx3-ubyte.gz")).astype(np.float32)[:, None] / 255
    labels = idx(os.path.join(fashion, "t10k-labels-idx1-ubyte.gz"))
    trousers = [i for i in range(200, len(labels)) if labels[i] == 1][:50]
    save(out, "trousers", images[trousers])
    save(out, "vertical-stripes", stripes(rng, 50, True))
    save(out, "horizontal-stripes", stripes(rng, 50, False))
    drawn = rng.choice(np.arange(200, len(labels)), size=11 * 50, replace=False)
    for r in range(11):
        save(out, "random%d" % r, images[drawn[50 * r:50 * (r + 1)]])
    np.save(os.path.join(out, "influence-inputs.npy"), images[:3])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
