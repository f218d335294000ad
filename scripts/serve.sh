#!/usr/bin/env bash
# Builds the explorer and serves it at http://127.0.0.1:8080/ (PORT to
# change), rebuilding on every change. Each build writes dist/ (the static
# bundle) and dist/clause-explorer.html (the single offline file).
# Set CLAUSE_EXPLORER_CORPUS to a folder of .txt/.md texts to explore your own.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# No auto-reload: its injected inline script would break the page's
# Content-Security-Policy (reload the page by hand after a change).
exec trunk serve --release --no-autoreload --address 127.0.0.1 --port "${PORT:-8080}" "$@"
