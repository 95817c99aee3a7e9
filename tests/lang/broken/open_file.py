# expect-exit: 2
# expect-stderr-contains: open_file.py:8: not supported by asim: open
# CPython would open the file; asim has no files, and says so instead of a
# NameError the program could catch.
import asyncio

async def main():
    with open("data.txt") as f:
        print(f.read())

asyncio.run(main())
