// Starts Clause Explorer: imports the wasm-bindgen glue and initialises the
// WebAssembly module that the script tag names (see `pattern_script` in
// Trunk.toml). An external module instead of Trunk's inline one, so that the
// page runs under a Content-Security-Policy of `script-src 'self'`.
const tag = document.querySelector('script[data-glue]');
const { default: init } = await import(tag.dataset.glue);
await init({ module_or_path: tag.dataset.wasm });
