#!/usr/bin/env bash
# Benchmarks in WebAssembly inside headless Chromium, built with the
# size-tuned profile the app ships with: search keystroke latency (shipped
# corpus and 100 000 synthetic paragraphs), instrument alignment, paragraph
# diff, similarity index; then keystroke to screen in the built explorer
# (scripts/keystrokes.mjs). Prints figures.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if [ "${1:-}" != "--keystrokes" ]; then
(
cd app
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver \
WASM_BINDGEN_TEST_TIMEOUT=1800 \
  cargo test --target wasm32-unknown-unknown --profile wasm-release \
    --features browser-bench --test browser_bench -- --nocapture
)
fi

# Keystroke to screen in the built explorer (served and file://): the
# shipped corpus (dist/, built now; or DIST, an explorer built before)
# and 100 000 synthetic paragraphs published with that shell into
# target/bench/. Only this part: scripts/bench-browser.sh --keystrokes
dist=${DIST:-dist}
if [ -z "${DIST:-}" ]; then
  trunk build --release
fi
cargo build --release --quiet
if [ ! -d target/bench/synth-100k ]; then
  target/release/clause-explorer synth --paragraphs 100000 --seed 1 --out target/bench/synth-100k
fi
site=target/bench/synth-100k-site
rm -rf "$site"
target/release/clause-explorer publish --out "$site" --from "$dist" target/bench/synth-100k >/dev/null
node scripts/keystrokes.mjs shipped="$dist" 100k="$site"
