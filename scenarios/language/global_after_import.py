# An import binds its name as an import, which a later `global` declaration
# does not object to (it does to an assignment or a use): the function's
# import then binds the module-level name.
import asyncio


async def load():
    import json
    global json
    await asyncio.sleep(0.1)
    return "loaded"


print(asyncio.run(load()))
print(json.dumps({"ready": True}))
