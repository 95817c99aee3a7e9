# Done-callbacks are scheduled with call_soon in the order they were added,
# never called inline by set_result.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback 1 sees", f.result()))
    fut.add_done_callback(lambda f: print("callback 2 sees", f.result()))
    fut.set_result(42)
    print("set_result returned; callbacks not run yet")
    await asyncio.sleep(0)
    print("after one loop iteration")


asyncio.run(main())
