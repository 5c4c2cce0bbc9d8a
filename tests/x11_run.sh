#!/bin/sh
# Runs a command against a private Xvfb server (1024x768x24) and stops the
# server afterwards. The server picks a free display number itself
# (-displayfd), so tests run at the same time, here or by anyone else on
# the machine, never share or race for one, which xvfb-run -a can do.
# -noreset: the server stays up when the command closes its first window.
# Usage (ctest): x11_run.sh COMMAND [ARGS...]
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkfifo "$dir/fd"
Xvfb -displayfd 3 -screen 0 1024x768x24 -noreset -nolisten tcp 3>"$dir/fd" 2>"$dir/log" &
xpid=$!
num=""
read -r num <"$dir/fd" || true
if [ -z "$num" ]; then
    echo "x11_run: Xvfb did not start:" >&2
    cat "$dir/log" >&2
    exit 1
fi
rc=0
DISPLAY=":$num" "$@" || rc=$?
kill "$xpid" 2>/dev/null || true
wait "$xpid" 2>/dev/null || true
exit "$rc"
