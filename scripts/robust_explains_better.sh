#!/usr/bin/env bash
# Do robust models explain better? (Tsipras et al. 2019; Engstrom et al. 2019), for two glassbox models of the same
# architecture, one trained normally and one adversarially:
#   1. `glassbox sanity` on both (saliency, ig): edge-likeness of the maps (Spearman with the Sobel map), survival of
#      model-parameter randomisation, deletion and insertion;
#   2. large-ε targeted L2 PGD examples made on each model for every class, judged by the other model: the share the
#      other model assigns to the target class (an example that looks like the target fools a model it was not made on).
# Usage: scripts/robust_explains_better.sh STANDARD_MODEL ROBUST_MODEL IMAGES.npy OUT [EPSILON_L2] [STEPS]
# IMAGES.npy holds N×1×28×28 float32 images in [0, 1]. Prints one line per direction; writes summary.json into OUT.
set -euo pipefail
if [ $# -lt 4 ]; then
  sed -n '2,9p' "$0" >&2
  exit 2
fi
standard=$1 robust=$2 images=$3 out=$4 eps=${5:-4} steps=${6:-100}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
glassbox="$here/glassbox"
mkdir -p "$out"
for pair in "standard:$standard" "robust:$robust"; do
  name=${pair%%:*} model=${pair#*:}
  "$glassbox" sanity --model "$model" --input "$images" --method saliency,ig --seed 0 --out "$out/sanity-$name" >/dev/null
done
for pair in "robust:$robust:$standard" "standard:$standard:$robust"; do
  IFS=: read -r maker model judge <<<"$pair"
  for target in 0 1 2 3 4 5 6 7 8 9; do
    dir="$out/targeted-$maker/$target"
    "$glassbox" attack --model "$model" --input "$images" --method pgd --norm l2 --epsilon "$eps" --steps "$steps" \
      --targeted --target "$target" --bounds 0,1 --out "$dir" >/dev/null
    "$glassbox" predict --model "$judge" --input "$dir"/*.pgd.npy --json >"$dir/judged.json"
  done
done
/usr/bin/python3 - "$out" "$eps" "$here/scripts" <<'EOF'
import json, sys, pathlib
out, eps = pathlib.Path(sys.argv[1]), float(sys.argv[2])
sys.path.insert(0, sys.argv[3])
import sanity_figures
summary = {"epsilonL2": eps}
for maker, judge in (("robust", "standard"), ("standard", "robust")):
    reached = fooled = total = 0
    for target in range(10):
        d = out / f"targeted-{maker}" / str(target)
        attack = json.loads((d / "attack.json").read_text())["results"]
        judged = {r["input"]: r["predicted"] for r in json.loads((d / "judged.json").read_text())}
        for r in attack:
            if r["before"]["class"] == target:
                continue
            total += 1
            reached += r["after"]["class"] == target
            fooled += judged[r["file"]] == target
    summary[f"{maker}Made"] = {"examples": total, "makerReachesTarget": reached / total,
                               f"{judge}SeesTarget": fooled / total}
    print(f"targeted L2 PGD at eps {eps} made on the {maker} model: {reached / total:.1%} reach the target on it, "
          f"the {judge} model sees the target in {fooled / total:.1%} of {total}")
for name in ("standard", "robust"):
    sanity = sanity_figures.load(out / f"sanity-{name}" / "sanity.json")
    random = sanity_figures.random_map(sanity)
    for method in ("saliency", "ig"):
        figures = sanity_figures.method_figures(sanity, method)
        figures["randomMapDeletionAuc"] = random["deletionAuc"]
        figures["randomMapInsertionAuc"] = random["insertionAuc"]
        summary[f"{name}-{method}"] = figures
        print(f"{name} {method}: " + ", ".join(f"{k} {v:.3f}" for k, v in figures.items()))
(out / "summary.json").write_text(json.dumps(summary, indent=2))
EOF
