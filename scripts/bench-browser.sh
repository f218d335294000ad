#!/usr/bin/env bash
# The search benchmark in WebAssembly inside headless Chromium: the 30
# benchmark queries typed keystroke by keystroke against the shipped corpus
# and a synthetic corpus of 100 000 paragraphs, built with the size-tuned
# profile the app ships with. Prints figures.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cd app
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver \
WASM_BINDGEN_TEST_TIMEOUT=1800 \
  cargo test --target wasm32-unknown-unknown --profile wasm-release \
    --features browser-bench --test search_bench -- --nocapture
