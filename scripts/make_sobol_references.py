#!/usr/bin/python3
"""Reference points of SciPy's unscrambled Sobol sequence (Joe and Kuo's direction numbers, Gray-code order).

Writes glassbox-core/src/test/resources/design/sobol-references.json, which SobolSequenceTest reads: the first 64
points in 21 dimensions of scipy.stats.qmc.Sobol(d=21, scramble=False). Run with Debian's python3-scipy:
/usr/bin/python3 scripts/make_sobol_references.py
"""
import json
import os

import scipy
from scipy.stats import qmc

points = qmc.Sobol(d=21, scramble=False).random(64)
out = {"scipy": scipy.__version__, "dimensions": 21, "points": points.tolist()}
path = os.path.join(os.path.dirname(__file__), "..", "glassbox-core", "src", "test", "resources", "design",
                    "sobol-references.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
