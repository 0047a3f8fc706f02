#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the expected sections of the response parser's golden files
# (tests/fixtures/http/parser/*.txt) from what the parser gives now, prints the diff of every
# file that changes, and replaces only those. The golden test itself never writes a fixture:
# this script is the one, explicit way to change them, and its diff is what to review.
#
#   tests/regen_golden.sh [BUILD_DIR]      (default: build)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
build=${1:-build}
binary="$build/tests/unit_http"
fixtures=tests/fixtures/http/parser
[[ -x $binary ]] || { echo "regen_golden: $binary not found: build it first (cmake --build $build --target unit_http)" >&2; exit 2; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The test fails for every file that changes: that is expected here, the diff below says how.
STATUSSCOPE_GOLDEN_OUT="$out" QT_QPA_PLATFORM=offscreen "$binary" --gtest_filter='Fixtures/ParserGolden.*' \
    >"$out/test.log" 2>&1 || true

changed=0
total=0
for fixture in "$fixtures"/*.txt; do
    name=$(basename "$fixture")
    total=$((total + 1))
    if [[ ! -f $out/$name ]]; then
        echo "regen_golden: no output for $name (see the test log below)" >&2
        cat "$out/test.log" >&2
        exit 1
    fi
    if ! diff -u "$fixture" "$out/$name"; then
        cp "$out/$name" "$fixture"
        changed=$((changed + 1))
    fi
done
echo "regen_golden: $changed of $total golden files rewritten; review the diff above before committing"
