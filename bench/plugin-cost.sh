#!/usr/bin/env bash
# What one run of the Service Discovery plugin costs, against a bare `cat` of the same file.
#
# Usage: bench/plugin-cost.sh [-n RUNS] [-r ROUNDS] [-m MEMBERS] [-s SHELL] [-x] [-l LABEL] [PLUGIN]
#   -n RUNS     plugin runs (and cat runs) per round (default 200)
#   -r ROUNDS   rounds, plugin and cat in turn (default 10)
#   -m MEMBERS  pool members in the file (default 50)
#   -s SHELL    shell that runs the plugin (default sh, as vTM runs it by its #!/bin/sh)
#   -x          no heartbeat marker: the exact age check (as with the REST upload)
#   -l LABEL    print only one Markdown table row, LABEL first (columns: see the row below)
#   PLUGIN      the script (default plugin/vtm-k8s-sync-sd.sh)
#
# The fixture is what vtm-k8s-sync's file sink writes: a compact one-line pool document (no
# trailing newline, our ownership mark in "info"), a heartbeat holding the time, 1 s old, and its
# marker (60, dated 60 s after the heartbeat). Each round times RUNS
# plugin runs, then RUNS cats, each loop driven by a small dash (or sh) loop; bash's `time`
# gives wall, user and system time with every child included. The figures are per run: the
# median over the rounds, and the median of the per-round ratios plugin / cat (pairing keeps the
# ratio meaningful when the machine's speed drifts). Prints a Markdown table on stdout.
set -euo pipefail

runs=200 rounds=10 members=50 shell=sh marker=1 label=''
while getopts n:r:m:s:xl: opt; do
  case $opt in
    n) runs=$OPTARG ;; r) rounds=$OPTARG ;; m) members=$OPTARG ;; s) shell=$OPTARG ;; x) marker=0 ;;
    l) label=$OPTARG ;;
    *) sed -n '4,11s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
plugin=$(cd "$(dirname "${1:-plugin/vtm-k8s-sync-sd.sh}")" && pwd)/$(basename "${1:-plugin/vtm-k8s-sync-sd.sh}")
driver=$(command -v dash || command -v sh)

dir=$(mktemp -d "${TMPDIR:-/tmp}/plugin-cost.XXXXXX")
trap 'rm -rf "$dir"' EXIT
{
  printf '{"version":1,"code":200,"nodes":['
  for ((i = 0; i < members; i++)); do
    ((i == 0)) || printf ','
    printf '{"ip":"10.1.%d.%d","port":31080}' $((i / 200)) $((i % 200 + 10))
  done
  printf '],"info":"managed by vtm-k8s-sync from default/web"}'
} >"$dir/web.json"
# As FileSink.heartbeat writes them: Instant.now() and a newline; the marker. The heartbeat is
# dated 1 s back, as a moment into the period (the plugin wants /proc/$$ newer than it).
heartbeat() {
  local hb=$dir/.vtm-k8s-sync.heartbeat t
  t=$(($(date +%s) - 1))
  date -u -d "@$t" +%Y-%m-%dT%H:%M:%S.%6NZ >"$hb"
  touch -d "@$t" "$hb"
  if ((marker)); then
    echo 60 >"$hb.until"
    touch -d "@$((t + 60))" "$hb.until"
  fi
}
heartbeat

# The plugin must print the file as is on this fixture; a benchmark of an error path is worthless.
out=$("$shell" "$plugin" --pool=web --dir="$dir") || { echo "plugin failed: $out" >&2; exit 1; }
[ "$out" = "$(cat "$dir/web.json")" ] || { echo "plugin output differs from the file" >&2; exit 1; }

# The loop (one small shell) takes RUNS, then the command; time_loop CMD... sets w u s, the wall,
# user and system seconds of RUNS runs of CMD.
loop='n=$1; shift; i=0; while [ $i -lt "$n" ]; do "$@" >/dev/null; i=$((i + 1)); done'
time_loop() {
  local t
  t=$( { TIMEFORMAT='%R %U %S'; time "$driver" -c "$loop" loop "$runs" "$@"; } 2>&1 >/dev/null)
  read -r w u s <<<"$t"
}

load_before=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
pc=() pw=() cc=() cw=() rc=() rw=()
for ((r = 0; r < rounds; r++)); do
  heartbeat
  time_loop "$shell" "$plugin" --pool=web --dir="$dir"
  p_cpu=$(awk -v u="$u" -v s="$s" -v n="$runs" 'BEGIN { printf "%.0f", (u + s) * 1e6 / n }')
  p_wall=$(awk -v w="$w" -v n="$runs" 'BEGIN { printf "%.0f", w * 1e6 / n }')
  time_loop cat "$dir/web.json"
  c_cpu=$(awk -v u="$u" -v s="$s" -v n="$runs" 'BEGIN { printf "%.0f", (u + s) * 1e6 / n }')
  c_wall=$(awk -v w="$w" -v n="$runs" 'BEGIN { printf "%.0f", w * 1e6 / n }')
  pc+=("$p_cpu") pw+=("$p_wall") cc+=("$c_cpu") cw+=("$c_wall")
  rc+=("$(awk -v a="$p_cpu" -v b="$c_cpu" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')")
  rw+=("$(awk -v a="$p_wall" -v b="$c_wall" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')")
done
load_after=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')

# min | median | max, and the median alone, of the arguments (numbers)
spread() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "%s | %s | %s", v[1], v[int((NR + 1) / 2)], v[NR] }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "%s", v[int((NR + 1) / 2)] }'; }

if [ -n "$label" ]; then
  # | case | plugin CPU | cat CPU | plugin / cat CPU (min, median, max) | plugin wall | cat wall | plugin / cat wall | load |
  echo "| $label | $(median "${pc[@]}") µs | $(median "${cc[@]}") µs | $(spread "${rc[@]}") | $(median "${pw[@]}") µs | $(median "${cw[@]}") µs | $(median "${rw[@]}") | $load_before, $load_after |"
  exit 0
fi
shell_path=$(command -v "$shell")
shell_real=$(readlink -f "$shell_path" 2>/dev/null || echo "$shell_path")
if ((marker)); then how="with its marker (the age check without a process)"
else how="without a marker (the exact age check, one process)"; fi
cat <<EOF
\`$shell ${plugin##*/} --pool=web --dir=DIR\` ($shell_path -> ${shell_real##*/}) against
\`cat DIR/web.json\`: a $(wc -c <"$dir/web.json")-byte pool file with $members members as vtm-k8s-sync
writes it, and a fresh heartbeat $how. $rounds rounds of $runs runs each, plugin and cat in turn,
each loop driven by \`${driver##*/} -c 'while ...'\` and timed by bash's \`time\` (children included,
so the loop's fork per run is in both figures). Per run, in microseconds:

| measure | min | median | max |
|---|---:|---:|---:|
| plugin CPU (user + system) | $(spread "${pc[@]}") |
| cat CPU | $(spread "${cc[@]}") |
| plugin / cat, CPU (per round) | $(spread "${rc[@]}") |
| plugin wall | $(spread "${pw[@]}") |
| cat wall | $(spread "${cw[@]}") |
| plugin / cat, wall (per round) | $(spread "${rw[@]}") |

1-minute load average $load_before before, $load_after after, $(nproc 2>/dev/null || echo '?') CPUs.
EOF
