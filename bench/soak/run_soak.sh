#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Hostile-server soak at full size: 10,000 randomized exchanges against HttpEngine in
# one process (the CI suite integration_soak runs 2,000). Prints the figures for RESULTS.md.
# Usage: bench/soak/run_soak.sh [BUILD_DIR] [EXCHANGES] [SEED]
set -u
build=${1:-build}
exchanges=${2:-10000}
seed=${3:-20261126}
binary="$build/tests/integration_soak"
[ -x "$binary" ] || { echo "no $binary: build the integration_soak target first" >&2; exit 2; }
log=$(mktemp)
start=$(date +%s.%N)
STATUSSCOPE_SOAK_EXCHANGES=$exchanges STATUSSCOPE_SOAK_SEED=$seed "$binary" >"$log" 2>&1
rc=$?
end=$(date +%s.%N)
grep -E '^SOAK |Failure|^exchange ' "$log"
# A signal (crash) shows as an exit status above 128.
crashes=0
[ "$rc" -gt 128 ] && crashes=1
printf 'exit_status=%d crashed=%d process_wall_s=%.1f\n' "$rc" "$crashes" "$(echo "$end - $start" | bc)"
rm -f "$log"
exit "$rc"
