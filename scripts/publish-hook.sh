#!/usr/bin/env bash
# Trunk's post-build step (Trunk.toml): Trunk has built the app shell into
# its staging folder; this publishes the corpus with that shell, in place:
# index.html, corpus.bin and clause-explorer.html. The corpus is
# CLAUSE_EXPLORER_CORPUS (a folder or file; relative to the repository
# root) or corpus/. Editing a text rebuilds only this step, never the wasm.
set -euo pipefail
cd "$(dirname "$0")/.."
stage=${TRUNK_STAGING_DIR:?run by Trunk as a post-build hook}
exec cargo run --quiet --release -p clause-explorer --bin clause-explorer -- \
  publish --from "$stage" --out "$stage" "${CLAUSE_EXPLORER_CORPUS:-corpus}"
