#!/bin/sh
# The server load benchmark of BENCHMARKS.md ("Server load (SQLite)"):
# a release tiyan-server on a fresh SQLite file (WAL, synchronous=FULL),
# wrk POSTing single responses with unique ids (submit.lua) over loopback.
#
#   server/bench/run.sh [CONNECTIONS=64] [SECONDS=30] [PORT=28431]
#   TIYAN_BENCH_THINK_MS=6 server/bench/run.sh 80 30   # paced: each connection
#       waits 6 ms between an answer and its next request (submit.lua)
#
# Prints wrk's figures and the server's CPU time per request. The rate
# limit is raised (not removed) so that one client address can load it.
set -eu
connections=${1:-64}
seconds=${2:-30}
port=${3:-28431}
root=$(cd "$(dirname "$0")/../.." && pwd)
cargo build --release --locked -p server --manifest-path "$root/Cargo.toml"
target=${CARGO_TARGET_DIR:-$root/target}
work="$target/bench"
mkdir -p "$work"
rm -f "$work/bench.db" "$work/bench.db-wal" "$work/bench.db-shm"

TIYAN_SUBMIT_RATE=100000000 TIYAN_SUBMIT_BURST=100000000 \
  "$target/release/tiyan-server" serve --listen "127.0.0.1:$port" \
  --database "sqlite://$work/bench.db" --dist /nonexistent 2> "$work/server.log" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  grep -q "listening on" "$work/server.log" 2>/dev/null && break
  kill -0 $pid 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.1
done
grep -q "listening on" "$work/server.log" || { cat "$work/server.log"; exit 1; }

ticks() { awk '{print $14 + $15}' /proc/$pid/stat; }
before=$(ticks)
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$root/server/bench/submit.lua" \
  "http://127.0.0.1:$port/api/v1/responses" | tee "$work/wrk.out"
after=$(ticks)
requests=$(awk '/^requests:/ {print $2}' "$work/wrk.out")
hz=$(getconf CLK_TCK)
echo "server CPU: $(( (after - before) * 1000 / hz )) ms for $requests requests" \
  "= $(( (after - before) * 1000000000 / hz / requests )) ns per request"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
kill -TERM $pid
wait $pid
trap - EXIT
