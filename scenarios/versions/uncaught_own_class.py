# A program's own exception class escaping asyncio.run: the interpreter's
# last line names it "__main__.PaymentDeclined" up to 3.10, plain
# "PaymentDeclined" from 3.11 (the traceback module never names __main__).
import asyncio
import traceback


class PaymentDeclined(Exception):
    pass


async def charge(amount):
    await asyncio.sleep(0.1)
    if amount > 100:
        raise PaymentDeclined(f"amount {amount} over the limit")
    return amount


async def main():
    try:
        await charge(500)
    except PaymentDeclined:
        print(traceback.format_exc().splitlines()[-1])
    print(await charge(20))
    await charge(250)


asyncio.run(main())
