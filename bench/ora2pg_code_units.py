#!/usr/bin/env python3
"""Per-unit counting for bench/ora2pg_code_compare.sh (orashift vs ora2pg on PL/SQL code units).

  ora2pg_code_units.py inputs MANIFEST
      the source files orashift read its objects from, in order (ora2pg gets their concatenation);
      nothing when the manifest has no PL/SQL unit
  ora2pg_code_units.py count WORKDIR ORASHIFT_BIN OS_URL O2P_URL
      WORKDIR holds os/postgres (orashift's converted output), os.json (its `apply --json`) and
      o2p/{TYPE,PACKAGE,PROCEDURE,FUNCTION,TRIGGER}.sql (ora2pg's output). Applies ora2pg's output
      to O2P_URL (a fresh database with plpgsql_check), checks every function each tool created,
      prints "units os_created os_clean o2p_created o2p_clean o2p_unmatched type_bodies" and writes
      WORKDIR/units.txt (one line per unit: both tools' state and the first reason).

Units are orashift's: every manifest entry (converted or flagged) whose "unit" is a PROCEDURE,
FUNCTION, PACKAGE, PACKAGE BODY, TRIGGER, TYPE or TYPE BODY, as tests/e2e/test_code_objects_corpus.cpp
counts them. A unit is *created* when every object (orashift) or every CREATE statement (ora2pg)
written for it applied, and *check-clean* when it is created and plpgsql_check_function_tb reports
no error for any PL/pgSQL function or procedure it created (trigger functions with their table).
"""
import json
import os
import re
import subprocess
import sys

UNIT_KINDS = ("PROCEDURE ", "FUNCTION ", "PACKAGE ", "TRIGGER ", "TYPE ")
# ora2pg's files in the order they are applied; orashift's table DDL goes in after TYPE (tables
# may have columns of object types) and before the code (triggers and %TYPE need the tables).
O2P_ORDER = ("TYPE", "PACKAGE", "PROCEDURE", "FUNCTION", "TRIGGER")


def source_files(manifest):
    seen = []
    for o in manifest["objects"] + manifest["flagged"]:
        f = o.get("source", "").rsplit(":", 2)[0]
        if f and f not in seen:
            seen.append(f)
    return seen


def is_unit(name):
    return any(name.startswith(k) for k in UNIT_KINDS)


# ---- running SQL: one psql session per list, each statement's success read back from psql's
# ERROR variable (no Python driver needed; client_min_messages and VERBOSITY keep output terse).
def run_statements(url, statements):
    """[(sql)] → [(ok, message, output_lines)] in one psql session, ON_ERROR_STOP off."""
    if not statements:
        return []
    script = ["\\set VERBOSITY terse"]
    for i, s in enumerate(statements):
        script.append("\\echo @@S %d" % i)
        script.append(s.rstrip().rstrip(";") + "\n;")
        script.append("\\echo @@E %d :ERROR :LAST_ERROR_MESSAGE" % i)
    env = dict(os.environ, PGOPTIONS="-c client_min_messages=warning -c statement_timeout=60000")
    p = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=0", url],
                       input="\n".join(script) + "\n", capture_output=True, text=True, env=env,
                       errors="replace")
    results = [(False, "not run (psql stopped)", []) for _ in statements]
    cur, out = None, []
    for line in p.stdout.splitlines():
        if line.startswith("@@S "):
            cur, out = int(line.split()[1]), []
        elif line.startswith("@@E "):
            parts = line.split(" ", 3)
            i, err = int(parts[1]), parts[2] == "true"
            results[i] = (not err, parts[3] if err and len(parts) > 3 else "", out)
            cur = None
        elif cur is not None:
            out.append(line)
    return results


