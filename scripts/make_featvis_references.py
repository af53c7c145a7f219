#!/usr/bin/env python3
"""PyTorch's input gradients of feature-visualisation objectives on the committed split CNN fixture.

For the first fixture image x (reference.json, "cnn"), with a = features(x) (shape 8x14x14):
  channelGradient: d mean(a[2]) / dx          (a channel objective)
  unitGradient:    d a[c, y, x] / dx          (a unit objective at the largest value of a, "unit": [c, y, x])
  energyGradient:  d mean(a ** 2) / dx        (DeepDream's layer energy)
Run from the repository root with Debian's python3-torch:
    /usr/bin/python3 scripts/make_featvis_references.py
It writes glassbox-djl/src/test/resources/fixtures/featvis.json (committed; the Java build never needs Python).
"""
import json
import os

import torch

FIXTURES = "glassbox-djl/src/test/resources/fixtures"


def gradient(features, x, objective):
    x = x.clone().requires_grad_(True)
    objective(features(x)).backward()
    return [float(v) for v in x.grad.reshape(-1)]


def main():
    with open(os.path.join(FIXTURES, "reference.json")) as f:
        reference = json.load(f)["cnn"]
    x = torch.tensor(reference["input"][:784], dtype=torch.float32).reshape(1, 1, 28, 28)
    features = torch.jit.load(os.path.join(FIXTURES, "cnn_features.pt")).eval()
    with torch.no_grad():
        flat = int(features(x)[0].argmax())
    c, rest = divmod(flat, 14 * 14)
    y, x_ = divmod(rest, 14)
    out = {
        "channelGradient": gradient(features, x, lambda a: a[0, 2].mean()),
        "unit": [c, y, x_],
        "unitGradient": gradient(features, x, lambda a: a[0, c, y, x_]),
        "energyGradient": gradient(features, x, lambda a: (a ** 2).mean()),
    }
    with open(os.path.join(FIXTURES, "featvis.json"), "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
