#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Bad files at scale: a 1 GB access log with 30% garbage lines through
# statusscope-cli logs. Checks the parsed/skipped counts are exact and prints wall time and
# peak RSS. The test suite integration_badfiles does the same on 20 MB.
# Usage: bench/badfiles/run_garbage_log.sh [BUILD_DIR] [SIZE_BYTES]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
size=${2:-1000000000}
mkdir -p "$root/bench/data"
log="$root/bench/data/garbage-30pct-$size.log"
counts=$(python3 "$here/garbage_log.py" "$log" "$size")
echo "generated: $counts"
out=$(mktemp)
/usr/bin/time -f 'wall_s=%e peak_rss_kib=%M' "$build/app/statusscope-cli" logs --json --format combined "$log" >"$out" 2>"$out.err" || true
tail -1 "$out.err"
python3 - "$out" "$counts" <<'PY'
import json, sys
got = json.load(open(sys.argv[1]))
want = json.loads(sys.argv[2])
ok = got["lines_parsed"] == want["valid"] and got["lines_skipped"] == want["garbage"]
print("lines_total=%d lines_parsed=%d lines_skipped=%d expected_parsed=%d expected_skipped=%d %s"
      % (got["lines_total"], got["lines_parsed"], got["lines_skipped"], want["valid"], want["garbage"],
         "EXACT" if ok else "MISMATCH"))
sys.exit(0 if ok else 1)
PY
rm -f "$out" "$out.err"
