"""Prints model/asyncio/library_frames_table.cpp: the traceback entries of
asyncio's own Python code that asim runs natively, as each installed CPython
3.7-3.13 prints them.

An exception that leaves asyncio.run, a sleep, a wait_for or a TaskGroup in
CPython passes through frames of Lib/asyncio/*.py, and the traceback shows
each of them: `File "LIB/asyncio/tasks.py", line 665, in sleep`, the source
line and, from 3.11, the carets under the expression that raised. asim's
model of those functions adds the same entries (model/asyncio/
library_frames.hpp); this table gives, per version, the line and the text
CPython's traceback module prints under the `File` line. The text comes from
the interpreter's own traceback.StackSummary.format applied to the position
of the instruction that raises there (the call, the await, the raise, or the
`async with` whose __aexit__ raises), found with that interpreter's ast.

Usage: python3 tools/asyncio_library_frames.py > model/asyncio/library_frames_table.cpp
(needs the pyenv interpreters 3.7-3.13)
"""

import glob
import json
import os
import subprocess

# (site, file in Lib/asyncio, qualname, candidate statement texts, kind,
#  statement text the match must come after, occurrence by minor version)
# kind: "call" (the first call in the statement), "await", "stmt" (the whole
# statement: a raise), "with" (an `async with` whose __aexit__ raised).
SITES = [
    ("RunnersRun", "runners.py", "run", ["return runner.run(main)", "return loop.run_until_complete(main)"],
     "call", None, {}),
    ("RunnersRunNested", "runners.py", "run", ["raise RuntimeError("], "stmt", None, {}),
    ("RunnerRun", "runners.py", "Runner.run", ["return self._loop.run_until_complete(task)"], "call", None, {}),
    ("RunUntilCompleteResult", "base_events.py", "BaseEventLoop.run_until_complete", ["return future.result()"],
     "call", None, {}),
    ("HandleRun", "events.py", "Handle._run", ["self._context.run(self._callback, *self._args)"], "call", None, {}),
    ("Sleep", "tasks.py", "sleep", ["return await future"], "await", None, {}),
    ("WaitForAwaitFut", "tasks.py", "wait_for", ["return await fut"], "await",
     "async with timeouts.timeout(timeout):", {}),
    ("WaitForAsyncWith", "tasks.py", "wait_for", ["async with timeouts.timeout(timeout):"], "with", None, {}),
    ("WaitForWaiter", "tasks.py", "wait_for", ["await waiter"], "await", None, {}),
    ("WaitForResult", "tasks.py", "wait_for", ["return fut.result()"], "call", "await waiter",
     {7: 1, 8: 2, 9: 2, 10: 2, 11: 2}),
    ("WaitForTimeout", "tasks.py", "wait_for",
     ["raise futures.TimeoutError()", "raise exceptions.TimeoutError() from exc", "raise exceptions.TimeoutError()"],
     "stmt", "await waiter", {}),
    ("WaitForResultAfterCancel", "tasks.py", "wait_for", ["return fut.result()"], "call", "await waiter",
     {7: 0, 8: 0, 9: 3, 10: 3, 11: 3}),
    ("TimeoutAexit", "timeouts.py", "Timeout.__aexit__", ["raise TimeoutError from exc_val", "raise TimeoutError"],
     "stmt", None, {}),
    ("TaskGroupAexit", "taskgroups.py", "TaskGroup.__aexit__", ["raise me from None"], "stmt", None, {}),
    ("WaitForOne", "tasks.py", "as_completed.<locals>._wait_for_one", ["return f.result()"], "call", None, {}),
    ("AsCompletedWaitForOne", "tasks.py", "_AsCompletedIterator._wait_for_one",
     ["return f.result() if resolve else f"], "call", None, {}),
    ("QueueGet", "queues.py", "Queue.get", ["await getter"], "await", None, {}),
    ("QueuePut", "queues.py", "Queue.put", ["await putter"], "await", None, {}),
    ("QueueGetNowait", "queues.py", "Queue.get_nowait", ["raise QueueEmpty"], "stmt", None, {}),
    ("QueuePutNowait", "queues.py", "Queue.put_nowait", ["raise QueueFull"], "stmt", None, {}),
    ("LockAcquire", "locks.py", "Lock.acquire", ["await fut"], "await", None, {}),
    ("EventWait", "locks.py", "Event.wait", ["await fut"], "await", None, {}),
    ("SemaphoreAcquire", "locks.py", "Semaphore.acquire", ["await fut"], "await", None, {}),
    ("CreateTask", "tasks.py", "create_task", ["loop = events.get_running_loop()"], "call", None, {}),
]

