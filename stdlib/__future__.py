"""The future statement's features (`from __future__ import annotations`).

asim's own code, after CPython's Lib/__future__.py. The compiler acts on
`annotations`; the others are the behaviour of every modelled version."""
import sys

_V = sys.version_info[:2]

# 3.8 moved the future flags four bits up, clear of the code flags.
_SHIFT = 0 if _V < (3, 8) else 4

CO_NESTED = 0x0010
CO_GENERATOR_ALLOWED = 0
CO_FUTURE_DIVISION = 0x2000 << _SHIFT
CO_FUTURE_ABSOLUTE_IMPORT = 0x4000 << _SHIFT
CO_FUTURE_WITH_STATEMENT = 0x8000 << _SHIFT
CO_FUTURE_PRINT_FUNCTION = 0x10000 << _SHIFT
CO_FUTURE_UNICODE_LITERALS = 0x20000 << _SHIFT
CO_FUTURE_BARRY_AS_BDFL = 0x40000 << _SHIFT
CO_FUTURE_GENERATOR_STOP = 0x80000 << _SHIFT
CO_FUTURE_ANNOTATIONS = 0x100000 << _SHIFT

class _Feature:
    def __init__(self, optional, mandatory, compiler_flag):
        self.optional = optional
        self.mandatory = mandatory
        self.compiler_flag = compiler_flag

    def getOptionalRelease(self):
        return self.optional

    def getMandatoryRelease(self):
        return self.mandatory

    def __repr__(self):
        return "_Feature" + repr((self.optional, self.mandatory, self.compiler_flag))


nested_scopes = _Feature((2, 1, 0, "beta", 1), (2, 2, 0, "alpha", 0), CO_NESTED)
generators = _Feature((2, 2, 0, "alpha", 1), (2, 3, 0, "final", 0), CO_GENERATOR_ALLOWED)
division = _Feature((2, 2, 0, "alpha", 2), (3, 0, 0, "alpha", 0), CO_FUTURE_DIVISION)
absolute_import = _Feature((2, 5, 0, "alpha", 1), (3, 0, 0, "alpha", 0), CO_FUTURE_ABSOLUTE_IMPORT)
with_statement = _Feature((2, 5, 0, "alpha", 1), (2, 6, 0, "alpha", 0), CO_FUTURE_WITH_STATEMENT)
print_function = _Feature((2, 6, 0, "alpha", 2), (3, 0, 0, "alpha", 0), CO_FUTURE_PRINT_FUNCTION)
unicode_literals = _Feature((2, 6, 0, "alpha", 2), (3, 0, 0, "alpha", 0), CO_FUTURE_UNICODE_LITERALS)
barry_as_FLUFL = _Feature((3, 1, 0, "alpha", 2), (4, 0, 0, "alpha", 0), CO_FUTURE_BARRY_AS_BDFL)
generator_stop = _Feature((3, 5, 0, "beta", 1), (3, 7, 0, "alpha", 0), CO_FUTURE_GENERATOR_STOP)
if _V < (3, 8):
    _annotations_mandatory = (4, 0, 0, "alpha", 0)
elif _V < (3, 10):
    _annotations_mandatory = (3, 10, 0, "alpha", 0)
elif _V < (3, 11):
    _annotations_mandatory = (3, 11, 0, "alpha", 0)
else:
    _annotations_mandatory = None
annotations = _Feature((3, 7, 0, "beta", 1), _annotations_mandatory, CO_FUTURE_ANNOTATIONS)

all_feature_names = ["nested_scopes", "generators", "division", "absolute_import", "with_statement",
                     "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations"]
