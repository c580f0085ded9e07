#!/usr/bin/env bash
# Benchmark bloglint against rumdl on the Hugo documentation corpus.
# Needs: hyperfine (apt-get install hyperfine), rumdl (pip install rumdl).
# Usage: scripts/bench.sh [SITE]   (default ../shared/corpus/hugodocs)
# Prints hyperfine's table and the median of each command.
set -euo pipefail
cd "$(dirname "$0")/.."
site=$(realpath "${1:-../shared/corpus/hugodocs}")
cargo build --release --quiet
bin=$(realpath target/release/bloglint)
echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
cmds=("$bin check --format concise $site")
if command -v rumdl >/dev/null; then
  cmds+=("cd $site && rumdl check --isolated content")
else
  echo "rumdl not found (pip install rumdl): timing bloglint alone"
fi
json=$(mktemp)
hyperfine --warmup 3 --runs "${RUNS:-30}" -i --export-json "$json" "${cmds[@]}"
python3 - "$json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"median {r['median']*1000:7.1f} ms  {r['command']}")
PY
rm -f "$json"
