# expect-exit: 1
# expect-stderr-last: ModuleNotFoundError: No module named 'aiohttp'
import aiohttp
