#!/usr/bin/env bash
# PostgreSQL → PostgreSQL full load, side by side in one run (issue 6):
#   orashift load  ·  psql COPY TO STDOUT | psql COPY FROM STDIN (the practical limit)  ·  pgloader
# on pgbench_accounts (pgbench scale S, 100,000 rows per unit of scale) and a wide table with
# NUMERIC/TIMESTAMP/TEXT/NULLs (W rows). Prints median seconds, their range, rows/s, peak RSS and ratios.
#   bench/pg_to_pg.sh [SCALE=20] [WIDE_ROWS=1000000] [RUNS=3]     (RUNS may also come from the environment)
# Starts its own throwaway PostgreSQL on a loopback port and stops it at the end.
# On a noisy 2-core machine one run's ratio moves by ±15%, so every tool runs RUNS times and the
# median counts (the min–max range shows how noisy it was). The runs are interleaved, round 1 every
# tool once, round 2 every tool once, …, so slow drift of the machine hits all tools alike. Every run
# loads into a freshly created database, and the server is quiesced before it (see quiesce), so no
# run pays for the checkpoint or autovacuum left behind by the one before.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SCALE=${1:-20}
WIDE=${2:-1000000}
RUNS=${3:-${RUNS:-3}}
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive integer, not '$RUNS'" >&2; exit 2; }
BIN=${ORASHIFT_BIN:-$ROOT/build/orashift}  # ORASHIFT_BIN: a copy, so a rebuild cannot break a running bench
[ -x "$BIN" ] || scripts/build
command -v pgloader >/dev/null || { echo "installing pgloader (Debian package)"; apt-get install -y -qq pgloader >/dev/null; }
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
export PATH=$PGBIN:$PATH

DIR=$(mktemp -d /tmp/orashift-bench.XXXXXX)
chmod 755 "$DIR"  # the server runs as the postgres user
PORT=$(( 40000 + RANDOM % 20000 ))
cleanup() { bash "$ROOT/tests/e2e/pg_server.sh" stop "$DIR/pg" >/dev/null 2>&1 || true; rm -rf "$DIR"; }
trap cleanup EXIT
URI=$(bash tests/e2e/pg_server.sh start "$DIR/pg" "$PORT")
P="psql -h 127.0.0.1 -p $PORT -U postgres -qAt"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"  # quiesce, stats

$P -c "CREATE DATABASE src"
pgbench -h 127.0.0.1 -p "$PORT" -U postgres -i -s "$SCALE" -q src >/dev/null 2>&1
$P -d src -c "CREATE TABLE wide (id bigint PRIMARY KEY, amount numeric(14,4), ratio numeric(20,10), created timestamp,
  label text, code varchar(10), note text, qty integer)" \
  -c "INSERT INTO wide SELECT g, g * 1.2345, g / 7.0, timestamp '2001-01-01' + g * interval '1.5 second',
      CASE WHEN g % 5 = 0 THEN NULL ELSE 'label ' || g END, 'c' || g % 100,
      CASE WHEN g % 3 = 0 THEN NULL ELSE repeat('x', g % 60) END, CASE WHEN g % 4 = 0 THEN NULL ELSE g % 1000 END
      FROM generate_series(1, $WIDE) g" -c "VACUUM ANALYZE"
TABLES=(pgbench_accounts wide)
declare -A ROWS=([pgbench_accounts]=$(( SCALE * 100000 )) [wide]=$WIDE)

measure() {  # name run-key command… → "seconds peak_kb"
  local out=$DIR/time.$1.$2
  /usr/bin/time -f "%e %M" -o "$out" "${@:3}" >"$DIR/log.$1.$2" 2>&1 || { echo "FAILED: $1 $2" >&2; cat "$DIR/log.$1.$2" >&2; echo "nan 0" >"$out"; }
  cat "$out"
}

declare -A SEC MEM MED LO HI OK BEST_PGL
TOOLS=(orashift orashift_pk psql pgloader pgloader_pf)
echo '{"FullLoadSettings":{"CreatePkAfterFullLoad":true}}' >"$DIR/pk-after.json"

