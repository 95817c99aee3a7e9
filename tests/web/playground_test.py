#!/usr/bin/env python3
"""The playground page (build-web/asim.html, docs/playground.md) in real
headless Chromium from file://, driven only by its fragment contract:
#python=V,...&code=<base64url> runs the program on load (or on a changed
fragment); each version's stdout is <pre data-asim-stdout=V>, its exit
status data-asim-exit=V. The seed question and a fixed set of scenarios must
give there exactly the stdout and exit status real CPython gave (their
.expected.json, captured by tests/conformance/capture.py). Then the step
view, driven by the fragment's step=N: at each step checked, the ready-queue
and timer-heap panes hold what `asim run --format snapshots` (the native
build) recorded at that iteration, and a screenshot there is not blank.

    playground_test.py PAGE SCENARIOS_DIR ASIM_BINARY

Exits 77 (ctest: skipped) without Chromium, or without the page unless
ASIM_REQUIRE_WEB is set (make test sets it: there the page is built first)."""
import base64
import json
import os
import pathlib
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


def native_snapshots(asim, source, versions):
    """`asim run --format snapshots` on the program as the page names it:
    main.py in the current folder, which 3.9+ show as /main.py there."""
    with tempfile.TemporaryDirectory() as folder:
        (pathlib.Path(folder) / "main.py").write_text(source, encoding="utf-8")
        out = subprocess.run([asim, "run", "--python", ",".join(versions), "--format", "snapshots", "main.py"],
                             cwd=folder, capture_output=True, text=True, check=False).stdout
        out = out.replace(str(pathlib.Path(folder).resolve() / "main.py"), "/main.py")
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
    }];
  })),
})"""


def check_steps(browser, page, asim, source, versions, work):
    """Opens the program at several steps; returns the number of failures."""
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
            want = snapshots[step - 1] if step <= len(snapshots) else {"ready": [], "timers": []}
            want_timers = [[t["when"], t["handle"], t["cancelled"]] for t in want["timers"]]
            got = shown["panes"].get(v, {"ready": None, "timers": None})
            if got["ready"] != want["ready"]:
                bad.append(f"{v}: ready queue {got['ready']}\n      recorded {want['ready']}")
            if got["timers"] != want_timers:
                bad.append(f"{v}: timers {got['timers']}\n      recorded {want_timers}")
        if bad:
            failures += 1
            print(f"FAIL: step {step}\n    " + "\n    ".join(bad))
        else:
            print(f"ok: step {step} of {most}: ready queue and timer heap as recorded")
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
                step_failures = check_steps(browser, page, asim, source, ["3.12", "3.13"], pathlib.Path(work))
                failures += step_failures
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
    print(f"{len(SCENARIOS) + 2 - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
