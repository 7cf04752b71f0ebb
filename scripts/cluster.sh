#!/usr/bin/env bash
# A Kafka cluster of three brokers and two instances of every service, each its own process on
# loopback ports, as they would run on separate machines:
#   scripts/cluster.sh up [--together]   start (--together: one process per instance runs every service)
#   scripts/cluster.sh status            what runs, where, and whether it is ready
#   scripts/cluster.sh down              stop the services, then the brokers (data is kept)
#   scripts/cluster.sh clean             down, then delete the cluster's data
# Data and logs go under $EVENTLINE_CLUSTER_DIR (default ./data/cluster); $EVENTLINE_CLUSTER_INSTANCES
# processes of every service (default 2): `up` again with more adds the missing ones.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${EVENTLINE_CLUSTER_DIR:-$ROOT/data/cluster}
BROKER_PORTS=(19092 19093 19094)
CONTROLLER_PORTS=(19192 19193 19194)
SERVICES=(customers accounts inventory orders shipping notifications analytics fraud)
FIRST_HTTP_PORT=18081
INSTANCES=${EVENTLINE_CLUSTER_INSTANCES:-2}
# Each JVM stays small: a dozen of them share one machine.
export EVENTLINE_JAVA_OPTS=${EVENTLINE_JAVA_OPTS:--Xmx512m}

controllers() {
  local list="" i
  for i in 0 1 2; do list+="${list:+,}$((i + 1))@127.0.0.1:${CONTROLLER_PORTS[$i]}"; done
  echo "$list"
}

bootstrap() {
  local list="" port
  for port in "${BROKER_PORTS[@]}"; do list+="${list:+,}127.0.0.1:$port"; done
  echo "$list"
}

# name, then the command: runs it in the background with its log and pid file.
launch() {
  local name=$1; shift
  mkdir -p "$DIR/logs" "$DIR/pids"
  if alive "$name"; then echo "  $name already runs (pid $(cat "$DIR/pids/$name"))"; return; fi
  nohup "$ROOT/eventline" "$@" >"$DIR/logs/$name.log" 2>&1 &
  echo $! >"$DIR/pids/$name"
}

alive() { [ -f "$DIR/pids/$1" ] && kill -0 "$(cat "$DIR/pids/$1")" 2>/dev/null; }

# Waits until the log says ready; fails, with the log's tail, if the process exits or takes too long.
await_ready() {
  local name=$1 pattern=$2 deadline=$((SECONDS + 240))
  until grep -q "$pattern" "$DIR/logs/$name.log" 2>/dev/null; do
    if ! alive "$name"; then echo "cluster: $name exited; its log ends:" >&2; tail -20 "$DIR/logs/$name.log" >&2; exit 1; fi
    if ((SECONDS > deadline)); then echo "cluster: $name not ready after 240 s; see $DIR/logs/$name.log" >&2; exit 1; fi
    sleep 1
  done
}

# The process groups of one instance: every service alone, or all of them together.
groups() {
  if [ "${TOGETHER:-no}" = yes ]; then (IFS=,; echo "${SERVICES[*]}"); else printf '%s\n' "${SERVICES[@]}"; fi
}

up() {
  "$ROOT/eventline" --version >/dev/null # builds once, before a dozen launches could race to
  echo "Brokers (controllers $(controllers)):"
  for i in 0 1 2; do
    launch "broker-$((i + 1))" broker --node-id $((i + 1)) --controllers "$(controllers)" \
      --port "${BROKER_PORTS[$i]}" --data-dir "$DIR/broker-$((i + 1))"
  done
  for i in 1 2 3; do await_ready "broker-$i" "ready in"; echo "  broker-$i  127.0.0.1:${BROKER_PORTS[$((i - 1))]}"; done
  echo "Services (bootstrap $(bootstrap)):"
  local port=$FIRST_HTTP_PORT instance group name started=()
  for instance in $(seq 1 $INSTANCES); do
    while read -r group; do
      name="${group//,/+}-$instance"
      [ "${TOGETHER:-no}" = yes ] && name="all-$instance"
      launch "$name" service ${group//,/ } --bootstrap-servers "$(bootstrap)" --port "$port" \
        --data-dir "$DIR/$name"
      echo "$port" >"$DIR/pids/$name.port"
      started+=("$name"); port=$((port + 1))
    done < <(groups)
  done
  for name in "${started[@]}"; do
    await_ready "$name" "Eventline is ready"
    echo "  $name  http://127.0.0.1:$(cat "$DIR/pids/$name.port")/api"
  done
}

status() {
  local pidfile name state
  [ -d "$DIR/pids" ] || { echo "No cluster under $DIR"; return; }
  for pidfile in "$DIR"/pids/*; do
    [[ $pidfile == *.port ]] && continue
    name=$(basename "$pidfile")
    if ! alive "$name"; then state=stopped
    elif [ -f "$pidfile.port" ]; then
      state=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(cat "$pidfile.port")/health/ready" || true)
      state="running, /health/ready $state, http://127.0.0.1:$(cat "$pidfile.port")"
    else state="running"; fi
    printf '  %-24s %s\n' "$name" "$state"
  done
}

# SIGTERM is Ctrl-C: each process stops cleanly. Services first; brokers together, since the last
# one standing has no quorum for a controlled shutdown.
stop() {
  local names=("$@") name deadline=$((SECONDS + 90))
  for name in "${names[@]}"; do alive "$name" && kill -TERM "$(cat "$DIR/pids/$name")"; done
  for name in "${names[@]}"; do
    while alive "$name" && ((SECONDS < deadline)); do sleep 0.5; done
    alive "$name" && { echo "  $name did not stop in 90 s: killed"; kill -9 "$(cat "$DIR/pids/$name")"; }
    rm -f "$DIR/pids/$name" "$DIR/pids/$name.port"
  done
}

down() {
  [ -d "$DIR/pids" ] || return 0
  local services=() brokers=() pidfile name
  for pidfile in "$DIR"/pids/*; do
    [[ $pidfile == *.port ]] && continue
    name=$(basename "$pidfile")
    if [[ $name == broker-* ]]; then brokers+=("$name"); else services+=("$name"); fi
  done
  ((${#services[@]})) && stop "${services[@]}"
  ((${#brokers[@]})) && stop "${brokers[@]}"
  echo "Stopped; data kept under $DIR"
}

case "${1:-}" in
  up) [ "${2:-}" = --together ] && TOGETHER=yes; up ;;
  status) status ;;
  down) down ;;
  clean) down; rm -rf "$DIR"; echo "Deleted $DIR" ;;
  *) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
