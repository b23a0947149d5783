#!/bin/sh
# A throwaway PostgreSQL cluster for tests: loopback only, trust auth, no fsync.
#   pg_server.sh start DIR PORT   initdb's DIR (if needed), starts the server, prints its URI
#   pg_server.sh stop DIR         stops it (DIR is left for inspection; rm -rf it yourself)
# As root the server runs as the `postgres` user (PostgreSQL refuses to run as root).
set -eu

bindir=${PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$bindir/initdb" ] || { echo "pg_server.sh: no PostgreSQL server binaries (set PG_BINDIR)" >&2; exit 1; }

as_server_user() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$dir" --shell /bin/sh postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

usage() { echo "usage: pg_server.sh start DIR PORT | stop DIR" >&2; exit 2; }

[ $# -ge 2 ] || usage
cmd=$1
mkdir -p "$2"
dir=$(cd "$2" && pwd)

case "$cmd" in
  start)
    [ $# -eq 3 ] || usage
    port=$3
    [ "$(id -u)" = 0 ] && { id postgres >/dev/null 2>&1 || useradd --system --home-dir "$dir" --shell /bin/sh postgres; chown postgres "$dir"; }
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_server_user "$bindir/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C --no-sync -A trust >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
      # Only the unix socket in DIR and 127.0.0.1; nothing else may connect.
      printf '%s\n' "local all all trust" "host all all 127.0.0.1/32 trust" >"$dir/data/pg_hba.conf"
    fi
    as_server_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null || { tail -n 20 "$dir/server.log" >&2; exit 1; }
    "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -t 30 || { echo "pg_server.sh: server not ready" >&2; exit 1; }
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_server_user "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  *) usage ;;
esac
