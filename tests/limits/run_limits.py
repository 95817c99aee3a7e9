"""asim exec's limits seen from outside, as a person meets them (docs/limits.md).

Each check runs the asim binary on a small program; where the program's
output is compared, the expected output is real CPython's, run live (the
check is skipped, exit 77, when that CPython is not installed).
Usage: run_limits.py ASIM
"""
import os
import subprocess
import sys
import tempfile
import time

from limits_common import cpython

ASIM = sys.argv[1]
SKIP = 77
failures = []


def program(text):
    f = tempfile.NamedTemporaryFile("w", suffix=".py", delete=False)
    f.write(text)
    f.close()
    return f.name


def check(name, ok, detail=""):
    print("%s %s" % ("ok  " if ok else "FAIL", name))
    if not ok:
        failures.append(name)
        if detail:
            print(detail)


SUM = program("total = 0\nfor i in range(30_000_000):\n    total += i\nprint(total)\n")
GATHER = program("""import asyncio

async def nap(i):
    await asyncio.sleep(1 + i % 3)
    return i

async def main():
    results = await asyncio.gather(*(nap(i) for i in range(50_000)))
    print(len(results), sum(results), results[:3], results[-1])

asyncio.run(main())
""")
LOOP = program("print('looping', flush=True)\nwhile True:\n    pass\n")


def same_as_cpython(name, version, path):
    python = cpython(version)
    if not python:
        return False
    want = subprocess.run([python, path], capture_output=True, text=True)
    got = subprocess.run([ASIM, "exec", "--python", version, path], capture_output=True, text=True)
    check(name,
          (got.stdout, got.stderr, got.returncode) == (want.stdout, want.stderr, want.returncode),
          "asim: %r %r %d\ncpython: %r %r %d" % (got.stdout, got.stderr, got.returncode,
                                                  want.stdout, want.stderr, want.returncode))
    return True


def infinite_loop_stopped_by_the_clock():
    start = time.monotonic()
    got = subprocess.run([ASIM, "exec", "--max-seconds", "1", LOOP], capture_output=True, text=True, timeout=60)
    took = time.monotonic() - start
    check("an infinite loop is stopped by --max-seconds 1",
          got.returncode == 2 and got.stdout == "looping\n" and "wall-clock limit of 1.0 seconds" in got.stderr
          and "--max-seconds" in got.stderr and took < 10,
          "rc=%d took=%.1fs stdout=%r stderr=%r" % (got.returncode, took, got.stdout, got.stderr))


ran_cpython = same_as_cpython("30 million additions print CPython's sum", "3.13", SUM)
ran_cpython &= same_as_cpython("a gather over 50 000 sleeping coroutines prints CPython's result", "3.12", GATHER)
infinite_loop_stopped_by_the_clock()
if failures:
    sys.exit(1)
sys.exit(0 if ran_cpython else SKIP)
