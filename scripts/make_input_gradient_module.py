#!/usr/bin/env python3
"""Writes the TorchScript module that WGAN-GP's gradient penalty calls for its input gradient.

Usage: make_input_gradient_module.py [OUT]   (default: the resource path in glassbox-djl)

DJL's PyTorch engine has no `torch.autograd.grad`: its only backward pass accumulates into the `.grad` of every leaf
it reaches, and a gradient taken with its graph (`create_graph`) then refers back to its own leaf, a reference cycle
that libtorch never frees, and DJL 0.34 cannot reset a parameter's gradient to break it. The module has no parameters
and one method: forward(output, input) returns d(sum output)/d(input) with its graph, computed by
`torch.autograd.grad`, which writes no `.grad` at all. The file is about 2 KB (its bytes differ between runs, its
code does not); written with Debian's python3-torch 1.13, it loads in the engine's libtorch 2.7.
"""
import os
import sys
from typing import List, Optional

import torch


class InputGradient(torch.nn.Module):
    """d(sum of output)/d(input), keeping the graph so that a loss of it can be differentiated again."""

    def forward(self, output: torch.Tensor, input: torch.Tensor) -> torch.Tensor:
        seeds: List[Optional[torch.Tensor]] = [torch.ones_like(output)]
        gradient = torch.autograd.grad([output], [input], grad_outputs=seeds, create_graph=True)[0]
        if gradient is None:
            raise RuntimeError("the output does not depend on the input")
        return gradient


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        here, "..", "glassbox-djl", "src", "main", "resources", "dev", "glassbox", "djl", "generative",
        "input-gradient.pt")
    module = torch.jit.script(InputGradient())
    module.save(out)
    print("wrote", os.path.normpath(out), os.path.getsize(out), "bytes, torch", torch.__version__)


if __name__ == "__main__":
    main()