# Runs inside each interpreter: {site: [line, text]} ([0, ""] when absent).
PROBE = r"""
import ast, json, os, sys, traceback
lib = os.path.join(os.path.dirname(os.__file__), "asyncio")
sites = json.loads(sys.argv[1])
minor = sys.version_info[1]

def function(tree, qualname):
    node = tree
    for part in qualname.split("."):
        if part == "<locals>":
            continue
        found = None
        for child in ast.walk(node):
            if child is not node and isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) \
                    and child.name == part:
                found = child
                break
        if found is None:
            return None
        node = found
    return node

def code_of(line):
    return line.split("#")[0].strip()

def position(stmt, kind):
    # The instruction's span (lineno, end_lineno, col, end_col).
    if kind == "stmt":
        node = stmt
    elif kind == "with":
        node = stmt.items[0].context_expr if minor >= 13 else stmt
    else:
        wanted = ast.Call if kind == "call" else ast.Await
        node = next(n for n in ast.walk(stmt) if isinstance(n, wanted))
    return node.lineno, node.end_lineno, node.col_offset, node.end_col_offset

out = {}
for name, file, qualname, texts, kind, after, occurrence in sites:
    out[name] = [0, ""]
    path = os.path.join(lib, file)
    want = occurrence.get(str(minor), 1)
    if not os.path.exists(path) or want == 0:
        continue
    with open(path, encoding="utf-8") as f:
        source = f.read()
    lines = source.splitlines()
    fn = function(ast.parse(source), qualname)
    if fn is None:
        continue
    stmts = sorted((n for n in ast.walk(fn) if isinstance(n, ast.stmt) and n is not fn), key=lambda n: n.lineno)
    seen_after = after is None
    count = 0
    for stmt in stmts:
        text = code_of(lines[stmt.lineno - 1])
        if not seen_after:
            seen_after = text == after
            continue
        if text in texts:
            count += 1
            if count == want:
                break
    else:
        continue
    lineno = stmt.lineno
    if minor < 8 and isinstance(stmt, ast.Raise) and isinstance(stmt.exc, ast.Call) and stmt.exc.args:
        # 3.7 numbers a call spread over lines by the line of its last argument.
        lineno = stmt.exc.args[-1].lineno
    name_shown = qualname.split(".")[-1]
    if minor >= 11:
        start, end, col, end_col = position(stmt, kind)
        summary = traceback.FrameSummary(path, lineno, name_shown, end_lineno=end, colno=col, end_colno=end_col)
    else:
        summary = traceback.FrameSummary(path, lineno, name_shown)
    shown = traceback.StackSummary.from_list([summary]).format()[0]
    out[name] = [lineno, shown[shown.index("\n") + 1:]]
print(json.dumps(out))
"""


def interpreters():
    root = subprocess.run(["pyenv", "root"], capture_output=True, text=True, check=True).stdout.strip()
    found = {}
    for minor in range(7, 14):
        exes = sorted(glob.glob(f"{root}/versions/3.{minor}.*/bin/python3.{minor}"))
        if not exes:
            raise SystemExit(f"no CPython 3.{minor} under {root}/versions")
        found[minor] = exes[-1]
    return found


def cpp_string(text):
    return json.dumps(text)


def main():
    spec = json.dumps([[s[0], s[1], s[2], s[3], s[4], s[5], {str(k): v for k, v in s[6].items()}] for s in SITES])
    rows = {minor: json.loads(subprocess.run([exe, "-c", PROBE, spec], capture_output=True, text=True,
                                             check=True).stdout)
            for minor, exe in interpreters().items()}
    print("// Generated by tools/asyncio_library_frames.py from the installed CPython 3.7-3.13: do not edit.")
    print('#include "model/asyncio/library_frames.hpp"')
    print()
    print("namespace asim::asyncio::detail {")
    print()
    print("const std::array<LibraryFrameRow, kLibraryFrameCount> kLibraryFrames = {{")
    for name, file, qualname, *_ in SITES:
        lines = ", ".join(str(rows[m][name][0]) for m in range(7, 14))
        texts = ",\n      ".join(cpp_string(rows[m][name][1]) for m in range(7, 14))
        function = qualname.split(".")[-1]
        print(f'    {{"{file}", "{function}", {{{lines}}},\n     {{{texts}}}}},  // {name}')
    print("}};")
    print()
    print("}  // namespace asim::asyncio::detail")


if __name__ == "__main__":
    main()
