# expect-exit: 1
# expect-stderr-last: ValueError: a coroutine was expected, got <function main at 0x?>
import asyncio
async def main():
    return 1
asyncio.run(main)
