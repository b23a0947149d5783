#!/usr/bin/env bash
# orashift vs ora2pg on PL/SQL code units (issue 14): for every corpus source with PL/SQL (the
# Oracle sample schemas, Logger, oos-utils, Alexandria, utPLSQL: tests/e2e/browser_check.h's
# corpus_sources) both tools convert the same files offline, both outputs go to a fresh database
# with plpgsql_check on a throwaway PostgreSQL 15, and the table shows per source the Oracle
# units each tool got created and plpgsql_check-clean, and each tool's conversion time.
# Counting: bench/ora2pg_code_units.py; what is counted and why: bench/README.md.
#   bench/ora2pg_code_compare.sh [PORT]    (ORASHIFT_BIN, default build/orashift; installs ora2pg)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-47433}"
ROOT="$(pwd)"
BIN="$(realpath -m "${ORASHIFT_BIN:-build/orashift}")"
CORPUS="${ORASHIFT_CORPUS:-$ROOT/../shared/corpus}"
[ -d "$CORPUS/oracle-samples__db-sample-schemas" ] || { echo "corpus not found at $CORPUS"; exit 1; }
[ -x "$BIN" ] || { echo "$BIN missing: run scripts/build or set ORASHIFT_BIN"; exit 1; }
command -v ora2pg >/dev/null || scripts/setup --bench --no-build

W="$(mktemp -d /tmp/ora2pg-code-bench.XXXXXX)"
chmod 755 "$W"  # the PostgreSQL server runs as user postgres
URI="$(bash tests/e2e/pg_server.sh start "$W/pg" "$PORT" | tail -1)"
trap 'bash tests/e2e/pg_server.sh stop "$W/pg" >/dev/null 2>&1 || true' EXIT
BASE="${URI%/*}"

# ora2pg reads a configuration even with -i; the DSN is never connected to. PACKAGE_AS_SCHEMA is
# written out: ora2pg 23.2 documents 1 as its default but leaves it off when the configuration
# does not name it (then members become pkg_fn and calls are rewritten to match).
cat > "$W/ora2pg.conf" <<CONF
ORACLE_DSN dbi:Oracle:host=localhost;sid=none
ORACLE_USER none
ORACLE_PWD none
PG_VERSION 15
PACKAGE_AS_SCHEMA 1
CONF

now() { date +%s.%N; }
# CPU seconds (user + system, children included) of a command: robust when the machine is busy.
cpu() { /usr/bin/time -f "%U %S" -o "$W/time.$$" "$@" >/dev/null 2>&1 || true; tail -1 "$W/time.$$" | awk '{print $1 + $2}'; }
export PGOPTIONS="-c client_min_messages=warning"
newdb() {
  psql -q "$BASE/postgres" -c "DROP DATABASE IF EXISTS \"$1\"" -c "CREATE DATABASE \"$1\"" >/dev/null
  psql -q "$BASE/$1" -c "CREATE EXTENSION plpgsql_check" >/dev/null
  echo "$BASE/$1"
}
ratio() { echo "$1 / ($2 + 0.005)" | bc -l; }  # time counts in 10 ms steps: never divide by 0

