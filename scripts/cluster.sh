#!/usr/bin/env bash
# A Kafka cluster of three brokers and two instances of every service, each its own process on
# loopback ports, as they would run on separate machines:
#   scripts/cluster.sh up [--together]   start (--together: one process per instance runs every service)
#   scripts/cluster.sh status            what runs, where, and whether it is ready
#   scripts/cluster.sh stop NAME…        stop instances (e.g. orders-2), taken out of the front door first
#   scripts/cluster.sh down              stop the front door, the services, then the brokers (data is kept)
#   scripts/cluster.sh clean             down, then delete the cluster's data
# One URL serves it all: HAProxy on 127.0.0.1:$EVENTLINE_CLUSTER_PORT (default 18080) routes each path
# to the instances serving it, reconfigured whenever instances come or go.
# Data and logs go under $EVENTLINE_CLUSTER_DIR (default ./data/cluster); $EVENTLINE_CLUSTER_INSTANCES
# processes of every service (default 2): `up` again with more adds the missing ones.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${EVENTLINE_CLUSTER_DIR:-$ROOT/data/cluster}
BROKER_PORTS=(19092 19093 19094)
CONTROLLER_PORTS=(19192 19193 19194)
SERVICES=(customers accounts inventory orders shipping notifications analytics fraud)
FIRST_HTTP_PORT=18081
FRONT_DOOR_PORT=${EVENTLINE_CLUSTER_PORT:-18080}
FRONT_DOOR="http://127.0.0.1:$FRONT_DOOR_PORT"
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
  echo "Eventline at $FRONT_DOOR once up: the API and the console, every instance behind HAProxy"
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
      launch "$name" service ${group//,/ } --bootstrap-servers "$(bootstrap)" --port "$port" --public-url "$FRONT_DOOR" \
        --data-dir "$DIR/$name"
      echo "$port" >"$DIR/pids/$name.port"
      started+=("$name"); port=$((port + 1))
    done < <(groups)
  done
  for name in "${started[@]}"; do
    await_ready "$name" "Eventline is ready"
    echo "  $name  http://127.0.0.1:$(cat "$DIR/pids/$name.port")/api"
  done
  front_door
}

# The services an instance runs, from its name: orders-1, customers+accounts-2, all-1 (--together).
services_of() {
  local group=${1%-*}
  if [ "$group" = all ]; then (IFS=,; echo "${SERVICES[*]}"); else echo "${group//+/,}"; fi
}

# Every running service instance, as `eventline front-door` takes them.
instances() {
  local portfile name
  for portfile in "$DIR"/pids/*.port; do
    [ -e "$portfile" ] || continue
    name=$(basename "$portfile" .port)
    alive "$name" && echo "--instance=127.0.0.1:$(cat "$portfile")=$(services_of "$name")"
  done
}

# HAProxy from Debian; installed when missing and this is root on Debian, as .ci/run does.
haproxy_bin() {
  command -v haproxy 2>/dev/null || { [ -x /usr/sbin/haproxy ] && echo /usr/sbin/haproxy; } || {
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "Installing haproxy for the front door" >&2
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy; } \
        >/dev/null 2>&1 && echo /usr/sbin/haproxy
    fi
  }
}

# Writes the front door's configuration from the instances running now, checks it, and starts HAProxy,
# or reloads it: a new HAProxy takes the port and the old one (-sf) finishes its requests, then exits.
front_door() {
  local haproxy config="$DIR/front-door/haproxy.cfg" pidfile="$DIR/front-door/haproxy.pid" found
  haproxy=$(haproxy_bin) || true
  if [ -z "$haproxy" ]; then
    echo "WARNING: no haproxy (apt-get install -y haproxy): no front door; each instance answers only its own paths" >&2
    return
  fi
  mapfile -t found < <(instances)
  mkdir -p "$DIR/front-door"
  if ((${#found[@]} == 0)); then proxy_stop; return; fi
  "$ROOT/eventline" front-door --listen "127.0.0.1:$FRONT_DOOR_PORT" "${found[@]}" >"$config.new"
  "$haproxy" -q -c -f "$config.new" || { echo "cluster: haproxy refused $config.new" >&2; exit 1; }
  mv "$config.new" "$config"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    "$haproxy" -D -f "$config" -p "$pidfile" -sf "$(cat "$pidfile")"
    echo "Front door reloaded: ${#found[@]} instances behind $FRONT_DOOR"
  else
    "$haproxy" -D -f "$config" -p "$pidfile"
    echo "Eventline: $FRONT_DOOR (the API and the console; ${#found[@]} instances behind HAProxy, $config)"
  fi
}

proxy_stop() {
  local pidfile="$DIR/front-door/haproxy.pid"
  [ -f "$pidfile" ] && kill -USR1 "$(cat "$pidfile")" 2>/dev/null # USR1: stop once its requests are answered
  rm -f "$pidfile"
}

status() {
  local pidfile name state
  [ -d "$DIR/pids" ] || { echo "No cluster under $DIR"; return; }
  if [ -f "$DIR/front-door/haproxy.pid" ] && kill -0 "$(cat "$DIR/front-door/haproxy.pid")" 2>/dev/null; then
    state=$(curl -s -o /dev/null -w '%{http_code}' "$FRONT_DOOR/health/ready" || true)
    printf '  %-24s %s\n' front-door "running, /health/ready $state, $FRONT_DOOR"
  else printf '  %-24s %s\n' front-door stopped; fi
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

# Out of the front door first, so that no new request goes to them; then stopped.
stop_instances() {
  local name
  for name in "$@"; do alive "$name" && [ -f "$DIR/pids/$name.port" ] || { echo "cluster: no running instance $name" >&2; exit 1; }; done
  mkdir -p "$DIR/stopping"
  for name in "$@"; do mv "$DIR/pids/$name.port" "$DIR/stopping/$name.port"; done
  front_door
  stop "$@"
  for name in "$@"; do rm -f "$DIR/stopping/$name.port"; done
}

down() {
  [ -d "$DIR/pids" ] || return 0
  proxy_stop
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
  stop) shift; (($#)) || { echo "cluster: stop which instances? (status lists them)" >&2; exit 2; }; stop_instances "$@" ;;
  down) down ;;
  clean) down; rm -rf "$DIR"; echo "Deleted $DIR" ;;
  *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
