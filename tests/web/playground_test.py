#!/usr/bin/env python3
"""The playground page (build-web/asim.html, docs/playground.md) in real
headless Chromium from file://, driven only by its fragment contract:
#python=V,...&code=<base64url> runs the program on load (or on a changed
fragment); each version's stdout is <pre data-asim-stdout=V>, its exit
status data-asim-exit=V. The seed question and a fixed set of scenarios must
give there exactly the stdout and exit status real CPython gave (their
.expected.json, captured by tests/conformance/capture.py). Then the step
view, driven by the fragment's step=N: at each step checked, the ready-queue,
timer-heap and notes panes hold what `asim run --format snapshots --explain`
(the native build) recorded at that iteration, and a screenshot there is not
blank (with ASIM_SCREENSHOT_TO set, the seed question's at step 3 is also
written there: `make playground-screenshot` makes docs/playground-step.png),
and the step the page says the versions part at is the first where the
recorded iterations run different callbacks.
Last, Stop as Ctrl-C: a program looping forever inside asyncio.run, stopped
once (3.10) and twice (3.12, whose asyncio.run only cancels the main task at
the first), ends as the native `asim exec --interrupt-at` ends at the checks
the page stopped at: KeyboardInterrupt, its traceback, what was printed.
And its memory limit: a huge list under 256 MiB is the MemoryError the
native build raises under `--max-memory 256M`. Explore: the page's table of
outcomes is `asim explore --format json`'s, and replaying one gives the
stdout `asim exec --replay` gives. Refusals are marked in the editor: a
syntax error at the line and column CPython 3.12's compile() reports, a
construct asim does not model at its line.

    playground_test.py PAGE SCENARIOS_DIR ASIM_BINARY

Exits 77 (ctest: skipped) without Chromium, or without the page unless
ASIM_REQUIRE_WEB is set (make test sets it: there the page is built first)."""
import base64
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import cdp  # noqa: E402

MAX_PAGE_BYTES = 5_000_000
# The seed question first, and again at the end (its time is the better of
# the two: the first run in a fresh page also pays for the WebAssembly's
# tier-up); in between one or two from each part of the model.
SEED = "as_completed/seed_question.py"
SCENARIOS = [
    "as_completed/seed_question.py",
    "as_completed/lazy_vs_eager.py",
    "cancellation/cancel_and_cleanup.py",
    "cancellation/uncancel.py",
    "contextvars/create_task_context.py",
    "gather_wait/gather_exceptions.py",
    "gather_wait/wait_first_completed.py",
    "generators/async_generator_methods.py",
    "language/match_statement.py",
    "language/except_star.py",
    "legacy_loop/run_until_complete.py",
    "loop/timer_ties.py",
    "modules/dataclass_basics.py",
    "queues/producer_consumer.py",
    "taskgroup/taskgroup_errors.py",
    "timeouts/wait_for_timeout.py",
    SEED,
]
# The seed question's run in the page, per version, once the model is loaded.
SEED_MAX_MS = 300


def fragment(versions, source):
    code = base64.urlsafe_b64encode(source.encode("utf-8")).decode("ascii").rstrip("=")
    return "#python=" + ",".join(versions) + "&code=" + code


def as_page_names(text):
    """The native build names asyncio's own functions and traceback frames
    in the installed CPython's Lib; the page, with no CPython to read, in
    <asim>/asyncio/."""
    return re.sub(r'/[^"\s<>]*/lib/python3\.\d+/asyncio/', "<asim>/asyncio/", text)


def native_snapshots(asim, source, versions):
    """`asim run --format snapshots` on the program as the page names it:
    main.py in the current folder, which 3.9+ show as /main.py there."""
    with tempfile.TemporaryDirectory() as folder:
        (pathlib.Path(folder) / "main.py").write_text(source, encoding="utf-8")
        out = subprocess.run([asim, "run", "--python", ",".join(versions), "--format", "snapshots", "--explain",
                              "main.py"],
                             cwd=folder, capture_output=True, text=True, check=False).stdout
        out = out.replace(str(pathlib.Path(folder).resolve() / "main.py"), "/main.py")
    out = as_page_names(out)
    runs = {}
    for line in out.splitlines():
        record = json.loads(line)
        runs.setdefault(record["version"], []).append(record)
    return runs


