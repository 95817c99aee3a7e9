"""Random, valid asyncio programs from a seed, for differential fuzzing.

Usage (any python3, standard library only):

    python3 tests/conformance/fuzz/generate.py SEED [> prog.py]

The same seed always gives the same program.  Every program runs unchanged on
CPython 3.7-3.13: features of newer versions (TaskGroup, asyncio.timeout,
`async for` over as_completed, cancel messages) sit under
`if sys.version_info >= (3, X):` checks made at run time.

What keeps a program deterministic on CPython (docs/adding-a-scenario.md,
DESIGN section 4):
- tasks are created one by one with asyncio.create_task and kept in the list
  `tasks`; sets returned by asyncio.wait are only tested for membership, and
  anything iterated is the list, never a set;
- every blocking wait in main has a time bound (wait_for, timeout=), a worker
  only awaits tasks created before it (no cycles), lock holders only sleep,
  and when a worker waits without a bound main cancels every task before its
  final gather, so programs end (a program that still waits forever stops as
  a deadlock on both sides, which run.py counts as agreement);
- main ends by gathering every task in the list, so no task is left for
  asyncio.run to cancel in address order and no exception goes unretrieved;
- async generators are consumed to the end, closed explicitly, or left by
  `break` or a cancellation (then the loop's finalizer hook closes them when
  they are freed, which asim models by reference counts as CPython).

Lines ending in `# keep` carry the skeleton that keeps a program
deterministic; shrink.py never removes them.
"""

import random
import sys

DELAYS = ["0", "0", "0", "0.1", "0.1", "0.2", "0.25", "0.5", "1", "1", "1.5", "2"]
BOUNDS = ["0.1", "0.2", "0.3", "0.5", "1", "1", "1.5", "2", "3"]
RETURN_WHEN = ["asyncio.FIRST_COMPLETED", "asyncio.FIRST_EXCEPTION", "asyncio.ALL_COMPLETED"]

PRELUDE = '''\
import asyncio  # keep
import sys  # keep


def log(*parts):  # keep
    print(asyncio.get_running_loop().time(), *parts)  # keep


def show(x):  # keep
    if isinstance(x, BaseException):  # keep
        return type(x).__name__ + repr(x.args)  # keep
    return x  # keep


tasks = []  # keep
'''

SHARED = [
    ("q", "asyncio.Queue(maxsize={})"),
    ("lock", "asyncio.Lock()"),
    ("ev", "asyncio.Event()"),
    ("sem", "asyncio.Semaphore({})"),
    ("bsem", "asyncio.BoundedSemaphore({})"),
    ("cond", "asyncio.Condition()"),
]


