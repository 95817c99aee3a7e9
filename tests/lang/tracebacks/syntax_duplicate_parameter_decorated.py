# A duplicate parameter of a decorated function: 3.7 reports it at the
# first decorator, 3.8-3.9 at the def, 3.10+ at the parameter.
import functools


class Cache:
    @staticmethod
    @functools.lru_cache()
    def lookup(key, default, key):
        return default
