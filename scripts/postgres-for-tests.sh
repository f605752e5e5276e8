# Sourced by scripts/test: a private PostgreSQL cluster on 127.0.0.1 for the repository tests.
# Exports SLUICE_TEST_POSTGRES_URL (a JDBC URL with user and password).
PG_PORT="${SLUICE_TEST_POSTGRES_PORT:-55432}"
PG_DIR="${TMPDIR:-/tmp}/sluice-test-pg"

start_test_postgres() {
  local bindir
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [[ -z "$bindir" ]]; then
    echo "test: PostgreSQL binaries not found" >&2
    return 1
  fi
  local run=()
  if [[ $(id -u) -eq 0 ]]; then run=(runuser -u postgres --); fi
  rm -rf "$PG_DIR"
  mkdir -p "$PG_DIR"
  [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$PG_DIR"
  "${run[@]}" "$bindir/initdb" -D "$PG_DIR/data" -U sluice --auth=trust >/dev/null
  "${run[@]}" "$bindir/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off" start >/dev/null
  "${run[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$PG_PORT" -U sluice sluice_test
  export SLUICE_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/sluice_test?user=sluice"
  export SLUICE_TEST_POSTGRES_BIN="$bindir"
  echo "test: PostgreSQL on 127.0.0.1:$PG_PORT" >&2
}

stop_test_postgres() {
  local bindir run=()
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [[ $(id -u) -eq 0 ]]; then run=(runuser -u postgres --); fi
  [[ -n "$bindir" && -d "$PG_DIR/data" ]] && "${run[@]}" "$bindir/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
}
