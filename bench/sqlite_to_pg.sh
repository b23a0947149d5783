#!/usr/bin/env bash
# SQLite → PostgreSQL full load, orashift vs pgloader side by side in one run (issue 6), on a
# table of N rows (integers, DECIMAL, DATETIME text, TEXT with NULLs). Prints median seconds, their
# range, rows/s, peak RSS and the ratio.
#   bench/sqlite_to_pg.sh [ROWS=1000000] [RUNS=3]     (RUNS may also come from the environment)
# On a noisy 2-core machine one run's ratio moves by ±15%, so every tool runs RUNS times and the
# median counts (the min–max range shows how noisy it was). The runs are interleaved, round 1 every
# tool once, round 2 every tool once, …, so slow drift of the machine hits all tools alike. Every run
# loads into a freshly created database, and the server is quiesced before it (see quiesce), so no
# run pays for the checkpoint or autovacuum left behind by the one before.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
ROWS=${1:-1000000}
RUNS=${2:-${RUNS:-3}}
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive integer, not '$RUNS'" >&2; exit 2; }
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
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"  # quiesce, stats
sqlite3 "$DIR/src.db" "CREATE TABLE sales (id INTEGER PRIMARY KEY, cust_id INTEGER NOT NULL, amount DECIMAL(12,2),
  sold_at DATETIME, label TEXT, qty INTEGER);
  WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < $ROWS)
  INSERT INTO sales SELECT n, n % 50000, (n % 100000) / 100.0, datetime(978307200 + n, 'unixepoch'),
    CASE WHEN n % 5 = 0 THEN NULL ELSE 'label ' || n END, CASE WHEN n % 4 = 0 THEN NULL ELSE n % 1000 END FROM g;"
measure() { /usr/bin/time -f "%e %M" -o "$DIR/time.$1" "${@:2}" >"$DIR/log.$1" 2>&1 || { cat "$DIR/log.$1" >&2; echo "nan 0" >"$DIR/time.$1"; }; cat "$DIR/time.$1"; }

TOOLS=(orashift orashift_pk pgloader pgloader_pf)
declare -A LABEL=([orashift]="orashift" [orashift_pk]="orashift, CreatePkAfterFullLoad"
  [pgloader]="pgloader" [pgloader_pf]="pgloader, prefetch rows = 10000")
declare -A SEC MEM MED LO HI OK
# orashift_pk: the same with CreatePkAfterFullLoad, the key built after the rows, as pgloader builds its indexes.
echo '{"FullLoadSettings":{"CreatePkAfterFullLoad":true}}' >"$DIR/pk-after.json"
# pgloader at its defaults and again with `prefetch rows = 10000` (faster on PostgreSQL sources
# here); the ratio uses the faster of the two.
for tool in pgloader pgloader_pf; do
  pf=""; [ "$tool" = pgloader_pf ] && pf=" WITH prefetch rows = 10000"
  cat >"$DIR/$tool.load" <<EOF
LOAD DATABASE FROM sqlite://$DIR/src.db INTO pgsql://postgres@127.0.0.1:$PORT/dst_$tool$pf;
EOF
done

run() {  # tool round: one measured load into a fresh dst_<tool>
  local tool=$1 r=$2 db=dst_$1 s m n
  local cmd=()
  $P -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" 2>/dev/null
  case $tool in
    orashift) cmd=("$BIN" load --source "sqlite:$DIR/src.db" --target "${URI%/*}/$db" --out "$DIR/out.$tool.$r" --no-progress) ;;
    orashift_pk) cmd=("$BIN" load --source "sqlite:$DIR/src.db" --target "${URI%/*}/$db" --out "$DIR/out.$tool.$r"
      --settings "$DIR/pk-after.json" --no-progress) ;;
    pgloader|pgloader_pf) cmd=(pgloader "$DIR/$tool.load") ;;
  esac
  quiesce
  read -r s m < <(measure "$tool.$r" "${cmd[@]}")
  n=$($P -d "$db" -c "SELECT count(*) FROM sales" 2>/dev/null || echo "?")
  if [ "$n" != "$ROWS" ]; then echo "WARNING: $db has $n rows after run $r, expected $ROWS" >&2; s=nan; fi
  # Dropped at once, so the loaded table is not there for autovacuum during the next tool's run.
  $P -c "DROP DATABASE $db"
  SEC[$tool]="${SEC[$tool]:-} $s"
  if (( m > ${MEM[$tool]:-0} )); then MEM[$tool]=$m; fi
}

for (( r = 1; r <= RUNS; r++ )); do
  for tool in "${TOOLS[@]}"; do run "$tool" "$r"; done
done
for tool in "${TOOLS[@]}"; do
  # shellcheck disable=SC2086  # the list of a tool's seconds, one word each
  read -r "MED[$tool]" "LO[$tool]" "HI[$tool]" "OK[$tool]" < <(stats ${SEC[$tool]})
done
best=$(awk -v a="${MED[pgloader]}" -v b="${MED[pgloader_pf]}" \
  'BEGIN { if (a == "nan") print b; else if (b == "nan") print a; else print (a + 0 < b + 0 ? a : b) }')

printf '\n%-34s %10s %13s %5s %12s %10s %14s\n' tool median_s range_s ok rows/s peak_MB "vs pgloader (×)"
for tool in "${TOOLS[@]}"; do
  awk -v tool="${LABEL[$tool]}" -v s="${MED[$tool]}" -v lo="${LO[$tool]}" -v hi="${HI[$tool]}" -v ok="${OK[$tool]}/$RUNS" \
    -v m="${MEM[$tool]:-0}" -v p="$best" -v n="$ROWS" '
    BEGIN {
      if (s == "nan") printf "%-34s %10s %13s %5s %12s %10.1f %14s\n", tool, "nan", "nan", ok, "nan", m / 1024, "nan"
      else printf "%-34s %10.2f %13s %5s %12.0f %10.1f %14s\n", tool, s, sprintf("%.2f-%.2f", lo, hi), ok, n / s, m / 1024,
        (p == "nan" ? "nan" : sprintf("%.2f", p / s)) }'
done
echo "(median_s: the median of the runs that loaded every row, range_s: their fastest-slowest, ok: how many"
echo " did; rows/s and the ratio use the medians, peak_MB is the largest over all runs."
echo " vs pgloader: the faster pgloader median divided by this tool's)"
# The ratio depends on how busy the machine was: print the load average with every result.
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
