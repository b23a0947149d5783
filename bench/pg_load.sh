#!/usr/bin/env bash
# oracle-files → PostgreSQL beside the server's own `COPY … FROM 'file'` of the same rows into the
# same tables (issue 18): the SH sample at scale $SCALE, SALES alone and the whole schema, $RUNS
# interleaved runs of each tool (the order alternates), medians with ranges, the ratio printed.
#   bench/pg_load.sh [BUILD_DIR]     SCALE=1 RUNS=5 SCOPES="sales all" PORT=random WORK=mktemp
# Starts its own throwaway PostgreSQL 15 (tests/e2e/pg_server.sh) and stops it at the end.
# The tables: one reference `orashift migrate` of the whole sample writes its converted
# PostgreSQL DDL; its CREATE TABLE files (OUT/postgres/0*_table_*.sql: types narrowed from the
# data's evidence) are applied to a fresh database before every run of either tool, and the
# server is quiesced (bench/lib.sh) before the clock starts.
# orashift side: `orashift migrate` into the fresh database (whole schema only: migrate has no
# table selection), its load phase (binary COPY, every Oracle check; migrate's own summary) and
# the whole command. `orashift load` with DO_NOTHING into these narrowed tables is not used: it
# carries an unconstrained NUMBER at scale 10 and PostgreSQL refuses "17.0000000000" for INTEGER. Server side: `COPY t (fields) FROM '/…/file.dat' (FORMAT csv,
# DELIMITER '|', QUOTE '"')` per control file, run by psql: the server reads and parses the file
# itself, the server's own ingest limit. It does none of Oracle's checks.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
scale=${SCALE:-1}
runs=${RUNS:-5}
scopes=${SCOPES:-all}
port=${PORT:-$(( 40000 + RANDOM % 20000 ))}
work=${WORK:-$(mktemp -d /tmp/orashift-pg-bench.XXXXXX)}
mkdir -p "$work"
chmod 755 "$work"  # the server (user postgres) reads the data files
source "$root/bench/lib.sh"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
export PATH=$PGBIN:$PATH
cleanup() { bash "$root/tests/e2e/pg_server.sh" stop "$work/pg" >/dev/null 2>&1 || true; }
trap cleanup EXIT
uri=$(bash "$root/tests/e2e/pg_server.sh" start "$work/pg" "$port")
P="psql -h 127.0.0.1 -p $port -U postgres -qAt"
echo "SH sample scale $scale, $runs interleaved runs per tool; $(nproc) cores; load average: $(loadavg)"
[ -d "$work/src" ] || "$build/orashift" sample sh --scale "$scale" --out "$work/src" >/dev/null
chmod -R a+rX "$work/src"

db_uri() { echo "postgresql://postgres@127.0.0.1:$port/$1"; }
count_rows() {  # DB table… → total rows
  local got=0 n
  for t in "${@:2}"; do
    n=$($P -d "$1" -c "SELECT count(*) FROM $t" 2>/dev/null || echo 0)
    got=$((got + n))
  done
  echo "$got"
}

$P -c "DROP DATABASE IF EXISTS ref" -c "CREATE DATABASE ref"
"$build/orashift" migrate --source "oracle-files:$work/src" --target "$(db_uri ref)" --out "$work/ref" --no-progress \
  >"$work/ref.log" 2>&1 || { echo "reference migrate failed: $(tail -3 "$work/ref.log")" >&2; exit 1; }
cat "$work"/ref/postgres/0*_table_*.sql >"$work/ddl.sql"
echo '{"FullLoadSettings": {"TargetTablePrepMode": "DO_NOTHING"}}' >"$work/settings.json"
echo "tables (from the reference migrate's $work/ref/postgres):"
grep -A10 'CREATE TABLE "sales"' "$work/ddl.sql" | sed -n '1,/^);/p'


