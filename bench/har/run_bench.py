#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""HAR reading benchmark: statusscope-cli har FILE --json against Python's json.load.

Usage: bench/har/run_bench.py [--cli build/app/statusscope-cli] [--runs 5] [--file F]
Without --file it generates bench/data/entries-20k.har (gen_har.py --seed 1 --entries 20000,
~151 MB) first. Runs are interleaved (ours, python, ours, python...) so both see the same
machine load; each run is measured with /usr/bin/time (wall clock, CPU user+sys and peak RSS).
Prints a Markdown table of medians and both ratios (wall and CPU).

Equal work: both sides validate. Python decodes the file as strict UTF-8 (an invalid byte
makes json.load fail), and the reader checks every byte's UTF-8 as it parses (always on; it
reports and replaces what is invalid). Before timing, one untimed run of each checks that they
agree on the entry count and that the file is valid UTF-8 for both.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GEN = "/work/shared/bench/gen_har.py"


def measure(cmd):
    """(wall seconds, peak RSS KiB, CPU seconds) of one run, via /usr/bin/time."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %M %U %S"] + cmd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(cmd)}\n{result.stderr}")
    wall, rss, user, system = result.stderr.strip().splitlines()[-1].split()
    return float(wall), int(rss), float(user) + float(system)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", default=os.path.join(ROOT, "build/app/statusscope-cli"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--file")
    args = parser.parse_args()

    path = args.file
    if not path:
        path = os.path.join(ROOT, "bench/data/entries-20k.har")
        if not os.path.exists(path):
            os.makedirs(os.path.dirname(path), exist_ok=True)
            subprocess.run([sys.executable, GEN, "--seed", "1", "--entries", "20000", "-o", path],
                           check=True)
    size_mb = os.path.getsize(path) / 1e6
    python_load = f"import json; json.load(open({path!r}, encoding='utf-8', errors='strict'))"
    tools = {
        "statusscope-cli har --json": [args.cli, "har", path, "--json"],
        "python3 json.load": [sys.executable, "-c", python_load],
    }
    # Untimed: the same verdict on the same file, or the comparison means nothing.
    ours = json.loads(subprocess.run(tools["statusscope-cli har --json"], stdout=subprocess.PIPE,
                                     check=True).stdout)
    with open(path, encoding="utf-8", errors="strict") as f:
        theirs = json.load(f)
    invalid = [d for d in ours.get("deviations", []) if d["kind"] == "invalid_utf8"]
    if invalid:
        sys.exit(f"the reader found invalid UTF-8 ({invalid[0]['examples']}), but python decoded it")
    if ours["entry_count"] + len(ours["skipped"]) != len(theirs["log"]["entries"]):
        sys.exit(f"entry counts differ: ours {ours['entry_count']} + {len(ours['skipped'])} skipped, "
                 f"python {len(theirs['log']['entries'])}")
    del theirs
    samples = {name: [] for name in tools}
    for _ in range(args.runs):
        for name, cmd in tools.items():
            samples[name].append(measure(cmd))

    print(f"File: `{os.path.basename(path)}`, {size_mb:.1f} MB, {ours['entry_count']} entries; "
          f"median of {args.runs} interleaved runs; UTF-8 validated by both.\n")
    print("| tool | wall (s) | MB/s (wall) | CPU user+sys (s) | peak RSS (MB) | all walls (s) |")
    print("|---|---:|---:|---:|---:|---|")
    medians = {}
    for name, runs in samples.items():
        wall = statistics.median(w for w, _, _ in runs)
        rss = statistics.median(r for _, r, _ in runs) / 1024
        cpu = statistics.median(c for _, _, c in runs)
        medians[name] = (wall, rss, cpu)
        walls = ", ".join(f"{w:.2f}" for w, _, _ in runs)
        print(f"| {name} | {wall:.2f} | {size_mb / wall:.0f} | {cpu:.2f} | {rss:.0f} | {walls} |")
    ours, peer = medians["statusscope-cli har --json"], medians["python3 json.load"]
    print(f"\nSpeed-up: {peer[0] / ours[0]:.1f}x by wall clock, {peer[2] / ours[2]:.1f}x by CPU time; "
          f"peak RSS {ours[1] / peer[1] * 100:.0f} % of python's.")
    print(f"Load average during the run: {open('/proc/loadavg').read().split()[0]} (1 min).")


if __name__ == "__main__":
    main()