# JavaScript run in the page: each version's step pane as data.
PANES_JS = """JSON.stringify({
  step: document.getElementById('step-label').dataset.asimStep,
  panes: Object.fromEntries([...document.querySelectorAll('[data-asim-ready]')].map((list) => {
    const v = list.dataset.asimReady;
    const items = (attribute) => [...document.querySelectorAll('[' + attribute + '="' + v + '"] li:not(.empty)')];
    return [v, {
      ready: items('data-asim-ready').map((li) => li.textContent),
      timers: items('data-asim-timers').map((li) =>
        [Number(li.dataset.when), li.dataset.handle, li.classList.contains('cancelled')]),
      notes: items('data-asim-notes').map((li) => li.textContent),
    }];
  })),
})"""


def callbacks(snapshot):
    """An iteration's callbacks by name, as the page compares versions: the
    handles' reprs less their arguments."""
    names = []
    for handle in snapshot["ready"]:
        m = re.match(r"<(?:Timer)?Handle (?:when=\S+ )?(?:cancelled )?([^(]*)", handle)
        names.append(m.group(1) if m else handle)
    return names


def parting_step(recorded, versions):
    """The first step (from 1) where the versions' loops run different
    callbacks or one has stopped, per the native recording; None if none."""
    for i in range(max(len(recorded[v]) for v in versions)):
        ran = [callbacks(recorded[v][i]) if i < len(recorded[v]) else None for v in versions]
        if any(r != ran[0] for r in ran):
            return i + 1
    return None


