#!/bin/sh
# One trial of tuning the demo CNN, as an objective for `glassbox optimize --command`: reads
# "log10(learning rate) dropout width" on standard input, trains on the first 3,000 Fashion-MNIST training images for
# 2 epochs, and prints the error on the last 5,000 training images (never trained on); a run whose loss diverges
# scores 0.9, the error of chance. GLASSBOX (default ./glassbox) names the command to run.
read -r a d w
lr=$(awk "BEGIN{print 10^($a)}")
dir=$(mktemp -d)
err=$(${GLASSBOX:-./glassbox} train fashion-mnist --learning-rate "$lr" --dropout "$d" --width "$w" --limit 3000 \
  --epochs 2 --validation 5000 --seed 7 --out "$dir/m" 2>/dev/null | tail -1)
rm -rf "$dir"
case "$err" in
  0.*|1.*) echo "$err" ;;
  *) echo 0.9 ;;
esac
