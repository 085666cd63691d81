#!/usr/bin/env bash
# xvfb.sh WIDTHxHEIGHT COMMAND [ARG...]: runs COMMAND inside an X server of its own (Xvfb, 24-bit screen of that
# size) and exits with COMMAND's status; the server ends with it.
# The server chooses a free display number itself and tells it through -displayfd, so GUI flows can run side by
# side: `xvfb-run -a` guesses a free number from the lock files in /tmp, and two flows starting at the same
# moment could both take it (the second one's server then fails to start).
set -u
size=$1
shift
command -v Xvfb >/dev/null || { echo "xvfb.sh: Xvfb is not installed" >&2; exit 1; }
dir=$(mktemp -d)
Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$dir/display" >"$dir/xvfb.log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT
# Xvfb writes the display number once it accepts clients (10 s at most on a loaded machine).
for _ in $(seq 1 200); do
  [ -s "$dir/display" ] && grep -q '^[0-9]' "$dir/display" && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.05
done
number=$(head -1 "$dir/display" 2>/dev/null)
if [ -z "$number" ]; then
  echo "xvfb.sh: the X server did not start:" >&2
  cat "$dir/xvfb.log" >&2
  exit 1
fi
DISPLAY=:$number "$@"
status=$?
exit "$status"
