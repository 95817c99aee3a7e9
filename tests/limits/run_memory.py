"""asim exec's memory budget (docs/limits.md), seen from outside.

Where CPython raises MemoryError or OverflowError at once whatever the
machine (a size past the address space), asim must print the same, live
CPython being the expected output. Where only the budget stops the program,
the check is asim's documented behaviour: MemoryError as CPython raises it,
catchable; exit 2 naming --max-memory when the program goes on allocating;
the output printed so far kept; and the process's peak memory, as the
kernel accounts it (wait4's ru_maxrss), under the budget plus a margin.
Usage: run_memory.py ASIM
"""
import os
import subprocess
import sys
import tempfile

from limits_common import cpython, write_program

ASIM = sys.argv[1]
SKIP = 77
ALL = ("3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13")
failures = []
ran_cpython = False


DIR = tempfile.mkdtemp(prefix="asim_memory_")


def program(name, text):
    return write_program(DIR, name, text)


def check(name, ok, detail=""):
    print("%s %s" % ("ok  " if ok else "FAIL", name))
    if not ok:
        failures.append(name)
        print(detail)


def measured(command):
    """(stdout, stderr, status, peak RSS in MiB) of one run."""
    p = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = p.stdout.read(), p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return out, err, p.returncode, usage.ru_maxrss / 1024


# Sizes past what any machine can give: CPython's answer does not depend on it.
KINDS = program("kinds", """def attempt(what, make):
    try:
        make()
        print(what, "made")
    except (MemoryError, OverflowError) as e:
        print(what, type(e).__name__, repr(str(e)))

attempt("list repetition", lambda: [0] * (2**62))
attempt("list repetition 2**40", lambda: [None, 1] * (2**40))
attempt("str repetition", lambda: "ab" * (2**62))
attempt("str repetition 2**40", lambda: "a" * (2**40))
attempt("bytes repetition", lambda: b"ab" * (2**62))
attempt("bytes(n)", lambda: bytes(2**62))
attempt("bytearray(n)", lambda: bytearray(2**62))
attempt("list(range)", lambda: list(range(2**62)))
attempt("tuple repetition", lambda: (1, 2) * (2**61))
attempt("int shift", lambda: 1 << (2**62))
attempt("int shift 2**40", lambda: 1 << (2**40))
print("still running")
""")
UNCAUGHT = program("uncaught", 'print("before")\nsizes = [2**62]\nx = [0] * sizes[0]\nprint("not reached")\n')


def same_as_cpython(name, path, versions):
    global ran_cpython
    for version in versions:
        python = cpython(version)
        if not python:
            continue
        ran_cpython = True
        want = subprocess.run([python, path], capture_output=True, text=True)
        got = subprocess.run([ASIM, "exec", "--python", version, path], capture_output=True, text=True)
        check("%s on %s" % (name, version),
              (got.stdout, got.stderr, got.returncode) == (want.stdout, want.stderr, want.returncode),
              "asim: %r %r %d\ncpython: %r %r %d" % (got.stdout, got.stderr, got.returncode,
                                                      want.stdout, want.stderr, want.returncode))


same_as_cpython("allocations past the address space", KINDS, ("3.7", "3.10", "3.12", "3.13"))
same_as_cpython("an uncaught MemoryError's traceback", UNCAUGHT, ALL)

BUDGET = 256  # MiB
MARGIN = 64   # MiB: the binary, the stack, the allocator's own pages
HUGE = program("huge", 'print("before")\nx = [0] * (10**9)\n')
CAUGHT = program("caught", 'try:\n    x = [0] * (10**9)\nexcept MemoryError:\n    print("caught")\n'
                 'y = [0] * (10**6)\nprint(len(y))\n')
FREED = program("freed", """def grow():
    rows = []
    while True:
        rows.append([0] * 1000)

print("growing", flush=True)
try:
    grow()
except MemoryError:
    print("caught", flush=True)
print("the rows are gone: growing again")
grow()
""")
KEPT = program("kept", """rows = []

def grow():
    while True:
        rows.append([0] * 1000)

print("growing", flush=True)
try:
    grow()
except MemoryError:
    print("caught; still growing", flush=True)
    grow()
""")

def budget(name, path, want_out, want_status, want_err):
    out, err, status, peak = measured([ASIM, "exec", "--max-memory", "%dM" % BUDGET, path])
    check("%s (budget %d MiB): peak RSS %.0f MiB" % (name, BUDGET, peak),
          out == want_out and status == want_status and want_err(err) and peak < BUDGET + MARGIN,
          "stdout=%r status=%d stderr=%r" % (out, status, err))


budget("[0] * 10**9 raises MemoryError", HUGE, "before\n", 1,
       lambda err: err.endswith("    x = [0] * (10**9)\n        ~~~~^~~~~~~~~\nMemoryError\n"))
budget("the MemoryError is catchable, and memory comes back", CAUGHT, "caught\n1000000\n", 0, lambda err: err == "")
budget("growing past the budget, memory freed by the handler: MemoryError twice", FREED,
       "growing\ncaught\nthe rows are gone: growing again\n", 1, lambda err: err.endswith("\nMemoryError\n"))
budget("growing on after the MemoryError: a stop naming --max-memory", KEPT,
       "growing\ncaught; still growing\n", 2,
       lambda err: err.startswith("asim: stopped") and "--max-memory" in err and "--no-limits" in err)

if failures:
    sys.exit(1)
sys.exit(0 if ran_cpython else SKIP)
