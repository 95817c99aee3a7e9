# sys.exit() in a background task goes through the loop and out of
# run_until_complete. The task keeps the SystemExit as its exception and
# lives as long as that exception does (the traceback's frames hold it), so
# its "Task exception was never retrieved" report comes only once the
# exception is gone: after everything the program still prints, at exit.
import asyncio
import sys


async def watchdog(limit):
    await asyncio.sleep(limit)
    print("watchdog: time limit reached, exiting")
    sys.exit(3)


async def main():
    loop = asyncio.get_running_loop()
    loop.create_task(watchdog(1.5))
    for step in range(5):
        await asyncio.sleep(0.5)
        print("main step", step, "at", loop.time())


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
except SystemExit as e:
    print("SystemExit caught at top level, code", e.code)
print("main task done:", [t.done() for t in asyncio.all_tasks(loop)])
print("cleanup finished", file=sys.stderr)
