#!/usr/bin/env python3
"""Runs Captum 0.8's FGSM and PGD on the committed TorchScript fixture cnn.pt and writes the adversarial inputs.

Run with Debian's python3-torch and Captum 0.8.0's source folder (its `captum` package, read from its public
repository at tag v0.8.0, not installed) on PYTHONPATH:
    PYTHONPATH=CAPTUM_SRC /usr/bin/python3 scripts/make_attack_references.py \
        glassbox-djl/src/test/resources/fixtures/cnn.pt glassbox-djl/src/test/resources/fixtures/attacks.json
The loss is nn.CrossEntropyLoss(reduction='none') on the logits (Captum's default "negative log" assumes
probabilities). No random start, so the result is deterministic. The output is committed; the Java build never runs this.
"""
import json
import sys

import captum
import torch
from captum.robust import FGSM, PGD
from torch import nn


def flat(t):
    return [round(float(v), 7) for v in t.detach().reshape(-1).tolist()]


def main(model_path, out_path):
    torch.manual_seed(20261205)
    model = torch.jit.load(model_path)
    model.eval()
    x = torch.rand(3, 1, 28, 28)
    logits = model(x)
    predicted = logits.argmax(dim=1)
    target = (predicted + 1) % 10
    loss = nn.CrossEntropyLoss(reduction="none")

    # how close the loss gradients come to FGSM's zero threshold (1e-6): a sign there is fragile across engines
    xg = x.clone().requires_grad_(True)
    grad, = torch.autograd.grad(loss(model(xg), predicted).sum(), xg)
    nonzero = grad.abs()[grad.abs() > 0]
    near = int(((nonzero > 0.5e-6) & (nonzero < 2e-6)).sum())

    cases = []

    def add(name, method, params, adversarial, labels):
        cases.append({"name": name, "method": method, "params": params, "labels": [int(v) for v in labels],
                      "adversarial": flat(adversarial)})

    fgsm = FGSM(model, loss_func=loss, lower_bound=0.0, upper_bound=1.0)
    add("fgsm-untargeted", "fgsm", {"epsilon": 0.05, "targeted": False, "lower": 0.0, "upper": 1.0},
        fgsm.perturb(x, 0.05, predicted), predicted)
    add("fgsm-targeted", "fgsm", {"epsilon": 0.05, "targeted": True, "lower": 0.0, "upper": 1.0},
        fgsm.perturb(x, 0.05, target, targeted=True), target)
    unbounded = FGSM(model, loss_func=loss)
    add("fgsm-unbounded", "fgsm", {"epsilon": 0.1, "targeted": False, "lower": None, "upper": None},
        unbounded.perturb(x, 0.1, predicted), predicted)

    pgd = PGD(model, loss_func=loss, lower_bound=0.0, upper_bound=1.0)
    add("pgd-linf-untargeted", "pgd", {"norm": "linf", "epsilon": 0.05, "stepSize": 0.01, "steps": 10,
                                        "targeted": False, "lower": 0.0, "upper": 1.0},
        pgd.perturb(x, 0.05, 0.01, 10, predicted), predicted)
    add("pgd-linf-targeted", "pgd", {"norm": "linf", "epsilon": 0.05, "stepSize": 0.01, "steps": 10,
                                      "targeted": True, "lower": 0.0, "upper": 1.0},
        pgd.perturb(x, 0.05, 0.01, 10, target, targeted=True), target)
    # Captum 0.8's L2 PGD steps by step_size * sign(gradient) (its FGSM) and projects with torch.renorm
    add("pgd-l2-untargeted", "pgd", {"norm": "l2", "epsilon": 0.5, "stepSize": 0.02, "steps": 8,
                                      "targeted": False, "lower": 0.0, "upper": 1.0, "step": "sign"},
        pgd.perturb(x, 0.5, 0.02, 8, predicted, norm="L2"), predicted)

    document = {
        "generator": "scripts/make_attack_references.py",
        "torch": torch.__version__, "captum": captum.__version__,
        "model": "cnn.pt", "inputShape": [1, 28, 28], "input": flat(x), "logits": flat(logits),
        "gradientEntriesNearZeroThreshold": near,
        "cases": cases,
    }
    with open(out_path, "w") as f:
        json.dump(document, f)
    print(f"wrote {len(cases)} cases on {x.shape[0]} inputs; gradient entries within 2x of 1e-6: {near}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
