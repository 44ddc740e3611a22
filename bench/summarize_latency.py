"""Turns `bench/run.sh latency`'s raw results into summary.md: the latency tables docs/PERFORMANCE.md quotes.
   python3 bench/summarize_latency.py RESULTS_DIR C_MAX_1 C_MAX_16"""
import glob
import json
import os
import platform
import re
import statistics
import subprocess
import sys

out, max1, max16 = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
median = statistics.median


def rows(name):
    try:
        return json.load(open(os.path.join(out, name)))["rows"]
    except (FileNotFoundError, json.JSONDecodeError, KeyError):
        return []


rounds = sorted({int(m.group(1)) for f in os.listdir(out) for m in [re.match(r"rtt-c-r(\d+)\.json$", f)] if m})


def spread(values, fmt="{:,.0f}"):
    if not values:
        return "n/a"
    return f"{fmt.format(median(values))} ({fmt.format(min(values))}–{fmt.format(max(values))})"


def ms(values):
    return spread(values, "{:.3f}" if values and median(values) < 1 else "{:.2f}")


def completed(row):
    return row.get("outcome") == "completed" and row.get("latency", {}).get("p99Ms") is not None


java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
lines = [f"Machine: {os.cpu_count()} CPUs, {platform.platform()}, {java}. {len(rounds)} interleaved rounds; "
         "each cell is the median round, then the lowest and highest round in brackets.", ""]

lines += ["### Round trips of the book's 16-byte message (`bench --rtt`, closed loop, TCP_NODELAY)", "",
          "| server | connections | round trips/s | p50 ms | p99 ms | p99.9 ms |", "|---|---|---|---|---|---|"]
rtt = {}
for name in ("c", "capslock"):
    for r in rounds:
        for row in rows(f"rtt-{name}-r{r}.json"):
            if completed(row):
                rtt.setdefault((name, row["connections"]), {})[r] = row
for n in (1, 16, 256):
    for name, label in (("c", "C reference"), ("capslock", "capslock")):
        got = rtt.get((name, n), {})
        lines.append(f"| {label} | {n} | {spread([x['roundTripsPerSecond'] for x in got.values()])} | "
                     f"{ms([x['latency']['p50Ms'] for x in got.values()])} | {ms([x['latency']['p99Ms'] for x in got.values()])} | "
                     f"{ms([x['latency']['p999Ms'] for x in got.values()])} |")
lines += ["", "capslock ÷ C, per round (median and range): round trips per second, and p99:", "",
          "| connections | round trips/s | p99 |", "|---|---|---|"]
for n in (1, 16, 256):
    c, k = rtt.get(("c", n), {}), rtt.get(("capslock", n), {})
    both = [r for r in k if r in c]
    lines.append(f"| {n} | {spread([k[r]['roundTripsPerSecond'] / c[r]['roundTripsPerSecond'] for r in both], '{:.2f}')} | "
                 f"{spread([k[r]['latency']['p99Ms'] / c[r]['latency']['p99Ms'] for r in both], '{:.2f}')} |")
lines.append("")

lines += [f"### Byte latency at a fixed rate (`bench --rate`, open loop, latency from when each write was due; "
          f"the C server's maximum in this run: {max1:,.0f} MB/s at 1 connection, {max16:,.0f} at 16)", "",
          "| load | connections | server | rate reached | p50 ms | p99 ms | p99.9 ms | CPU s stolen | p99 ÷ C's (per round) |",
          "|---|---|---|---|---|---|---|---|---|"]