class Gen:
    """Writes one program; `out` collects (indent, text) lines."""

    def __init__(self, seed):
        self.r = random.Random(seed)
        self.out = []
        self.counter = 0
        self.workers = []
        self.agens = []
        self.unbounded = False

    def emit(self, depth, text):
        self.out.append("    " * depth + text)

    def tag(self):
        self.counter += 1
        return self.counter

    def delay(self):
        return self.r.choice(DELAYS)

    def bound(self):
        return self.r.choice(BOUNDS)

    # ---- statements usable in workers and in main -------------------------

    def stmt_sleep(self, d, who):
        n = self.tag()
        self.emit(d, f"await asyncio.sleep({self.delay()})")
        self.emit(d, f"log({who}, 'slept', {n})")

    def stmt_raise(self, d, who):
        n = self.tag()
        exc = self.r.choice(["ValueError", "KeyError", "RuntimeError"])
        self.emit(d, f"if i % {self.r.randint(2, 4)} == {self.r.randint(0, 1)}:")
        self.emit(d + 1, f"log({who}, 'raise', {n})")
        self.emit(d + 1, f"raise {exc}({n})")

    def stmt_try(self, d, who, depth):
        n = self.tag()
        self.emit(d, "try:")
        self.body(d + 1, who, depth + 1, self.r.randint(1, 3))
        self.emit(d, "except (ValueError, KeyError) as e:")
        self.emit(d + 1, f"log({who}, 'caught', {n}, show(e))")
        if self.r.random() < 0.3:
            self.emit(d, "finally:")
            self.emit(d + 1, f"log({who}, 'finally', {n})")

    def stmt_put(self, d, who):
        n = self.tag()
        self.emit(d, "try:")
        self.emit(d + 1, f"await asyncio.wait_for(q.put({n}), {self.bound()})")
        self.emit(d + 1, f"log({who}, 'put', {n}, q.qsize())")
        self.emit(d, "except asyncio.TimeoutError:")
        self.emit(d + 1, f"log({who}, 'put timeout', {n})")

    def stmt_put_nowait(self, d, who):
        n = self.tag()
        self.emit(d, "try:")
        self.emit(d + 1, f"q.put_nowait({n})")
        self.emit(d + 1, f"log({who}, 'put_nowait', {n})")
        self.emit(d, "except asyncio.QueueFull:")
        self.emit(d + 1, f"log({who}, 'full', {n})")

    def stmt_get(self, d, who):
        n = self.tag()
        self.emit(d, "try:")
        self.emit(d + 1, f"item = await asyncio.wait_for(q.get(), {self.bound()})")
        self.emit(d + 1, f"log({who}, 'got', {n}, item)")
        if self.r.random() < 0.6:
            self.emit(d + 1, "q.task_done()")
        self.emit(d, "except asyncio.TimeoutError:")
        self.emit(d + 1, f"log({who}, 'get timeout', {n})")

    def stmt_get_nowait(self, d, who):
        n = self.tag()
        self.emit(d, "try:")
        self.emit(d + 1, "item = q.get_nowait()")
        self.emit(d + 1, f"log({who}, 'got_nowait', {n}, item)")
        self.emit(d, "except asyncio.QueueEmpty:")
        self.emit(d + 1, f"log({who}, 'empty', {n})")

    def stmt_task_done(self, d, who):
        n = self.tag()
        self.emit(d, "try:")
        self.emit(d + 1, "q.task_done()")
        self.emit(d + 1, f"log({who}, 'task_done', {n})")
        self.emit(d, "except ValueError as e:")
        self.emit(d + 1, f"log({who}, 'task_done error', {n}, show(e))")

    def stmt_join(self, d, who):
        n = self.tag()
        self.emit(d, "try:")
        self.emit(d + 1, f"await asyncio.wait_for(q.join(), {self.bound()})")
        self.emit(d + 1, f"log({who}, 'joined', {n})")
        self.emit(d, "except asyncio.TimeoutError:")
        self.emit(d + 1, f"log({who}, 'join timeout', {n})")

    def stmt_lock(self, d, who):
        n = self.tag()
        if self.r.random() < 0.6:
            self.emit(d, "async with lock:")
            self.emit(d + 1, f"log({who}, 'locked', {n})")
            self.emit(d + 1, f"await asyncio.sleep({self.delay()})")
            self.emit(d + 1, f"log({who}, 'unlock', {n})")
        else:
            self.emit(d, "try:")
            self.emit(d + 1, f"await asyncio.wait_for(lock.acquire(), {self.bound()})")
            self.emit(d, "except asyncio.TimeoutError:")
            self.emit(d + 1, f"log({who}, 'acquire timeout', {n}, lock.locked())")
            self.emit(d, "else:")
            self.emit(d + 1, f"log({who}, 'acquired', {n})")
            self.emit(d + 1, f"await asyncio.sleep({self.delay()})")
            self.emit(d + 1, "lock.release()")

    def stmt_event(self, d, who):
        n = self.tag()
        k = self.r.random()
        if k < 0.4:
            self.emit(d, "ev.set()")
            self.emit(d, f"log({who}, 'set', {n})")
        elif k < 0.55:
            self.emit(d, "ev.clear()")
            self.emit(d, f"log({who}, 'clear', {n})")
        else:
            self.emit(d, "try:")
            self.emit(d + 1, f"await asyncio.wait_for(ev.wait(), {self.bound()})")
            self.emit(d + 1, f"log({who}, 'event', {n})")
            self.emit(d, "except asyncio.TimeoutError:")
            self.emit(d + 1, f"log({who}, 'event timeout', {n})")

    def stmt_sem(self, d, who):
        n = self.tag()
        name = self.r.choice(["sem", "bsem"])
        if self.r.random() < 0.8:
            self.emit(d, f"async with {name}:")
            self.emit(d + 1, f"log({who}, '{name} in', {n})")
            self.emit(d + 1, f"await asyncio.sleep({self.delay()})")
            self.emit(d + 1, f"log({who}, '{name} out', {n})")
        else:
            # Only the plain Semaphore is released without an acquire: a
            # BoundedSemaphore released under its holder fails in the
            # holder's `async with` exit, whose traceback line asim does not
            # give as 3.7-3.9 and 3.13 do (see docs/conformance.md).
            name = "sem"
            self.emit(d, "try:")
            self.emit(d + 1, f"{name}.release()")
            self.emit(d + 1, f"log({who}, '{name} released', {n}, {name}.locked())")
            self.emit(d, "except ValueError as e:")
            self.emit(d + 1, f"log({who}, '{name} release error', {n}, show(e))")

    def stmt_cond(self, d, who):
        n = self.tag()
        self.emit(d, "async with cond:")
        if self.r.random() < 0.5:
            self.emit(d + 1, "try:")
            self.emit(d + 2, f"await asyncio.wait_for(cond.wait(), {self.bound()})")
            self.emit(d + 2, f"log({who}, 'notified', {n})")
            self.emit(d + 1, "except asyncio.TimeoutError:")
            self.emit(d + 2, f"log({who}, 'cond timeout', {n}, cond.locked())")
        elif self.r.random() < 0.5:
            self.emit(d + 1, f"cond.notify({self.r.randint(1, 2)})")
            self.emit(d + 1, f"log({who}, 'notify', {n})")
        else:
            self.emit(d + 1, "cond.notify_all()")
            self.emit(d + 1, f"log({who}, 'notify_all', {n})")

    def stmt_agen(self, d, who):
        if not self.agens:
            return self.stmt_sleep(d, who)
        n = self.tag()
        name = self.r.choice(self.agens)
        self.emit(d, "try:")
        k = self.r.random()
        if k < 0.6:
            # Left early (break) or cancelled in the body, the generator is
            # closed by the loop's finalizer hook when it is freed.
            self.emit(d + 1, f"async for v in {name}({n}):")
            self.emit(d + 2, f"log({who}, 'agen', {n}, v)")
            if self.r.random() < 0.4:
                self.emit(d + 2, f"await asyncio.sleep({self.delay()})")
            if self.r.random() < 0.3:
                self.emit(d + 2, f"if v % 10 == {self.r.randint(0, 1)}:")
                self.emit(d + 3, "break")
            self.emit(d + 1, f"log({who}, 'agen loop done', {n})")
        else:
            self.emit(d + 1, f"ag = {name}({n})")
            self.emit(d + 1, "try:")
            self.emit(d + 2, "v = await ag.__anext__()")
            self.emit(d + 2, f"log({who}, 'anext', {n}, v)")
            self.emit(d + 1, "finally:")
            self.emit(d + 2, "await ag.aclose()")
            self.emit(d + 2, f"log({who}, 'aclosed', {n})")
        self.emit(d, "except (ValueError, StopAsyncIteration) as e:")
        self.emit(d + 1, f"log({who}, 'agen error', {n}, show(e))")

    def stmt_await_task(self, d, who, guard):
        """Awaits an earlier task through wait_for or shield (never a cycle)."""
        n = self.tag()
        k = self.r.randint(0, 4)
        self.emit(d, f"for t in tasks[{k}:{guard}][:1]:")
        self.emit(d + 1, "try:")
        how = self.r.random()
        if how < 0.4:
            self.emit(d + 2, f"r = await asyncio.wait_for(asyncio.shield(t), {self.bound()})")
        elif how < 0.7:
            self.emit(d + 2, f"r = await asyncio.wait_for(t, {self.bound()})")
        else:
            self.emit(d + 2, "r = await asyncio.shield(t)")
        self.emit(d + 2, f"log({who}, 'awaited', {n}, show(r))")
        self.emit(d + 1, "except asyncio.CancelledError as e:")
        self.emit(d + 2, f"log({who}, 'await cancelled', {n}, show(e), t.cancelled())")
        if self.r.random() < 0.5:
            self.emit(d + 2, "raise")
        self.emit(d + 1, "except Exception as e:")
        self.emit(d + 2, f"log({who}, 'await error', {n}, show(e))")

    def stmt_unbounded(self, d, who):
        """A wait with no time bound; main then cancels every task at its end
        so that the program still ends."""
        n = self.tag()
        self.unbounded = True
        k = self.r.randint(0, 5)
        if k == 0:
            self.emit(d, "item = await q.get()")
            self.emit(d, f"log({who}, 'got', {n}, item)")
        elif k == 1:
            self.emit(d, "await lock.acquire()")
            self.emit(d, f"log({who}, 'acquired', {n})")
            self.emit(d, f"await asyncio.sleep({self.delay()})")
            self.emit(d, "lock.release()")
        elif k == 2:
            self.emit(d, "await ev.wait()")
            self.emit(d, f"log({who}, 'event', {n})")
        elif k == 3:
            self.emit(d, "async with cond:")
            self.emit(d + 1, "await cond.wait()")
            self.emit(d + 1, f"log({who}, 'notified', {n})")
        elif k == 4:
            self.emit(d, "await q.join()")
            self.emit(d, f"log({who}, 'joined', {n})")
        else:
            self.emit(d, f"for t in tasks[{self.r.randint(0, 4)}:i][:1]:")
            self.emit(d + 1, "try:")
            self.emit(d + 2, f"log({who}, 'awaited', {n}, show(await t))")
            self.emit(d + 1, "except (Exception, asyncio.CancelledError) as e:")
            self.emit(d + 2, f"log({who}, 'await raised', {n}, show(e))")
            if self.r.random() < 0.5:
                self.emit(d + 2, "raise")

    def stmt_timeout(self, d, who, depth):
        n = self.tag()
        self.emit(d, "if sys.version_info >= (3, 11):")
        self.emit(d + 1, "try:")
        self.emit(d + 2, f"async with asyncio.timeout({self.bound()}):")
        self.body(d + 3, who, depth + 1, self.r.randint(1, 2))
        self.emit(d + 2, f"log({who}, 'in time', {n})")
        self.emit(d + 1, "except TimeoutError:")
        self.emit(d + 2, f"log({who}, 'timed out', {n})")

    def body(self, d, who, depth, count):
        kinds = [
            (self.stmt_sleep, 6), (self.stmt_put, 3),
            (self.stmt_put_nowait, 2), (self.stmt_get, 3), (self.stmt_get_nowait, 1),
            (self.stmt_task_done, 1), (self.stmt_join, 1), (self.stmt_lock, 2),
            (self.stmt_event, 3), (self.stmt_sem, 2), (self.stmt_cond, 2),
            (self.stmt_agen, 1),
        ]
        if who != "'main'":
            # main never raises out of its actions: tasks left pending when
            # main fails would be cancelled by asyncio.run in address order.
            kinds += [(self.stmt_raise, 2), (lambda dd, w: self.stmt_await_task(dd, w, "i"), 2),
                      (self.stmt_unbounded, 2)]
            if depth == 0:
                kinds += [(f, w // 2 or 1) for f, w in self.orchestration(who)]
        if depth < 2:
            kinds += [(lambda dd, w: self.stmt_try(dd, w, depth), 2),
                      (lambda dd, w: self.stmt_timeout(dd, w, depth), 1)]
        fns, weights = zip(*kinds)
        for _ in range(count):
            self.r.choices(fns, weights)[0](d, who)

    # ---- definitions -------------------------------------------------------

    def agen_def(self, m):
        name = f"ag{m}"
        self.emit(0, f"async def {name}(n):")
        self.emit(1, f"log('{name}', n, 'start')")
        self.emit(1, "try:")
        for j in range(self.r.randint(1, 3)):
            self.emit(2, f"await asyncio.sleep({self.delay()})")
            self.emit(2, f"yield n * 10 + {j}")
        if self.r.random() < 0.2:
            self.emit(2, "if n % 3 == 0:")
            self.emit(3, "raise ValueError(n)")
        self.emit(1, "finally:")
        self.emit(2, f"log('{name}', n, 'finally')")
        self.emit(0, "")
        self.emit(0, "")
        self.agens.append(name)

    def worker_def(self, m):
        name = f"w{m}"
        who = f"'{name}', i"
        self.emit(0, f"async def {name}(i):")
        self.emit(1, f"log({who}, 'start')")
        self.emit(1, "try:")
        self.body(2, who, 0, self.r.randint(1, 5))
        self.emit(1, "except asyncio.CancelledError as e:")
        self.emit(2, f"log({who}, 'cancelled', show(e))")
        if self.r.random() < 0.85:
            self.emit(2, "raise")
        else:
            self.emit(2, "return -i")
        self.emit(1, f"log({who}, 'end')")
        self.emit(1, f"return i * 10 + {m}")
        self.emit(0, "")
        self.emit(0, "")
        self.workers.append(name)

    # ---- orchestration, in main and in workers ---------------------------
    # In a worker (who is not main) only tasks created before it are awaited
    # or cancelled: tasks[a:i] never reaches the worker itself or later ones.

    def sel(self, who, n=None):
        a = self.r.randint(0, 3)
        n = n or self.r.randint(1, 4)
        if who == "'main'":
            return f"tasks[{a}:{a + n}]"
        return f"tasks[{a}:i][:{n}]"

    def fresh(self, i, who):
        """A new coroutine for gather or a TaskGroup. Inside worker wM only
        w0..w(M-1) are defined so far: no worker starts itself, no recursion.
        Inside a worker it gets the worker's own i, so it only awaits the
        tasks its parent may await (no cycle through the parent)."""
        if who != "'main'":
            i = "i"
        if not self.workers:
            return f"asyncio.sleep({self.delay()}, {i})"
        return f"{self.r.choice(self.workers)}({i})"

    def spawn(self, d):
        w = self.r.choice(self.workers)
        if self.r.random() < 0.2:
            self.emit(d, f"for _ in range({self.r.randint(2, 5)}):")
            d += 1
        self.emit(d, f"tasks.append(asyncio.create_task({w}(len(tasks))))")

    def act_cancel(self, d, who):
        n = self.tag()
        self.emit(d, f"for t in {self.sel(who, 1)}:")
        if self.r.random() < 0.5:
            self.emit(d + 1, "if sys.version_info >= (3, 9):")
            self.emit(d + 2, f"log({who}, 'cancel', {n}, t.cancel('m{n}'))")
            self.emit(d + 1, "else:")
            self.emit(d + 2, f"log({who}, 'cancel', {n}, t.cancel())")
        else:
            self.emit(d + 1, f"log({who}, 'cancel', {n}, t.cancel())")

    def act_gather(self, d, who):
        n = self.tag()
        rex = self.r.choice(["True", "False"])
        if self.r.random() < 0.7:
            args = f"*{self.sel(who)}"
        else:
            args = ", ".join(self.fresh(100 + n * 10 + j, who) for j in range(self.r.randint(1, 3)))
        self.emit(d, "try:")
        self.emit(d + 1, f"res = await asyncio.gather({args}, return_exceptions={rex})")
        self.emit(d + 1, f"log({who}, 'gather', {n}, [show(x) for x in res])")
        self.emit(d, "except (Exception, asyncio.CancelledError) as e:")
        self.emit(d + 1, f"log({who}, 'gather raised', {n}, show(e))")
        if who != "'main'" and self.r.random() < 0.5:
            self.emit(d + 1, "raise")

    def act_wait(self, d, who):
        n = self.tag()
        timeout = self.r.choice(["None", self.bound(), self.bound(), self.delay()])
        rw = self.r.choice(RETURN_WHEN)
        self.emit(d, "try:")
        self.emit(d + 1, f"done, pending = await asyncio.wait({self.sel(who)}, timeout={timeout}, return_when={rw})")
        self.emit(d + 1, f"log({who}, 'wait', {n}, [j for j, t in enumerate(tasks) if t in done], "
                         "[j for j, t in enumerate(tasks) if t in pending])")
        if self.r.random() < 0.6:
            self.emit(d + 1, "for t in tasks:")
            self.emit(d + 2, "if t in pending:")
            self.emit(d + 3, f"log({who}, 'cancel pending', {n}, tasks.index(t), t.cancel())")
            self.emit(d + 1, "await asyncio.sleep(0)")
            self.emit(d + 1, f"log({who}, 'after wait', {n})")
        self.emit(d, "except ValueError as e:")
        self.emit(d + 1, f"log({who}, 'wait error', {n}, show(e))")

    def act_as_completed(self, d, who):
        n = self.tag()
        timeout = self.r.choice(["None", self.bound(), self.bound(), self.delay()])
        # Futures already done get their callbacks in set order (addresses):
        # only pending ones are passed, so the order is CPython's own.
        sl = f"[t for t in {self.sel(who)} if not t.done()]"
        if self.r.random() < 0.3:
            self.emit(d, "if sys.version_info >= (3, 13):")
            self.emit(d + 1, "try:")
            self.emit(d + 2, f"async for t in asyncio.as_completed({sl}, timeout={timeout}):")
            self.emit(d + 3, f"log({who}, 'ac13', {n}, tasks.index(t), t.cancelled())")
            self.emit(d + 1, "except TimeoutError:")
            self.emit(d + 2, f"log({who}, 'ac13 timeout', {n})")
            return
        self.emit(d, f"for f in asyncio.as_completed({sl}, timeout={timeout}):")
        self.emit(d + 1, "try:")
        self.emit(d + 2, "r = await f")
        self.emit(d + 2, f"log({who}, 'ac', {n}, show(r))")
        if self.r.random() < 0.3:
            self.emit(d + 2, f"for t in {self.sel(who, 2)}:")
            self.emit(d + 3, f"log({who}, 'ac cancel', {n}, t.cancel())")
        self.emit(d + 1, "except asyncio.TimeoutError:")
        self.emit(d + 2, f"log({who}, 'ac timeout', {n})")
        if self.r.random() < 0.5:
            self.emit(d + 2, "break")
        self.emit(d + 1, "except (Exception, asyncio.CancelledError) as e:")
        self.emit(d + 2, f"log({who}, 'ac raised', {n}, show(e))")

    def act_wait_for(self, d, who):
        n = self.tag()
        inner = "asyncio.shield(t)" if self.r.random() < 0.4 else "t"
        self.emit(d, f"for t in {self.sel(who, 1)}:")
        self.emit(d + 1, "try:")
        self.emit(d + 2, f"r = await asyncio.wait_for({inner}, {self.bound()})")
        self.emit(d + 2, f"log({who}, 'wait_for', {n}, show(r))")
        self.emit(d + 1, "except asyncio.TimeoutError:")
        self.emit(d + 2, f"log({who}, 'wait_for timeout', {n}, t.done())")
        self.emit(d + 1, "except (Exception, asyncio.CancelledError) as e:")
        self.emit(d + 2, f"log({who}, 'wait_for raised', {n}, show(e))")
        if who != "'main'" and self.r.random() < 0.5:
            self.emit(d + 2, "raise")

    def act_callback(self, d, who):
        """A timer or ready callback that logs, sets the event or cancels."""
        n = self.tag()
        when = f"call_later({self.delay()}, " if self.r.random() < 0.7 else "call_soon("
        k = self.r.random()
        if k < 0.4:
            self.emit(d, f"asyncio.get_running_loop().{when}log, 'callback', {n})")
        elif k < 0.6:
            self.emit(d, f"asyncio.get_running_loop().{when}ev.set)")
        else:
            self.emit(d, f"for t in {self.sel(who, 1)}:")
            self.emit(d + 1, f"asyncio.get_running_loop().{when}t.cancel)")

    def act_taskgroup(self, d, who):
        n = self.tag()
        self.emit(d, "if sys.version_info >= (3, 11):")
        self.emit(d + 1, "try:")
        self.emit(d + 2, "async with asyncio.TaskGroup() as tg:")
        for j in range(self.r.randint(1, 3)):
            self.emit(d + 3, f"tg.create_task({self.fresh(200 + n * 10 + j, who)})")
        self.emit(d + 3, f"await asyncio.sleep({self.delay()})")
        if self.r.random() < 0.3:
            self.emit(d + 3, f"raise KeyError({n})")
        self.emit(d + 2, f"log({who}, 'taskgroup done', {n})")
        self.emit(d + 1, "except Exception as e:")
        self.emit(d + 2, f"log({who}, 'taskgroup raised', {n}, show(e))")

    def act_timeout(self, d, who):
        n = self.tag()
        self.emit(d, "if sys.version_info >= (3, 11):")
        self.emit(d + 1, "try:")
        self.emit(d + 2, f"async with asyncio.timeout({self.bound()}):")
        self.r.choice([self.act_gather, self.act_wait, self.stmt_sleep])(d + 3, who)
        self.emit(d + 2, f"log({who}, 'in time', {n})")
        self.emit(d + 1, "except TimeoutError:")
        self.emit(d + 2, f"log({who}, 'timed out', {n})")

    def orchestration(self, who):
        return [(self.act_cancel, 2), (self.act_gather, 2), (self.act_wait, 2), (self.act_as_completed, 2),
                (self.act_wait_for, 2), (self.act_taskgroup, 1), (self.act_timeout, 1), (self.act_callback, 1)]

    def main_def(self):
        self.emit(0, "async def main():")
        self.emit(1, "global q, lock, ev, sem, bsem, cond  # keep")
        for name, ctor in SHARED:
            self.emit(1, f"{name} = {ctor.format(self.r.randint(1, 3))}  # keep")
        actions = [(lambda dd, w: self.spawn(dd), 6), (lambda dd, w: self.body(dd, w, 1, 1), 4)]
        actions += self.orchestration("'main'")
        fns, weights = zip(*actions)
        for _ in range(self.r.randint(1, 3)):
            self.spawn(1)
        for _ in range(self.r.randint(3, 12)):
            self.r.choices(fns, weights)[0](1, "'main'")
        if self.unbounded or self.r.random() < 0.5:
            self.emit(1, "for t in tasks:  # keep")
            self.emit(2, "t.cancel()  # keep")
        if self.r.random() < 0.15:
            # The last task is left to asyncio.run, which cancels what is
            # left in address order: asim's choice point, explored by run.py.
            self.emit(1, "res = await asyncio.gather(*tasks[:-1], return_exceptions=True)  # keep")
            self.emit(1, "for t in tasks[-1:]:  # keep")
            self.emit(2, "if t.done() and not t.cancelled():  # keep")
            self.emit(3, "log('main', 'last', show(t.exception()))  # keep")
        else:
            self.emit(1, "res = await asyncio.gather(*tasks, return_exceptions=True)  # keep")
        self.emit(1, "log('main', 'final', [show(x) for x in res])  # keep")
        self.emit(0, "")
        self.emit(0, "")

    def program(self):
        self.out = PRELUDE.splitlines() + ["", ""]
        for m in range(self.r.randint(0, 2)):
            self.agen_def(m)
        for m in range(self.r.randint(1, 4)):
            self.worker_def(m)
        self.main_def()
        self.emit(0, "asyncio.run(main())  # keep")
        return "\n".join(self.out) + "\n"


def generate(seed):
    """The program for SEED (an int), as source text."""
    return Gen(seed).program()


if __name__ == "__main__":
    sys.stdout.write(generate(int(sys.argv[1])))
