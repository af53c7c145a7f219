#!/usr/bin/env python3
"""Runs scikit-learn's Barnes-Hut t-SNE on the points TsneBenchmark exported, with glassbox's default settings.

Usage: compare_sklearn_tsne.py EXPORT_DIR N [N ...]

EXPORT_DIR holds pca50.f32 (little-endian float32, 50 per row, the benchmark's order) and labels.u8, written by
`TsneBenchmark <sizes> <threads> <gradient> <data> EXPORT_DIR`. For each N the first N rows are embedded with
perplexity 30, theta 0.5, early exaggeration 12 for 250 iterations, learning rate N / 48, PCA initialisation and
1000 iterations (the settings glassbox uses), and the script prints the wall time, KL divergence and the
leave-one-out 1-NN label accuracy in the embedding, the figure TsneBenchmark prints as 1-NN.
"""
import sys
import time

import numpy as np
from sklearn.manifold import TSNE
from sklearn.neighbors import NearestNeighbors


def one_nn_accuracy(points, labels):
    neighbours = NearestNeighbors(n_neighbors=2).fit(points).kneighbors(points, return_distance=False)
    return float(np.mean(labels[neighbours[:, 1]] == labels))


def main():
    folder, sizes = sys.argv[1], [int(n) for n in sys.argv[2:]]
    rows = np.fromfile(f"{folder}/pca50.f32", dtype="<f4").reshape(-1, 50).astype(np.float64)
    labels = np.fromfile(f"{folder}/labels.u8", dtype=np.uint8)
    print("      N  seconds      KL    1-NN", flush=True)
    for n in sizes:
        start = time.time()
        tsne = TSNE(n_components=2, perplexity=30, early_exaggeration=12, learning_rate=n / 48, n_iter=1000,
                    angle=0.5, init="pca", method="barnes_hut", random_state=1, n_jobs=2)
        points = tsne.fit_transform(rows[:n])
        print(f"{n:7d} {time.time() - start:8.1f} {tsne.kl_divergence_:7.4f} {one_nn_accuracy(points, labels[:n]):7.4f}",
              flush=True)


if __name__ == "__main__":
    main()
