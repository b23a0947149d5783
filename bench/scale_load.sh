#!/usr/bin/env bash
# How cost grows with table size (issue 18, point 4): the SH sample at each of $SCALES (default
# 1 and 10: 1,000,000 and 10,000,000 SALES rows) migrated by `orashift migrate` into DuckDB,
# PostgreSQL and Redshift staging (--stage-only: CSV parts compressed on disk, nothing
# uploaded), $RUNS rounds; each round runs every path at every scale, the order of the scales
# alternating, so the other engineers' load hits both alike. Printed per path and scale: the
# median and range of the whole command and of its load phase (migrate's own summary line), rows/s
# of the load phase, the largest peak RSS (GNU time's maximum resident set size) and the load
# average; then the growth factor of time and of peak RSS from the smallest scale to the largest
# (time ×10 for ×10 the rows is linear; peak RSS should not grow at all).
#   bench/scale_load.sh [BUILD_DIR]    SCALES="1 10" RUNS=3 PATHS="duckdb postgres stage-zstd stage-gzip"
#                                      PORT=random WORK=mktemp KEEP=0
# Starts its own throwaway PostgreSQL 15 (tests/e2e/pg_server.sh) and stops it at the end. Needs
# about 3.5 GB free at scale 10 (checked first); every run's output is removed after it is
# measured, and the work directory at the end unless KEEP=1.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
scales=${SCALES:-1 10}
runs=${RUNS:-3}
paths=${PATHS:-duckdb postgres stage-zstd stage-gzip}
port=${PORT:-$(( 40000 + RANDOM % 20000 ))}
work=${WORK:-$(mktemp -d /tmp/orashift-scale-bench.XXXXXX)}
mkdir -p "$work"
chmod 755 "$work"
source "$root/bench/lib.sh"

max_scale=$(printf '%s\n' $scales | sort -n | tail -1)
need_kb=$(( 350 * 1024 * max_scale ))  # sample 0.5 GB, PostgreSQL 1.6 GB, DuckDB, parts: ~3.5 GB at 10
free_kb=$(df -Pk "$work" | awk 'NR == 2 { print $4 }')
if (( free_kb < need_kb )); then
  echo "scale_load: $((free_kb / 1024)) MB free under $work, about $((need_kb / 1024)) MB needed at scale $max_scale" >&2
  exit 1
fi

PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
export PATH=$PGBIN:$PATH
cleanup() {
  bash "$root/tests/e2e/pg_server.sh" stop "$work/pg" >/dev/null 2>&1 || true
  [ "${KEEP:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT
if [[ " $paths " == *" postgres "* ]]; then
  bash "$root/tests/e2e/pg_server.sh" start "$work/pg" "$port" >/dev/null
fi
P="psql -h 127.0.0.1 -p $port -U postgres -qAt"

echo "SH sample at scales $scales, $runs rounds; paths: $paths; $(nproc) cores; load average: $(loadavg)"
echo "free under $work: $((free_kb / 1024)) MB"
declare -A rows
for s in $scales; do
  [ -d "$work/src-$s" ] || "$build/orashift" sample sh --scale "$s" --out "$work/src-$s" >/dev/null
  chmod -R a+rX "$work/src-$s"
  rows[$s]=$(cat "$work"/src-"$s"/*.dat | wc -l)
  echo "scale $s: ${rows[$s]} rows, $(du -sm "$work/src-$s" | cut -f1) MB of SQL*Loader files"
done

declare -A whole load kb loads
run_one() {  # PATH SCALE → appends to whole/load/kb/loads[PATH/SCALE]
  local path=$1 s=$2 key="$1/$2" out=$work/run-out target extra=()
  rm -rf "$out" "$work/run.duckdb" "$work/run.duckdb.wal" "$work/stage" "$work/one."*
  case $path in
    duckdb) target="duckdb:$work/run.duckdb" ;;
    postgres)
      $P -c "DROP DATABASE IF EXISTS run" -c "CREATE DATABASE run"
      quiesce
      target="postgresql://postgres@127.0.0.1:$port/run" ;;
    stage-*)
      target=redshift://bench@localhost:5439/dev
      extra=(--stage-only "$work/stage" --compression "${path#stage-}") ;;
  esac
  sync
  loads[$key]+="$(cut -d' ' -f1 /proc/loadavg) "
  time_cmd "$work/one" "$build/orashift" migrate --source "oracle-files:$work/src-$s" --target "$target" \
    --out "$out" --no-progress "${extra[@]}"
  local sec phase got
  sec=$(cat "$work/one.s")
  # migrate's summary table: "total  read  loaded  rejected  seconds  rows/s".
  read -r got phase < <(awk '$1 == "total" { print $3, $(NF - 1) }' "$work/one.log" | tail -1)
  if [ -e "$work/one.failed" ] || [ "${got:-0}" != "${rows[$s]}" ]; then
    echo "$path scale $s: FAILED or wrong rows (${got:-none} of ${rows[$s]}): $(tail -3 "$work/one.log")" >&2
    sec=nan phase=nan
  fi
  whole[$key]+="$sec " load[$key]+="$phase " kb[$key]+="$(cat "$work/one.kb") "
  rm -rf "$out" "$work/run.duckdb" "$work/run.duckdb.wal" "$work/stage"
  [ "$path" != postgres ] || $P -c "DROP DATABASE IF EXISTS run"
}

for (( i = 1; i <= runs; i++ )); do
  order=($scales)
  (( i % 2 == 0 )) && order=($(printf '%s\n' $scales | tac))
  for path in $paths; do
    for s in "${order[@]}"; do run_one "$path" "$s"; done
  done
done

min_scale=$(printf '%s\n' $scales | sort -n | head -1)
printf '\n%-11s %5s %10s %9s %16s %9s %16s %11s %9s %12s\n' path scale rows "load avg" "" "whole s" "range" "load s" "range" "rows/s"
printf '%-11s %5s %10s %9s %16s %9s %16s %11s %9s %12s\n' "" "" "" "(median)" "" "(median)" "" "(median)" "" "(load phase)" | sed 's/ *$//'
for path in $paths; do
  for s in $scales; do
    key="$path/$s"
    read -r wm wmin wmax _ <<<"$(stats ${whole[$key]})"
    read -r lm lmin lmax _ <<<"$(stats ${load[$key]})"
    read -r am _ _ _ <<<"$(stats ${loads[$key]})"
    peak=$(printf '%s\n' ${kb[$key]} | sort -n | tail -1)
    printf '%-11s %5s %10d %9s %8.2f %16s %11.2f %16s %12.0f  peak RSS %4d MB\n' "$path" "$s" "${rows[$s]}" "$am" "$wm" \
      "$(printf '%.2f–%.2f' "$wmin" "$wmax")" "$lm" "$(printf '%.2f–%.2f' "$lmin" "$lmax")" \
      "$(echo "${rows[$s]} / $lm" | bc -l)" "$((peak / 1024))"
    eval "m_${path//-/_}_$s=$lm; k_${path//-/_}_$s=$peak"
  done
  if [ "$min_scale" != "$max_scale" ]; then
    a=m_${path//-/_}_$min_scale b=m_${path//-/_}_$max_scale ka=k_${path//-/_}_$min_scale kb_=k_${path//-/_}_$max_scale
    printf '%-11s scale %s → %s: rows ×%.1f, load phase time ×%.2f, peak RSS ×%.2f\n' "$path" "$min_scale" "$max_scale" \
      "$(echo "${rows[$max_scale]} / ${rows[$min_scale]}" | bc -l)" "$(echo "${!b} / ${!a}" | bc -l)" "$(echo "${!kb_} / ${!ka}" | bc -l)"
  fi
done
echo "load average at the end: $(loadavg)"
