"""Fixtures of glassbox-spark: a small TorchScript classifier of the Wisconsin breast-cancer table (30 features), the
table itself with an id column, and 40 background rows. Data: UCI Breast Cancer Wisconsin (Diagnostic), CC BY 4.0, as
shipped with scikit-learn. Run with Debian's python3 (torch 1.13, scikit-learn):

    python3 scripts/make_spark_fixtures.py glassbox-spark/src/test/resources/tabular
"""
import csv
import os
import sys

import numpy as np
import torch
from sklearn.datasets import load_breast_cancer


class Classifier(torch.nn.Module):
    """Standardises the raw features with the training set's mean and spread, then a 30-16-2 MLP."""

    def __init__(self, mean, std):
        super().__init__()
        self.register_buffer("mean", torch.tensor(mean, dtype=torch.float32))
        self.register_buffer("std", torch.tensor(std, dtype=torch.float32))
        self.net = torch.nn.Sequential(torch.nn.Linear(30, 16), torch.nn.Tanh(), torch.nn.Linear(16, 2))

    def forward(self, x):
        return self.net((x - self.mean) / self.std)


def main(out):
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(0)
    data = load_breast_cancer()
    x = data.data.astype(np.float32)
    y = data.target
    names = [n.replace(" ", "_") for n in data.feature_names]
    model = Classifier(x.mean(0), x.std(0) + 1e-6)
    opt = torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=1e-3)
    xt, yt = torch.tensor(x), torch.tensor(y)
    for _ in range(300):
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(xt), yt)
        loss.backward()
        opt.step()
    model.eval()
    accuracy = (model(xt).argmax(1) == yt).float().mean().item()
    print(f"training accuracy {accuracy:.3f}, loss {loss.item():.4f}")
    torch.jit.script(model).save(os.path.join(out, "cancer.pt"))
    with open(os.path.join(out, "cancer.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id"] + names)
        for i, row in enumerate(x):
            w.writerow([f"p{i:04d}"] + [np.format_float_positional(v, unique=True, trim="-") for v in row])
    rng = np.random.default_rng(0)
    with open(os.path.join(out, "background.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(names)
        for i in rng.choice(len(x), 40, replace=False):
            w.writerow([np.format_float_positional(v, unique=True, trim="-") for v in x[i]])


if __name__ == "__main__":
    main(sys.argv[1])
