"""(n) The name a traceback's last line gives each asyncio exception class
(traceback.format_exception_only: 'module.qualname', bare for builtins), and
the last line of the traceback of an uncaught CancelledError / TimeoutError
raised out of asyncio.run."""
import asyncio
import sys
import traceback

for name in ('CancelledError', 'TimeoutError', 'InvalidStateError', 'QueueEmpty'):
    cls = getattr(asyncio, name)
    print('%s: %s' % (name, traceback.format_exception_only(cls, cls())[-1].strip()))

async def cancelled_main():
    t = asyncio.ensure_future(asyncio.sleep(1))
    await asyncio.sleep(0)
    t.cancel()
    await t

async def timeout_main():
    await asyncio.wait_for(asyncio.sleep(1), 0.5)

for main in (cancelled_main, timeout_main):
    try:
        asyncio.run(main())
    except BaseException:
        print('uncaught from %s: %s' % (main.__name__, traceback.format_exc().strip().splitlines()[-1]))
