# unittest.async_case (asim's own): IsolatedAsyncioTestCase (3.8+), each
# test on an event loop of its own: setUp, asyncSetUp, the test, asyncTearDown,
# tearDown and the cleanups run on it, then leftover tasks are cancelled and
# the loop closed, as CPython does.
import asyncio
import sys

from unittest.case import TestCase

__unittest = True


class IsolatedAsyncioTestCase(TestCase):

    def __init__(self, methodName='runTest'):
        TestCase.__init__(self, methodName)
        self._asyncioTestLoop = None

    async def asyncSetUp(self):
        pass

    async def asyncTearDown(self):
        pass

    def addAsyncCleanup(self, func, *args, **kwargs):
        self.addCleanup(*(func, *args), **kwargs)

    def _callSetUp(self):
        self.setUp()
        self._callAsync(self.asyncSetUp)

    def _callTestMethod(self, method):
        if self._callMaybeAsync(method) is not None and sys.version_info >= (3, 11):
            import warnings
            warnings.warn('It is deprecated to return a value that is not None from a test case (%s)' % (method,),
                          DeprecationWarning, stacklevel=4)

    def _callTearDown(self):
        self._callAsync(self.asyncTearDown)
        self.tearDown()

    def _callCleanup(self, function, *args, **kwargs):
        self._callMaybeAsync(function, *args, **kwargs)

    def _callAsync(self, func, *args, **kwargs):
        return self._asyncioTestLoop.run_until_complete(func(*args, **kwargs))

    def _callMaybeAsync(self, func, *args, **kwargs):
        if asyncio.iscoroutinefunction(func):
            return self._asyncioTestLoop.run_until_complete(func(*args, **kwargs))
        return func(*args, **kwargs)

    def _setupAsyncioLoop(self):
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._asyncioTestLoop = loop

    def _tearDownAsyncioLoop(self):
        loop = self._asyncioTestLoop
        self._asyncioTestLoop = None
        try:
            to_cancel = asyncio.all_tasks(loop)
            if to_cancel:
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
            shutdown_asyncgens = getattr(loop, 'shutdown_asyncgens', None)
            if shutdown_asyncgens is not None:
                loop.run_until_complete(shutdown_asyncgens())
        finally:
            asyncio.set_event_loop(None)
            loop.close()

    def run(self, result=None):
        self._setupAsyncioLoop()
        try:
            return TestCase.run(self, result)
        finally:
            self._tearDownAsyncioLoop()

    def debug(self):
        self._setupAsyncioLoop()
        TestCase.debug(self)
        self._tearDownAsyncioLoop()
