# Tasks still pending when main returns are cancelled by asyncio.run; their
# finally blocks run after main's last line.
import asyncio


async def background(name):
    try:
        await asyncio.sleep(100)
    finally:
        print(f"{name}: finally (cancelled by asyncio.run)")


async def main():
    asyncio.create_task(background("only-one"))
    await asyncio.sleep(0.1)
    print("main: returning")


asyncio.run(main())
print("after asyncio.run")
