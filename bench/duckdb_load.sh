#!/usr/bin/env bash
# oracle-files → DuckDB beside DuckDB's own `COPY … FROM` of the same files into the same tables
# (issue 18): the SH sample at scale $SCALE, SALES alone and the whole schema, $RUNS interleaved
# runs of each tool (the order alternates), medians with ranges, the ratio printed.
#   bench/duckdb_load.sh [BUILD_DIR]        SCALE=1 RUNS=5 SCOPES="sales all" PERF=0 MIGRATE=1 BASE=
#
# The tables: one reference `orashift migrate` of the whole sample writes its converted DuckDB
# DDL (OUT/duckdb/0*_table_*.sql: the types narrowed from the data's evidence, NOT NULLs, keys
# inside CREATE TABLE as DuckDB needs them). Those files, run into an empty file, make
# `empty.duckdb`; every run of either tool starts from a copy of it (copied outside the clock), so
# both load into exactly the tables migrate creates.
# orashift side: `orashift load --settings {TargetTablePrepMode: DO_NOTHING}` (SALES alone with a
# selection rule, or every table): process wall time, every Oracle check included.
# Native side: `COPY t (fields) FROM 'file.dat'` per control file through bench/duckdb_sql.cpp
# (the DuckDB library orashift loads; there is no DuckDB CLI here): process wall time.
# MIGRATE=1 also times the whole `orashift migrate` command (convert, profiling pass, apply,
# load, keys, verification) once per round of the `all` scope, and its load phase alone.
# BASE=OTHER_BUILD_DIR also runs that build's `orashift load` in every round (an A/B of two
# builds, interleaved with each other and with the native COPY), with its own ratio.
# CPU seconds (user + system, children included) are printed beside the wall times: on a
# machine shared with other work they move less than the wall time does.
# PERF=1 records `perf record -g` of one more orashift run per scope into $WORK/perf-SCOPE.data.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
scale=${SCALE:-1}
runs=${RUNS:-5}
scopes=${SCOPES:-sales all}
with_migrate=${MIGRATE:-1}
base=${BASE:-}
work=${WORK:-$(mktemp -d /tmp/orashift-duckdb-bench.XXXXXX)}
mkdir -p "$work"
source "$root/bench/lib.sh"
duckdb_lib=$(sed -n 's/^DUCKDB_LIBRARY:FILEPATH=//p' "$build/CMakeCache.txt")
duckdb_lib=${duckdb_lib:-$root/third_party/duckdb/lib/libduckdb.so}
duckdb_inc=$(sed -n 's/^DUCKDB_INCLUDE_DIR:PATH=//p' "$build/CMakeCache.txt")
duckdb_inc=${duckdb_inc:-$root/third_party/duckdb/include}

c++ -std=gnu++20 -O2 -DNDEBUG -I"$root/src" -I"$duckdb_inc" \
  "$root/bench/duckdb_sql.cpp" -o "$work/duckdb_sql" \
  "$build/liborashift_core.a" "$duckdb_lib" -Wl,-rpath,"$(dirname "$duckdb_lib")" \
  $ORASHIFT_CORE_LIBS

echo "SH sample scale $scale, $runs interleaved runs per tool; $(nproc) cores; load average: $(loadavg)"
[ -d "$work/src" ] || "$build/orashift" sample sh --scale "$scale" --out "$work/src" >/dev/null

count_rows() {  # FILE table… → total rows
  local n got=0
  for t in "${@:2}"; do
    n=$("$work/duckdb_sql" "$1" --query "SELECT count(*) FROM $t" 2>/dev/null || echo 0)
    got=$((got + n))
  done
  echo "$got"
}

# The reference migrate: its DDL is the tables of both sides.
rm -rf "$work/ref.duckdb" "$work/ref"
"$build/orashift" migrate --source "oracle-files:$work/src" --target "duckdb:$work/ref.duckdb" --out "$work/ref" \
  --no-progress >"$work/ref.log" 2>&1 || { echo "reference migrate failed: $(tail -3 "$work/ref.log")" >&2; exit 1; }
