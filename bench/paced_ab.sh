#!/usr/bin/env bash
# The C reference and capslock's server side by side under bench/paced_client.c (one connection, a fixed rate):
# per row, p99 latency, the CPU time the host stole meanwhile (/proc/stat) and the server's CPU time.
#   bench/paced_ab.sh [ROUNDS] [MB_PER_S] [SECONDS]   (defaults 5, 631, 5; results in bench/results-paced)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rounds=${1:-5} rate=${2:-631} secs=${3:-5}
out=bench/results-paced
mkdir -p "$out" && rm -f "$out"/*.txt
./mvnw -B -q -DskipTests package
gcc -O3 -o "$out/upper_echo" bench/upper_echo.c
gcc -O2 -o "$out/paced_client" bench/paced_client.c
"$out/upper_echo" 9500 & c=$!
java --add-modules jdk.incubator.vector -jar app/target/capslock.jar server --port 9400 --admin-port 0 >"$out/server.log" 2>&1 & k=$!
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
        "$out/paced_client" 127.0.0.1 "${port[$name]}" "$rate" "$secs" 1 "$out/lat-$name-$r.txt" 2>/dev/null
        s1=$(steal) u1=$(cpu "${pid[$name]}")
        p99=$(sort -n -k2 "$out/lat-$name-$r.txt" | awk '{v[NR]=$2} END {print v[int(NR*0.99)]/1000}')
        echo "$r $name $p99 $(( s1 - s0 ))e-2 $(( u1 - u0 ))e-2" | awk '{printf "%s %s %.1f %.2f %.2f\n", $1, $2, $3, $4, $5}'
    done
done | tee "$out/summary.txt"
