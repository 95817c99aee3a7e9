# test.test_asyncio.utils (asim's own stand-in): the helpers CPython's
# asyncio scheduling tests use, without the sockets, ssl and servers of
# CPython's module.
import asyncio
import sys
import unittest

import _asimlib
from unittest import mock


def run_briefly(loop):
    # One more iteration of the loop: a task done at its first step, whose
    # done-callback stops the loop at the next.
    async def once():
        pass
    task = loop.create_task(once())
    # Left pending when the loop was stopped: no "destroyed but pending".
    task._log_destroy_pending = False
    loop.run_until_complete(task)


def run_until(loop, pred, timeout=5 * 60.0):
    deadline = loop.time() + timeout
    while not pred():
        if loop.time() > deadline:
            raise asyncio.TimeoutError()
        loop.run_until_complete(asyncio.sleep(0.001))


def run_once(loop):
    """Runs the loop through one iteration (stop is scheduled first)."""
    loop.call_soon(loop.stop)
    loop.run_forever()


def MockCallback(**kwargs):
    return mock.Mock(spec=['__call__'], **kwargs)


async def await_without_task(coro):
    # Drives coro's awaitable from a plain callback, outside any task.
    failure = []

    def drive():
        try:
            for _ in coro.__await__():
                pass
        except BaseException as err:
            failure.append(err)
    asyncio.get_running_loop().call_soon(drive)
    await asyncio.sleep(0)
    if failure:
        raise failure[0]


class _TimeScript:
    # TestLoop's generator of times: each deadline the loop sets is sent to
    # it after the iteration that set it, and it answers how far the clock
    # moves; at close() it must be used up. Without one the clock never
    # moves and the first deadline ends the run (StopIteration).
    def __init__(self, gen):
        self.check_on_close = gen is not None
        if gen is None:
            def gen():
                yield
        self.gen = gen()
        next(self.gen)

    def send(self, when):
        return self.gen.send(when)

    def close(self):
        if self.check_on_close:
            try:
                self.gen.send(0)
            except StopIteration:
                pass
            else:
                raise AssertionError("Time generator is not finished")


def TestLoop(gen=None):
    # CPython's TestLoop subclasses BaseEventLoop to script its clock
    # (time(), call_at(), _run_once() and close() overridden): asim's loop
    # takes the script instead.
    loop = asyncio.new_event_loop()
    script = _TimeScript(gen)
    _asimlib.script_clock(loop, script.send, script.close)

    def advance_time(advance):
        if advance:
            _asimlib.advance_clock(loop, advance)
    loop.advance_time = advance_time
    return loop


class TestCase(unittest.TestCase):
    @staticmethod
    def close_loop(loop):
        loop.close()

    def set_event_loop(self, loop, *, cleanup=True):
        if loop is None:
            raise AssertionError('loop is None')
        asyncio.set_event_loop(None)
        if cleanup:
            self.addCleanup(self.close_loop, loop)

    def new_test_loop(self, gen=None):
        loop = TestLoop(gen)
        self.set_event_loop(loop)
        return loop

    def unpatch_get_running_loop(self):
        pass

    def setUp(self):
        pass

    def tearDown(self):
        asyncio.set_event_loop(None)
        self.assertIsNone(sys.exc_info()[0])
        self.doCleanups()
