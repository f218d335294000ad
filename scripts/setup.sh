#!/usr/bin/env bash
# Installs what building and testing Clause Explorer needs, skipping what is
# already present. Needs only rustup and cargo to begin with (and apt, as
# root or with sudo, for Chromium). Safe to run any number of times.
#
#   scripts/setup.sh           everything (build and tests)
#   scripts/setup.sh build     only what building and serving needs
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.22.1
# The wasm-bindgen CLI must equal the crate version in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
WHAT=${1:-all}

say() { printf '==> %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  say "apt-get install $*"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Rust links native programs (trunk, wasm-bindgen, the tools) with the
# system C compiler; rustup does not bring one.
if ! command -v cc >/dev/null; then
  apt_install gcc libc6-dev
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "cargo install trunk $TRUNK_VERSION (about 20 minutes on 2 cores, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --ignore-rust-version
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # --locked fails for this crate; the version is pinned exactly instead.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --force
fi

if ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi
# playwright-core needs Node.js 20 or later.
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "setup: Node.js $(node --version 2>/dev/null) is too old; the end-to-end tests need Node.js 20 or later" >&2
  exit 1
fi

# wasm-opt from binaryen 132 (Debian's 108 breaks the wasm),
# playwright-core and axe-core (the accessibility audit), all pinned in
# package-lock.json.
if [ "$(wasm-opt --version 2>/dev/null || true)" != "wasm-opt version 132 (version_132)" ] \
  || [ ! -d node_modules/playwright-core ] || [ ! -f node_modules/axe-core/axe.min.js ]; then
  say "npm ci (binaryen 132, playwright-core, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$WHAT" = all ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    apt_install chromium chromium-driver
  fi
fi

say "tools ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | cut -d' ' -f1-3)"
