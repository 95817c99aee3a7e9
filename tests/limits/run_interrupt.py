"""Ctrl-C (SIGINT) during asim exec, against live CPython (docs/limits.md).

Each program prints "ready" (flushed) and then computes for ever; the driver
then sends SIGINT, and again after a pause while the process still runs
(3.11+'s asyncio.run takes the first one to cancel its main task). asim and
CPython must print the same stdout and stderr and end the same way (3.7:
status 1; 3.8+: killed by SIGINT). Compared as conform compares: traceback
entries of files other than the program (asyncio's own frames, which asim
does not show) are left out. The programs keep the interrupted line
determined: a loop on one line, a function called from a builtin.
Usage: run_interrupt.py ASIM (exit 77 when no CPython is installed)
"""
import concurrent.futures
import os
import re
import signal
import subprocess
import sys
import tempfile

from limits_common import cpython, write_program
import time

ASIM = sys.argv[1]
SKIP = 77
ALL = ("3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13")
NEW = ("3.11", "3.12", "3.13")


DIR = tempfile.mkdtemp(prefix="asim_interrupt_")


def program(name, text):
    return write_program(DIR, name, text)


# (name, versions, program): where CPython reports the same line each time.
CASES = [
    ("while_true_module", ALL, 'print("ready", flush=True)\nwhile True: pass\n'),
    ("while_test_function", ALL,
     'def spin():\n    n = 0\n    while n >= 0: n = n + 1\n\nprint("ready", flush=True)\nspin()\n'),
    ("for_range", ALL, 'print("ready", flush=True)\ntotal = 0\nfor i in range(10**12): total += i\n'),
    ("for_pass", ("3.11", "3.12", "3.13"), 'print("ready", flush=True)\nfor i in range(10**12): pass\n'),
    ("while_true_two_lines", NEW, 'print("ready", flush=True)\nn = 0\nwhile True:\n    n += 1\n'),
    ("function_entry_from_builtin", ALL,
     'def ident(x):\n    return x\n\nprint("ready", flush=True)\nbest = max(range(10**12), key=ident)\n'),
    # 3.11-3.12 look for the handler before the loop's first instruction,
    # outside the try here: not caught there.
    ("caught_and_reraised", ALL,
     'print("ready", flush=True)\nprint("buffered")\ntry:\n    while True: pass\n'
     'except KeyboardInterrupt:\n    print("caught")\n    raise\n'),
    ("caught", ("3.10", "3.11", "3.12", "3.13"),
     'print("ready", flush=True)\ntry:\n    n = 0\n    while True: n += 1\nexcept KeyboardInterrupt as e:\n'
     '    print("caught", repr(e))\nprint("after")\n'),
    ("asyncio_busy_task", ALL,
     'import asyncio\n\nasync def main():\n    print("ready", flush=True)\n    while True: pass\n\n'
     'asyncio.run(main())\n'),
    ("continue", ALL, 'print("ready", flush=True)\nwhile True: continue\n'),
    # Several lines: 3.7-3.10 check before most instructions, so the line varies there.
    ("for_continue", NEW,
     'print("ready", flush=True)\nfor i in range(10**12):\n    if i >= 0: continue\n    print(i)\n'),
    ("runner_awaiting_task", NEW,
     'import asyncio\n\nasync def main():\n    print("ready", flush=True)\n    while True: await asyncio.sleep(0)\n\n'
     'with asyncio.Runner() as runner:\n    runner.run(main())\n'),
    ("asyncio_awaiting_task", NEW,
     'import asyncio\n\nasync def main():\n    print("ready", flush=True)\n    try:\n'
     '        while True: await asyncio.sleep(0)\n    finally:\n        print("finally")\n\n'
     'asyncio.run(main())\n'),
]


def interrupted(command):
    """Runs command, SIGINT once it printed its first line, again if it goes on."""
    p = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
    first = b""  # read unbuffered: communicate() reads the pipe itself, past any buffer
    while not first.endswith(b"\n"):
        chunk = os.read(p.stdout.fileno(), 1)
        if not chunk:
            break
        first += chunk
    for _ in range(2):
        time.sleep(0.15)
        p.send_signal(signal.SIGINT)
        try:
            out, err = p.communicate(timeout=3)
            return (first + out).decode(), err.decode(), p.returncode
        except subprocess.TimeoutExpired:
            pass
    p.kill()
    out, err = p.communicate()
    return (first + out).decode(), err.decode() + "<still running after two SIGINTs>", p.returncode


ENTRY = re.compile(r'  File "(.*)", line \d+, in ')


def own_frames(stderr, path):
    """The traceback without entries of other files (each: its File line and
    the indented lines under it)."""
    kept, skipping = [], False
    for line in stderr.splitlines(keepends=True):
        m = ENTRY.match(line)
        if m:
            skipping = m.group(1) != path
        elif not line.startswith("    "):
            skipping = False
        if not skipping:
            kept.append(line)
    return "".join(kept)


def run_case(name, version, path):
    python = cpython(version)
    if not python:
        return None
    want = interrupted([python, path])
    got = interrupted([ASIM, "exec", "--python", version, path])
    want = (want[0], own_frames(want[1], path), want[2])
    got = (got[0], own_frames(got[1], path), got[2])
    return got == want, "%s on %s\n--- asim   %r\n--- cpython %r" % (name, version, got, want)


def main():
    # A shell starts background jobs with SIGINT ignored, and a child keeps
    # that (CPython then never sees Ctrl-C): give the children the default.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    jobs = [(name, v, program(name, text)) for name, versions, text in CASES for v in versions]
    failures, ran = [], 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        for (name, version, _), result in zip(jobs, pool.map(lambda j: run_case(*j), jobs)):
            if result is None:
                continue
            ran += 1
            ok, detail = result
            print("%s %s on %s" % ("ok  " if ok else "FAIL", name, version))
            if not ok:
                failures.append(detail)
    for detail in failures:
        print(detail)
    if failures:
        return 1
    return 0 if ran else SKIP


sys.exit(main())
