# expect: 6:5: SyntaxError: 'await' outside async function
import asyncio


def main():
    await asyncio.sleep(1)
