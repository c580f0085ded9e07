#!/usr/bin/env bash
# Installs bloglint for action.yml into $RUNNER_TEMP/bloglint and puts it on
# the PATH of the steps that follow ($GITHUB_PATH).
#   BLOGLINT_INSTALL  pip (the wheel from PyPI) or cargo (crates.io)
#   BLOGLINT_VERSION  e.g. 0.1.0; `latest`; empty: this Action's own version
# pip honours PIP_INDEX_URL / PIP_FIND_LINKS, cargo its registry settings.
set -euo pipefail

version=${BLOGLINT_VERSION:-}
if [ -z "$version" ]; then
  # The Action's checkout is the repository at the release it names.
  version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$GITHUB_ACTION_PATH/Cargo.toml" | head -n 1)
fi
dir="${RUNNER_TEMP:?}/bloglint"

case "${BLOGLINT_INSTALL:-pip}" in
  pip)
    python=$(command -v python3 || command -v python) || {
      echo "::error title=bloglint::no python3 on this runner; use install: cargo, or actions/setup-python first"
      exit 1
    }
    spec=bloglint
    [ "$version" = latest ] || spec="bloglint==$version"
    "$python" -m venv "$dir"
    bin="$dir/bin"
    [ -d "$bin" ] || bin="$dir/Scripts"   # Windows runners
    "$bin/python" -m pip install --quiet --disable-pip-version-check "$spec"
    ;;
  cargo)
    args=(install --locked --root "$dir" bloglint)
    [ "$version" = latest ] || args+=(--version "$version")
    cargo "${args[@]}"
    bin="$dir/bin"
    ;;
  *)
    echo "::error title=bloglint::install must be pip or cargo, not \`$BLOGLINT_INSTALL\`"
    exit 1
    ;;
esac
echo "$bin" >> "$GITHUB_PATH"
