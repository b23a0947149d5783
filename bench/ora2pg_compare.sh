#!/usr/bin/env bash
# orashift vs ora2pg on Oracle's sample schemas (issue 4): both tools convert the same DDL files
# offline (ora2pg with -i, no Oracle), both outputs are applied to a real PostgreSQL server (a
# fresh database per tool per schema), and the table shows per schema the tables, views and
# sequences that apply cleanly (the CREATE and every key/index/comment statement on it succeed)
# and each tool's conversion time. Then bench/ora2pg_code_compare.sh does the same for the PL/SQL
# code units of the whole corpus (same port, after this script's server is stopped).
#   bench/ora2pg_compare.sh [PORT]   (ORASHIFT_BIN, default build/orashift; installs ora2pg if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-47432}"
ROOT="$(pwd)"
CORPUS="$ROOT/../shared/corpus/oracle-samples__db-sample-schemas"
[ -d "$CORPUS" ] || { echo "corpus not found at $CORPUS"; exit 1; }
BIN="$(realpath -m "${ORASHIFT_BIN:-build/orashift}")"
[ -x "$BIN" ] || { echo "$BIN missing: run scripts/build or set ORASHIFT_BIN"; exit 1; }
command -v ora2pg >/dev/null || scripts/setup --bench --no-build

W="$(mktemp -d /tmp/ora2pg-bench.XXXXXX)"
chmod 755 "$W"  # the PostgreSQL server runs as user postgres
URI="$(bash tests/e2e/pg_server.sh start "$W/pg" "$PORT" | tail -1)"
trap 'bash tests/e2e/pg_server.sh stop "$W/pg" >/dev/null 2>&1 || true' EXIT
BASE="${URI%/*}"

# ora2pg reads a configuration even with -i; the DSN is never connected to.
cat > "$W/ora2pg.conf" <<CONF
ORACLE_DSN dbi:Oracle:host=localhost;sid=none
ORACLE_USER none
ORACLE_PWD none
PG_VERSION 15
CONF

now() { date +%s.%N; }
# CPU seconds (user + system, children included) of a command: robust when the machine is busy.
cpu() { /usr/bin/time -f "%U %S" -o "$W/time.$$" "$@" >/dev/null 2>&1 || true; tail -1 "$W/time.$$" | awk '{print $1 + $2}'; }
export PGOPTIONS="-c client_min_messages=warning"
newdb() { psql -q "$BASE/postgres" -c "DROP DATABASE IF EXISTS \"$1\"" -c "CREATE DATABASE \"$1\"" >/dev/null; echo "$BASE/$1"; }

