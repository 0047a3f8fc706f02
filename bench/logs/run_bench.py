#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Side-by-side benchmark: statusscope-cli logs vs GoAccess, wc -l and gzip -dc.

Runs each command interleaved (ours, peer, floor, ours, peer, floor, ...) so that load from
other processes hits all of them alike, takes the median of N runs of wall time and peak
RSS (/usr/bin/time -v), and writes a Markdown table to RESULTS.md next to this script.

    bench/logs/run_bench.py [--runs 5] [--runs-5m 5] [--cli build/app/statusscope-cli]

Data (generated once into bench/data/, which git ignores) comes from
shared/bench/gen_access_log.py (or the copy in tests/fixtures/logs) with the seeds of
shared/bench/README.md. GoAccess is not a dependency of the project: install it for the
comparison only (Debian: apt-get install goaccess).
"""

import argparse
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "bench", "data")
GENERATOR = os.path.join(ROOT, "tests", "fixtures", "logs", "gen_access_log.py")


def ensure_data(name, lines):
    path = os.path.join(DATA, name + ".log")
    if not os.path.exists(path):
        os.makedirs(DATA, exist_ok=True)
        subprocess.run([sys.executable, GENERATOR, "--seed", "1", "--lines", str(lines), "--format", "combined",
                        "--malformed-rate", "0.001", "-o", path, "--stats", os.path.join(DATA, name + ".stats.json")],
                       check=True)
    return path


def ensure_gzip(path):
    gz = path + ".gz"
    if not os.path.exists(gz):
        with open(gz, "wb") as out:
            subprocess.run(["gzip", "-6", "-c", path], stdout=out, check=True)
    return gz


def timed(command, stdout_path=os.devnull, shell=False):
    """Wall seconds and peak RSS (KiB) of one run, from GNU time -v."""
    with open(stdout_path, "wb") as out:
        proc = subprocess.run(["/usr/bin/time", "-v"] + (["sh", "-c", command] if shell else command),
                              stdout=out, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise RuntimeError("%s failed: %s" % (command, proc.stderr[-2000:]))
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", proc.stderr).group(1)
    parts = [float(p) for p in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) == 3 else 0)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1))
    return seconds, rss


def bench(label, commands, runs):
    """commands: [(name, argv or shell string, is_shell)]; interleaved, median of runs."""
    samples = {name: [] for name, _, _ in commands}
    for run in range(runs):
        for name, command, shell in commands:
            samples[name].append(timed(command, shell=shell))
            print("  %s run %d %s: %.2f s, %d KiB" % (label, run + 1, name, *samples[name][-1]), flush=True)
    return {name: (statistics.median(s[0] for s in values), statistics.median(s[1] for s in values))
            for name, values in samples.items()}


def version(argv):
    try:
        out = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout
        return out.strip().splitlines()[0]
    except OSError:
        return "not installed"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--runs-5m", type=int, default=5)
    parser.add_argument("--cli", default=os.path.join(ROOT, "build", "app", "statusscope-cli"))
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "logs", "RESULTS.md"))
    args = parser.parse_args()
    if not shutil.which("goaccess"):
        sys.exit("goaccess is not installed (Debian: apt-get install goaccess)")
    report = os.path.join(DATA, "goaccess-report.json")
    files = [("1M combined", ensure_data("combined-1m", 1_000_000), args.runs),
             ("5M combined", ensure_data("combined-5m", 5_000_000), args.runs_5m)]
    rows = []
    for label, path, runs in files:
        size = os.path.getsize(path)
        lines = int(subprocess.run(["wc", "-l", path], stdout=subprocess.PIPE, text=True).stdout.split()[0])
        result = bench(label, [("statusscope-cli logs --json", [args.cli, "logs", "--json", path], False),
                               ("goaccess --log-format=COMBINED -o report.json",
                                ["goaccess", path, "--log-format=COMBINED", "-o", report], False),
                               ("wc -l", ["wc", "-l", path], False)], runs)
        for name, (wall, rss) in result.items():
            rows.append((label, name, runs, wall, rss, lines / wall, size / wall / 1e6))
    gz = ensure_gzip(ensure_data("combined-1m", 1_000_000))
    raw_lines = 1_000_000
    raw_size = os.path.getsize(gz[:-3])
    result = bench("1M .gz", [("statusscope-cli logs --json (.gz)", [args.cli, "logs", "--json", gz], False),
                              ("gzip -dc > /dev/null", "gzip -dc '%s' > /dev/null" % gz, True)], args.runs)
    for name, (wall, rss) in result.items():
        rows.append(("1M combined .gz", name, args.runs, wall, rss, raw_lines / wall, raw_size / wall / 1e6))

    def find(label, prefix):
        return next(r for r in rows if r[0] == label and r[1].startswith(prefix))

    ours5, peer5 = find("5M combined", "statusscope"), find("5M combined", "goaccess")
    ours1, peer1 = find("1M combined", "statusscope"), find("1M combined", "goaccess")
    oursgz, gunzip = find("1M combined .gz", "statusscope"), find("1M combined .gz", "gzip")
    with open("/proc/loadavg") as f:
        load = f.read().split()[:3]
    lines = [
        "# Access-log ingest: statusscope-cli vs GoAccess",
        "",
        "Generated by `bench/logs/run_bench.py` on %s UTC." % datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M"),
        "Machine: %s, %d cores (`nproc`), load average at the end %s (the cores are shared with"
        " other jobs; commands run interleaved so the load hits all alike)." % (platform.machine(), os.cpu_count(), "/".join(load)),
        "Versions: %s; %s; %s." % (version([args.cli, "--version"]), version(["goaccess", "--version"]),
                                   version(["gzip", "--version"])),
        "Data: `gen_access_log.py --seed 1 --format combined --malformed-rate 0.001` (1M lines %.0f MB, 5M lines %.0f MB);"
        " the `.gz` is `gzip -6`." % (os.path.getsize(files[0][1]) / 1e6, os.path.getsize(files[1][1]) / 1e6),
        "Each cell: the median of N runs, wall time and peak RSS from `/usr/bin/time -v`.",
        "",
        "| input | command | N | wall (s) | peak RSS (MiB) | lines/s | MB/s |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, name, runs, wall, rss, lps, mbps in rows:
        lines.append("| %s | `%s` | %d | %.2f | %.1f | %s | %.0f |" % (label, name, runs, wall, rss / 1024,
                                                                       format(int(lps), ","), mbps))
    lines += [
        "",
        "## Against the targets",
        "",
        "| target | measured | met |",
        "|---|---|---|",
        "| 5M: wall ≤ 1/20 of GoAccess | %.2f s vs %.2f s = 1/%.1f | %s |" % (
            ours5[3], peer5[3], peer5[3] / ours5[3], "yes" if ours5[3] * 20 <= peer5[3] else "no"),
        "| 5M: peak RSS ≤ GoAccess | %.1f MiB vs %.1f MiB | %s |" % (
            ours5[4] / 1024, peer5[4] / 1024, "yes" if ours5[4] <= peer5[4] else "no"),
        "| 1M: wall vs GoAccess (for reference) | %.2f s vs %.2f s = 1/%.1f | — |" % (ours1[3], peer1[3], peer1[3] / ours1[3]),
        "| 1M: peak RSS ≤ GoAccess | %.1f MiB vs %.1f MiB | %s |" % (
            ours1[4] / 1024, peer1[4] / 1024, "yes" if ours1[4] <= peer1[4] else "no"),
        "| 1M .gz: ≤ 1.3 × `gzip -dc` | %.2f s vs %.2f s = %.2f× | %s |" % (
            oursgz[3], gunzip[3], oursgz[3] / gunzip[3], "yes" if oursgz[3] <= 1.3 * gunzip[3] else "no"),
        "",
    ]
    with open(args.out, "w") as f:
        f.write("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