run() {  # tool table round: one measured load of the table into a fresh dst_<tool>
  local tool=$1 t=$2 r=$3 db=dst_$1 s m n pf=""
  local cmd=()
  $P -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" 2>/dev/null
  case $tool in
    # orashift: one table per run, DROP_AND_CREATE from the source catalog.
    orashift)
      cmd=("$BIN" load --source "${URI%/*}/src" --target "${URI%/*}/$db" --out "$DIR/out.$tool.$t.$r"
        --mappings "$DIR/m.$t.json" --no-progress) ;;
    # The same with CreatePkAfterFullLoad: the key built after the rows, as pgloader builds its
    # indexes (the psql pipeline loads into the table with its key, like orashift's default).
    orashift_pk)
      cmd=("$BIN" load --source "${URI%/*}/src" --target "${URI%/*}/$db" --out "$DIR/out.$tool.$t.$r"
        --mappings "$DIR/m.$t.json" --settings "$DIR/pk-after.json" --no-progress) ;;
    # psql pipeline: the target table created empty first (structure only), then COPY | COPY.
    psql)
      pg_dump -h 127.0.0.1 -p "$PORT" -U postgres -s -t "$t" src | $P -d "$db" >/dev/null
      cmd=(bash -c "$P -d src -c 'COPY $t TO STDOUT' | $P -d $db -c 'COPY $t FROM STDIN'") ;;
    # pgloader: PostgreSQL to PostgreSQL for that table, at its defaults and with
    # `prefetch rows = 10000` (its knob for "Heap exhausted": on a 2-core machine it was both
    # faster and the only way through the wide table); ratios are against the faster of the two.
    pgloader|pgloader_pf)
      [ "$tool" = pgloader_pf ] && pf="WITH prefetch rows = 10000"
      cat >"$DIR/$tool.$t.load" <<EOF
LOAD DATABASE FROM pgsql://postgres@127.0.0.1:$PORT/src INTO pgsql://postgres@127.0.0.1:$PORT/$db
  $pf
  INCLUDING ONLY TABLE NAMES MATCHING '$t' IN SCHEMA 'public';
EOF
      cmd=(pgloader "$DIR/$tool.$t.load") ;;
  esac
  quiesce
  read -r s m < <(measure "$tool" "$t.$r" "${cmd[@]}")
  n=$($P -d "$db" -c "SELECT count(*) FROM $t" 2>/dev/null || echo "?")
  if [ "$n" != "${ROWS[$t]}" ]; then
    echo "WARNING: $tool run $r loaded $n rows of $t, expected ${ROWS[$t]}" >&2; s=nan
  fi
  # Dropped at once, so the loaded table is not there for autovacuum during the next tool's run.
  $P -c "DROP DATABASE $db"
  SEC[$tool.$t]="${SEC[$tool.$t]:-} $s"
  if (( m > ${MEM[$tool.$t]:-0} )); then MEM[$tool.$t]=$m; fi
}

for t in "${TABLES[@]}"; do
  cat >"$DIR/m.$t.json" <<JSON
{"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"t","object-locator":{"schema-name":"%","table-name":"$t"},"rule-action":"include"}]}
JSON
  for (( r = 1; r <= RUNS; r++ )); do
    for tool in "${TOOLS[@]}"; do run "$tool" "$t" "$r"; done
  done
  for tool in "${TOOLS[@]}"; do
    # shellcheck disable=SC2086  # the list of a tool's seconds, one word each
    read -r "MED[$tool.$t]" "LO[$tool.$t]" "HI[$tool.$t]" "OK[$tool.$t]" < <(stats ${SEC[$tool.$t]})
  done
  BEST_PGL[$t]=$(awk -v a="${MED[pgloader.$t]}" -v b="${MED[pgloader_pf.$t]}" \
    'BEGIN { if (a == "nan") print b; else if (b == "nan") print a; else print (a + 0 < b + 0 ? a : b) }')
done

printf '\n%-18s %-12s %10s %13s %5s %12s %10s %16s %16s\n' table tool median_s range_s ok rows/s peak_MB "vs psql (×)" "vs pgloader (×)"
for t in "${TABLES[@]}"; do
  for tool in "${TOOLS[@]}"; do
    awk -v t="$t" -v tool="$tool" -v s="${MED[$tool.$t]}" -v lo="${LO[$tool.$t]}" -v hi="${HI[$tool.$t]}" \
      -v ok="${OK[$tool.$t]}/$RUNS" -v n="${ROWS[$t]}" -v m="${MEM[$tool.$t]:-0}" -v ps="${MED[psql.$t]}" -v pl="${BEST_PGL[$t]}" '
      function ratio(a, b) { return (a == "nan" || b == "nan") ? "nan" : sprintf("%.2f", a / b) }
      BEGIN {
        if (s == "nan") printf "%-18s %-12s %10s %13s %5s %12s %10.1f %16s %16s\n", t, tool, "nan", "nan", ok, "nan", m / 1024, "nan", "nan"
        else printf "%-18s %-12s %10.2f %13s %5s %12.0f %10.1f %16s %16s\n", t, tool, s, sprintf("%.2f-%.2f", lo, hi), ok,
          n / s, m / 1024, ratio(ps, s), ratio(pl, s) }'
  done
done
echo "(median_s: the median of the runs that loaded every row, range_s: their fastest-slowest, ok: how many"
echo " did; rows/s and the ratios use the medians, peak_MB is the largest over all runs."
echo " vs psql / vs pgloader: their seconds divided by this tool's; > 1 means faster than them. vs pgloader"
echo " uses the faster pgloader median. orashift_pk: CreatePkAfterFullLoad, the key built after the rows as pgloader"
echo " builds its indexes; pgloader_pf: WITH prefetch rows = 10000)"
# Ratios depend on how busy the machine was (psql's pipeline is four processes, orashift two
# threads plus two backends): print the load average with every result.
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
