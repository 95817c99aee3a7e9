# datetime on the virtual clock: now(), today() and time.time() agree and
# move with asyncio.sleep; timedelta arithmetic, str and repr; formatting
# and parsing of common formats.
import asyncio
import time
from datetime import date, datetime, timedelta, timezone
import datetime as dt


async def job(name, delay):
    started = datetime.now()
    await asyncio.sleep(delay)
    took = datetime.now() - started
    print(name, "took", took, repr(took), took.total_seconds())
    return took


async def main():
    start = datetime.now()
    print(start, repr(start), start == datetime.fromtimestamp(time.time()))
    print(date.today(), datetime.today().isoformat(), datetime.now(timezone.utc))
    results = await asyncio.gather(job("a", 1.5), job("b", 0.25), job("c", 90))
    print(sum(results, timedelta()), max(results), sorted(results)[0])
    elapsed = datetime.now() - start
    print("elapsed", elapsed, elapsed > timedelta(minutes=1), elapsed // timedelta(seconds=1))
    print(datetime.now().strftime("%Y-%m-%d %H:%M:%S.%f"), f"{datetime.now():%H:%M}")
    deadline = datetime.now() + timedelta(hours=1, minutes=30)
    print("deadline", deadline.time(), deadline.isoformat(timespec="seconds"))


asyncio.run(main())

d = timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=5)
print(d, repr(d), d.days, d.seconds, d.microseconds, d.total_seconds())
print(repr(timedelta()), timedelta(hours=-1), repr(timedelta(seconds=-1)), -d, abs(-d))
print(timedelta(days=3) / 2, timedelta(seconds=10) * 1.5, 3 * timedelta(minutes=7), timedelta(hours=1) / timedelta(minutes=7))
print(divmod(timedelta(hours=1), timedelta(minutes=7)), timedelta(hours=1) % timedelta(minutes=7), timedelta(seconds=0.1))
print(timedelta(weeks=2, milliseconds=1500), timedelta(days=-1, seconds=5), str(timedelta(microseconds=1500)))
print(timedelta.max, timedelta.min, timedelta.resolution, bool(timedelta()), timedelta(1) == timedelta(hours=24))

moment = datetime(2024, 2, 28, 23, 59, 59, 999999)
print(moment + timedelta(microseconds=1), moment - datetime(2023, 1, 1), repr(moment - datetime(2024, 2, 29)))
print(moment.isoformat(), moment.isoformat(sep=" ", timespec="milliseconds"), moment.date(), moment.time())
print(moment.strftime("%a %A %b %B %d %j %p %I %y %U %W %w %% %H:%M:%S"), moment.ctime())
print(moment.weekday(), moment.isoweekday(), moment.timetuple()[:8], moment.toordinal(), moment.replace(year=2023))
print(datetime.fromisoformat("2024-03-01T10:20:30.123+02:00"), repr(datetime.fromisoformat("2024-03-01 10:20")))
print(date.fromisoformat("2024-02-29"), repr(dt.time.fromisoformat("10:20:30")), dt.time(10, 5, 3, 100).isoformat())
try:
    datetime.fromisoformat("03/01/2024")
except ValueError as e:
    print("ValueError:", e)
print(repr(date(2024, 5, 17)), date(2024, 3, 1) - date(2024, 2, 1), date(2024, 1, 31) + timedelta(days=30))
print(date(2024, 1, 1) < date(2024, 1, 2), {date(2024, 1, 1): "new year"}[date(2024, 1, 1)], date(2020, 1, 1).ctime())
print(datetime.combine(date(2020, 1, 1), dt.time(5, 30)), datetime(2024, 1, 1).timestamp(), datetime.fromtimestamp(86400.5))
utc = datetime(2024, 1, 1, 10, tzinfo=timezone.utc)
plus2 = datetime(2024, 1, 1, 12, tzinfo=timezone(timedelta(hours=2)))
print(utc == plus2, plus2 - utc, plus2.astimezone(timezone.utc), repr(plus2), plus2.utcoffset(), plus2.tzname())
print(repr(timezone.utc), str(timezone(timedelta(hours=-3, minutes=-30))), utc.timestamp(), utc.strftime("%z %Z"))
print(datetime(2024, 1, 1) == utc)
print(datetime.max, datetime.min, date.max, dt.MINYEAR, dt.MAXYEAR)
