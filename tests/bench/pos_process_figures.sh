#!/usr/bin/env bash
# Whole-process figures of the real lapak-pos under Xvfb (800x480, the demo stall):
#   start-up to first frame: wall time of `--screenshot` (opens the window, draws the first
#     frame and three more, writes a PNG), median of 5, beside starting `true`;
#   idle CPU: utime+stime over 30 s of an idle terminal, as a share of one core;
#   peak RSS: VmHWM of that terminal.
# Usage: tests/bench/pos_process_figures.sh [path/to/lapak-pos]
set -euo pipefail
pos="${1:-build/release/app/pos/lapak-pos}"
work="$(mktemp -d)"
Xvfb :97 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
export DISPLAY=:97
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done  # until the X server answers

median_ms() {  # runs "$@" five times, prints the median wall time in ms
  local times=()
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}
startup=$(median_ms "$pos" --screenshot "$work/first.png" --screen sell --size 800x480)
floor=$(median_ms true)
echo "start-up to first frame (+3 frames and a PNG): ${startup} ms  (starting \`true\`: ${floor} ms)"

"$pos" --demo --db "$work/idle.db" --size 800x480 >/dev/null 2>&1 &
app=$!
sleep 3  # start-up and the first frames are not idle time
ticks() { awk '{print $14 + $15}' "/proc/$app/stat"; }
before=$(ticks)
sleep 30
after=$(ticks)
hz=$(getconf CLK_TCK)
peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$app/status")
kill "$app"; wait "$app" 2>/dev/null || true
awk -v d=$((after - before)) -v hz="$hz" 'BEGIN {printf "idle CPU over 30 s: %.2f %% of one core (%d ticks of %d)\n", 100 * d / (30 * hz), d, 30 * hz}'
echo "peak RSS: $((peak_kb / 1024)) MiB"
