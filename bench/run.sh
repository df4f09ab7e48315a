#!/usr/bin/env bash
# The benchmark of the entente command against ajv-cli, the common JSON
# Schema CLI, on the same files; and of entente diff on large agreements.
# See bench/README.md. Usage: bash bench/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "machine: $(nproc) cores, $(go version | cut -d' ' -f3), node $(node --version)"
npm install --prefix "$tmp/npm" --no-audit --no-fund --silent ajv-cli@5.0.0 ajv-formats@3.0.1 >/dev/null
ajv="$tmp/npm/node_modules/.bin/ajv"
go build -o "$tmp/entente" ./cmd/entente
"$tmp/entente" schema > "$tmp/schema.json"

# measure CMD...: prints "wall cpu maxrss_kb" of one run.
measure() {
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$@" >/dev/null 2>&1 || true
  awk '{printf "%.3f %.3f %d\n", $1, $2+$3, $4}' "$tmp/time"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

compare() { # compare LABEL DIR
  local label=$1 dir=$2
  : > "$tmp/e"; : > "$tmp/a"
  for _ in $(seq "$runs"); do
    measure "$tmp/entente" validate "$dir" >> "$tmp/e"
    measure "$ajv" validate --spec=draft2020 -c ajv-formats -s "$tmp/schema.json" -d "$dir/*.yaml" >> "$tmp/a"
  done
  local ew ec em aw ac am
  ew=$(cut -d' ' -f1 "$tmp/e" | median); ec=$(cut -d' ' -f2 "$tmp/e" | median); em=$(cut -d' ' -f3 "$tmp/e" | median)
  aw=$(cut -d' ' -f1 "$tmp/a" | median); ac=$(cut -d' ' -f2 "$tmp/a" | median); am=$(cut -d' ' -f3 "$tmp/a" | median)
  awk -v l="$label" -v ew="$ew" -v ec="$ec" -v em="$em" -v aw="$aw" -v ac="$ac" -v am="$am" 'BEGIN {
    printf "%-22s entente %6.3fs wall %6.3fs cpu %5.1f MiB | ajv %6.3fs wall %6.3fs cpu %5.1f MiB | entente/ajv: wall %.2f, cpu %.2f\n",
      l, ew, ec, em/1024, aw, ac, am/1024, ew/aw, ec/ac }'
}

echo "median of $runs runs, alternating; wall and CPU time in seconds, peak resident memory"
go -C bench run ./gencorpus -n 20 -kb 27 -out "$tmp/c20"
go -C bench run ./gencorpus -n 2000 -kb 27 -out "$tmp/c2000"
go -C bench run ./gencorpus -n 200 -kb 5-300 -out "$tmp/mixed"
# Both validators must find the corpora valid before they are timed.
for dir in "$tmp/c20" "$tmp/mixed"; do
  "$tmp/entente" validate "$dir" >/dev/null 2>&1 || { echo "entente finds $dir invalid"; exit 1; }
  "$ajv" validate --spec=draft2020 -c ajv-formats -s "$tmp/schema.json" -d "$dir/*.yaml" >/dev/null 2>&1 ||
    { echo "ajv finds $dir invalid"; exit 1; }
done
compare "20 files x 27 KB" "$tmp/c20"
compare "2,000 files x 27 KB" "$tmp/c2000"
compare "200 files x 5-300 KB" "$tmp/mixed"

echo
echo "entente diff, 1% of clauses reworded and one inserted at the front"
for n in 1000 10000 100000; do
  go -C bench run ./gencorpus -clauses "$n" -out "$tmp/d$n"
  : > "$tmp/d"
  for _ in $(seq "$runs"); do measure "$tmp/entente" diff --max-bytes 1000000000 "$tmp/d$n/old.yaml" "$tmp/d$n/new.yaml" >> "$tmp/d"; done
  awk -v n="$n" -v size="$(stat -c %s "$tmp/d$n/old.yaml")" -v w="$(cut -d' ' -f1 "$tmp/d" | median)" \
      -v c="$(cut -d' ' -f2 "$tmp/d" | median)" -v m="$(cut -d' ' -f3 "$tmp/d" | median)" 'BEGIN {
    printf "%7d clauses (%5.1f MB): %6.3fs wall %6.3fs cpu %6.1f MiB (load both files, diff, print)\n", n, size/1e6, w, c, m/1024 }'
done
