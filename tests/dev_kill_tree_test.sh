#!/bin/bash
# scripts/dev's exit handler ends the background stages with everything
# they started (kill_tree). It must do so without procps, which a minimal
# Debian lacks: the block is run here with a PATH that has no ps or pgrep,
# on a stage-like tree (a shell with two sleeping children), and every
# process of the tree must be gone.
# Usage: dev_kill_tree_test.sh SOURCE_DIR TMP_DIR
set -u
src=$1 tmp=$2
mkdir -p "$tmp"
block=$(sed -n '/^# --- process tree/,/^# --- end of process tree/p' "$src/scripts/dev")
if [ -z "$block" ]; then
    echo "dev_kill_tree_test: FAILED: no process tree block in scripts/dev" >&2
    exit 1
fi
eval "$block"

rm -f "$tmp"/kid1 "$tmp"/kid2
bash -c "sleep 300 & echo \$! >'$tmp/kid1'; sleep 300 & echo \$! >'$tmp/kid2'; wait" &
top=$!
for _ in $(seq 100); do
    [ -s "$tmp/kid1" ] && [ -s "$tmp/kid2" ] && break
    sleep 0.05
done
kid1=$(cat "$tmp/kid1") kid2=$(cat "$tmp/kid2")

alive() {   # alive PID: running, not a zombie waiting to be reaped
    local line
    read -r line 2>/dev/null </proc/"$1"/stat || return 1
    line=${line##*) }
    [ "${line%% *}" != Z ]
}

saved_path=$PATH
PATH=/nonexistent-no-procps
kill_tree "$top"
PATH=$saved_path
wait "$top" 2>/dev/null
fail=0
for pid in "$top" "$kid1" "$kid2"; do
    for _ in $(seq 100); do
        alive "$pid" || break
        sleep 0.05
    done
    if alive "$pid"; then
        echo "dev_kill_tree_test: FAILED: process $pid of the tree is still running" >&2
        kill "$pid" 2>/dev/null
        fail=1
    fi
done
echo "dev_kill_tree_test: 3 checks, $fail failed"
exit $fail
