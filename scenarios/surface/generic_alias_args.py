# asim: python>=3.9
# Subscripted asyncio classes (PEP 585): the alias's __origin__ and __args__.
import asyncio

for alias in (asyncio.Future[int], asyncio.Task[str], asyncio.Queue[tuple], list[int], dict[str, list[int]]):
    print(alias, alias.__origin__.__name__, alias.__args__)
print(asyncio.Future[int].__origin__ is asyncio.Future)
print(type(asyncio.Queue[int]).__name__)
