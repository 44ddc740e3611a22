#!/usr/bin/env bash
# The C reference and capslock's server side by side under bench/paced_client.c (one connection, a fixed rate):
# per row, p99 latency, the CPU time the host stole meanwhile (/proc/stat) and the server's CPU time; last, the median
# and range of the rounds' p99 ratios (capslock ÷ C).
#   bench/paced_ab.sh [ROUNDS] [MB_PER_S] [SECONDS]   (defaults 5, 631, 5; results in bench/results-paced)
# PIN=1 gives the client CPU 0 and both servers CPU 1 (taskset), so that the client never shares a CPU with the
# server it measures, as a client on another machine would not: on two CPUs the kernel otherwise runs the two on one
# CPU while they ping-pong (docs/PERFORMANCE.md, "What sets the tail here").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rounds=${1:-5} rate=${2:-631} secs=${3:-5}
out=bench/results-paced
mkdir -p "$out" && rm -f "$out"/*.txt
./mvnw -B -q -DskipTests package
gcc -O3 -o "$out/upper_echo" bench/upper_echo.c
gcc -O2 -o "$out/paced_client" bench/paced_client.c
server_cpu=() client_cpu=()
[[ "${PIN:-0}" == 1 ]] && server_cpu=(taskset -c 1) client_cpu=(taskset -c 0)
"${server_cpu[@]}" "$out/upper_echo" 9500 & c=$!
"${server_cpu[@]}" java --add-modules jdk.incubator.vector -jar app/target/capslock.jar server --port 9400 --admin-port 0 >"$out/server.log" 2>&1 & k=$!
trap 'kill $c $k 2>/dev/null || true' EXIT
sleep 3
declare -A pid=([c]=$c [capslock]=$k) port=([c]=9500 [capslock]=9400)
for name in c capslock; do # warm both
    java -jar app/target/capslock.jar bench --host 127.0.0.1 --port "${port[$name]}" --connections 1,16 --duration 4s --warmup 1s >/dev/null
done
steal() { awk '/^cpu /{print $9}' /proc/stat; }
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
echo "round server p99_ms stolen_cpu_s server_cpu_s"
for r in $(seq "$rounds"); do
    order=(c capslock); (( r % 2 == 0 )) && order=(capslock c)
    for name in "${order[@]}"; do
        s0=$(steal) u0=$(cpu "${pid[$name]}")
        "${client_cpu[@]}" "$out/paced_client" 127.0.0.1 "${port[$name]}" "$rate" "$secs" 1 "$out/lat-$name-$r.txt" 2>/dev/null
        s1=$(steal) u1=$(cpu "${pid[$name]}")
        p99=$(sort -n -k2 "$out/lat-$name-$r.txt" | awk '{v[NR]=$2} END {print v[int(NR*0.99)]/1000}')
        echo "$r $name $p99 $(( s1 - s0 ))e-2 $(( u1 - u0 ))e-2" | awk '{printf "%s %s %.1f %.2f %.2f\n", $1, $2, $3, $4, $5}'
    done
done | tee "$out/summary.txt"
python3 - "$out/summary.txt" <<'PY'
import statistics, sys
p99 = {}
for line in open(sys.argv[1]):
    r, name, ms = line.split()[:3]
    p99[(r, name)] = float(ms)
ratios = [p99[(r, "capslock")] / p99[(r, "c")] for r, name in p99 if name == "c" and (r, "capslock") in p99]
print(f"p99 capslock / C, median of {len(ratios)} rounds: {statistics.median(ratios):.2f} "
      f"({min(ratios):.2f}-{max(ratios):.2f})")
PY
