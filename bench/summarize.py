"""Turns bench/run.sh's raw results into summary.md: the tables docs/PERFORMANCE.md quotes.
   python3 bench/summarize.py RESULTS_DIR"""
import collections
import csv
import json
import os
import platform
import re
import statistics
import subprocess
import sys

out = sys.argv[1]


def path(name):
    return os.path.join(out, name)


def iperf(name):
    with open(path(name)) as f:
        return json.load(f)["end"]["sum_received"]["bits_per_second"] / 8 / 1e6


def plain_run(name, n, rnd):
    """MB/s, verified bytes and server CPU seconds from one plain-client run, or None if it did not run."""
    try:
        text = open(path(f"plain-{name}-{n}-r{rnd}.txt")).read()
    except FileNotFoundError:
        return None
    mbps = re.search(r"([\d.]+) MB/s", text)
    verified = re.search(r"([\d,]+) bytes verified", text)
    cpu = re.search(r"server_cpu_s=([\d.]+)", text)
    if not (mbps and verified):
        return None
    return float(mbps.group(1)), int(verified.group(1).replace(",", "")), float(cpu.group(1)) if cpu else None


def rounds():
    found = [int(m.group(1)) for f in os.listdir(out) for m in [re.match(r"plain-c-1-r(\d+)\.txt$", f)] if m]
    return sorted(found)


def plain(name, n):
    """Every round's run of one server at one connection count: {round: (MB/s, bytes, CPU s)}."""
    return {r: run for r in rounds() for run in [plain_run(name, n, r)] if run}


def rows(name):
    try:
        return list(csv.DictReader(open(path(name))))
    except FileNotFoundError:
        return []


java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
ceiling1, ceiling4 = iperf("iperf3-1.json"), iperf("iperf3-4.json")
lines = [f"Machine: {os.cpu_count()} CPUs, {platform.platform()}, {java}.", "",
         "### Ceiling: iperf3 on loopback", "", "| | MB/s |", "|---|---|",
         f"| iperf3, one stream | {ceiling1:,.0f} |", f"| iperf3, four streams | {ceiling4:,.0f} |", ""]

servers = [("c", "C reference (bench/upper_echo.c, 64 KiB reads)"),
           ("capslock", "capslock server, as ./capslock runs it (Vector API kernel)"),
           ("capslock-swar", "capslock server, without the Vector API module (SWAR kernel)")]
median = statistics.median
lines += [f"### Servers in their own process, loaded by the plain client ({len(rounds())} interleaved rounds)", "",
          "Median round; the range is the lowest and highest round. × C is the median of the rounds' ratios "
          "(each round measures the servers one after the other, so they share that moment's machine).", "",
          "| server | connections | MB/s (median) | range | × iperf3 one stream | × C server | server CPU s per GB |",
          "|---|---|---|---|---|---|---|"]
def server_row(label, n, mbps, c_mbps):
    """A table row's first cells from {round: MB/s} of a server and of the C reference: median, range, ratios."""
    vs_c = [mbps[r] / c_mbps[r] for r in mbps if r in c_mbps]
    return (f"| {label} | {n} | {median(mbps.values()):,.0f} | {min(mbps.values()):,.0f}–{max(mbps.values()):,.0f} | "
            f"{median(mbps.values()) / ceiling1:.2f} | {f'{median(vs_c):.2f}' if vs_c else 'n/a'} |")


for name, label in servers:
    for n in (1, 4, 16):
        runs, c = plain(name, n), plain("c", n)
        if not runs:
            continue
        per_gb = [r[2] / (r[1] / 1e9) for r in runs.values() if r[2] is not None]
        lines.append(server_row(label, n, {r: run[0] for r, run in runs.items()}, {r: run[0] for r, run in c.items()})
                     + f" {f'{median(per_gb):.2f}' if per_gb else 'n/a'} |")
lines.append("")

def bench_client(name, n):
    """Every round's `capslock bench --host` MB/s against one server at one connection count: {round: MB/s}."""
    found = {}
    for r in rounds():
        for row in rows(f"client-{name}-r{r}.csv"):
            if int(row["connections"]) == n and row["outcome"] == "completed":
                found[r] = float(row["mb_per_s"])
    return found


failed = [f"{name}, round {r}, {row['connections']} connection(s): {row['outcome']} (client-{name}-r{r}.log)"
          for name in ("c", "capslock", "capslock-swar") for r in rounds()
          for row in rows(f"client-{name}-r{r}.csv") if row["outcome"] != "completed"]


lines += [f"### Servers in their own process, loaded by `capslock bench --host` ({len(rounds())} interleaved rounds)", "",
          "The same warm servers, right after the plain client's runs in each round; every byte verified. "
          "× C is the median of the rounds' ratios.", "",
          "| server | connections | MB/s (median) | range | × iperf3 one stream | × C server |",
          "|---|---|---|---|---|---|"]
for name, label in servers:
    for n in (1, 4, 16):
        runs = bench_client(name, n)
        if runs:
            lines.append(server_row(label, n, runs, bench_client("c", n)))
lines.append("")

if failed:
    lines += ["Rows that did not complete, left out above: " + "; ".join(failed) + ".", ""]

