"""Virtual-clock harness for running real asyncio programs deterministically.

Standard library only; works unchanged on CPython 3.7 .. 3.13.

The event loop is a normal ``asyncio.SelectorEventLoop`` (so every piece of
asyncio scheduling logic is CPython's own), except that:

* ``loop.time()`` returns a virtual clock that starts at ``0.0``;
* the selector's ``select(timeout)`` never sleeps: with ``timeout > 0`` it
  jumps the virtual clock to the earliest timer deadline
  (``loop._scheduled[0]._when``), or advances it by ``timeout`` if that
  deadline is more than ``MAXIMUM_SELECT_TIMEOUT`` away; with
  ``timeout is None`` (nothing ready, no timers) it raises
  ``RuntimeError('asim-harness: deadlock ...')``.  I/O readiness is never
  reported (``select`` always returns ``[]``).
* ``loop.tick`` counts ``_run_once`` calls started so far (first call is 1).
* the program runs as ``python SCENARIO.py`` runs it, with no frame of the
  harness under it or under a callback (the recursion limit counts them).
* the ``time`` module reads the same virtual clock: ``time.monotonic()`` and
  ``time.perf_counter()`` are the running loop's clock (else the clock of the
  loop made last), each loop's clock starting where the process's clock was
  when the loop was made, so they never go back; ``time.time()`` is that plus
  ``EPOCH``; ``time.sleep(s)`` advances the clock by ``s`` at once (blocking
  the loop, as a real sleep would); ``gmtime``/``localtime``/``strftime``
  format that time in UTC; ``datetime`` is its pure-Python implementation,
  so ``datetime.now()`` and friends read that clock too.
* the ``random`` module's own generator is seeded with 0.
* if ``ASIM_HANDLE_LOG`` is set (or ``install(handle_log=path)`` is used),
  every ``Handle._run`` is logged as ``<tick>\\t<repr(time)>\\t<qualname>``.
  (``_run_once`` taking it from the loop's ready queue, as it then runs it
  unless it was cancelled; a wrapper of ``Handle._run`` would add a frame).
  Memory addresses (`` at 0x...``) in reprs are replaced by `` at 0x?`` so
  logs are diffable between runs.

Script use::

    python3.X tests/conformance/virtual_clock.py SCENARIO.py [args...]

runs ``python3.X SCENARIO.py [args...]`` with the policy installed first
(harness_site/sitecustomize.py): exceptions, tracebacks, exit status and
stack depth as CPython gives them.

Library use::

    import virtual_clock
    virtual_clock.install()
    asyncio.run(main())

Once installed, scenarios may ``import asim`` and call
``asim.claim(text, condition)`` (records only, prints nothing; written to
``ASIM_CLAIM_LOG`` at exit if that variable is set), ``asim.now()`` and
``asim.tick()``.
"""

import asyncio
import atexit
import collections
import os
import re
import selectors
import sys
import types
import weakref
from asyncio import events

MAXIMUM_SELECT_TIMEOUT = 24 * 3600

__all__ = ['VirtualClockSelector', 'VirtualClockEventLoop',
           'VirtualClockEventLoopPolicy', 'install', 'main']


class VirtualClockSelector(selectors._BaseSelectorImpl):
    """Selector that never blocks; it advances the owning loop's clock."""

    def __init__(self):
        super().__init__()
        self._loop = None  # set by VirtualClockEventLoop.__init__

    def select(self, timeout=None):
        loop = self._loop
        # BaseEventLoop._run_once calls select() once, before it runs any
        # callback: the tick is counted here rather than in an override of
        # _run_once, which would add a frame under every callback (the
        # recursion limit counts it).
        if loop is not None:
            loop.tick += 1
        if timeout is None:
            raise RuntimeError(
                'asim-harness: deadlock (no ready callbacks and no timers; '
                'virtual time %r, tick %r)' % (
                    getattr(loop, '_virtual_now', None),
                    getattr(loop, 'tick', None)))
        if timeout > 0 and loop is not None:
            now = loop._virtual_now
            scheduled = loop._scheduled
            if scheduled:
                when = scheduled[0]._when
                if when - now <= MAXIMUM_SELECT_TIMEOUT:
                    if when > now:
                        loop._virtual_now = when
                else:
                    loop._virtual_now = now + timeout
            else:
                loop._virtual_now = now + timeout
        return []