cat "$work"/ref/duckdb/0*_table_*.sql >"$work/ddl.sql"
rm -f "$work/empty.duckdb"
"$work/duckdb_sql" "$work/empty.duckdb" "$work/ddl.sql"
echo '{"FullLoadSettings": {"TargetTablePrepMode": "DO_NOTHING"}}' >"$work/settings.json"
echo "tables (from the reference migrate's $work/ref/duckdb):"
grep -A12 'CREATE TABLE "sales"' "$work/ddl.sql" | sed -n '1,/^);/p'


for scope in $scopes; do
  mappings=()
  tables=()
  copy=$work/copy-$scope.sql
  : >"$copy"
  for ctl in "$work"/src/*.ctl; do
    IFS='|' read -r table data cols < <(ctl_spec "$ctl")
    if [ "$scope" = all ] || [ "${table,,}" = "$scope" ]; then
      tables+=("${table,,}")
      echo "COPY ${table,,} ($cols) FROM '$data' (FORMAT csv, DELIMITER '|', QUOTE '\"', ESCAPE '\"', HEADER false);" >>"$copy"
    fi
  done
  if [ "$scope" != all ]; then
    selection_mappings "$scope" "$work/mappings-$scope.json"
    mappings=(--mappings "$work/mappings-$scope.json")
  fi
  rows=$(count_rows "$work/ref.duckdb" "${tables[@]}")

  o_times=() n_times=() m_times=() m_load=() o_kb=() n_kb=() ratios=() loads=()
  b_times=() b_kb=() b_ratios=() o_cpu=() n_cpu=() b_cpu=()
  for (( i = 1; i <= runs; i++ )); do
    order=(orashift native)
    [ -n "$base" ] && order+=(base)
    if (( i % 2 == 0 )); then order=(native orashift); [ -n "$base" ] && order=(base native orashift); fi
    [ "$scope" = all ] && [ "$with_migrate" = 1 ] && order+=(migrate)
    for tool in "${order[@]}"; do
      rm -rf "$work/run.duckdb" "$work/run.duckdb.wal" "$work/run-out" "$work/$tool."*
      [ "$tool" = migrate ] || cp "$work/empty.duckdb" "$work/run.duckdb"
      sync
      loads+=("$(cut -d' ' -f1 /proc/loadavg)")
      case $tool in
        orashift)
          time_cmd "$work/$tool" "$build/orashift" load --source "oracle-files:$work/src" --target "duckdb:$work/run.duckdb" \
            --out "$work/run-out" --settings "$work/settings.json" --no-progress "${mappings[@]}" ;;
        base)
          time_cmd "$work/$tool" "$base/orashift" load --source "oracle-files:$work/src" --target "duckdb:$work/run.duckdb" \
            --out "$work/run-out" --settings "$work/settings.json" --no-progress "${mappings[@]}" ;;
        native) time_cmd "$work/$tool" "$work/duckdb_sql" "$work/run.duckdb" "$copy" ;;
        migrate)
          time_cmd "$work/$tool" "$build/orashift" migrate --source "oracle-files:$work/src" --target "duckdb:$work/run.duckdb" \
            --out "$work/run-out" --no-progress ;;
      esac
      got=$(count_rows "$work/run.duckdb" "${tables[@]}")
      s=$(cat "$work/$tool.s")
      if [ -e "$work/$tool.failed" ] || [ "$got" != "$rows" ]; then
        echo "run $i $tool: FAILED or wrong rows ($got of $rows): $(tail -3 "$work/$tool.log")" >&2
        s=nan
      fi
      case $tool in
        orashift) o_times+=("$s"); o_kb+=("$(cat "$work/$tool.kb")"); o_cpu+=("$(cat "$work/$tool.cpu")"); os=$s ;;
        base) b_times+=("$s"); b_kb+=("$(cat "$work/$tool.kb")"); b_cpu+=("$(cat "$work/$tool.cpu")"); bs=$s ;;
        native) n_times+=("$s"); n_kb+=("$(cat "$work/$tool.kb")"); n_cpu+=("$(cat "$work/$tool.cpu")"); ns=$s ;;
        migrate)
          m_times+=("$s")
          # migrate's summary table: "total … seconds rows/s": the load phase's wall time.
          m_load+=("$(awk '$1 == "total" { print $(NF - 1) }' "$work/$tool.log" | tail -1)") ;;
      esac
    done
    if [ "$os" != nan ] && [ "$ns" != nan ]; then ratios+=("$(echo "$ns / $os" | bc -l)"); else ratios+=(nan); fi
    if [ -n "$base" ]; then
      if [ "$bs" != nan ] && [ "$ns" != nan ]; then b_ratios+=("$(echo "$ns / $bs" | bc -l)"); else b_ratios+=(nan); fi
    fi
  done
  read -r om _ _ _ <<<"$(stats "${o_times[@]}")"
  read -r nm _ _ _ <<<"$(stats "${n_times[@]}")"
  read -r rm rmin rmax rok <<<"$(stats "${ratios[@]}")"
  read -r lm lmin lmax _ <<<"$(stats "${loads[@]}")"
  echo "---- scope $scope: ${#tables[@]} table(s), $rows rows, $(du -cbL $(awk -F"'" '{print $2}' "$copy") | tail -1 | cut -f1) bytes of data;" \
    "load average (1 min) at the runs' starts: median $lm, range $lmin–$lmax"
  cpu_range() { read -r a b c _ <<<"$(stats "$@")"; printf '%.2f (%.2f–%.2f)' "$a" "$b" "$c"; }
  printf '%-24s %8s %16s %12s %10s  %s\n' tool "median s" "range s" rows/s "peak RSS" "CPU s (user + system)"
  printf '%s %7d MB  %s\n' "$(summary "orashift load" "$rows" "${o_times[@]}")" "$(( $(printf '%s\n' "${o_kb[@]}" | sort -n | tail -1) / 1024 ))" "$(cpu_range "${o_cpu[@]}")"
  if [ -n "$base" ]; then
    printf '%s %7d MB  %s\n' "$(summary "BASE orashift load" "$rows" "${b_times[@]}")" "$(( $(printf '%s\n' "${b_kb[@]}" | sort -n | tail -1) / 1024 ))" "$(cpu_range "${b_cpu[@]}")"
  fi
  printf '%s %7d MB  %s\n' "$(summary "DuckDB COPY" "$rows" "${n_times[@]}")" "$(( $(printf '%s\n' "${n_kb[@]}" | sort -n | tail -1) / 1024 ))" "$(cpu_range "${n_cpu[@]}")"
  if [ ${#m_times[@]} -gt 0 ]; then
    summary "orashift migrate (all)" "$rows" "${m_times[@]}"
    summary "  its load phase" "$rows" "${m_load[@]}"
  fi
  printf 'orashift load / native COPY speed: %.2f× (ratio of medians); per interleaved pair: median %.2f×, range %.2f–%.2f× (%d pairs)\n' \
    "$(echo "$nm / $om" | bc -l)" "$rm" "$rmin" "$rmax" "$rok"
  if [ -n "$base" ]; then
    read -r bm _ _ _ <<<"$(stats "${b_times[@]}")"
    read -r brm brmin brmax brok <<<"$(stats "${b_ratios[@]}")"
    printf 'BASE (%s) load / native COPY speed: %.2f× (ratio of medians); per interleaved pair: median %.2f×, range %.2f–%.2f× (%d pairs)\n' \
      "$base" "$(echo "$nm / $bm" | bc -l)" "$brm" "$brmin" "$brmax" "$brok"
  fi
  if [ ${#m_times[@]} -gt 0 ]; then
    read -r mm _ _ _ <<<"$(stats "${m_times[@]}")"
    read -r ml _ _ _ <<<"$(stats "${m_load[@]}")"
    printf 'native COPY / whole migrate: %.2f×; native COPY / migrate load phase: %.2f× (ratios of medians)\n' \
      "$(echo "$nm / $mm" | bc -l)" "$(echo "$nm / $ml" | bc -l)"
  fi
  if [ "${PERF:-0}" = 1 ]; then
    rm -rf "$work/run.duckdb" "$work/run-out"
    cp "$work/empty.duckdb" "$work/run.duckdb"
    perf record -F 499 -g -o "$work/perf-$scope.data" "$build/orashift" load --source "oracle-files:$work/src" \
      --target "duckdb:$work/run.duckdb" --out "$work/run-out" --settings "$work/settings.json" --no-progress \
      "${mappings[@]}" >/dev/null 2>&1
    echo "perf data: $work/perf-$scope.data (perf report -i … --no-children --sort dso,symbol)"
  fi
done
echo "work directory: $work"
