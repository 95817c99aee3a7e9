"""Differential fuzzing: generated programs on real CPython and on asim.

Usage (any python3, standard library only):

    python3 tests/conformance/fuzz/run.py --asim build/asim [--count 100] [--seed 1]
        [--generator asyncio|lang|numbers] [--jobs 2] [--python 3.7,3.13] [--out DIR]
        [--seeds 3,5,8] [--no-shrink] [--skip-exit-code 77]
    python3 tests/conformance/fuzz/run.py --asim build/asim --file PROGRAM.py [--python 3.7]

Program k of a run is `generate.py SEED+k` (asyncio scheduling, the default)
or `generate_lang.py SEED+k` (--generator lang: builtins, types, formatting,
classes, generators, exceptions and tracebacks) or `generate_numbers.py
SEED+k` (--generator numbers: random ints and floats through repr, format
specs, %-formatting, arithmetic and conversions).  Each runs on every installed
CPython 3.7-3.13 exactly as tests/conformance/capture.py runs a scenario
(virtual_clock.py, PYTHONHASHSEED=0, PYTHONDONTWRITEBYTECODE=1, no
PYTHONWARNINGS, the program's folder as current folder) and on
`asim exec --python X.Y`; stdout, stderr (addresses as 0x?) and exit status
must be the same, in asim's default order or in another order of its
choice points (`asim explore`, replayed with `asim exec --replay`: orders
CPython takes from memory addresses).  On a difference the program is shrunk (shrink.py) against
the first version that differs, and the seed, the difference and the minimal
program are printed; both programs are kept in --out.  Exit status: 0 when
every program matched, 1 on any difference, --skip-exit-code when no CPython
is installed.
"""

import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import capture  # noqa: E402  (tests/conformance/capture.py: interpreters, versions)
import generate  # noqa: E402
import generate_lang  # noqa: E402
import generate_numbers  # noqa: E402
import shrink  # noqa: E402

HARNESS = os.path.join(os.path.dirname(HERE), "virtual_clock.py")
ADDRESS = re.compile(r"0x[0-9a-fA-F]+")
TIMEOUT = 120
GENERATORS = {"asyncio": generate.generate, "lang": generate_lang.generate, "numbers": generate_numbers.generate}


FRAME = re.compile(r'  File "([^"]*)", line \d+')
# The margin of an exception group's traceback ("  | ", deeper when nested).
GROUP_MARGIN = re.compile(r"^ *\| ")


def user_frames(stderr, path):
    """stderr with the traceback entries of other files than the program
    dropped, on both sides: these programs are about scheduling, and asim
    shows CPython's library frames only where it models them (asyncio's
    own, model/asyncio/library_frames.hpp; the traceback corpus checks those).
    Inside exception groups' tracebacks too."""
    out = []
    skipping = False
    for line in stderr.splitlines(keepends=True):
        margin = GROUP_MARGIN.match(line)
        inner = line[margin.end():] if margin else line
        m = FRAME.match(inner)
        if m:
            skipping = m.group(1) != path
        elif skipping and not inner.startswith("    "):
            skipping = False
        if not skipping:
            out.append(line)
    return "".join(out)


def run_cpython(exe, path):
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONWARNINGS", None)
    env.pop("ASIM_HANDLE_LOG", None)
    env.pop("ASIM_CLAIM_LOG", None)
    out, err, status = execute([exe, HARNESS, path], env, path)
    return out, user_frames(err, path), status


def run_asim(asim, version, path):
    out, err, status = execute([asim, "exec", "--python", version, path], dict(os.environ), path)
    return out, user_frames(err, path), status


def execute(argv, env, path):
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, env=env,
                              cwd=os.path.dirname(path), timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return ("", f"<no exit after {TIMEOUT}s>", "timeout")
    return (proc.stdout, ADDRESS.sub("0x?", proc.stderr), proc.returncode)


CP_DEADLOCK = re.compile(r"asim-harness: deadlock \(no ready callbacks and no timers; virtual time (\S+), tick (\d+)\)")
MODEL_DEADLOCK = re.compile(r"asim: deadlock at virtual time (\S+) \(tick (\d+)\)")


def both_deadlocked(cp, model):
    """CPython on the harness stops a program that would wait forever with a
    RuntimeError; asim stops it with exit 2. Same time and tick: agreement."""
    a, b = CP_DEADLOCK.search(cp[1]), MODEL_DEADLOCK.search(model[1])
    return a and b and model[2] == 2 and a.groups() == b.groups()


def first_difference(cp, model):
    """None when the runs agree, else (what differs, a one-line description)."""
    if both_deadlocked(cp, model):
        # After the harness's RuntimeError, asyncio.run still cancels the
        # tasks left and runs them: CPython may print more lines.
        if cp[0].startswith(model[0]):
            return None
        cp, model = cp[:1], model[:1]
    for what, a, b in zip(("stdout", "stderr", "exit"), cp, model):
        if a == b:
            continue
        if what == "exit":
            return what, f"exit: CPython {a} | asim {b}"
        al, bl = a.splitlines(), b.splitlines()
        for k in range(max(len(al), len(bl))):
            x = al[k] if k < len(al) else "<end>"
            y = bl[k] if k < len(bl) else "<end>"
            if x != y:
                return what, f"{what} line {k + 1}: CPython {x!r} | asim {y!r}"
        return what, f"{what}: differs in line endings"
    return None


