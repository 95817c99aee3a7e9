"""Prints the rows of model/asyncio/library_sources.cpp: the first line of
each of asyncio's own Python functions that asim's loop hands around as
callbacks, in each installed CPython 3.7-3.13's Lib/asyncio (0 where the
version has no such function). asyncio's reprs name a function callback's
source as FILE:LINE (format_helpers._get_function_source).

It also prints the rows of the coroutine table: where each of asyncio's own
coroutine functions that asim models natively is defined, and the one line a
task running it can be suspended at (coroutines._format_coroutine prints
"running at FILE:LINE" from the frame; 0 where the function awaits at more
than one place, which the model cannot tell apart).

Usage: python3 tools/asyncio_library_sources.py   (needs the pyenv interpreters)
"""

import glob
import json
import os
import subprocess

# (file in Lib/asyncio, qualname as the model names the callback)
FUNCTIONS = [
    ("base_events.py", "_run_until_complete_cb"),
    ("futures.py", "_set_result_unless_cancelled"),
    ("tasks.py", "_release_waiter"),
    ("tasks.py", "_wait.<locals>._on_completion"),
    ("tasks.py", "gather.<locals>._done_callback"),
    ("tasks.py", "_gather.<locals>._done_callback"),
    ("tasks.py", "shield.<locals>._inner_done_callback"),
    ("tasks.py", "shield.<locals>._outer_done_callback"),
    ("tasks.py", "as_completed.<locals>._on_completion"),
    ("tasks.py", "as_completed.<locals>._on_timeout"),
]

# (file in Lib/asyncio, qualname of a coroutine function asim runs natively
# that a program can wrap in a task)
COROUTINES = [
    ("tasks.py", "sleep"),
    ("tasks.py", "wait_for"),
    ("tasks.py", "wait"),
    ("tasks.py", "as_completed.<locals>._wait_for_one"),
    ("queues.py", "Queue.get"),
    ("queues.py", "Queue.put"),
    ("queues.py", "Queue.join"),
    ("locks.py", "Lock.acquire"),
    ("locks.py", "Event.wait"),
    ("locks.py", "Condition.wait"),
    ("locks.py", "Condition.wait_for"),
    ("locks.py", "Semaphore.acquire"),
    ("locks.py", "Barrier.wait"),
    ("locks.py", "Barrier.reset"),
    ("locks.py", "Barrier.abort"),
    ("tasks.py", "_AsCompletedIterator.__anext__"),
    ("tasks.py", "_AsCompletedIterator._wait_for_one"),
    ("base_events.py", "BaseEventLoop.shutdown_asyncgens"),
    ("base_events.py", "BaseEventLoop.shutdown_default_executor"),
]

# Runs inside each interpreter on its own Lib: {file: {qualname: first line}}
# (a decorated function's code starts at its first decorator).
PROBE = r'''
import ast, json, os, sys, asyncio
out = {}
for name in sys.argv[1:]:
    path = os.path.join(os.path.dirname(asyncio.__file__), name)
    if not os.path.exists(path):
        out[name] = {}
        continue
    found = {}
    def suspensions(fn):
        # Where the function's own frame can be suspended: its awaits,
        # async with and async for (not those of functions nested in it).
        # sleep(delay > 0) waits on its future; only that site is kept.
        sites = []
        todo = list(ast.iter_child_nodes(fn))
        while todo:
            n = todo.pop()
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                continue
            if isinstance(n, (ast.Await, ast.AsyncWith, ast.AsyncFor)):
                if fn.name != "sleep" or (isinstance(n, ast.Await) and isinstance(n.value, ast.Name)
                                          and n.value.id == "future"):
                    sites.append(n.lineno)
            todo.extend(ast.iter_child_nodes(n))
        return sites[0] if len(sites) == 1 else 0
    def walk(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                q = prefix + child.name
                found[q] = min([child.lineno] + [d.lineno for d in child.decorator_list])
                found[q + " running"] = suspensions(child)
                walk(child, q + ".<locals>.")
            elif isinstance(child, ast.ClassDef):
                walk(child, prefix + child.name + ".")
    walk(ast.parse(open(path).read()), "")
    out[name] = found
print(json.dumps(out))
'''


def main():
    root = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip()
    lines = {q: [] for _, q in FUNCTIONS + COROUTINES}
    running = {q: [] for _, q in COROUTINES}
    files = sorted({f for f, _ in FUNCTIONS + COROUTINES})
    for minor in range(7, 14):
        v = "3.%d" % minor
        python = sorted(glob.glob(os.path.join(root, "versions", v + ".*", "bin", "python" + v)))[-1]
        found = json.loads(subprocess.run([python, "-c", PROBE] + files, capture_output=True, text=True,
                                          check=True).stdout)
        for f, q in FUNCTIONS + COROUTINES:
            lines[q].append(found[f].get(q, 0))
        for f, q in COROUTINES:
            running[q].append(found[f].get(q + " running", 0))
    for f, q in FUNCTIONS:
        print('    {"%s", "%s", {%s}},' % (q, f, ", ".join(str(n) for n in lines[q])))
    print()
    for f, q in COROUTINES:
        print('    {"%s", "%s", {%s}, {%s}},' % (q, f, ", ".join(str(n) for n in lines[q]),
                                                ", ".join(str(n) for n in running[q])))


if __name__ == "__main__":
    main()
