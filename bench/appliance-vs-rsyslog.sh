#!/usr/bin/env bash
# Appliance receive path against rsyslog (imtcp -> omfile), side by side on this machine, with the
# same generator (./sluice darktrace-sim --rate max) and the same messages (the emulator's
# realistic Darktrace mix, octet-counted). Interleaved rounds; prints one line per run and the
# medians. See docs/benchmarks.md section 5.
#   bench/appliance-vs-rsyslog.sh [COUNT] [ROUNDS] [CONNECTIONS]
# Environment: WARMUP (events before measuring, default 100000); MODES (default
# "rsyslog spool lake"; e.g. MODES="rsyslog spool" skips the lake); RUN_LIMIT (seconds a
# measured appliance run may take, default 120; past it the run reports what was durable in the
# spool or stored by the lake by then, with complete=false); GEN_JAVA_OPTS (the generator's JVM
# options, default -XX:TieredStopAtLevel=1).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
COUNT="${1:-300000}"
WARMUP="${WARMUP:-100000}"
ROUNDS="${2:-3}"
CONNECTIONS="${3:-1}"
MODES="${MODES:-rsyslog spool lake}"
RUN_LIMIT="${RUN_LIMIT:-120}"
WORK="$(mktemp -d /tmp/sluice-appliance-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

./mvnw -B -q -o -pl bench,cli -am package -DskipTests >/dev/null
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# The generator sends pre-rendered bytes, so C2 would only optimize its start-up rendering, and
# those compilations ran on into the measured window (~0.4 s of one core on this 2-core machine).
# With C1 alone it starts sending about as soon and leaves the cores to the receiver.
GEN_JAVA_OPTS="${GEN_JAVA_OPTS--XX:TieredStopAtLevel=1}"

generate() { # port [count]
  SLUICE_JAVA_OPTS="$GEN_JAVA_OPTS" SLUICE_SKIP_BUILD=1 ./sluice darktrace-sim --port "$1" --rate max --count "${2:-$COUNT}" \
    --instances "$CONNECTIONS" --framing OCTET_COUNTING --seed 1 >/dev/null 2>&1
}

run_appliance() { # mode
  local port dir log
  port="$(free_port)"; dir="$WORK/$1-$RANDOM"; log="$dir.log"
  "$JAVA" --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx1g -cp "$CP" dev.sluice.bench.ApplianceReceiveBenchmark "$1" "$port" "$COUNT" "$dir" "$WARMUP" "$RUN_LIMIT" >"$log" 2>&1 &
  local pid=$!
  until grep -q '^ready' "$log" 2>/dev/null; do sleep 0.1; done
  generate "$port" "$WARMUP"
  until grep -q '^warm' "$log" 2>/dev/null; do sleep 0.1; done
  generate "$port" &
  local gen=$!
  wait "$pid"
  kill "$gen" 2>/dev/null || true
  wait "$gen" 2>/dev/null || true
  grep '^result' "$log" | sed "s/^result /result connections=$CONNECTIONS /"
  rm -rf "$dir"
}

run_rsyslog() {
  local port dir out
  port="$(free_port)"; dir="$WORK/rsyslog-$RANDOM"; mkdir -p "$dir"; out="$dir/out.log"
  cat >"$dir/rsyslog.conf" <<CONF
global(workDirectory="$dir" maxMessageSize="64k")
module(load="imtcp")
input(type="imtcp" address="127.0.0.1" port="$port" ruleset="bench")
ruleset(name="bench") { action(type="omfile" file="$out" template="RSYSLOG_FileFormat") }
CONF
  rsyslogd -n -f "$dir/rsyslog.conf" -i "$dir/rsyslog.pid" >"$dir/stderr.log" 2>&1 &
  local pid=$!
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do sleep 0.1; done
  : >"$out"
  generate "$port" &
  local gen=$!
  local first=0 lines=0 now
  while :; do
    lines=$(wc -l <"$out")
    now=$(date +%s%N)
    if ((first == 0 && lines > 0)); then first=$now; fi
    if ((lines >= COUNT)); then break; fi
    sleep 0.02
  done
  wait "$gen"
  local rss
  rss=$(awk '/VmHWM/{print int($2/1024)}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  awk -v n="$lines" -v ns="$((now - first))" -v c="$CONNECTIONS" -v rss="$rss" 'BEGIN {
    printf "result connections=%s mode=rsyslog events=%d seconds=%.3f events_per_s=%.0f peak_rss_mb=%s\n",
      c, n, ns / 1e9, n / (ns / 1e9), rss }'
  rm -rf "$dir"
}

results="$WORK/results.txt"
for ((r = 1; r <= ROUNDS; r++)); do
  for mode in $MODES; do
    if [[ $mode == rsyslog ]]; then
      run_rsyslog | tee -a "$results"
    else
      run_appliance "$mode" | tee -a "$results"
    fi
  done
done
echo "medians (events/s) over $ROUNDS rounds, $COUNT events, $CONNECTIONS connection(s):"
for mode in $MODES; do
  grep "mode=$mode " "$results" | sed 's/.*events_per_s=\([0-9]*\).*/\1/' | sort -n \
    | awk -v m="$mode" '{a[NR]=$1} END {printf "  %-8s %s\n", m, a[int((NR+1)/2)]}'
done
