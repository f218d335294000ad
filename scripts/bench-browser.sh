#!/usr/bin/env bash
# Benchmarks in WebAssembly inside headless Chromium, built with the
# size-tuned profile the app ships with: search keystroke latency (shipped
# corpus and 100 000 synthetic paragraphs), instrument alignment, paragraph
# diff, similarity index. Prints figures.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cd app
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver \
WASM_BINDGEN_TEST_TIMEOUT=1800 \
  cargo test --target wasm32-unknown-unknown --profile wasm-release \
    --features browser-bench --test browser_bench -- --nocapture
