#!/usr/bin/env bash
# Prints the explorer's figures from the release build in dist/ (or DIST):
# sizes of the shell (wasm, glue, CSS), of the document reader loaded when
# documents are added, of the corpus file and of the single file (raw and gzip), and, unless
# --sizes-only, navigation to first paint and to interactive in headless
# Chromium (median of 5, served and from file://). Figures, not assertions.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

size() {
  awk -v name="$1" -v raw="$(wc -c < "$2")" -v gz="$(gzip -9c < "$2" | wc -c)" \
    'BEGIN { printf "%-20s %8.1f KB raw %8.1f KB gzip\n", name, raw / 1024, gz / 1024 }'
}

dist=${DIST:-dist}
# The app's own files, which every start loads; the document reader's
# (clause-explorer-worker-*) load only when documents are added.
app_files() { find "$dist" -maxdepth 1 -name "clause-explorer-*$1" ! -name 'clause-explorer-worker-*' | sort; }
for wasm in $(app_files _bg.wasm); do size "wasm" "$wasm"; done
for js in $(app_files .js); do size "wasm-bindgen glue" "$js"; done
for css in "$dist"/*.css; do size "styles" "$css"; done
shell=$(mktemp)
cat $(app_files _bg.wasm) $(app_files .js) "$dist"/*.css > "$shell"
size "shell (all three)" "$shell"
rm -f "$shell"
for wasm in "$dist"/clause-explorer-worker-*_bg.wasm; do [ -f "$wasm" ] && size "reader wasm" "$wasm"; done
for js in "$dist"/clause-explorer-worker-*.js; do [ -f "$js" ] && size "reader glue" "$js"; done
if [ -f "$dist/corpus.bin" ]; then size "corpus.bin" "$dist/corpus.bin"; else echo "corpus.bin           (none: the corpus is inside the wasm)"; fi
size "single file" "$dist/clause-explorer.html"

if [ "${1:-}" != "--sizes-only" ]; then
  node scripts/figures.mjs
fi
