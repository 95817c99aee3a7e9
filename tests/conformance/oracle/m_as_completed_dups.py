"""(m) Duplicate arguments to as_completed: set(fs) keeps one of each object,
so passing the same Task (or coroutine) twice gives one item fewer."""
import asyncio

async def fetch(delay):
    await asyncio.sleep(delay)
    return 'result %r' % delay

async def main():
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(fetch(0.2))
    b = asyncio.create_task(fetch(0.1))
    items = list(asyncio.as_completed([a, b, a, a]))
    print('tasks [a, b, a, a] -> %d items' % len(items))
    for item in items:
        print('  %r at %r tick %d' % (await item, loop.time(), loop.tick))
    c = fetch(0.3)
    before = len(asyncio.all_tasks())
    items = list(asyncio.as_completed([c, c]))
    print('coroutine [c, c] -> %d items, %d new task(s)' % (len(items), len(asyncio.all_tasks()) - before))
    for item in items:
        print('  %r at %r tick %d' % (await item, loop.time(), loop.tick))

asyncio.run(main())
