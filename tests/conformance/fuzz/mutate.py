"""Front-end mutation fuzzer: does asim reject (and accept) what CPython does?

Usage: python3 tests/conformance/fuzz/mutate.py --asim ASIM [--count N] [--seed S]
           [--versions 3.7,3.8,...] [--show K] [--jobs J] [--report FILE]
           [--report-stderr FILE] [PATHS ...]

Takes the project's scenarios (or PATHS: .py files or folders), applies a few
random mutations to each mutant (delete, duplicate or swap lines, change the
indentation, insert tabs, form feeds, lone carriage returns, null bytes,
characters and tokens, cut the file), and compiles every mutant with each
installed CPython and with `ASIM exec --compile-only --python X.Y`. Exit status 77 (skipped)
without any CPython 3.7-3.13.

CPython only compiles: it runs the file as its main script (so it reads it
as it reads any script) with a sitecustomize that exits at the first line
the program would execute. A mutant CPython rejects must be rejected by asim
with the same exception class and line; one CPython accepts must be accepted
or refused as "not supported by asim" (exit 2). Messages and the whole stderr
are compared too and counted, but do not fail the run.

Deterministic: the same seed, scenarios and interpreters give the same
mutants and the same report. The first differing mutants are printed with a
shrunk form (lines removed while the difference stays). Exit status 1 when a
mutant differs in acceptance, class or line. --report writes every differing
mutant, one JSON object a line (its source, both last stderr lines), to sort
the differences into classes.
"""