SOURCES=()
for d in "$CORPUS"/oracle-samples__db-sample-schemas/main/* "$CORPUS"/oracle-samples__db-sample-schemas/v21.1-legacy/*; do
  [ -d "$d" ] && SOURCES+=("$d")
done
for d in utPLSQL__utPLSQL mortenbra__alexandria-plsql-utils OraOpenSource__Logger OraOpenSource__oos-utils; do
  [ -d "$CORPUS/$d" ] && SOURCES+=("$CORPUS/$d")
done
# BENCH_ONLY=REGEX keeps the sources whose label (the path under the corpus, e.g. main/hr or
# utPLSQL__utPLSQL) matches (a quick partial run); the corpus's own path is not matched.
if [ -n "${BENCH_ONLY:-}" ]; then
  kept=(); for d in "${SOURCES[@]}"; do
    label=${d#"$CORPUS"/}; label=${label#oracle-samples__db-sample-schemas/}
    [[ "$label" =~ $BENCH_ONLY ]] && kept+=("$d")
  done; SOURCES=("${kept[@]}")
fi

FMT='%-32s %5s %6s %6s %6s %6s %6s %8s %8s %6s %7s %7s %6s\n'
ROW='%-32s %5d %6d %6d %6d %6d %6d %8.3f %8.3f %5.1fx %7.2f %7.2f %5.1fx\n'
printf "$FMT" source units os_cr os_ok o2p_cr o2p_ok o2p_na "os wall" "o2p wall" "wall×" "os cpu" "o2p cpu" "cpu×" > "$W/table.txt"
T_N=0; T_OC=0; T_OK=0; T_PC=0; T_PK=0; T_NA=0; T_OW=0; T_PW=0; T_OU=0; T_PU=0; T_X=0
for S in "${SOURCES[@]}"; do
  case "$S" in
    */main/*|*/v21.1-legacy/*) name="$(basename "$(dirname "$S")")/$(basename "$S")" ;;
    *) name="$(basename "$S")" ;;
  esac
  tag="$(echo "$name" | tr 'A-Z' 'a-z' | tr -c 'a-z0-9\n' '_')"
  D="$W/$tag"; mkdir -p "$D/o2p"
  # orashift: convert (timed), then apply everything it wrote to a fresh database.
  t0=$(now); os_cpu=$(cpu "$BIN" convert --source "oracle-files:$S" --target postgres --types declared --out "$D/os"); t1=$(now)
  [ -f "$D/os/postgres/manifest.json" ] || { echo "$name: orashift convert wrote no manifest" >&2; continue; }
  python3 bench/ora2pg_code_units.py inputs "$D/os/postgres/manifest.json" > "$D/files.txt"
  [ -s "$D/files.txt" ] || continue  # no PL/SQL unit in this source
  "$BIN" apply "$D/os/postgres" --target "$(newdb "os_$tag")" --json "$D/os.json" >/dev/null 2>&1 || true
  # ora2pg: the files orashift read, concatenated in order; one run per unit kind (timed).
  # ORA2PG_PER_FILE=1: one run per file and kind instead, outputs concatenated — a statement
  # ora2pg cannot split then swallows the rest of its own file only, not of every file after it
  # (slower: ora2pg starts once per file). A run is stopped after ORA2PG_FILE_TIMEOUT seconds
  # (default 30; ora2pg 23.2 spent over 8 CPU-minutes on utPLSQL's ut_coverage_cobertura_reporter.tpb
  # alone): that file then gives ora2pg nothing, and the timeouts are counted on stderr.
  while read -r f; do cat "$f"; echo; done < "$D/files.txt" > "$D/input.sql"
  t2=$(now); o2p_cpu=0
  for T in PROCEDURE FUNCTION PACKAGE TRIGGER TYPE; do
    if [ "${ORA2PG_PER_FILE:-0}" = 1 ]; then
      : > "$D/o2p/$T.sql"
      while read -r f; do
        c=$(cpu timeout "${ORA2PG_FILE_TIMEOUT:-30}" ora2pg -q -c "$W/ora2pg.conf" -i "$f" -t "$T" -b "$D/o2p" -o "$T.part.sql")
        grep -q "^Command exited with non-zero status 124" "$W/time.$$" 2>/dev/null && echo "ora2pg timed out: $T $f" >&2
        o2p_cpu=$(echo "$o2p_cpu + $c" | bc -l)
        [ -f "$D/o2p/$T.part.sql" ] && { cat "$D/o2p/$T.part.sql"; echo; } >> "$D/o2p/$T.sql"
        rm -f "$D/o2p/$T.part.sql"
      done < "$D/files.txt"
    else
      c=$(cpu ora2pg -q -c "$W/ora2pg.conf" -i "$D/input.sql" -t "$T" -b "$D/o2p" -o "$T.sql")
      o2p_cpu=$(echo "$o2p_cpu + $c" | bc -l)
    fi
  done
  t3=$(now)
  read -r n oc ok pc pk x na < <(python3 bench/ora2pg_code_units.py count "$D" "$BIN" "$BASE/os_$tag" "$(newdb "o2p_$tag")")
  [ -n "${n:-}" ] || { echo "$name: counting failed" >&2; continue; }
  ow=$(echo "$t1 - $t0" | bc -l); pw=$(echo "$t3 - $t2" | bc -l)
  printf "$ROW" "$name" "$n" "$oc" "$ok" "$pc" "$pk" "$na" "$ow" "$pw" "$(ratio "$pw" "$ow")" "$os_cpu" "$o2p_cpu" \
    "$(ratio "$o2p_cpu" "$os_cpu")" >> "$W/table.txt"
  T_N=$((T_N + n)); T_OC=$((T_OC + oc)); T_OK=$((T_OK + ok)); T_PC=$((T_PC + pc)); T_PK=$((T_PK + pk)); T_NA=$((T_NA + na)); T_X=$((T_X + x))
  T_OW=$(echo "$T_OW + $ow" | bc -l); T_PW=$(echo "$T_PW + $pw" | bc -l)
  T_OU=$(echo "$T_OU + $os_cpu" | bc -l); T_PU=$(echo "$T_PU + $o2p_cpu" | bc -l)
done
printf "$ROW" corpus "$T_N" "$T_OC" "$T_OK" "$T_PC" "$T_PK" "$T_NA" "$T_OW" "$T_PW" "$(ratio "$T_PW" "$T_OW")" "$T_OU" "$T_PU" \
  "$(ratio "$T_PU" "$T_OU")" >> "$W/table.txt"
echo
echo "units = PL/SQL units orashift found (procedures, functions, package specs and bodies, triggers, types and type bodies);"
echo "_cr = units created on PostgreSQL 15 (every object / CREATE statement written for it applied), _ok = created and"
echo "plpgsql_check-clean; o2p_na = units of a kind ora2pg 23.2 does not convert (type bodies, counted as not created);"
echo "wall / cpu = conversion seconds (orashift: convert --types declared with its report;"
echo "ora2pg: -t PROCEDURE, FUNCTION, PACKAGE, TRIGGER, TYPE, one run each); × = ora2pg / orashift (+5 ms)."
echo "ora2pg CREATE statements naming no Oracle unit (package members it also wrote as standalone routines,"
echo "types of package specs): $T_X, applied but not counted. Per unit: $W/*/units.txt"
cat "$W/table.txt"
echo "work dir: $W"
