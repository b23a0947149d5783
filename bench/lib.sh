# Shared by the load benchmarks (sourced; quiesce needs P, the psql command for their server).

# A load leaves dirty pages behind (written by a checkpoint some time later) and a table that
# autovacuum will visit; both would run during the next tool's clock. Flush them first, wait for
# autovacuum workers to finish (at most 60 s, then measure anyway), and let the machine settle.
quiesce() {
  local i n=0
  $P -c "CHECKPOINT"
  for (( i = 0; i < 300; i++ )); do
    n=$($P -c "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")
    if [ "$n" = 0 ]; then break; fi
    sleep 0.2
  done
  [ "$n" = 0 ] || echo "WARNING: $n autovacuum worker(s) still running after 60 s; measuring anyway" >&2
  sleep 1
}

stats() {  # seconds… → "median min max ok" over the runs that did not fail (nan if none did)
  awk 'BEGIN {
    for (i = 1; i < ARGC; i++) if (ARGV[i] != "nan") { v = ARGV[i] + 0; for (j = n++; j > 0 && a[j] > v; j--) a[j + 1] = a[j]; a[j + 1] = v }
    if (n == 0) { print "nan nan nan 0"; exit }
    print (n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2), a[1], a[n], n }' "$@"
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# A SH sample control file → "TABLE|DATA|f1,f2,…" (the sample's control files: one INTO TABLE,
# fields one per line in the data's order).
ctl_spec() {
  awk -v dir="$(dirname "$1")" '
    /^INFILE/ { gsub(/\x27/, "", $2); data = dir "/" $2 }
    /^INTO TABLE/ { table = $3 }
    /^[( ]/ && table != "" { f = $1; sub(/^\(/, "", f); sub(/[,)]$/, "", f); cols = cols (cols == "" ? "" : ",") f }
    END { print table "|" data "|" cols }' "$1"
}

time_cmd() {  # OUT_PREFIX cmd… → "$OUT_PREFIX.s" seconds, "$OUT_PREFIX.kb" peak RSS, "$OUT_PREFIX.cpu" user + system s
  local s e
  s=$(date +%s.%N)
  /usr/bin/time -f '%M %U %S' -o "$1.time" "${@:2}" >"$1.log" 2>&1 || echo nan >"$1.failed"
  e=$(date +%s.%N)
  echo "$e - $s" | bc >"$1.s"
  # The last line: /usr/bin/time prefixes "Command exited with non-zero status" on failure.
  tail -1 "$1.time" | awk '{ print $1 >"'"$1"'.kb"; print $2 + $3 >"'"$1"'.cpu" }'
}

# The libraries a bench program linked against build/liborashift_core.a needs (CMakeLists.txt's
# list for the orashift target): one place, so that a new dependency reaches every bench.
ORASHIFT_CORE_LIBS="-lpq -lsqlite3 -lcurl -lssl -lcrypto -lz -lzstd -ldeflate -lfmt -lpthread -ldl"

summary() {  # LABEL ROWS SECONDS… → one line: median, range, rows/s
  local m mn mx ok
  read -r m mn mx ok <<<"$(stats "${@:3}")"
  printf '%-24s %8.3f %16s %12.0f\n' "$1" "$m" "$(printf '%.3f–%.3f' "$mn" "$mx")" "$(echo "$2 / $m" | bc -l)"
}

selection_mappings() {  # TABLE FILE → a task table-mapping file selecting that one table
  printf '{"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"1","object-locator":{"schema-name":"%%","table-name":"%s"},"rule-action":"include"}]}\n' \
    "${1^^}" >"$2"
}
