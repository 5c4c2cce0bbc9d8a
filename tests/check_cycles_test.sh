#!/bin/sh
# Self-test of scripts/check-cycles on the fixture trees in tests/cycles/:
# "circle" has a call circle (a.c <-> b.c) and an include circle
# (x.h <-> y.h), "clean" the same files without the call back (the names
# appear only in a comment, a string, a member and a prototype) plus a
# table that names a function and a constant read from another file, "layer" a core file calling into render.
# Usage: check_cycles_test.sh SOURCE_DIR
src=${1:?usage: check_cycles_test.sh SOURCE_DIR}
check="python3 $src/scripts/check-cycles"
fail=0
checks=0

expect() {   # expect WHAT COMMAND-RESULT
    checks=$((checks + 1))
    if [ "$2" != 0 ]; then
        echo "FAILED: $1" >&2
        fail=1
    fi
}
has() {   # has TEXT LINE: TEXT contains LINE as a whole line
    printf '%s\n' "$1" | grep -qxF "$2"
}

out=$($check --root "$src/tests/cycles/circle"); rc=$?
printf '%s\n' "$out"
expect "circle: exit status 1 (got $rc)" "$([ $rc -eq 1 ]; echo $?)"
has "$out" "  circle 1: src/cli/a.c -> src/cli/b.c (calls b_run()) -> src/cli/a.c (calls a_run())"
expect "circle: the call circle a.c <-> b.c is listed with its functions" $?
has "$out" '  circle 2: src/core/x.h -> src/core/y.h (includes "y.h") -> src/core/x.h (includes "core/x.h")'
expect "circle: the include circle x.h <-> y.h is listed" $?
has "$out" "check-cycles: FAILED: 2 circle(s), 0 upward layer use(s) among 6 files, 8 edges"
expect "circle: exactly two circles counted" $?

out=$($check --root "$src/tests/cycles/clean" --edges); rc=$?
printf '%s\n' "$out"
expect "clean: exit status 0 (got $rc)" "$([ $rc -eq 0 ]; echo $?)"
printf '%s\n' "$out" | grep -q "^circle group"
expect "clean: no circle reported" "$([ $? -ne 0 ]; echo $?)"
has "$out" "edge: src/cli/c.c -> src/core/y.h (calls y_twice())"
expect "clean: a function named in a table is an edge" $?
has "$out" "edge: src/cli/c.c -> src/core/x.c (uses x_limit)"
expect "clean: a variable another file defines is an edge" $?
has "$out" "edge: src/cli/a.c -> src/cli/b.c (calls b_run())"
expect "clean: a plain call is an edge" $?
printf '%s\n' "$out" | grep -q "^edge: src/cli/b.c -> src/cli/a.c"
expect "clean: a comment, string, member or prototype is no edge" "$([ $? -ne 0 ]; echo $?)"

out=$($check --root "$src/tests/cycles/layer"); rc=$?
printf '%s\n' "$out"
expect "layer: exit status 1 (got $rc)" "$([ $rc -eq 1 ]; echo $?)"
has "$out" "layer: src/core/model.c -> src/render/draw.c (calls draw_all()): core may not use render"
expect "layer: core calling render is reported" $?

echo "check_cycles_test: $checks checks, $([ $fail -eq 0 ] && echo 0 || echo some) failed"
exit $fail
