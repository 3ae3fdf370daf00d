#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests.
#
#   postgres_server.sh start DIR   a new cluster in DIR, listening on 127.0.0.1 at a free
#                                  port with trust authentication; writes its base URI
#                                  (postgresql://USER@127.0.0.1:PORT/postgres) to DIR/uri
#   postgres_server.sh stop DIR    stops the server and removes DIR (exits 0 if none)
#
# fsync stays on: the ledger promises that a committed batch is durable. As root the server
# runs as the `postgres` user (else `nobody`), which must be able to reach DIR.
set -euo pipefail

command=${1:-}
dir=${2:-}
if [[ -z $command || -z $dir ]]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi

# The user that owns the cluster, and how to run a command as that user.
if [[ $(id -u) -eq 0 ]]; then
  user=postgres
  id -u "$user" >/dev/null 2>&1 || user=nobody
  as_user() { runuser -u "$user" -- "$@"; }
else
  user=$(id -un)
  as_user() { "$@"; }
fi

bindir=$(pg_config --bindir 2>/dev/null || true)
if [[ ! -x $bindir/initdb ]]; then
  bindir=$(printf "%s\n" /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
if [[ ! -x $bindir/initdb ]]; then
  echo "$0: no PostgreSQL server binaries (initdb) found" >&2
  exit 1
fi

stop() {
  [[ -d $dir ]] || return 0
  if [[ -f $dir/data/postmaster.pid ]]; then
    # Immediate: no shutdown checkpoint to write, as the cluster is deleted next.
    as_user "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
  fi
  rm -rf "$dir"
}

start() {
  stop  # a server left over by an interrupted run
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  cd "$dir"  # the server user may not be able to read the caller's directory
  if [[ $(id -u) -eq 0 ]]; then chown "$user" "$dir"; fi
  chmod 700 "$dir"
  as_user "$bindir/initdb" -D "$dir/data" -U "$user" -E UTF8 --no-locale --auth=trust \
    >"$dir/initdb.log"
  cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
shared_buffers = 16MB
max_connections = 100
fsync = on
synchronous_commit = on
CONF
  # Local sockets for pg_ctl, TCP on the loopback only; no other host may connect.
  cat >"$dir/data/pg_hba.conf" <<HBA
local all all trust
host  all all 127.0.0.1/32 trust
HBA
  # A random port; another process may hold it, so try a few.
  for _ in 1 2 3 4 5; do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40001))
    if as_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $port" -w -t 60 \
        start >/dev/null; then
      echo "postgresql://$user@127.0.0.1:$port/postgres" >"$dir/uri"
      return 0
    fi
  done
  echo "$0: the server did not start; see $dir/server.log" >&2
  exit 1
}

case $command in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