def another_order(asim, version, path, cp):
    """Whether some schedule of asim's choice points (orders CPython takes
    from memory addresses, DESIGN section 4) gives exactly CPython's run."""
    proc = subprocess.run([asim, "explore", "--python", version, "--format", "json",
                           "--max-schedules", "500", path],
                          capture_output=True, text=True, cwd=os.path.dirname(path), timeout=TIMEOUT)
    try:
        outcomes = json.loads(proc.stdout)["outcomes"]
    except (ValueError, KeyError):
        return False
    for o in outcomes:
        # A prefix: after a deadlock CPython may print more (both_deadlocked).
        if len(outcomes) > 1 and cp[0].startswith(o["stdout"]):
            out, err, status = execute([asim, "exec", "--python", version, "--replay", o["replay"], path],
                                       dict(os.environ), path)
            replay = (out, user_frames(err, path), status)
            if first_difference(cp, replay) is None:
                return True
    return False


def compare(exe, asim, version, path, cp=None):
    """None when asim runs the program as CPython does (in its default order
    or another one), else (what differs, a one-line description)."""
    cp = cp or run_cpython(exe, path)
    diff = first_difference(cp, run_asim(asim, version, path))
    if diff and another_order(asim, version, path, cp):
        return None
    return diff


def check(source, path, exes, versions, asim):
    """Writes source to path; the differences, as (version, what, text)."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(source)
    found = []
    for v in versions:
        diff = compare(exes[v], asim, v, path)
        if diff:
            found.append((v,) + diff)
    return found


BROKEN = re.compile(r"^(NameError|UnboundLocalError|AttributeError|TypeError)\b", re.M)


def still_differs(path, exe, version, what, asim):
    """The shrinking predicate: the same kind of difference on that version;
    asim still runs the program (exit 2 would be a different failure) and
    CPython does not fail on a name or call a removed line left dangling."""
    def holds(source):
        with open(path, "w", encoding="utf-8") as f:
            f.write(source)
        if run_asim(asim, version, path)[2] == 2:
            return False
        cp = run_cpython(exe, path)
        if BROKEN.search(cp[1]):
            return False
        diff = compare(exe, asim, version, path, cp)
        return diff is not None and diff[0] == what
    return holds


def fuzz_one(seed, exes, versions, args, workdir):
    if args.file:
        with open(args.file, encoding="utf-8") as f:
            source = f.read()
    else:
        source = GENERATORS[args.generator](seed)
    path = os.path.join(workdir, f"seed_{seed}.py")
    diffs = check(source, path, exes, versions, args.asim)
    if not diffs:
        os.unlink(path)
        return seed, None
    report = [f"seed {seed}: differs on {', '.join(d[0] for d in diffs)}"]
    report += [f"  {v}: {text}" for v, _, text in diffs]
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, f"seed_{seed}.py"), "w", encoding="utf-8") as f:
        f.write(source)
    if not args.no_shrink:
        version, what, _ = diffs[0]
        spath = os.path.join(workdir, f"seed_{seed}_min.py")
        small = shrink.shrink(source, still_differs(spath, exes[version], version, what, args.asim))
        final = check(small, spath, exes, versions, args.asim)
        out = os.path.join(args.out, f"seed_{seed}.min.py")
        with open(out, "w", encoding="utf-8") as f:
            f.write(small)
        os.unlink(spath)
        report.append(f"  shrunk on {version} ({what}) to {out}:")
        report += [f"    {v}: {text}" for v, _, text in final]
        report += ["    | " + line for line in small.splitlines()]
    os.unlink(path)
    return seed, "\n".join(report)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--asim", required=True, help="the asim binary")
    ap.add_argument("--count", type=int, default=100, help="programs to generate")
    ap.add_argument("--seed", type=int, default=1, help="seed of the first program")
    ap.add_argument("--seeds", help="these seeds (comma-separated) instead of --count from --seed")
    ap.add_argument("--generator", choices=sorted(GENERATORS), default="asyncio",
                    help="which programs: asyncio scheduling or core language")
    ap.add_argument("--jobs", type=int, default=2, help="programs checked at a time")
    ap.add_argument("--python", default=",".join(capture.VERSIONS), help="versions, e.g. 3.7,3.13")
    ap.add_argument("--file", help="check (and shrink) this program instead of generated ones")
    ap.add_argument("--out", default="fuzz-out", help="folder for differing programs")
    ap.add_argument("--no-shrink", action="store_true", help="report differences without shrinking")
    ap.add_argument("--skip-exit-code", type=int, default=0,
                    help="exit status when no CPython is installed (ctest: 77)")
    args = ap.parse_args(argv)
    args.asim = os.path.abspath(args.asim)
    args.out = os.path.abspath(args.out)

    exes = capture.interpreters()
    wanted = args.python.split(",")
    versions = [v for v in wanted if v in exes]
    for v in wanted:
        if v not in exes:
            print(f"SKIPPED: no CPython {v} found", file=sys.stderr)
    if not versions:
        return args.skip_exit_code

    failed = 0
    with tempfile.TemporaryDirectory(prefix="asim-fuzz-") as workdir, \
            concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        seeds = [args.seed] if args.file else range(args.seed, args.seed + args.count)
        if args.seeds:
            seeds = [int(s) for s in args.seeds.split(",")]
        args.count = len(seeds)
        jobs = [pool.submit(fuzz_one, s, exes, versions, args, workdir) for s in seeds]
        for job in jobs:
            seed, report = job.result()
            if report:
                failed += 1
                print(report, flush=True)
    which = args.seeds or f"{args.seed}..{args.seed + args.count - 1}"
    print(f"fuzz ({args.generator}): {args.count - failed} of {args.count} programs (seeds {which}) "
          f"match on {', '.join(versions)}; {failed} differ")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
