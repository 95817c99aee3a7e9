# expect: 6:33: SyntaxError: expected ':'
import asyncio


async def main():
    if asyncio.iscoroutine(main)
        print("yes")
