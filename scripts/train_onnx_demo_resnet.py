#!/usr/bin/env python3
"""Trains the demo's small residual network on Fashion-MNIST and exports it as ONNX, for glassbox's ONNX import.

Needs Debian's python3-torch, python3-onnx and dataset-fashion-mnist (gzip IDX files):
    /usr/bin/python3 scripts/train_onnx_demo_resnet.py [FASHION_MNIST_DIR]
Writes fashion-resnet.onnx (dynamic batch, input `input` N x 1 x 28 x 28 with pixels / 255, output `output`: 10 logits)
and README.md into glassbox-cli/src/main/resources/dev/glassbox/cli/demo/onnx-resnet/, and refreshes the demo's
files.txt. CPU only, one thread, fixed seeds; about five minutes. Fashion-MNIST is © Zalando SE, MIT licence.
"""
import gzip
import os
import struct
import sys
import time

import numpy as np
import onnx
import torch
from torch import nn
from torch.onnx import TrainingMode

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEMO = os.path.join(ROOT, "glassbox-cli/src/main/resources/dev/glassbox/cli/demo")
OUT = os.path.join(DEMO, "onnx-resnet")
CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
SEED = 20261205
EPOCHS = 3


class BasicBlock(nn.Module):
    """conv3x3-BN-ReLU-conv3x3-BN, plus the block input (or its 1x1 strided projection with BN), then ReLU.
    Every ReLU is its own module, so that each block's output is a named node in the exported graph."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.relu1 = nn.ReLU()
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = None
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride=stride, bias=False), nn.BatchNorm2d(cout))
        self.relu2 = nn.ReLU()

    def forward(self, x):
        y = self.bn2(self.conv2(self.relu1(self.bn1(self.conv1(x)))))
        skip = x if self.shortcut is None else self.shortcut(x)
        return self.relu2(y + skip)


class FashionResNet(nn.Module):
    """stem (conv 1->12 + BN + ReLU, 28x28), layer1 (12->12, 28x28), layer2 (12->24, stride 2, 14x14), layer3
    (24->32, stride 2, 7x7), global average pooling, fc (32 -> 10)."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 12, 3, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(12)
        self.relu = nn.ReLU()
        self.layer1 = BasicBlock(12, 12, 1)
        self.layer2 = BasicBlock(12, 24, 2)
        self.layer3 = BasicBlock(24, 32, 2)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(32, 10)

    def forward(self, x):
        x = self.layer3(self.layer2(self.layer1(self.relu(self.bn(self.conv(x))))))
        return self.fc(torch.flatten(self.pool(x), 1))


def read_idx(path):
    with gzip.open(path) as f:
        magic = struct.unpack(">I", f.read(4))[0]
        dims = struct.unpack(">" + "I" * (magic & 0xFF), f.read(4 * (magic & 0xFF)))
        return np.frombuffer(f.read(), dtype=np.uint8).reshape(dims)


def load(data, part):
    images = read_idx(os.path.join(data, f"{part}-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(data, f"{part}-labels-idx1-ubyte.gz"))
    return torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1), torch.from_numpy(labels.astype(np.int64))


def accuracy(net, images, labels):
    net.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, len(images), 1000):
            correct += int((net(images[i:i + 1000]).argmax(1) == labels[i:i + 1000]).sum())
    return correct / len(images)


