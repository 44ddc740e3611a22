#!/usr/bin/env bash
# Measures, in one run on this machine, what docs/PERFORMANCE.md reports. Modes:
#   bench/run.sh [all] [RESULTS_DIR]   (default; about 25 minutes)
#     1. the loopback ceiling: iperf3, one stream and four;
#     2. servers in their own process, warmed, then loaded by the minimal non-Netty client (bench/PlainClient.java)
#        at 1, 4 and 16 connections in interleaved rounds: the C reference (bench/upper_echo.c), capslock's
#        server as ./capslock runs it (Vector API kernel) and without the Vector API module (SWAR kernel);
#        capslock's own bench client against the same servers, C included, checked against the plain client;
#     3. capslock bench with its embedded server, per transport (5 s warm-up per row);
#     4. the server's memory as the payload grows from 64 MiB to 4 GiB;
#     5. a CPU profile of the warm server (async-profiler, from Maven Central) and the JMH uppercase kernels.
#   bench/run.sh jdks [RESULTS_DIR]    (about 20 minutes; 27 with ROUNDS=7)
#     the server on Java 17 and on Java 25 (JDK25 names its home; default: the Temurin 25 under /usr/lib/jvm), as
#     ./capslock runs it and as `java -jar server/target/capslock-server.jar` runs it with no flags, against the
#     C reference, in interleaved rounds under the plain client; then the JMH kernels on both JDKs.
#   bench/run.sh latency [RESULTS_DIR] (about 20 minutes)
#     byte latency against the C reference, in interleaved rounds: bench --rtt at 1, 16 and 256 connections, and
#     bench --rate at 25, 50 and 90 % of the C server's throughput at 1 and 16 connections (measured first, in
#     the same run); then slow readers against capslock with and without backpressure.
#   bench/run.sh web [RESULTS_DIR] (about 10 minutes)
#     what watching costs: the same transfers through demo --web with no tab open, with an event-stream subscriber,
#     and with a headless Chromium tab charting them, interleaved; each transfer's MB/s from the web view's results.
# Results, raw and summarised (summary.md), go to RESULTS_DIR (default bench/results, or bench/results-MODE).
#   DURATION (10, iperf3 and the embedded rows), ROUNDS (5) and ROUND_DURATION (6) set the seconds of each part.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mode=all
case "${1:-}" in all | jdks | latency | web) mode=$1; shift ;; esac
default_dir=bench/results
[[ "$mode" == all ]] || default_dir="bench/results-$mode"
out="$(realpath -m "${1:-$default_dir}")"
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
jar=app/target/capslock.jar
# What ./capslock adds for server and bench: the uppercase kernel's Vector API (an incubator module).
vector=(--add-modules jdk.incubator.vector)

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

# Every server of a comparison on its own port, warmed at 1, 4 and 16 connections (a JVM keeps compiling its hot
# path for 10-20 s under load, and a server in production runs warm); then each round measures every server in
# turn at each connection count, so that a slow patch of this shared machine hits all of them alike.
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
warm() { for name in "$@"; do for n in 1 4 16; do plain "${server_port[$name]}" "$n" 5 >/dev/null; done; done; }
plain_round() { # round name...: each server in turn under the plain client at 1, 4, 16 connections, with its CPU seconds
    local round=$1 n name before after
    shift
    for n in 1 4 16; do
        for name in "$@"; do
            before=$(cpu_seconds "${server_pid[$name]}")
            plain "${server_port[$name]}" "$n" "$round_duration" | tee "$out/plain-$name-$n-r$round.txt"
            after=$(cpu_seconds "${server_pid[$name]}")
            echo "server_cpu_s=$(python3 -c "print(round($after - $before, 2))")" >>"$out/plain-$name-$n-r$round.txt"
        done
    done
}