for load in (25, 50, 90):
    for n in (1, 16):
        data = {}
        for name in ("c", "capslock"):
            for r in rounds:
                for row in rows(f"rate-{name}-{load}-{n}-r{r}.json"):
                    data.setdefault(name, {})[r] = row
        for name, label in (("c", "C reference"), ("capslock", "capslock")):
            got = {r: x for r, x in data.get(name, {}).items() if completed(x)}
            failed = len(data.get(name, {})) - len(got)
            reached = sum(1 for x in got.values() if x["megabytesPerSecond"] >= 0.97 * x["targetMegabytesPerSecond"])
            ratio = ""
            if name == "capslock":
                c = {r: x for r, x in data.get("c", {}).items() if completed(x)}
                both = [r for r in got if r in c]
                ratio = spread([got[r]["latency"]["p99Ms"] / c[r]["latency"]["p99Ms"] for r in both], "{:.2f}")
            target = next(iter(got.values()))["targetMegabytesPerSecond"] if got else 0
            lines.append(f"| {load} % ({target:,.0f} MB/s) | {n} | {label} | {reached} of {len(got)} rounds"
                         f"{f', {failed} failed' if failed else ''} | {ms([x['latency']['p50Ms'] for x in got.values()])} | "
                         f"{ms([x['latency']['p99Ms'] for x in got.values()])} | {ms([x['latency']['p999Ms'] for x in got.values()])} | "
                         f"{spread([x['stolenCpuSeconds'] for x in got.values() if x.get('stolenCpuSeconds') is not None], '{:.2f}')} | "
                         f"{ratio} |")
lines.append("")

# The targets docs/PERFORMANCE.md tracks: capslock ÷ C per round, the median of the rounds and how many rounds held.
lines += ["### Against the targets (capslock ÷ C, per round)", "",
          "| target | median of the rounds (range) | rounds that held |", "|---|---|---|"]


def per_round_p99(load, n):
    c = {r: x for r in rounds for x in rows(f"rate-c-{load}-{n}-r{r}.json") if completed(x)}
    k = {r: x for r in rounds for x in rows(f"rate-capslock-{load}-{n}-r{r}.json") if completed(x)}
    return [k[r]["latency"]["p99Ms"] / c[r]["latency"]["p99Ms"] for r in k if r in c]


c16, k16 = rtt.get(("c", 16), {}), rtt.get(("capslock", 16), {})
targets = [("round trips/s, 16 connections ≥ 1.0",
            [k16[r]["roundTripsPerSecond"] / c16[r]["roundTripsPerSecond"] for r in k16 if r in c16], lambda x: x >= 1.0)]
for load in (25, 50):
    for n, bound in ((1, 1.25), (16, 1.0)):
        targets.append((f"p99 at {load} %, {n} connection{'s' if n > 1 else ''} ≤ {bound}", per_round_p99(load, n),
                        lambda x, b=bound: x <= b))
for label, ratios, holds in targets:
    lines.append(f"| {label} | {spread(ratios, '{:.2f}')} | {sum(1 for x in ratios if holds(x))} of {len(ratios)} |")
lines.append("")

lines += ["### Slow readers: writers at 20 MB/s in all, replies read at 10 MB/s in all, 10 s", "",
          "| server | connections | MB/s | outcome | latency from when due: p50 / p99 / max ms | from when sent: p50 / p99 / max ms |",
          "|---|---|---|---|---|---|"]
for name, label in (("bp-on", "capslock, backpressure on"), ("bp-off", "capslock, --backpressure=false")):
    for row in rows(f"slow-{name}.json"):
        def cell(l):
            if not l or l.get("p50Ms") is None:
                return "n/a" if not l else f"oldest unanswered {l.get('oldestUnansweredMs')}"
            return f"{l['p50Ms']:,.1f} / {l['p99Ms']:,.1f} / {l['maxMs']:,.1f}"
        lines.append(f"| {label} | {row['connections']} | {row['megabytesPerSecond']:.1f} | {row['outcome']} | "
                     f"{cell(row.get('latency'))} | {cell(row.get('uncorrectedLatency'))} |")
peaks = []
for name in ("bp-on", "bp-off"):
    try:
        log = open(os.path.join(out, f"server-{name}.log")).read()
    except FileNotFoundError:
        continue
    found = re.findall(r"peak queued ([\d.]+ \w+)", log)
    if found:
        peaks.append(f"{name}: the server's largest per-connection queue {max(found, key=lambda s: float(s.split()[0]) * {'B': 1, 'KiB': 2**10, 'MiB': 2**20, 'GiB': 2**30}[s.split()[1]])}")
if peaks:
    lines += ["", "; ".join(peaks) + " (from the servers' close lines)."]
lines.append("")

open(os.path.join(out, "summary.md"), "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
