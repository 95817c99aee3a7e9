# expect: 3:1: SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
import asyncio
asyncio.sleep(1) = 3
