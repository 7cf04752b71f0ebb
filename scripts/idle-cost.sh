#!/usr/bin/env bash
# What a running `./eventline run` costs at rest: its CPU (percent of one core, from /proc's user+system
# ticks over a window), its thread count, and how fast its embedded broker's coordinator logs
# (__consumer_offsets, __transaction_state) grow: at rest they must not, or something still commits.
#   scripts/idle-cost.sh [--port 8080] [--seconds 60] [--orders N [--settle 60]]
# --orders first serves N orders one after another (customer idle-alice, sku idle-tea), then leaves the
# platform --settle seconds before measuring: a platform that served orders, not an empty one.
# Run it on an idle platform (no load, no console open) some seconds after it is ready; it prints the
# load average beside the figure, since other work on the machine does not count here but slows it.
set -euo pipefail
PORT=8080 SECONDS_=60 ORDERS=0 SETTLE=60
while (($#)); do
  case "$1" in
    --port) PORT=$2; shift 2 ;;
    --seconds) SECONDS_=$2; shift 2 ;;
    --orders) ORDERS=$2; shift 2 ;;
    --settle) SETTLE=$2; shift 2 ;;
    *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
NAME=idle-cost
. "$(dirname "$0")/running-platform.sh"
if ((ORDERS > 0)); then
  J='Content-Type: application/json'
  curl -sf -o /dev/null -X PUT -H "$J" -d '{"name":"Idle","email":"idle@example.com","address":{"line1":"1 Rue de la Paix","city":"Paris","postcode":"75002","country":"FR"}}' "$URL/api/customers/idle-alice"
  curl -sf -o /dev/null -H "$J" -d "{\"amount\": $ORDERS}" "$URL/api/accounts/idle-alice/deposits"
  curl -sf -o /dev/null -H "$J" -d "{\"quantity\": $ORDERS}" "$URL/api/inventory/idle-tea/stock"
  RUN=$(date +%s)
  for n in $(seq 1 "$ORDERS"); do
    curl -sf -o /dev/null -H "$J" -d "{\"orderId\":\"idle-$RUN-$n\",\"customerId\":\"idle-alice\",\"items\":[{\"sku\":\"idle-tea\",\"quantity\":1,\"price\":1}],\"currency\":\"EUR\"}" "$URL/api/orders"
    curl -sf -o /dev/null "$URL/api/orders/idle-$RUN-$n?wait=10s"
  done
  echo "idle-cost: $ORDERS orders served, the last $(curl -sf "$URL/api/orders/idle-$RUN-$ORDERS" | grep -o '"status":"[A-Z_]*"'); leaving it $SETTLE s"
  sleep "$SETTLE"
fi
# The embedded broker's log dir: <data dir>/kafka/logs, the data dir as the process was given it.
DATA=$(tr '\0' '\n' < "/proc/$PID/cmdline" | grep -A1 -x -- '--data-dir' | tail -1 || true)
[ -n "$DATA" ] && [ "$DATA" != "--data-dir" ] || DATA=data
case "$DATA" in /*) ;; *) DATA="$(readlink "/proc/$PID/cwd")/$DATA" ;; esac
coordinators() { du -sb "$DATA"/kafka/logs/__consumer_offsets-* "$DATA"/kafka/logs/__transaction_state-* 2>/dev/null \
  | awk '{s += $1} END {print s + 0}'; }
ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
# The JIT's compiler threads ("C1 CompilerThre", "C2 CompilerThre" as the kernel names them): "tid ticks"
# each. A JVM a minute old still compiles, by a point or more of a core that differs between starts.
compiler_ticks() {
  for task in /proc/"$PID"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in
      "C1 CompilerThre"* | "C2 CompilerThre"*)
        sed 's/.*) //' "$task/stat" 2>/dev/null | awk -v tid="${task##*/}" '{print tid, $12 + $13}' ;;
    esac
  done
}
HZ=$(getconf CLK_TCK)
BEFORE=$(ticks) LOGS_BEFORE=$(coordinators) JIT_BEFORE=$(compiler_ticks)
sleep "$SECONDS_"
AFTER=$(ticks) LOGS_AFTER=$(coordinators) JIT_AFTER=$(compiler_ticks)
# A thread born in the window counts from zero; one that ended in it is lost.
JIT=$(printf '%s\n' "$JIT_BEFORE" | awk -v after="$JIT_AFTER" \
  'NF == 2 {before[$1] = $2} END {n = split(after, lines, "\n"); for (i = 1; i <= n; i++) {
     split(lines[i], f, " "); if (f[1] != "") s += f[2] - before[f[1]] } print s + 0}')
THREADS=$(awk '/^Threads:/ {print $2}' "/proc/$PID/status")
awk -v a="$BEFORE" -v b="$AFTER" -v hz="$HZ" -v s="$SECONDS_" -v t="$THREADS" -v pid="$PID" -v jit="$JIT" \
    -v la="$LOGS_BEFORE" -v lb="$LOGS_AFTER" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" \
  'BEGIN { printf "idle cost of pid %d over %d s: %.1f %% of one core (the JIT'"'"'s compiler threads %.1f %%), %d threads, coordinator logs +%d B/s (load average %s)\n",
           pid, s, (b - a) / hz / s * 100, jit / hz / s * 100, t, (lb - la) / s, load }'
