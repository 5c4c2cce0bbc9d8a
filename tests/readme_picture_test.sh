#!/bin/sh
# README opens with a picture the program renders itself: the first image
# README.md shows is docs/optiviz.png, that file is a 1280x720 PNG, and
# scripts/readme-picture writes such a PNG from this build.
# Usage (ctest): readme_picture_test.sh SOURCE_DIR BUILD_DIR TMP_DIR
set -u
src=$1 build=$2 tmp=$3
fail=0
checks=0
bad() { echo "readme_picture_test: FAILED: $*" >&2; fail=$((fail + 1)); }

png_size() {   # png_size FILE: "WIDTHxHEIGHT", empty when not a PNG
    [ "$(od -An -tx1 -N8 "$1" 2>/dev/null | tr -d ' \n')" = 89504e470d0a1a0a ] || return 0
    set -- $(od -An -tu1 -j16 -N8 "$1")
    echo "$(( ($1 << 24) + ($2 << 16) + ($3 << 8) + $4 ))x$(( ($5 << 24) + ($6 << 16) + ($7 << 8) + $8 ))"
}

checks=$((checks + 1))
first=$(grep -o '!\[[^]]*\]([^)]*)' "$src/README.md" | head -n 1)
case "$first" in
*"](docs/optiviz.png)") ;;
*) bad "README's first image is '$first', expected docs/optiviz.png" ;;
esac
checks=$((checks + 1))
top=$(grep -n '!\[' "$src/README.md" | head -n 1 | cut -d: -f1)
[ -n "$top" ] && [ "$top" -le 5 ] || bad "README's picture is on line '$top', expected within its first 5 lines"
checks=$((checks + 1))
[ "$(png_size "$src/docs/optiviz.png")" = 1280x720 ] ||
    bad "docs/optiviz.png is not a 1280x720 PNG ($(png_size "$src/docs/optiviz.png"))"

mkdir -p "$tmp"
rm -f "$tmp/picture.png"
checks=$((checks + 1))
if ! bash "$src/scripts/readme-picture" "$build" "$tmp/picture.png"; then
    bad "scripts/readme-picture failed"
elif [ "$(png_size "$tmp/picture.png")" != 1280x720 ]; then
    bad "scripts/readme-picture wrote no 1280x720 PNG"
fi
echo "readme_picture_test: $checks checks, $fail failed"
[ "$fail" -eq 0 ]
