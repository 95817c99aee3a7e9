// The playground page: an editor, the scenarios, version choice, and a run
// in a Web Worker (asim compiled to WebAssembly) per click or per fragment.
// The fragment contract (docs/playground.md):
//   #python=3.12,3.13&code=<base64url of the UTF-8 source>&step=N
// runs that program on load; each version's stdout is the text of
// <pre data-asim-stdout="3.12">, its exit status in data-asim-exit="3.12";
// step=N shows the N-th loop iteration's snapshot (1: the first).
"use strict";
(function () {
  const VERSIONS = ["3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"];
  const DEFAULT_VERSIONS = ["3.12", "3.13"];
  const $ = (id) => document.getElementById(id);
  const code = $("code"), gutter = $("gutter"), results = $("results"), status = $("status");
  const scenarios = JSON.parse($("asim-scenarios").textContent);
  const workerUrl = URL.createObjectURL(new Blob([$("asim-worker").textContent], { type: "text/javascript" }));

  // ---- editor: line numbers follow the text and its scrolling
  // Lines where a task of the step shown is suspended are marked.
  let markedLines = new Set();
  // Where the program was refused: a syntax error or a construct asim does
  // not model, as the first version that refused it reported it.
  let errorMark = null;
  function renumber() {
    const lines = code.value.split("\n").length;
    gutter.textContent = "";
    for (let i = 1; i <= lines; i++) {
      const n = document.createElement("span");
      n.textContent = i + "\n";
      if (markedLines.has(i)) n.className = "at";
      if (errorMark && errorMark.line === i) {
        n.className = "error";
        n.title = (errorMark.column ? "column " + errorMark.column + ": " : "") + errorMark.message;
        n.dataset.asimErrorLine = String(i);
        if (errorMark.column) n.dataset.asimErrorColumn = String(errorMark.column);
      }
      gutter.append(n);
    }
    gutter.scrollTop = code.scrollTop;
  }
  code.addEventListener("input", renumber);
  code.addEventListener("scroll", () => { gutter.scrollTop = code.scrollTop; });
  code.addEventListener("keydown", (e) => {
    if (e.key === "Tab" && !e.shiftKey) {
      e.preventDefault();
      const start = code.selectionStart;
      code.setRangeText("    ", start, code.selectionEnd, "end");
      renumber();
    } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  });
  function setCode(text) {
    code.value = text;
    code.scrollTop = 0;
    renumber();
  }

  // ---- scenarios: the seed question first, then by folder
  const menu = $("scenario");
  menu.add(new Option("(your own program)", ""));
  scenarios.forEach((s, i) => menu.add(new Option(s.path + (s.note ? "  (" + s.note + ")" : ""), String(i))));
  menu.addEventListener("change", () => {
    if (menu.value !== "") setCode(scenarios[Number(menu.value)].source);
  });
  code.addEventListener("input", () => { menu.value = ""; });

  // ---- versions
  const versionBox = $("versions");
  for (const v of VERSIONS) {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.value = v;
    box.checked = DEFAULT_VERSIONS.includes(v);
    label.append(box, " " + v);
    versionBox.append(label);
  }
  const chosenVersions = () => [...versionBox.querySelectorAll("input:checked")].map((b) => b.value);
  function setVersions(list) {
    for (const box of versionBox.querySelectorAll("input")) box.checked = list.includes(box.value);
  }

  // ---- the fragment: python=...&code=...
  function toBase64Url(text) {
    const bytes = new TextEncoder().encode(text);
    let binary = "";
    for (const b of bytes) binary += String.fromCharCode(b);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function fromBase64Url(s) {
    const b64 = s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4);
    const binary = atob(b64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  }
  function readFragment() {
    const params = {};
    for (const part of location.hash.replace(/^#/, "").split("&")) {
      const eq = part.indexOf("=");
      if (eq > 0) params[part.slice(0, eq)] = part.slice(eq + 1);
    }
    return params;
  }
  function shareLink() {
    let fragment = "python=" + chosenVersions().join(",") + "&code=" + toBase64Url(code.value);
    if (!$("steps-box").hidden) fragment += "&step=" + (Number(slider.value) + 1);
    return location.href.replace(/#.*$/, "") + "#" + fragment;
  }
  $("share").addEventListener("click", (e) => {
    e.preventDefault();
    const link = shareLink();
    history.replaceState(null, "", link);
    if (navigator.clipboard) navigator.clipboard.writeText(link).catch(() => {});
    status.textContent = "the link to this program and these versions is in the address bar";
  });

  // ---- running: one worker, replaced when a run is stopped. Stop is the
  // Ctrl-C: the worker reports how far the running version has come (its
  // eval-breaker checks); Stop ends the worker and asks a new one for the
  // same run with a Ctrl-C at the check last reported. Runs are
  // deterministic, so it stops there with CPython's KeyboardInterrupt, and
  // a second Stop during that run is a second Ctrl-C (3.11+'s asyncio.run
  // needs two to end a busy loop: the first only cancels the main task).
  let worker = null, workerReady = false, pending = null, runId = 0, current = null;
  function startWorker() {
    workerReady = false;
    worker = new Worker(workerUrl);
    worker.onmessage = onWorkerMessage;
    worker.onerror = (e) => {
      e.preventDefault();
      finish("the model stopped: " + (e.message || "an error in the worker"));
      worker.terminate();
      startWorker();
    };
  }
  function onWorkerMessage(message) {
    const data = message.data;
    if (data.kind === "ready") {
      workerReady = true;
      if (document.body.dataset.asimState === "loading") document.body.dataset.asimState = "idle";
      status.textContent = "ready";
      if (pending) { const p = pending; pending = null; send(p); }
      return;
    }
    if (!current || data.id !== current.id) return;
    if (data.kind === "explored") {
      showExplored(data.version, data.report);
      finish("explored in " + Math.round(performance.now() - current.started) + " ms");
    } else if (data.kind === "progress") {
      current.running = data.version;
      current.checks = data.checks;
      document.body.dataset.asimChecks = String(data.checks);
    } else if (data.kind === "result") {
      current.running = null;
      show(data.result);
    }
    else if (data.kind === "done") {
      showTimeline(data.timeline);
      markDifferences();
      showSteps(current.snapshots, current.step);
      errorMark = firstRefusal(current.job);
      renumber();
      finish(errorMark ? "line " + errorMark.line + (errorMark.column ? ", column " + errorMark.column : "") + ": " +
             errorMark.message : "done in " + Math.round(performance.now() - current.started) + " ms");
    }
  }
  function send(job) {
    current = { id: job.id, job, started: performance.now(), outputs: {}, snapshots: {}, step: job.step,
                running: null, checks: 0 };
    worker.postMessage(job);
  }
  function run(step, replay) {
    const versions = chosenVersions();
    if (!versions.length) { status.textContent = "choose at least one version"; return; }
    results.textContent = "";
    for (const v of versions) results.append(runBox(v));
    $("timeline-box").hidden = true;
    $("steps-box").hidden = true;
    pause();
    markedLines = new Set();
    errorMark = null;
    renumber();
    $("run").disabled = true;
    $("explore").disabled = true;
    $("stop").disabled = false;
    document.body.dataset.asimState = "running";
    status.textContent = workerReady ? "running\u2026" : "loading the model\u2026";
    delete document.body.dataset.asimStoppedAt;
    delete document.body.dataset.asimChecks;
    const job = { id: ++runId, source: code.value, versions, step, interrupts: {}, limits: chosenLimits(), replay };
    if (workerReady) send(job); else pending = job;
  }
  // ---- explore: the outcomes of every schedule, each replayable into the
  // results and the step view (as `asim exec --replay TOKEN`)
  function explore() {
    const versions = chosenVersions();
    if (!versions.length) { status.textContent = "choose at least one version"; return; }
    $("explore-box").hidden = false;
    $("explore-summary").textContent = "exploring Python " + versions[0] + "\u2026";
    $("explore-outcomes").textContent = "";
    $("run").disabled = true;
    $("explore").disabled = true;
    $("stop").disabled = false;
    document.body.dataset.asimState = "running";
    status.textContent = workerReady ? "exploring\u2026" : "loading the model\u2026";
    const job = { kind: "explore", id: ++runId, source: code.value, version: versions[0], maxSchedules: 1000 };
    if (workerReady) send(job); else pending = job;
  }
  function showExplored(version, report) {
    const summary = $("explore-summary"), table = $("explore-outcomes");
    if (report.error) { summary.textContent = report.error; return; }
    const n = report.outcomes.length;
    summary.textContent = "Python " + version + ": " + (report.complete ? "all " : "") + report.schedules +
      " schedules" + (report.complete ? "" : " (the first ones; there are more)") + ", " + n + " distinct outcome" +
      (n === 1 ? "" : "s") + ".";
    const head = table.insertRow();
    for (const title of ["schedules", "exit", "stdout", "last line of stderr", ""]) {
      const th = document.createElement("th");
      th.textContent = title;
      head.append(th);
    }
    report.outcomes.forEach((o, i) => {
      const row = table.insertRow();
      row.dataset.asimOutcome = String(i);
      row.insertCell().textContent = String(o.count);
      row.insertCell().textContent = String(o.exit);
      const out = document.createElement("pre");
      out.textContent = o.stdout;
      row.insertCell().append(out);
      row.insertCell().textContent = o.stderr_last_line;
      const replay = document.createElement("button");
      replay.type = "button";
      replay.textContent = "replay";
      replay.title = "run this schedule (asim exec --replay " + o.replay + ") and step through it";
      replay.dataset.asimReplay = o.replay;
      replay.addEventListener("click", () => {
        setVersions([version]);
        run(1, o.replay);
      });
      row.insertCell().append(replay);
    });
  }
  // As `asim exec --max-seconds S --max-memory M`: a runaway program stops
  // with a message, a huge allocation is a MemoryError, before the tab dies.
  function chosenLimits() {
    const number = (id, fallback) => {
      const n = Number($(id).value);
      return Number.isFinite(n) && n > 0 ? n : fallback;
    };
    return { seconds: number("max-seconds", 60), memoryMiB: number("max-memory", 1024) };
  }
  function stop() {
    worker.terminate();
    pending = null;
    if (current && current.running && current.checks > 0) {
      replayInterrupted(current);
      return;
    }
    for (const pre of results.querySelectorAll("[data-asim-exit]"))
      if (pre.textContent === "running\u2026") pre.textContent = "stopped";
    finish("stopped");
    startWorker();
  }
  // The versions before the one stopped run again (the timeline shows them
  // all), the stopped one with its Ctrl-Cs; the ones after it do not run.
  function replayInterrupted(stopped) {
    const version = stopped.running, job = stopped.job;
    const interrupts = Object.assign({}, job.interrupts);
    interrupts[version] = (interrupts[version] || []).concat([stopped.checks]);
    const versions = job.versions.slice(0, job.versions.indexOf(version) + 1);
    for (const v of job.versions.slice(versions.length)) {
      const exit = results.querySelector('[data-asim-exit="' + v + '"]');
      if (exit) exit.textContent = "not run (stopped)";
    }
    document.body.dataset.asimStoppedAt = version + ":" + interrupts[version].join(",");
    status.textContent = "Ctrl-C in Python " + version + "\u2026";
    current = null;
    startWorker();
    pending = { id: ++runId, source: job.source, versions, step: job.step, interrupts, limits: job.limits,
                replay: job.replay };
  }
  // A refusal's place: `main.py:LINE[:COL]: ... not supported by asim ...`,
  // or a SyntaxError-like traceback's `File "main.py", line N`, its source
  // line and caret line (CPython shows the line without its indentation).
  function refusalIn(stderr, source) {
    const unsupported = /^\/?main\.py:(\d+)(?::(\d+))?: (.*not supported by asim.*)$/m.exec(stderr);
    if (unsupported) {
      return { line: Number(unsupported[1]), column: unsupported[2] ? Number(unsupported[2]) : 0, message: unsupported[3] };
    }
    const lines = stderr.replace(/\n$/, "").split("\n");
    const last = lines[lines.length - 1];
    if (!/^(SyntaxError|IndentationError|TabError)\b/.test(last)) return null;
    for (let k = lines.length - 1; k >= 0; k--) {
      const at = /^  File "\/?main\.py", line (\d+)/.exec(lines[k]);
      if (!at) continue;
      const line = Number(at[1]);
      let column = 0;
      const caret = (lines[k + 2] || "").indexOf("^");
      if (lines[k + 1] && lines[k + 1].startsWith("    ") && caret >= 4) {
        const real = source.split("\n")[line - 1] || "";
        column = real.length - real.trimStart().length + caret - 4 + 1;
      }
      return { line, column, message: last };
    }
    return null;
  }
  function firstRefusal(job) {
    for (const v of job.versions || []) {
      const pre = results.querySelector('[data-asim-stderr="' + v + '"]');
      const mark = pre && refusalIn(pre.textContent, job.source);
      if (mark) return mark;
    }
    return null;
  }
  function finish(message) {
    current = null;
    $("run").disabled = false;
    $("explore").disabled = false;
    $("stop").disabled = true;
    document.body.dataset.asimState = "done";
    status.textContent = message;
  }

  // ---- results: a box per version
  function runBox(version) {
    const box = document.createElement("div");
    box.className = "run";
    box.dataset.asimVersion = version;
    const title = document.createElement("h3");
    const exit = document.createElement("span");
    exit.className = "exit";
    exit.dataset.asimExit = version;
    exit.textContent = "running\u2026";
    title.append("Python " + version + " \u00b7 exit ", exit);
    const out = document.createElement("pre");
    out.className = "stdout";
    out.dataset.asimStdout = version;
    const err = document.createElement("pre");
    err.className = "stderr";
    err.dataset.asimStderr = version;
    box.append(title, out, err);
    return box;
  }
  function show(result) {
    const box = results.querySelector('[data-asim-version="' + result.version + '"]');
    if (!box) return;
    const exit = box.querySelector("[data-asim-exit]");
    if (result.error) {
      exit.textContent = "error";
      box.querySelector("[data-asim-stderr]").textContent = result.error;
      return;
    }
    current.outputs[result.version] = result.stdout;
    current.snapshots[result.version] = result.snapshots.split("\n").filter((l) => l).map((l) => JSON.parse(l));
    exit.textContent = String(result.exit);
    exit.title = "exit status; " + Math.round(result.ms) + " ms in this page";
    exit.dataset.asimMs = result.ms.toFixed(1);
    exit.classList.toggle("bad", result.exit !== 0);
    box.querySelector("[data-asim-stdout]").textContent = result.stdout;
    box.querySelector("[data-asim-stderr]").textContent = result.stderr;
  }
  // Versions whose stdout differs from the first chosen one's say so.
  function markDifferences() {
    const outputs = current.outputs, versions = Object.keys(outputs);
    for (const v of versions.slice(1)) {
      if (outputs[v] === outputs[versions[0]]) continue;
      const note = document.createElement("span");
      note.className = "differs";
      note.textContent = " (stdout differs from " + versions[0] + ")";
      results.querySelector('[data-asim-version="' + v + '"] h3').append(note);
    }
  }
  function showTimeline(html) {
    if (!html) return;
    $("timeline").srcdoc = html;
    $("timeline-box").hidden = false;
  }

  // ---- steps: one loop iteration at a time, every version side by side
  const slider = $("step-slider");
  let stepRuns = {}, playing = null;
  function showSteps(snapshots, step) {
    stepRuns = snapshots;
    const versions = Object.keys(snapshots);
    const most = Math.max(0, ...versions.map((v) => snapshots[v].length));
    if (!most) return;
    const panes = $("step-panes");
    panes.textContent = "";
    for (const v of versions) panes.append(stepPane(v));
    slider.max = String(most - 1);
    const wanted = Number.isInteger(step) ? Math.min(Math.max(step, 1), most) - 1 : 0;
    $("steps-box").hidden = false;
    showParting(snapshots, versions);
    showStep(wanted);
  }
  // What an iteration runs, as callback names: the handles' reprs less
  // their arguments (which name objects differently from version to version).
  const callbacks = (s) => (s ? s.ready.map((h) => {
    const m = /^<(?:Timer)?Handle (?:when=\S+ )?(?:cancelled )?([^(]*)/.exec(h);
    return m ? m[1] : h;
  }) : []);
  // The first step where two chosen versions' loops run different callbacks
  // (or one has stopped), explained by what each runs there.
  function showParting(snapshots, versions) {
    const note = $("step-part");
    note.textContent = "";
    delete note.dataset.asimPart;
    if (versions.length < 2) return;
    const most = Math.max(...versions.map((v) => snapshots[v].length));
    for (let i = 0; i < most; i++) {
      const names = versions.map((v) => callbacks(snapshots[v][i]).join(", "));
      if (names.every((n) => n === names[0])) continue;
      note.dataset.asimPart = String(i + 1);
      note.append("The versions part at step " + (i + 1) + ": " +
        versions.map((v, k) => v + " runs " + (snapshots[v][i] ? "[" + names[k] + "]" : "nothing (its loop is done)"))
          .join("; ") + ".");
      const go = document.createElement("button");
      go.type = "button";
      go.textContent = "go to step " + (i + 1);
      go.addEventListener("click", () => { pause(); showStep(i); });
      note.append(go);
      return;
    }
    note.textContent = "The versions' loops run the same callbacks at every step.";
  }
  function stepPane(version) {
    const pane = document.createElement("div");
    pane.className = "step-pane";
    pane.dataset.asimStepVersion = version;
    pane.innerHTML = '<h3></h3><h4>ready queue</h4><ol class="ready"></ol><h4>timer heap</h4><ol class="timers"></ol>' +
      '<h4>tasks</h4><ul class="tasks"></ul><h4>what this step does</h4><ul class="notes"></ul>';
    pane.querySelector("h3").dataset.asimStepTitle = version;
    pane.querySelector(".ready").dataset.asimReady = version;
    pane.querySelector(".timers").dataset.asimTimers = version;
    pane.querySelector(".tasks").dataset.asimTasks = version;
    pane.querySelector(".notes").dataset.asimNotes = version;
    return pane;
  }
  function item(list, text, className) {
    const li = document.createElement("li");
    li.textContent = text;
    if (className) li.className = className;
    list.append(li);
  }
  function showStep(index) {
    slider.value = String(index);
    const total = Number(slider.max) + 1;
    const label = $("step-label");
    label.dataset.asimStep = String(index + 1);
    label.textContent = "step " + (index + 1) + " of " + total;
    const firstVersion = Object.keys(stepRuns)[0];
    markedLines = new Set();
    for (const [version, snapshots] of Object.entries(stepRuns)) {
      const pane = $("step-panes").querySelector('[data-asim-step-version="' + version + '"]');
      const s = snapshots[index];
      const ready = pane.querySelector(".ready"), timers = pane.querySelector(".timers"), tasks = pane.querySelector(".tasks");
      const notes = pane.querySelector(".notes");
      ready.textContent = timers.textContent = tasks.textContent = notes.textContent = "";
      if (!s) {
        pane.querySelector("h3").textContent = "Python " + version + ": its loop ran " + snapshots.length + " iterations";
        continue;
      }
      pane.querySelector("h3").textContent = "Python " + version + ": loop run " + s.run + ", iteration " + s.tick +
        ", t=" + s.time;
      for (const h of s.ready) item(ready, h);
      if (!s.ready.length) ready.innerHTML = '<li class="empty">empty</li>';
      for (const t of s.timers) {
        item(timers, "when=" + t.when + "  " + t.handle, t.cancelled ? "cancelled" : "");
        Object.assign(timers.lastChild.dataset, { when: String(t.when), handle: t.handle });
      }
      if (!s.timers.length) timers.innerHTML = '<li class="empty">empty</li>';
      for (const t of s.tasks) {
        const li = document.createElement("li");
        const state = document.createElement("span");
        state.className = "state";
        state.textContent = t.state + " ";
        li.append(state, t.repr);
        tasks.append(li);
        if (version === firstVersion && t.line && /(^|\/)main\.py$/.test(t.file || "")) markedLines.add(t.line);
      }
      if (!s.tasks.length) tasks.innerHTML = '<li class="empty">none pending</li>';
      for (const n of s.notes || []) item(notes, n);
      if (!notes.children.length) notes.innerHTML = '<li class="empty">nothing to explain here</li>';
    }
    renumber();
  }
  function pause() {
    if (playing) clearInterval(playing);
    playing = null;
  }
  $("step-back").addEventListener("click", () => { pause(); showStep(Math.max(0, Number(slider.value) - 1)); });
  $("step-forward").addEventListener("click", () => { pause(); showStep(Math.min(Number(slider.max), Number(slider.value) + 1)); });
  slider.addEventListener("input", () => { pause(); showStep(Number(slider.value)); });
  $("step-play").addEventListener("click", () => {
    if (playing) { pause(); return; }
    if (Number(slider.value) >= Number(slider.max)) showStep(0);
    playing = setInterval(() => {
      if (Number(slider.value) >= Number(slider.max)) { pause(); return; }
      showStep(Number(slider.value) + 1);
    }, 700);
  });

  $("run").addEventListener("click", () => run());
  $("stop").addEventListener("click", stop);
  $("explore").addEventListener("click", explore);

  // ---- start: the fragment's program, else the seed question
  function loadFragment() {
    const params = readFragment();
    if (params.python) setVersions(params.python.split(",").map(decodeURIComponent));
    if (params.code === undefined) return false;
    try {
      setCode(fromBase64Url(params.code));
    } catch (e) {
      status.textContent = "the link's code= is not base64url of UTF-8 text";
      return false;
    }
    menu.value = "";
    return true;
  }
  const fragmentStep = () => {
    const step = Number(readFragment().step);
    return Number.isInteger(step) && step > 0 ? step : undefined;
  };
  window.addEventListener("hashchange", () => { if (loadFragment()) run(fragmentStep()); });
  startWorker();
  if (loadFragment()) {
    run(fragmentStep());
  } else {
    menu.value = "0";
    setCode(scenarios[0].source);
  }
})();
