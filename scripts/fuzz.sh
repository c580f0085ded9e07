#!/bin/sh
# Run one cargo-fuzz target for a while, seeded with every post of the
# test fixtures and the example site (the corpus lives in fuzz/corpus/,
# ignored by git; crashes land in fuzz/artifacts/TARGET/).
#
#   scripts/fuzz.sh TARGET [SECONDS] [extra libFuzzer flags]
#
# TARGET: front_matter, outline, lint_post or fix (`cargo fuzz list`).
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly compiler, or
# stable with RUSTC_BOOTSTRAP=1 (set here).
set -eu
target=${1:?usage: scripts/fuzz.sh TARGET [SECONDS]}
seconds=${2:-300}
[ $# -ge 2 ] && shift 2 || shift $#
cd "$(dirname "$0")/../fuzz"
corpus=corpus/$target
if [ ! -d "$corpus" ]; then
    mkdir -p "$corpus"
    i=0
    find ../tests/fixtures ../tests/sites ../examples -type f \
        \( -name '*.md' -o -name '*.markdown' \) | sort | while read -r f; do
        i=$((i + 1))
        case $target in
            # The fix target reads a control byte (0: no random edits) first.
            fix) { printf '\000'; cat "$f"; } > "$corpus/seed-$i" ;;
            *) cp "$f" "$corpus/seed-$i" ;;
        esac
    done
fi
export RUSTC_BOOTSTRAP=1
# One input at a time: rayon's idle workers would only spin.
export RAYON_NUM_THREADS=1
exec cargo fuzz run "$target" "$corpus" -- \
    -dict=bloglint.dict -max_total_time="$seconds" -max_len=16384 \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$@"
