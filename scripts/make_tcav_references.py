"""Reference values for glassbox's concept classifier (ConceptClassifierTest): scikit-learn's L2 logistic regression
with fit_intercept=False on centred inputs with a column of ones appended, which is the objective ConceptClassifier minimises.
The inputs are made from integers so that the Java test can write them out exactly. Prints the weights to paste."""
import warnings

import numpy as np
from sklearn.linear_model import LogisticRegression


warnings.simplefilter("ignore")  # newton-cg warns that 1e-10 was not met once the solution stops moving


def case(name, positives, negatives, c):
    x = np.array(positives + negatives, dtype=np.float64)
    y = np.array([1] * len(positives) + [0] * len(negatives))
    mean = x.mean(axis=0)
    xa = np.hstack([x - mean, np.ones((len(x), 1))])
    model = LogisticRegression(C=c, fit_intercept=False, solver="newton-cg", tol=1e-10, max_iter=100000).fit(xa, y)
    w = model.coef_[0][:-1]
    bias = model.coef_[0][-1] - w @ mean  # the intercept for uncentred inputs
    print(name, "C =", c, "weights =", ", ".join(repr(float(v)) for v in w), "bias =", repr(float(bias)))


def grid(n, d, seed):
    rows = []
    for i in range(n):
        rows.append([((i * 7 + k * 3 + seed) % 11 - 5) / 4 for k in range(d)])
    return rows


case("few-dims", grid(6, 3, 1), [[v + 0.5 for v in r] for r in grid(5, 3, 4)], 1.0)
case("many-dims", grid(3, 10, 2), grid(4, 10, 5), 0.5)
