#!/bin/sh
# Exports while kiosks submit (BENCHMARKS.md, "Exports while kiosks submit"):
# a release tiyan-server on a fresh SQLite file is filled for PREFILL
# seconds by wrk (64 connections), then runs the paced load of run.sh
# (80 connections, 6 ms think time) for LOAD seconds while an admin downloads
# the JSONL export with curl, limited to RATE bytes/s (a slow client), EXPORTS
# times in a row. Prints the idle export time, each export's time, wrk's
# figures and the largest size the write-ahead log reached.
#
#   server/bench/export_under_load.sh [RATE=5M] [LOAD=60] [EXPORTS=1] [PREFILL=40]
#   TIYAN_SERVER_BIN=… to measure another build.
set -eu
rate=${1:-5M}
load=${2:-60}
exports=${3:-1}
prefill=${4:-40}
root=$(cd "$(dirname "$0")/../.." && pwd)
if [ -z "${TIYAN_SERVER_BIN:-}" ]; then
  cargo build --release --locked -p server --manifest-path "$root/Cargo.toml"
fi
bin=${TIYAN_SERVER_BIN:-$root/target/release/tiyan-server}
work="$root/target/bench/export"
rm -rf "$work"
mkdir -p "$work"
db="sqlite://$work/bench.db"
port=28432
url="http://127.0.0.1:$port"

TIYAN_ADMIN_PASSWORD=bench-password "$bin" create-admin --database "$db" \
  --username bench --role admin > /dev/null
TIYAN_SUBMIT_RATE=100000000 TIYAN_SUBMIT_BURST=100000000 \
  "$bin" serve --listen "127.0.0.1:$port" --database "$db" --dist /nonexistent \
  2> "$work/server.log" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  grep -q "listening on" "$work/server.log" 2>/dev/null && break
  sleep 0.1
done

echo "prefill: $(wrk -t2 -c64 -d"${prefill}s" -s "$root/server/bench/submit.lua" \
  "$url/api/v1/responses" | awk '/^requests:/ {print $2, "responses"}')"
token=$(curl -sf -X POST -H 'content-type: application/json' \
  -d '{"username":"bench","password":"bench-password"}' "$url/api/v1/login" |
  sed 's/.*"token":"\([^"]*\)".*/\1/')
download() { # $1: curl's rate limit, or "" for none
  curl -sf ${1:+--limit-rate "$1"} -o /dev/null \
    -w '%{size_download} B in %{time_total} s\n' \
    -H "authorization: Bearer $token" "$url/api/v1/export?format=jsonl"
}
echo "idle export: $(download "")"

(
  while sleep 0.5; do stat -c %s "$work/bench.db-wal"; done > "$work/wal-sizes"
) &
watcher=$!
(
  sleep 3
  for _ in $(seq "$exports"); do echo "export at $rate/s under load: $(download "$rate")"; done
) &
exporter=$!
TIYAN_BENCH_THINK_MS=6 wrk -t2 -c80 -d"${load}s" --latency \
  -s "$root/server/bench/submit.lua" "$url/api/v1/responses" |
  grep -E "^ +(50|90|99|99.9)%|^requests:|errors:|Non-2xx"
wait $exporter
kill $watcher
largest_log=$(sort -n "$work/wal-sizes" | tail -1)
echo "largest write-ahead log: $largest_log B"