def main(data):
    # One thread: on two shared cores, two threads ran 6x slower than one (spin-waiting while others compile).
    torch.set_num_threads(1)
    torch.manual_seed(SEED)
    train_x, train_y = load(data, "train")
    test_x, test_y = load(data, "t10k")
    net = FashionResNet()
    params = sum(p.numel() for p in net.parameters())
    optimiser = torch.optim.Adam(net.parameters(), lr=3e-3)
    batches = (len(train_x) + 127) // 128
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=3e-3, total_steps=EPOCHS * batches)
    loss_fn = nn.CrossEntropyLoss()
    start = time.time()
    for epoch in range(EPOCHS):
        net.train()
        order = torch.randperm(len(train_x))
        total = 0.0
        for b in range(batches):
            idx = order[b * 128:(b + 1) * 128]
            optimiser.zero_grad()
            loss = loss_fn(net(train_x[idx]), train_y[idx])
            loss.backward()
            optimiser.step()
            schedule.step()
            total += float(loss) * len(idx)
        print(f"epoch {epoch + 1}: loss {total / len(train_x):.4f}, {time.time() - start:.0f} s", flush=True)
    seconds = time.time() - start
    net.eval()
    test_accuracy = accuracy(net, test_x, test_y)
    print(f"{params} parameters, test accuracy {test_accuracy:.4f} on {len(test_x)} images, {seconds:.0f} s")

    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "fashion-resnet.onnx")
    torch.onnx.export(net, test_x[:2], path, input_names=["input"], output_names=["output"], opset_version=13,
                      training=TrainingMode.EVAL, do_constant_folding=True,
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    graph = onnx.load(path).graph
    relus = [n.name for n in graph.node if n.op_type == "Relu"]
    for name in ["/layer2/relu2/Relu", "/layer3/relu2/Relu"]:
        assert name in relus, (name, relus)
    ops = sorted({n.op_type for n in graph.node})
    size = os.path.getsize(path)
    print(f"fashion-resnet.onnx: {size} bytes, ops {ops}")
    with open(os.path.join(OUT, "README.md"), "w") as f:
        f.write(README.format(params=params, accuracy=test_accuracy * 100, seconds=seconds, size=size, seed=SEED,
                              epochs=EPOCHS, ops=", ".join(ops), classes=", ".join(CLASSES)))
    with open(os.path.join(DEMO, "files.txt"), "w") as f:
        names = sorted(os.path.relpath(os.path.join(d, n), DEMO) for d, _, files in os.walk(DEMO) for n in files
                       if n != "files.txt")
        f.write("".join(n + "\n" for n in names))


README = """# fashion-resnet.onnx: a small residual network for the ONNX demo

A ResNet-style classifier for Fashion-MNIST, trained in PyTorch and exported as ONNX (opset 13, eval mode, constant
folding, so every BatchNorm is folded into the convolution before it).

- Input `input`: float32, N x 1 x 28 x 28, pixels / 255 (no mean or standard-deviation normalisation); the batch
  dimension is dynamic.
- Output `output`: N x 10 logits, classes in Fashion-MNIST's order:
  {classes}.
- Layout: stem (3x3 conv 1->12, BN, ReLU), layer1 (basic block 12->12, 28x28, identity skip), layer2 (12->24,
  stride 2, 1x1 strided projection shortcut, 14x14), layer3 (24->32, stride 2, projection, 7x7), global average
  pooling, fully connected 32->10. {params} parameters, {size} bytes.
- ONNX operators: {ops}.
- Test accuracy: **{accuracy:.2f}%** on all 10,000 Fashion-MNIST test images, after {epochs} epochs (Adam, one-cycle
  learning rate up to 3e-3, batch 128, seed {seed}) on one CPU thread in {seconds:.0f} s (two shared cores).

Inner nodes worth showing (each block's output, after its skip Add):

- `/layer2/relu2/Relu` (output tensor `/layer2/relu2/Relu_output_0`, 24 x 14 x 14)
- `/layer3/relu2/Relu` (output tensor `/layer3/relu2/Relu_output_0`, 32 x 7 x 7), the usual Grad-CAM layer.

Rebuild (needs Debian's python3-torch, python3-onnx and dataset-fashion-mnist):

    /usr/bin/python3 scripts/train_onnx_demo_resnet.py /usr/share/datasets/fashion-mnist

Fashion-MNIST is © Zalando SE, released under the MIT licence (https://github.com/zalandoresearch/fashion-mnist).
"""

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist")
