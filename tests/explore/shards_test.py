"""asim explore --shard K/N for K = 1..N, then --merge of their outputs:
the merged report must be byte-identical to one unsharded run's, in text and
in JSON, for several N and prefix depths, with the shards given in any
order. Also: a missing shard is refused.

    python3 tests/explore/shards_test.py path/to/asim
"""

import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAM = os.path.join(HERE, "shard_mix.py")


def asim(binary, *args):
    r = subprocess.run([binary, "explore", "--python", "3.12", *args], capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def main():
    binary = sys.argv[1]
    failed = passed = 0
    with tempfile.TemporaryDirectory() as tmp:
        singles = {}
        for fmt in ("text", "json"):
            code, singles[fmt], err = asim(binary, "--format", fmt, PROGRAM)
            assert code == 0, err
        for n in (1, 2, 3, 30):
            for depth in (1, 3):
                files = []
                for k in range(1, n + 1):
                    code, out, err = asim(binary, "--shard", f"{k}/{n}", "--shard-depth", str(depth), PROGRAM)
                    assert code == 0, err
                    path = os.path.join(tmp, f"{k}.json")
                    with open(path, "w") as f:
                        f.write(out)
                    files.append(path)
                for fmt, single in singles.items():
                    code, merged, err = asim(binary, "--format", fmt, "--merge", *reversed(files))
                    if code == 0 and merged == single:
                        passed += 1
                    else:
                        failed += 1
                        print(f"DIFFERENT: {fmt}, {n} shards, depth {depth}:\n{err}{merged}\n--- single run:\n{single}")
        code, _, err = asim(binary, "--merge", os.path.join(tmp, "1.json"))
        if code != 0 and "missing" in err:
            passed += 1
        else:
            failed += 1
            print(f"a missing shard was not refused: {code} {err}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
