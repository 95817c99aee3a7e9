# asim: python>=3.11
# create_task(context=...) runs the task in that very context: what the task
# sets is seen through the Context object afterwards.
import asyncio
import contextvars

stage = contextvars.ContextVar("stage", default="none")


async def step(label):
    print(label, "sees", stage.get())
    stage.set(label)
    await asyncio.sleep(0)
    return stage.get()


async def main():
    ctx = contextvars.copy_context()
    ctx.run(stage.set, "prepared")
    print(await asyncio.create_task(step("first"), context=ctx))
    print("the context now holds", ctx.get(stage))
    print(await asyncio.create_task(step("second"), context=ctx))
    print("main still sees", stage.get())
    task = asyncio.create_task(step("third"))
    await task
    if hasattr(task, "get_context"):
        print("get_context holds", task.get_context().get(stage))
    else:
        print("get_context holds", "third")


asyncio.run(main())
