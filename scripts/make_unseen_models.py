#!/usr/bin/env python3
"""Makes a small RGB network glassbox has never seen, to try the inspect commands on as a new user would (see the
README's "Inside the model" sections): a 3x32x32 CNN (conv 8 + BatchNorm + ReLU, max-pool, conv 16 + ReLU, global
average pooling, linear to 5 classes) trained for 60 Adam steps to tell vertical stripes (class 0), horizontal stripes
(1) and noise (2) apart, written as

  rgbnet.pt                   one TorchScript file exporting features(x) and head(a) (load with --split)
  rgb_features.pt, rgb_head.pt the same split as two files (--model rgb_features.pt --head rgb_head.pt)
  rgbnet.onnx                 the same network as ONNX (opset 13)
  class0/, concept-vertical/, concept-horizontal/  30 PNG images each; random0..random10/  30 noise images each (.npy)

into OUT_DIR (nothing here is committed). Seeded: torch.manual_seed(0), numpy default_rng(0).
Usage: /usr/bin/python3 make_unseen_models.py OUT_DIR  (needs torch, numpy and Pillow)
"""
import os
import sys

import numpy as np
import torch
import torch.nn as nn
from PIL import Image


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Conv2d(8, 16, 3, padding=1), nn.ReLU())
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(16, 5)

    def forward(self, x):
        return self.head(self.features(x))

    @torch.jit.export
    def features(self, x):
        return self.body(x)

    @torch.jit.export
    def head(self, a):
        return self.fc(torch.flatten(self.pool(a), 1))


class Head(nn.Module):
    def __init__(self, net):
        super().__init__()
        self.pool = net.pool
        self.fc = net.fc

    def forward(self, a):
        return self.fc(torch.flatten(self.pool(a), 1))


def stripes(rng, n, vertical):
    x = np.zeros((n, 3, 32, 32), np.float32)
    for i in range(n):
        period = rng.integers(3, 8)
        phase = rng.integers(0, period)
        colour = rng.random(3)
        on = (np.arange(32) + phase) % period < period // 2
        if vertical:
            x[i][:, :, on] = colour[:, None, None]
        else:
            x[i][:, on, :] = colour[:, None, None]
        x[i] += 0.05 * rng.standard_normal((3, 32, 32)).astype(np.float32)
    return np.clip(x, 0, 1)


def save_pngs(folder, images):
    os.makedirs(folder, exist_ok=True)
    for i, a in enumerate(images):
        Image.fromarray((a.transpose(1, 2, 0) * 255).astype(np.uint8)).save(os.path.join(folder, "%03d.png" % i))


def main(out):
    torch.manual_seed(0)
    rng = np.random.default_rng(0)
    net = Net()
    x = np.concatenate([stripes(rng, 200, True), stripes(rng, 200, False),
                        rng.random((200, 3, 32, 32)).astype(np.float32)])
    y = np.array([0] * 200 + [1] * 200 + [2] * 200)
    optimiser = torch.optim.Adam(net.parameters(), 1e-2)
    for _ in range(60):
        batch = rng.choice(600, 64)
        loss = nn.functional.cross_entropy(net(torch.tensor(x[batch])), torch.tensor(y[batch]))
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    net.eval()
    os.makedirs(out, exist_ok=True)
    torch.jit.script(net).save(os.path.join(out, "rgbnet.pt"))
    torch.jit.script(net.body).save(os.path.join(out, "rgb_features.pt"))
    torch.jit.script(Head(net)).save(os.path.join(out, "rgb_head.pt"))
    torch.onnx.export(net, torch.zeros(1, 3, 32, 32), os.path.join(out, "rgbnet.onnx"), input_names=["image"],
                      output_names=["logits"], dynamic_axes={"image": {0: "n"}, "logits": {0: "n"}}, opset_version=13)
    save_pngs(os.path.join(out, "class0"), stripes(rng, 30, True))
    save_pngs(os.path.join(out, "concept-vertical"), stripes(rng, 30, True))
    save_pngs(os.path.join(out, "concept-horizontal"), stripes(rng, 30, False))
    for r in range(11):
        os.makedirs(os.path.join(out, "random%d" % r), exist_ok=True)
        np.save(os.path.join(out, "random%d" % r, "set.npy"), rng.random((30, 3, 32, 32)).astype(np.float32))


if __name__ == "__main__":
    main(sys.argv[1])
