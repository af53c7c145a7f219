#!/usr/bin/env python3
"""A zoo of small ONNX models with PyTorch's and Captum 0.8's reference numbers, for glassbox's ONNX import tests.

Needs Debian's python3-torch, python3-onnx and python3-tqdm; Captum 0.8 is read from its public repository (not
installed, not committed) when its source folder (the one holding the `captum` package) is given:
    /usr/bin/python3 scripts/make_onnx_zoo.py glassbox-djl/src/test/resources/fixtures/onnx [CAPTUM_SRC]
For each model NAME it writes NAME.onnx (input `input`, output `output`, dynamic batch, eval mode, constant folding)
and NAME.json: the input shape and type, a batch of 3 inputs, PyTorch's logits, the target (arg-max) per row, the
input gradient of the sum of the rows' target logits (float inputs), inner ONNX nodes with their output tensor, the
activation there and the gradient of the target logits with respect to it, and Captum's attributions for the same
batch and targets. Every list of numbers is flat, in row-major order; float32 values are written in their shortest
round-trip form. The outputs are committed, so the Java build and CI never need Python.
"""
import copy
import json
import os
import sys
import traceback

import numpy as np
import onnx
import torch
from torch import nn
from torch.onnx import TrainingMode

SEED = 20261205
BATCH = 3


# ---------------------------------------------------------------------------------------------------------- models

class Mlp(nn.Module):
    """Tabular: 10 features -> 16 -> 16 -> 3 classes, ReLU."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(10, 16)
        self.relu1 = nn.ReLU()
        self.fc2 = nn.Linear(16, 16)
        self.relu2 = nn.ReLU()
        self.fc3 = nn.Linear(16, 3)

    def forward(self, x):
        return self.fc3(self.relu2(self.fc2(self.relu1(self.fc1(x)))))


class Cnn(nn.Module):
    """1x16x16: conv(1->4)-ReLU-maxpool, conv(4->8)-ReLU-maxpool, nn.Flatten, linear(128 -> 5)."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, padding=1)
        self.relu1 = nn.ReLU()
        self.pool1 = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(4, 8, 3, padding=1)
        self.relu2 = nn.ReLU()
        self.pool2 = nn.MaxPool2d(2)
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(8 * 4 * 4, 5)

    def forward(self, x):
        x = self.pool1(self.relu1(self.conv1(x)))
        return self.fc(self.flatten(self.pool2(self.relu2(self.conv2(x)))))


class Add(nn.Module):
    """The skip connection's sum as a module of its own, so that LRP can give it a rule (it exports as one Add)."""

    def forward(self, a, b):
        return a + b


class BasicBlock(nn.Module):
    """conv3x3-BN-ReLU-conv3x3-BN, plus the input (or its 1x1 strided projection with BN), then ReLU; each ReLU its
    own module."""

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
        self.add = Add()
        self.relu2 = nn.ReLU()

    def forward(self, x):
        y = self.bn2(self.conv2(self.relu1(self.bn1(self.conv1(x)))))
        return self.relu2(self.add(y, x if self.shortcut is None else self.shortcut(x)))