if [[ "$mode" == jdks ]]; then
    jdk17="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    jdk25="${JDK25:-$(ls -d /usr/lib/jvm/temurin-25-* 2>/dev/null | head -n 1)}"
    [[ -x "$jdk25/bin/java" ]] || { echo "no Java 25 found: set JDK25 to its home" >&2; exit 1; }
    server_jar=server/target/capslock-server.jar
    echo "== the server on Java 17 ($jdk17) and Java 25 ($jdk25), ${rounds} interleaved rounds of ${round_duration}s"
    # As ./capslock runs it (the Vector API module added), and as `java -jar` runs the server jar with no flags at
    # all (SWAR kernel; the jar's manifest grants Netty native access); on 25 also without that grant (-cp: Netty
    # frees direct memory through shared arenas), and with Netty allowed sun.misc.Unsafe, which it avoids on 24+.
    start_server c 9500 "$out/upper_echo" 9500
    start_server 17 9417 env JAVA_HOME="$jdk17" ./capslock server --port 9417 --admin-port 0
    start_server 25 9425 env JAVA_HOME="$jdk25" ./capslock server --port 9425 --admin-port 0
    start_server 17-jar 9418 "$jdk17/bin/java" -jar "$server_jar" --port 9418 --admin-port 0
    start_server 25-jar 9426 "$jdk25/bin/java" -jar "$server_jar" --port 9426 --admin-port 0
    start_server 25-cp 9427 "$jdk25/bin/java" -cp "$server_jar" capslock.server.ServerMain --port 9427 --admin-port 0
    start_server 25-unsafe 9428 "$jdk25/bin/java" "${vector[@]}" --sun-misc-unsafe-memory-access=allow -Dio.netty.noUnsafe=false \
        -jar "$server_jar" --port 9428 --admin-port 0
    names=(c 17 25 17-jar 25-jar 25-cp 25-unsafe)
    warm "${names[@]}"
    for round in $(seq "$rounds"); do plain_round "$round" "${names[@]}"; done
    kill "${server_pid[@]}"
    wait "${server_pid[@]}" 2>/dev/null || true
    grep -h "listening" "$out"/server-*.log | sed 's/.*listening/listening/' | sort | uniq -c
    echo "== the JMH uppercase kernels on both JDKs"
    "$jdk17/bin/java" -jar jmh/target/benchmarks.jar ${JMH_OPTS:-} -jvm "$jdk17/bin/java" -rf json -rff "$out/jmh-17.json" \
        UpperCaseBenchmark | tail -12
    "$jdk25/bin/java" -jar jmh/target/benchmarks.jar ${JMH_OPTS:-} -jvm "$jdk25/bin/java" -rf json -rff "$out/jmh-25.json" \
        UpperCaseBenchmark | tail -12
    python3 bench/summarize_jdks.py "$out" "$jdk17" "$jdk25"
    exit 0
fi

if [[ "$mode" == web ]]; then
    need chromium chromium
    echo "== what the web view costs a transfer, ${rounds} interleaved rounds"
    # --bytes raises the most a run from the page may send, so that the large transfer lasts seconds, not a blink.
    java -jar "$jar" demo --web --web-port 8281 --bytes 2GiB >"$out/web.log" 2>&1 &
    pids+=($!)
    wait_port 8281
    run() { # label json: one run through the web view, its result appended to runs.jsonl with the label
        curl -sf -XPOST -d "$2" localhost:8281/api/runs >/dev/null
        for _ in $(seq 600); do
            sleep 0.2
            curl -sf localhost:8281/api/state | python3 -c "import json,sys; sys.exit(0 if 'run' not in json.load(sys.stdin) else 1)" && break
        done
        curl -sf localhost:8281/api/runs.json | python3 -c "import json,sys; r=json.load(sys.stdin)[-1]; print(json.dumps({'label': '$1', 'run': '$3', 'mbps': r['summary']['megabytesPerSecond'], 'outcome': r['summary']['outcome']}))" >>"$out/runs.jsonl"
    }
    small='{"writer":"watermark","reader":"concurrent","bytes":"128MiB","writeSize":"16"}'
    large='{"writer":"watermark","reader":"concurrent","bytes":"2GiB","writeSize":"64KiB"}'
    for name in small large; do run warm "${!name}" "$name"; done
    for round in $(seq "$rounds"); do
        for watcher in none stream tab; do
            watcher_pid=""
            case "$watcher" in
                stream) curl -sN localhost:8281/api/events >/dev/null & watcher_pid=$! ;;
                tab) # a laptop's window: the first chart and the top of the second in view
                     chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
                        --no-first-run --window-size=1280,800 --user-data-dir="$out/chromium" --remote-debugging-port=0 http://127.0.0.1:8281/ \
                        >/dev/null 2>&1 & watcher_pid=$!
                     sleep 3 ;;
            esac
            for name in small large; do run "$watcher" "${!name}" "$name"; done
            [[ -n "$watcher_pid" ]] && { kill "$watcher_pid" 2>/dev/null; wait "$watcher_pid" 2>/dev/null || true; }
        done
        echo "round $round: done"
    done
    python3 - "$out" <<'PY' | tee "$out/summary.md"
import collections, json, statistics, sys
runs = [json.loads(l) for l in open(sys.argv[1] + "/runs.jsonl") if '"warm"' not in l]
by = collections.defaultdict(list)  # (transfer, watcher) -> MB/s in round order
for r in runs:
    by[(r["run"], r["label"])].append(r["mbps"])
print("| transfer | watching | MB/s, median (range) | × nothing watching, median of the rounds' ratios (range) |")
print("|---|---|---|---|")
for run, what in (("small", "128 MiB in 16-byte writes (the demo's fix)"), ("large", "2 GiB in 64 KiB writes")):
    for label, name in (("none", "nothing"), ("stream", "an event-stream subscriber (curl)"), ("tab", "a headless Chromium tab charting it")):
        v = by[(run, label)]
        ratios = [x / base for x, base in zip(v, by[(run, "none")])]
        print(f"| {what} | {name} | {statistics.median(v):,.1f} ({min(v):,.1f}–{max(v):,.1f}) | "
              f"{statistics.median(ratios):.2f} ({min(ratios):.2f}–{max(ratios):.2f}) |")
