# Under `from __future__ import annotations` a def's annotations are kept as
# their source text and never evaluated.
from __future__ import annotations

import asyncio


async def gather_all(urls: list[str], *, limit: int | None = None,
                     **options: Unknown[int, "deep"]) -> dict[str, Result]:
    await asyncio.sleep(0)
    return {u: len(u) for u in urls[:limit]}


def handler(event: Event, *args: tuple[int, ...]) -> Callable[[int], Awaitable[None]]:
    return None


print(gather_all.__annotations__)
print(handler.__annotations__)
print(asyncio.run(gather_all(["a", "bb", "ccc"], limit=2)))
