#!/usr/bin/env bash
# The whole test suite, native and browser, on a fresh machine as on this
# one (it installs what is missing first). .ci/run runs exactly this.
#
#   1. native tests of every crate (parser, search, comparison, app logic),
#      and a check that the benchmarks still build
#   2. component tests in headless Chromium (wasm-bindgen-test)
#   3. the release build of the shell and the shipped corpus; a hostile
#      fixture corpus published with that shell (no rebuild)
#   4. end-to-end tests in headless Chromium (playwright-core) against the
#      served folder (sub-path, strict CSP, iframe) and the single file, and
#      of `publish` with no wasm toolchain on PATH
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n==> %s\n' "$*" >&2; }

step "native tests"
cargo test --workspace --quiet

step "benchmarks still build (they run apart: see README)"
cargo check --quiet --benches
(cd app && cargo check --quiet --target wasm32-unknown-unknown --features browser-bench --tests)

step "component tests in headless Chromium"
(
  cd app
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER=/usr/bin/chromedriver \
  WASM_BINDGEN_TEST_TIMEOUT=120 \
    cargo test --target wasm32-unknown-unknown --tests
)

step "release build of the shell, with the shipped corpus"
trunk build --release

step "a hostile corpus (markup, a 1 MB paragraph), published with that shell"
node tests/e2e/make-long-paragraph.mjs target/e2e/hostile-corpus
target/release/clause-explorer publish --out target/e2e/hostile-dist target/e2e/hostile-corpus

step "end-to-end tests in headless Chromium"
# One file at a time: each starts its own browser and server.
for file in tests/e2e/*.test.mjs; do
  node --test "$file"
done

step "sizes"
scripts/figures.sh --sizes-only
