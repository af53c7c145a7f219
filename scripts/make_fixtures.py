#!/usr/bin/env python3
"""Makes the small TorchScript and ONNX models that glassbox's tests load, with PyTorch's own reference outputs.

Run with Debian's python3-torch and python3-onnx (apt-get install python3-torch python3-onnx):
    /usr/bin/python3 scripts/make_fixtures.py glassbox-djl/src/test/resources/fixtures
The outputs are committed, so the Java build and CI never need Python.
"""
import json
import os
import sys

import numpy as np
import torch
from torch import nn


class Linear(nn.Module):
    """y = W x + b with 4 inputs and 3 outputs: its input gradient for output k is row k of W."""

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        return self.fc(x)


class SmallCnn(nn.Module):
    """A 1x28x28 -> 10 CNN with features/head exported, so the activation at the split and its gradient are reachable."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(4)
        self.conv2 = nn.Conv2d(4, 8, 3, padding=1)
        self.dropout = nn.Dropout(0.3)
        self.fc = nn.Linear(8, 10)

    @torch.jit.export
    def features(self, x):
        x = torch.relu(self.bn1(self.conv1(x)))
        x = torch.max_pool2d(x, 2)
        return torch.relu(self.conv2(x))

    @torch.jit.export
    def head(self, a):
        return self.fc(self.dropout(a.mean(dim=(2, 3))))

    def forward(self, x):
        return self.head(self.features(x))


class Features(nn.Module):
    def __init__(self, cnn):
        super().__init__()
        self.cnn = cnn

    def forward(self, x):
        return self.cnn.features(x)


class Head(nn.Module):
    def __init__(self, cnn):
        super().__init__()
        self.cnn = cnn

    def forward(self, a):
        return self.cnn.head(a)


class TupleCnn(nn.Module):
    """Returns (logits, activation): DJL cannot give gradients through such a forward, glassbox must refuse it."""

    def __init__(self, cnn):
        super().__init__()
        self.cnn = cnn

    def forward(self, x):
        a = self.cnn.features(x)
        return self.cnn.head(a), a


def input_gradient(model, x, target):
    x = x.clone().requires_grad_(True)
    model(x)[:, target].sum().backward()
    return x.grad


def integrated_gradients(model, x, target, alphas, weights):
    """IG from a zero baseline, straight from the definition with PyTorch autograd."""
    total = torch.zeros_like(x)
    for alpha, weight in zip(alphas, weights):
        total += weight * input_gradient(model, alpha * x, target)
    return x * total


def rule_nodes(rule, n):
    """Points and weights of Captum's integration rules."""
    if rule == "left":
        return [i / n for i in range(n)], [1 / n] * n
    if rule == "right":
        return [(i + 1) / n for i in range(n)], [1 / n] * n
    if rule == "middle":
        return [(i + 0.5) / n for i in range(n)], [1 / n] * n
    if rule == "trapezoid":
        return list(np.linspace(0, 1, n)), [0.5 / (n - 1)] + [1 / (n - 1)] * (n - 2) + [0.5 / (n - 1)]
    nodes, weights = np.polynomial.legendre.leggauss(n)
    return list(0.5 * (nodes + 1)), list(0.5 * weights)


def explanations(cnn, x, target):
    """Reference attributions for one image: IG under every rule, Grad-CAM at the features/head split."""
    out = {"steps": 20, "ig": {}}
    for rule in ["left", "right", "middle", "trapezoid", "gauss-legendre"]:
        alphas, weights = rule_nodes(rule, 20)
        out["ig"][rule] = flat(integrated_gradients(cnn, x, target, alphas, weights))
    a = cnn.features(x).detach().requires_grad_(True)
    cnn.head(a)[:, target].sum().backward()
    alpha = a.grad.mean(dim=(2, 3), keepdim=True)
    cam = (alpha * a).sum(dim=1, keepdim=True)
    out["gradcamRaw"] = flat(cam)
    out["gradcamReluBilinear"] = flat(torch.nn.functional.interpolate(torch.relu(cam), size=(28, 28), mode="bilinear"))
    out["gradcamReluNearest"] = flat(torch.nn.functional.interpolate(torch.relu(cam), size=(28, 28), mode="nearest"))
    return out


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).numpy()]


def main(out):
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(20261122)
    np.random.seed(20261122)
    reference = {}

    linear = Linear().eval()
    x = torch.rand(2, 4)
    torch.jit.script(linear).save(os.path.join(out, "linear.pt"))
    torch.onnx.export(linear, x, os.path.join(out, "linear.onnx"), input_names=["x"], output_names=["y"],
                      dynamic_axes={"x": {0: "batch"}, "y": {0: "batch"}}, opset_version=13)
    reference["linear"] = {"inputShape": [4], "input": flat(x), "logits": flat(linear(x)),
                           "weight": flat(linear.fc.weight), "bias": flat(linear.fc.bias)}

    cnn = SmallCnn()
    with torch.no_grad():  # non-trivial BatchNorm statistics, so that eval mode differs from train mode
        cnn.bn1.running_mean.uniform_(-0.2, 0.2)
        cnn.bn1.running_var.uniform_(0.5, 1.5)
    cnn.eval()
    images = torch.rand(3, 1, 28, 28)
    scripted = torch.jit.script(cnn)
    scripted.save(os.path.join(out, "cnn.pt"))
    torch.jit.script(Features(cnn)).save(os.path.join(out, "cnn_features.pt"))
    torch.jit.script(Head(cnn)).save(os.path.join(out, "cnn_head.pt"))
    torch.jit.script(TupleCnn(cnn)).save(os.path.join(out, "cnn_tuple.pt"))
    torch.onnx.export(cnn, images, os.path.join(out, "cnn.onnx"), input_names=["x"], output_names=["logits"],
                      dynamic_axes={"x": {0: "batch"}, "logits": {0: "batch"}}, opset_version=13)
    target = 3
    activation = cnn.features(images).detach().requires_grad_(True)
    cnn.head(activation)[:, target].sum().backward()
    reference["cnn"] = {"inputShape": [1, 28, 28], "input": flat(images), "logits": flat(cnn(images)),
                        "target": target, "inputGradient": flat(input_gradient(cnn, images, target)),
                        "activationShape": list(activation.shape[1:]), "activation": flat(activation),
                        "activationGradient": flat(activation.grad)}

    reference["cnnExplanations"] = explanations(cnn, images[:1], target)

    # A grey 28x28 PNG and the logits PyTorch gives for it (pixels / 255, shape 1x1x28x28).
    pixels = (np.random.rand(28, 28) * 255).round().astype(np.uint8)
    write_grey_png(os.path.join(out, "sample.png"), pixels)
    from_png = torch.from_numpy(pixels.astype(np.float32) / 255.0).reshape(1, 1, 28, 28)
    reference["samplePng"] = {"logits": flat(cnn(from_png))}
    np.save(os.path.join(out, "batch.npy"), images.numpy())

    with open(os.path.join(out, "reference.json"), "w") as f:
        json.dump(reference, f)


def write_grey_png(path, pixels):
    import struct
    import zlib
    h, w = pixels.shape
    raw = b"".join(b"\x00" + pixels[r].tobytes() for r in range(h))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "glassbox-djl/src/test/resources/fixtures")
