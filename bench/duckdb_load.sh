#!/usr/bin/env bash
# oracle-files → DuckDB beside DuckDB's own `COPY … FROM` of the same files into the same tables
# (issue 18): the SH sample at scale $SCALE, SALES alone and the whole schema, $RUNS interleaved
# runs of each tool (the order alternates), medians with ranges, the ratio printed.
#   bench/duckdb_load.sh [BUILD_DIR]        SCALE=1 RUNS=5 SCOPES="sales all" PERF=0
# orashift side: `orashift load` (DMS's DROP_AND_CREATE) into a fresh file, process wall time.
# Native side: a fresh file, the tables orashift created (their `CREATE TABLE` read back from
# DuckDB, so the same types and keys), then `COPY t (fields) FROM 'file.dat'` per control file:
# process wall time of bench/duckdb_sql.cpp. Both end with the same row counts (checked).
# PERF=1 records `perf record -g` of one more orashift run per scope into $WORK/perf-SCOPE.data.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
scale=${SCALE:-1}
runs=${RUNS:-5}
scopes=${SCOPES:-sales all}
work=${WORK:-$(mktemp -d /tmp/orashift-duckdb-bench.XXXXXX)}
mkdir -p "$work"
source "$root/bench/lib.sh"

c++ -std=gnu++20 -O2 -DNDEBUG -I"$root/src" -I"$root/third_party/duckdb/include" \
  "$root/bench/duckdb_sql.cpp" -o "$work/duckdb_sql" \
  "$build/liborashift_core.a" -L"$root/third_party/duckdb/lib" -Wl,-rpath,"$root/third_party/duckdb/lib" \
  -lduckdb -lpq -lsqlite3 -lcurl -lssl -lcrypto -lz -lzstd -lfmt -lpthread

echo "SH sample scale $scale, $runs interleaved runs per tool; $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -d "$work/src" ] || "$build/orashift" sample sh --scale "$scale" --out "$work/src" >/dev/null

