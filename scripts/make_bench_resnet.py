#!/usr/bin/env python3
"""Writes a ResNet-18-sized network with seeded random weights for the ONNX benchmarks.

Usage: /usr/bin/python3 scripts/make_bench_resnet.py OUT_DIR

Needs Debian's python3-torch and python3-onnx (torchvision is not needed: the network is written here). The network
has ResNet-18's layout: a 7x7/2 stem convolution with BatchNorm and ReLU, a 3x3/2 max-pool, BasicBlocks [2, 2, 2, 2]
with 64-128-256-512 channels (1x1 strided projections with BatchNorm where the shape changes), global average
pooling and a linear layer to 1000 classes; 11.7 million parameters. Each ReLU and each residual sum is a module of
its own, so that Captum can give them rules. Weights are He-normal (fan out, as torchvision's) and BatchNorm running
statistics are drawn at random, all from a fixed seed; the model is in eval mode. OUT_DIR receives

    resnet18.onnx  opset 13, input `input` (batch x 3 x 224 x 224, dynamic batch), output `output`
    resnet18.pt    TorchScript, traced

(about 45 MB each; not committed). `dev.glassbox.bench.OnnxResNetBenchmark OUT_DIR` times glassbox on both, and
`scripts/bench_captum.py CAPTUM_SRC --resnet` times Captum on the same network (`network()` below).
"""
import os
import sys

import torch
from torch import nn

SEED = 20261205


class Add(nn.Module):
    """The skip connection's sum as a module, so that rule-based methods can address it (it exports as one Add)."""

    def forward(self, a, b):
        return a + b


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.relu1 = nn.ReLU()
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.downsample = None
        if stride != 1 or cin != cout:
            self.downsample = nn.Sequential(nn.Conv2d(cin, cout, 1, stride=stride, bias=False), nn.BatchNorm2d(cout))
        self.add = Add()
        self.relu2 = nn.ReLU()

    def forward(self, x):
        y = self.bn2(self.conv2(self.relu1(self.bn1(self.conv1(x)))))
        return self.relu2(self.add(y, x if self.downsample is None else self.downsample(x)))


class ResNet18(nn.Module):
    def __init__(self, classes=1000):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 64, 7, stride=2, padding=3, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        self.relu = nn.ReLU()
        self.maxpool = nn.MaxPool2d(3, stride=2, padding=1)
        channels, layers = 64, []
        for n, width in enumerate([64, 128, 256, 512]):
            stride = 1 if n == 0 else 2
            layers.append(nn.Sequential(BasicBlock(channels, width, stride), BasicBlock(width, width, 1)))
            channels = width
        self.layer1, self.layer2, self.layer3, self.layer4 = layers
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(512, classes)

    def forward(self, x):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        return self.fc(self.flatten(self.avgpool(x)))


def network(seed=SEED):
    """The benchmark network: seeded He-normal weights, random BatchNorm statistics, eval mode."""
    torch.manual_seed(seed)
    model = ResNet18()
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
        elif isinstance(m, nn.BatchNorm2d):
            c = m.num_features
            m.weight.data = 0.5 + 0.5 * torch.rand(c)
            m.bias.data = 0.1 * torch.randn(c)
            m.running_mean.data = 0.1 * torch.randn(c)
            m.running_var.data = 0.5 + torch.rand(c)
    return model.eval()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    model = network()
    x = torch.rand(2, 3, 224, 224)
    with torch.no_grad():
        traced = torch.jit.trace(model, x)
        torch.jit.save(traced, os.path.join(out, "resnet18.pt"))
        torch.onnx.export(model, x, os.path.join(out, "resnet18.onnx"), input_names=["input"],
                          output_names=["output"], opset_version=13, training=torch.onnx.TrainingMode.EVAL,
                          do_constant_folding=True, dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
        scores = model(x)
    parameters = sum(p.numel() for p in model.parameters())
    print(f"wrote resnet18.onnx and resnet18.pt to {out}: {parameters / 1e6:.1f}M parameters, "
          f"scores of 2 random images {tuple(scores.shape)}, arg-max {scores.argmax(dim=1).tolist()}")


if __name__ == "__main__":
    main()
