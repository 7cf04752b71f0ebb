#!/usr/bin/env bash
# What a running `./eventline run` costs under a REST load: for each rate, `./eventline load` places
# rate x seconds orders (each awaited with GET /api/orders/{id}?wait=) and this prints the process's CPU
# (percent of one core and milliseconds per order, from /proc's user+system ticks over the load), the
# load's p50/p99 and, with --requests, what the embedded broker and the stream threads did per second
# meanwhile (Kafka's own metrics over JMX, scripts/RequestRates.java).
#   scripts/load-cost.sh [--port 8080] [--rates 30,120] [--seconds 30] [--warm-up 6000] [--requests]
# --warm-up first places that many orders at 120/s, untimed: a fresh JVM spends minutes compiling.
# The load generator runs beside the platform on the same cores: its CPU is not counted, its share of
# the machine is. Prints the load average beside each figure.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=8080 RATES=30,120 SECONDS_=30 WARM_UP=6000 REQUESTS=no
while (($#)); do
  case "$1" in
    --port) PORT=$2; shift 2 ;;
    --rates) RATES=$2; shift 2 ;;
    --seconds) SECONDS_=$2; shift 2 ;;
    --warm-up) WARM_UP=$2; shift 2 ;;
    --requests) REQUESTS=yes; shift ;;
    *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
NAME=load-cost
. "$(dirname "$0")/running-platform.sh"
. "$ROOT/scripts/find-jdk.sh" >/dev/null
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
if ((WARM_UP > 0)); then
  echo "load-cost: warming up, $WARM_UP orders at 120/s (untimed)" >&2
  "$ROOT/eventline" load --url "$URL" --orders "$WARM_UP" --rate 120 > "$OUT/warm" 2>&1
fi
HZ=$(getconf CLK_TCK)
ticks() { awk '{print $14+$15}' "/proc/$PID/stat"; }
echo "rate/s  CPU % of a core  CPU ms/order  p50 ms  p99 ms  load average"
for RATE in ${RATES//,/ }; do
  ORDERS=$((RATE * SECONDS_))
  if [ "$REQUESTS" = yes ]; then
    # Measured over the load's middle: it starts after a fifth of it and lasts half of it.
    (sleep $((SECONDS_ / 5)); "$JAVA_HOME/bin/java" "$ROOT/scripts/RequestRates.java" "$PID" $((SECONDS_ / 2)) > "$OUT/requests") &
  fi
  T0=$(ticks); S0=$(date +%s.%N)
  "$ROOT/eventline" load --url "$URL" --orders "$ORDERS" --rate "$RATE" > "$OUT/load" 2>&1
  T1=$(ticks); S1=$(date +%s.%N)
  wait || echo "load-cost: the request rates could not be read" >&2
  read -r P50 P99 < <(grep -A1 ' p50' "$OUT/load" | tail -1 | awk '{gsub(",", ""); print $1, $3}')
  printf "%6s  %15.0f  %12.1f  %6s  %6s  %s\n" "$RATE" "$(echo "($T1-$T0)*100/$HZ/($S1-$S0)" | bc -l)" \
    "$(echo "($T1-$T0)*1000/$HZ/$ORDERS" | bc -l)" "$P50" "$P99" "$(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "$REQUESTS" = yes ]; then sed 's/^/        /' "$OUT/requests"; fi
done
