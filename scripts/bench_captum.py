#!/usr/bin/env python3
"""Times Captum's gradient methods the way `glassbox bench` times glassbox's, for comparison.

Usage: bench_captum.py CAPTUM_SRC [images] [steps] [repeats] [threads]

CAPTUM_SRC is a checkout of Captum's public repository (its `captum` package is imported from there). The network is
the bundled demo architecture (five 3x3 convolutions with BatchNorm and ReLU, max-pools after the second and fourth,
global average pooling, dropout, a linear layer) with seeded random weights in eval mode, on seeded random 1x28x28
inputs; timing does not depend on the weights. Each method's median time is divided by the median time of raw
forward+backward passes over as many samples as the method evaluates (steps x images for IG and the noise tunnel),
measured in the same run, and printed as a ratio, as `glassbox bench` does. Run it on an otherwise idle machine with
the same thread count as the glassbox run (default 2).
"""
import statistics
import sys
import time

sys.path.insert(0, sys.argv[1])
import torch  # noqa: E402
from torch import nn  # noqa: E402
from captum.attr import (DeepLift, Deconvolution, GuidedBackprop, GuidedGradCam, InputXGradient,  # noqa: E402
                         IntegratedGradients, LayerGradCam, NoiseTunnel, Saliency)


def network():
    layers, channels = [], 1
    for n, filters in enumerate([32, 32, 64, 64, 128], start=1):
        layers += [nn.Conv2d(channels, filters, 3, padding=1), nn.BatchNorm2d(filters), nn.ReLU()]
        if n in (2, 4):
            layers.append(nn.MaxPool2d(2))
        channels = filters
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.3), nn.Linear(128, 10)]
    return nn.Sequential(*layers).eval()


def median_ms(run, repeats):
    run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def raw(model, inputs, passes):
    batch = inputs.repeat_interleave(passes, dim=0).clone().requires_grad_(True)
    model(batch)[:, 0].sum().backward()


def main():
    images = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    steps = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    torch.set_num_threads(int(sys.argv[5]) if len(sys.argv) > 5 else 2)
    torch.manual_seed(1)
    model = network()
    for parameter in model.parameters():
        parameter.requires_grad_(False)
    inputs = torch.rand(images, 1, 28, 28)
    target = model(inputs).argmax(dim=1)
    last_relu = model[len(model) - 5]
    methods = {
        "saliency": (lambda: Saliency(model).attribute(inputs, target=target, abs=False), 1),
        "ixg": (lambda: InputXGradient(model).attribute(inputs, target=target), 1),
        "smoothgrad": (lambda: NoiseTunnel(Saliency(model)).attribute(
            inputs, nt_type="smoothgrad", nt_samples=steps, nt_samples_batch_size=steps, stdevs=0.15,
            target=target, abs=False), steps),
        "ig": (lambda: IntegratedGradients(model).attribute(inputs, target=target, n_steps=steps,
                                                            method="gausslegendre"), steps),
        "deeplift": (lambda: DeepLift(model).attribute(inputs, baselines=torch.zeros_like(inputs), target=target), 1),
        "guided-backprop": (lambda: GuidedBackprop(model).attribute(inputs, target=target), 1),
        "deconvnet": (lambda: Deconvolution(model).attribute(inputs, target=target), 1),
        "gradcam": (lambda: LayerGradCam(model, last_relu).attribute(inputs, target=target, relu_attributions=True), 1),
        "guided-gradcam": (lambda: GuidedGradCam(model, last_relu).attribute(inputs, target=target), 1),
    }
    print(f"{'method':16s} {'ms':>10s} {'baseline ms':>12s} {'ratio':>8s}   ({images} images, Captum, "
          f"{torch.get_num_threads()} thread(s))")
    for name, (run, passes) in methods.items():
        method_ms = median_ms(run, repeats)
        baseline_ms = median_ms(lambda: raw(model, inputs, passes), repeats)
        print(f"{name:16s} {method_ms:10.1f} {baseline_ms:12.1f} {method_ms / baseline_ms:8.2f}", flush=True)


if __name__ == "__main__":
    main()
