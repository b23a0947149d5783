#!/usr/bin/env bash
# Whole-corpus conversion time (issue 14: "conversion of the whole shared corpus stays under 2 s
# wall on the 2-core machine"): one `orashift convert` per corpus source (the sources of the test
# suite: every sample-schema folder of main/ and v21.1-legacy/, then utPLSQL, Alexandria, Logger
# and oos-utils), each writing its files and report, timed together; median and range of RUNS.
#   bench/convert_corpus.sh [TARGET=postgres] [RUNS=5] [TYPES=declared]   (needs build/orashift)
# ORASHIFT_BIN=… times another binary (e.g. one built from main, to compare runs interleaved).
# Besides wall time it prints the CPU seconds (user + system, children included) of each run
# and the load average before and after: the machine is shared, so compare CPU and interleave.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET="${1:-postgres}"; RUNS="${2:-5}"; TYPES="${3:-declared}"
CORPUS="$(pwd)/../shared/corpus"
[ -d "$CORPUS" ] || { echo "corpus not found at $CORPUS"; exit 1; }
BIN="${ORASHIFT_BIN:-build/orashift}"
[ -x "$BIN" ] || { echo "$BIN missing: run scripts/build"; exit 1; }
. bench/lib.sh
LOAD_BEFORE="$(loadavg)"
SOURCES=()
for rel in main v21.1-legacy; do
  for d in "$CORPUS"/oracle-samples__db-sample-schemas/$rel/*/; do SOURCES+=("${d%/}"); done
done
for d in utPLSQL__utPLSQL mortenbra__alexandria-plsql-utils OraOpenSource__Logger OraOpenSource__oos-utils; do
  [ -d "$CORPUS/$d" ] && SOURCES+=("$CORPUS/$d")
done
W="$(mktemp -d /tmp/convert-corpus.XXXXXX)"
trap 'rm -rf "$W"' EXIT
times=(); cpus=()
for r in $(seq "$RUNS"); do
  # Each run writes into a folder of its own, as a user's first convert does; the folders are
  # removed after the last run (removing them between runs made ext4 search past the inodes it
  # had just freed, which charged the file system's bookkeeping to the next run).
  mkdir -p "$W/out$r"
  c0=$(cut -d' ' -f14-17 /proc/$$/stat)
  t0=$(date +%s.%N)
  i=0
  for s in "${SOURCES[@]}"; do
    i=$((i + 1))
    "$BIN" convert --source "oracle-files:$s" --target "$TARGET" --types "$TYPES" --out "$W/out$r/$i" >/dev/null 2>&1 || true
  done
  t1=$(date +%s.%N)
  c1=$(cut -d' ' -f14-17 /proc/$$/stat)
  times+=("$(echo "$t1 - $t0" | bc)")
  # utime stime cutime cstime of this shell, in clock ticks: the converts are its children.
  cpus+=("$(awk -v a="$c0" -v b="$c1" -v hz="$(getconf CLK_TCK)" 'BEGIN { split(a, x); split(b, y); s = 0; for (k = 1; k <= 4; k++) s += y[k] - x[k]; printf "%.2f", s / hz }')")
done
printf '%s\n' "${times[@]}" | sort -n > "$W/t"
echo "sources: ${#SOURCES[@]}  target: $TARGET  types: $TYPES  runs: $RUNS"
echo "wall s: median $(sed -n "$(( (RUNS + 1) / 2 ))p" "$W/t")  min $(head -1 "$W/t")  max $(tail -1 "$W/t")"
read -r cm cmin cmax _ <<<"$(stats "${cpus[@]}")"
echo "CPU s (user+sys): median $cm  min $cmin  max $cmax   per run: ${cpus[*]}"
echo "load average: before $LOAD_BEFORE  after $(loadavg)   binary: $BIN"
