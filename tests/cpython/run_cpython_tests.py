"""CPython's own asyncio scheduling tests on asim, with a pass-list per version.

Usage:
    python3 tests/cpython/run_cpython_tests.py --asim build/asim [--versions 3.11,3.13]
    python3 tests/cpython/run_cpython_tests.py --asim build/asim --check-only [--share N]

The test files are read from each installed CPython (Lib/test/test_asyncio/),
never copied: `asim exec --python X.Y -m unittest -v test.test_asyncio.FILE`
runs them with asim's own stand-ins for the harness modules (test.support,
test.test_asyncio, test.test_asyncio.utils), and the same command runs them
on the real CPython. A test id (FILE.Class.method) is on
tests/cpython/passlist-X.Y.txt when it passes on both.

Full run (`make cpython-tests`): every scheduling file on every installed
version, on CPython and on asim. A listed test that no longer passes on asim
fails the run; tests passing on both and not listed are reported and added
to the list (the list only grows). --table prints the per-version, per-file
counts for docs/conformance.md.

--check-only (ctest): asim alone, on the files that have listed tests; every
listed test must pass. --share N runs every N-th file only (a fixed share,
for a bounded time). Exits 77 when no CPython is installed.
"""

import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
VERSIONS = ["3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]
# The files that test scheduling alone (no sockets, subprocesses or threads).
FILES = ["test_context", "test_eager_task_factory", "test_futures", "test_futures2", "test_locks", "test_pep492",
         "test_queues", "test_runners", "test_staggered", "test_taskgroups", "test_tasks", "test_timeouts",
         "test_waitfor", "test_asyncio_waitfor"]
STATUSES = ("ok", "FAIL", "ERROR", "expected failure", "unexpected success")
TEST_LINE = re.compile(r"^(\w+) \(([\w.]+)\)")
TIMEOUT = 900
PACKAGE = "test.test_asyncio."
# The classes that exist to test CPython's C accelerator (CTask_PyFuture_Tests,
# PyTask_CFuture_Tests, CFutureTests, EagerCTaskTests, ...): the targets
# count the tests outside them.
C_ACCELERATOR = re.compile(r"(^|_|Eager)C[A-Z]")


def outside_c(test_ids):
    return {t for t in test_ids if not C_ACCELERATOR.search(t.split(".")[1])}


def interpreter(version):
    try:
        root = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip()
    except OSError:
        root = os.path.expanduser("~/.pyenv")
    found = sorted(glob.glob(os.path.join(root, "versions", version + ".*", "bin", "python" + version)))
    return found[-1] if found else None


def test_files(python, version):
    lib = os.path.join(os.path.dirname(os.path.dirname(python)), "lib", "python" + version, "test", "test_asyncio")
    return [f for f in FILES if os.path.exists(os.path.join(lib, f + ".py"))]


def status_of(rest):
    rest = rest.strip()
    if rest in STATUSES:
        return rest
    if rest.startswith("skipped "):
        return "skipped"
    return None


def parse(output, module):
    """{Class.method: status} from unittest's verbose report; a test whose
    subtest failed, or whose line has no status, is not 'ok'."""
    results = {}
    current = None
    for line in output.splitlines():
        subtest = line.startswith("  ")
        m = TEST_LINE.match(line.strip() if subtest else line)
        if m:
            where = m.group(2)
            name = m.group(1)
            cls = where[:-len(name) - 1] if where.endswith("." + name) else where
            if not cls.startswith(module + "."):
                continue
            test_id = "%s.%s" % (cls[len(PACKAGE):], name)
            if subtest:
                if " ... " in line and line.rstrip().endswith(("FAIL", "ERROR")):
                    results[test_id] = "FAIL"
                continue
            current = test_id
            results.setdefault(current, None)
            if " ... " in line:
                st = status_of(line.split(" ... ", 1)[1])
                if st and results[current] is None:
                    results[current] = st
            continue
        if current is not None and results.get(current) is None:
            text = line.split(" ... ", 1)[1] if " ... " in line else line
            st = status_of(text)
            if st:
                results[current] = st
    return results


def run_file(command, module, cwd):
    try:
        p = subprocess.run(command + ["-m", "unittest", "-v", module], cwd=cwd, capture_output=True, text=True,
                           timeout=TIMEOUT, errors="replace")
    except subprocess.TimeoutExpired:
        return {}, "timed out after %ds" % TIMEOUT
    results = parse(p.stderr, module)
    stop = None
    if p.returncode == 2 and "not supported by asim" in p.stderr:
        stop = next(line for line in p.stderr.splitlines() if "not supported by asim" in line)
        stop = stop.split("test_asyncio/", 1)[-1]
    elif not results:
        lines = p.stderr.strip().splitlines()
        stop = lines[-1] if lines else "exit status %d" % p.returncode
    return results, stop


def passing(results):
    return {t for t, st in results.items() if st == "ok"}


def read_list(version):
    path = os.path.join(HERE, "passlist-%s.txt" % version)
    if not os.path.exists(path):
        return set()
    with open(path) as f:
        return {line.strip() for line in f if line.strip() and not line.startswith("#")}


def write_list(version, ids):
    path = os.path.join(HERE, "passlist-%s.txt" % version)
    with open(path, "w") as f:
        for test_id in sorted(ids):
            f.write(test_id + "\n")


def reasons(asim_results, stop):
    if stop:
        return stop
    failed = sum(1 for st in asim_results.values() if st in ("FAIL", None))
    errors = sum(1 for st in asim_results.values() if st == "ERROR")
    parts = []
    if failed:
        parts.append("%d fail" % failed)
    if errors:
        parts.append("%d error" % errors)
    return ", ".join(parts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--asim", required=True)
    ap.add_argument("--versions", default=",".join(VERSIONS))
    ap.add_argument("--check-only", action="store_true")
    ap.add_argument("--share", type=int, default=1)
    ap.add_argument("--table", action="store_true")
    ap.add_argument("--files", help="only these files (comma-separated names)")
    args = ap.parse_args()
    asim = os.path.abspath(args.asim)
    pythons = [(v, interpreter(v)) for v in args.versions.split(",")]
    pythons = [(v, p) for v, p in pythons if p]
    if not pythons:
        print("no CPython 3.7-3.13 installed: skipped")
        return 77
    cwd = tempfile.mkdtemp()
    regressions = 0
    table = []
    for version, python in pythons:
        listed = read_list(version)
        files = test_files(python, version)
        if args.files:
            files = [f for f in files if f in args.files.split(",")]
        if args.check_only:
            files = [f for f in files if any(t.startswith(f + ".") for t in listed)][::args.share]
        both = set()
        for name in files:
            module = PACKAGE + name
            asim_results, stop = run_file([asim, "exec", "--python", version], module, cwd)
            asim_pass = passing(asim_results)
            wanted = {t for t in listed if t.startswith(name + ".")}
            lost = sorted(wanted - asim_pass)
            for test_id in lost:
                print("REGRESSION %s %s: %s" % (version, test_id, asim_results.get(test_id) or stop or "not run"))
            regressions += len(lost)
            if args.check_only:
                print("%s %s: %d listed, %d pass" % (version, name, len(wanted), len(wanted & asim_pass)))
                continue
            cpython_results, cpython_stop = run_file([python], module, cwd)
            cpython_pass = passing(cpython_results)
            file_both = asim_pass & cpython_pass
            for test_id in sorted(file_both - listed):
                print("NEW %s %s" % (version, test_id))
            both |= file_both
            table.append((version, name, len(cpython_results), len(cpython_pass), len(file_both),
                          len(outside_c(cpython_pass)), len(outside_c(file_both)),
                          reasons({t: s for t, s in asim_results.items() if t in cpython_pass}, stop)))
            print("%s %s: CPython %d pass of %d, asim %d of those" % (
                version, name, len(cpython_pass), len(cpython_results), len(file_both)))
        if not args.check_only and not regressions:
            write_list(version, listed | both)
    if args.table:
        print("\n| version | file | tests | pass on CPython | pass on asim | outside C classes: CPython | asim "
              "| the rest on asim |")
        print("|---|---|---|---|---|---|---|---|")
        for row in table:
            print("| %s | %s | %d | %d | %d | %d | %d | %s |" % row)
        print("\n| version | pass on CPython | pass on asim too | outside C classes: CPython | asim | share |")
        print("|---|---|---|---|---|---|")
        for version in dict.fromkeys(row[0] for row in table):
            rows = [row for row in table if row[0] == version]
            c, a, nc, na = (sum(row[i] for row in rows) for i in (3, 4, 5, 6))
            print("| %s | %d | %d | %d | %d | %d%% |" % (version, c, a, nc, na, 100 * na // max(nc, 1)))
    print("%d regressions" % regressions)
    return 1 if regressions else 0


if __name__ == "__main__":
    sys.exit(main())
