#!/usr/bin/env bash
# Measures, in one run on this machine: the loopback ceiling (iperf3, one stream and four), then
# capslock bench at 1, 4 and 16 connections on each transport, and writes the ratios to the ceiling.
#   bench/run.sh [RESULTS_DIR]        (default bench/results; needs root once, to install iperf3)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="${1:-bench/results}"
mkdir -p "$out"
duration="${DURATION:-10}"

if ! command -v iperf3 >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq iperf3 >/dev/null
fi
./mvnw -B -q -DskipTests package

echo "== iperf3, loopback, ${duration}s after a 2 s warm-up"
iperf3 -s -p 5299 >/dev/null 2>&1 &
iperf=$!
trap 'kill $iperf 2>/dev/null || true' EXIT
sleep 1
iperf3 -c 127.0.0.1 -p 5299 -t "$duration" -O 2 -J >"$out/iperf3-1.json"
iperf3 -c 127.0.0.1 -p 5299 -t "$duration" -O 2 -P 4 -J >"$out/iperf3-4.json"

for transport in nio epoll io_uring; do
    echo "== capslock bench, transport $transport"
    java -jar client/target/capslock.jar bench --connections 1,4,16 --duration "${duration}s" --transport "$transport" \
        --csv "$out/capslock-$transport.csv" | tee "$out/capslock-$transport.txt" || true
done

python3 - "$out" <<'PY'
import csv, json, os, platform, sys
out = sys.argv[1]
def iperf(name):
    with open(os.path.join(out, name)) as f:
        return json.load(f)["end"]["sum_received"]["bits_per_second"] / 8 / 1e6
ceiling1, ceiling4 = iperf("iperf3-1.json"), iperf("iperf3-4.json")
lines = ["| transport | connections | MB/s | × iperf3 1 stream | verified |", "|---|---|---|---|---|"]
for transport in ("nio", "epoll", "io_uring"):
    path = os.path.join(out, f"capslock-{transport}.csv")
    if not os.path.exists(path):
        continue
    for row in csv.DictReader(open(path)):
        mbps = float(row["mb_per_s"])
        lines.append(f"| {transport} | {row['connections']} | {mbps:,.0f} | {mbps / ceiling1:.2f} | {row['outcome']} |")
summary = [f"iperf3 loopback: {ceiling1:,.0f} MB/s one stream, {ceiling4:,.0f} MB/s four streams "
           f"({os.cpu_count()} CPUs, {platform.platform()})", ""] + lines
open(os.path.join(out, "summary.md"), "w").write("\n".join(summary) + "\n")
print("\n".join(summary))
PY
