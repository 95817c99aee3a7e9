"""Prints the rows of model/asyncio/library_sources.cpp: the first line of
each of asyncio's own Python functions that asim's loop hands around as
callbacks, in each installed CPython 3.7-3.13's Lib/asyncio (0 where the
version has no such function). asyncio's reprs name a function callback's
source as FILE:LINE (format_helpers._get_function_source).

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

# Runs inside each interpreter on its own Lib: {file: {qualname: first line}}
# (a decorated function's code starts at its first decorator).
PROBE = r'''
import ast, json, os, sys, asyncio
out = {}
for name in sys.argv[1:]:
    path = os.path.join(os.path.dirname(asyncio.__file__), name)
    found = {}
    def walk(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                q = prefix + child.name
                found[q] = min([child.lineno] + [d.lineno for d in child.decorator_list])
                walk(child, q + ".<locals>.")
            elif isinstance(child, ast.ClassDef):
                walk(child, prefix + child.name + ".")
    walk(ast.parse(open(path).read()), "")
    out[name] = found
print(json.dumps(out))
'''


def main():
    root = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip()
    lines = {q: [] for _, q in FUNCTIONS}
    files = sorted({f for f, _ in FUNCTIONS})
    for minor in range(7, 14):
        v = "3.%d" % minor
        python = sorted(glob.glob(os.path.join(root, "versions", v + ".*", "bin", "python" + v)))[-1]
        found = json.loads(subprocess.run([python, "-c", PROBE] + files, capture_output=True, text=True,
                                          check=True).stdout)
        for f, q in FUNCTIONS:
            lines[q].append(found[f].get(q, 0))
    for f, q in FUNCTIONS:
        print('    {"%s", "%s", {%s}},' % (q, f, ", ".join(str(n) for n in lines[q])))


if __name__ == "__main__":
    main()
