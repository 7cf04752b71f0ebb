#!/usr/bin/env bash
# The order workflow's throughput and latency on three brokers, with one and then two instances of
# every service, measured in the same run (each instance one process running every service, as
# `scripts/cluster.sh up --together` starts them):
#   scripts/cluster-bench.sh [--orders N] [--rate R] [--paced-orders N] [--paced-rate R] [--warm-up N] [--keep]
# For each instance count, two loads with `./eventline load`: a saturating one (--orders at --rate,
# more than the platform keeps up with: its orders/s is the throughput) and a paced one (--paced-rate,
# well below: its latencies are the platform's, not a queue's), each instance count after --warm-up
# orders (default 600) at 20/s, untimed: a fresh JVM spends much of its CPU compiling at first.
# Prints the settings, both loads' JSON,
# a table, and where the CPU went during each load: brokers, each instance, the load generator, and
# the rest of the machine. Then it stops the instances and runs the minimal saga (the order saga by
# hand on raw clients, `./eventline bench --minimal-on`) on the same brokers at the paced rate and at
# issue 16's 200/s: the floor this machine's three brokers allow, printed beside Eventline's figures.
# Takes 8-14 minutes. --keep leaves the cluster up afterwards (the brokers only).
# Needs cluster.sh's ports (19092-19094, 19192-19194, 18080-18082 (18080: the front door, which cluster.sh starts too)) free; data goes under
# $EVENTLINE_CLUSTER_DIR (default ./data/cluster-bench), deleted first.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export EVENTLINE_CLUSTER_DIR=${EVENTLINE_CLUSTER_DIR:-$ROOT/data/cluster-bench}
DIR=$EVENTLINE_CLUSTER_DIR
ORDERS=2000 RATE=1000 PACED_ORDERS=600 PACED_RATE=20 WARM_UP=600 KEEP=no
while (($#)); do
  case "$1" in
    --orders) ORDERS=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --paced-orders) PACED_ORDERS=$2; shift 2 ;;
    --paced-rate) PACED_RATE=$2; shift 2 ;;
    --warm-up) WARM_UP=$2; shift 2 ;;
    --keep) KEEP=yes; shift ;;
    *) sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
CLUSTER="$ROOT/scripts/cluster.sh"
RESULTS="$DIR-results"
TICK=$(getconf CLK_TCK)
rm -rf "$RESULTS"; mkdir -p "$RESULTS"

