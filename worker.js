// Starts Clause Explorer's document reader, a Web Worker that reads the
// files a reader adds (off the page's thread), keeps them in IndexedDB and
// rebuilds the corpus. The page posts one message first: `glue`, the URL of
// the reader's wasm-bindgen glue (a served page; the single file puts the
// glue before this script instead), and `wasm`, a URL or the binary
// deflated as the single file holds it. The reader's own code then answers
// "ready" and takes over the messages.
self.onmessage = async (event) => {
  self.onmessage = null;
  const { glue, wasm } = event.data;
  try {
    if (glue) importScripts(glue);
    const source = typeof wasm === "string"
      ? wasm
      : new Response(new Blob([wasm]).stream().pipeThrough(new DecompressionStream("deflate")),
          { headers: { "Content-Type": "application/wasm" } });
    await wasm_bindgen({ module_or_path: source });
  } catch (e) {
    self.postMessage({ failed: String(e) });
  }
};
