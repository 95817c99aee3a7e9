# What asyncio scripts read from os: settings from the environment with
# defaults, the platform's separators, and file names put together with
# os.path's string functions (no file is touched).
import asyncio
import os
import os.path


CONCURRENCY = int(os.getenv("ASIM_SCENARIO_UNSET_CONCURRENCY", "3"))
DEBUG = os.environ.get("ASIM_SCENARIO_UNSET_DEBUG", "0") == "1"


async def fetch(name, sem):
    async with sem:
        await asyncio.sleep(0.1)
        return os.path.join("downloads", name + ".json")


async def main():
    print(CONCURRENCY, DEBUG, os.getenv("ASIM_SCENARIO_UNSET"), os.name, repr(os.sep), repr(os.linesep))
    print("ASIM_SCENARIO_UNSET" in os.environ, type(os.environ.get("ASIM_SCENARIO_UNSET", 1)).__name__)
    os.environ["ASIM_SCENARIO_SET"] = "yes"
    print(os.getenv("ASIM_SCENARIO_SET"), os.environ.pop("ASIM_SCENARIO_SET"), os.getenv("ASIM_SCENARIO_SET", "gone"))
    try:
        os.environ["ASIM_SCENARIO_NUMBER"] = 1
    except TypeError as e:
        print("TypeError:", e)
    sem = asyncio.Semaphore(CONCURRENCY)
    paths = await asyncio.gather(*(fetch(n, sem) for n in ["a", "b", "c", "d"]))
    print(paths, round(asyncio.get_running_loop().time(), 2))
    for p in ["/var/log/app.log", "archive.tar.gz", ".bashrc", "dir/", "/", "a//b/../c/./d", ""]:
        print(repr(p), os.path.split(p), os.path.splitext(p), os.path.basename(p), repr(os.path.dirname(p)),
              os.path.isabs(p), os.path.normpath(p))
    print(os.path.join("/srv", "data", "/abs", "x"), os.path.join("a", ""), os.path.join("", "b"))


asyncio.run(main())
