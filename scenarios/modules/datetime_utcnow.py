# utcnow() and utcfromtimestamp() give naive UTC datetimes; from 3.12 each
# call warns DeprecationWarning at the caller's line.
import asyncio
import datetime


async def main():
    before = datetime.datetime.utcnow()
    await asyncio.sleep(2.5)
    after = datetime.datetime.utcnow()
    print(before, after, after - before)
    print(datetime.datetime.utcfromtimestamp(0), repr(datetime.datetime.utcfromtimestamp(1.25)))
    aware = datetime.datetime.now(datetime.timezone.utc)
    print(aware, aware.replace(tzinfo=None) == after)


asyncio.run(main())
