# asim: python>=3.8
# IsolatedAsyncioTestCase: setUp, asyncSetUp, the test, asyncTearDown,
# tearDown and async cleanups on one fresh loop per test; quiet (dots) and
# verbose runs of the same suite, reported on stdout.
import asyncio
import sys
import unittest

class Stdout:
    """The runner's report on stdout, this file's path in it shortened."""

    def write(self, text):
        sys.stdout.write(text.replace(__file__, "THIS_FILE"))

    def flush(self):
        sys.stdout.flush()


events = []


class QueueTests(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        events.append("setUp " + self._testMethodName)

    async def asyncSetUp(self):
        self.queue = asyncio.Queue()
        events.append("asyncSetUp at %.1f" % asyncio.get_running_loop().time())
        self.addAsyncCleanup(self.drain)

    async def drain(self):
        while not self.queue.empty():
            events.append("drained %r" % self.queue.get_nowait())

    async def asyncTearDown(self):
        events.append("asyncTearDown")

    def tearDown(self):
        events.append("tearDown")

    async def test_producer_consumer(self):
        async def producer():
            for i in range(3):
                await asyncio.sleep(0.1)
                await self.queue.put(i)

        task = asyncio.create_task(producer())
        got = [await self.queue.get() for _ in range(3)]
        await task
        self.assertEqual(got, [0, 1, 2])
        self.assertAlmostEqual(asyncio.get_running_loop().time(), 0.3)
        await self.queue.put("left over")

    async def test_timeout(self):
        with self.assertRaises(asyncio.TimeoutError):
            await asyncio.wait_for(self.queue.get(), 1.5)

    async def test_event(self):
        event = asyncio.Event()
        asyncio.get_running_loop().call_later(0.2, event.set)
        self.assertFalse(event.is_set())
        await event.wait()
        self.assertTrue(event.is_set())


class Plain(unittest.TestCase):
    def test_fails(self):
        self.assertTrue([], "an empty list is false")

    def test_ok(self):
        self.assertNotEqual(asyncio.sleep, asyncio.wait)


def run(verbosity):
    loader = unittest.defaultTestLoader
    suite = unittest.TestSuite([loader.loadTestsFromTestCase(QueueTests), loader.loadTestsFromTestCase(Plain)])
    result = unittest.TextTestRunner(stream=Stdout(), verbosity=verbosity).run(suite)
    print(result)


run(1)
run(2)
for line in events:
    print(line)
