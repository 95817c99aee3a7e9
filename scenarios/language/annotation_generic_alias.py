# `list[str]` in a def's annotations is evaluated when the def runs: before
# 3.9 builtin types are not subscriptable, and the def itself fails.
import asyncio


async def word_lengths(words: list[str], delay: float = 0.1) -> dict[str, int]:
    await asyncio.sleep(delay)
    return {w: len(w) for w in words}


print(asyncio.run(word_lengths(["event", "loop"])))