# BaseSelectorEventLoop.__init__ logs its selector's class name at DEBUG;
# a real loop on Linux says EpollSelector, and so must the harness.
VirtualClockSelector.__name__ = 'EpollSelector'


class VirtualClockEventLoop(asyncio.SelectorEventLoop):
    """SelectorEventLoop on a virtual clock, with a _run_once counter."""

    # Loops never closed (get_event_loop()'s, made implicitly) are closed at
    # exit. Left to the garbage collector at shutdown, 3.8 closes one after
    # its self-pipe socket is gone and prints "Exception ignored in
    # BaseEventLoop.__del__ ... Invalid file descriptor: -1", which the plain
    # selector loop does not.
    _unclosed = weakref.WeakSet()
    # The loop made last: the time module reads its clock when none runs.
    _last = None

    def __init__(self):
        self._virtual_now = 0.0
        # Where this loop's clock starts on the process's clock (the time
        # module's), so that time.monotonic() never goes back when a later
        # asyncio.run starts a new loop at loop.time() == 0.0.
        self._clock_base = _process_now()
        self.tick = 0
        selector = VirtualClockSelector()
        super().__init__(selector)
        selector._loop = self
        if _handle_log_file is not None:
            self._ready = _LoggingReady(self)
        VirtualClockEventLoop._unclosed.add(self)
        VirtualClockEventLoop._last = self

    @classmethod
    def _close_unclosed(cls):
        for loop in list(cls._unclosed):
            if not loop.is_closed() and not loop.is_running():
                loop.close()

    def time(self):
        return self._virtual_now


atexit.register(VirtualClockEventLoop._close_unclosed)


class VirtualClockEventLoopPolicy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return VirtualClockEventLoop()


# ---------------------------------------------------------------------------
# The time module on the virtual clock

EPOCH = 1700000000.0  # what time.time() reads at virtual time 0.0
_idle_now = 0.0       # the process's clock before any loop exists
_real_time = {}


def _clock_loop():
    return events._get_running_loop() or VirtualClockEventLoop._last


def _process_now():
    loop = _clock_loop()
    if loop is None:
        return _idle_now
    return loop._clock_base + loop._virtual_now


def _monotonic():
    return _process_now()


def _time():
    return EPOCH + _process_now()


def _sleep(secs):
    """time.sleep: blocks the running loop (or the program) for secs of
    virtual time, at once."""
    global _idle_now
    secs = float(secs)
    if secs < 0:
        raise ValueError('sleep length must be non-negative')
    loop = _clock_loop()
    if loop is None:
        _idle_now += secs
    else:
        loop._virtual_now += secs


def _gmtime(secs=None):
    return _real_time['gmtime'](_time() if secs is None else secs)


def _strftime(format, t=None):
    return _real_time['strftime'](format, _gmtime() if t is None else t)


def _install_time():
    import time
    for name in ('gmtime', 'strftime'):
        _real_time[name] = getattr(time, name)
    time.monotonic = time.perf_counter = _monotonic
    time.time = _time
    time.monotonic_ns = time.perf_counter_ns = lambda: int(_monotonic() * 1e9)
    time.time_ns = lambda: int(_time() * 1e9)
    time.sleep = _sleep
    time.gmtime = time.localtime = _gmtime
    time.strftime = _strftime
    # datetime's C part reads the OS clock; its pure-Python twin reads
    # time.time() and time.localtime(), so the program gets that one.
    sys.modules.setdefault('_datetime', None)


