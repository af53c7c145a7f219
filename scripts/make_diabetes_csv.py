#!/usr/bin/python3
"""The diabetes data bundled with scikit-learn (Efron, Hastie, Johnstone and Tibshirani 2004), unscaled, as one CSV.

Writes glassbox-core/src/main/resources/dev/glassbox/core/input/diabetes.csv (442 patients: age, sex, body mass index,
blood pressure, six serum measurements, and disease progression one year later), which core.input.Diabetes reads.
The data ship with scikit-learn under its BSD-3-Clause licence. Run with Debian's python3-sklearn:
/usr/bin/python3 scripts/make_diabetes_csv.py
"""
import gzip
import os

import sklearn.datasets

folder = os.path.join(os.path.dirname(sklearn.datasets.__file__), "data")
with gzip.open(os.path.join(folder, "diabetes_data_raw.csv.gz"), "rt") as f:
    rows = [line.split() for line in f if line.strip()]
with gzip.open(os.path.join(folder, "diabetes_target.csv.gz"), "rt") as f:
    targets = [float(line) for line in f if line.strip()]
assert len(rows) == len(targets) == 442
path = os.path.join(os.path.dirname(__file__), "..", "glassbox-core", "src", "main", "resources", "dev", "glassbox",
                    "core", "input", "diabetes.csv")
with open(path, "w") as out:
    out.write("age,sex,bmi,bp,s1,s2,s3,s4,s5,s6,progression\n")
    for row, target in zip(rows, targets):
        out.write(",".join(row) + "," + ("%g" % target) + "\n")