PY
    exit 0
fi

if [[ "$mode" == latency ]]; then
    bench() { java -jar "$jar" bench --host 127.0.0.1 "$@"; }
    echo "== byte latency: capslock's server against the C reference, ${rounds} interleaved rounds"
    start_server c 9500 "$out/upper_echo" 9500
    start_server capslock 9400 java "${vector[@]}" -jar "$jar" server --port 9400 --admin-port 0
    warm c capslock
    # The loads: 25, 50 and 90 % of what the C server sustains here, now, under bench's own client.
    # A row can stall at full load (docs/PERFORMANCE.md, "Stalls"): measure again rather than load from a stalled row.
    for attempt in 1 2 3; do
        bench --port 9500 --connections 1,16 --duration 5s --warmup 2s --csv "$out/c-max.csv" >"$out/c-max-$attempt.log" 2>&1 && break
        echo "C server maximum, attempt $attempt: a row did not complete (bench exit $?; $out/c-max-$attempt.log)"
        (( attempt < 3 )) || exit 1
    done
    read -r max1 max16 < <(python3 -c "import csv; r={int(x['connections']): float(x['mb_per_s']) for x in csv.DictReader(open('$out/c-max.csv'))}; print(r[1], r[16])")
    echo "C server maximum: $max1 MB/s at 1 connection, $max16 MB/s at 16"
    for round in $(seq "$rounds"); do
        order=(c capslock)
        (( round % 2 == 0 )) && order=(capslock c)
        for name in "${order[@]}"; do
            port=${server_port[$name]}
            bench --port "$port" --rtt --connections 1,16,256 --duration "${round_duration}s" --warmup 1s \
                --json "$out/rtt-$name-r$round.json" >"$out/rtt-$name-r$round.log" 2>&1 || echo "rtt $name round $round: exit $?"
            for load in 25 50 90; do
                for n in 1 16; do
                    max=$max1; (( n == 16 )) && max=$max16
                    rate=$(python3 -c "print(round($max * $load / 100, 1))")
                    bench --port "$port" --rate "${rate}MB/s" --connections "$n" --duration "${round_duration}s" --warmup 1s \
                        --json "$out/rate-$name-$load-$n-r$round.json" >"$out/rate-$name-$load-$n-r$round.log" 2>&1 \
                        || echo "rate $name $load% $n conn round $round: exit $?"
                done
            done
            echo "round $round, $name: done"
        done
    done
    kill "${server_pid[@]}"
    wait "${server_pid[@]}" 2>/dev/null || true
    echo "== slow readers: writers at 20 MB/s in all, replies read at 10 MB/s, with and without server backpressure"
    start_server bp-on 9410 java "${vector[@]}" -jar "$jar" server --port 9410 --admin-port 0
    start_server bp-off 9411 java "${vector[@]}" -jar "$jar" server --port 9411 --admin-port 0 --backpressure=false --max-pending 2GiB
    for name in bp-on bp-off; do
        bench --port "${server_port[$name]}" --connections 1,16 --rate 20MB/s --read-rate 10MB/s --duration 10s \
            --warmup 0s --json "$out/slow-$name.json" >"$out/slow-$name.log" 2>&1 || echo "slow readers $name: exit $?"
    done
    kill "${server_pid[@]}"
    wait "${server_pid[@]}" 2>/dev/null || true
    grep -h "closed after" "$out"/server-bp-*.log | tail -4 || true
    python3 bench/summarize_latency.py "$out" "$max1" "$max16"
    exit 0
fi

echo "== 1. iperf3, loopback, ${duration}s after a 2 s warm-up"
iperf3 -s -p 5299 >/dev/null 2>&1 &
pids+=($!)
wait_port 5299
iperf3 -c 127.0.0.1 -p 5299 -t "$duration" -O 2 -J >"$out/iperf3-1.json"
iperf3 -c 127.0.0.1 -p 5299 -t "$duration" -O 2 -P 4 -J >"$out/iperf3-4.json"

echo "== 2. servers in their own process, ${rounds} interleaved rounds of ${round_duration}s runs"
start_server c 9500 "$out/upper_echo" 9500
start_server capslock 9400 java "${vector[@]}" -jar "$jar" server --port 9400 --admin-port 0
start_server capslock-swar 9410 java -jar "$jar" server --port 9410 --admin-port 0
warm c capslock capslock-swar
for round in $(seq "$rounds"); do
    plain_round "$round" c capslock capslock-swar
    # capslock's own bench client, a verifying load client, against the same warm servers, C included
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

./mvnw -B -q -N dependency:copy -Dartifact=tools.profiler:async-profiler:4.2 -DoutputDirectory="$out/profiler"
unzip -o -q "$out/profiler/async-profiler-4.2.jar" 'linux-x64/*' -d "$out/profiler"
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
