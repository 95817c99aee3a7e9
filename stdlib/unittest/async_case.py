# unittest.async_case (asim's own): IsolatedAsyncioTestCase (3.8+). Each test
# gets an event loop of its own; setUp, asyncSetUp, the test, asyncTearDown,
# tearDown and the cleanups run on it, as CPython schedules them: up to 3.10
# every coroutine is awaited by one long-lived runner task fed through a
# queue, from 3.11 each runs as a task of an asyncio.Runner sharing one
# context; leftover tasks are cancelled and the loop closed after the test.
import asyncio
import contextvars
import sys
import warnings

from unittest.case import TestCase

__unittest = True

_RUNNER = sys.version_info >= (3, 11)


class IsolatedAsyncioTestCase(TestCase):

    def __init__(self, methodName='runTest'):
        TestCase.__init__(self, methodName)
        self._asyncioRunner = None
        self._asyncioTestLoop = None
        self._asyncioCallsQueue = None
        self._asyncioTestContext = contextvars.copy_context()

    async def asyncSetUp(self):
        pass

    async def asyncTearDown(self):
        pass

    def addAsyncCleanup(self, func, *args, **kwargs):
        self.addCleanup(*(func, *args), **kwargs)

    def _callSetUp(self):
        if _RUNNER:
            self._asyncioRunner.get_loop()
            self._asyncioTestContext.run(self.setUp)
        else:
            self.setUp()
        self._callAsync(self.asyncSetUp)

    def _callTestMethod(self, method):
        if self._callMaybeAsync(method) is not None and _RUNNER:
            warnings.warn('It is deprecated to return a value that is not None from a test case (%s)' % (method,),
                          DeprecationWarning, stacklevel=4)

    def _callTearDown(self):
        self._callAsync(self.asyncTearDown)
        if _RUNNER:
            self._asyncioTestContext.run(self.tearDown)
        else:
            self.tearDown()

    def _callCleanup(self, function, *args, **kwargs):
        self._callMaybeAsync(function, *args, **kwargs)

    def _callAsync(self, func, *args, **kwargs):
        if getattr(self, '_asim_stopped', False):
            return self._skipAfterStop(func(*args, **kwargs))
        if _RUNNER:
            return self._asyncioRunner.run(func(*args, **kwargs), context=self._asyncioTestContext)
        awaitable = func(*args, **kwargs)
        fut = self._asyncioTestLoop.create_future()
        self._asyncioCallsQueue.put_nowait((fut, awaitable))
        return self._asyncioTestLoop.run_until_complete(fut)

    def _callMaybeAsync(self, func, *args, **kwargs):
        if getattr(self, '_asim_stopped', False) and asyncio.iscoroutinefunction(func):
            return self._skipAfterStop(func(*args, **kwargs))
        if _RUNNER:
            if asyncio.iscoroutinefunction(func):
                return self._asyncioRunner.run(func(*args, **kwargs), context=self._asyncioTestContext)
            return self._asyncioTestContext.run(func, *args, **kwargs)
        ret = func(*args, **kwargs)
        if asyncio.iscoroutine(ret):
            fut = self._asyncioTestLoop.create_future()
            self._asyncioCallsQueue.put_nowait((fut, ret))
            return self._asyncioTestLoop.run_until_complete(fut)
        return ret

    @staticmethod
    def _skipAfterStop(coro):
        # asim stopped earlier in this test (it errors already): the task it
        # stopped in holds the loop, which cannot run this coroutine.
        coro.close()

    # Up to 3.10: the runner task every coroutine of the test goes through.
    async def _asyncioLoopRunner(self, fut):
        self._asyncioCallsQueue = queue = asyncio.Queue()
        fut.set_result(None)
        while True:
            query = await queue.get()
            queue.task_done()
            if query is None:
                return
            fut, awaitable = query
            try:
                ret = await awaitable
                if not fut.cancelled():
                    fut.set_result(ret)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as ex:
                if not fut.cancelled():
                    fut.set_exception(ex)

    def _setupAsyncioLoop(self):
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        loop.set_debug(True)
        self._asyncioTestLoop = loop
        fut = loop.create_future()
        self._asyncioCallsTask = loop.create_task(self._asyncioLoopRunner(fut))
        loop.run_until_complete(fut)

    def _tearDownAsyncioLoop(self):
        loop = self._asyncioTestLoop
        self._asyncioTestLoop = None
        if getattr(self, '_asim_stopped', False):
            self._abandonAsyncioLoop(loop)
            return
        self._asyncioCallsQueue.put_nowait(None)
        loop.run_until_complete(self._asyncioCallsQueue.join())
        try:
            to_cancel = asyncio.all_tasks(loop)
            if not to_cancel:
                return
            for task in to_cancel:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*to_cancel, return_exceptions=True))
            for task in to_cancel:
                if task.cancelled():
                    continue
                if task.exception() is not None:
                    loop.call_exception_handler({
                        'message': 'unhandled exception during test shutdown',
                        'exception': task.exception(),
                        'task': task,
                    })
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            if sys.version_info >= (3, 9):
                loop.run_until_complete(loop.shutdown_default_executor())
            asyncio.set_event_loop(None)
            loop.close()

    def _abandonAsyncioLoop(self, loop):
        # asim stopped inside the test: the task it stopped in can never
        # finish, so the loop is closed without running it again (awaiting
        # that task would never end). The stop is the test's report: debug
        # mode's own report of that task, destroyed pending, would be a
        # second one about the same stop.
        loop.set_debug(False)
        asyncio.set_event_loop(None)
        loop.close()

    def _setupAsyncioRunner(self):
        self._asyncioRunner = asyncio.Runner(debug=True)

    def _tearDownAsyncioRunner(self):
        runner = self._asyncioRunner
        self._asyncioRunner = None
        if getattr(self, '_asim_stopped', False):
            self._abandonAsyncioLoop(runner.get_loop())
            return
        runner.close()

    def run(self, result=None):
        if _RUNNER:
            self._setupAsyncioRunner()
            try:
                return TestCase.run(self, result)
            finally:
                self._tearDownAsyncioRunner()
        self._setupAsyncioLoop()
        try:
            return TestCase.run(self, result)
        finally:
            self._tearDownAsyncioLoop()

    def debug(self):
        if _RUNNER:
            self._setupAsyncioRunner()
            TestCase.debug(self)
            self._tearDownAsyncioRunner()
        else:
            self._setupAsyncioLoop()
            TestCase.debug(self)
            self._tearDownAsyncioLoop()
