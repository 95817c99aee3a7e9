"""Capture a scenario's expected outputs from real CPython 3.7-3.13.

Usage (any python3, standard library only):

    python3 tests/conformance/capture.py scenarios/as_completed/seed_question.py [...]
    python3 tests/conformance/capture.py --all

For each scenario it runs every installed CPython 3.7..3.13 on the virtual
clock (virtual_clock.py) and writes SCENARIO.expected.json next to it:

    {"3.12": {"stdout": "...", "stderr_last_line": "...", "exit": 0,
              "claims": [["text", true], ...]}, ...}

A scenario may restrict its versions with a first-line comment
`# asim: python>=3.11`.  Runs use PYTHONHASHSEED=0 so that set and dict
orders of str keys are reproducible.
"""

import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VERSIONS = ["3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]


def pyenv_root():
    try:
        return subprocess.run(["pyenv", "root"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return os.path.expanduser("~/.pyenv")


def interpreters():
    """The installed CPython for each version, found under pyenv."""
    root = os.path.join(pyenv_root(), "versions")
    found = {}
    if os.path.isdir(root):
        for name in sorted(os.listdir(root)):
            m = re.fullmatch(r"(3\.\d+)\.\d+", name)
            exe = m and os.path.join(root, name, "bin", "python" + m.group(1))
            if m and m.group(1) in VERSIONS and os.path.exists(exe):
                found[m.group(1)] = exe
    return found


def wanted_versions(path):
    """The versions a scenario declares, from `# asim: python>=3.11` on line 1."""
    with open(path, "rb") as f:  # the file may declare any encoding (PEP 263)
        first = f.readline().decode("latin-1")
    m = re.search(r"#\s*asim:\s*python>=(3\.\d+)", first)
    if not m:
        return VERSIONS
    low = tuple(int(x) for x in m.group(1).split("."))
    return [v for v in VERSIONS if tuple(int(x) for x in v.split(".")) >= low]


def run_one(exe, path):
    """stdout, the last line of stderr, exit status and claims of one run."""
    with tempfile.NamedTemporaryFile("r", suffix=".claims", delete=False) as claims_file:
        claims_path = claims_file.name
    env = dict(os.environ, PYTHONHASHSEED="0", ASIM_CLAIM_LOG=claims_path, PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONWARNINGS", None)
    path = os.path.abspath(path)
    proc = subprocess.run([exe, os.path.join(HERE, "virtual_clock.py"), path], capture_output=True, text=True,
                          env=env, cwd=os.path.dirname(os.path.abspath(path)), timeout=600)
    claims = []
    try:
        with open(claims_path, encoding="utf-8") as f:
            for line in f:
                ok, _, text = line.rstrip("\n").partition("\t")
                claims.append([text, ok == "PASS"])
    finally:
        os.unlink(claims_path)
    err_lines = [l for l in proc.stderr.splitlines() if l.strip()]
    return {
        "stdout": proc.stdout,
        "stderr_last_line": err_lines[-1] if err_lines else "",
        "exit": proc.returncode,
        "claims": claims,
    }


def capture(path, exes):
    result = {}
    for version in wanted_versions(path):
        if version not in exes:
            print(f"  {version}: not installed, skipped", file=sys.stderr)
            continue
        result[version] = run_one(exes[version], path)
    out = os.path.splitext(path)[0] + ".expected.json"
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"{path}: {', '.join(result)} -> {os.path.relpath(out, ROOT)}")


def main(argv):
    exes = interpreters()
    if not exes:
        sys.exit("capture.py: no CPython 3.7-3.13 found under pyenv")
    paths = argv
    if argv == ["--all"]:
        paths = []
        for dirpath, _, files in os.walk(os.path.join(ROOT, "scenarios")):
            paths += [os.path.join(dirpath, f) for f in sorted(files) if f.endswith(".py")]
    for path in sorted(paths):
        capture(path, exes)


if __name__ == "__main__":
    main(sys.argv[1:])