def split_sql(text):
    """Statements of a PostgreSQL script: quotes, dollar quotes and comments respected; psql
    backslash lines dropped."""
    out, cur, i, n = [], [], 0, len(text)
    at_line_start = True
    while i < n:
        c = text[i]
        if at_line_start and c == "\\":
            j = text.find("\n", i)
            i = n if j < 0 else j + 1
            continue
        at_line_start = False
        if text.startswith("--", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
            continue
        if c in ("'", '"'):
            j = i + 1
            while j < n:
                if text[j] == c:
                    if j + 1 < n and text[j + 1] == c:
                        j += 2
                        continue
                    break
                j += 1
            cur.append(text[i:j + 1])
            i = j + 1
            continue
        if c == "$" and not (i > 0 and (text[i - 1].isalnum() or text[i - 1] in "_$")):
            m = re.match(r"\$([A-Za-z_][A-Za-z_0-9]*)?\$", text[i:])
            if m:
                tag = m.group(0)
                j = text.find(tag, i + len(tag))
                j = n if j < 0 else j + len(tag)
                cur.append(text[i:j])
                i = j
                continue
        if c == ";":
            s = "".join(cur).strip()
            if s:
                out.append(s)
            cur = []
            i += 1
            continue
        if c == "\n":
            at_line_start = True
        cur.append(c)
        i += 1
    s = "".join(cur).strip()
    if s:
        out.append(s)
    return out


NAME = r'((?:"[^"]+"|[\w$#]+)(?:\s*\.\s*(?:"[^"]+"|[\w$#]+))?)'
CREATE_RE = re.compile(
    r"^CREATE\s+(?:OR\s+REPLACE\s+)?(FUNCTION|PROCEDURE|TRIGGER|TYPE|SCHEMA)\s+(?:IF\s+NOT\s+EXISTS\s+)?" + NAME,
    re.I)


def split_name(qualified):
    """(schema, name) as PostgreSQL stores them: unquoted parts folded to lower case."""
    parts = [p[1:-1] if p.startswith('"') else p.lower() for p in re.findall(r'"[^"]+"|[^".\s]+', qualified)]
    return (parts[0], parts[1]) if len(parts) == 2 else ("public", parts[0])


class UnitIndex:
    """Oracle unit names (orashift's spelling) looked up case-insensitively."""

    def __init__(self, units):
        self.by_upper = {u.upper(): u for u in units}

    def get(self, *candidates):
        for c in candidates:
            u = self.by_upper.get(c.upper())
            if u:
                return u
        return None

    def package(self, name, spec_first):
        order = ("PACKAGE ", "PACKAGE BODY ") if spec_first else ("PACKAGE BODY ", "PACKAGE ")
        return self.get(*(k + name for k in order))


def o2p_unit(kind, qualified, idx):
    """The Oracle unit an ora2pg CREATE statement was written for (None: no unit of that name).
    With PACKAGE_AS_SCHEMA 1 a package member is schema.member; a package's schema and the
    types of its specification belong to the specification."""
    kind = kind.upper()
    schema, name = split_name(qualified)
    if kind == "SCHEMA":
        return idx.package(name, spec_first=True)
    if schema.lower() != "public":
        pkg = idx.package(schema, spec_first=(kind == "TYPE"))
        if pkg:
            return pkg
        return idx.get("TYPE BODY " + schema) if kind != "TYPE" else None
    if kind == "TRIGGER":
        return idx.get("TRIGGER " + name)
    if kind == "TYPE":
        return idx.get("TYPE " + name)
    if name.lower().startswith("trigger_fct_"):
        t = idx.get("TRIGGER " + name[len("trigger_fct_"):])
        if t:
            return t
    return idx.get("PROCEDURE " + name, "FUNCTION " + name)


def plpgsql_functions(url):
    """[(oid, schema, name, trigger relation oid or 0)] of every PL/pgSQL routine outside the catalogs."""
    q = ("SELECT p.oid || '|' || n.nspname || '|' || p.proname || '|' || "
         "COALESCE((SELECT tgrelid FROM pg_trigger t WHERE t.tgfoid = p.oid LIMIT 1), 0) "
         "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang "
         "WHERE l.lanname = 'plpgsql' AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
         "AND n.nspname NOT LIKE 'pg\\_%'")
    (ok, msg, rows), = run_statements(url, [q])
    if not ok:
        sys.exit("cannot list functions: " + msg)
    return [tuple(r.split("|")) for r in rows if r]


def check_functions(url, fns):
    """{(schema, name): first plpgsql_check error} for the given [(oid, schema, name, rel)]."""
    stmts = ["SELECT message FROM plpgsql_check_function_tb(%s::regprocedure%s) WHERE level = 'error' LIMIT 1"
             % (oid, ", %s::regclass" % rel if rel != "0" else "") for oid, _, _, rel in fns]
    errors = {}
    for (oid, schema, name, rel), (ok, msg, rows) in zip(fns, run_statements(url, stmts)):
        err = msg if not ok else (rows[0] if rows and rows[0] else None)
        if err and (schema, name) not in errors:
            errors[(schema, name)] = err[:120]
    return errors


def count(workdir, orashift_bin, os_url, o2p_url):
    conv = os.path.join(workdir, "os", "postgres")
    manifest = json.load(open(os.path.join(conv, "manifest.json")))
    units = {}  # unit → {"os": [created, clean, reason], "o2p": [...]}
    for o in manifest["objects"]:
        if is_unit(o.get("unit", "")):
            units.setdefault(o["unit"], {"os": [True, True, ""]})
    for f in manifest["flagged"]:
        if is_unit(f.get("unit", "")):
            st = units.setdefault(f["unit"], {"os": [True, True, ""]})["os"]
            st[0] = st[1] = False
            st[2] = st[2] or "flagged " + f["code"]
    idx = UnitIndex(units)

    # orashift: apply results by unit, then its functions (named by the files' CREATE heads).
    res = json.load(open(os.path.join(workdir, "os.json")))
    for f in res["failed"]:
        st = units.get(f.get("unit", ""), {}).get("os")
        if st and st[0]:
            st[0] = st[1] = False
            st[2] = "apply: " + f["error"][:120]
    os_fn_units = {}
    head = re.compile(r"^CREATE OR REPLACE (?:FUNCTION|PROCEDURE) " + NAME)
    for o in res["applied"]:
        if not is_unit(o.get("unit", "")):
            continue
        for line in open(os.path.join(conv, o["file"]), errors="replace"):
            m = head.match(line)
            if m:
                os_fn_units[split_name(m.group(1))] = o["unit"]
    fns = [f for f in plpgsql_functions(os_url) if (f[1], f[2]) in os_fn_units]
    for key, err in check_functions(os_url, fns).items():
        st = units[os_fn_units[key]]["os"]
        if st[0] and st[1]:
            st[1] = False
            st[2] = "plpgsql_check: %s.%s: %s" % (key[0], key[1], err)

    # ora2pg: its TYPE file, then orashift's tables (and other non-unit objects), then its code.
    for st in units.values():
        st["o2p"] = [None, True, "no CREATE statement of ora2pg names it"]  # None: none seen yet
    o2p_fn_units, unmatched, created, written = {}, 0, set(), []
    base = make_base(conv, os.path.join(workdir, "base"))
    for kind in O2P_ORDER:
        path = os.path.join(workdir, "o2p", kind + ".sql")
        if not os.path.exists(path):
            continue
        # ora2pg's SET statements (client_encoding, check_function_bodies = false) are left out:
        # bodies are syntax-checked on CREATE as orashift's are (plpgsql_check sees them anyway).
        stmts = [s for s in split_sql(open(path, errors="replace").read()) if not re.match(r"^SET\s", s, re.I)]
        for s, (ok, msg, _) in zip(stmts, run_statements(o2p_url, stmts)):
            m = CREATE_RE.match(s)
            if not m:
                continue
            written.append((kind, m.group(2), s))
            unit = o2p_unit(m.group(1), m.group(2), idx)
            if unit is None:
                unmatched += 1
                continue
            st = units[unit]["o2p"]
            if st[0] is None:
                st[0], st[2] = True, ""
            # The same definition read twice (a source whose installer runs two scripts that
            # both create it) fails the second time; orashift keeps one, so ora2pg is not
            # charged for the repeat.
            obj = (m.group(1).upper(), split_name(m.group(2)))
            if ok:
                created.add(obj)
            elif obj in created and "already exists" in msg:
                continue
            if not ok and st[0]:
                st[0] = st[1] = False
                st[2] = "%s: %s" % (kind, msg[:120])
            if m.group(1).upper() in ("FUNCTION", "PROCEDURE"):
                o2p_fn_units[split_name(m.group(2))] = unit
        if kind == "TYPE":
            subprocess.run([orashift_bin, "apply", base, "--target", o2p_url], capture_output=True)
    for u, st in units.items():
        if st["o2p"][0] is None:
            st["o2p"][0] = st["o2p"][1] = False
            st["o2p"][2] = swallowed_by(u, written) or st["o2p"][2]
    fns = [f for f in plpgsql_functions(o2p_url) if (f[1], f[2]) in o2p_fn_units]
    for key, err in check_functions(o2p_url, fns).items():
        st = units[o2p_fn_units[key]]["o2p"]
        if st[0] and st[1]:
            st[1] = False
            st[2] = "plpgsql_check: %s.%s: %s" % (key[0], key[1], err)

    with open(os.path.join(workdir, "units.txt"), "w") as f:
        f.write("# unit | orashift created clean | ora2pg created clean | orashift reason | ora2pg reason\n")
        for u in sorted(units):
            o, p = units[u]["os"], units[u]["o2p"]
            f.write("%s | %d %d | %d %d | %s | %s\n" % (u, o[0], o[1], p[0], p[1], o[2], p[2]))
    n = lambda tool, i: sum(1 for st in units.values() if st[tool][i])
    type_bodies = sum(1 for u in units if u.startswith("TYPE BODY "))
    print(len(units), n("os", 0), n("os", 1), n("o2p", 0), n("o2p", 1), unmatched, type_bodies)


def swallowed_by(unit, written):
    """Why ora2pg wrote no CREATE for a unit, when its text is inside another statement: its input
    reader ends a TYPE at ';', so types ended by SQL*Plus '/' alone run into one statement; type
    bodies it does not convert ("TYPE BODY are not supported")."""
    kind, name = unit.rsplit(" ", 1)
    pat = re.compile(r"\b%s\s+%s\b" % (r"\s+".join(kind.split()), re.escape(name)), re.I)
    for file_kind, first, text in written:
        if pat.search(text):
            return "inside ora2pg's %s statement for %s (not split out)" % (file_kind, first)
    if kind == "TYPE BODY":
        return "ora2pg 23.2 does not convert type bodies"
    return None


def make_base(conv, base):
    """A copy of orashift's output holding only what is not a PL/SQL unit (tables, keys, indexes,
    sequences, views, comments): the schema ora2pg's code is applied on top of."""
    os.makedirs(base, exist_ok=True)
    manifest = json.load(open(os.path.join(conv, "manifest.json")))
    manifest["objects"] = [o for o in manifest["objects"] if not is_unit(o.get("unit", ""))]
    manifest["flagged"] = []
    for o in manifest["objects"]:
        dst = os.path.join(base, o["file"])
        if not os.path.exists(dst):
            os.symlink(os.path.join(conv, o["file"]), dst)
    json.dump(manifest, open(os.path.join(base, "manifest.json"), "w"))
    return base


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "inputs":
        m = json.load(open(sys.argv[2]))
        if any(is_unit(o.get("unit", "")) for o in m["objects"] + m["flagged"]):
            print("\n".join(source_files(m)))
    elif len(sys.argv) == 6 and sys.argv[1] == "count":
        count(*sys.argv[2:])
    else:
        sys.exit(__doc__)
