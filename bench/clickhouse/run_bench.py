#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Logs in ClickHouse: loading and charting N generated lines, against the peers that matter.

    bench/clickhouse/run_bench.py [--lines 20000000] [--runs 3] [--cli build/app/statusscope-cli] [--note TEXT]

Starts a private clickhouse-server (Debian's /usr/sbin/clickhouse-server, config, data and
ports of its own in a temporary folder, stopped by its PID) and measures, median of --runs
(wall time, peak RSS, and the server's CPU time meanwhile, its merge threads included):

  load      statusscope-cli logs --to clickhouse://… FILE (parse + INSERT … FORMAT Native),
            in lines/s of the file
  client    clickhouse-client --query 'INSERT … FORMAT TSV' fed the same parsed rows (exported
            from the first load's table): the server's own ingest, without any log parsing;
            run right after each load, so both see the same machine
  overview  statusscope-cli logs --json --source clickhouse://… (the whole range, auto bucket),
            wall time and the bytes received (the JSON's source.bytes_received)
  progress  the overview with --progress (system.processes polled every 250 ms while a query
            runs): what showing progress costs in time and bytes
  zoom      the same with --from/--to one hour and --bucket 1m
  local     statusscope-cli logs --json FILE: reading the same lines from the file here

The log comes from tests/fixtures/logs/gen_access_log.py (--seed 1 --malformed-rate 0.001, the
shared/bench seeds) into bench/data/ (git-ignored). Results go to RESULTS.md next to this script.
"""

import argparse
import datetime
import json
import os
import platform
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "bench", "data")
GENERATOR = os.path.join(ROOT, "tests", "fixtures", "logs", "gen_access_log.py")
PASSWORD = "secret"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A private clickhouse-server, as tests/support/clickhouse_server starts it."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="statusscope-ch-bench-")
        self.http, self.tcp, self.interserver = free_port(), free_port(), free_port()
        for sub in ("data", "tmp", "log", "user_files", "format_schemas"):
            os.makedirs(os.path.join(self.dir, sub))
        d = self.dir
        with open(os.path.join(d, "config.xml"), "w") as f:
            f.write(f"""<?xml version="1.0"?>
<yandex>
    <logger><level>warning</level><log>{d}/log/server.log</log><errorlog>{d}/log/error.log</errorlog><console>0</console></logger>
    <listen_host>127.0.0.1</listen_host>
    <http_port>{self.http}</http_port>
    <tcp_port>{self.tcp}</tcp_port>
    <interserver_http_port>{self.interserver}</interserver_http_port>
    <path>{d}/data/</path>
    <tmp_path>{d}/tmp/</tmp_path>
    <user_files_path>{d}/user_files/</user_files_path>
    <format_schema_path>{d}/format_schemas/</format_schema_path>
    <users_config>{d}/users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <mark_cache_size>5368709120</mark_cache_size>
</yandex>
""")
        with open(os.path.join(d, "users.xml"), "w") as f:
            f.write(f"""<?xml version="1.0"?>
<yandex>
    <profiles><default><max_memory_usage>8000000000</max_memory_usage></default></profiles>
    <users><default><password>{PASSWORD}</password><networks><ip>127.0.0.1</ip></networks>
        <profile>default</profile><quota>default</quota></default></users>
    <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
        <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
""")
        self.proc = subprocess.Popen(["/usr/sbin/clickhouse-server", "--config-file=" + os.path.join(d, "config.xml")],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{self.http}/ping", timeout=2).read() == b"Ok.\n":
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("clickhouse-server did not answer /ping")

    def url(self, table):
        return f"clickhouse://default@127.0.0.1:{self.http}/default.{table}"

    def client(self, query, stdin=None, stdout=subprocess.PIPE):
        return subprocess.run(["clickhouse-client", "--host", "127.0.0.1", "--port", str(self.tcp), "--password", PASSWORD,
                               "--query", query], stdin=stdin, stdout=stdout, check=True)

    def idle(self, timeout=120):
        """Waits for the merges a load started: they would run into the next measurement."""
        deadline = time.time() + timeout
        while time.time() < deadline and int(self.client("SELECT count() FROM system.merges").stdout) > 0:
            time.sleep(0.5)

    def cpu_seconds(self):
        """User + system CPU time of the server process so far (its merge threads included)."""
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


def ensure_data(lines):
    path = os.path.join(DATA, f"combined-{lines}.log")
    if not os.path.exists(path):
        os.makedirs(DATA, exist_ok=True)
        subprocess.run([sys.executable, GENERATOR, "--seed", "1", "--lines", str(lines), "--format", "combined",
                        "--malformed-rate", "0.001", "-o", path], check=True)
    return path


class Run:
    """Wall seconds and peak RSS (MiB) of one command, and the server's CPU seconds meanwhile."""

    def __init__(self, command, server=None, env=None, stdin_path=None, stdout_path=os.devnull):
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        cpu_before = server.cpu_seconds() if server else 0.0
        with open(stdout_path, "wb") as out:
            start = time.monotonic()
            proc = subprocess.Popen(command, stdin=stdin, stdout=out, stderr=subprocess.PIPE, env=env)
            err = proc.stderr.read()
            _, status, usage = os.wait4(proc.pid, 0)
            self.seconds = time.monotonic() - start
        proc.stderr.close()
        if stdin_path:
            stdin.close()
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"{command[0]} failed: {err.decode(errors='replace')[-2000:]}")
        self.rss_mib = usage.ru_maxrss / 1024  # Linux reports KiB
        self.server_cpu = server.cpu_seconds() - cpu_before if server else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=20_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cli", default=os.path.join(ROOT, "build", "app", "statusscope-cli"))
    parser.add_argument("--note", default="shared with other builds: expect noise",
                        help="what else the machine did meanwhile, for RESULTS.md")
    args = parser.parse_args()

    log = ensure_data(args.lines)
    size = os.path.getsize(log)
    env = dict(os.environ, CLICKHOUSE_PASSWORD=PASSWORD)
    server = Server()
    runs = {k: [] for k in ("load", "client", "overview", "progress", "zoom", "local")}
    received = {k: [] for k in ("overview", "progress", "zoom")}
    tsv = os.path.join(DATA, f"combined-{args.lines}.parsed.tsv")
    columns = "ts, ts_ms, tz_offset, status, method, path, client, user_agent, bytes, duration_ms"
    rows = 0
    try:
        for run in range(args.runs):
            server.client("DROP TABLE IF EXISTS default.access")
            server.client("DROP TABLE IF EXISTS default.statusscope_loads")
            server.idle()
            runs["load"].append(Run([args.cli, "logs", "--to", server.url("access"), log], server=server, env=env))
            if run == 0:
                rows = int(server.client("SELECT count() FROM default.access").stdout)
                with open(tsv, "wb") as out:
                    server.client(f"SELECT {columns} FROM default.access FORMAT TSV", stdout=out)
            server.client("DROP TABLE IF EXISTS default.access_client")
            server.client("CREATE TABLE default.access_client AS default.access")
            server.idle()
            runs["client"].append(Run(["clickhouse-client", "--host", "127.0.0.1", "--port", str(server.tcp),
                                       "--password", PASSWORD, "--query",
                                       f"INSERT INTO default.access_client ({columns}) FORMAT TSV"],
                                      server=server, stdin_path=tsv))
            load, client = runs["load"][-1], runs["client"][-1]
            print(f"run {run + 1}: load {load.seconds:.2f} s ({load.rss_mib:.0f} MiB, server {load.server_cpu:.1f} s CPU), "
                  f"clickhouse-client {client.seconds:.2f} s ({client.rss_mib:.0f} MiB, server {client.server_cpu:.1f} s CPU)",
                  flush=True)
        server.client("DROP TABLE IF EXISTS default.access_client")
        os.remove(tsv)
        server.idle()
        out_json = os.path.join(DATA, "ch-bench.json")
        first = json.loads(subprocess.run([args.cli, "logs", "--json", "--source", server.url("access")], env=env,
                                          stdout=subprocess.PIPE, check=True).stdout)["time_range"]["first"][:10]
        zoom = ["--from", f"{first}T10:00:00+00:00", "--to", f"{first}T10:59:59+00:00", "--bucket", "1m"]
        source = [args.cli, "logs", "--json", "--source", server.url("access")]
        charts = {"overview": source, "progress": source + ["--progress"], "zoom": source + zoom}
        for run in range(args.runs):
            for name, command in charts.items():
                runs[name].append(Run(command, server=server, env=env, stdout_path=out_json))
                with open(out_json) as f:
                    received[name].append(json.load(f)["source"]["bytes_received"])
            runs["local"].append(Run([args.cli, "logs", "--json", log]))
            print("run %d: %s, local %.2f s" % (run + 1, ", ".join(f"{n} {runs[n][-1].seconds:.2f} s" for n in charts),
                                              runs["local"][-1].seconds), flush=True)
        os.remove(out_json)
    finally:
        server.stop()

    def med(name, what="seconds"):
        return statistics.median(getattr(r, what) for r in runs[name])

    got = {name: int(statistics.median(values)) for name, values in received.items()}
    version = subprocess.run(["clickhouse-client", "--version"], stdout=subprocess.PIPE, text=True).stdout.strip()
    table = f"""# ClickHouse benchmark

{datetime.date.today()}, {platform.node()} ({os.cpu_count()} CPUs, {args.note}),
{version}; {args.lines:,} generated combined lines ({size / 1e9:.2f} GB, {rows:,} requests after the
malformed lines). Every figure is the median of {args.runs} runs; each load is followed by the
clickhouse-client insert, so the two see the same machine
(`{shlex.join(["bench/clickhouse/run_bench.py"] + sys.argv[1:])}`).

| what | wall time | rate / size | peak RSS | server CPU |
|---|---|---|---|---|
| load: `statusscope-cli logs --to` (parse + INSERT … FORMAT Native) | {med('load'):.2f} s | {args.lines / med('load') / 1e6:.2f} M lines/s | {med('load', 'rss_mib'):.0f} MiB | {med('load', 'server_cpu'):.1f} s |
| `clickhouse-client INSERT … FORMAT TSV`, same parsed rows | {med('client'):.2f} s | {rows / med('client') / 1e6:.2f} M rows/s | {med('client', 'rss_mib'):.0f} MiB | {med('client', 'server_cpu'):.1f} s |
| overview: `logs --json --source` (whole range) | {med('overview'):.2f} s | {got['overview']:,} bytes received | {med('overview', 'rss_mib'):.0f} MiB | {med('overview', 'server_cpu'):.1f} s |
| the same with `--progress` (system.processes polled) | {med('progress'):.2f} s | {got['progress']:,} bytes received | {med('progress', 'rss_mib'):.0f} MiB | {med('progress', 'server_cpu'):.1f} s |
| zoom: one hour, 1-minute buckets | {med('zoom'):.2f} s | {got['zoom']:,} bytes received | {med('zoom', 'rss_mib'):.0f} MiB | {med('zoom', 'server_cpu'):.1f} s |
| local: `logs --json FILE` | {med('local'):.2f} s | {args.lines / med('local') / 1e6:.2f} M lines/s | {med('local', 'rss_mib'):.0f} MiB | — |
"""
    print(table)
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "RESULTS.md"), "w") as f:
        f.write(table)


if __name__ == "__main__":
    main()