class ResNet(nn.Module):
    """1x16x16: stem conv(1->8)+BN+ReLU, layer1 (8->8, identity skip), layer2 (8->16, stride 2, 1x1 projection),
    global average pooling, linear(16 -> 4). No max-pool."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 8, 3, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(8)
        self.relu = nn.ReLU()
        self.layer1 = BasicBlock(8, 8, 1)
        self.layer2 = BasicBlock(8, 16, 2)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(16, 4)

    def forward(self, x):
        x = self.layer2(self.layer1(self.relu(self.bn(self.conv(x)))))
        return self.fc(torch.flatten(self.pool(x), 1))


class SqueezeExcite(nn.Module):
    def __init__(self, c, r):
        super().__init__()
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.reduce = nn.Conv2d(c, r, 1)
        self.relu = nn.ReLU()
        self.expand = nn.Conv2d(r, c, 1)
        self.gate = nn.Hardsigmoid()

    def forward(self, x):
        return x * self.gate(self.expand(self.relu(self.reduce(self.pool(x)))))


class MobileNet(nn.Module):
    """3x16x16: stem conv(3->8)+BN+ReLU6; depthwise 3x3 stride 2 (groups 8)+BN+ReLU6, pointwise 8->16+BN+Hardswish,
    squeeze-excite (16->4->16, Hardsigmoid gate); depthwise 3x3 (groups 16)+BN+Hardswish, pointwise 16->16+BN+
    Hardswish; global average pooling, linear(16 -> 5)."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 8, 3, padding=1, bias=False)
        self.stem_bn = nn.BatchNorm2d(8)
        self.stem_act = nn.ReLU6()
        self.dw1 = nn.Conv2d(8, 8, 3, stride=2, padding=1, groups=8, bias=False)
        self.dw1_bn = nn.BatchNorm2d(8)
        self.dw1_act = nn.ReLU6()
        self.pw1 = nn.Conv2d(8, 16, 1, bias=False)
        self.pw1_bn = nn.BatchNorm2d(16)
        self.pw1_act = nn.Hardswish()
        self.se = SqueezeExcite(16, 4)
        self.dw2 = nn.Conv2d(16, 16, 3, padding=1, groups=16, bias=False)
        self.dw2_bn = nn.BatchNorm2d(16)
        self.dw2_act = nn.Hardswish()
        self.pw2 = nn.Conv2d(16, 16, 1, bias=False)
        self.pw2_bn = nn.BatchNorm2d(16)
        self.pw2_act = nn.Hardswish()
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(16, 5)
        # He-normal weights (fan in): with PyTorch's default initialisation the signal fades through the depthwise,
        # pointwise and squeeze-excite layers and every input gets the same arg-max class.
        for m in self.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                nn.init.kaiming_normal_(m.weight, nonlinearity="relu")

    def forward(self, x):
        x = self.stem_act(self.stem_bn(self.stem(x)))
        x = self.dw1_act(self.dw1_bn(self.dw1(x)))
        x = self.se(self.pw1_act(self.pw1_bn(self.pw1(x))))
        x = self.dw2_act(self.dw2_bn(self.dw2(x)))
        x = self.pw2_act(self.pw2_bn(self.pw2(x)))
        return self.fc(torch.flatten(self.pool(x), 1))


class TextCnn(nn.Module):
    """int64 token ids (length 20) -> Embedding(50, 8) -> Conv1d(8 -> 6, width 3) -> ReLU -> max over time ->
    linear(6 -> 2)."""

    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(50, 8)
        self.conv = nn.Conv1d(8, 6, 3)
        self.relu = nn.ReLU()
        self.fc = nn.Linear(6, 2)

    def forward(self, tokens):
        x = self.relu(self.conv(self.embedding(tokens).transpose(1, 2)))
        return self.fc(x.max(dim=2).values)


class Embed(nn.Module):
    def __init__(self, vocab, length, d):
        super().__init__()
        self.tokens = nn.Embedding(vocab, d)
        self.position = nn.Parameter(0.1 * torch.randn(length, d))

    def forward(self, tokens):
        return self.tokens(tokens) + self.position


class SelfAttention(nn.Module):
    """Multi-head self-attention written out: Linear q, k, v; (q k^T) / sqrt(d_head); Softmax; times v; Linear."""

    def __init__(self, length, d, heads):
        super().__init__()
        self.length, self.heads, self.dh = length, heads, d // heads
        self.q = nn.Linear(d, d)
        self.k = nn.Linear(d, d)
        self.v = nn.Linear(d, d)
        self.out = nn.Linear(d, d)
        self.softmax = nn.Softmax(dim=-1)

    def split(self, x):  # (B, T, d) -> (B, heads, T, dh); the batch stays dynamic
        return x.reshape(-1, self.length, self.heads, self.dh).transpose(1, 2)

    def forward(self, x):
        q, k, v = self.split(self.q(x)), self.split(self.k(x)), self.split(self.v(x))
        weights = self.softmax(torch.matmul(q, k.transpose(2, 3)) / float(np.sqrt(self.dh)))
        y = torch.matmul(weights, v).transpose(1, 2).reshape(-1, self.length, self.heads * self.dh)
        return self.out(y)


class FeedForward(nn.Module):
    def __init__(self, d, hidden):
        super().__init__()
        self.fc1 = nn.Linear(d, hidden)
        self.act = nn.GELU()  # exact, erf
        self.fc2 = nn.Linear(hidden, d)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


