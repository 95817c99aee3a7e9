// The page's worker: it loads the model once (asim.js, above this code in
// the same worker, and its WebAssembly, gzipped in ASIM_WASM_GZIP_BASE64),
// then runs each program it is sent under each version asked for, posting
// every version's result as soon as it is there, and while a version runs,
// how far it has come (its eval-breaker checks, every 50 ms at most). The
// page ends a run by terminating this worker; a Stop then asks a new worker
// for the same run with Ctrl-Cs at the checks reported (`interrupts`). An
// explore job gets the report `asim explore --format json` prints; a run
// may replay one of its schedules (`replay`).
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
let running = null;
self.asimChecks = (checks) => {
  const now = performance.now();
  if (!running || now - running.posted < 50) return;
  running.posted = now;
  postMessage({ kind: "progress", id: running.id, version: running.version, checks });
};
onmessage = async (message) => {
  const job = message.data;
  const asim = await asimReady;
  if (job.kind === "explore") {
    const report = asim.ccall("asim_explore", "string", ["string", "string", "number"],
                              [job.source, job.version, job.maxSchedules]);
    postMessage({ kind: "explored", id: job.id, version: job.version, report: JSON.parse(report) });
    return;
  }
  asim.ccall("asim_reset", null, [], []);
  for (const version of job.versions) {
    const started = performance.now();
    running = { id: job.id, version, posted: -Infinity };
    const how = Object.assign({ interrupts: (job.interrupts || {})[version] || [] }, job.limits);
    if (job.replay) how.replay = job.replay;
    const result = JSON.parse(asim.ccall("asim_run", "string", ["string", "string", "string"],
                                         [job.source, version, JSON.stringify(how)]));
    running = null;
    result.ms = performance.now() - started;
    postMessage({ kind: "result", id: job.id, result });
  }
  postMessage({ kind: "done", id: job.id, timeline: asim.ccall("asim_timeline_html", "string", [], []) });
};