for scope in $scopes; do
  mappings=() tables=()
  copy=$work/copy-$scope.sql
  : >"$copy"
  for ctl in "$work"/src/*.ctl; do
    IFS='|' read -r table data cols < <(ctl_spec "$ctl")
    if [ "$scope" = all ] || [ "${table,,}" = "$scope" ]; then
      tables+=("${table,,}")
      echo "COPY ${table,,} ($cols) FROM '$data' (FORMAT csv, DELIMITER '|', QUOTE '\"');" >>"$copy"
    fi
  done
  if [ "$scope" != all ]; then
    selection_mappings "$scope" "$work/mappings-$scope.json"
    mappings=(--mappings "$work/mappings-$scope.json")
  fi
  rows=$(count_rows ref "${tables[@]}")
  o_times=() m_times=() n_times=() o_kb=() ratios=() loads=()
  for (( i = 1; i <= runs; i++ )); do
    order=(orashift server)
    (( i % 2 == 0 )) && order=(server orashift)
    for tool in "${order[@]}"; do
      rm -rf "$work/run-out" "$work/$tool."*
      $P -c "DROP DATABASE IF EXISTS run" -c "CREATE DATABASE run"
      [ "$tool" = server ] && $P -d run -f "$work/ddl.sql" >/dev/null
      quiesce
      loads+=("$(cut -d' ' -f1 /proc/loadavg)")
      if [ "$tool" = orashift ]; then
        time_cmd "$work/$tool" "$build/orashift" migrate --source "oracle-files:$work/src" --target "$(db_uri run)" \
          --out "$work/run-out" --no-progress
      else
        time_cmd "$work/$tool" $P -v ON_ERROR_STOP=1 -d run -f "$copy"
      fi
      got=$(count_rows run "${tables[@]}")
      s=$(cat "$work/$tool.s")
      if [ -e "$work/$tool.failed" ] || [ "$got" != "$rows" ]; then
        echo "run $i $tool: FAILED or wrong rows ($got of $rows): $(tail -3 "$work/$tool.log")" >&2
        s=nan
      fi
      if [ "$tool" = orashift ]; then
        m_times+=("$s"); o_kb+=("$(cat "$work/$tool.kb")")
        # migrate's summary table: "total … seconds rows/s": the load phase's wall time.
        [ "$s" = nan ] || s=$(awk '$1 == "total" { print $(NF - 1) }' "$work/$tool.log" | tail -1)
        o_times+=("$s"); os=$s
      else n_times+=("$s"); ns=$s; fi
    done
    if [ "$os" != nan ] && [ "$ns" != nan ]; then ratios+=("$(echo "$ns / $os" | bc -l)"); else ratios+=(nan); fi
  done
  read -r om _ _ _ <<<"$(stats "${o_times[@]}")"
  read -r nm _ _ _ <<<"$(stats "${n_times[@]}")"
  read -r rm rmin rmax rok <<<"$(stats "${ratios[@]}")"
  read -r lm lmin lmax _ <<<"$(stats "${loads[@]}")"
  echo "---- scope $scope: ${#tables[@]} table(s), $rows rows; load average (1 min) at the runs' starts: median $lm, range $lmin–$lmax"
  printf '%-24s %8s %16s %12s %10s\n' tool "median s" "range s" rows/s "peak RSS"
  printf '%s %7d MB\n' "$(summary "orashift migrate (whole)" "$rows" "${m_times[@]}")" "$(( $(printf '%s\n' "${o_kb[@]}" | sort -n | tail -1) / 1024 ))"
  summary "  its load phase" "$rows" "${o_times[@]}"
  summary "server COPY FROM file" "$rows" "${n_times[@]}"
  printf 'orashift load phase / server COPY speed: %.2f× (ratio of medians); per interleaved pair: median %.2f×, range %.2f–%.2f× (%d pairs)\n' \
    "$(echo "$nm / $om" | bc -l)" "$rm" "$rmin" "$rmax" "$rok"
done
echo "work directory: $work"
