#!/usr/bin/python3
"""Reference predictions of scikit-learn's GaussianProcessRegressor with fixed hyperparameters.

Writes glassbox-core/src/test/resources/design/gp-references.json, which GaussianProcessReferenceTest reads: for each
kernel (ConstantKernel * RBF / Matern(nu=1.5) / Matern(nu=2.5) with one length scale per input, plus WhiteKernel),
the training data, the predictive mean and standard deviation at test points (scikit-learn's std includes the white
noise) and the log marginal likelihood with its gradient in log-space. optimizer=None and alpha=0 keep the
hyperparameters exactly as given. Run with Debian's python3-sklearn: /usr/bin/python3 scripts/make_gp_references.py
"""
import json
import os

import numpy as np
import sklearn
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF, ConstantKernel, Matern, WhiteKernel

rng = np.random.default_rng(20261205)
x_train = rng.uniform([-2.0, 0.0], [3.0, 4.0], size=(25, 2))
y_train = np.sin(1.5 * x_train[:, 0]) + 0.5 * np.cos(2.0 * x_train[:, 1]) + 0.3 * x_train[:, 0] \
    + 0.05 * rng.standard_normal(25)
x_test = rng.uniform([-2.5, -0.5], [3.5, 4.5], size=(12, 2))

cases = [
    ("rbf", 1.7, RBF(length_scale=[0.6, 1.3]), 0.05, False),
    ("matern32", 0.9, Matern(length_scale=[0.8, 0.5], nu=1.5), 0.01, False),
    ("matern52", 1.2, Matern(length_scale=[0.7, 1.1], nu=2.5), 0.02, True),
]
out = {"sklearn": sklearn.__version__, "xTrain": x_train.tolist(), "yTrain": y_train.tolist(),
       "xTest": x_test.tolist(), "cases": []}
for name, signal, base, noise, normalize in cases:
    kernel = ConstantKernel(signal) * base + WhiteKernel(noise)
    gp = GaussianProcessRegressor(kernel=kernel, optimizer=None, alpha=0.0, normalize_y=normalize)
    gp.fit(x_train, y_train)
    mean, std = gp.predict(x_test, return_std=True)
    # theta is log([signal, length scales..., noise]); the gradient is d lml / d theta, on the scale fitted.
    value, gradient = gp.log_marginal_likelihood(gp.kernel_.theta, eval_gradient=True)
    out["cases"].append({"kernel": name, "signalVariance": signal, "lengthScales": list(base.length_scale),
                         "noiseVariance": noise, "normalizeY": normalize, "mean": mean.tolist(),
                         "std": std.tolist(), "logMarginalLikelihood": float(value),
                         "gradientLogSignal": float(gradient[0]), "gradientLogLengthScales": gradient[1:-1].tolist(),
                         "gradientLogNoise": float(gradient[-1])})

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
path = os.path.join(root, "glassbox-core", "src", "test", "resources", "design", "gp-references.json")
os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path, "w") as f:
    json.dump(out, f)
    f.write("\n")
print("wrote", path)
