#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates every screenshot in docs/screenshots: each screen at 1280×800 and 1920×1080, in
# the light and the dark theme, through the app's own wiring under Xvfb (the program starts the
# loopback servers it shows). Run from anywhere after `./dev.sh build`.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
cmake --build build --target statusscope_screenshots >/dev/null
for size in 1280x800 1920x1080; do
    for theme in light dark; do
        xvfb-run -a -s "-screen 0 ${size}x24" build/app/statusscope_screenshots . docs/screenshots "$theme" "$size"
    done
done
