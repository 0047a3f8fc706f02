#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""1 GiB upload to a private local nginx (and the 1 GiB download back to a file):
statusscope-cli send vs curl, interleaved.

Reports the median of N runs of each: throughput (MiB/s, from wall time) and peak RSS
(/usr/bin/time -v). Targets: ours >= 90% of curl's throughput, peak RSS < 64 MB.

nginx reads the whole request body (to a temp file on /dev/shm when available, so the disk is
not what is measured) before it answers: location /upload proxies to a local /sink with
proxy_pass_request_body off, which needs the complete body first (proxy_request_buffering on).

Usage: bench/upload/run_upload_bench.py [--cli build/app/statusscope-cli] [--runs 5] [--size-mib 1024]
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_data(path, mib):
    if os.path.exists(path) and os.path.getsize(path) == mib * 1024 * 1024:
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    block = os.urandom(1024 * 1024)
    with open(path, "wb") as f:
        for _ in range(mib):
            f.write(block)


def start_nginx(workdir, port, data_dir):
    temp = tempfile.mkdtemp(prefix="ss-bench-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    conf = f"""daemon off;
master_process off;
worker_processes 1;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    client_max_body_size 4g;
    client_body_buffer_size 1m;
    server {{
        listen 127.0.0.1:{port};
        location = /sink {{ return 200 "ok\\n"; }}
        location /data/ {{ alias {data_dir}/; }}
        location = /upload {{
            proxy_pass http://127.0.0.1:{port}/sink;
            proxy_pass_request_body off;
            proxy_set_header Content-Length "";
        }}
    }}
}}
"""
    path = os.path.join(workdir, "nginx.conf")
    with open(path, "w") as f:
        f.write(conf)
    proc = subprocess.Popen(["/usr/sbin/nginx", "-c", path, "-p", workdir], start_new_session=True)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc, temp
        except OSError:
            time.sleep(0.05)
    proc.kill()
    sys.exit("nginx did not start: " + open(os.path.join(workdir, "error.log")).read())


def timed(cmd, may_fail=False):
    """Runs cmd under /usr/bin/time -v; returns (wall seconds, peak RSS KiB, stdout)."""
    start = time.monotonic()
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    wall = time.monotonic() - start
    if p.returncode != 0 and may_fail:
        return None
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-2000:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))
    return wall, rss, p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(ROOT, "build/app/statusscope-cli"))
    ap.add_argument("--curl", default="/usr/bin/curl")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--size-mib", type=int, default=1024)
    args = ap.parse_args()

    data = os.path.join(ROOT, "bench/data", f"upload-{args.size_mib}m.bin")
    make_data(data, args.size_mib)
    size = os.path.getsize(data)
    workdir = tempfile.mkdtemp(prefix="ss-bench-nginx-")
    port = free_port()
    nginx, temp = start_nginx(workdir, port, os.path.dirname(data))
    url = f"http://127.0.0.1:{port}/upload"
    # curl --data-binary @FILE reads the whole file into memory first; curl -T FILE streams it.
    # Both are shown; the target is measured against the faster of the two.
    results = {"statusscope": [], "curl": [], "curl_T": [], "down_ours": [], "down_curl": []}
    down_url = f"http://127.0.0.1:{port}/data/{os.path.basename(data)}"
    down_out = os.path.join(temp, "download.bin")
    try:
        for i in range(args.runs):
            # Interleaved, so drift in machine load hits both alike.
            wall, rss, out = timed([args.cli, "send", "--json", "--data-binary", "@" + data, url])
            ex = json.loads(out)
            att = ex["attempts"][-1]
            assert ex["final_status"] == 200 and att["request"]["body_sent_bytes"] == size, "ours did not upload it all"
            results["statusscope"].append((wall, rss))
            # curl 7.88 refuses --data-binary @FILE of 1 GiB ("out of memory"): then only -T counts.
            got = timed([args.curl, "-sS", "-o", "/dev/null", "-w", "%{http_code}", "--data-binary", "@" + data, url], may_fail=True)
            wall_c, rss_c = (got[0], got[1]) if got and got[2].strip() == "200" else (float("nan"), 0)
            if got:
                results["curl"].append((wall_c, rss_c))
            wall_t, rss_t, out_t = timed([args.curl, "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", "-T", data, url])
            assert out_t.strip() == "200", out_t
            results["curl_T"].append((wall_t, rss_t))
            print(f"run {i + 1}: ours {size / wall / 2**20:8.1f} MiB/s {rss / 1024:6.1f} MB | "
                  f"curl --data-binary {size / wall_c / 2**20:8.1f} MiB/s {rss_c / 1024:6.1f} MB | "
                  f"curl -T {size / wall_t / 2**20:8.1f} MiB/s {rss_t / 1024:6.1f} MB", flush=True)
            # Download of the same file to a file (-o), ours then curl.
            wall_d, rss_d, out_d = timed([args.cli, "send", "--json", "-o", down_out, down_url])
            assert json.loads(out_d)["final_status"] == 200 and os.path.getsize(down_out) == size, "ours did not download it all"
            os.remove(down_out)
            results["down_ours"].append((wall_d, rss_d))
            wall_dc, rss_dc, _ = timed([args.curl, "-sS", "-o", down_out, down_url])
            assert os.path.getsize(down_out) == size
            os.remove(down_out)
            results["down_curl"].append((wall_dc, rss_dc))
            print(f"       download: ours {size / wall_d / 2**20:8.1f} MiB/s {rss_d / 1024:6.1f} MB | "
                  f"curl {size / wall_dc / 2**20:8.1f} MiB/s {rss_dc / 1024:6.1f} MB", flush=True)
    finally:
        os.killpg(nginx.pid, signal.SIGTERM)
        nginx.wait(timeout=10)
        shutil.rmtree(temp, ignore_errors=True)
        shutil.rmtree(workdir, ignore_errors=True)

    def med(name):
        if not results[name]:
            return float("nan"), float("nan"), float("nan")
        walls = [w for w, _ in results[name]]
        rss = [r for _, r in results[name]]
        return size / statistics.median(walls) / 2**20, statistics.median(rss) / 1024, max(rss) / 1024

    ours, curl, curl_t = med("statusscope"), med("curl"), med("curl_T")
    version = subprocess.run([args.curl, "--version"], capture_output=True, text=True).stdout.split()[1]
    table = (f"| client ({args.size_mib} MiB POST, local nginx, median of {args.runs}) | throughput MiB/s | peak RSS MB (median / max) |\n"
             f"|---|---|---|\n"
             f"| statusscope-cli send | {ours[0]:.0f} | {ours[1]:.1f} / {ours[2]:.1f} |\n"
             + (f"| curl {version} --data-binary @FILE | {curl[0]:.0f} | {curl[1]:.1f} / {curl[2]:.1f} |\n" if results["curl"]
                else f"| curl {version} --data-binary @FILE | fails: out of memory (curl loads the file whole) | - |\n")
             + f"| curl {version} -X POST -T FILE | {curl_t[0]:.0f} | {curl_t[1]:.1f} / {curl_t[2]:.1f} |\n")
    down_ours, down_curl = med("down_ours"), med("down_curl")
    table += (f"\n| client ({args.size_mib} MiB GET to -o FILE, median of {args.runs}) | throughput MiB/s | peak RSS MB (median / max) |\n"
              f"|---|---|---|\n"
              f"| statusscope-cli send -o FILE | {down_ours[0]:.0f} | {down_ours[1]:.1f} / {down_ours[2]:.1f} |\n"
              f"| curl {version} -o FILE | {down_curl[0]:.0f} | {down_curl[1]:.1f} / {down_curl[2]:.1f} |\n")
    ratio = ours[0] / max(c for c in (curl[0], curl_t[0]) if c == c)
    print()
    print(table)
    print(f"ours / fastest curl throughput: {ratio:.1%} (target >= 90%); our peak RSS {ours[2]:.1f} MB (target < 64 MB)")
    os.makedirs(os.path.join(ROOT, "bench/results"), exist_ok=True)
    with open(os.path.join(ROOT, "bench/results/upload.md"), "w") as f:
        f.write(table + f"\nratio {ratio:.1%}\n")
    print(f"download: ours / curl {down_ours[0] / down_curl[0]:.1%}; our peak RSS {down_ours[2]:.1f} MB (target < 64 MB)")
    return 0 if ratio >= 0.9 and ours[2] < 64 and down_ours[2] < 64 else 1


if __name__ == "__main__":
    sys.exit(main())
