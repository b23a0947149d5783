#!/usr/bin/env bash
# SQLite → PostgreSQL full load, orashift vs pgloader side by side in one run (issue 6), on a
# table of N rows (integers, DECIMAL, DATETIME text, TEXT with NULLs). Prints seconds, rows/s,
# peak RSS and the ratio.      bench/sqlite_to_pg.sh [ROWS=1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
ROWS=${1:-1000000}
BIN=$ROOT/build/orashift
[ -x "$BIN" ] || scripts/build
command -v pgloader >/dev/null || { echo "installing pgloader (Debian package)"; apt-get install -y -qq pgloader >/dev/null; }
export PATH=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1):$PATH
DIR=$(mktemp -d /tmp/orashift-bench.XXXXXX)
chmod 755 "$DIR"  # the server runs as the postgres user
PORT=$(( 40000 + RANDOM % 20000 ))
cleanup() { bash "$ROOT/tests/e2e/pg_server.sh" stop "$DIR/pg" >/dev/null 2>&1 || true; rm -rf "$DIR"; }
trap cleanup EXIT
URI=$(bash tests/e2e/pg_server.sh start "$DIR/pg" "$PORT")
P="psql -h 127.0.0.1 -p $PORT -U postgres -qAt"
$P -c "CREATE DATABASE dst_orashift" -c "CREATE DATABASE dst_orashift_pk" -c "CREATE DATABASE dst_pgloader" -c "CREATE DATABASE dst_pgloader_pf"
sqlite3 "$DIR/src.db" "CREATE TABLE sales (id INTEGER PRIMARY KEY, cust_id INTEGER NOT NULL, amount DECIMAL(12,2),
  sold_at DATETIME, label TEXT, qty INTEGER);
  WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < $ROWS)
  INSERT INTO sales SELECT n, n % 50000, (n % 100000) / 100.0, datetime(978307200 + n, 'unixepoch'),
    CASE WHEN n % 5 = 0 THEN NULL ELSE 'label ' || n END, CASE WHEN n % 4 = 0 THEN NULL ELSE n % 1000 END FROM g;"
measure() { /usr/bin/time -f "%e %M" -o "$DIR/time.$1" "${@:2}" >"$DIR/log.$1" 2>&1 || { cat "$DIR/log.$1" >&2; echo "nan 0" >"$DIR/time.$1"; }; cat "$DIR/time.$1"; }
read -r s1 m1 < <(measure orashift "$BIN" load --source "sqlite:$DIR/src.db" --target "${URI%/*}/dst_orashift" --out "$DIR/out" --no-progress)
# The same with CreatePkAfterFullLoad: the key built after the rows, as pgloader builds its indexes.
echo '{"FullLoadSettings":{"CreatePkAfterFullLoad":true}}' >"$DIR/pk-after.json"
read -r s3 m3 < <(measure orashift_pk "$BIN" load --source "sqlite:$DIR/src.db" --target "${URI%/*}/dst_orashift_pk" \
  --out "$DIR/out-pk" --settings "$DIR/pk-after.json" --no-progress)
cat >"$DIR/pgl.load" <<LOAD
LOAD DATABASE FROM sqlite://$DIR/src.db INTO pgsql://postgres@127.0.0.1:$PORT/dst_pgloader;
LOAD
read -r s2 m2 < <(measure pgloader pgloader "$DIR/pgl.load")
# pgloader again with `prefetch rows = 10000` (faster on PostgreSQL sources here); ratios use the faster run.
cat >"$DIR/pgl-pf.load" <<LOAD
LOAD DATABASE FROM sqlite://$DIR/src.db INTO pgsql://postgres@127.0.0.1:$PORT/dst_pgloader_pf WITH prefetch rows = 10000;
LOAD
read -r s4 m4 < <(measure pgloader_pf pgloader "$DIR/pgl-pf.load")
best=$(awk -v a="$s2" -v b="$s4" 'BEGIN { if (a == "nan") print b; else if (b == "nan") print a; else print (a < b ? a : b) }')
for db in dst_orashift dst_orashift_pk dst_pgloader dst_pgloader_pf; do
  n=$($P -d "$db" -c "SELECT count(*) FROM sales" 2>/dev/null || echo "?")
  [ "$n" = "$ROWS" ] || echo "WARNING: $db has $n rows, expected $ROWS" >&2
done
printf '\n%-34s %10s %12s %10s %14s\n' tool seconds rows/s peak_MB "vs pgloader (×)"
awk -v s="$s1" -v m="$m1" -v p="$best" -v n="$ROWS" 'BEGIN { printf "%-34s %10.2f %12.0f %10.1f %14.2f\n", "orashift", s, n/s, m/1024, p/s }'
awk -v s="$s3" -v m="$m3" -v p="$best" -v n="$ROWS" 'BEGIN { printf "%-34s %10.2f %12.0f %10.1f %14.2f\n", "orashift, CreatePkAfterFullLoad", s, n/s, m/1024, p/s }'
awk -v s="$s2" -v m="$m2" -v p="$best" -v n="$ROWS" 'BEGIN { printf "%-34s %10.2f %12.0f %10.1f %14.2f\n", "pgloader", s, n/s, m/1024, p/s }'
awk -v s="$s4" -v m="$m4" -v p="$best" -v n="$ROWS" 'BEGIN { printf "%-34s %10.2f %12.0f %10.1f %14.2f\n", "pgloader, prefetch rows = 10000", s, n/s, m/1024, p/s }'
echo "(vs pgloader: the faster pgloader run's seconds divided by this tool's)"
