"""Capture what real CPython prints for the traceback corpus (stdlib only).

Usage: python3 tests/lang/tracebacks/capture.py [FILE.py ...]   (default: all)

Each program runs under every installed CPython 3.7-3.13 (or those its
`# asim: python>=3.X` line allows) and FILE.expected.json gets, per version,
the whole stderr and the exit status. The directory of the programs is
written as `<dir>` so the file holds on any checkout, and the interpreter's
Lib folder as `<lib>`: asyncio's own frames (model/asyncio/library_frames.hpp)
name it, and the test runs asim with `<lib>` as the installed Lib.
"""

import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VERSIONS = ["3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]


def interpreter(version):
    root = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip()
    found = sorted(glob.glob(os.path.join(root, "versions", version + ".*", "bin", "python" + version)))
    return found[-1] if found else None


def minimum(path):
    with open(path, "rb") as f:  # the corpus has files in other encodings
        m = re.match(rb"# asim: python>=(3\.\d+)", f.readline())
    return tuple(int(x) for x in m.group(1).split(b".")) if m else (3, 7)


def capture(path):
    expected = {}
    for version in VERSIONS:
        if tuple(int(x) for x in version.split(".")) < minimum(path):
            continue
        python = interpreter(version)
        if not python:
            sys.exit("CPython %s is not installed" % version)
        lib = subprocess.run([python, "-c", "import os; print(os.path.dirname(os.__file__))"],
                             capture_output=True, text=True, check=True).stdout.strip()
        run = subprocess.run([python, path], capture_output=True, text=True, cwd=HERE)
        stderr = run.stderr.replace(HERE, "<dir>").replace(lib + "/", "<lib>/")
        expected[version] = {"stderr": stderr, "exit": run.returncode}
    out = path[:-3] + ".expected.json"
    with open(out, "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")
    print("%s: %s" % (os.path.relpath(out), ", ".join(expected)))


if __name__ == "__main__":
    paths = sys.argv[1:] or sorted(p for p in glob.glob(os.path.join(HERE, "*.py")) if p != os.path.abspath(__file__))
    for p in paths:
        capture(os.path.abspath(p))
