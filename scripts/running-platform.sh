# Sourced by scripts/idle-cost.sh and scripts/load-cost.sh: with NAME and PORT set, checks that a
# platform is ready at http://127.0.0.1:$PORT and sets URL and PID (the JVM listening on the port: ss
# names it; the launcher's shell has exec'd into it). Exits 1 with one line when there is none.
URL="http://127.0.0.1:$PORT"
curl -sf "$URL/health/ready" >/dev/null \
  || { echo "$NAME: nothing ready at $URL (start ./eventline run first)" >&2; exit 1; }
PID=$(ss -ltnpH "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
[ -n "$PID" ] || { echo "$NAME: no process found listening on port $PORT" >&2; exit 1; }
