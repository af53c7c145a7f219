#!/usr/bin/env python3
"""Influence functions and their Newton step against exact leave-one-out retraining, in NumPy, on the setting of
`glassbox inspect influence --method loo`: a softmax head (weights and bias of 10 classes) over a layer's activations,
minimising R(θ) = (1/n) Σ L_i(θ) + (λ/2)‖θ‖² (bias included), with the loss of each test input's predicted class.
An independent check of the Java path, and a way to reach training sets too large for it (3,000 images).

The full fit is Newton's method to a largest gradient component below 1e-13. Leaving example i out, the risk keeps its
1/n and the weight of i becomes 0; it is minimised from the full minimiser by Newton iterations with the Hessian
without i at the full minimiser (Woodbury over the example's own Hessian), falling back to full Newton when these
are slow, to a largest gradient component below 1e-12. Prints, per test input, the Pearson r and the least-squares
slope through 0 of the actual changes on the predicted ones, over every removal.

Usage: influence_loo_reference.py DIR N L2, DIR holding train.csv and test.csv from scripts/InfluenceActivations.java.
"""
import sys
import time

import numpy as np


def main(folder, n, lam):
    train = np.loadtxt(folder + "/train.csv", delimiter=",")[:n]
    test = np.loadtxt(folder + "/test.csv", delimiter=",")
    y = train[:, 0].astype(int)
    x = np.hstack([train[:, 1:], np.ones((n, 1))])
    yt = test[:, 0].astype(int)
    xt = np.hstack([test[:, 1:], np.ones((len(test), 1))])
    classes, d = 10, x.shape[1]
    p_count = classes * d

    def probabilities(w, features):
        z = features @ w.T
        z -= z.max(1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(1, keepdims=True)

    def losses(w, features, labels):
        return -np.log(probabilities(w, features)[np.arange(len(labels)), labels])

    def gradients(w, features, labels):
        p = probabilities(w, features)
        p[np.arange(len(labels)), labels] -= 1
        return (p[:, :, None] * features[:, None, :]).reshape(len(labels), -1)

    def risk_gradient(w, weights):
        p = probabilities(w, x)
        p[np.arange(n), y] -= 1
        return ((p * weights[:, None]).T @ x).ravel() / n + lam * w.ravel()

    def risk_hessian(w, weights):
        p = probabilities(w, x)
        h = np.zeros((classes, d, classes, d))
        for c in range(classes):
            for k in range(classes):
                s = weights * p[:, c] * ((c == k) - p[:, k])
                h[c, :, k, :] = (x * s[:, None]).T @ x
        return h.reshape(p_count, p_count) / n + lam * np.eye(p_count)

    ones = np.ones(n)
    w = np.zeros((classes, d))
    for _ in range(100):
        g = risk_gradient(w, ones)
        if np.abs(g).max() < 1e-13:
            break
        w = w - np.linalg.solve(risk_hessian(w, ones), g).reshape(classes, d)
    p = probabilities(w, x)
    print("n %d, L2 %g: fit gradient %.1e, training accuracy %.3f" % (n, lam, np.abs(g).max(),
                                                                       (p.argmax(1) == y).mean()))
    h_inverse = np.linalg.inv(risk_hessian(w, ones))
    g_train = gradients(w, x, y)
    g_test = gradients(w, xt, yt)
    influence = (g_test @ h_inverse @ g_train.T) / n
    before = losses(w, xt, yt)
    actual = np.zeros_like(influence)
    newton = np.zeros_like(influence)
    start = time.time()
    for i in range(n):
        # the example's Hessian (1/n) (diag p − p pᵀ) ⊗ x xᵀ = V Vᵀ, and the Hessian without it by Woodbury
        root = np.sqrt(p[i])
        s = np.diag(root) @ (np.eye(classes) - np.outer(root, root))
        v = (s[:, None, :] * x[i][None, :, None]).reshape(p_count, classes) / np.sqrt(n)
        hv = h_inverse @ v
        small = np.eye(classes) - v.T @ hv

        def solve(r):
            return h_inverse @ r + hv @ np.linalg.solve(small, hv.T @ r)

        newton[:, i] = g_test @ solve(g_train[i] / n)
        weights = ones.copy()
        weights[i] = 0
        wi = w.copy()
        for _ in range(60):
            g = risk_gradient(wi, weights)
            if np.abs(g).max() < 1e-12:
                break
            wi = wi - solve(g).reshape(classes, d)
        else:
            wi = w.copy()
            for _ in range(40):
                g = risk_gradient(wi, weights)
                if np.abs(g).max() < 1e-12:
                    break
                wi = wi - np.linalg.solve(risk_hessian(wi, weights), g).reshape(classes, d)
            else:
                raise RuntimeError("leaving out %d did not converge: gradient %g" % (i, np.abs(g).max()))
        actual[:, i] = losses(wi, xt, yt) - before
    print("%d retrainings in %.0f s" % (n, time.time() - start))
    for t in range(len(yt)):
        a, f, s = actual[t], influence[t], newton[t]
        print("input %d: influence functions r %.4f slope %.2f; Newton step r %.4f slope %.2f; top proponent %d: "
              "actual %.5f, influence %.5f, Newton step %.5f"
              % (t, np.corrcoef(f, a)[0, 1], f @ a / (f @ f), np.corrcoef(s, a)[0, 1], s @ a / (s @ s),
                 np.argmax(f), a[np.argmax(f)], f[np.argmax(f)], s[np.argmax(f)]))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]))