def check_steps(browser, page, asim, source, versions, work, keep_screenshot=None):
    """Opens the program at several steps; returns the number of failures.
    keep_screenshot: where to copy the screenshot at step 3, if anywhere."""
    recorded = native_snapshots(asim, source, versions)
    most = max(len(r) for r in recorded.values())
    failures = 0
    for step in sorted({1, 3, most // 2, most}):
        browser.evaluate("document.body.dataset.asimState = 'idle'")
        browser.navigate(page.as_uri() + fragment(versions, source) + f"&step={step}")
        if not browser.wait_for("document.body.dataset.asimState === 'done'", 120):
            print(f"FAIL: step {step}: the page did not finish its run")
            return failures + 1
        shown = json.loads(browser.evaluate(PANES_JS))
        bad = []
        if shown["step"] != str(step):
            bad.append(f"the page shows step {shown['step']}")
        for v in versions:
            snapshots = recorded[v]
            want = snapshots[step - 1] if step <= len(snapshots) else {"ready": [], "timers": [], "notes": []}
            want_timers = [[t["when"], t["handle"], t["cancelled"]] for t in want["timers"]]
            got = shown["panes"].get(v, {"ready": None, "timers": None})
            if got["ready"] != want["ready"]:
                bad.append(f"{v}: ready queue {got['ready']}\n      recorded {want['ready']}")
            if got["timers"] != want_timers:
                bad.append(f"{v}: timers {got['timers']}\n      recorded {want_timers}")
            if got.get("notes") != want["notes"]:
                bad.append(f"{v}: notes {got.get('notes')}\n      recorded {want['notes']}")
        if bad:
            failures += 1
            print(f"FAIL: step {step}\n    " + "\n    ".join(bad))
        else:
            print(f"ok: step {step} of {most}: ready queue, timer heap and notes as recorded")
        if step == 3:
            shot = work / "step.png"
            browser.screenshot(str(shot))
            png_stats = pathlib.Path(__file__).resolve().parent.parent / "views" / "png_stats.py"
            stats = subprocess.run([sys.executable, str(png_stats), str(shot)], capture_output=True, text=True,
                                   check=False)
            print("screenshot at step 3: " + stats.stdout.strip())
            if stats.returncode != 0:
                failures += 1
                print("FAIL: the screenshot at step 3 is blank")
            elif keep_screenshot:
                shutil.copyfile(shot, keep_screenshot)
                print(f"screenshot written to {keep_screenshot}")
    if len(versions) > 1:
        want = parting_step(recorded, versions)
        shown = browser.evaluate("document.getElementById('step-part').dataset.asimPart || ''")
        if shown != (str(want) if want else ""):
            failures += 1
            print(f"FAIL: the page says the versions part at step {shown or 'none'}; the recording says {want}")
        else:
            print(f"ok: the versions part at step {want} as recorded" if want else
                  "ok: the versions never part, as recorded")
    return failures


# Loops forever inside asyncio.run: only Ctrl-Cs end it.
FOREVER = '''import asyncio

async def main():
    print("looping", flush=True)
    n = 0
    while True:
        n += 1

asyncio.run(main())
'''

SHOWN_JS = """JSON.stringify([...document.querySelectorAll('[data-asim-stdout]')].map(pre => {
  const v = pre.dataset.asimStdout;
  return [v, pre.textContent, document.querySelector('[data-asim-stderr="' + v + '"]').textContent,
          document.querySelector('[data-asim-exit="' + v + '"]').textContent];
}))"""


def native_interrupted(asim, source, version, checks):
    """`asim exec --interrupt-at` on the program as the page names it."""
    with tempfile.TemporaryDirectory() as folder:
        (pathlib.Path(folder) / "main.py").write_text(source, encoding="utf-8")
        r = subprocess.run([asim, "exec", "--python", version, "--interrupt-at", checks, "main.py"],
                           cwd=folder, capture_output=True, text=True, check=False)
        return r.stdout, as_page_names(r.stderr.replace(str(pathlib.Path(folder).resolve()), "")), str(r.returncode)


def check_stop(browser, page, asim, versions, stops):
    """Runs FOREVER, presses Stop `stops` times (each once the run has gone
    past the last stop); returns the number of failures."""
    # No count left from an earlier run may pass for this one's.
    browser.evaluate("document.body.dataset.asimState = 'idle'; delete document.body.dataset.asimChecks")
    browser.navigate(page.as_uri() + fragment(versions, FOREVER))
    last = 0
    for k in range(stops):
        if not browser.wait_for(f"Number(document.body.dataset.asimChecks || 0) > {last}", 60):
            print(f"FAIL: stop {k + 1}: the page reports no progress past check {last}")
            return 1
        browser.evaluate("document.getElementById('stop').click()")
        stopped_at = browser.evaluate("document.body.dataset.asimStoppedAt || ''")
        last = int(stopped_at.split(":")[1].split(",")[-1]) if ":" in stopped_at else 0
    if not browser.wait_for("document.body.dataset.asimState === 'done'", 60):
        print(f"FAIL: Stop x{stops} ({', '.join(versions)}): the run did not end")
        return 1
    stopped_at = browser.evaluate("document.body.dataset.asimStoppedAt || ''")
    if ":" not in stopped_at:
        print(f"FAIL: Stop x{stops} ({', '.join(versions)}): no Ctrl-C was replayed (the run was not reporting yet)")
        return 1
    version, checks = stopped_at.split(":")
    shown = {v: (out, err, status) for v, out, err, status in json.loads(browser.evaluate(SHOWN_JS))}
    bad = []
    if len(checks.split(",")) != stops:
        bad.append(f"stopped at {checks}, not {stops} Ctrl-Cs")
    want = native_interrupted(asim, FOREVER, version, checks)
    if shown.get(version) != want:
        bad.append(f"{version}: page {shown.get(version)!r}\n      native {want!r}")
    if not want[1].endswith("KeyboardInterrupt\n"):
        bad.append(f"{version}: the native run does not end in KeyboardInterrupt: {want[1]!r}")
    for v in versions[versions.index(version) + 1:]:
        if shown.get(v, ("", "", ""))[2] != "not run (stopped)":
            bad.append(f"{v}: {shown.get(v)!r}, not 'not run (stopped)'")
    if bad:
        print(f"FAIL: Stop x{stops} ({', '.join(versions)})\n    " + "\n    ".join(bad))
        return 1
    print(f"ok: Stop x{stops} in {version} at checks {checks}: KeyboardInterrupt as `asim exec --interrupt-at`")
    return 0


HUGE = '''try:
    x = [0] * (10**9)
except MemoryError as e:
    print("caught", repr(e))
print(len([0] * 1000))
'''


def run_in_page(browser, page, versions, source):
    """Opens the program's fragment and waits for its run to end."""
    browser.evaluate("document.body.dataset.asimState = 'idle'")
    browser.navigate(page.as_uri() + fragment(versions, source))
    return browser.wait_for("document.body.dataset.asimState === 'done'", 60)


def check_memory(browser, page, asim):
    """The page's memory limit at 256 MiB: `[0] * 10**9` is the MemoryError
    that `asim exec --max-memory 256M` raises, not a dead tab."""
    browser.evaluate("document.getElementById('max-memory').value = '256'")
    if not run_in_page(browser, page, ["3.12"], HUGE):
        print("FAIL: memory limit: the run did not end")
        return 1
    browser.evaluate("document.getElementById('max-memory').value = '1024'")
    shown = {v: (out, err, status) for v, out, err, status in json.loads(browser.evaluate(SHOWN_JS))}
    with tempfile.TemporaryDirectory() as folder:
        (pathlib.Path(folder) / "main.py").write_text(HUGE, encoding="utf-8")
        r = subprocess.run([asim, "exec", "--python", "3.12", "--max-memory", "256M", "main.py"], cwd=folder,
                           capture_output=True, text=True, check=False)
    want = (r.stdout, r.stderr, str(r.returncode))
    if shown.get("3.12") != want or not want[0].startswith("caught MemoryError()"):
        print(f"FAIL: memory limit: page {shown.get('3.12')!r}\n      native {want!r}")
        return 1
    print("ok: memory limit 256 MiB: [0] * 10**9 is a MemoryError, as `asim exec --max-memory 256M`")
    return 0


EXPLORE_PROGRAM = pathlib.Path(__file__).resolve().parent.parent / "explore" / "shard_mix.py"

OUTCOMES_JS = """JSON.stringify([...document.querySelectorAll('[data-asim-outcome]')].map(row => {
  const cells = row.cells;
  return [Number(cells[0].textContent), Number(cells[1].textContent), cells[2].textContent, cells[3].textContent,
          row.querySelector('[data-asim-replay]').dataset.asimReplay];
}))"""


def native(asim, source, *args):
    with tempfile.TemporaryDirectory() as folder:
        (pathlib.Path(folder) / "main.py").write_text(source, encoding="utf-8")
        r = subprocess.run([asim, *args, "main.py"], cwd=folder, capture_output=True, text=True, check=False)
        return r.stdout, as_page_names(r.stderr.replace(str(pathlib.Path(folder).resolve()), "")), str(r.returncode)


def check_explore(browser, page, asim):
    """Explore in the page against `asim explore`, then one replay."""
    source = EXPLORE_PROGRAM.read_text(encoding="utf-8")
    if not run_in_page(browser, page, ["3.12"], source):
        print("FAIL: explore: the first run did not end")
        return 1
    browser.evaluate("document.body.dataset.asimState = 'idle'; document.getElementById('explore').click()")
    if not browser.wait_for("document.body.dataset.asimState === 'done'", 120):
        print("FAIL: explore: the page did not finish exploring")
        return 1
    shown = json.loads(browser.evaluate(OUTCOMES_JS))
    report = json.loads(native(asim, source, "explore", "--python", "3.12", "--format", "json")[0])
    want = [[o["count"], o["exit"], o["stdout"], o["stderr_last_line"], o["replay"]] for o in report["outcomes"]]
    if shown != want or len(want) < 2:
        print(f"FAIL: explore: page {shown!r}\n      native {want!r}")
        return 1
    token = want[-1][4]
    browser.evaluate("document.body.dataset.asimState = 'idle';"
                     f"document.querySelector('[data-asim-replay=\"{token}\"]').click()")
    if not browser.wait_for("document.body.dataset.asimState === 'done'", 60):
        print("FAIL: explore: the replay did not end")
        return 1
    got = {v: out for v, out, _, _ in json.loads(browser.evaluate(SHOWN_JS))}.get("3.12")
    replayed = native(asim, source, "exec", "--python", "3.12", "--replay", token)[0]
    steps_shown = browser.evaluate("!document.getElementById('steps-box').hidden")
    if got != replayed or got != want[-1][2] or not steps_shown:
        print(f"FAIL: explore: replay {token}: page {got!r}, `asim exec --replay` {replayed!r}, "
              f"steps shown {steps_shown}")
        return 1
    print(f"ok: explore: {len(want)} outcomes as `asim explore`; replay {token} as `asim exec --replay`")
    return 0


BROKEN = "async def main():\n    total = 0\n    for i in range(3):\n        total += (i *)\n"
# Threads run on fibers natively; the browser edition has none, so a
# thread's start() is where the page's run stops.
UNMODELLED = "import threading\nthread = threading.Thread(target=print)\nthread.start()\n"


def cpython(version):
    """The installed CPython X.Y under pyenv, or None."""
    try:
        root = subprocess.run(["pyenv", "root"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return next(iter(sorted(pathlib.Path(root, "versions").glob(f"{version}.*/bin/python{version}"))), None)


def check_error_marks(browser, page):
    """The editor's gutter marks where the program was refused: a syntax
    error where CPython 3.12's compile() puts it (lineno, offset)."""
    cases = [(UNMODELLED, (3, None))]
    exe = cpython("3.12")
    if exe:
        probe = subprocess.run([str(exe), "-c", "import sys\ntry:\n    compile(sys.stdin.read(), 'main.py', 'exec')\n"
                                "except SyntaxError as e:\n    print(e.lineno, e.offset)\n"],
                               input=BROKEN, capture_output=True, text=True, check=False)
        cases.insert(0, (BROKEN, tuple(int(x) for x in probe.stdout.split())))
    else:
        print("skipped: the syntax error's mark (no CPython 3.12)")
    failures = 0
    for source, want in cases:
        if not run_in_page(browser, page, ["3.12"], source):
            print("FAIL: error marks: the run did not end")
            return failures + 1
        mark = json.loads(browser.evaluate(
            "JSON.stringify([...document.querySelectorAll('#gutter [data-asim-error-line]')].map(n =>"
            " [Number(n.dataset.asimErrorLine), n.dataset.asimErrorColumn ? Number(n.dataset.asimErrorColumn) : null]))"))
        if mark != [list(want)]:
            failures += 1
            print(f"FAIL: error marks: {source.splitlines()[-1]!r}: gutter marks {mark}, expected {want}")
        else:
            print(f"ok: error marks: line {want[0]}" + (f", column {want[1]}" if want[1] else "") + " marked")
    return failures


def main():
    page, scenarios = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2])
    asim = str(pathlib.Path(sys.argv[3]).resolve())
    chromium = cdp.find_chromium()
    if not chromium:
        print("SKIPPED: chromium is not installed")
        return 77
    if not page.exists():
        if os.environ.get("ASIM_REQUIRE_WEB"):
            print(f"FAIL: {page} is missing (make web builds it)")
            return 1
        print(f"SKIPPED: {page} is not built (make web)")
        return 77
    size = page.stat().st_size
    print(f"page: {size} bytes")
    if size > MAX_PAGE_BYTES:
        print(f"FAIL: the page is over {MAX_PAGE_BYTES} bytes")
        return 1
    text = page.read_text(encoding="utf-8")
    for scheme in ("http://", "https://"):
        if scheme in text:
            print(f"FAIL: the page refers to the network ({scheme})")
            return 1

    failures = 0
    seed_ms = {}  # version -> the seed's best time in the page
    browser = cdp.Browser(chromium)
    try:
        for n, rel in enumerate(SCENARIOS):
            path = scenarios / rel
            if not path.exists():
                print(f"FAIL: {rel}: no such scenario")
                failures += 1
                continue
            expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
            versions = sorted(expected, key=lambda v: tuple(int(x) for x in v.split(".")))
            url = page.as_uri() + fragment(versions, path.read_text(encoding="utf-8"))
            if n > 0:  # the same page: a new fragment runs the new program
                browser.evaluate("document.body.dataset.asimState = 'idle'")
            started = time.monotonic()
            browser.navigate(url)
            if not browser.wait_for("document.body && document.body.dataset.asimState === 'done'", 120):
                print(f"FAIL: {rel}: the page did not finish its run")
                failures += 1
                break
            seconds = time.monotonic() - started
            shown = browser.evaluate(
                "JSON.stringify([...document.querySelectorAll('[data-asim-stdout]')].map(pre => {"
                "const v = pre.dataset.asimStdout;"
                "const exit = document.querySelector('[data-asim-exit=\"' + v + '\"]');"
                "return [v, pre.textContent, exit.textContent, exit.dataset.asimMs];}))")
            got = {v: (out, status, ms) for v, out, status, ms in json.loads(shown)}
            bad = []
            for v in versions:
                if v not in got:
                    bad.append(f"{v}: no output element")
                    continue
                out, status, ms = got[v]
                if out != expected[v]["stdout"]:
                    bad.append(f"{v}: stdout {out!r}\n      CPython {expected[v]['stdout']!r}")
                if status != str(expected[v]["exit"]):
                    bad.append(f"{v}: exit {status}, CPython {expected[v]['exit']}")
                if rel == SEED:
                    seed_ms[v] = min(seed_ms.get(v, float("inf")), float(ms))
            if bad:
                failures += 1
                print(f"FAIL: {rel}\n    " + "\n    ".join(bad))
            else:
                print(f"ok: {rel} ({', '.join(versions)}) in {seconds:.1f} s")
        with tempfile.TemporaryDirectory() as work:
            for rel in (SEED, "loop/timer_ties.py"):
                source = (scenarios / rel).read_text(encoding="utf-8")
                print(f"steps of {rel}:")
                keep = os.environ.get("ASIM_SCREENSHOT_TO") if rel == SEED else None
                step_failures = check_steps(browser, page, asim, source, ["3.12", "3.13"], pathlib.Path(work), keep)
                failures += step_failures
        failures += check_stop(browser, page, asim, ["3.10", "3.12"], 1)
        failures += check_stop(browser, page, asim, ["3.12"], 2)
        failures += check_memory(browser, page, asim)
        failures += check_explore(browser, page, asim)
        failures += check_error_marks(browser, page)
        slow = {v: ms for v, ms in seed_ms.items() if ms > SEED_MAX_MS}
        print("seed question in the page: " + ", ".join(f"{v} {ms:.0f} ms" for v, ms in seed_ms.items()))
        if slow:
            failures += 1
            print(f"FAIL: the seed question took more than {SEED_MAX_MS} ms in the page: {slow}")
        errors = [m for m in browser.console if m.startswith(("error", "exception"))]
        if errors:
            failures += 1
            print("FAIL: JavaScript errors in the page:\n    " + "\n    ".join(errors))
    finally:
        browser.close()
    print(f"{len(SCENARIOS) + 8 - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
