"""asim against what real CPython printed for the thread programs.

Usage: python3 tests/threads/check.py ASIM

Each program of this folder runs under `asim exec --python X.Y` for every
version its FILE.expected.json holds (captured by capture_threads.py from plain
CPython runs) and must print the same stdout, the same stderr (the
program's own traceback frames; library frames and addresses left out on
both sides) and exit the same way.
"""

import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import capture_threads as capture  # noqa: E402
from capture_threads import fuzz_run  # noqa: E402


# Under `make asan` the sanitizer's runtime warns once, on stderr, that it
# follows ucontext switches (the fibers) only as far as they tell it.
ASAN_UCONTEXT_WARNING = re.compile(r"^==\d+==WARNING: ASan doesn't fully support makecontext/swapcontext.*\n", re.M)


def main(asim):
    failures = 0
    checked = 0
    for expected_path in sorted(glob.glob(os.path.join(HERE, "*.expected.json"))):
        path = expected_path[:-len(".expected.json")] + ".py"
        with open(expected_path) as f:
            expected = json.load(f)
        for version, want in expected.items():
            out, err, status = fuzz_run.run_asim(asim, version, path)
            got = capture.normalized(path, out, ASAN_UCONTEXT_WARNING.sub("", err), status)
            checked += 1
            if got != want:
                failures += 1
                print("FAIL %s on %s" % (os.path.basename(path), version))
                for key in ("stdout", "stderr", "exit"):
                    if got[key] != want[key]:
                        print("  %s: CPython %r\n  %s: asim    %r" % (key, want[key], key, got[key]))
    print("%d of %d runs match" % (checked - failures, checked))
    return 1 if failures or not checked else 0


if __name__ == "__main__":
    sys.exit(main(os.path.abspath(sys.argv[1])))
