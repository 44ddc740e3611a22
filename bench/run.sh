#!/usr/bin/env bash
# Measures, in one run on this machine, everything docs/PERFORMANCE.md reports:
#   1. the loopback ceiling: iperf3, one stream and four;
#   2. servers in their own process, warmed, then loaded by the minimal non-Netty client (bench/PlainClient.java)
#      at 1, 4 and 16 connections in interleaved rounds: the C reference (bench/upper_echo.c), capslock's
#      server as ./capslock runs it (Vector API kernel) and without the Vector API module (SWAR kernel);
#      capslock's own bench client against the same servers, C included: the load the target is set with, and
#      checked against the plain client to show it is not what limits the figure;
#   3. capslock bench with its embedded server, per transport (5 s warm-up per row);
#   4. the server's memory as the payload grows from 64 MiB to 4 GiB;
#   5. a CPU profile of the warm server (async-profiler, from Maven Central) and the JMH uppercase kernels.
# Results, raw and summarised (summary.md), go to RESULTS_DIR.
#   bench/run.sh [RESULTS_DIR]     (default bench/results; about 25 minutes; installs iperf3, gcc, curl with apt if missing)
#   DURATION (10), ROUNDS (5) and ROUND_DURATION (6) set the seconds per run, and the rounds and seconds of part 2.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="$(realpath -m "${1:-bench/results}")"
duration="${DURATION:-10}"
rounds="${ROUNDS:-5}"
round_duration="${ROUND_DURATION:-6}"
mkdir -p "$out"
rm -f "$out"/*.txt "$out"/*.csv "$out"/*.json "$out"/*.collapsed

need() { command -v "$1" >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }
need iperf3 iperf3
need gcc gcc
need curl curl

echo "== building capslock, its JMH benchmarks, the C reference server and the plain client"
./mvnw -B -q -DskipTests package
./mvnw -B -q -Pjmh -pl jmh -am -DskipTests package
gcc -O3 -o "$out/upper_echo" bench/upper_echo.c
javac -d "$out/classes" bench/PlainClient.java
jar=client/target/capslock.jar
# What ./capslock adds for server and bench: the uppercase kernel's Vector API (an incubator module in Java 17).
vector=(--add-modules jdk.incubator.vector)
./mvnw -B -q -N dependency:copy -Dartifact=tools.profiler:async-profiler:4.2 -DoutputDirectory="$out/profiler"
unzip -o -q "$out/profiler/async-profiler-4.2.jar" 'linux-x64/*' -d "$out/profiler"

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
wait_port() {
    for _ in $(seq 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    echo "nothing listens on port $1" >&2
    exit 1
}
cpu_seconds() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$1/stat"; }
plain() { java -cp "$out/classes" PlainClient 127.0.0.1 "$1" "$2" "${3:-$duration}"; }

echo "== 1. iperf3, loopback, ${duration}s after a 2 s warm-up"
iperf3 -s -p 5299 >/dev/null 2>&1 &
pids+=($!)
wait_port 5299
iperf3 -c 127.0.0.1 -p 5299 -t "$duration" -O 2 -J >"$out/iperf3-1.json"
iperf3 -c 127.0.0.1 -p 5299 -t "$duration" -O 2 -P 4 -J >"$out/iperf3-4.json"

echo "== 2. servers in their own process, ${rounds} interleaved rounds of ${round_duration}s runs"
# All three servers run side by side on their own ports, each warmed first at 1, 4 and 16 connections (a JVM
# keeps compiling its hot path for 10-20 s under load, and a server in production runs warm); then every
# round measures each server in turn at each connection count, so a slow patch of this shared machine hits
# all of them alike. summarize.py reports the median round and the spread.
start_server() { # name port command...
    local name=$1 port=$2
    shift 2
    "$@" >"$out/server-$name.log" 2>&1 &
    server_pid[$name]=$!
    server_port[$name]=$port
    pids+=("$!")
    wait_port "$port"
}
declare -A server_pid server_port
start_server c 9500 "$out/upper_echo" 9500
start_server capslock 9400 java "${vector[@]}" -jar "$jar" server --port 9400 --admin-port 0
start_server capslock-swar 9410 java -jar "$jar" server --port 9410 --admin-port 0
for name in c capslock capslock-swar; do
    for n in 1 4 16; do
        java -cp "$out/classes" PlainClient 127.0.0.1 "${server_port[$name]}" "$n" 5 >/dev/null
    done
done
for round in $(seq "$rounds"); do
    for n in 1 4 16; do
        for name in c capslock capslock-swar; do
            before=$(cpu_seconds "${server_pid[$name]}")
            plain "${server_port[$name]}" "$n" "$round_duration" | tee "$out/plain-$name-$n-r$round.txt"
            after=$(cpu_seconds "${server_pid[$name]}")
            echo "server_cpu_s=$(python3 -c "print(round($after - $before, 2))")" >>"$out/plain-$name-$n-r$round.txt"
        done
    done
    # capslock's own bench client (the issue's verifying load client) against the same warm servers, C included
    # A row that fails (exit 3 stalled, 5 mismatch) is kept, whole, in its log and its CSV; summarize.py leaves it out and says so.
    for name in c capslock capslock-swar; do
        java -jar "$jar" bench --host 127.0.0.1 --port "${server_port[$name]}" --connections 1,4,16 \
            --duration "${round_duration}s" --warmup 2s --csv "$out/client-$name-r$round.csv" \
            >"$out/client-$name-r$round.log" 2>&1 || echo "capslock bench against $name, round $round: exit $?"
        tail -4 "$out/client-$name-r$round.log"
    done
done
kill "${server_pid[@]}"
wait "${server_pid[@]}" 2>/dev/null || true

echo "== 3. capslock bench, embedded server, per transport"
for transport in nio epoll io_uring; do
    echo "-- transport $transport"
    java "${vector[@]}" -jar "$jar" bench --connections 1,4,16 --duration "${duration}s" --warmup 5s --transport "$transport" \
        --csv "$out/embedded-$transport.csv" | tail -5 || true
done

echo "== 4. server memory as the payload grows (heap capped at 64 MiB, to show nothing accumulates)"
for size in 64MiB 1GiB 4GiB; do
    java -Xmx64m "${vector[@]}" -jar "$jar" server --port 9400 --admin-port 9401 >"$out/memory-server-$size.log" 2>&1 &
    pid=$!
    pids+=("$pid")
    wait_port 9401
    ( while kill -0 "$pid" 2>/dev/null; do
          curl -s localhost:9401/metrics | awk '/^netty_allocator_memory_used.*direct/ {print $2}'
          sleep 0.1
      done >"$out/memory-direct-$size.txt" ) &
    java -jar "$jar" bench --host 127.0.0.1 --port 9400 --connections 1 --bytes "$size" --warmup 0 \
        --csv "$out/memory-client-$size.csv" >/dev/null
    grep VmHWM "/proc/$pid/status" | awk '{print "peak_rss_kib=" $2}' >"$out/memory-$size.txt"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    grep -o 'peak queued [^(]*' "$out/memory-server-$size.log" | sed 's/peak queued /peak_queued=/' >>"$out/memory-$size.txt"
    echo "$size: $(tr '\n' ' ' <"$out/memory-$size.txt")"
done

echo "== 5. CPU profile of the warm server (1 connection, plain client) and the JMH uppercase kernels"
java "${vector[@]}" -jar "$jar" server --port 9400 --admin-port 0 >"$out/server-profiled.log" 2>&1 &
pid=$!
pids+=("$pid")
wait_port 9400
for n in 1 4 16; do java -cp "$out/classes" PlainClient 127.0.0.1 9400 "$n" 5 >/dev/null; done
profiler="$out/profiler/linux-x64/libasyncProfiler.so"
# Attached once the server is warm, so the profile shows the steady state, not the JIT compiling it.
# (jcmd hands the agent its options as one argument only when they are quoted for its own parser.)
jcmd "$pid" JVMTI.agent_load "$profiler" '"start,event=cpu,interval=1ms,threads"' >/dev/null
plain 9400 1 | tee "$out/plain-profiled.txt"
jcmd "$pid" JVMTI.agent_load "$profiler" "\"stop,file=$out/profile.collapsed,collapsed\"" >/dev/null
kill "$pid"
wait "$pid" 2>/dev/null || true
java -jar jmh/target/benchmarks.jar ${JMH_OPTS:-} -rf json -rff "$out/jmh.json" UpperCaseBenchmark | tail -12

python3 bench/summarize.py "$out"
