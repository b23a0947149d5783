#!/usr/bin/env bash
# Types from evidence, measured (docs/type-mapping.md#types-from-evidence): the SH sample at
# scale $SCALE (default 1) converted for Redshift with --types declared and with the default
# (evidence), the DDL of the star's tables side by side; then migrated both ways into DuckDB
# and PostgreSQL, and the walkthrough's SALES ⋈ CHANNELS query and a five-table star join timed
# ($RUNS runs after a warm-up, median/min/max seconds), plus table sizes on disk.
#   bench/types_evidence.sh [BUILD_DIR]      PostgreSQL: $BENCH_PG (a libpq URI of a server whose
#                                            user may CREATE DATABASE); without it DuckDB only.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
source "$root/bench/lib.sh"
scale=${SCALE:-1}
runs=${RUNS:-5}
work=${WORK:-$(mktemp -d /tmp/orashift-types-bench.XXXXXX)}
mkdir -p "$work"

c++ -std=gnu++20 -O2 -DNDEBUG -I"$root/src" -I"$root/third_party/duckdb/include" \
  "$root/bench/query_timing.cpp" -o "$work/query_timing" \
  "$build/liborashift_core.a" -L"$root/third_party/duckdb/lib" -Wl,-rpath,"$root/third_party/duckdb/lib" \
  -lduckdb $ORASHIFT_CORE_LIBS

echo "SH sample scale $scale, $runs runs per query; $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$build/orashift" sample sh --scale "$scale" --out "$work/src" >/dev/null

# 1. Redshift DDL before (declared) and after (evidence).
# The profiling pass is the difference between the two convert times (median of $runs).
for types in declared auto; do
  times=()
  for (( i = 0; i < runs; i++ )); do
    s=$(date +%s.%N)
    "$build/orashift" convert --source "oracle-files:$work/src" --target redshift --out "$work/rs-$types" \
      --types "$types" >/dev/null
    e=$(date +%s.%N)
    times+=("$(echo "$e - $s" | bc)")
  done
  echo "convert --target redshift --types $types: median $(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p") s of ${times[*]}"
done
for t in channels customers products sales; do
  for types in declared auto; do
    echo "---- Redshift DDL of $t, --types $types"
    sed -n '/^-- /p;/^CREATE TABLE/,/;$/p' "$work/rs-$types/redshift/"*"_TABLE_${t^^}.sql" 2>/dev/null ||
      sed -n '/^-- /p;/^CREATE TABLE/,/;$/p' "$work/rs-$types/redshift/"*"_table_${t}.sql"
  done
done

# 2. Load both ways.
migrate() {  # TARGET OUT TYPES
  local s e
  s=$(date +%s.%N)
  "$build/orashift" migrate --source "oracle-files:$work/src" --target "$1" --out "$work/$2" --no-progress \
    --replace --types "$3" >/dev/null 2>&1
  e=$(date +%s.%N)
  printf 'migrate %-9s --types %-8s %.2f s wall (convert incl. profiling, load, keys, verify)\n' "${1%%:*}" "$3" \
    "$(echo "$e - $s" | bc)"
}
targets=()
for types in declared auto; do
  rm -f "$work/sh-$types.duckdb"
  migrate "duckdb:$work/sh-$types.duckdb" "duck-$types" "$types"
  targets+=("duckdb:$work/sh-$types.duckdb")
done
if [ -n "${BENCH_PG:-}" ]; then
  base=${BENCH_PG%/*}
  for types in declared auto; do
    psql -qAt "$BENCH_PG" -c "DROP DATABASE IF EXISTS types_$types" -c "CREATE DATABASE types_$types" >/dev/null 2>&1
    migrate "$base/types_$types" "pg-$types" "$types"
    psql -qAt "$base/types_$types" -c "VACUUM ANALYZE" >/dev/null
    targets+=("$base/types_$types")
  done
fi

# 3. Queries.
channels='channels=SELECT c.channel_desc, COUNT(*), SUM(s.amount_sold) FROM sales s JOIN channels c ON s.channel_id = c.channel_id GROUP BY 1 ORDER BY 1'
star='star=SELECT ch.channel_desc, p.prod_category, cu.cust_gender, pr.promo_category, COUNT(*), SUM(s.amount_sold) FROM sales s JOIN channels ch ON s.channel_id = ch.channel_id JOIN products p ON s.prod_id = p.prod_id JOIN customers cu ON s.cust_id = cu.cust_id JOIN promotions pr ON s.promo_id = pr.promo_id GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4'
echo "---- query seconds: target types query median min max (load average $(cut -d' ' -f1-3 /proc/loadavg))"
for round in 1 2; do  # interleaved, twice, so a busy moment hits both variants
  for t in "${targets[@]}"; do
    kind=${t%%:*}; types=declared; [[ $t == *auto* ]] && types=evidence
    "$work/query_timing" "$t" "$runs" "$channels" "$star" | sed "s/^/round $round $kind $types /"
  done
done

# 4. Sizes.
echo "---- sizes on disk"
for types in declared auto; do
  echo "duckdb $types file $(stat -c %s "$work/sh-$types.duckdb") bytes"
done
if [ -n "${BENCH_PG:-}" ]; then
  for types in declared auto; do
    # Heap bytes and total bytes (indexes, TOAST) of each table, its partitions summed (SALES is partitioned).
    psql -qAt "$base/types_$types" -F ' ' -c "SELECT 'postgres $types ' || c.relname, COALESCE((SELECT sum(pg_relation_size(relid)) FROM pg_partition_tree(c.oid)), pg_relation_size(c.oid)), COALESCE((SELECT sum(pg_total_relation_size(relid)) FROM pg_partition_tree(c.oid)), pg_total_relation_size(c.oid)) FROM pg_class c WHERE c.relname IN ('sales','customers','products','channels','promotions','times') AND c.relkind IN ('r','p') ORDER BY 1"
  done
fi
echo "work dir: $work"