lines += ["### Is capslock's bench client the limit? Same warm servers, plain client against `capslock bench --host`", "",
          "Per round, the bench client's MB/s over the plain client's at the same connection count; median and range.", "",
          "| server | connections | plain client MB/s (median) | capslock bench MB/s (median) | bench ÷ plain (median) | range |",
          "|---|---|---|---|---|---|"]
for name, label in servers:
    for n in (1, 4, 16):
        runs = plain(name, n)
        bench = bench_client(name, n)
        ratios = [bench[r] / runs[r][0] for r in bench if r in runs]
        if not ratios:
            continue
        lines.append(f"| {label} | {n} | {median(r[0] for r in runs.values()):,.0f} | {median(bench.values()):,.0f} | "
                     f"{median(ratios):.2f} | {min(ratios):.2f}–{max(ratios):.2f} |")
lines.append("")

lines += ["### capslock bench with its embedded server (client and server in one process)", "",
          "| transport | connections | MB/s | × iperf3 one stream | client CPU s | server CPU s | verified |",
          "|---|---|---|---|---|---|---|"]
for transport in ("nio", "epoll", "io_uring"):
    for row in rows(f"embedded-{transport}.csv"):
        mbps = float(row["mb_per_s"])
        lines.append(f"| {transport} | {row['connections']} | {mbps:,.0f} | {mbps / ceiling1:.2f} | "
                     f"{row['client_cpu_s']} | {row['server_cpu_s']} | {row['outcome']} |")
lines.append("")

lines += ["### Server memory as the payload grows (one connection, capslock bench --bytes, fresh server each)", "",
          "| payload | verified bytes | connection's peak outbound queue | peak direct memory in Netty's allocator | peak RSS |",
          "|---|---|---|---|---|"]
for size in ("64MiB", "1GiB", "4GiB"):
    try:
        facts = dict(line.strip().split("=", 1) for line in open(path(f"memory-{size}.txt")) if "=" in line)
        direct = [float(v) for v in open(path(f"memory-direct-{size}.txt")).read().split()]
    except FileNotFoundError:
        continue
    client = rows(f"memory-client-{size}.csv")
    verified = f"{int(client[0]['bytes']):,}" if client and client[0]["verified"] == "true" else "NOT verified"
    lines.append(f"| {size} | {verified} | {facts.get('peak_queued', '?').strip()} | "
                 f"{max(direct, default=0) / 2**20:.1f} MiB | {int(facts['peak_rss_kib']) / 1024:.0f} MiB |")
lines.append("")

if os.path.exists(path("profile.collapsed")):
    categories = collections.Counter()
    threads = collections.Counter()
    for line in open(path("profile.collapsed")):
        stack, n = line.rsplit(" ", 1)
        n = int(n)
        frames = stack.split(";")
        thread = re.sub(r"(\s*tid=\d+|[-#]\d+)+$", "", frames[0].strip("[]"))
        threads[thread] += n
        if not frames[0].startswith("[capslock-io"):
            continue
        leaf = frames[-1]
        kernel = leaf.endswith("_[k]")
        if "AsciiUpperCase" in stack:
            category = "uppercasing"
        elif "writev" in stack or "doWrite" in stack:
            category = "writing: the write syscall, its copy and loopback delivery (kernel)" if kernel \
                else "writing: Netty's outbound buffer and the syscall's Java side"
        elif "doReadBytes" in stack:
            category = "reading: the read syscall and its copy (kernel)" if kernel else "reading: Java side"
        elif "epoll_wait" in stack or "select" in stack.lower() and kernel:
            category = "waiting for I/O (epoll_wait)"
        else:
            category = "pipeline: decoder, slices, handlers, writability, tasks" + (" (kernel)" if kernel else "")
        categories[category] += n
    total = sum(categories.values())
    lines += ["### Where the warm capslock server's I/O thread spends its CPU (async-profiler, 1 connection, plain client)", "",
              "| share | what |", "|---|---|"]
    lines += [f"| {n * 100 / total:.0f}% | {c} |" for c, n in categories.most_common()]
    lines += ["", f"Samples per thread (1 ms each, attached after the warm-up): "
              + ", ".join(f"{t} {n:,}" for t, n in threads.most_common(5)), ""]

if os.path.exists(path("jmh.json")):
    results = {}
    for r in json.load(open(path("jmh.json"))):
        results[(r["benchmark"].rsplit(".", 1)[1], int(r["params"]["size"]))] = r["primaryMetric"]["score"]
    lines += ["### The uppercase kernel (JMH, ns per chunk; bytes/ns after subtracting the restore copy)", "",
              "| kernel | chunk | ns/op | bytes/ns | × scalarByteBuf |", "|---|---|---|---|---|"]
    for kernel in ("scalarByteBuf", "scalarAddress", "swarHeap", "swarDirect", "vectorHeap", "vectorDirect"):
        for size in (1024, 65536):
            if (kernel, size) not in results:
                continue
            ns = results[(kernel, size)]
            net = max(ns - results.get(("copyOnly", size), 0), 1e-9)
            base = max(results[("scalarByteBuf", size)] - results.get(("copyOnly", size), 0), 1e-9)
            lines.append(f"| {kernel} | {size:,} | {ns:,.0f} | {size / net:.2f} | {base / net:.1f} |")
    lines.append("")

open(path("summary.md"), "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
