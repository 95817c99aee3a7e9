# asyncio.run given something that is not a coroutine: 3.7-3.10 refuse it
# before making a loop; 3.11+ refuse it inside a Runner that has made one,
# and closing that Runner runs two shutdown tasks, so the next run's main
# task has a later number.
import asyncio

async def job():
    task = asyncio.current_task()
    return task.get_name() if hasattr(task, "get_name") else "unnamed"

for bad in (1, None, job):
    try:
        asyncio.run(bad)
    except ValueError as e:
        print("refused:", e.args[0].split(" at ")[0])
    try:
        asyncio.get_event_loop()
        print("a loop")
    except RuntimeError as e:
        print("RuntimeError", e)

print(asyncio.run(job()))
