# unittest on asyncio code, the pre-3.8 way: each test makes its own loop in
# setUp and drives it with run_until_complete; the text runner reports on
# stdout (verbose lines, failure blocks, the summary) as each version prints it.
import asyncio
import sys
import unittest


async def double_later(x, delay):
    await asyncio.sleep(delay)
    return 2 * x


class Stdout:
    """The runner's report on stdout, this file's path in it shortened."""

    def write(self, text):
        sys.stdout.write(text.replace(__file__, "THIS_FILE"))

    def flush(self):
        sys.stdout.flush()


class GatherTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)
        self.addCleanup(print, "cleanup after", self._testMethodName)

    def tearDown(self):
        self.loop.close()
        asyncio.set_event_loop(None)

    def run_async(self, coro):
        return self.loop.run_until_complete(coro)

    def test_gather_order(self):
        """gather keeps the order of its arguments."""
        result = self.run_async(asyncio.gather(double_later(1, 0.3), double_later(2, 0.1)))
        self.assertEqual(result, [2, 4])
        self.assertAlmostEqual(self.loop.time(), 0.3, places=6)

    def test_wait_for_times_out(self):
        with self.assertRaises(asyncio.TimeoutError):
            self.run_async(asyncio.wait_for(double_later(1, 5), 0.5))
        self.assertGreaterEqual(self.loop.time(), 0.5)

    def test_wrong_expectation(self):
        self.assertEqual(self.run_async(double_later(3, 0.2)), 7)

    def test_subtests(self):
        for delay in (0.1, 0.2, 0.3):
            with self.subTest(delay=delay):
                value = self.run_async(double_later(delay, delay))
                self.assertLess(value, 0.5)

    @unittest.skipIf(sys.version_info >= (3, 0), "always skipped here")
    def test_skipped(self):
        self.fail("never runs")

    @unittest.expectedFailure
    def test_known_bug(self):
        self.assertIn(3, self.run_async(asyncio.gather(double_later(0, 0), double_later(2, 0))))

    def test_error_after_await(self):
        value = self.run_async(double_later(1, 0.1))
        {}[value]

    def test_callable_form(self):
        self.assertRaises(ZeroDivisionError, lambda: 1 / 0)
        self.assertIsInstance(self.loop.create_future(), asyncio.Future)
        self.assertIsNone(None)


if __name__ == "__main__":
    runner = unittest.TextTestRunner(stream=Stdout(), verbosity=2)
    program = unittest.main(testRunner=runner, argv=["loop_in_setup"], exit=False)
    print("successful:", program.result.wasSuccessful(), "run:", program.result.testsRun)