printf '%-32s %7s %8s %7s %10s %9s %8s %10s %9s %8s\n' schema objects orashift ora2pg "os wall s" "o2p wall" "wall ×" "os cpu s" "o2p cpu" "cpu ×" > "$W/table.txt"
TOT_O=0; TOT_P=0; TOT_N=0; TOT_TO=0; TOT_TP=0; TOT_CO=0; TOT_CP=0
for S in "$CORPUS"/main/* "$CORPUS"/v21.1-legacy/*; do
  [ -d "$S" ] || continue
  name="$(basename "$(dirname "$S")")/$(basename "$S")"
  tag="$(echo "$name" | tr -c 'a-z0-9\n' '_')"
  mkdir -p "$W/$tag"
  # orashift: convert (timed) + apply.
  t0=$(now); c_os_cpu=$(cpu "$BIN" convert --source "oracle-files:$S" --target postgres --types declared --out "$W/$tag/os"); t1=$(now)
  "$BIN" apply "$W/$tag/os/postgres" --target "$(newdb "os_$tag")" --json "$W/$tag/os.json" >/dev/null 2>&1 || true
  # ora2pg gets the same files orashift read (those its objects come from), concatenated in order.
  python3 - "$W/$tag/os/postgres/manifest.json" > "$W/$tag/files.txt" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
seen = []
for o in m["objects"] + m["flagged"]:
    f = o.get("source", "").rsplit(":", 2)[0]
    if f and f not in seen: seen.append(f)
if seen: print("\n".join(seen))
PY
  [ -s "$W/$tag/files.txt" ] || continue
  while read -r f; do cat "$f"; echo; done < "$W/$tag/files.txt" > "$W/$tag/input.sql"
  mkdir -p "$W/$tag/o2p"
  t2=$(now); c_o2p_cpu=0
  for T in TABLE VIEW SEQUENCE; do
    c=$(cpu ora2pg -q -c "$W/ora2pg.conf" -i "$W/$tag/input.sql" -t "$T" -b "$W/$tag/o2p" -o "$T.sql")
    c_o2p_cpu=$(echo "$c_o2p_cpu + $c" | bc -l)
  done
  t3=$(now)
  db="$(newdb "o2p_$tag")"
  read -r n_obj c_os c_o2p < <(python3 - "$W/$tag" "$db" <<'PY'
import json, re, subprocess, sys, os
d, db = sys.argv[1], sys.argv[2]
KINDS = ("TABLE", "VIEW", "SEQUENCE")
# orashift: an object is clean when its CREATE applied and nothing on its table failed.
man = json.load(open(os.path.join(d, "os/postgres/manifest.json")))
res = json.load(open(os.path.join(d, "os.json")))
failed = {(f["kind"], f["name"]) for f in res["failed"]}
failed_tables = {o["table"] for o in man["objects"] if (o["kind"], o["name"]) in failed and o["table"]}
os_objects = [o for o in man["objects"] if o["kind"].split()[-1] in KINDS]
clean_os = sum(1 for o in os_objects if (o["kind"], o["name"]) not in failed and o["name"] not in failed_tables)
source_objects = len(os_objects) + sum(1 for f in man["flagged"] if f["kind"].split()[-1] in KINDS)
# ora2pg: split its scripts into statements, run each, attribute failures to the object named.
def statements(text):
    out, cur, q, i = [], [], False, 0
    lines = [l for l in text.splitlines() if not l.startswith("\\")]
    text = "\n".join(lines)
    while i < len(text):
        c = text[i]
        if not q and text.startswith("--", i):
            j = text.find("\n", i); i = len(text) if j < 0 else j; continue
        if c == "'": q = not q
        if c == ";" and not q:
            s = "".join(cur).strip()
            if s: out.append(s)
            cur = []
        else:
            cur.append(c)
        i += 1
    return out
create = re.compile(r"^CREATE\s+(?:OR\s+REPLACE\s+)?(?:UNLOGGED\s+|GLOBAL\s+TEMPORARY\s+|TEMPORARY\s+)?(TABLE|VIEW|SEQUENCE)\s+(?:IF\s+NOT\s+EXISTS\s+)?([\w.\"]+)", re.I)
about = re.compile(r"^(?:ALTER\s+TABLE\s+(?:ONLY\s+)?([\w.\"]+)|COMMENT\s+ON\s+(?:TABLE|COLUMN|VIEW)\s+([\w\"]+)|CREATE\s+(?:UNIQUE\s+)?INDEX\s+\S+\s+ON\s+([\w.\"]+))", re.I)
objects, bad = {}, set()
for t in KINDS:
    p = os.path.join(d, "o2p", t + ".sql")
    if not os.path.exists(p): continue
    for s in statements(open(p, errors="replace").read()):
        # psql -c exits 1 when the statement fails.
        ok = subprocess.run(["psql", "-q", "-X", db, "-c", s], capture_output=True).returncode == 0
        m = create.match(s)
        if m:
            key = m.group(2).strip('"').lower().split(".")[-1]
            objects[key] = ok
            continue
        a = about.match(s)
        if a and not ok:
            bad.add(next(g for g in a.groups() if g).strip('"').lower().split(".")[-1])
clean_o2p = sum(1 for k, ok in objects.items() if ok and k not in bad)
print(source_objects, clean_os, clean_o2p)
PY
)
  to=$(echo "$t1 - $t0" | bc -l); tp=$(echo "$t3 - $t2" | bc -l)
  printf '%-32s %7d %8d %7d %10.3f %9.3f %7.1fx %10.3f %9.3f %7.1fx\n' "$name" "$n_obj" "$c_os" "$c_o2p" "$to" "$tp" \
    "$(echo "$tp / $to" | bc -l)" "$c_os_cpu" "$c_o2p_cpu" "$(echo "$c_o2p_cpu / ($c_os_cpu + 0.005)" | bc -l)" >> "$W/table.txt"
  TOT_CO=$(echo "$TOT_CO + $c_os_cpu" | bc -l); TOT_CP=$(echo "$TOT_CP + $c_o2p_cpu" | bc -l)
  TOT_N=$((TOT_N + n_obj)); TOT_O=$((TOT_O + c_os)); TOT_P=$((TOT_P + c_o2p))
  TOT_TO=$(echo "$TOT_TO + $to" | bc -l); TOT_TP=$(echo "$TOT_TP + $tp" | bc -l)
done
printf '%-32s %7d %8d %7d %10.3f %9.3f %7.1fx %10.3f %9.3f %7.1fx\n' total "$TOT_N" "$TOT_O" "$TOT_P" "$TOT_TO" "$TOT_TP" \
  "$(echo "$TOT_TP / $TOT_TO" | bc -l)" "$TOT_CO" "$TOT_CP" "$(echo "$TOT_CP / $TOT_CO" | bc -l)" >> "$W/table.txt"
echo
echo "objects = tables, views and sequences in the source scripts (as orashift reads them);"
echo "orashift / ora2pg = those applying cleanly on PostgreSQL 15; wall / cpu = conversion time (ora2pg: -t TABLE, VIEW, SEQUENCE);"
echo "cpu = user + system seconds (a per-schema cpu ratio adds 5 ms to orashift's time: /usr/bin/time counts in 10 ms steps)"
cat "$W/table.txt"
echo "work dir: $W"
bash tests/e2e/pg_server.sh stop "$W/pg" >/dev/null 2>&1 || true
echo
echo "PL/SQL code units (bench/ora2pg_code_compare.sh):"
ORASHIFT_BIN="$BIN" bench/ora2pg_code_compare.sh "$PORT"