# ---------------------------------------------------------------------------
# Handle logging

_handle_log_file = None
_ADDR_RE = re.compile(r' at 0x[0-9a-fA-F]+')


def _callback_name(cb):
    name = getattr(cb, '__qualname__', None)
    if not isinstance(name, str):
        name = repr(cb)
    return _ADDR_RE.sub(' at 0x?', name)


class _LoggingReady(collections.deque):
    """A loop's _ready queue that logs the handles _run_once runs."""

    def __init__(self, loop):
        super().__init__()
        self._loop = loop

    def popleft(self):
        handle = super().popleft()
        f = _handle_log_file
        if f is not None and not handle._cancelled:
            f.write('%s\t%r\t%s\n' % (self._loop.tick, self._loop.time(), _callback_name(handle._callback)))
        return handle


def _close_handle_log():
    global _handle_log_file
    if _handle_log_file is not None:
        _handle_log_file.close()
        _handle_log_file = None


def _enable_handle_log(path):
    global _handle_log_file
    if _handle_log_file is not None:
        return
    _handle_log_file = open(path, 'w')
    atexit.register(_close_handle_log)


# ---------------------------------------------------------------------------
# The tiny ``asim`` helper module for scenarios

_claims = []


def _claim(text, condition):
    """Record a claim; prints nothing.  Returns bool(condition)."""
    ok = bool(condition)
    _claims.append((str(text), ok))
    return ok


def _now():
    return asyncio.get_event_loop().time()


def _tick():
    return getattr(asyncio.get_event_loop(), 'tick', None)


def _write_claims():
    path = os.environ.get('ASIM_CLAIM_LOG')
    if path:
        with open(path, 'w') as f:
            for text, ok in _claims:
                f.write('%s\t%s\n' % ('PASS' if ok else 'FAIL', text))


def _make_asim_module():
    mod = types.ModuleType('asim', 'asim conformance helpers (virtual_clock)')
    mod.claim = _claim
    mod.claims = _claims
    mod.now = _now
    mod.tick = _tick
    return mod


_installed = False


def install(handle_log=None):
    """Install the virtual-clock policy (idempotent).

    handle_log: path for the per-handle log; defaults to $ASIM_HANDLE_LOG.
    """
    global _installed
    if handle_log is None:
        handle_log = os.environ.get('ASIM_HANDLE_LOG') or None
    if handle_log:
        _enable_handle_log(handle_log)
    if _installed:
        return
    _installed = True
    asyncio.set_event_loop_policy(VirtualClockEventLoopPolicy())
    _install_time()
    # The random module's generator starts from seed 0, as asim's does,
    # instead of from the OS.
    import random
    random.seed(0)
    if 'asim' not in sys.modules:
        sys.modules['asim'] = _make_asim_module()
        atexit.register(_write_claims)
    # Allow ``import virtual_clock`` from a scenario when run as a script.
    sys.modules.setdefault('virtual_clock', sys.modules[__name__])


def main(argv=None):
    if argv is None:
        argv = sys.argv[1:]
    if not argv:
        sys.stderr.write('usage: %s SCENARIO.py [args...]\n' % sys.argv[0])
        return 2
    # ``python SCENARIO.py`` itself runs the program, the policy installed
    # first by harness_site/sitecustomize.py: exec() of the program from here
    # would add this module's frames and runpy's under it, which the
    # recursion limit counts, and change how tracebacks and sys.path look.
    env = dict(os.environ)
    if 'PYTHONPATH' in env:
        env['ASIM_HARNESS_OLD_PYTHONPATH'] = env['PYTHONPATH']
    site_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'harness_site')
    env['PYTHONPATH'] = os.pathsep.join([site_dir] + ([env['PYTHONPATH']] if env.get('PYTHONPATH') else []))
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, [sys.executable] + list(argv), env)


if __name__ == '__main__':
    sys.exit(main())
