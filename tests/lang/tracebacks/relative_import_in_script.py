print("start")
try:
    from . import helpers
except ImportError as e:
    print(type(e).__name__, e)
from .. import other
