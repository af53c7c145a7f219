#!/usr/bin/env python3
"""Times Captum's gradient methods the way `glassbox bench` times glassbox's, for comparison.

Usage: bench_captum.py CAPTUM_SRC [images] [steps] [repeats] [threads]
       bench_captum.py CAPTUM_SRC --resnet [images] [repeats] [--path-images N] [--path-repeats N]
                       [--perturbation-images N] [--threads N] [--parts methods,paths,perturbation]

CAPTUM_SRC is a checkout of Captum's public repository (its `captum` package is imported from there). The network is
the bundled demo architecture (five 3x3 convolutions with BatchNorm and ReLU, max-pools after the second and fourth,
global average pooling, dropout, a linear layer) with seeded random weights in eval mode, on seeded random 1x28x28
inputs; timing does not depend on the weights. Each method's median time is divided by the median time of raw
forward+backward passes over as many samples as the method evaluates (steps x images for IG and the noise tunnel),
measured in the same run, and printed as a ratio, as `glassbox bench` does. Run it on an otherwise idle machine with
the same thread count as the glassbox run (default 2).

With --resnet it times the ResNet-18-sized network of `scripts/make_bench_resnet.py` (imported from there, the same
seeded weights) on seeded random 3x224x224 images as `dev.glassbox.bench.OnnxResNetBenchmark` times glassbox on its
ONNX export: saliency, DeepLift, GuidedBackprop, LRP, LayerGradCam at the last block's output (layer4[1].relu2) on
`images` images (default 8; median of `repeats`, default 5, after one run of each, the method and its raw pass in
turns); IntegratedGradients (50 Gauss-Legendre steps) and NoiseTunnel SmoothGrad (50 samples, stdev 0.15) on
--path-images images (default: images), --path-repeats timed runs (default 1); Occlusion (16x16 windows over all
channels, stride 8, zero baseline) on --perturbation-images smooth synthetic images (default 1), one timed run. Every
pass goes through the model in batches of at most 64 samples, as glassbox's engine models do (IG's
internal_batch_size, the noise tunnel's nt_samples_batch_size, occlusion's perturbations_per_eval). Captum's LRP needs
its Addition_Module for the residual sums and a rule for nn.Flatten: the network's own modules are tried first (Captum
refuses them, and the refusal is printed), then the sums are swapped for Addition_Module and Flatten given Captum's
IdentityRule; if Captum still fails (as 0.8 does on this network, in a backward hook), LRP's row says so.
--parts picks the sections to run (methods, paths, perturbation; default all), as OnnxResNetBenchmark's --parts does.
"""
import os
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
    if "--resnet" in sys.argv:
        resnet_main([a for a in sys.argv[2:] if a != "--resnet"])
        return
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


