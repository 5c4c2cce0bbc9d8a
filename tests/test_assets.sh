#!/bin/sh
# The shipped desktop entry and AppStream metadata pass their validators
# with nothing to report (desktop-file-validate; appstreamcli --strict where
# it is installed), name the icon and the program that are installed, and
# the metadata's newest release is this version.
# Usage (ctest): test_assets.sh SOURCE_DIR VERSION
set -eu
src=$1 version=$2
fail() { echo "test_assets: FAILED: $*" >&2; exit 1; }
desktop="$src/assets/optiviz.desktop"
meta="$src/assets/org.optiviz.optiviz.metainfo.xml"

command -v desktop-file-validate >/dev/null || fail "desktop-file-validate is not installed"
out=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $out"
[ -z "$out" ] || fail "desktop-file-validate: $out"
grep -qx 'Exec=optiviz' "$desktop" || fail "Exec= is not the installed program"
grep -qx 'Icon=optiviz' "$desktop" || fail "Icon= is not the installed icon name"
[ -s "$src/assets/optiviz.svg" ] || fail "no icon assets/optiviz.svg"

if command -v appstreamcli >/dev/null; then
    out=$(appstreamcli validate --no-net --strict --pedantic "$meta" 2>&1) ||
        fail "appstreamcli: $out"
    echo "$out" | grep -q '^[EWIP]:' && fail "appstreamcli: $out"
else
    echo "test_assets: appstreamcli not installed, metadata not validated"
fi
grep -q '<launchable type="desktop-id">optiviz.desktop</launchable>' "$meta" ||
    fail "metainfo does not launch optiviz.desktop"
newest=$(grep -o '<release version="[^"]*"' "$meta" | head -n 1 | cut -d'"' -f2)
[ "$newest" = "$version" ] || fail "metainfo's newest release is $newest, the program is $version"
echo "test_assets: ok"
