#!/usr/bin/env bash
# PostgreSQL → PostgreSQL full load, side by side in one run (issue 6):
#   orashift load  ·  psql COPY TO STDOUT | psql COPY FROM STDIN (the practical limit)  ·  pgloader
# on pgbench_accounts (pgbench scale S, 100,000 rows per unit of scale) and a wide table with
# NUMERIC/TIMESTAMP/TEXT/NULLs (W rows). Prints seconds, rows/s, peak RSS and ratios.
#   bench/pg_to_pg.sh [SCALE=20] [WIDE_ROWS=1000000]
# Starts its own throwaway PostgreSQL on a loopback port and stops it at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SCALE=${1:-20}
WIDE=${2:-1000000}
BIN=$ROOT/build/orashift
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

$P -c "CREATE DATABASE src" -c "CREATE DATABASE dst_orashift" -c "CREATE DATABASE dst_orashift_pk" -c "CREATE DATABASE dst_psql" -c "CREATE DATABASE dst_pgloader"
pgbench -h 127.0.0.1 -p "$PORT" -U postgres -i -s "$SCALE" -q src >/dev/null 2>&1
$P -d src -c "CREATE TABLE wide (id bigint PRIMARY KEY, amount numeric(14,4), ratio numeric(20,10), created timestamp,
  label text, code varchar(10), note text, qty integer)" \
  -c "INSERT INTO wide SELECT g, g * 1.2345, g / 7.0, timestamp '2001-01-01' + g * interval '1.5 second',
      CASE WHEN g % 5 = 0 THEN NULL ELSE 'label ' || g END, 'c' || g % 100,
      CASE WHEN g % 3 = 0 THEN NULL ELSE repeat('x', g % 60) END, CASE WHEN g % 4 = 0 THEN NULL ELSE g % 1000 END
      FROM generate_series(1, $WIDE) g" -c "VACUUM ANALYZE"
TABLES=(pgbench_accounts wide)
declare -A ROWS=([pgbench_accounts]=$(( SCALE * 100000 )) [wide]=$WIDE)

measure() {  # name table command… → "seconds peak_kb"
  local out=$DIR/time.$1.$2
  /usr/bin/time -f "%e %M" -o "$out" "${@:3}" >"$DIR/log.$1.$2" 2>&1 || { echo "FAILED: $1 $2" >&2; cat "$DIR/log.$1.$2" >&2; echo "nan 0" >"$out"; }
  cat "$out"
}

declare -A SEC MEM BEST_PGL
TOOLS=(orashift orashift_pk psql pgloader pgloader_pf)
for t in "${TABLES[@]}"; do
  # orashift: one table per run, DROP_AND_CREATE from the source catalog.
  cat >"$DIR/m.$t.json" <<JSON
{"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"t","object-locator":{"schema-name":"%","table-name":"$t"},"rule-action":"include"}]}
JSON
  read -r s m < <(measure orashift "$t" "$BIN" load --source "${URI%/*}/src" --target "${URI%/*}/dst_orashift" \
    --out "$DIR/out" --mappings "$DIR/m.$t.json" --no-progress)
  SEC[orashift.$t]=$s; MEM[orashift.$t]=$m
  # The same with CreatePkAfterFullLoad: the key built after the rows, as pgloader builds its
  # indexes (the psql pipeline loads into the table with its key, like orashift's default).
  echo '{"FullLoadSettings":{"CreatePkAfterFullLoad":true}}' >"$DIR/pk-after.json"
  read -r s m < <(measure orashift_pk "$t" "$BIN" load --source "${URI%/*}/src" --target "${URI%/*}/dst_orashift_pk" \
    --out "$DIR/out-pk" --mappings "$DIR/m.$t.json" --settings "$DIR/pk-after.json" --no-progress)
  SEC[orashift_pk.$t]=$s; MEM[orashift_pk.$t]=$m
  # psql pipeline: the target table created empty first (structure only), then COPY | COPY.
  pg_dump -h 127.0.0.1 -p "$PORT" -U postgres -s -t "$t" src | $P -d dst_psql >/dev/null
  read -r s m < <(measure psql "$t" bash -c "$P -d src -c 'COPY $t TO STDOUT' | $P -d dst_psql -c 'COPY $t FROM STDIN'")
  SEC[psql.$t]=$s; MEM[psql.$t]=$m
  # pgloader: PostgreSQL to PostgreSQL for that table, at its defaults and with
  # `prefetch rows = 10000` (its knob for "Heap exhausted": on a 2-core machine it was both
  # faster and the only way through the wide table); ratios are against the faster of the two.
  for pf in "" "WITH prefetch rows = 10000"; do
    tool=pgloader; [ -n "$pf" ] && tool=pgloader_pf
    $P -c "DROP DATABASE IF EXISTS dst_$tool" -c "CREATE DATABASE dst_$tool" 2>/dev/null
    cat >"$DIR/pgl.$t.load" <<LOAD
LOAD DATABASE FROM pgsql://postgres@127.0.0.1:$PORT/src INTO pgsql://postgres@127.0.0.1:$PORT/dst_$tool
  $pf
  INCLUDING ONLY TABLE NAMES MATCHING '$t' IN SCHEMA 'public';
LOAD
    read -r s m < <(measure "$tool" "$t" pgloader "$DIR/pgl.$t.load")
    SEC[$tool.$t]=$s; MEM[$tool.$t]=$m
  done
  BEST_PGL[$t]=$(awk -v a="${SEC[pgloader.$t]}" -v b="${SEC[pgloader_pf.$t]}" \
    'BEGIN { if (a == "nan") print b; else if (b == "nan") print a; else print (a < b ? a : b) }')
  for tool in "${TOOLS[@]}"; do
    db=dst_$tool
    n=$($P -d "$db" -c "SELECT count(*) FROM $t" 2>/dev/null || echo "?")
    [ "$n" = "${ROWS[$t]}" ] || { echo "WARNING: $tool loaded $n rows of $t, expected ${ROWS[$t]}" >&2; SEC[$tool.$t]=nan; }
  done
done

printf '\n%-18s %-12s %10s %12s %10s %16s %16s\n' table tool seconds rows/s peak_MB "vs psql (×)" "vs pgloader (×)"
for t in "${TABLES[@]}"; do
  for tool in "${TOOLS[@]}"; do
    s=${SEC[$tool.$t]}
    awk -v t="$t" -v tool="$tool" -v s="$s" -v n="${ROWS[$t]}" -v m="${MEM[$tool.$t]}" -v ps="${SEC[psql.$t]}" -v pl="${BEST_PGL[$t]}" \
      'BEGIN { printf "%-18s %-12s %10.2f %12.0f %10.1f %16.2f %16.2f\n", t, tool, s, n / s, m / 1024, ps / s, pl / s }'
  done
done
echo "(vs psql / vs pgloader: their seconds divided by this tool's; > 1 means faster than them. vs pgloader"
echo " uses the faster pgloader run. orashift_pk: CreatePkAfterFullLoad, the key built after the rows as pgloader"
echo " builds its indexes; pgloader_pf: WITH prefetch rows = 10000)"
# Ratios depend on how busy the machine was (psql's pipeline is four processes, orashift two
# threads plus two backends): print the load average with every result.
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
