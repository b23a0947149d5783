#!/usr/bin/env bash
# Redshift staging throughput: builds bench/stage_throughput.cpp against the project's core
# library, makes the SH sample at scale 1 (or $SCALE), stages it with gzip and zstd on one core
# (STAGE_CODECS="gzip zstd" by default; e.g. "gzip zstd:1 zstd:3" to compare levels), uploads
# the parts to a throwaway local S3 server, then (CODECS=1, the default) compares the codecs
# alone on the staged CSV (bench/codec_compare.cpp: zlib vs libdeflate, zstd levels).
#   bench/stage_throughput.sh [BUILD_DIR]   (default build/, which must be built already)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
source "$root/bench/lib.sh"
scale=${SCALE:-1}
work=$(mktemp -d /tmp/orashift-stage-bench.XXXXXX)
s3dir=$work/s3
cleanup() { bash "$root/tests/e2e/s3_server.sh" stop "$s3dir" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

# Same flags as the project (CMake's compile_commands.json would say the same).
c++ -std=gnu++20 -O2 -DNDEBUG -I"$root/src" -I"$root/third_party/duckdb/include" \
  "$root/bench/stage_throughput.cpp" -o "$work/stage_throughput" \
  "$build/liborashift_core.a" -L"$root/third_party/duckdb/lib" -Wl,-rpath,"$root/third_party/duckdb/lib" \
  -lduckdb $ORASHIFT_CORE_LIBS

"$build/orashift" sample sh --scale "$scale" --out "$work/sample" >/dev/null
endpoint=$(bash "$root/tests/e2e/s3_server.sh" start "$s3dir" "${S3_PORT:-$(( 50000 + RANDOM % 10000 ))}")
export AWS_ACCESS_KEY_ID=${ORASHIFT_TEST_S3_ACCESS_KEY:-orashift-test-key}
export AWS_SECRET_ACCESS_KEY=${ORASHIFT_TEST_S3_SECRET_KEY:-orashift-test-secret}
export AWS_REGION=us-east-1
echo "SH sample scale $scale; $(nproc) cores on this machine; staging timed on 1 thread"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (MB/s per core are CSV bytes per CPU second: the load does not inflate them as much as wall time)"
"$work/stage_throughput" "$work/sample" "$work/staged" "$endpoint" "s3://${ORASHIFT_TEST_S3_BUCKET:-orashift-test}/bench"

if [ "${CODECS:-1}" = 1 ]; then
  c++ -std=gnu++20 -O2 -DNDEBUG "$root/bench/codec_compare.cpp" -o "$work/codec_compare" -ldeflate -lz -lzstd -lfmt
  gz=$(find "$work/staged" -maxdepth 1 -name 'gzip-*' | head -1)
  find "$gz" -name '*.csv.gz' | sort | xargs cat | gzip -dc >"$work/all.csv"
  "$work/codec_compare" "$work/all.csv" 3
fi

# The whole pipeline for comparison: read the .dat files, convert, encode, compress, upload
# (stage-only + --s3: no Redshift connection), with the engine's default 2 load units.
for codec in gzip zstd; do
  start=$(date +%s.%N)
  "$build/orashift" migrate --source "oracle-files:$work/sample" --target redshift://bench@localhost:5439/dev \
    --out "$work/migrate-$codec" --stage-only "$work/pipeline-$codec" --no-progress --compression "$codec" \
    --s3 "s3://${ORASHIFT_TEST_S3_BUCKET:-orashift-test}/pipeline-$codec" --s3-endpoint "$endpoint" >/dev/null 2>&1
  end=$(date +%s.%N)
  rows=$(grep -o '"rows_loaded": *[0-9]*' "$work/migrate-$codec/report/report.json" | grep -o '[0-9]*$' | paste -sd+ | bc)
  printf 'migrate --stage-only --s3 (%s, read+convert+stage+upload, 2 units): %d rows in %.2f s: %.0f rows/s\n' \
    "$codec" "$rows" "$(echo "$end - $start" | bc)" "$(echo "$rows / ($end - $start)" | bc -l)"
done
