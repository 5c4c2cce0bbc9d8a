#!/bin/sh
# Installs the build into a temporary prefix, moves the installed tree
# elsewhere (so nothing may depend on where it was installed, built or
# checked out), then runs the moved program: --list-presets must read the
# moved share/optiviz/presets.txt, --screenshot must write a PNG, and
# neither the source nor the build directory may appear in the binary.
# Usage (ctest): test_install.sh BUILD_DIR SOURCE_DIR TMP_DIR [sanitized]
# (GCC's AddressSanitizer records each file's absolute path for its global
# variables, past -ffile-prefix-map: a sanitized build skips that check.)
set -eu
build=$1 src=$2 tmp=$3 sanitized=${4:-}
fail() { echo "test_install: FAILED: $*" >&2; exit 1; }

work="$tmp/install"
rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd -P)
cmake --install "$build" --prefix "$work/prefix" >/dev/null || fail "cmake --install"
for f in bin/optiviz share/optiviz/presets.txt share/optiviz/lectures/optimisation.txt \
         share/applications/optiviz.desktop \
         share/icons/hicolor/scalable/apps/optiviz.svg \
         share/metainfo/org.optiviz.optiviz.metainfo.xml share/man/man1/optiviz.1; do
    [ -s "$work/prefix/$f" ] || fail "not installed: $f"
done
mv "$work/prefix" "$work/moved"
bin="$work/moved/bin/optiviz"

# No path of this machine's checkout or build tree in the program.
if [ -z "$sanitized" ]; then
    for dir in "$(cd "$src" && pwd -P)" "$(cd "$build" && pwd -P)"; do
        if grep -aqF "$dir" "$bin"; then fail "the binary contains '$dir'"; fi
    done
fi

cd "$work"
unset OPTIVIZ_PRESETS
first=$("$bin" --list-presets | head -n 1)
[ "$first" = "Lecture presets from $work/moved/share/optiviz/presets.txt" ] ||
    fail "--list-presets read: $first"
"$bin" --list-presets | grep -q '^9  rosenbrock$' || fail "--list-presets: preset 9 missing"
"$bin" --list-lectures | grep -qF "optimisation  (6 scenes, $work/moved/share/optiviz/lectures/optimisation.txt)" ||
    fail "--list-lectures did not read the installed lecture"

SDL_VIDEODRIVER=offscreen "$bin" --preset 5 --size 160x120 --screenshot "$work/shot.png" ||
    fail "--screenshot exited $?"
[ "$(od -An -tx1 -N8 "$work/shot.png" | tr -d ' \n')" = "89504e470d0a1a0a" ] ||
    fail "--screenshot did not write a PNG"

# The man page's options come from --help.
grep -q '^\.B \\-\\-screenshot FILE$' "$work/moved/share/man/man1/optiviz.1" ||
    fail "the man page lacks --screenshot"
rm -rf "$work"
echo "test_install: ok"
