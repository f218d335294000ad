// Starts Clause Explorer: fetches the corpus file beside the page and has
// the browser inflate it (inflateCorpus, which publishing puts before this
// script) while the glue and the WebAssembly module that the script tag
// names (see `pattern_script` in Trunk.toml) load and compile. An external
// module instead of Trunk's inline one, so that the page runs under a
// Content-Security-Policy of `script-src 'self'`. The app takes the corpus
// from `clauseExplorerCorpus`: the file's bytes and their inflation, or
// the HTTP status of a failed fetch.
if (typeof inflateCorpus === "function") {
  globalThis.clauseExplorerCorpus = fetch("./corpus.bin").then(async (answer) => {
    if (!answer.ok) return { status: answer.status };
    const file = new Uint8Array(await answer.arrayBuffer());
    return { file, inflated: await inflateCorpus(file) };
  });
}
const tag = document.querySelector('script[data-glue]');
const { default: init } = await import(tag.dataset.glue);
await init({ module_or_path: tag.dataset.wasm });