def interleaved_ms(method, baseline, repeats, warm):
    """Median times of a method and its raw baseline, run in turns after one run of each when `warm`."""
    if warm:
        method()
        baseline()
    times = ([], [])
    for _ in range(repeats):
        for run, out in ((method, times[0]), (baseline, times[1])):
            start = time.perf_counter()
            run()
            out.append((time.perf_counter() - start) * 1000)
    return statistics.median(times[0]), statistics.median(times[1])


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def resnet_main(args):
    import warnings  # noqa: E402
    warnings.filterwarnings("ignore")  # Captum's notes on hooks and input gradients, once per call
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import make_bench_resnet  # noqa: E402
    from captum.attr import LRP, Occlusion  # noqa: E402
    from captum.attr._utils.custom_modules import Addition_Module  # noqa: E402
    from captum.attr._utils.lrp_rules import IdentityRule  # noqa: E402

    options = {"--path-images": None, "--path-repeats": 1, "--perturbation-images": 1, "--threads": 2}
    parts = {"methods", "paths", "perturbation"}
    positional = []
    i = 0
    while i < len(args):
        if args[i] == "--parts":
            parts = set(args[i + 1].split(","))
            i += 2
        elif args[i] in options:
            options[args[i]] = int(args[i + 1])
            i += 2
        else:
            positional.append(int(args[i]))
            i += 1
    images = positional[0] if positional else 8
    repeats = positional[1] if len(positional) > 1 else 5
    path_images = options["--path-images"] or images
    path_repeats = options["--path-repeats"]
    perturbation_images = options["--perturbation-images"]
    torch.set_num_threads(options["--threads"])
    chunk, steps = 64, 50
    model = make_bench_resnet.network()
    for parameter in model.parameters():
        parameter.requires_grad_(False)

    def random_images(count):
        generator = torch.Generator().manual_seed(7)
        return torch.rand(count, 3, 224, 224, generator=generator)

    def raw_gradient(inputs, passes):
        rows = inputs.repeat_interleave(passes, dim=0)
        for start in range(0, rows.shape[0], chunk):
            batch = rows[start:start + chunk].clone().requires_grad_(True)
            model(batch)[:, 0].sum().backward()

    def raw_forward(inputs, rows):
        with torch.no_grad():
            for start in range(0, rows, chunk):
                n = min(chunk, rows - start)
                model(inputs[torch.arange(start, start + n) % inputs.shape[0]])

    def targets(inputs):
        with torch.no_grad():
            return torch.cat([model(inputs[s:s + chunk]).argmax(dim=1) for s in range(0, inputs.shape[0], chunk)])

    def clear_rules():
        for module in model.modules():
            for name in ("rule", "activations"):
                if hasattr(module, name):
                    delattr(module, name)

    def lrp(inputs, target):
        """Captum's LRP (epsilon rule, 1e-9, by default); it removes every rule after a call, Flatten's included."""
        model.flatten.rule = IdentityRule()
        return LRP(model).attribute(inputs, target=target)

    def refusal(e):
        return f"{type(e).__name__}: {' '.join(str(e).split())[:200]}"

    def adapt_for_lrp(inputs, target):
        """Whether Captum's LRP runs on the network, with Captum's Addition_Module for its sums if it must."""
        try:
            LRP(model).attribute(inputs, target=target)
            return True
        except Exception as e:  # Captum refuses modules it has no rule for
            print(f"  Captum's LRP refuses the network as written: {refusal(e)}", flush=True)
        clear_rules()  # a refused call leaves the rules it attached
        blocks = [block for layer in (model.layer1, model.layer2, model.layer3, model.layer4) for block in layer]
        sums = [block.add for block in blocks]
        for block in blocks:
            block.add = Addition_Module()
        try:
            lrp(inputs, target)
            print("  LRP below: residual sums as Captum's Addition_Module, IdentityRule on Flatten", flush=True)
            return True
        except Exception as e:
            print(f"  and with the sums as Captum's Addition_Module and IdentityRule on Flatten: {refusal(e)}",
                  flush=True)
        clear_rules()
        for block, add in zip(blocks, sums):
            block.add = add
        return False

    print(f"ResNet-18-sized network (make_bench_resnet.py), {images} image(s) 3x224x224, Captum, "
          f"{torch.get_num_threads()} thread(s), {repeats} repeat(s), load {load()}")
    print(f"{'method':30s} {'images':>6s} {'ms':>10s} {'raw ms':>10s} {'ratio':>7s}   raw passes")

    def report(name, count, ms, raw):
        print(f"{name:30s} {count:6d} {ms[0]:10.1f} {ms[1]:10.1f} {ms[0] / ms[1]:7.2f}   {raw} (load {load()})",
              flush=True)

    inputs = random_images(images)
    target = targets(inputs)
    lrp_runs = adapt_for_lrp(inputs[:1], target[:1])
    last_relu = model.layer4[1].relu2
    methods = [
        ("saliency", lambda: Saliency(model).attribute(inputs, target=target, abs=False)),
        ("DeepLift (zero)", lambda: DeepLift(model).attribute(inputs, baselines=torch.zeros_like(inputs),
                                                              target=target)),
        ("GuidedBackprop", lambda: GuidedBackprop(model).attribute(inputs, target=target)),
        ("LRP (epsilon 1e-9)", lambda: lrp(inputs, target)),
        ("LayerGradCam", lambda: LayerGradCam(model, last_relu).attribute(inputs, target=target)),
    ]
    for name, run in methods if "methods" in parts else []:
        if name.startswith("LRP") and not lrp_runs:
            print(f"{name:30s} {images:6d} {'-':>10s} {'-':>10s} {'-':>7s}   Captum refuses the network (above)")
            continue
        report(name, images, interleaved_ms(run, lambda: raw_gradient(inputs, 1), repeats, True),
               f"{images} fwd+bwd")

    path_inputs = random_images(path_images)
    path_target = targets(path_inputs)
    paths = [
        ("IntegratedGradients (50)", lambda: IntegratedGradients(model).attribute(
            path_inputs, target=path_target, n_steps=steps, method="gausslegendre", internal_batch_size=chunk)),
        ("NoiseTunnel SmoothGrad (50)", lambda: NoiseTunnel(Saliency(model)).attribute(
            path_inputs, nt_type="smoothgrad", nt_samples=steps, nt_samples_batch_size=max(1, chunk // path_images),
            stdevs=0.15, target=path_target, abs=False)),
    ]
    for name, run in paths if "paths" in parts else []:
        report(name, path_images, interleaved_ms(run, lambda: raw_gradient(path_inputs, steps), path_repeats, False),
               f"{path_images * steps} fwd+bwd")

    def smooth_images(count):
        """OnnxResNetBenchmark.smoothImages (occlusion's cost does not depend on the images)."""
        r = (torch.arange(224, dtype=torch.float64) / 224).view(224, 1)
        q = (torch.arange(224, dtype=torch.float64) / 224).view(1, 224)
        return torch.stack([torch.stack([0.5 + 0.25 * torch.sin(7 * r + c + i) * torch.cos(5 * q)
                                         + 0.2 * torch.sin(11 * (r + q)) for c in range(3)])
                            for i in range(count)]).float()

    if "perturbation" not in parts:
        return
    occluded = smooth_images(perturbation_images)
    occluded_target = targets(occluded)
    windows = ((224 - 16 + 7) // 8 + 1) ** 2
    rows = perturbation_images * (windows + 1)
    report("Occlusion 16/8", perturbation_images, interleaved_ms(
        lambda: Occlusion(model).attribute(occluded, sliding_window_shapes=(3, 16, 16), strides=(3, 8, 8),
                                           baselines=0, target=occluded_target, perturbations_per_eval=chunk),
        lambda: raw_forward(occluded, rows), 1, False), f"{rows} fwd")


if __name__ == "__main__":
    main()
