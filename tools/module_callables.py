"""Writes model/modules/module_callables.cpp: the public functions and
classes each installed CPython 3.7-3.13 gives the standard modules asim
provides (its native modules and its stdlib/ library modules); and
model/modules/module_values.cpp: their other public names (constants,
objects such as sys.path or sys.flags).

Usage: python3 tools/module_callables.py   (needs the pyenv interpreters)

asim provides only part of those modules. A name CPython has and asim
lacks must stop the run as not modelled (exit 2), never be CPython's
AttributeError or ImportError, which a program could catch and which CPython
would never raise. A callable stands in as a function that refuses when called (faithful
until then); reading any other name asim lacks stops the run (the module's
__getattr__).
Names of builtins are left out: the module dict is the module's globals, and
a stand-in `property` (enum has its own) would hide the builtin from asim's
library code.
"""

import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
from stdlib_names import pair_masks, write_pair_table
OUTPUT = os.path.join(ROOT, "model", "modules", "module_callables.cpp")
# asim's native modules (model/modules/module_finder.cpp), standard ones only.
NATIVE = ["asyncio", "sys", "time", "random", "contextlib", "dataclasses", "contextvars"]

# Runs inside each interpreter with the module names as arguments; prints
# JSON {module: [names]}.
PROBE = r'''
import builtins, importlib, json, sys, types
shadowing = set(dir(builtins))
kinds = (type, types.FunctionType, types.BuiltinFunctionType, types.MethodType)
out = {}
for name in sys.argv[1:]:
    try:
        m = importlib.import_module(name)
    except ImportError:
        continue
    out[name] = sorted(n for n in dir(m) if not n.startswith("_") and n not in shadowing and isinstance(getattr(m, n), kinds))
print(json.dumps(out))
'''

# The same for the other public names: neither callables nor modules.
VALUE_PROBE = PROBE.replace("isinstance(getattr(m, n), kinds)",
                            "not isinstance(getattr(m, n), kinds + (types.ModuleType,))")
VALUES_OUTPUT = os.path.join(ROOT, "model", "modules", "module_values.cpp")


def library_modules():
    names = []
    base = os.path.join(ROOT, "stdlib")
    for dirpath, _, files in os.walk(base):
        for f in files:
            if not f.endswith(".py"):
                continue
            rel = os.path.relpath(os.path.join(dirpath, f), base)[:-3].replace(os.sep, ".")
            if rel.endswith(".__main__"):
                continue  # importing it runs the package as a program
            names.append(rel[: -len(".__init__")] if rel.endswith(".__init__") else rel)
    return sorted(names)


def main():
    modules = NATIVE + library_modules()
    versions_of = pair_masks("module_callables.py", PROBE, modules)
    write_pair_table("module_callables.py", OUTPUT, "the module has the name", "model/modules/module_callables.hpp", "asim::modules", "ModuleCallable", "kModuleCallables", versions_of)
    values_of = pair_masks("module_callables.py", VALUE_PROBE, modules)
    write_pair_table("module_callables.py", VALUES_OUTPUT, "the module has the name", "model/modules/module_callables.hpp", "asim::modules", "ModuleCallable", "kModuleValues", values_of)


if __name__ == "__main__":
    main()
