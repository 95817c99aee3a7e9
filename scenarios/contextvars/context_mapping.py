# A copied Context is a read-only mapping of the variables set when it was
# taken: `in`, len(), iteration, [] and get, seen from inside a task.
import asyncio
import contextvars

request = contextvars.ContextVar("request")
user = contextvars.ContextVar("user", default="anonymous")


async def handler(ctx):
    await asyncio.sleep(0.1)
    print("request in ctx:", request in ctx, "user in ctx:", user in ctx)
    print("len:", len(ctx), "names:", sorted(v.name for v in ctx))
    print("ctx[request]:", ctx[request], "get user:", ctx.get(user, "unset"))
    try:
        ctx[user]
    except KeyError as e:
        print("KeyError", e.args[0].name)


async def main():
    print(len(contextvars.copy_context()) >= 0, request in contextvars.copy_context())
    request.set("GET /")
    ctx = contextvars.copy_context()
    request.set("POST /")
    await asyncio.create_task(handler(ctx))
    print([name for name in sorted(v.name for v in contextvars.copy_context())])


asyncio.run(main())
