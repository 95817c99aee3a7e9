# A class made inside a function has a qualified name with <locals>: the
# uncaught exception's last line uses the plain name on 3.7-3.8, the
# qualified one after __main__ on 3.9-3.10, the qualified one alone from 3.11.
import asyncio


def make_error_class():
    class RetryExhausted(RuntimeError):
        pass
    return RetryExhausted


RetryExhausted = make_error_class()


async def fetch(attempts):
    for n in range(attempts):
        await asyncio.sleep(0.5)
        print("attempt", n + 1, "failed")
    raise RetryExhausted(f"gave up after {attempts} attempts")


asyncio.run(fetch(3))
