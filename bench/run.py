"""make bench: every program in bench/ under asim and under real CPython 3.13
on the virtual clock, outputs compared, one table of wall-time and
peak-memory ratios against the targets of issue 15 (docs/performance.md).

    python3 bench/run.py [--build build] [--runs 3] [--check] [PROGRAM.py ...]

Runs alternate (asim, CPython, asim, ...) so that load on the machine hits
both alike; each figure is the median of --runs runs. Peak memory is the
child's ru_maxrss from wait4, CPU time its ru_utime + ru_stime. --check runs each program once, small (the
argument SMALL below), and only compares outputs: the ctest bench_outputs.
"""

import argparse
import glob
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CLOCK = os.path.join(ROOT, "tests", "conformance", "virtual_clock.py")
EXPLORE = "explore_8.py"
EXPLORE_SCHEDULES = 10_000
# Each program's first argument scales it; these sizes keep --check to seconds.
SMALL = {
    "as_completed_100k.py": "2000",
    "as_completed_ties.py": "300",
    "async_generators.py": "4000",
    "compute_in_tasks.py": "4",
    "explore_8.py": None,
    "gather_tree.py": "4",
    "queue_pipeline.py": "500",
    "sync_contention.py": "40",
    "taskgroup_fanout.py": "20",
    "wait_timeouts.py": "1500",
}


def find_cpython():
    root = os.path.expanduser("~/.pyenv")
    if shutil.which("pyenv"):
        root = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip()
    found = sorted(glob.glob(os.path.join(root, "versions", "3.13.*", "bin", "python3.13")))
    return found[0] if found else None


def run(cmd):
    """(wall seconds, CPU seconds, peak KB, stdout) of one run of cmd."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Read before waiting: a full pipe would block the child. Both outputs
    # are short, so reading one after the other cannot deadlock.
    out, err = proc.stdout.read(), proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.stdout.close()
    proc.stderr.close()
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"bench: {' '.join(cmd)} exited {code}:\n{err.decode(errors='replace')}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, out


def program_row(asim, python, program, runs):
    name = os.path.basename(program)
    asim_cmd = [asim, "exec", "--python", "3.13", program]
    py_cmd = [python, CLOCK, program]
    a, p = [], []
    for _ in range(runs):
        *figures, a_out = run(asim_cmd)
        a.append(figures)
        *figures, p_out = run(py_cmd)
        p.append(figures)
        if a_out != p_out:
            sys.exit(f"bench: {name}: outputs differ\nasim:    {a_out!r}\nCPython: {p_out!r}")
    a_t, a_cpu, a_m = (statistics.median(f[i] for f in a) for i in range(3))
    p_t, p_cpu, p_m = (statistics.median(f[i] for f in p) for i in range(3))
    met = a_t * 10 <= p_t and a_m < p_m
    return [name, f"{a_t:.2f}", f"{p_t:.2f}", f"1/{p_t / a_t:.1f}", f"1/{p_cpu / a_cpu:.1f}", f"{a_m / 1024:.0f}",
            f"{p_m / 1024:.0f}", f"{a_m / p_m:.2f}", "met" if met else "not met"]


def explore_row(asim, runs):
    program = os.path.join(HERE, EXPLORE)
    cmd = [asim, "explore", "--python", "3.13", "--max-schedules", str(EXPLORE_SCHEDULES), program]
    figures = [run(cmd)[:3] for _ in range(runs)]
    t, cpu, m = (statistics.median(f[i] for f in figures) for i in range(3))
    rate = EXPLORE_SCHEDULES / t
    return [f"{EXPLORE} (explore)", f"{t:.2f}", "-", f"{rate:.0f}/s", f"{EXPLORE_SCHEDULES / cpu:.0f}/s",
            f"{m / 1024:.0f}", "-", "-", "met" if rate >= 10_000 else "not met"]


def print_table(rows):
    head = ["program", "asim s", "CPython s", "time", "CPU", "asim MB", "CPython MB", "memory", "target"]
    widths = [max(len(r[i]) for r in [head] + rows) for i in range(len(head))]
    for r in [head] + rows:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))


def check(asim, python, programs):
    failed = 0
    for program in programs:
        name = os.path.basename(program)
        if name not in SMALL:
            print(f"bench: {name} has no small size in bench/run.py", file=sys.stderr)
            failed += 1
            continue
        extra = [SMALL[name]] if SMALL[name] else []
        a = subprocess.run([asim, "exec", "--python", "3.13", program] + extra, capture_output=True)
        p = subprocess.run([python, CLOCK, program] + extra, capture_output=True)
        same = (a.stdout, a.stderr, a.returncode) == (p.stdout, p.stderr, p.returncode)
        print(f"{'same' if same else 'DIFFERENT'}: {name}")
        if not same:
            print(f"  asim:    {a.returncode} {a.stdout!r} {a.stderr!r}\n  CPython: {p.returncode} {p.stdout!r} {p.stderr!r}")
            failed += 1
    print(f"{len(programs) - failed} passed, {failed} failed")
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("programs", nargs="*")
    args = parser.parse_args()
    asim = os.path.join(args.build, "asim")
    python = find_cpython()
    programs = args.programs or sorted(p for p in glob.glob(os.path.join(HERE, "*.py"))
                                       if os.path.basename(p) != "run.py")
    if python is None:
        print("SKIPPED: no CPython 3.13 found")
        return 77
    if args.check:
        return check(asim, python, programs)
    rows = [program_row(asim, python, p, args.runs) for p in programs if os.path.basename(p) != EXPLORE]
    if any(os.path.basename(p) == EXPLORE for p in programs):
        rows.append(explore_row(asim, args.runs))
    print(f"asim against CPython 3.13 on the virtual clock, medians of {args.runs} alternating runs")
    print_table(rows)
    print("targets: time 1/10 of CPython's or less, less peak memory; exploration 10 000 schedules/s or more")
    print("(time: wall-clock ratio, which the targets judge; CPU: user+system time ratio, less disturbed by load)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
