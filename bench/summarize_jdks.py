"""Turns `bench/run.sh jdks`'s raw results into summary.md: the Java 17 / Java 25 tables docs/PERFORMANCE.md quotes.
   python3 bench/summarize_jdks.py RESULTS_DIR JDK17_HOME JDK25_HOME"""
import json
import os
import platform
import re
import statistics
import subprocess
import sys

out, jdk17, jdk25 = sys.argv[1:4]
median = statistics.median
SERVERS = [("c", "C reference (bench/upper_echo.c)"),
           ("17", "Java 17, `./capslock server` (Vector API module added)"),
           ("25", "Java 25, `./capslock server` (Vector API module added)"),
           ("17-jar", "Java 17, `java -jar capslock-server.jar`, no flags"),
           ("25-jar", "Java 25, `java -jar capslock-server.jar`, no flags"),
           ("25-cp", "Java 25, `java -cp capslock-server.jar …`: no native access for Netty"),
           ("25-unsafe", "Java 25, Vector API, Netty allowed `sun.misc.Unsafe`")]


def run(name, n, rnd):
    """(MB/s, verified bytes, server CPU s) of one plain-client run, or None."""
    try:
        text = open(os.path.join(out, f"plain-{name}-{n}-r{rnd}.txt")).read()
    except FileNotFoundError:
        return None
    mbps, verified = re.search(r"([\d.]+) MB/s", text), re.search(r"([\d,]+) bytes verified", text)
    cpu = re.search(r"server_cpu_s=([\d.]+)", text)
    if not (mbps and verified):
        return None
    return float(mbps.group(1)), int(verified.group(1).replace(",", "")), float(cpu.group(1)) if cpu else None


rounds = sorted(int(m.group(1)) for f in os.listdir(out) for m in [re.match(r"plain-c-1-r(\d+)\.txt$", f)] if m)


def runs(name, n):
    return {r: x for r in rounds for x in [run(name, n, r)] if x}


def version(home):
    return subprocess.run([os.path.join(home, "bin", "java"), "-version"], capture_output=True, text=True).stderr.splitlines()[0]


def kernels():
    found = {}
    for f in sorted(os.listdir(out)):
        m = re.match(r"server-(.+)\.log$", f)
        if m:
            k = re.search(r"uppercase kernel ([^;]+);", open(os.path.join(out, f)).read())
            found[m.group(1)] = k.group(1) if k else "?"
    return found


lines = [f"Machine: {os.cpu_count()} CPUs, {platform.platform()}; Java 17: {version(jdk17)}; Java 25: {version(jdk25)}.", "",
         f"### The server on Java 17 and Java 25, loaded by the plain client ({len(rounds)} interleaved rounds)", "",
         "Median round, the range (lowest–highest round), and the median of the rounds' ratios: × C against the C "
         "reference, × 17 against the same launch on Java 17 in the same round.", "",
         "| server | kernel | connections | MB/s (median) | range | × C | × same launch on 17 | server CPU s per GB |",
         "|---|---|---|---|---|---|---|---|"]
kernel = kernels()
for name, label in SERVERS:
    for n in (1, 4, 16):
        mine, c = runs(name, n), runs("c", n)
        if not mine:
            continue
        mbps = {r: x[0] for r, x in mine.items()}
        vs_c = [mbps[r] / c[r][0] for r in mbps if r in c]
        base = {"25": "17", "25-jar": "17-jar"}.get(name)
        vs_17 = [mbps[r] / x[0] for r, x in runs(base, n).items() if r in mbps] if base else []
        per_gb = [x[2] / (x[1] / 1e9) for x in mine.values() if x[2] is not None]
        lines.append(f"| {label} | {kernel.get(name, '?') if name != 'c' else 'gcc -O3'} | {n} | "
                     f"{median(mbps.values()):,.0f} | {min(mbps.values()):,.0f}–{max(mbps.values()):,.0f} | "
                     f"{median(vs_c):.2f} ({min(vs_c):.2f}–{max(vs_c):.2f}) | "
                     f"{f'{median(vs_17):.2f} ({min(vs_17):.2f}–{max(vs_17):.2f})' if vs_17 else ''} | "
                     f"{f'{median(per_gb):.2f}' if per_gb else 'n/a'} |")
lines.append("")

jmh = {}
for jdk in ("17", "25"):
    p = os.path.join(out, f"jmh-{jdk}.json")
    if os.path.exists(p):
        for r in json.load(open(p)):
            jmh[(jdk, r["benchmark"].rsplit(".", 1)[1], int(r["params"]["size"]))] = r["primaryMetric"]["score"]
if jmh:
    lines += ["### The uppercase kernels on both JDKs (JMH; bytes/ns after subtracting the restore copy)", "",
              "| kernel | chunk | Java 17 ns/op | Java 17 bytes/ns | Java 25 ns/op | Java 25 bytes/ns | 25 ÷ 17 (bytes/ns) |",
              "|---|---|---|---|---|---|---|"]
    for bench in ("scalarByteBuf", "swarAtAddressWithUnsafe", "swarHeap", "swarDirect", "vectorHeap", "vectorDirect"):
        for size in (1024, 65536):
            cells, rates = [], []
            for jdk in ("17", "25"):
                ns = jmh.get((jdk, bench, size))
                if ns is None:
                    cells += ["n/a (no Unsafe)" if bench.endswith("Unsafe") else "n/a", ""]
                    rates.append(None)
                    continue
                rate = size / max(ns - jmh.get((jdk, "copyOnly", size), 0), 1e-9)
                cells += [f"{ns:,.0f}", f"{rate:.2f}"]
                rates.append(rate)
            if any(rates):
                ratio = f"{rates[1] / rates[0]:.2f}" if all(rates) else ""
                lines.append(f"| {bench} | {size:,} | " + " | ".join(cells) + f" | {ratio} |")
    lines.append("")

open(os.path.join(out, "summary.md"), "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
