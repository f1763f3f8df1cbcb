#!/usr/bin/env bash
# Measure kg against bare jieba on a generated corpus of N articles (the rows of bench/README.md).
#
#   bench/scale.sh N [SEED]          e.g. bench/scale.sh 100000 100
#
# The corpus comes from the scale-corpus generator make_corpus.py (N articles from
# annotated templates, place names swapped for random real ones); set MAKE_CORPUS to
# its path (default: ../shared/tools/make_corpus.py beside the checkout). Without it,
# `kg bench -n N` measures the synthetic corpus of seed variants instead.
# The corpus is written to $BENCH_DIR (default /tmp/kg-bench-N) and kept for reruns.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:?usage: bench/scale.sh N [SEED]}
SEED=${2:-$N}
MAKE_CORPUS=${MAKE_CORPUS:-../shared/tools/make_corpus.py}
CORPUS=${BENCH_DIR:-/tmp/kg-bench-$N}/corpus
KG=${KG:-.venv/bin/kg}

if [ ! -d "$CORPUS" ]; then
  python3 "$MAKE_CORPUS" "$N" "$CORPUS" --seed "$SEED"
fi
echo "commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with uncommitted changes)'), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$KG" bench --corpus "$CORPUS"