# CPU ticks (user + system) a process has used so far; 0 once it is gone.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# Busy and total ticks of the whole machine, every core.
machine() { awk '/^cpu / {busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6}' /proc/stat; }
pids() { for f in "$DIR"/pids/*; do [[ $f == *.port ]] || echo "$(basename "$f")=$(cat "$f")"; done; }

# label, orders, rate: one load through instance 1, with the CPU each process used meanwhile.
load() {
  local label=$1 orders=$2 rate=$3 entry before=() name pid load_pid load_ticks=0 t0 m0 m1 secs
  for entry in $(pids); do before+=("$entry=$(ticks "${entry#*=}")"); done
  read -r -a m0 <<<"$(machine)"; t0=$(date +%s.%N)
  "$ROOT/eventline" load --url http://127.0.0.1:18081 --orders "$orders" --rate "$rate" --seed 10 --json \
    >"$RESULTS/$label.json" 2>"$RESULTS/$label.log" &
  load_pid=$!
  while kill -0 "$load_pid" 2>/dev/null; do
    load_ticks=$(ticks "$load_pid" | awk -v last="$load_ticks" '{print ($1 > last) ? $1 : last}')
    sleep 1
  done
  wait "$load_pid" || echo "  $label: the load exited $? (see $RESULTS/$label.log)"
  read -r -a m1 <<<"$(machine)"; secs=$(echo "$(date +%s.%N) $t0" | awk '{print $1 - $2}')
  { printf '%s: %s s, load average %s; cores used (of %s):' "$label" "$secs" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)"
    local ours=0 used
    for entry in "${before[@]}"; do
      name=${entry%%=*}; pid=$(echo "$entry" | cut -d= -f2)
      used=$(( $(ticks "$pid") - ${entry##*=} )); ours=$((ours + used))
      printf ' %s %.2f' "$name" "$(awk -v t="$used" -v s="$secs" -v k="$TICK" 'BEGIN {print t / k / s}')"
    done
    printf ' load-generator %.2f' "$(awk -v t="$load_ticks" -v s="$secs" -v k="$TICK" 'BEGIN {print t / k / s}')"
    awk -v b0="${m0[0]}" -v b1="${m1[0]}" -v a0="${m0[1]}" -v a1="${m1[1]}" -v ours="$((ours + load_ticks))" \
      -v n="$(nproc)" 'BEGIN {busy = (b1 - b0) / (a1 - a0) * n; printf " rest-of-machine %.2f; machine busy %.0f %%\n",
      busy - ours / ((a1 - a0) / n), (b1 - b0) / (a1 - a0) * 100}'
  } | tee -a "$RESULTS/cpu.txt"
}

field() { grep -o "\"$2\":[^,}]*" "$RESULTS/$1.json" | head -1 | cut -d: -f2; }

echo "cluster-bench: saturating load $ORDERS orders at $RATE/s, paced load $PACED_ORDERS orders at $PACED_RATE/s," \
  "each instance count after $WARM_UP untimed orders at 20/s;" \
  "$(nproc) cores; JVMs ${EVENTLINE_JAVA_OPTS:--Xmx512m}; load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
"$CLUSTER" clean >/dev/null
for instances in 1 2; do
  echo "== $instances instance(s) of every service"
  EVENTLINE_CLUSTER_INSTANCES=$instances "$CLUSTER" up --together
  if ((WARM_UP > 0)); then
    "$ROOT/eventline" load --url http://127.0.0.1:18081 --orders "$WARM_UP" --rate 20 --seed 9 >"$RESULTS/$instances-warm-up.log" 2>&1 \
      || echo "  the warm-up load exited $? (see $RESULTS/$instances-warm-up.log)"
  fi
  load "$instances-saturating" "$ORDERS" "$RATE"
  load "$instances-paced" "$PACED_ORDERS" "$PACED_RATE"
done
echo "== the minimal saga alone on the same brokers (the instances stopped)"
# An instance that died during the loads is already stopped: the floor runs all the same.
"$CLUSTER" stop $(seq -f 'all-%g' 1 2) >/dev/null || echo "  an instance had stopped before the floor's run"
BROKERS=$(for port in 19092 19093 19094; do printf '127.0.0.1:%s,' "$port"; done)
FLOOR_RATES=$PACED_RATE; [ "$PACED_RATE" = 200 ] || FLOOR_RATES="$PACED_RATE,200"
"$ROOT/eventline" bench --minimal-on "${BROKERS%,}" --paced-rates "$FLOOR_RATES" --commit-intervals 100 --seconds 20 \
  >"$RESULTS/minimal.txt" 2>"$RESULTS/minimal.log" || echo "  the minimal saga failed (see $RESULTS/minimal.log)"
[ "$KEEP" = yes ] || "$CLUSTER" down >/dev/null

echo "== Results (JSON per load in $RESULTS)"
printf '%-10s %-11s %9s %9s %9s %9s %9s %7s %s\n' instances load 'orders/s' 'p50 ms' 'p95 ms' 'p99 ms' 'max ms' errors outcomes
for label in 1-saturating 1-paced 2-saturating 2-paced; do
  printf '%-10s %-11s %9.1f %9.0f %9.0f %9.0f %9.0f %7s %s\n' "${label%%-*}" "${label#*-}" "$(field "$label" ordersPerSecond)" \
    "$(field "$label" p50)" "$(field "$label" p95)" "$(field "$label" p99)" "$(field "$label" max)" \
    "$(field "$label" errors)" "$(grep -o '"outcomes":{[^}]*}' "$RESULTS/$label.json" | cut -d: -f2-)"
done
echo "== CPU during each load (cores; $(nproc) in all)"
cat "$RESULTS/cpu.txt"
echo
cat "$RESULTS/minimal.txt" 2>/dev/null || true
# Eventline's paced p99 against the floor's at the same rate: issue 16 wants at most 1.5x.
floor_p99=$(grep -F "| $PACED_RATE/s |" "$RESULTS/minimal.txt" 2>/dev/null | awk -F'|' '{gsub(/[ a-z]/, "", $4); print $4}')
if [ -n "$floor_p99" ]; then
  for label in 1-paced 2-paced; do
    awk -v e="$(field "$label" p99)" -v f="$floor_p99" -v l="$label" -v r="$PACED_RATE" \
      'BEGIN {printf "%s at %s/s: p99 %.0f ms, the minimal saga %.0f ms: %.1fx (at most 1.5x wanted)\n", l, r, e, f, e / f}'
  done
fi