import argparse
import concurrent.futures
import glob
import json
import os
import random
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
VERSIONS = ["3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]

# Stops the interpreter once the main script compiled: its first trace event.
SITECUSTOMIZE = """\
import os, sys
def _asim_stop(frame, event, arg):
    if frame.f_globals.get("__name__") == "__main__":
        os._exit(0)
sys.settrace(_asim_stop)
"""

TOKENS = ["if", "else:", "elif", "def", "return", "await", "async", "lambda", "for", "in", "not", "pass",
          "class", "try:", "except", "finally:", "with", "yield", "global", "(", ")", "[", "]", "{", "}",
          ":", ",", "=", "==", ":=", "*", "**", ".", "...", "->", "'", '"', '"""', "f'", "b'", "0x", "1_",
          "1.", "1e", "09", "\\", "#", "@", "!", "$", "?", "`"]
CHARS = "()[]{}:;,.=+-*/%'\"#\\ \t\n@!<>&|^~xyz019_"


def interpreter(version):
    root = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip()
    found = sorted(glob.glob(os.path.join(root, "versions", version + ".*", "bin", "python" + version)))
    return found[-1] if found else None


def minimum(text):
    m = re.match(rb"# asim: python>=(3\.\d+)", text)
    return tuple(int(x) for x in m.group(1).split(b".")) if m else (3, 7)


def scenarios(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            files += glob.glob(os.path.join(p, "**", "*.py"), recursive=True)
        else:
            files.append(p)
    return sorted(os.path.abspath(f) for f in files)


# ------------------------------------------------------------------ mutations

def pick_line(rng, lines):
    return rng.randrange(len(lines)) if lines else 0


def m_delete_line(rng, lines):
    if lines:
        del lines[pick_line(rng, lines)]


def m_duplicate_line(rng, lines):
    if lines:
        i = pick_line(rng, lines)
        lines.insert(i, lines[i])


def m_swap_lines(rng, lines):
    if len(lines) > 1:
        i = rng.randrange(len(lines) - 1)
        lines[i], lines[i + 1] = lines[i + 1], lines[i]


def m_indent(rng, lines):
    if lines:
        i = pick_line(rng, lines)
        n = rng.choice([1, 2, 4, 8])
        if rng.random() < 0.5:
            lines[i] = b" " * n + lines[i]
        else:
            lines[i] = lines[i][min(n, len(lines[i]) - len(lines[i].lstrip(b" "))):]


def m_tab(rng, lines):
    if lines:
        i = pick_line(rng, lines)
        stripped = lines[i].lstrip(b" ")
        indent = len(lines[i]) - len(stripped)
        mode = rng.randrange(3)
        if mode == 0:  # a tab in place of 8 spaces or of all of them
            lines[i] = b"\t" * (indent // 8) + b" " * (indent % 8) + stripped if indent >= 8 else b"\t" + stripped
        elif mode == 1:
            lines[i] = b"\t" + lines[i]
        else:
            lines[i] = b" " * (indent // 2) + b"\t" + stripped


def insert_at(rng, lines, piece):
    if not lines:
        lines.append(piece)
        return
    i = pick_line(rng, lines)
    j = rng.randrange(len(lines[i]) + 1)
    lines[i] = lines[i][:j] + piece + lines[i][j:]


def m_char(rng, lines):
    insert_at(rng, lines, rng.choice(CHARS).encode())


def m_token(rng, lines):
    insert_at(rng, lines, (" " + rng.choice(TOKENS) + rng.choice(["", " "])).encode())


def m_delete_char(rng, lines):
    if lines:
        i = pick_line(rng, lines)
        if lines[i]:
            j = rng.randrange(len(lines[i]))
            lines[i] = lines[i][:j] + lines[i][j + 1:]


def m_carriage_return(rng, lines):
    # Often in a comment: what follows becomes code for CPython.
    comments = [k for k, l in enumerate(lines) if b"#" in l]
    if comments and rng.random() < 0.6:
        i = rng.choice(comments)
        j = lines[i].index(b"#") + rng.randrange(len(lines[i]) - lines[i].index(b"#"))
        lines[i] = lines[i][:j] + b"\r" + lines[i][j:]
    else:
        insert_at(rng, lines, b"\r")


def m_null(rng, lines):
    insert_at(rng, lines, b"\0")


def m_form_feed(rng, lines):
    if lines:
        i = pick_line(rng, lines)
        lines[i] = b"\f" + lines[i]


def m_continuation(rng, lines):
    if lines:
        i = pick_line(rng, lines)
        lines[i] = lines[i] + rng.choice([b" \\", b"\\", b"\\ "])


def m_cut(rng, lines):
    text = b"\n".join(lines)
    if text:
        cut = rng.randrange(len(text))
        lines[:] = text[:cut].split(b"\n")


MUTATIONS = [m_delete_line, m_duplicate_line, m_swap_lines, m_indent, m_tab, m_char, m_token, m_delete_char,
             m_carriage_return, m_null, m_form_feed, m_continuation, m_cut]


def mutate(rng, text):
    lines = text.split(b"\n")
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        rng.choice(MUTATIONS)(rng, lines)
    return b"\n".join(lines)


# ------------------------------------------------------------------ outcomes

class Outcome:
    """What compiling gave: accepted, unsupported, or rejected with class/line/message."""

    def __init__(self, exit_code, stderr):
        self.exit = exit_code
        self.stderr = stderr
        self.cls = self.line = self.message = None
        if exit_code == 1:
            last = [l for l in stderr.splitlines() if l.strip()]
            m = re.match(r"(\w+): (.*)", last[-1]) if last else None
            if m:
                self.cls, self.message = m.group(1), m.group(2)
            lines = re.findall(r'^  File "[^"]*", line (\d+)', stderr, re.M)
            self.line = int(lines[-1]) if lines else None

    def accepted(self):
        return self.exit == 0

    def last_line(self):
        lines = [l for l in self.stderr.splitlines() if l.strip()]
        return lines[-1] if lines else ""

    def key(self):
        return (self.accepted(), self.cls, self.line)


def run_cpython(python, path, site):
    env = dict(os.environ, PYTHONPATH=site, PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
    env.pop("PYTHONSTARTUP", None)
    r = subprocess.run([python, path], capture_output=True, env=env, cwd=os.path.dirname(path), timeout=60)
    return Outcome(r.returncode, r.stderr.decode("utf-8", "replace"))


def run_asim(asim, version, path):
    r = subprocess.run([asim, "exec", "--compile-only", "--python", version, path], capture_output=True,
                       cwd=os.path.dirname(path), timeout=60)
    return Outcome(r.returncode, r.stderr.decode("utf-8", "replace"))


def differs(cp, asim):
    """The difference that fails the run, or None."""
    if cp.accepted():
        return None if asim.exit in (0, 2) else "CPython accepts, asim rejects"
    if asim.exit != 1:
        return "CPython rejects, asim %s" % ("accepts" if asim.exit == 0 else "exits %d" % asim.exit)
    if cp.cls != asim.cls:
        return "class %s, asim %s" % (cp.cls, asim.cls)
    if cp.line != asim.line:
        return "line %s, asim %s" % (cp.line, asim.line)
    return None


class Checker:
    def __init__(self, asim, pythons, workdir, site):
        self.asim, self.pythons, self.workdir, self.site = asim, pythons, workdir, site

    def compare(self, text, version, name):
        path = os.path.join(self.workdir, name)
        with open(path, "wb") as f:
            f.write(text)
        cp = run_cpython(self.pythons[version], path, self.site)
        asim = run_asim(self.asim, version, path)
        return cp, asim

    def shrink(self, text, version, name, problem_kind):
        """Removes lines while a difference of the same kind stays."""
        lines = text.split(b"\n")
        changed = True
        while changed:
            changed = False
            for i in range(len(lines) - 1, -1, -1):
                trial = lines[:i] + lines[i + 1:]
                cp, asim = self.compare(b"\n".join(trial), version, name)
                d = differs(cp, asim)
                if d and d.split(",")[0] == problem_kind:
                    lines = trial
                    changed = True
        return b"\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--asim", required=True)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--versions", default=",".join(VERSIONS))
    ap.add_argument("--show", type=int, default=5, help="differing mutants to print (shrunk)")
    ap.add_argument("--report-stderr", help="write the mutants whose stderr alone differs (JSON lines, both stderrs)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--report", help="write every differing mutant here (JSON lines)")
    args = ap.parse_args()

    pythons = {}
    for v in args.versions.split(","):
        p = interpreter(v)
        if p:
            pythons[v] = p
    if not pythons:
        print("SKIPPED: no CPython 3.7-3.13 found")
        return 77
    files = scenarios(args.paths or [os.path.join(ROOT, "scenarios")])
    sources = [(f, open(f, "rb").read()) for f in files]
    rng = random.Random(args.seed)
    mutants = []
    for i in range(args.count):
        origin, text = sources[rng.randrange(len(sources))]
        mutants.append((i, origin, mutate(rng, text), minimum(text)))

    stats = {"runs": 0, "rejected": 0, "failures": 0, "message": 0, "stderr": 0}
    failures = []
    stderr_only = []
    with tempfile.TemporaryDirectory(prefix="asim-mutate-") as tmp:
        site = os.path.join(tmp, "site")
        os.mkdir(site)
        with open(os.path.join(site, "sitecustomize.py"), "w") as f:
            f.write(SITECUSTOMIZE)
        checker = Checker(os.path.abspath(args.asim), pythons, tmp, site)

        def job(item):
            i, origin, text, least = item
            out = []
            for v in pythons:
                if tuple(int(x) for x in v.split(".")) < least:
                    continue
                cp, asim = checker.compare(text, v, "m%d_%s.py" % (i, v.replace(".", "")))
                out.append((v, cp, asim))
            return item, out

        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            for item, results in pool.map(job, mutants):
                i, origin, text, _ = item
                for v, cp, asim in results:
                    stats["runs"] += 1
                    stats["rejected"] += not cp.accepted()
                    d = differs(cp, asim)
                    if d:
                        stats["failures"] += 1
                        failures.append((i, origin, text, v, d, cp, asim))
                    elif not cp.accepted():
                        stats["message"] += cp.message != asim.message
                        stats["stderr"] += cp.stderr != asim.stderr
                        if cp.stderr != asim.stderr:
                            stderr_only.append((i, origin, text, v, cp, asim))

        print("seed %d: %d mutants, %d compilations (%d rejected by CPython): %d differ in acceptance, class or "
              "line; %d more in the message, %d more elsewhere in stderr"
              % (args.seed, len(mutants), stats["runs"], stats["rejected"], stats["failures"],
                 stats["message"], stats["stderr"] - stats["message"]))
        if args.report:
            with open(args.report, "w") as out:
                for i, origin, text, v, d, cp, asim in failures:
                    out.write(json.dumps({"seed": args.seed, "mutant": i, "origin": os.path.relpath(origin, ROOT),
                                          "python": v, "difference": d, "cpython": cp.last_line(),
                                          "asim": asim.last_line(), "source": text.decode("latin-1")}) + "\n")
        if args.report_stderr:
            with open(args.report_stderr, "w") as out:
                for i, origin, text, v, cp, asim in stderr_only:
                    out.write(json.dumps({"seed": args.seed, "mutant": i, "origin": os.path.relpath(origin, ROOT),
                                          "python": v, "cpython": cp.stderr, "asim": asim.stderr,
                                          "source": text.decode("latin-1")}) + "\n")
        for i, origin, text, v, d, cp, asim in failures[:args.show]:
            name = "m%d_%s.py" % (i, v.replace(".", ""))
            shrunk = checker.shrink(text, v, name, d.split(",")[0])
            cp, asim = checker.compare(shrunk, v, name)
            print("\n--- mutant %d of %s, Python %s: %s" % (i, os.path.relpath(origin, ROOT), v, d))
            print("shrunk source: %r" % shrunk)
            print("CPython (exit %d):\n%sasim (exit %d):\n%s" % (cp.exit, cp.stderr, asim.exit, asim.stderr))
    return 1 if stats["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
