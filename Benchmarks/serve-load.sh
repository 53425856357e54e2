#!/usr/bin/env bash
# Load test of `redflag serve` with wrk on loopback: single-name screens (POST /v1/screen) and the
# batch endpoint (POST /v1/screen/batch, 1,000 names a request), then the service's memory over the
# run. Prints requests/s, latency percentiles (p99 among them), names/s and resident memory samples.
#
#   Benchmarks/serve-load.sh [--binary PATH] [--duration 30s] [--connections 64] [--threads 2]
#                            [--lists DIR|FILE...] [--audit]
#
# Defaults: the release binary (.build/release/redflag, and redflag-bench beside it for the names), 30 s per phase, 64 connections, the real
# snapshots of ../shared/lists when present (else the fixture lists), no audit trail and no party
# memory (--audit turns both on, as a production service runs). Needs wrk (`apt-get install -y wrk`).
# Targets (issue 15, one service process on a 2-core machine): >= 5,000 screens/s with p99 < 25 ms;
# batch >= 15,000 names/s; memory flat over a 10-minute run (--duration 600s).
set -euo pipefail
cd "$(dirname "$0")/.."

binary=.build/release/redflag
duration=30s
connections=64
threads=2
audit=(--no-audit --no-remember-parties)
lists=()
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --audit) audit=(); shift ;;
    --lists) shift; while [ $# -gt 0 ] && [[ $1 != --* ]]; do lists+=("$1"); shift; done ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 69; }
[ -x "$binary" ] || { echo "no binary at $binary: swift build -c release (or --binary .build/debug/redflag)" >&2; exit 66; }
if [ ${#lists[@]} -eq 0 ]; then
  if [ -d ../shared/lists ]; then
    lists=(../shared/lists/csl/consolidated.csv ../shared/lists/ofac/sdn.xml ../shared/lists/ofac/consolidated.xml
           ../shared/lists/un/consolidated.xml ../shared/lists/eu/fsf-full-1_1-20240513.xml ../shared/lists/uk/ofsi-conlist-20250410.xlsx)
  else
    lists=(Fixtures/lists/csl.csv Fixtures/lists/ofac-sdn.xml)
  fi
fi

work=$(mktemp -d /tmp/redflag-serve-load.XXXXXX)
service_pid=
sampler_pid=
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
  [ -n "$service_pid" ] && kill -TERM "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== importing ${#lists[@]} list files"
"$binary" lists import "${lists[@]}" --data-dir "$work/data" --allow-older >/dev/null
"$(dirname "$binary")/redflag-bench" generate-names --names 20000 --out "$work/names.txt" --data-dir "$work/data"

"$binary" serve --port 0 --data-dir "$work/data" "${audit[@]}" 2>"$work/serve.log" &
service_pid=$!
port=
for _ in $(seq 1 600); do
  port=$(grep -o '127\.0\.0\.1:[0-9]*' "$work/serve.log" | head -1 | cut -d: -f2 || true)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { cat "$work/serve.log" >&2; exit 70; }
base="http://127.0.0.1:$port"
echo "== service pid $service_pid on $base ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"

# Memory over time: resident set every 5 s for the whole run.
( while kill -0 "$service_pid" 2>/dev/null; do
    echo "$(date +%s) $(awk '/VmRSS/ {print $2}' /proc/$service_pid/status 2>/dev/null)"
    sleep 5
  done ) > "$work/rss.txt" &
sampler_pid=$!

# wrk scripts: each request takes the next name of the file (JSON-escaped once at load).
cat > "$work/screen.lua" <<LUA
local names = {}
for line in io.lines("$work/names.txt") do
  names[#names + 1] = '{"name":"' .. line:gsub('\\\\', '\\\\\\\\'):gsub('"', '\\\\"') .. '"}'
end
local i = 0
request = function()
  i = i % #names + 1
  return wrk.format("POST", "/v1/screen", {["Content-Type"] = "application/json"}, names[i])
end
LUA
python3 - "$work/names.txt" "$work/batch.jsonl" <<'PY'
import json, sys
names = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8") if l.strip()][:1000]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for n in names:
        out.write(json.dumps({"name": n}, ensure_ascii=False) + "\n")
PY
cat > "$work/batch.lua" <<LUA
local f = io.open("$work/batch.jsonl", "rb")
local body = f:read("*a")
f:close()
request = function()
  return wrk.format("POST", "/v1/screen/batch", {["Content-Type"] = "application/x-ndjson"}, body)
end
LUA

curl -fsS "$base/v1/screen" -d '{"name":"warm up"}' >/dev/null
echo "== single screens: POST /v1/screen, $connections connections, $duration"
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$work/screen.lua" "$base" | tee "$work/screen.out"
echo "== batch: POST /v1/screen/batch, 1,000 names a request, 4 connections, $duration"
wrk -t2 -c4 -d"$duration" --latency --timeout 60s -s "$work/batch.lua" "$base" | tee "$work/batch.out"

kill "$sampler_pid" 2>/dev/null || true
sampler_pid=
screens=$(awk '/Requests\/sec/ {print $2}' "$work/screen.out")
p99=$(awk '$1 == "99%" {print $2}' "$work/screen.out")
batches=$(awk '/Requests\/sec/ {print $2}' "$work/batch.out")
names=$(awk -v r="$batches" 'BEGIN {printf "%.0f", r * 1000}')
echo
echo "== summary"
echo "single screens: $screens req/s, p99 $p99 (target >= 5000 req/s, p99 < 25ms)"
echo "batch: $batches req/s = $names names/s (target >= 15000 names/s)"
echo "resident memory (MB) every 5 s:"
awk 'NR == 1 {t0 = $1} {printf "  +%4ds %7.1f\n", $1 - t0, $2 / 1024}' "$work/rss.txt"
awk 'NR == 1 {first = $2} {last = $2} END {printf "memory: first %.1f MB, last %.1f MB\n", first / 1024, last / 1024}' "$work/rss.txt"
