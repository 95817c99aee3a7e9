// The page's worker: it loads the model once (asim.js, above this code in
// the same worker, and its WebAssembly, gzipped in ASIM_WASM_GZIP_BASE64),
// then runs each program it is sent under each version asked for, posting
// every version's result as soon as it is there. The page ends a run by
// terminating this worker.
"use strict";
async function wasmBinary() {
  const packed = Uint8Array.from(atob(ASIM_WASM_GZIP_BASE64), (c) => c.charCodeAt(0));
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
const asimReady = wasmBinary()
  .then((bytes) => createAsim({ wasmBinary: bytes }))
  .then((asim) => {
    postMessage({ kind: "ready" });
    return asim;
  });
onmessage = async (message) => {
  const { id, source, versions } = message.data;
  const asim = await asimReady;
  asim.ccall("asim_reset", null, [], []);
  for (const version of versions) {
    const started = performance.now();
    const result = JSON.parse(asim.ccall("asim_run", "string", ["string", "string"], [source, version]));
    result.ms = performance.now() - started;
    postMessage({ kind: "result", id, result });
  }
  postMessage({ kind: "done", id, timeline: asim.ccall("asim_timeline_html", "string", [], []) });
};
