"""Capture what real CPython prints for the thread programs (stdlib only).

Usage: python3 tests/threads/capture_threads.py [FILE.py ...]   (default: all)

The programs start threads, which real CPython runs on the real clock: the
virtual-clock harness of scenarios/ cannot run them, so each runs here as a
plain `pythonX.Y FILE.py`, three times, and FILE.expected.json gets per
version its stdout, its stderr without CPython's library frames, and the
exit status. The programs space what they print far enough apart in time
that CPython's order does not depend on the machine's load; three runs that
disagree stop the capture, since such a program tests nothing.
"""

import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "conformance"))
sys.path.insert(0, os.path.join(HERE, "..", "conformance", "fuzz"))
import capture as conformance  # noqa: E402  (interpreters, wanted_versions)
import run as fuzz_run  # noqa: E402  (user_frames, execute, run_asim)


def normalized(path, out, err, status):
    """What a run is compared by: its stdout, its stderr with only the
    program's own traceback frames and no addresses, its exit status; the
    programs' folder written as <dir>, so the files hold on any checkout."""
    folder = os.path.dirname(path)
    return {"stdout": out.replace(folder, "<dir>"), "stderr": fuzz_run.user_frames(err, path).replace(folder, "<dir>"),
            "exit": status}


def run_once(python, path):
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
    return normalized(path, *fuzz_run.execute([python, path], env, path))


def capture(path, exes):
    expected = {}
    for version in conformance.wanted_versions(path):
        runs = [run_once(exes[version], path) for _ in range(3)]
        if any(r != runs[0] for r in runs):
            sys.exit("%s: CPython %s printed different things in three runs" % (path, version))
        expected[version] = runs[0]
    out = path[:-3] + ".expected.json"
    with open(out, "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")
    print("%s: %s" % (os.path.relpath(out), ", ".join(expected)))


def main(argv):
    exes = conformance.interpreters()
    for path in sorted(argv or glob.glob(os.path.join(HERE, "*.py"))):
        if os.path.basename(path) not in ("capture_threads.py", "check.py"):
            capture(os.path.abspath(path), exes)


if __name__ == "__main__":
    main(sys.argv[1:])
