# Unpacking a dict subclass ({**d}, f(**d), dict(d)) takes its entries as
# they are, past an overridden __getitem__, as dict_merge does; a subclass
# that iterates in its own way is merged through keys() and [] instead.
import asyncio


class Loud(dict):
    def __getitem__(self, key):
        return "override"


class OwnIteration(dict):
    def __iter__(self):
        return iter(["a"])

    def keys(self):
        return ["a"]

    def __getitem__(self, key):
        return "via getitem"


async def options(**kwargs):
    await asyncio.sleep(0.1)
    return kwargs


async def main():
    loud = Loud(a=1, b=2)
    print({**loud}, await options(**loud), dict(loud), {**loud, "c": 3}, loud["a"])
    own = OwnIteration(a=1, b=2)
    print({**own}, await options(**own), dict(own), len(own))


asyncio.run(main())
