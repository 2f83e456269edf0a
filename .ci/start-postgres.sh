#!/usr/bin/env bash
# Starts Debian's PostgreSQL on 127.0.0.1 only and prints a URL for a superuser test role. The URL
# is the only thing on stdout (callers capture it); everything else goes to stderr.
# The server is a daemon: it must not inherit the captured stdout (fd 3 here), or the caller's
# $(...) waits for it forever. Hence `3>&-` on every command that may start it.
set -euo pipefail
exec 3>&1 1>&2
ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$ver main"; then pg_createcluster "$ver" main >/dev/null 3>&-; fi
conf=/etc/postgresql/$ver/main/postgresql.conf
sed -i "s/^#\?listen_addresses.*/listen_addresses = '127.0.0.1'/" "$conf"
pg_ctlcluster "$ver" main start </dev/null 3>&- 2>/dev/null || pg_ctlcluster "$ver" main status >/dev/null 3>&-
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -q && break; sleep 1; done
su postgres -c "psql -q -c \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='amiable') THEN CREATE ROLE amiable LOGIN SUPERUSER PASSWORD 'amiable'; END IF; END\\\$\\\$;\"" >/dev/null
port=$(pg_lsclusters -h | awk -v v="$ver" '$1 == v && $2 == "main" {print $3}')
echo "postgresql://amiable:amiable@127.0.0.1:${port:-5432}/postgres" >&3
