"""Orders that follow object addresses: asim exec against every installed CPython.

Usage: python3 tests/cli/address_order.py ASIM

CPython iterates a set of objects hashed by address (class instances, tasks,
coroutines) in an order its allocator decides; asyncio's wait, as_completed
and asyncio.run's shutdown iterate such sets. asim cannot know addresses: it
takes insertion order and checks, with a second run that reverses every such
order, whether the output depends on it (model/cli/address_order_check.hpp).

Programs of our own, run by real CPython and by asim exec on each version:
- DEPENDENT programs print such an order. CPython's outputs differ between
  versions (shown here, so the premise is checked, not assumed); asim must
  stop with exit 2 naming the line where the order was taken, after printing
  exactly what CPython printed before that line.
- INDEPENDENT programs take such orders without printing them (sorted, summed,
  cancelled quietly), some reading standard input after the order was taken,
  some writing to both streams: asim must print CPython's bytes (stdout and
  stderr through one pipe) and exit status.
With standard input a terminal, the check runs the program again after the
first run rather than beside it: the same answers are asked of that path.
Exits 77 when no CPython is installed.
"""

import glob
import os
import pty
import subprocess
import sys
import tempfile

VERSIONS = ["3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]

# name: (program, the line where the first such order is taken, what it is)
DEPENDENT = {
    "instances.py": (
        "class Job:\n"
        "    def __init__(self, name):\n"
        "        self.name = name\n"
        "print('making jobs')\n"
        "jobs = {Job(name) for name in 'abcdef'}\n"
        "print(len(jobs), 'jobs')\n"
        "for job in jobs:\n"
        "    print('job', job.name)\n",
        7,
        "a set of objects hashed by address",
    ),
    "wait_done.py": (
        "import asyncio\n"
        "async def work(n):\n"
        "    await asyncio.sleep(0.1)\n"
        "    return n * 10\n"
        "async def main():\n"
        "    tasks = [asyncio.ensure_future(work(n)) for n in range(5)]\n"
        "    done, pending = await asyncio.wait(tasks)\n"
        "    print(len(done), 'done,', len(pending), 'pending')\n"
        "    for task in done:\n"
        "        print('result', task.result())\n"
        "asyncio.run(main())\n",
        9,
        "a set of objects hashed by address",
    ),
    "as_completed_start.py": (
        "import asyncio\n"
        "async def job(n):\n"
        "    print('start', n)\n"
        "    await asyncio.sleep(n / 2)\n"
        "    return n\n"
        "async def main():\n"
        "    print('main')\n"
        "    for coro in asyncio.as_completed([job(n) for n in range(1, 5)]):\n"
        "        print('result', await coro)\n"
        "asyncio.run(main())\n",
        8,
        "as_completed: set(fs) order",
    ),
    "leftovers.py": (
        "import asyncio\n"
        "async def forever(name):\n"
        "    try:\n"
        "        await asyncio.sleep(10)\n"
        "    finally:\n"
        "        print('cleaning up', name)\n"
        "async def main():\n"
        "    for name in ('first', 'second', 'third', 'fourth'):\n"
        "        asyncio.ensure_future(forever(name))\n"
        "    await asyncio.sleep(0)\n"
        "    print('main returns')\n"
        "asyncio.run(main())\n",
        12,
        "asyncio.run: cancel leftover tasks",
    ),
}

INDEPENDENT = {
    "sorted_results.py": (
        "import asyncio\n"
        "import sys\n"
        "async def work(n):\n"
        "    await asyncio.sleep(0.1 * (n % 2))\n"
        "    print('worked', n, file=sys.stderr)\n"
        "    return n * 10\n"
        "async def main():\n"
        "    print('waiting')\n"
        "    tasks = [asyncio.ensure_future(work(n)) for n in range(5)]\n"
        "    done, pending = await asyncio.wait(tasks)\n"
        "    print('results', sorted(task.result() for task in done))\n"
        "    print('total', sum(task.result() for task in done), file=sys.stderr)\n"
        "    print('after')\n"
        "asyncio.run(main())\n"
        "print('end', file=sys.stderr)\n"
    ),
    "quiet_leftovers.py": (
        "import asyncio\n"
        "async def forever():\n"
        "    await asyncio.sleep(10)\n"
        "async def main():\n"
        "    for _ in range(3):\n"
        "        asyncio.ensure_future(forever())\n"
        "    await asyncio.sleep(1)\n"
        "    print('main returns at', asyncio.get_running_loop().time() > 0)\n"
        "asyncio.run(main())\n"
        "print('after run')\n"
    ),
    "input_after.py": (
        "class Point:\n"
        "    def __init__(self, x):\n"
        "        self.x = x\n"
        "points = {Point(x) for x in (3, 1, 2)}\n"
        "print('sum', sum(p.x for p in points))\n"
        "name = input('name? ')\n"
        "print('hello', name)\n"
        "print('max', max(p.x for p in points), input())\n"
    ),
}

INPUT = "Ada\nsecond line\n"


def interpreters():
    root = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip() if has_pyenv() else ""
    found = {}
    for v in VERSIONS:
        paths = sorted(glob.glob(os.path.join(root, "versions", v + ".*", "bin", "python" + v))) if root else []
        if paths:
            found[v] = paths[-1]
    return found


def has_pyenv():
    return any(os.access(os.path.join(d, "pyenv"), os.X_OK) for d in os.environ.get("PATH", "").split(os.pathsep))


def run(command, cwd, terminal=False):
    # One pipe for both streams, as a user's `2>&1 | less` would see them.
    env = dict(os.environ, PYTHONHASHSEED="0")
    if not terminal:
        done = subprocess.run(command, cwd=cwd, input=INPUT.encode(), stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, env=env, timeout=120)
        return done.returncode, done.stdout.decode()
    controller, terminal_end = pty.openpty()
    try:
        done = subprocess.run(command, cwd=cwd, stdin=terminal_end, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, env=env, timeout=120)
    finally:
        os.close(terminal_end)
        os.close(controller)
    return done.returncode, done.stdout.decode()


def main():
    asim = os.path.abspath(sys.argv[1])
    pythons = interpreters()
    if not pythons:
        print("no CPython installed: skipped")
        return 77
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, (text, *_) in {**DEPENDENT, **INDEPENDENT}.items():
            with open(os.path.join(tmp, name), "w") as f:
                f.write(text)
        newest = list(pythons)[-1]
        for name, (_, line, what) in DEPENDENT.items():
            outputs = {}
            for v, python in pythons.items():
                code, cpython = run([python, name], tmp)
                outputs[v] = cpython
                status, shown = run([asim, "exec", "--python", v, name], tmp, terminal=v == newest)
                # 3.9+ name the main script by its absolute path.
                where = name if v in ("3.7", "3.8") else os.path.join(tmp, name)
                report = (f"{where}:{line}: not supported by asim: this program's output depends on an order that "
                          f"follows object addresses in CPython ({what}), which asim cannot know\n")
                if status != 2 or not shown.endswith(report):
                    failures.append(f"{name} {v}: expected exit 2 and\n  {report}got exit {status}:\n{shown}")
                elif not cpython.startswith(shown[: -len(report)]):
                    failures.append(f"{name} {v}: printed before the stop\n{shown}which CPython did not:\n{cpython}")
            if len(pythons) > 1 and len(set(outputs.values())) < 2:
                failures.append(f"{name}: every CPython printed the same; the premise of this test does not hold")
        for name, text in INDEPENDENT.items():
            for v, python in pythons.items():
                # A terminal has no lines to give: programs that read input use the pipe.
                terminal = v == newest and "input(" not in text
                expected = run([python, name], tmp, terminal)
                got = run([asim, "exec", "--python", v, name], tmp, terminal)
                if got != expected:
                    failures.append(f"{name} {v}: CPython gave {expected}, asim gave {got}")
    for f in failures:
        print("FAIL", f)
    print(f"{len(DEPENDENT) + len(INDEPENDENT)} programs x {len(pythons)} versions: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
