# exit() from site, as scripts call it to stop early: SystemExit's code
# becomes the exit status, and finally blocks still run.
import asyncio


async def main():
    try:
        await asyncio.sleep(1)
        print("slept", asyncio.get_running_loop().time())
        exit(3)
    finally:
        print("finally runs")


try:
    asyncio.run(main())
except SystemExit as e:
    print("SystemExit", e.code, repr(e))
quit()
print("never printed")