# One control file → "TABLE|DATA|f1,f2,…" (the sample's control files: one INTO TABLE, fields
# one per line in the data's order).
ctl_spec() {
  awk -v dir="$(dirname "$1")" '
    /^INFILE/ { gsub(/\x27/, "", $2); data = dir "/" $2 }
    /^INTO TABLE/ { table = $3 }
    /^[( ]/ && table != "" { f = $1; sub(/^\(/, "", f); sub(/[,)]$/, "", f); cols = cols (cols == "" ? "" : ",") f }
    END { print table "|" data "|" cols }' "$1"
}

time_cmd() {  # OUT_PREFIX cmd… → "$OUT_PREFIX.s" seconds, "$OUT_PREFIX.kb" peak RSS
  local s e
  s=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$1.kb" "${@:2}" >"$1.log" 2>&1 || echo nan >"$1.failed"
  e=$(date +%s.%N)
  echo "$e - $s" | bc >"$1.s"
}

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
    printf '{"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"1","object-locator":{"schema-name":"%%","table-name":"%s"},"rule-action":"include"}]}\n' \
      "${scope^^}" >"$work/mappings-$scope.json"
    mappings=(--mappings "$work/mappings-$scope.json")
  fi
  # The tables as orashift creates them, read back for the native side.
  rm -rf "$work/ref-$scope.duckdb" "$work/ref-$scope"
  "$build/orashift" load --source "oracle-files:$work/src" --target "duckdb:$work/ref-$scope.duckdb" \
    --out "$work/ref-$scope" --no-progress "${mappings[@]}" >/dev/null 2>&1 || true
  "$work/duckdb_sql" "$work/ref-$scope.duckdb" --ddl >"$work/ddl-$scope.sql"
  cat "$work/ddl-$scope.sql" "$copy" >"$work/native-$scope.sql"
  rows=0
  for t in "${tables[@]}"; do
    n=$("$work/duckdb_sql" "$work/ref-$scope.duckdb" --query "SELECT count(*) FROM $t")
    rows=$((rows + n))
  done

  o_times=() n_times=() o_kb=() n_kb=() ratios=()
  for (( i = 1; i <= runs; i++ )); do
    order=(orashift native)
    (( i % 2 == 0 )) && order=(native orashift)
    for tool in "${order[@]}"; do
      rm -rf "$work/run.duckdb" "$work/run.duckdb.wal" "$work/run-out" "$work/$tool."*
      if [ "$tool" = orashift ]; then
        time_cmd "$work/$tool" "$build/orashift" load --source "oracle-files:$work/src" --target "duckdb:$work/run.duckdb" \
          --out "$work/run-out" --no-progress "${mappings[@]}"
      else
        time_cmd "$work/$tool" "$work/duckdb_sql" "$work/run.duckdb" "$work/native-$scope.sql"
      fi
      got=0
      for t in "${tables[@]}"; do
        n=$("$work/duckdb_sql" "$work/run.duckdb" --query "SELECT count(*) FROM $t" 2>/dev/null || echo 0)
        got=$((got + n))
      done
      s=$(cat "$work/$tool.s")
      if [ -e "$work/$tool.failed" ] || [ "$got" != "$rows" ]; then
        echo "run $i $tool: FAILED or wrong rows ($got of $rows): $(tail -3 "$work/$tool.log")" >&2
        s=nan
      fi
      if [ "$tool" = orashift ]; then o_times+=("$s"); o_kb+=("$(cat "$work/$tool.kb")"); os=$s
      else n_times+=("$s"); n_kb+=("$(cat "$work/$tool.kb")"); ns=$s; fi
    done
    if [ "$os" != nan ] && [ "$ns" != nan ]; then ratios+=("$(echo "$ns / $os" | bc -l)"); else ratios+=(nan); fi
  done
  read -r om omin omax ok <<<"$(stats "${o_times[@]}")"
  read -r nm nmin nmax nok <<<"$(stats "${n_times[@]}")"
  read -r rm rmin rmax rok <<<"$(stats "${ratios[@]}")"
  echo "---- scope $scope: ${#tables[@]} table(s), $rows rows, $(du -cb $(awk -F"'" '{print $2}' "$copy") | tail -1 | cut -f1) bytes of data; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-9s %8s %18s %12s %10s\n' tool median "range" rows/s "peak RSS"
  printf '%-9s %8.3f %18s %12.0f %7d MB\n' orashift "$om" "$(printf '%.3f–%.3f' "$omin" "$omax")" "$(echo "$rows / $om" | bc -l)" \
    "$(( $(printf '%s\n' "${o_kb[@]}" | sort -n | tail -1) / 1024 ))"
  printf '%-9s %8.3f %18s %12.0f %7d MB\n' "COPY" "$nm" "$(printf '%.3f–%.3f' "$nmin" "$nmax")" "$(echo "$rows / $nm" | bc -l)" \
    "$(( $(printf '%s\n' "${n_kb[@]}" | sort -n | tail -1) / 1024 ))"
  printf 'orashift / native COPY speed: %.2f× (median of medians); per interleaved pair: median %.2f×, range %.2f–%.2f× (%d pairs)\n' \
    "$(echo "$nm / $om" | bc -l)" "$rm" "$rmin" "$rmax" "$rok"
  if [ "${PERF:-0}" = 1 ]; then
    rm -rf "$work/run.duckdb" "$work/run-out"
    perf record -g -o "$work/perf-$scope.data" "$build/orashift" load --source "oracle-files:$work/src" \
      --target "duckdb:$work/run.duckdb" --out "$work/run-out" --no-progress "${mappings[@]}" >/dev/null 2>&1
    echo "perf data: $work/perf-$scope.data (perf report -i … --no-children --sort dso,symbol)"
  fi
done
echo "work directory: $work"
