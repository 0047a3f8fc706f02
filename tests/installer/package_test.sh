#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the .deb with CPack from this build tree, checks its control data and contents,
# unpacks it into a scratch root and runs what it holds. Usage: package_test.sh BUILD_DIR VERSION
set -euo pipefail
build=$1
version=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

for tool in cpack dpkg-deb dpkg; do
    command -v "$tool" >/dev/null || fail "$tool not found: the .deb cannot be built or checked (apt package dpkg-dev)"
done

(cd "$scratch" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/out" >"$scratch/cpack.log" 2>&1) \
    || { cat "$scratch/cpack.log"; fail "cpack -G DEB failed"; }
deb=$(ls "$scratch"/out/statusscope_"$version"_*.deb 2>/dev/null | head -1)
[[ -n $deb ]] || fail "no statusscope_${version}_*.deb produced: $(ls "$scratch/out")"
echo "package: $(basename "$deb")"

info=$(dpkg-deb -I "$deb")
grep -q "^ Package: statusscope$" <<<"$info" || fail "control: Package"
grep -q "^ Version: $version$" <<<"$info" || fail "control: Version $version"
depends=$(grep "^ Depends:" <<<"$info") || fail "control: no Depends"
for lib in libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6sql6 libqt6sql6-sqlite libqt6svg6 libqcustomplot2.1-qt6 zlib1g; do
    grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
echo "depends ok: $depends"

contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/statusscope ./usr/bin/statusscope-cli \
            ./usr/share/applications/org.statusscope.StatusScope.desktop \
            ./usr/share/metainfo/org.statusscope.StatusScope.metainfo.xml \
            ./usr/share/mime/packages/statusscope-mime.xml \
            ./usr/share/icons/hicolor/scalable/apps/org.statusscope.StatusScope.svg \
            ./usr/share/icons/hicolor/256x256/apps/org.statusscope.StatusScope.png \
            ./usr/share/statusscope/LICENSES/GPL-3.0-or-later.txt \
            ./usr/share/statusscope/LICENSES/QCustomPlot-NOTICE.txt \
            ./usr/share/statusscope/LICENSES/Qt-NOTICE.txt \
            ./usr/share/statusscope/samples/sample.har \
            ./usr/share/statusscope/samples/access.log \
            ./usr/share/statusscope/samples/expect-417-retried.json; do
    grep -q " $path\$" <<<"$contents" || fail "package lacks $path"
done
echo "contents ok"

root="$scratch/root"
dpkg -x "$deb" "$root"
out=$("$root/usr/bin/statusscope-cli" --version)
[[ $out == "statusscope-cli $version" ]] || fail "unpacked statusscope-cli --version said: $out"
gui_version=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/statusscope" --version)
[[ $gui_version == *"$version"* ]] || fail "unpacked statusscope --version said: $gui_version"
opened=$(QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$scratch/config" timeout 60 \
    "$root/usr/bin/statusscope" --check "$root/usr/share/statusscope/samples/sample.har")
[[ $opened == *"sample.har: HAR file"* ]] || fail "unpacked GUI did not open the sample HAR: $opened"
echo "unpacked binaries ok"

# The validators are part of the test, not extras: a machine without them fails here, naming
# the Debian package to install (dev.sh's PACKAGES lists both), instead of passing unchecked.
command -v desktop-file-validate >/dev/null || fail "desktop-file-validate not found (apt package desktop-file-utils)"
command -v appstreamcli >/dev/null || fail "appstreamcli not found (apt package appstream)"
desktop-file-validate "$root/usr/share/applications/org.statusscope.StatusScope.desktop" \
    || fail "desktop-file-validate"
appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/org.statusscope.StatusScope.metainfo.xml" \
    || fail "appstreamcli validate"
echo "desktop and metainfo files valid"
echo "1 passed, 0 failed"
