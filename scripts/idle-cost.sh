#!/usr/bin/env bash
# What a running `./eventline run` costs at rest: its CPU (percent of one core, from /proc's user+system
# ticks over a window) and its thread count, for the process listening on the given HTTP port.
#   scripts/idle-cost.sh [--port 8080] [--seconds 60]
# Run it on an idle platform (no load, no console open) some seconds after it is ready; it prints the
# load average beside the figure, since other work on the machine does not count here but slows it.
set -euo pipefail
PORT=8080 SECONDS_=60
while (($#)); do
  case "$1" in
    --port) PORT=$2; shift 2 ;;
    --seconds) SECONDS_=$2; shift 2 ;;
    *) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null \
  || { echo "idle-cost: nothing ready at http://127.0.0.1:$PORT (start ./eventline run first)" >&2; exit 1; }
# The JVM that listens on the port: ss names it; the launcher's shell has exec'd into it.
PID=$(ss -ltnpH "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
[ -n "$PID" ] || { echo "idle-cost: no process found listening on port $PORT" >&2; exit 1; }
ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
HZ=$(getconf CLK_TCK)
BEFORE=$(ticks)
sleep "$SECONDS_"
AFTER=$(ticks)
THREADS=$(awk '/^Threads:/ {print $2}' "/proc/$PID/status")
awk -v a="$BEFORE" -v b="$AFTER" -v hz="$HZ" -v s="$SECONDS_" -v t="$THREADS" -v pid="$PID" \
    -v load="$(cut -d' ' -f1-3 /proc/loadavg)" \
  'BEGIN { printf "idle cost of pid %d over %d s: %.1f %% of one core, %d threads (load average %s)\n",
           pid, s, (b - a) / hz / s * 100, t, load }'
