#!/usr/bin/env bash
# Benchmark bloglint against rumdl on the Hugo documentation corpus.
# Needs: hyperfine (apt-get install hyperfine), rumdl (pip install rumdl).
# Usage: scripts/bench.sh [SITE]   (default ../shared/corpus/hugodocs)
set -euo pipefail
cd "$(dirname "$0")/.."
site=$(realpath "${1:-../shared/corpus/hugodocs}")
cargo build --release --quiet
bin=$(realpath target/release/bloglint)
echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
cmds=("$bin check --format concise $site")
if command -v rumdl >/dev/null; then
  cmds+=("cd $site && rumdl check --isolated content")
fi
hyperfine --warmup 3 --runs "${RUNS:-20}" -i --export-markdown /dev/stdout "${cmds[@]}"
