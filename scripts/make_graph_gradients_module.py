#!/usr/bin/env python3
"""Writes the TorchScript module behind `GraphGradients`: gradients that keep their graph, without touching `.grad`.

Usage: make_graph_gradients_module.py [OUT]   (default: the resource path in glassbox-djl)

DJL's PyTorch engine has no `torch.autograd.grad`: its only backward pass accumulates into the `.grad` of every leaf
it reaches, and a gradient taken with its graph (`create_graph`) then refers back to its own leaf, a reference cycle
that libtorch never frees, and DJL 0.34 cannot reset a gradient to break it. The module has no parameters and one
method: forward(output, inputs) returns d(sum of output)/d(input) for each input, with its graph, computed by
`torch.autograd.grad`, which writes no `.grad` at all. The file is about 2 KB (its bytes differ between runs, its
code does not); written with Debian's python3-torch 1.13, it loads in the engine's libtorch 2.7.
"""
import os
import sys
from typing import List, Optional

import torch


class GraphGradients(torch.nn.Module):
    """d(sum of output)/d(each input), keeping the graph so that a function of them can be differentiated again."""

    def forward(self, output: torch.Tensor, inputs: List[torch.Tensor]) -> List[torch.Tensor]:
        seeds: List[Optional[torch.Tensor]] = [torch.ones_like(output)]
        gradients = torch.autograd.grad([output], inputs, grad_outputs=seeds, create_graph=True, allow_unused=True)
        out: List[torch.Tensor] = []
        for k in range(len(inputs)):
            gradient = gradients[k]
            if gradient is None:
                out.append(torch.zeros_like(inputs[k]))
            else:
                out.append(gradient)
        return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        here, "..", "glassbox-djl", "src", "main", "resources", "dev", "glassbox", "djl", "backprop",
        "graph-gradients.pt")
    module = torch.jit.script(GraphGradients())
    module.save(out)
    print("wrote", os.path.normpath(out), os.path.getsize(out), "bytes, torch", torch.__version__)


if __name__ == "__main__":
    main()
