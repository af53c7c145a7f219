#!/usr/bin/env python3
"""Captum 0.8 reference attributions for a small ReLU/max-pool CNN, for glassbox's agreement tests.

Needs Debian's python3-torch and python3-tqdm, and Captum 0.8 read from its public repository (not installed, not
committed): put the repository's `captum` package folder on the path given as the first argument.
    /usr/bin/python3 scripts/make_captum_references.py CAPTUM_SRC glassbox-djl/src/test/resources/fixtures/captum.json
The network's weights go into the JSON too, so the Java test rebuilds the same network as DJL blocks.
"""
import json
import sys

sys.path.insert(0, sys.argv[1])

import torch  # noqa: E402
from torch import nn  # noqa: E402
from captum.attr import (  # noqa: E402
    Deconvolution, DeepLift, FeatureAblation, GuidedBackprop, Occlusion, GuidedGradCam, InputXGradient, IntegratedGradients, LayerAttribution,
    LayerGradCam, Saliency)


class Net(nn.Module):
    """conv1 (1 -> 4, 3x3, padding 1), relu1, pool (2x2 max or average), conv2 (4 -> 6), relu2, global average
    pooling, fc (6 -> 5)."""

    def __init__(self, pool):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, padding=1)
        self.relu1 = nn.ReLU()
        self.pool = pool
        self.conv2 = nn.Conv2d(4, 6, 3, padding=1)
        self.relu2 = nn.ReLU()
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(6, 5)

    def forward(self, x):
        a = self.relu2(self.conv2(self.pool(self.relu1(self.conv1(x)))))
        return self.fc(torch.flatten(self.gap(a), 1))


def flat(t):
    return [float(v) for v in t.detach().reshape(-1)]


def weights(net):
    return {name: {"shape": list(p.shape), "values": flat(p)} for name, p in net.named_parameters()}


def main(out):
    torch.manual_seed(8)
    net = Net(nn.MaxPool2d(2)).eval()
    x = torch.rand(1, 1, 10, 10)
    baseline = 0.5 * torch.rand(1, 1, 10, 10)
    target = 2
    # Captum 0.8's DeepLift breaks summation-to-delta at max-pools (captum issues 1104 and 1276): its own convergence
    # delta is recorded, and DeepLift agreement is checked on the same network with average pooling.
    _, max_pool_delta = DeepLift(net).attribute(x, baselines=baseline, target=target, return_convergence_delta=True)
    avg_net = Net(nn.AvgPool2d(2)).eval()
    gradcam = LayerGradCam(net, net.relu2).attribute(x, target=target)
    # 2x2 blocks of pixels as the features of feature ablation: block (i // 2) * 5 + (j // 2)
    blocks = torch.tensor([[(i // 2) * 5 + j // 2 for j in range(10)] for i in range(10)]).reshape(1, 1, 10, 10)
    attributions = {
        "saliency": Saliency(net).attribute(x, target=target, abs=False),
        "saliency-abs": Saliency(net).attribute(x, target=target),
        "ixg": InputXGradient(net).attribute(x, target=target),
        "ig-gauss-legendre": IntegratedGradients(net).attribute(x, baselines=baseline, target=target, n_steps=50),
        "ig-trapezoid": IntegratedGradients(net).attribute(x, baselines=baseline, target=target, n_steps=50,
                                                           method="riemann_trapezoid"),
        "deeplift-avgpool": DeepLift(avg_net).attribute(x, baselines=baseline, target=target),
        "guided-backprop": GuidedBackprop(net).attribute(x, target=target),
        "deconvnet": Deconvolution(net).attribute(x, target=target),
        "gradcam": gradcam,
        "gradcam-bilinear": LayerAttribution.interpolate(gradcam, (10, 10), interpolate_mode="bilinear"),
        "guided-gradcam": GuidedGradCam(net, net.relu2).attribute(x, target=target),
        "occlusion": Occlusion(net).attribute(x, sliding_window_shapes=(1, 3, 3), strides=(1, 2, 2), target=target,
                                              baselines=0.0),
        "ablation-blocks": FeatureAblation(net).attribute(x, target=target, baselines=0.0, feature_mask=blocks),
    }
    reference = {
        "captum": "0.8.0", "input": flat(x), "baseline": flat(baseline), "target": target,
        "weights": weights(net), "avgPoolWeights": weights(avg_net),
        "captumDeepLiftMaxPoolDelta": float(max_pool_delta),
        "attributions": {name: flat(a) for name, a in attributions.items()},
    }
    with open(out, "w") as f:
        json.dump(reference, f)


if __name__ == "__main__":
    main(sys.argv[2])