class EncoderLayer(nn.Module):
    """Pre-norm: x + attention(LayerNorm(x)), then x + MLP(LayerNorm(x))."""

    def __init__(self, length, d, heads, hidden):
        super().__init__()
        self.norm1 = nn.LayerNorm(d)
        self.attn = SelfAttention(length, d, heads)
        self.norm2 = nn.LayerNorm(d)
        self.mlp = FeedForward(d, hidden)

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class Transformer(nn.Module):
    """int64 token ids (length 12, vocabulary 30) -> token + position embedding (d 16) -> two pre-norm encoder layers
    (2 heads, MLP 32, GELU) -> LayerNorm -> mean over tokens -> linear(16 -> 3)."""

    def __init__(self, vocab=30, length=12, d=16, heads=2, hidden=32, classes=3):
        super().__init__()
        self.embed = Embed(vocab, length, d)
        self.blocks = nn.ModuleList([EncoderLayer(length, d, heads, hidden) for _ in range(2)])
        self.norm = nn.LayerNorm(d)
        self.fc = nn.Linear(d, classes)

    def forward(self, tokens):
        x = self.embed(tokens)
        for block in self.blocks:
            x = block(x)
        return self.fc(self.norm(x).mean(dim=1))


class SeqCnn(nn.Module):
    """For LRP: 1x16x16, conv(1->4)-ReLU-maxpool-conv(4->8)-ReLU-maxpool, torch.flatten in forward (Captum's LRP fails
    on nn.Flatten), linear(128 -> 16)-ReLU-linear(16 -> 4)."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, padding=1)
        self.relu1 = nn.ReLU()
        self.pool1 = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(4, 8, 3, padding=1)
        self.relu2 = nn.ReLU()
        self.pool2 = nn.MaxPool2d(2)
        self.fc1 = nn.Linear(8 * 4 * 4, 16)
        self.relu3 = nn.ReLU()
        self.fc2 = nn.Linear(16, 4)

    def forward(self, x):
        x = self.pool2(self.relu2(self.conv2(self.pool1(self.relu1(self.conv1(x))))))
        return self.fc2(self.relu3(self.fc1(torch.flatten(x, 1))))


def randomise_norms(model):
    """Non-trivial BatchNorm statistics and BatchNorm/LayerNorm affine parameters, so that eval mode is not the
    identity (and the exporter does not merge the equal default LayerNorm weights into one initializer)."""
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.running_mean.uniform_(-0.2, 0.2)
                m.running_var.uniform_(0.5, 1.5)
            if isinstance(m, (nn.BatchNorm2d, nn.LayerNorm)):
                m.weight.uniform_(0.7, 1.3)
                m.bias.uniform_(-0.1, 0.1)
    return model


def build(index, make, make_input):
    """The model and batch of the first seed (from SEED + 100 * index on) whose rows do not all share one arg-max
    class, so that per-row targets are exercised."""
    for seed in range(SEED + 100 * index, SEED + 100 * index + 100):
        torch.manual_seed(seed)
        model = randomise_norms(make()).eval()
        x = make_input()
        with torch.no_grad():
            if len(set(model(x).argmax(dim=1).tolist())) > 1:
                return seed, model, x
    raise RuntimeError("no seed gives two different targets")


# Per model: constructor, per-example input shape, input maker, opset, inner modules (first = Grad-CAM layer).
MODELS = {
    "mlp": (Mlp, [10], lambda: torch.randn(BATCH, 10), 13, ["relu2"]),
    "cnn": (Cnn, [1, 16, 16], lambda: torch.rand(BATCH, 1, 16, 16), 13, ["relu2"]),
    "resnet": (ResNet, [1, 16, 16], lambda: torch.rand(BATCH, 1, 16, 16), 13, ["layer2.relu2"]),
    "mobilenet": (MobileNet, [3, 16, 16], lambda: torch.randn(BATCH, 3, 16, 16) + torch.randn(BATCH, 3, 1, 1), 13, ["pw2_act", "se.gate"]),
    "textcnn": (TextCnn, [20], lambda: torch.randint(0, 50, (BATCH, 20)), 13, ["embedding", "relu"]),
    "transformer": (Transformer, [12], lambda: torch.randint(0, 30, (BATCH, 12)), 17,
                    ["embed", "blocks.1.mlp.act", "blocks.0.attn.softmax"]),
    "seqcnn": (SeqCnn, [1, 16, 16], lambda: torch.rand(BATCH, 1, 16, 16), 13, ["relu2"]),
}


# ---------------------------------------------------------------------------------------------------------- helpers

def flat(t):
    """float32 values in their shortest round-trip decimal form."""
    a = t.detach().cpu().reshape(-1).numpy()
    if a.dtype.kind in "iu":
        return [int(v) for v in a]
    return [float(str(v)) for v in a.astype(np.float32)]


def module(model, path):
    m = model
    for part in path.split("."):
        m = getattr(m, part)
    return m


def export(model, x, path, opset):
    torch.onnx.export(model, x, path, input_names=["input"], output_names=["output"], opset_version=opset,
                      training=TrainingMode.EVAL, do_constant_folding=True,
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    return onnx.load(path)


def onnx_node(graph, path):
    """The ONNX node that gives a module's output: the last node in the module's name scope (`/layer2/relu2/Relu`
    for `layer2.relu2`; torch keeps ModuleList indices as `blocks.1`)."""
    scopes = ["/" + "/".join(path.split(".")) + "/"]
    parts, merged = path.split("."), []
    for p in parts:  # a ModuleList index joins its parent with a dot
        if p.isdigit() and merged:
            merged[-1] += "." + p
        else:
            merged.append(p)
    scopes.append("/" + "/".join(merged) + "/")
    for scope in scopes:
        nodes = [n for n in graph.node if n.name.startswith(scope)]
        if nodes:
            return nodes[-1]
    raise KeyError(f"no ONNX node under {scopes}: {[n.name for n in graph.node]}")


def target_sum(logits, targets):
    return logits.gather(1, targets.reshape(-1, 1)).sum()


def inner_references(model, x, targets, graph, paths):
    """For each module path: the ONNX node and tensor, the activation and the gradient of the target logits there."""
    captured = {}
    handles = []
    for path in paths:
        def hook(_, __, out, path=path):
            out.retain_grad()
            captured[path] = out
        handles.append(module(model, path).register_forward_hook(hook))
    try:
        target_sum(model(x), targets).backward()
    finally:
        for h in handles:
            h.remove()
    inner = []
    for path in paths:
        node = onnx_node(graph, path)
        a = captured[path]
        inner.append({"module": path, "node": node.name, "opType": node.op_type, "tensor": node.output[0],
                      "shape": list(a.shape[1:]), "activation": flat(a), "gradient": flat(a.grad)})
    return inner


def input_gradient(model, x, targets):
    x = x.clone().requires_grad_(True)
    target_sum(model(x), targets).backward()
    return x.grad


# ---------------------------------------------------------------------------------------------------------- Captum

def lrp_epsilon(model, x, targets, steps, eps=1e-9, modified=None):
    """LRP-epsilon written out from the rule (not Captum's code), to check the arithmetic that the report states:
    at a linear map z = W a + b (bias in z), s = R / (z + eps * sign(z)) with sign(0) = 1, R_a = a * (W^T s);
    ReLU and flatten pass relevance unchanged; max-pool is the same rule with z = max (so the winner takes R);
    the output relevance is the target logit at the target, zero elsewhere. `steps` is the forward, as a list of
    (kind, module or None). `modified` maps a module to the one whose z and W^T s are used in its relevance step
    (gamma: W + gamma W+, alpha1-beta0: W+, bias kept), while the forward keeps the original activations."""
    modified = modified or {}
    activations, a = [], x
    for kind, m in steps:
        activations.append(a)
        a = m(a) if kind != "flatten" else torch.flatten(a, 1)
    relevance = torch.zeros_like(a)
    relevance[torch.arange(len(x)), targets] = a[torch.arange(len(x)), targets]
    for (kind, m), a in reversed(list(zip(steps, activations))):
        if kind == "relu":  # relevance passes unchanged (it is already zero where the ReLU output is)
            continue
        if kind == "flatten":
            relevance = relevance.reshape(a.shape)
            continue
        a = a.detach().requires_grad_(True)
        z = modified.get(m, m)(a)
        sign = torch.sign(z.detach())
        sign[sign == 0] = 1
        s = (relevance / (z.detach() + eps * sign)).detach()
        (c,) = torch.autograd.grad((z * s).sum(), a)
        relevance = (a * c).detach()
    return relevance


def with_weights(m, transform):
    m = copy.deepcopy(m)
    with torch.no_grad():
        m.weight.copy_(transform(m.weight))
    return m


def epsilon_step(m, inputs, relevance, eps=1e-9):
    """One LRP-epsilon step through m(*inputs) = z: s = R / (z + eps * sign(z)), sign(0) = 1; R_i = a_i * (J_i^T s)."""
    inputs = [a.detach().requires_grad_(True) for a in inputs]
    z = m(*inputs)
    sign = torch.sign(z.detach())
    sign[sign == 0] = 1
    s = (relevance / (z.detach() + eps * sign)).detach()
    grads = torch.autograd.grad((z * s).sum(), inputs)
    return [(a * c).detach() for a, c in zip(inputs, grads)]


def lrp_epsilon_resnet(model, x, targets, fused=False):
    """LRP-epsilon through the resnet, written out: BatchNorm, the skip Add and the average pool are epsilon steps of
    their own; ReLUs pass relevance; a tensor read by two layers (the block input) sums the relevance of both. With
    fused=True each convolution and its BatchNorm are one epsilon step, as in the exported graph (BatchNorm folded)."""
    def conv_bn(conv, bn, a, r):
        if fused:
            return epsilon_step(lambda t: bn(conv(t)), [a], r)[0]
        with torch.no_grad():
            u = conv(a)
        (r,) = epsilon_step(bn, [u], r)
        return epsilon_step(conv, [a], r)[0]

    def block_forward(b, a):
        u1 = b.conv1(a)
        u2 = b.bn1(u1)
        u3 = b.relu1(u2)
        u4 = b.conv2(u3)
        u5 = b.bn2(u4)
        v1 = b.shortcut[0](a) if b.shortcut is not None else None
        sc = b.shortcut[1](v1) if b.shortcut is not None else a
        return [a, u1, u2, u3, u4, u5, v1, sc], b.relu2(b.add(u5, sc))

    def block_backward(b, saved, r):
        a, u1, u2, u3, u4, u5, v1, sc = saved
        r_u5, r_sc = epsilon_step(b.add, [u5, sc], r)
        r = conv_bn(b.conv2, b.bn2, u3, r_u5)
        r_a = conv_bn(b.conv1, b.bn1, a, r)
        if b.shortcut is not None:
            r_sc = conv_bn(b.shortcut[0], b.shortcut[1], a, r_sc)
        return r_a + r_sc

    with torch.no_grad():
        z1 = model.conv(x)
        z2 = model.bn(z1)
        h = model.relu(z2)
        saved1, h1 = block_forward(model.layer1, h)
        saved2, h2 = block_forward(model.layer2, h1)
        p = model.pool(h2)
        y = model.fc(torch.flatten(p, 1))
    rows = torch.arange(len(x))
    r = torch.zeros_like(y)
    r[rows, targets] = y[rows, targets]
    (r,) = epsilon_step(model.fc, [torch.flatten(p, 1)], r)
    (r,) = epsilon_step(model.pool, [h2], r.reshape(p.shape))
    r = block_backward(model.layer2, saved2, r)
    r = block_backward(model.layer1, saved1, r)
    return conv_bn(model.conv, model.bn, x, r)


def captum_references(name, model, x, targets, inner_path, captum):
    with torch.no_grad():
        logits = model(x)
    """Captum 0.8's attributions on the batch, for the rows' targets. A method that fails is recorded as its error."""
    from captum.attr import (Deconvolution, DeepLift, GuidedBackprop, GuidedGradCam, InputXGradient,
                             IntegratedGradients, LayerAttribution, LayerGradCam, LRP, Saliency)
    from captum.attr._utils.lrp_rules import Alpha1_Beta0_Rule, EpsilonRule, GammaRule
    t = targets.tolist()
    zero = torch.zeros_like(x)
    layer = module(model, inner_path)
    image = x.dim() == 4
    out, notes = {"captum": "0.8.0", "gradCamLayer": inner_path}, {}

    def run(key, fn):
        try:
            value = fn()
            if isinstance(value, tuple):
                out[key] = flat(value[0])
                out[key + "Delta"] = [float(d) for d in value[1].reshape(-1)]
            else:
                out[key] = flat(value)
        except Exception as e:  # noqa: BLE001  recorded, not hidden
            notes[key] = f"{type(e).__name__}: {e}".strip()[:300]
            print(f"  {name} {key}: {notes[key]}")

    run("deepLift", lambda: DeepLift(model).attribute(x, baselines=zero, target=t, return_convergence_delta=True))
    run("guidedBackprop", lambda: GuidedBackprop(model).attribute(x, target=t))
    run("integratedGradients", lambda: IntegratedGradients(model).attribute(
        x, baselines=zero, target=t, n_steps=50, method="gausslegendre", return_convergence_delta=True))
    run("gradCam", lambda: LayerGradCam(model, layer).attribute(x, target=t, relu_attributions=False))
    if image:
        cam = LayerGradCam(model, layer).attribute(x, target=t, relu_attributions=False)
        run("gradCamBilinear", lambda: LayerAttribution.interpolate(cam, tuple(x.shape[2:]),
                                                                    interpolate_mode="bilinear"))
        run("guidedGradCam", lambda: GuidedGradCam(model, layer).attribute(x, target=t))
    run("deconvolution", lambda: Deconvolution(model).attribute(x, target=t))
    run("inputXGradient", lambda: InputXGradient(model).attribute(x, target=t))
    run("saliency", lambda: Saliency(model).attribute(x, target=t, abs=True))
    if name == "seqcnn":
        run("lrp", lambda: LRP(model).attribute(x, target=t, return_convergence_delta=True))
        steps = [("linear", model.conv1), ("relu", torch.relu), ("linear", model.pool1), ("linear", model.conv2),
                 ("relu", torch.relu), ("linear", model.pool2), ("flatten", None), ("linear", model.fc1), ("relu", torch.relu),
                 ("linear", model.fc2)]
        if "lrp" in out:
            mine = lrp_epsilon(model, x, targets, steps)
            diff = float((mine.reshape(-1) - torch.tensor(out["lrp"])).abs().max())
            out["lrpWrittenOutMaxAbsDifference"] = diff
            print(f"  seqcnn: LRP-epsilon written out from the rule vs Captum, max |diff| {diff:.3g}")
        # Gamma (0.25) on both convolutions, alpha1-beta0 on both convolutions and fc1; epsilon elsewhere.
        for key, rule, layers, transform in [
                ("lrpGamma", lambda: GammaRule(gamma=0.25), [model.conv1, model.conv2], lambda w: w + 0.25 * w.clamp(min=0)),
                ("lrpAlpha1Beta0", Alpha1_Beta0_Rule, [model.conv1, model.conv2, model.fc1], lambda w: w.clamp(min=0))]:
            for layer in layers:
                layer.rule = rule()
            run(key, lambda: LRP(model).attribute(x, target=t, return_convergence_delta=True))
            if key in out:
                mine = lrp_epsilon(model, x, targets, steps, modified={m: with_weights(m, transform) for m in layers})
                diff = float((mine.reshape(-1) - torch.tensor(out[key])).abs().max())
                out[key + "WrittenOutMaxAbsDifference"] = diff
                print(f"  seqcnn: {key} written out from the rule vs Captum, max |diff| {diff:.3g}")
    if name == "resnet":
        # Captum has no default rule for a user module: the skip Add needs an explicit epsilon rule (BatchNorm2d
        # and AdaptiveAvgPool2d have default epsilon rules).
        run("lrpWithoutAddRule", lambda: LRP(model).attribute(x, target=t))
        for m in model.modules():  # the refused call leaves its rules behind
            for attr in ("rule", "activations"):
                if hasattr(m, attr):
                    delattr(m, attr)
        for block in (model.layer1, model.layer2):
            block.add.rule = EpsilonRule()
        run("lrp", lambda: LRP(model).attribute(x, target=t, return_convergence_delta=True))
        if "lrp" in out:
            mine = lrp_epsilon_resnet(model, x, targets)
            diff = float((mine.reshape(-1) - torch.tensor(out["lrp"])).abs().max())
            out["lrpWrittenOutMaxAbsDifference"] = diff
            print(f"  resnet: LRP-epsilon written out from the rule vs Captum, max |diff| {diff:.3g}")
            fused = lrp_epsilon_resnet(model, x, targets, fused=True)
            diff = float((fused.reshape(-1) - torch.tensor(out["lrp"])).abs().max())
            out["lrpFusedBatchNormMaxAbsDifference"] = diff
            print(f"  resnet: the same with each BatchNorm folded into its convolution vs Captum, max |diff| {diff:.3g}")
    with torch.no_grad():  # Captum put every weight back
        assert torch.equal(model(x).argmax(1), targets) and float((model(x) - logits).abs().max()) == 0.0
    if notes:
        out["errors"] = notes
    out["notes"] = {
        "deepLift": "zero baseline; Captum's convergence delta (target logit at x minus at the baseline, minus the "
                    "sum of attributions) per row. Captum 0.8's DeepLift does not keep summation-to-delta through "
                    "max-pools, and modules without a DeepLift rule (ReLU6, Hardswish, Hardsigmoid, the "
                    "squeeze-excite product) pass plain gradients.",
        "integratedGradients": "zero baseline, 50 Gauss-Legendre steps; delta as Captum returns it",
        "gradCam": "LayerGradCam at gradCamLayer, relu_attributions=False: sum over channels of the spatial mean "
                   "of the gradient times the activation (for a 2-D layer: sum of gradient times activation)",
        "gradCamBilinear": "the raw map through LayerAttribution.interpolate(..., interpolate_mode='bilinear') "
                           "(torch interpolate, align_corners=False)",
        "guidedGradCam": "Captum defaults: Grad-CAM with ReLU, nearest-neighbour upsampling, times guided "
                         "backprop (which overrides nn.ReLU modules only)",
        "saliency": "abs=True",
        "lrpGamma": "seqcnn: GammaRule(gamma=0.25) on conv1 and conv2 (weights W + 0.25 W+, bias unchanged), "
                    "default epsilon rules elsewhere",
        "lrpAlpha1Beta0": "seqcnn: Alpha1_Beta0_Rule() on conv1, conv2 and fc1 (weights W+, bias unchanged), "
                          "default epsilon rules elsewhere",
        "lrp": "Captum's default rules (epsilon 1e-9 on conv, linear, max-pool, average-pool, BatchNorm; ReLU "
               "passes relevance); attributions already multiplied by the target logit; delta = target logit "
               "minus the sum of attributions",
    }
    if name == "resnet":
        out["notes"]["lrp"] += (". The skip Add, a module of its own, has an explicit EpsilonRule(): Captum has no "
                                "default rule for it and refuses the model otherwise (errors.lrpWithoutAddRule); the "
                                "Add's two inputs get a_i * s, and the block input, read by conv1 and the skip, sums "
                                "both relevances. lrpFusedBatchNormMaxAbsDifference: the same rule with each "
                                "BatchNorm folded into its convolution (as in the ONNX graph) against Captum.")
    return out


# ---------------------------------------------------------------------------------------------------------- main

def main(out_dir, captum_src=None):
    torch.set_num_threads(1)  # the cores are shared
    captum = None
    if captum_src:
        sys.path.insert(0, captum_src)
        import captum  # noqa: F401
    os.makedirs(out_dir, exist_ok=True)
    total = 0
    for index, (name, (make, shape, make_input, opset, inner_paths)) in enumerate(MODELS.items()):
        seed, model, x = build(index, make, make_input)
        path = os.path.join(out_dir, name + ".onnx")
        graph = export(model, x, path, opset).graph
        with torch.no_grad():
            logits = model(x)
        targets = logits.argmax(dim=1)
        floating = x.dtype.is_floating_point
        reference = {
            "name": name, "seed": seed, "opset": opset, "inputName": "input", "outputName": "output",
            "inputType": "float32" if floating else "int64", "inputShape": shape, "batch": BATCH,
            "input": flat(x), "logits": flat(logits), "classes": logits.shape[1], "target": targets.tolist(),
            "onnxOps": sorted({n.op_type for n in graph.node}),
        }
        if floating:
            reference["inputGradient"] = flat(input_gradient(model, x, targets))
        reference["inner"] = inner_references(model, x, targets, graph, inner_paths)
        if captum is not None and floating:
            reference["captum"] = captum_references(name, model, x, targets, inner_paths[0], captum)
        with open(os.path.join(out_dir, name + ".json"), "w") as f:
            json.dump(reference, f, separators=(",", ":"))
        sizes = [os.path.getsize(os.path.join(out_dir, name + ext)) for ext in (".onnx", ".json")]
        total += sum(sizes)
        print(f"{name}: opset {opset}, {name}.onnx {sizes[0]} bytes, {name}.json {sizes[1]} bytes; inner "
              + ", ".join(f"{i['node']} -> {i['tensor']}" for i in reference["inner"]))
        print(f"  ops: {' '.join(reference['onnxOps'])}")
    print(f"total {total} bytes")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    try:
        main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
    except Exception:
        traceback.print_exc()
        sys.exit(1)
