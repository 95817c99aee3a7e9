"""Random, valid core-language programs from a seed, for differential fuzzing.

Usage (any python3, standard library only):

    python3 tests/conformance/fuzz/generate_lang.py SEED [> prog.py]

generate.py exercises asyncio's scheduling; these programs exercise what
every program also uses: builtins and the methods of str, int, float, bool,
list, tuple, dict, set and bytes; formatting (format specs, str.format,
%-formatting, repr of floats and containers); arithmetic (int/float mixing,
big ints, //, %, divmod, pow, round, chained comparisons); sorting, slicing,
comprehensions, unpacking, closures, argument passing, classes with dunder
methods, generators and exceptions (messages of builtins, chaining, finally
order).  Some programs end in an uncaught exception, to compare tracebacks
("During handling...", "Did you mean", 3.11+ caret lines).

Each expression is printed through `show`, which prints the repr of its
value, or `!`, the exception's class name and message: the program goes on
after an error, so one program compares dozens of results.  The same seed
always gives the same program, valid on every CPython 3.7-3.13 (3.7 syntax
only).  What keeps a program deterministic on CPython: no object is printed
by its default repr (every class defines __repr__, no iterator or function
is shown), no hash of str is printed (sets of str are printed sorted), ints
and strings only grow by bounded steps (exponents, shifts and repetition
counts are literals; reassignments do not read the variables).

Lines ending in `# keep` carry the prelude; shrink.py never removes them.
"""

import random
import sys

PRELUDE = '''\
import sys  # keep
import functools  # keep


def show(f):  # keep
    try:  # keep
        r = f()  # keep
    except Exception as e:  # keep
        print("!", type(e).__name__, e)  # keep
    else:  # keep
        print(repr(r))  # keep
'''

INTS = ["0", "1", "2", "3", "5", "7", "-1", "-3", "-8", "10", "12", "17", "100", "255", "-128",
        "1000", "65", "97", "2 ** 64", "10 ** 20", "-(2 ** 70) + 3", "123456789012345678901234567890",
        "0x1f", "0b1011", "1_000_000", "True", "False", "-0", "2 ** 31 - 1", "9"]
FLOATS = ["0.0", "0.1", "0.5", "1.5", "2.5", "-2.25", "3.0", "1e20", "1e-7", "1e16", "123456.789",
          "-0.0", "2.675", "1.1", "1 / 3", "2 ** 0.5", "float('inf')", "-float('inf')", "1e300",
          "0.30000000000000004", "100.0", "7.25", "1e22", "5e-324", "12345678901234567.0"]
STRS = ["''", "'a'", "'abc'", "'Hello World'", "'  padded  '", "'a,b,,c'", "'x-y-z'", "'123'",
        "'-42'", "'3.5'", "'MiXeD cAsE'", "'line1\\nline2\\n'", "'tab\\there'", "'caf\\xe9'",
        "'stra\\xdfe'", "'\\u0394elta'", "'abcabcabc'", "'  '", "'0x1f'", "'quote\\'s'",
        "'back\\\\slash'", "'hello world foo'", "'A1b2C3'", "'ß'", "'1_000'", "' 7 '"]
BYTES = ["b''", "b'abc'", "b'Hello'", "b'\\x00\\xff'", "b'a b c'", "b'123'", "b'\\n\\t'"]
SMALL = ["0", "1", "2", "3", "-1", "-2", "4", "-4", "5", "10", "-10", "None"]
INT_SPECS = ["", "d", "5d", "<6", ">6", "^7", "+d", " d", ",", "_", "x", "X", "#x", "o", "#o", "b",
             "#b", "08d", "e", ".2f", "%", "=+8", "*>6", "c", "n", ".3", "#010x", ",d", "+,"]
FLOAT_SPECS = ["", ".0f", ".3f", "10.2f", "e", ".3e", "E", "g", ".3g", ".10g", "%", ".1%", ",.2f",
               "+.2f", "08.3f", "#.0f", ".2g", "<10", "^12.4", ".15", "d", "_.1f", "G", ".0e", "r"]
STR_SPECS = ["", "<10", ">10", "^10", "*^11", ".2", "10.3", "s", "d", "=5", "-<4", "0>5"]
PCT = [("%d", "int"), ("%5d", "int"), ("%-5d|", "int"), ("%05d", "int"), ("%x", "int"),
       ("%#o", "int"), ("%s", "any"), ("%r", "any"), ("%.2f", "float"), ("%10.3f", "float"),
       ("%e", "float"), ("%g", "float"), ("%c", "int"), ("%+d", "int"), ("%i", "float"),
       ("%.3s", "str"), ("%5s|", "str"), ("%%", None), ("%a", "str"), ("%d", "str"), ("%x", "float")]
EXCS = ["ValueError", "KeyError", "TypeError", "IndexError", "RuntimeError", "ZeroDivisionError",
        "LookupError", "ArithmeticError", "OSError", "AttributeError", "NotImplementedError"]
INT_STRS = STRS + ["'ff'", "'0b11'", "'z'", "'777'"]
FLOAT_STRS = ["'1e5'", "'-inf'", "'nan'", "' 2.5 '", "'1_0.5'", "'x'", "'0x10'", "'+.5'"]
ATTRS = ["'append'", "'real'", "'keys'", "'upper'", "'nope'"]
STEP_ARGS = ["", "1", "2, 3", "-1, 1, 1", "by=5", "'x'"]
TYPES = ["int", "float", "str", "bool", "list", "tuple", "dict", "set", "bytes"]


class Gen:
    """Writes one program; `out` collects its lines."""

    def __init__(self, seed):
        self.r = random.Random(seed)
        self.out = []
        self.counter = 0
        self.vars = {"int": ["i1", "i2"], "float": ["f1"], "str": ["s1", "s2"], "list": ["l1", "l2"],
                     "strs": ["ls1"], "tuple": ["t1"], "dict": ["d1"], "set": ["st1"], "bytes": ["b1"]}
        self.classes = []
        self.functions = []

    def emit(self, depth, text):
        self.out.append("    " * depth + text)

    def tag(self):
        self.counter += 1
        return self.counter

    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return self.r.choice(seq)

    # ---- expressions, by the type of their value --------------------------

    def expr(self, t, d=2, vars_ok=True, swap=True):
        if t == "any":
            t = self.pick(TYPES)
        if swap and d > 0 and self.chance(0.04):
            # Another type where this one is expected: the TypeErrors.
            t = self.pick(TYPES)
        if d <= 0 or self.chance(0.25):
            if vars_ok and t in self.vars and self.chance(0.6):
                return self.pick(self.vars[t])
            lit = self.literal(t)
            # Numbers in parentheses: `(2).bit_length()`, `(-1) ** 2`.
            return f"({lit})" if t in ("int", "float") and not lit.isalpha() else lit
        return getattr(self, "expr_" + t)(d - 1, vars_ok)

    def literal(self, t):
        r = self.r
        if t == "int":
            return self.pick(INTS)
        if t == "float":
            return self.pick(FLOATS)
        if t == "str":
            return self.pick(STRS)
        if t == "bytes":
            return self.pick(BYTES)
        if t == "bool":
            return self.pick(["True", "False"])
        if t == "list":
            return "[" + ", ".join(self.pick(INTS[:18]) for _ in range(r.randint(0, 5))) + "]"
        if t == "strs":
            return "[" + ", ".join(self.pick(STRS) for _ in range(r.randint(0, 4))) + "]"
        if t == "tuple":
            items = [self.literal(self.pick(["int", "str", "float"])) for _ in range(r.randint(0, 4))]
            return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
        if t == "dict":
            keys = r.sample(["'a'", "'b'", "'c'", "'key'", "'x'", "1", "2", "(1, 2)", "None", "2.5"],
                            r.randint(0, 4))
            return "{" + ", ".join(f"{k}: {self.pick(INTS[:18])}" for k in keys) + "}"
        if t == "set":
            if self.chance(0.15):
                return "set()"
            return "{" + ", ".join(self.pick(INTS[:18]) for _ in range(r.randint(1, 5))) + "}"
        raise ValueError(t)

    def small(self):
        return self.pick(SMALL[:-1])

    def slice_(self):
        parts = [self.pick(SMALL + [""]) for _ in range(self.r.randint(1, 3))]
        parts = ["" if p == "None" and self.chance(0.5) else p for p in parts]
        if len(parts) == 1:
            return parts[0] or "0"
        return ":".join(parts)

    def expr_int(self, d, v):
        e = lambda t="int": self.expr(t, d, v)
        k = self.r.randint(0, 27)
        if k == 0:
            return f"({e()} {self.pick(['+', '-', '*', '//', '%'])} {e()})"
        if k == 1:
            return f"({e()} ** {self.pick(['0', '1', '2', '3', '5', '-1', '-2'])})"
        if k == 2:
            return f"({e()} {self.pick(['&', '|', '^'])} {e()})"
        if k == 3:
            return f"({e()} {self.pick(['<<', '>>'])} {self.pick(['0', '1', '3', '8', '65', '-1'])})"
        if k == 4:
            return f"({self.pick(['-', '+', '~', 'not '])}{e()})"
        if k == 5:
            return f"abs({e()})"
        if k == 6:
            return f"len({e(self.pick(['str', 'list', 'tuple', 'dict', 'set', 'bytes', 'strs']))})"
        if k == 7:
            return f"int({e(self.pick(['float', 'str', 'bool']))})"
        if k == 8:
            return f"int({self.pick(INT_STRS)}, {self.pick(['0', '2', '8', '16', '36', '1'])})"
        if k == 9:
            return f"round({e('float')}{self.pick(['', '', ', 0', ', -1', ', 1'])})"
        if k == 10:
            return f"sum({e('list')}{self.pick(['', ', 10', ', -1'])})"
        if k == 11:
            return f"{self.pick(['min', 'max'])}({e('list')}{self.pick(['', ', default=-99', ', key=abs', ', key=lambda x: -x'])})"
        if k == 12:
            return f"{self.pick(['min', 'max'])}({e()}, {e()}{self.pick(['', ', ' + e()])})"
        if k == 13:
            return f"{e('str')}.{self.pick(['count', 'find', 'rfind', 'index', 'rindex'])}({e('str')})"
        if k == 14:
            return f"{e('list')}.{self.pick(['index', 'count'])}({e()})"
        if k == 15:
            return f"divmod({e()}, {e()})[{self.pick(['0', '1'])}]"
        if k == 16:
            return f"pow({e()}, {self.pick(['2', '3', '-1', '0', '5'])}, {self.pick(['7', '10', '1', '0', '-3', '97'])})"
        if k == 17:
            return f"({e('bool')} + {e('bool')} * {e()})"
        if k == 18:
            return f"({e()} if {e('bool')} else {e()})"
        if k == 19:
            return f"{e()}.bit_length()"
        if k == 20:
            return f"ord({e('str')})"
        if k == 21:
            return f"{e('list')}[{self.small()}]"
        if k == 22:
            return f"{e('dict')}[{self.pick(['1', '2', repr('a'), repr('b'), repr('key'), 'None'])}]"
        if k == 23:
            return f"{e('dict')}.get({self.pick(['1', repr('a'), repr('c'), repr('zz')])}{self.pick(['', ', 0', ', -5'])})"
        if k == 24:
            return f"int.from_bytes({e('bytes')}, {self.pick([repr('big'), repr('little')])})"
        if k == 25:
            return f"({e('float')} // {e('float')})"
        if k == 26:
            return f"hash({self.pick(['-1', '-2', '2 ** 61', '2 ** 61 - 1', '1.5', '-0.0', '(1, 2)', '()', '(1, (2, 3))', 'None', 'True', '10 ** 20', 'frozenset({1, 2})'])})"
        return f"{e('bytes')}[{self.small()}]"

    def expr_float(self, d, v):
        e = lambda t="float": self.expr(t, d, v)
        k = self.r.randint(0, 15)
        if k == 0:
            return f"({e()} {self.pick(['+', '-', '*', '/', '//', '%'])} {e(self.pick(['float', 'int']))})"
        if k == 1:
            return f"({e('int')} / {e('int')})"
        if k == 2:
            return f"({e()} ** {self.pick(['0', '1', '2', '0.5', '-1', '3', '-0.5'])})"
        if k == 3:
            return f"round({e()}, {self.pick(['0', '1', '2', '3', '-1', '5'])})"
        if k == 4:
            return f"float({e(self.pick(['int', 'str']))})"
        if k == 5:
            return f"float({self.pick(FLOAT_STRS)})"
        if k == 6:
            return f"abs({e()})"
        if k == 7:
            return f"(-{e()})"
        if k == 8:
            return f"sum([{e()}, {e()}, {e('int')}])"
        if k == 9:
            return f"{self.pick(['min', 'max'])}({e()}, {e('int')})"
        if k == 10:
            return f"divmod({e()}, {e(self.pick(['float', 'int']))})[{self.pick(['0', '1'])}]"
        if k == 11:
            return f"({e('int')} * {e()})"
        if k == 12:
            return f"pow({e('int')}, {self.pick(['-1', '-2', '0.5', '2'])})"
        if k == 13:
            return f"({e('int')} / {self.pick(['0', '0.0', '3', '7', '-2'])})"
        if k == 14:
            return f"{e()}.real"
        return f"({e()} + {e('bool')})"

    def expr_bool(self, d, v):
        e = lambda t="int": self.expr(t, d, v)
        k = self.r.randint(0, 17)
        cmp = lambda: self.pick(["<", "<=", ">", ">=", "==", "!="])
        if k == 0:
            t = self.pick(["int", "float", "str", "list", "tuple", "bytes"])
            return f"({e(t)} {cmp()} {e(t)})"
        if k == 1:
            return f"({e()} {cmp()} {e('float')} {cmp()} {e()})"
        if k == 2:
            return f"({e()} in {e(self.pick(['list', 'set', 'dict', 'tuple']))})"
        if k == 3:
            return f"({e('str')} {self.pick(['in', 'not in'])} {e('str')})"
        if k == 4:
            return f"isinstance({e('any')}, {self.pick(['int', 'float', 'str', 'bool', '(int, str)', 'list', 'tuple', 'object', 'dict'])})"
        if k == 5:
            return f"(not {e('any')})"
        if k == 6:
            return f"bool({e('any')})"
        if k == 7:
            return f"{self.pick(['any', 'all'])}({e(self.pick(['list', 'strs', 'str', 'set']))})"
        if k == 8:
            m = self.pick(["isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "istitle",
                           "isidentifier", "isdecimal", "isnumeric", "isprintable", "isascii"])
            return f"{e('str')}.{m}()"
        if k == 9:
            return f"{e('str')}.{self.pick(['startswith', 'endswith'])}({self.pick([e('str'), '(' + e('str') + ', ' + e('str') + ')'])})"
        if k == 10:
            return f"({e('bool')} {self.pick(['and', 'or'])} {e('bool')})"
        if k == 11:
            return f"({e('set')} {self.pick(['<=', '<', '>=', '=='])} {e('set')})"
        if k == 12:
            return f"{e('float')}.is_integer()"
        if k == 13:
            return f"({e('any')} is None)"
        if k == 14:
            return f"{e('set')}.isdisjoint({e('list')})"
        if k == 15:
            return f"(float('nan') {cmp()} {e('float')})"
        if k == 16:
            return f"callable({self.pick(['len', 'None', '1', 'str', 'show', 'print'])})"
        return f"hasattr({e('any')}, {self.pick(ATTRS)})"

    def fspec(self, t):
        return self.pick({"int": INT_SPECS, "float": FLOAT_SPECS, "str": STR_SPECS}[t])

    def expr_str(self, d, v):
        e = lambda t="str": self.expr(t, d, v)
        k = self.r.randint(0, 30)
        if k == 0:
            t = self.pick(["int", "float", "str"])
            return f"format({e(t)}, {self.fspec(t)!r})"
        if k == 1:
            t = self.pick(["int", "float", "str"])
            name = self.pick(self.vars[t])
            conv = self.pick(["", "", "", "!r", "!s", "!a"])
            return f"f'<{{{name}{conv}:{self.fspec(t)}}}>'" if not conv else f"f'<{{{name}{conv}}}>'"
        if k == 2:
            # Automatic and manual field numbering cannot mix: one style per string.
            numbered = self.chance(0.4)
            parts, args = [], []
            for i in range(self.r.randint(1, 3)):
                t = self.pick(["int", "float", "str"])
                field = str(i) if numbered else ""
                parts.append("{" + field + self.pick(["", ":" + self.fspec(t), "!r", "!r:>8", "!s:^5"]) + "}")
                args.append(e(t))
            return f"{' '.join(parts)!r}.format({', '.join(args)})"
        if k == 3:
            n = self.r.randint(1, 3)
            items = [self.pick(PCT) for _ in range(n)]
            fmt = " ".join(p for p, _ in items)
            args = [e(t or "int") if t != "any" else e("any") for p, t in items if t]
            if self.chance(0.1):
                args = args[:-1] + [e("int"), e("int")] if args else [e("int")]
            if len(args) == 1 and self.chance(0.5):
                return f"({fmt!r} % {args[0]})"
            return f"({fmt!r} % ({', '.join(args)}{',' if len(args) == 1 else ''}))"
        if k == 4:
            return f"('%(a)s-%(b)05.1f' % {{'a': {e()}, 'b': {e('float')}}})"
        if k == 5:
            m = self.pick(["upper", "lower", "title", "capitalize", "swapcase", "casefold", "strip",
                           "lstrip", "rstrip", "expandtabs"])
            return f"{e()}.{m}()"
        if k == 6:
            return f"{e()}.{self.pick(['center', 'ljust', 'rjust'])}({self.pick(['0', '5', '12', '-1'])}{self.pick(['', ', ' + repr('*'), ', ' + repr('-=')])})"
        if k == 7:
            return f"{e()}.zfill({self.pick(['0', '3', '8'])})"
        if k == 8:
            return f"{e()}.replace({e()}, {e()}{self.pick(['', ', 1', ', 0', ', -1'])})"
        if k == 9:
            return f"{e()}.{self.pick(['strip', 'lstrip', 'rstrip'])}({self.pick([repr(' '), repr('a'), repr('xa'), 'None', repr('.-')])})"
        if k == 10:
            return f"{e()}[{self.slice_()}]"
        if k == 11:
            return f"({e()} * {self.pick(['0', '1', '2', '3', '-1'])})"
        if k == 12:
            return f"({e()} + {e()})"
        if k == 13:
            return f"{self.pick(['str', 'repr', 'ascii'])}({e('any')})"
        if k == 14:
            return f"{e()}.join({e('strs')})"
        if k == 15:
            return f"{self.pick([repr(', '), repr(''), repr('-')])}.join(map(str, {e('list')}))"
        if k == 16:
            return f"chr({self.pick(['65', '97', '0x3b1', '8364', '-1', '0x110000', '10', '127', '0'])})"
        if k == 17:
            return f"{self.pick(['hex', 'oct', 'bin'])}({e('int')})"
        if k == 18:
            return f"{e('float')}.hex()"
        if k == 19:
            return f"{e('bytes')}.decode({self.pick(['', repr('ascii'), repr('latin-1'), repr('utf-8')])})"
        if k == 20:
            return f"{e()}.{self.pick(['partition', 'rpartition'])}({e()})[{self.pick(['0', '1', '2'])}]"
        if k == 21:
            return f"{e()}.translate({{{self.pick(['97', '32', '65'])}: {self.pick(['None', repr('_'), '66'])}}})"
        if k == 22:
            return f"str({e(self.pick(['float', 'int']))})"
        if k == 23:
            return f"repr({e('float')})"
        if k == 24:
            return f"{e()}.format_map({{'a': {e('int')}}})"
        if k == 25:
            # Only names inside f-string fields: quotes and backslashes there are 3.12+.
            ints, floats, strs = self.vars["int"], self.vars["float"], self.vars["str"]
            return f"f'{{{self.pick(ints)}}}-{{{self.pick(floats)}!r}}-{{{self.pick(strs)}:>6}}'"
        if k == 26:
            return f"{e()}.removeprefix({e()})"
        if k == 27:
            return f"str({e(self.pick(['list', 'tuple', 'dict', 'set', 'bytes', 'strs']))})"
        if k == 28:
            return f"{e()}[{self.small()}]"
        if k == 29:
            return f"{e()}.split({self.pick(['', repr(','), repr(' '), 'None, 1', repr('-') + ', -1', repr('')])})[{self.small()}]"
        return f"'{{0}}{{1}}{{0}}'.format({e()}, {e('int')})"

    def expr_list(self, d, v):
        e = lambda t="list": self.expr(t, d, v)
        k = self.r.randint(0, 22)
        if k == 0:
            key = self.pick(["", ", key=abs", ", key=lambda x: -x", ", key=lambda x: x % 3", ", key=str"])
            rev = self.pick(["", ", reverse=True", ", reverse=False"])
            return f"sorted({e()}{key}{rev})"
        if k == 1:
            return f"list(reversed({e()}))"
        if k == 2:
            return f"{e()}[{self.slice_()}]"
        if k == 3:
            return f"({e()} + {e()})"
        if k == 4:
            return f"({e()} * {self.pick(['0', '1', '2', '-1'])})"
        if k == 5:
            body = self.pick(["x * 2", "x % 3", "-x", "x ** 2", "x // 2", "abs(x) + 1", "x & 6"])
            cond = self.pick(["", " if x", " if x % 2", " if x > 2", " if not x < 0"])
            return f"[{body} for x in {e()}{cond}]"
        if k == 6:
            return f"list(range({self.pick(['0', '3', '-2', '10'])}, {self.pick(['5', '-5', '12', '0'])}, {self.pick(['1', '2', '-1', '-3', '3'])}))"
        if k == 7:
            return f"list(range({self.pick(['0', '4', '7', '-1'])}))"
        if k == 8:
            return f"list(map({self.pick(['abs', 'int', 'lambda x: x * x', 'bool'])}, {e()}))"
        if k == 9:
            return f"list(filter({self.pick(['None', 'lambda x: x > 1', 'bool'])}, {e()}))"
        if k == 10:
            return f"[i for i, x in enumerate({e()}{self.pick(['', ', 1'])}) if x {self.pick(['>', '<', '=='])} {self.small()}]"
        if k == 11:
            return f"list({e('set')})"
        if k == 12:
            return f"list({e('dict')}.values())"
        if k == 13:
            return f"[len(w) for w in {e('strs')}]"
        if k == 14:
            return f"list({e('bytes')})"
        if k == 15:
            return f"list({e('tuple')})"
        if k == 16:
            return f"[x for row in [{e()}, {e()}] for x in row if x != {self.small()}]"
        if k == 17:
            return f"sorted({e('set')}, reverse=True)"
        if k == 18:
            return f"[*{e()}, *{e('set')}]"
        if k == 19:
            return f"list(divmod({e('int')}, {e('int')}))"
        if k == 20:
            return f"{e()}.copy()"
        if k == 21:
            return f"[a * b for a, b in zip({e()}, {e()})]"
        return f"[ord(c) for c in {e('str')}]"

    def expr_strs(self, d, v):
        e = lambda t="str": self.expr(t, d, v)
        k = self.r.randint(0, 8)
        if k == 0:
            return f"{e()}.split({self.pick(['', repr(','), repr(' '), 'None, 1', repr('-') + ', -1', repr(''), 'maxsplit=1'])})"
        if k == 1:
            return f"{e()}.rsplit({self.pick(['', repr(','), 'None, 1', repr('b')])})"
        if k == 2:
            return f"{e()}.splitlines({self.pick(['', 'True'])})"
        if k == 3:
            return f"list({e()})"
        if k == 4:
            key = self.pick(["", ", key=len", ", key=str.lower", ", key=lambda w: w[::-1]", ", key=lambda w: (len(w), w)"])
            return f"sorted({self.expr('strs', d, v)}{key}{self.pick(['', ', reverse=True'])})"
        if k == 5:
            return f"[w.upper() for w in {self.expr('strs', d, v)} if w]"
        if k == 6:
            return f"list({e()}.partition({e()}))"
        if k == 7:
            return f"sorted({self.expr('dict', d, v)}, key=str)"
        return f"list(map(str, {self.expr('list', d, v)}))"

    def expr_tuple(self, d, v):
        e = lambda t="tuple": self.expr(t, d, v)
        k = self.r.randint(0, 10)
        if k == 0:
            return f"({self.expr('any', d, v)}, {self.expr('any', d, v)})"
        if k == 1:
            return f"tuple({self.expr('list', d, v)})"
        if k == 2:
            return f"divmod({self.expr(self.pick(['int', 'float']), d, v)}, {self.expr(self.pick(['int', 'float']), d, v)})"
        if k == 3:
            return f"({e()} + {e()})"
        if k == 4:
            return f"{e()}[{self.slice_()}]"
        if k == 5:
            return f"{self.expr('float', d, v)}.as_integer_ratio()"
        if k == 6:
            return f"tuple(sorted({self.expr('dict', d, v)}.items(), key=str))"
        if k == 7:
            return f"tuple(enumerate({self.expr('str', d, v)}))"
        if k == 8:
            return f"tuple(zip({self.expr('list', d, v)}, {self.expr('str', d, v)}))"
        if k == 9:
            return f"{self.expr('str', d, v)}.partition({self.expr('str', d, v)})"
        return f"tuple({self.expr('int', d, v)}.to_bytes({self.pick(['1', '2', '4'])}, {self.pick([repr('big'), repr('little')])}{self.pick(['', ', signed=True'])}))"

    def expr_dict(self, d, v):
        e = lambda t="dict": self.expr(t, d, v)
        k = self.r.randint(0, 11)
        if k == 0:
            return f"{{w: len(w) for w in {self.expr('strs', d, v)}}}"
        if k == 1:
            return f"dict(zip({self.expr('strs', d, v)}, {self.expr('list', d, v)}))"
        if k == 2:
            return f"{{**{e()}, **{e()}}}"
        if k == 3:
            return f"({e()} | {e()})"
        if k == 4:
            return f"dict.fromkeys({self.expr(self.pick(['str', 'list']), d, v)}{self.pick(['', ', 0', ', []'])})"
        if k == 5:
            return f"{e()}.copy()"
        if k == 6:
            return f"dict({e()}, z={self.expr('int', d, v)})"
        if k == 7:
            return f"{{x: x * x for x in {self.expr('list', d, v)}}}"
        if k == 8:
            return f"dict([({self.expr('int', d, v)}, 'a'), ({self.expr('int', d, v)}, 'b')])"
        if k == 9:
            return f"dict(enumerate({self.expr('str', d, v)}))"
        if k == 10:
            return f"{{k: v for k, v in {e()}.items() if v {self.pick(['>', '<', '!='])} {self.small()}}}"
        return f"dict(a={self.expr('any', d, v)}, b={self.expr('int', d, v)})"

    def expr_set(self, d, v):
        e = lambda t="set": self.expr(t, d, v)
        k = self.r.randint(0, 8)
        if k == 0:
            return f"({e()} {self.pick(['|', '&', '-', '^'])} {e()})"
        # Sets of str print in the order of str hashes: only ints go in.
        if k == 1:
            return f"set({self.expr('list', d, v, swap=False)})"
        if k == 2:
            return f"{{x % {self.pick(['3', '5', '7', '-4'])} for x in {self.expr('list', d, v, swap=False)}}}"
        if k == 3:
            return f"{e()}.{self.pick(['union', 'intersection', 'difference', 'symmetric_difference'])}({self.expr('list', d, v, swap=False)})"
        if k == 4:
            return f"frozenset({self.expr('list', d, v, swap=False)})"
        if k == 5:
            return f"set(range({self.pick(['3', '-3', '40', '8'])}, {self.pick(['10', '0', '50'])}))"
        if k == 6:
            return f"{{len(w) for w in {self.expr('strs', d, v)}}}"
        if k == 7:
            return f"set({self.expr('dict', d, v)}.values())"
        return f"{e()}.copy()"

    def expr_bytes(self, d, v):
        e = lambda t="bytes": self.expr(t, d, v)
        k = self.r.randint(0, 12)
        if k == 0:
            return f"{self.expr('str', d, v)}.encode({self.pick(['', repr('utf-8'), repr('ascii'), repr('latin-1')])})"
        if k == 1:
            return f"bytes({self.expr('list', d, v)})"
        if k == 2:
            return f"({e()} + {e()})"
        if k == 3:
            return f"{e()}[{self.slice_()}]"
        if k == 4:
            return f"{e()}.{self.pick(['upper', 'lower', 'strip', 'title', 'swapcase'])}()"
        if k == 5:
            return f"bytes.fromhex({self.pick([repr('00ff10'), repr('de ad'), repr('xyz'), repr('a')])})"
        if k == 6:
            return f"({e()} * {self.pick(['0', '2', '3'])})"
        if k == 7:
            return f"{e()}.replace({e()}, {e()})"
        if k == 8:
            return f"bytes({self.pick(['0', '3', '-1'])})"
        if k == 9:
            return f"bytes(range({self.pick(['60', '250', '0'])}, {self.pick(['70', '256', '257', '5'])}))"
        if k == 10:
            return f"{e()}.join([{e()}, {e()}])"
        if k == 11:
            return f"bytearray({e()})[{self.slice_()}]"
        return f"{self.expr('int', d, v)}.to_bytes({self.pick(['1', '2', '8'])}, {self.pick([repr('big'), repr('little')])})"

    # ---- statements --------------------------------------------------------

    def show(self, text, depth=0):
        self.emit(depth, f"show(lambda: {text})")

    def attempt(self, lines, depth=0):
        self.emit(depth, "try:")
        for line in lines:
            self.emit(depth + 1, line)
        self.emit(depth, "except Exception as e:")
        self.emit(depth + 1, 'print("!", type(e).__name__, e)')

    def st_expr(self):
        t = self.pick(TYPES + ["strs", "str", "int", "float"])
        self.show(self.expr(t, self.r.randint(1, 3)))

    def st_print(self):
        args = [self.expr("any", self.r.randint(0, 2)) for _ in range(self.r.randint(1, 3))]
        extra = self.pick(["", "", ", sep='|'", ", end='!\\n'", ", sep=''"])
        self.attempt([f"print({', '.join(args)}{extra})"])

    def st_assign(self):
        t = self.pick(["int", "float", "str", "list", "strs", "tuple", "dict", "set", "bytes"])
        name = self.pick(self.vars[t])
        self.attempt([f"{name} = {self.expr(t, 2, vars_ok=False, swap=False)}", f"print({name!r}, repr({name}))"])

    def st_mutate(self):
        k = self.r.randint(0, 14)
        l = self.pick(self.vars["list"])
        dd = self.pick(self.vars["dict"])
        s = self.pick(self.vars["set"])
        i = lambda: self.expr("int", 1, vars_ok=False)
        stmt = [
            f"{l}.append({i()})", f"{l}.extend({self.literal('list')})", f"{l}.insert({self.small()}, {i()})",
            f"{l}.pop({self.pick(['', self.small()])})", f"{l}.remove({i()})",
            f"{l}.sort({self.pick(['', 'reverse=True', 'key=abs', 'key=lambda x: (x % 2, -x)'])})",
            f"{l}[{self.small()}] = {i()}", f"del {l}[{self.slice_()}]",
            f"{l}[{self.slice_()}] = {self.literal('list')}",
            f"{dd}[{self.pick([repr('a'), repr('n'), '3', '(1, 2)'])}] = {i()}",
            f"{dd}.{self.pick(['pop', 'setdefault', 'get'])}({self.pick([repr('a'), repr('q'), '1'])}{self.pick(['', ', 0'])})",
            f"{dd}.update({self.literal('dict')}, w={i()})",
            f"{s}.{self.pick(['add', 'discard', 'remove'])}({i()})",
            f"{s} {self.pick(['|=', '&=', '-=', '^='])} {self.literal('set')}",
            f"{dd}.popitem()",
        ][k]
        target = l if k < 9 else dd if k < 12 or k == 14 else s
        self.attempt([f"r = {stmt}" if not stmt.startswith(("del ", l + "[", dd + "[", s + " ")) else stmt,
                      f"print({target})"])

    def st_format(self):
        t = self.pick(["int", "float", "str"])
        spec = self.fspec(t)
        val = self.expr(t, 1)
        self.attempt([f"x = {val}", f"print(f'[{{x:{spec}}}]', '[{{:{spec}}}]'.format(x), format(x, {spec!r}))"])

    def st_sort(self):
        n = self.tag()
        rows = [f"({self.pick(['1', '2', '3', '0', '-1'])}, {self.pick(STRS[:12])}, {self.pick(FLOATS[:10])})"
                for _ in range(self.r.randint(2, 6))]
        self.emit(0, f"rows{n} = [{', '.join(rows)}]")
        key = self.pick(["lambda r: r[0]", "lambda r: r[1]", "lambda r: (r[0], -r[2])", "lambda r: len(r[1])",
                         "lambda r: r[1].lower()", "None", "lambda r: -r[0]"])
        self.show(f"sorted(rows{n}, key={key}, reverse={self.pick(['True', 'False'])})")
        self.show(f"[r[0] for r in sorted(rows{n}, key=lambda r: r[2])]")
        self.show(f"{self.pick(['min', 'max'])}(rows{n}, key={key if key != 'None' else 'len'})")
        if self.chance(0.3):
            self.show(f"sorted([3, 'a', 1.5])")

    def st_slices(self):
        n = self.tag()
        self.emit(0, f"q{n} = list(range({self.r.randint(0, 12)}))")
        for _ in range(self.r.randint(2, 5)):
            k = self.r.randint(0, 4)
            sl = f"{self.pick(SMALL + [''])}:{self.pick(SMALL + [''])}:{self.pick(['', '1', '2', '-1', '-2', '3', '0'])}"
            if k == 0:
                self.show(f"q{n}[{sl}]")
            elif k == 1:
                self.attempt([f"q{n}[{sl}] = {self.literal('list')}", f"print(q{n})"])
            elif k == 2:
                self.attempt([f"del q{n}[{sl}]", f"print(q{n})"])
            elif k == 3:
                self.show(f"'abcdefghij'[{sl}]")
            else:
                self.show(f"(q{n}[{sl}], slice({self.small()}, {self.small()}).indices({self.r.randint(0, 8)}))")

    def st_unpack(self):
        k = self.r.randint(0, 5)
        src = self.pick(["[1, 2, 3]", "'ab'", "(1, (2, 3))", "range(5)", "[1]", "{'k': 1, 'j': 2}", "[]",
                         "[1, 2, 3, 4, 5]", "((1, 2), (3, 4))"])
        target = ["a, b", "a, *b", "*a, b", "a, b, c", "a, (b, c)", "(a, b), *c"][k]
        self.attempt([f"{target} = {src}", f"print({target.replace('*', '')})"])

    def st_closure(self):
        n = self.tag()
        self.emit(0, f"def make{n}(start):")
        self.emit(1, "count = start")
        self.emit(1, "seen = []")
        self.emit(1, "def step(by=1, *more):")
        self.emit(2, "nonlocal count")
        self.emit(2, "count += by + sum(more)")
        self.emit(2, "seen.append(count)")
        self.emit(2, "return count, len(seen)")
        self.emit(1, "return step")
        self.emit(0, "")
        self.emit(0, "")
        self.emit(0, f"c{n} = make{n}({self.pick(['0', '10', '-3', '2.5'])})")
        for _ in range(self.r.randint(1, 3)):
            self.show(f"c{n}({self.pick(STEP_ARGS)})")
        self.show(f"[f() for f in [lambda: i * {self.pick(['1', '2'])} for i in range(3)]]")
        self.show("[f() for f in [lambda i=i: i for i in range(3)]]")

    def st_args(self):
        n = self.tag()
        sig = self.pick(["a, b=2, *args, c, d=4, **kw", "a, b, c=3", "*args, **kw", "a, *, b, c=1",
                         "a=1, *args, b=2", "a, b=[], **kw"])
        self.emit(0, f"def fa{n}({sig}):")
        self.emit(1, "return " + "(" + ", ".join(
            x.split("=")[0].strip().lstrip("*") for x in sig.split(",") if x.strip() != "*") + ",)")
        self.emit(0, "")
        self.emit(0, "")
        for _ in range(self.r.randint(2, 5)):
            pos = [self.pick(["1", "2", "'x'", "None", "[0]"]) for _ in range(self.r.randint(0, 4))]
            kws = self.r.sample(["a=1", "b=2", "c=3", "d=4", "z=5", "args=6"], self.r.randint(0, 3))
            extra = self.pick(["", "", "*[7, 8]", "**{'c': 9}", "**{'a': 0}", "*'pq'"])
            args = ", ".join(pos + ([extra] if extra else []) + kws)
            self.show(f"fa{n}({args})")

    def st_class(self):
        n = self.tag()
        name = f"C{n}"
        ordering = self.chance(0.4)
        if ordering:
            self.emit(0, "@functools.total_ordering")
        self.emit(0, f"class {name}:")
        self.emit(1, f"kind = {self.pick(STRS[:8])}")
        self.emit(0, "")
        self.emit(1, "def __init__(self, v=0):")
        self.emit(2, "self.v = v")
        self.emit(0, "")
        self.emit(1, "def __repr__(self):")
        self.emit(2, f"return '{name}(%r)' % (self.v,)")
        dunders = self.r.sample(["eq", "lt", "hash", "len", "bool", "iter", "getitem", "contains", "call",
                                 "add", "str", "prop", "cm", "sm", "gt", "neg", "index"], self.r.randint(2, 8))
        if ordering and "eq" not in dunders:
            dunders.append("eq")
        if ordering and "lt" not in dunders:
            dunders.append("lt")
        body = {
            "eq": ["def __eq__(self, other):",
                   f"    if not isinstance(other, {name}):",
                   "        return NotImplemented",
                   "    return self.v == other.v"],
            "lt": ["def __lt__(self, other):",
                   f"    if not isinstance(other, {name}):",
                   "        return NotImplemented",
                   "    return self.v < other.v"],
            "gt": ["def __gt__(self, other):", "    return self.v > getattr(other, 'v', other)"],
            "hash": ["def __hash__(self):", "    return hash(self.v)"],
            "len": ["def __len__(self):", f"    return {self.pick(['abs(self.v) % 5', 'self.v', '3'])}"],
            "bool": ["def __bool__(self):", f"    return {self.pick(['self.v > 1', 'bool(self.v)', '1'])}"],
            "iter": ["def __iter__(self):", "    return iter(range(abs(self.v) % 4))"],
            "getitem": ["def __getitem__(self, i):", "    if i >= 3:", "        raise IndexError(i)",
                        "    return self.v * i"],
            "contains": ["def __contains__(self, x):", "    return x == self.v"],
            "call": ["def __call__(self, *a, **k):", "    return (self.v, a, sorted(k))"],
            "add": ["def __add__(self, other):", f"    return {name}(self.v + getattr(other, 'v', other))",
                    "", "__radd__ = __add__"],
            "str": ["def __str__(self):", "    return 'str:' + str(self.v)"],
            "prop": ["@property", "def double(self):", "    return self.v * 2", "",
                     "@double.setter", "def double(self, x):", "    self.v = x // 2"],
            "cm": ["@classmethod", "def make(cls, v):", "    return cls(v + 1)"],
            "sm": ["@staticmethod", "def helper(x, y=2):", "    return x * y"],
            "neg": ["def __neg__(self):", f"    return {name}(-self.v)"],
            "index": ["def __index__(self):", "    return self.v"],
        }
        for dn in dunders:
            self.emit(0, "")
            for line in body[dn]:
                self.emit(1, line) if line else self.emit(0, "")
        self.emit(0, "")
        self.emit(0, "")
        sub = None
        if self.chance(0.5):
            sub = f"D{n}"
            self.emit(0, f"class {sub}({name}):")
            self.emit(1, "def __init__(self, v=0, w=1):")
            self.emit(2, "super().__init__(v)")
            self.emit(2, "self.w = w")
            self.emit(0, "")
            self.emit(1, "def __repr__(self):")
            self.emit(2, "return 'D' + super().__repr__() + str(self.w)")
            self.emit(0, "")
            self.emit(0, "")
        self.classes.append((name, sub, dunders))
        self.emit(0, f"o{n} = {name}({self.pick(['0', '1', '2', '5', '-3', '7'])})")
        cands = [f"o{n}", f"{name}(2)", f"{name}({self.pick(['1', '3', '-1'])})"] + ([f"{sub}(2, 3)"] if sub else [])
        # Objects hashed by identity sit in a set in an order of their
        # addresses: only its size is shown.
        pair_set = "{{{0}, {1}}}" if "hash" in dunders or "eq" in dunders else "len({{{0}, {1}}})"
        uses = [
            "repr({0})", "str({0})", "{0} == {1}", "{0} != {1}", "{0} < {1}", "{0} <= {1}", "{0} > {1}",
            "{0} >= {1}", "sorted([{0}, {1}, {2}])", "len({0})", "bool({0})", "list({0})", "{0}[1]",
            "{0}[5]", "2 in {0}", "{0}(1, k=2)", "{0} + 1", "1 + {0}", "{0} + {1}", pair_set,
            "{{{0}: 1}}", "{0}.double", "{0}.make(4)", "{0}.helper(3)", "-{0}", "[10, 20, 30, 40][{0}]",
            "{0}.missing", "{0}.kind", "type({0}).__name__", "isinstance({0}, " + name + ")",
            "max({0}, {1})", "[x for x in {0}]", "hex({0})", "range(10)[{0}]", "{0}.v", "{0} is {1}",
            "getattr({0}, 'v', None)", "{0}.__class__.__name__", "str([{0}, {1}])",
        ]
        for _ in range(self.r.randint(4, 10)):
            a, b, c = (self.pick(cands) for _ in range(3))
            self.show(self.pick(uses).format(a, b, c))
        if "prop" in dunders and self.chance(0.5):
            self.attempt([f"o{n}.double = 10", f"print(o{n}.v, o{n}.double)"])
        if sub and self.chance(0.5):
            self.show(f"[k.__name__ for k in {sub}.__mro__]")

    def st_generator(self):
        n = self.tag()
        self.emit(0, f"def gen{n}(n):")
        self.emit(1, "total = 0")
        self.emit(1, "try:")
        self.emit(2, "for i in range(n):")
        self.emit(3, "x = yield i + total")
        self.emit(3, "if x is not None:")
        self.emit(4, "total += x")
        self.emit(1, "except ValueError as e:")
        self.emit(2, "print('gen caught', e)")
        self.emit(2, f"yield {self.pick(['-1', 'str(e)', 'total'])}")
        self.emit(1, "finally:")
        self.emit(2, f"print('gen{n} finally', total)")
        self.emit(1, "return total")
        self.emit(0, "")
        self.emit(0, "")
        self.emit(0, f"def outer{n}(n):")
        self.emit(1, f"r = yield from gen{n}(n)")
        self.emit(1, "yield ('returned', r)")
        self.emit(0, "")
        self.emit(0, "")
        self.show(f"list(gen{n}({self.r.randint(0, 4)}))")
        self.show(f"list(outer{n}({self.r.randint(0, 3)}))")
        g = f"g{n}"
        self.emit(0, f"{g} = {self.pick(['gen', 'outer'])}{n}({self.r.randint(1, 4)})")
        for _ in range(self.r.randint(2, 6)):
            self.show(self.pick([f"next({g})", f"{g}.send({self.pick(['1', '5', 'None', '-2'])})",
                                 f"{g}.throw(ValueError('v'))", f"{g}.close()", f"next({g}, 'done')",
                                 f"{g}.throw(KeyError('k'))"]))
        self.show(f"sum(x * x for x in range({self.r.randint(0, 6)}) if x % {self.pick(['2', '3'])})")
        self.show(f"list(zip(gen{n}(3), 'ab', range(9)))")

    def st_exceptions(self):
        n = self.tag()
        exc = self.pick(EXCS)
        self.emit(0, f"def fe{n}(x):")
        self.emit(1, "try:")
        self.emit(2, f"print('try', x)")
        self.emit(2, "if x > 2:")
        self.emit(3, f"raise {exc}('big', x)")
        self.emit(2, "r = 10 // x")
        self.emit(2, self.pick(["return r", "print('r', r)", "return [r][x]"]))
        self.emit(1, "except ZeroDivisionError as e:")
        self.emit(2, "print('caught', type(e).__name__, e)")
        self.emit(2, self.pick(["raise KeyError(x) from e", "raise", "return -1", "raise ValueError('again')",
                                "raise KeyError(x) from None"]))
        if self.chance(0.5):
            self.emit(1, "else:")
            self.emit(2, "print('else', x)")
        self.emit(1, "finally:")
        self.emit(2, f"print('finally', x)")
        if self.chance(0.2):
            self.emit(2, "return 'from finally'")
        self.emit(0, "")
        self.emit(0, "")
        for x in self.r.sample(["0", "1", "3", "-1", "5", "2"], self.r.randint(2, 4)):
            self.show(f"fe{n}({x})")
        self.emit(0, "try:")
        self.emit(1, f"fe{n}(0)")
        self.emit(0, "except Exception as e:")
        self.emit(1, "print('!', type(e).__name__, e, repr(e.__cause__), repr(e.__context__), "
                     "e.__suppress_context__, e.args)")
        self.emit(0, "try:")
        self.emit(1, f"raise {exc}({self.pick(['', repr('msg'), '1, 2', repr('a') + ', 3'])})")
        self.emit(0, "except Exception as e:")
        self.emit(1, "print(type(e).__name__, repr(e), str(e), e.args)")

    def st_builtin_errors(self):
        cases = [
            "int('12a')", "int('')", "float('x1')", "[1][5]", "{}['k']", "'abc'.index('z')", "[1].remove(5)",
            "1 / 0", "1 // 0", "1 % 0", "1.0 / 0", "divmod(1, 0)", "2.0 % 0", "None.x", "len(5)", "'a' + 1",
            "1 + 'a'", "[] < 1", "hash([])", "next(iter([]))", "max([])", "min([], key=len)", "'x'.join([1])",
            "[].pop()", "set().pop()", "(256).to_bytes(1, 'big')", "int(float('inf'))", "int(float('nan'))",
            "0 ** -1", "0.0 ** -1", "isinstance(1, 'a')", "getattr(1, 'zz')", "chr(-1)", "ord('ab')",
            "sum(['a', 'b'])", "sum([[1], [2]], [])", "'%d' % 'x'", "'%s %s' % (1,)", "'%s' % (1, 2)",
            "'{0} {2}'.format(1, 2)", "'{x}'.format(y=1)", "'{'.format(1)", "format(1.5, 'd')",
            "format('a', ',')", "list(5)", "iter(5)", "{1: 2}.pop(3)", "dict([1, 2])", "tuple(1)",
            "'abc'[5]", "'abc'[1:2:0]", "[1, 2][::0]", "(1, 2)[3]", "abs('x')", "round('x')", "b'a' + 'b'",
            "'a' * 'b'", "[1] * 1.5", "-'a'", "~1.5", "1 << -1", "int('5', 99)", "bytes([300])",
            "pow(2, -1, 5)", "pow(3, 2, 0)", "'a'.center(5, 'ab')", "{}.fromkeys(1)", "object().x",
            "(1).real = 2", "'abc'.startswith(1)", "'x'.split('')", "range(1, 2, 0)", "float('1e500')",
            "10 ** 400 * 1.0", "2.0 ** 10000", "(1,) + [2]", "[1] + (2,)", "{1} + {2}", "'%c' % 300000000",
            "int('1' * 5000)", "1 < 'x' < 2", "min(1)", "sorted(1)", "zip(1)", "enumerate(1, 2, 3)",
            "'a'.encode('nope')", "b'\\xff'.decode()", "'\\xff'.encode('ascii')", "bytes.fromhex('0')",
            "slice(1, 2)[0]", "None()", "len()", "print(sep=1)", "str(1, 2)", "int(1, 2)", "int('12', base=1)",
            "list.append()", "[].append(1, 2)", "dict(1)", "divmod('a', 1)", "round(1.5, 'x')", "float([])",
            "complex('x')", "reversed(5)", "list(reversed({}))", "sum(1)", "any(1)", "frozenset([[]])",
            "{[]: 1}", "{1, []}", "'abc'.removesuffix(1)", "(1).bit_count()", "1 .as_integer_ratio()",
        ]
        for _ in range(self.r.randint(2, 6)):
            case = self.pick(cases)
            if " = " in case:
                self.attempt([case])
            else:
                self.show(case)

    def st_numbers(self):
        a, b = self.pick(INTS), self.pick(INTS)
        f = self.pick(FLOATS)
        self.show(f"(({a}) // ({b}), ({a}) % ({b}), divmod({a}, {b}))")
        self.show(f"(({f}) // ({b}), ({f}) % ({b}), ({a}) / ({b}))")
        self.show(f"(round({f}), round({f}, {self.pick(['0', '1', '2', '-1', '-2', '10'])}), round({a}, -1))")
        self.show(f"({a}) < ({f}) <= ({b}) != {self.pick(['True', '1', '1.0', '2'])}")
        self.show(f"[repr(x) for x in [{f} * 3, {f} / 7, {f} + 0.1, {f} * 1e10, {f} / 1e10, -({f})]]")
        self.show(f"(True + True, True * 3.5, False - 1, True / 2, -True, True << 3, True & False, ~True)")
        self.show(f"[str(x) for x in [1e15, 1e16, 1.5e-5, 0.0001, 123456789.0, 1e-4, 1e100, 2.0 ** 60]]")
        self.show(f"(({a}) == ({f}), hash({f}) == hash({a}), ({a}) ** 2 > ({f}))")

    def st_dict_ops(self):
        dd = self.pick(self.vars["dict"])
        ops = [f"list({dd}.items())", f"list({dd})", f"{dd}.get('a', 'no')", f"sorted({dd}.keys() & {{'a', 'x'}}, key=str)",
               f"sorted({dd}.keys() | {{'q'}}, key=str)", f"len({dd})", f"'a' in {dd}", f"{dd} == {self.literal('dict')}",
               f"{{**{dd}, 'new': 1}}", f"{dd}.setdefault('s', []).append(1) or {dd}",
               f"list(reversed({dd}))", f"{dd}.keys()", f"{dd}.values()", f"{dd}.items()",
               f"dict(sorted({dd}.items(), key=str, reverse=True))", f"{dd}['a']", f"{dd}[[]]"]
        for _ in range(self.r.randint(1, 4)):
            self.show(self.pick(ops))

    def st_strings(self):
        s = self.pick(self.vars["str"])
        for _ in range(self.r.randint(1, 4)):
            self.show(self.expr_str(1, True).replace("s1", s) if self.chance(0.5) else self.expr("str", 2))

    def st_loop(self):
        n = self.tag()
        self.emit(0, f"acc{n} = []")
        self.emit(0, f"for i, ch in enumerate({self.expr('str', 1)}):")
        self.emit(1, f"if i > {self.r.randint(2, 6)}:")
        self.emit(2, "break")
        self.emit(1, f"if ch {self.pick(['in', 'not in'])} 'aeiou ':")
        self.emit(2, "continue")
        self.emit(1, f"acc{n}.append(ch * (i % 3))")
        self.emit(0, "else:")
        self.emit(1, f"acc{n}.append('no break')")
        self.emit(0, f"print(acc{n})")
        self.emit(0, f"w{n} = {self.r.randint(0, 40)}")
        self.emit(0, f"while w{n} > 1:")
        self.emit(1, f"w{n} = w{n} // 2 if w{n} % 2 == 0 else 3 * w{n} + 1")
        self.emit(1, f"print(w{n}, end=' ')")
        self.emit(0, "print()")

    def st_with(self):
        n = self.tag()
        self.emit(0, f"class Ctx{n}:")
        self.emit(1, "def __init__(self, name, swallow=False):")
        self.emit(2, "self.name = name")
        self.emit(2, "self.swallow = swallow")
        self.emit(0, "")
        self.emit(1, "def __enter__(self):")
        self.emit(2, "print('enter', self.name)")
        self.emit(2, "return self.name.upper()")
        self.emit(0, "")
        self.emit(1, "def __exit__(self, et, ev, tb):")
        self.emit(2, "print('exit', self.name, et.__name__ if et else None, ev)")
        self.emit(2, "return self.swallow")
        self.emit(0, "")
        self.emit(0, "")
        self.attempt([f"with Ctx{n}('a') as x, Ctx{n}('b', {self.pick(['True', 'False'])}) as y:",
                      "    print(x, y)",
                      f"    {self.pick(['raise ValueError(x)', 'print(1 / 0)', 'pass', 'print(y[5])'])}",
                      "print('after with')"])

    def st_misc(self):
        opts = [
            "list(zip('abc', range(5), [1.5, 2.5]))", "list(enumerate('xyz', start=-1))",
            "[(i, j) for i in range(3) for j in range(i)]", "{i: i ** 2 for i in range(-2, 3)}",
            "sorted({3: 'c', 1: 'a', 2: 'b'}.items(), reverse=True)", "list(map(lambda a, b: a * b, [1, 2, 3], 'abc'))",
            "[x for x in range(20) if x % 3 == 0 if x % 2]", "list(reversed(range(1, 10, 3)))",
            "range(0, 10, 3)", "range(5)[::-1]", "range(10)[2:8:2]", "len(range(-5, 100, 7))",
            "(3 in range(0, 10, 3), 4 in range(0, 10, 3))", "range(3) == range(0, 3, 1)",
            "repr(1.0), repr(-0.0), repr(1e16), repr(0.1 + 0.2), repr(1/3), repr(2.5e-5)",
            "[round(x / 2) for x in range(-5, 6)]", "[round(x, 1) for x in [0.05, 0.15, 0.25, 0.35, 2.675]]",
            "(7 // -2, -7 // 2, 7 % -2, -7 % 2, 7.5 // -2, -7.5 % 2)", "divmod(-7, 2), divmod(7.5, -2)",
            "2 ** -2, pow(2, 10), pow(-2, 3), 10 ** 30",
            "int('  -42  '), int('0x1f', 16), int('0b101', 0), int('z', 36), int('1_000')",
            "float('  -1.5e3 '), float('inf'), float('-nan'), float(' 12 ')",
            "str(True), repr(None), str([None, True, 'x']), repr({'a': [1, (2,)]})",
            "[str(x) for x in (1.0, 10.0 ** 15, 10.0 ** 16, 1.23e-5, 0.1)]",
            "'%s|%r|%a' % ('é', 'é', 'é')", "ascii('naïve ☃'), repr('naïve ☃\\x00\\t')",
            "repr(b'\\x00ab\\xff\\''), repr(bytearray(b'hi'))", "'{:,}'.format(1234567.891)",
            "f'{12345.6789:,.2f}|{0.000123:.2e}|{1e20:g}|{123:08.3f}|{-5:+05d}'",
            "'{!r:>10}|{:^9}|{:*<7}'.format('a', 'mid', 3)", "'%-8s|%8.3f|%+d|%x|%o|%e' % ('ab', 3.14159, 5, 255, 8, 12345.678)",
            "sorted(['b', 'A', 'c', 'B'], key=str.lower)", "sorted([(1, 'b'), (1, 'a'), (0, 'z')], key=lambda t: t[0])",
            "min('hello'), max([3, 1, 2], key=lambda x: -x), max('ab', 'abc', key=len)",
            "sum(range(101)), sum([0.1] * 10), sum([1, 2], 0.5)", "all([]), any([]), all([0, 1]), any('')",
            "abs(-5), abs(-2.5), abs(True), abs(-0.0)", "bin(-10), oct(64), hex(-255), hex(2 ** 70)",
            "(5).bit_length(), (-1).bit_length(), (255).to_bytes(2, 'little'), int.from_bytes(b'\\x01\\x00', 'big')",
            "(0.5).as_integer_ratio(), (2.5).is_integer(), (3.0).is_integer(), float.fromhex('0x1.8p1')",
            "'a,b,,c'.split(','), 'a b  c '.split(), ' x '.strip(), 'ab'.zfill(5), '-3'.zfill(4)",
            "'Hello World'.swapcase(), 'hello world'.title(), 'ß'.upper(), 'İ'.lower(), 'ǅ'.title()",
            "'abc'.center(8, '*'), 'abc'.ljust(2), 'tab\\tx'.expandtabs(4), 'a\\r\\nb\\rc\\n'.splitlines()",
            "'hello'.find('l'), 'hello'.rfind('l'), 'hello'.count('l'), 'hello'.replace('l', 'L', 1)",
            "'x'.join(['a', 'b']), ''.join(reversed('abc')), 'abc'[::-1], 'abcdef'[-2:], 'abcdef'[1:-1:2]",
            "[1, 2, 3] * 2, (1,) * 3, [[0] * 2] * 2, 'ab' * 3", "[1, 2] < [1, 2, 3], (1, 'a') < (1, 'b'), [] == []",
            "{1, 2} | {2, 3}, {1, 2} & {2, 3}, {1, 2} - {2}, {1, 2} ^ {2, 3}, {1} < {1, 2}",
            "frozenset({3, 1}), set(), {()}, {(1, 2), (0,)}", "dict(a=1, b=2), dict([('x', 1)]), dict.fromkeys('ab')",
            "list({'b': 1, 'a': 2}), list({'b': 1, 'a': 2}.values())", "[*'ab', *[1, 2]], {**{'a': 1}, 'b': 2}, (*range(3),)",
            "isinstance(True, int), issubclass(bool, int), type(1.0).__name__, type([]) is list",
            "int(3.99), int(-3.99), int(True), float(7), bool(''), bool('0'), bool([0]), bool(0.0)",
            "chr(65) + chr(0x263A), ord('€'), hex(ord('A'))", "len('naïve'), len('naïve'.encode()), 'naïve'.encode()",
            "b'abc'.hex(), bytes(3), b'a' * 3, b'abc'[1], b'abc'[1:], list(b'hi'), b'x' in b'xyz'",
            "bytearray(b'ab') + b'c', bytes([65, 66]), b'Hello'.lower(), b'a,b'.split(b',')",
            "[x * y for x, y in zip([1, 2, 3], [4, 5, 6])]", "list(map(str.upper, ['a', 'b']))",
            "next(iter(range(3))), next(iter([]), 'empty'), list(iter([1, 2].pop, 1))",
            "[i for i in range(3)] + [j for j in 'ab']", "tuple(x for x in 'abc'), set('aab') == {'a', 'b'}",
            "sorted(set('hello')), sorted('hello', reverse=True), sorted([3, 1, 2])[::-1]",
            "(lambda *a, **k: (a, sorted(k.items())))(1, 2, x=3)", "(lambda x, y=2: x * y)(4)",
            "1 if 0 else 2, 0 or [] or 'x', 1 and 2 and 3, None or 0, not not 5",
            "2 < 3 < 4, 3 > 2 == 2, 1 < 2 > 0, 1 == 1.0 == True, 'a' < 'b' < 'c' > 'a'",
            "10 ** 20 // 3, -(10 ** 20) // 7, 10 ** 20 % 7, 2 ** 100 - 1, (2 ** 64) * (2 ** 64)",
            "12345678901234567890 * 98765432109876543210, 2 ** 200 // 3 ** 50, -2 ** 63",
            "str(2 ** 100), repr(-(10 ** 25)), hex(10 ** 25), f'{2 ** 70:,}', f'{10 ** 20:e}'",
            "float(2 ** 60), int(1e20), int(1.5e30), 2 ** 53 + 1.0, 10 ** 20 / 3, (2 ** 80) / (2 ** 10)",
            "round(1234.5678, -2), round(1234, -2), round(-1.5), round(0.5), round(2.5), round(3.5)",
            "max(1, 2.0), min(1.0, 1), max('a', 'B'), max([1, 2], [1, 3]), min((2, 'a'), (1, 'z'))",
            "[1, 2, 3].index(2), [1, 2, 3].count(4), (1, 2, 1).count(1), 'aaa'.count('aa')",
            "'{0}{1}{0}'.format('ab', 'cd'), '{a[0]}-{b[x]}'.format(a=[5], b={'x': 6}), '{0.real}'.format(3)",
            "'%(x)s and %(x)r' % {'x': 'y'}, '%5.1f%%' % 12.345, '%*d' % (5, 42), '%-*s|' % (4, 'a')",
            "'%.0f %.0f %.0f %.0f' % (0.5, 1.5, 2.5, -0.5), '%g %g %g' % (1e-5, 123456789, 0.0001)",
            "f'{3.0:g} {1e-10:g} {123.456:.1g} {0.0:e} {-0.0:f} {float(\"inf\"):f} {float(\"nan\"):F}'",
            "format(1234.5, 'n'), format(255, 'c'), format(-1234, ','), format(True, 'd'), format(None, '')",
        ]
        for _ in range(self.r.randint(1, 3)):
            self.show(f"({self.pick(opts)})")

    # ---- endings: an uncaught exception and its traceback -------------------

    def ending(self):
        k = self.r.randint(0, 11)
        n = self.tag()
        e = self.emit
        if k == 0:
            e(0, f"def inner{n}(a, b):")
            e(1, self.pick(["return a[b] + 1", "return a / b", "return a.upper() + b", "return {'k': a}[b]",
                            "x = a * 2\n    return x - b", "return a + b", "return a[b][0]"]))
            e(0, "")
            e(0, "")
            e(0, f"def outer{n}(a):")
            e(1, f"return inner{n}(a, {self.pick(['0', '5', repr('q'), 'None', '[]'])}) * 2")
            e(0, "")
            e(0, "")
            e(0, f"print(outer{n}({self.pick(['[1]', '3', repr('s'), '{}', '(1, 2)', '[[]]'])}))")
        elif k == 1:
            e(0, "try:")
            e(1, f"{self.pick(['1 / 0', '[][0]', 'int(' + repr('x') + ')', '{}[1]', 'None.attr'])}")
            e(0, "except Exception as exc:")
            e(1, f"print('handling', type(exc).__name__)")
            e(1, self.pick(["raise RuntimeError('while handling')", "undefined_name + 1",
                            "raise ValueError('wrapped') from exc", "raise TypeError() from None",
                            "print(exc.missing_attr)", "raise"]))
        elif k == 2:
            e(0, f"value{n} = {self.pick(['12', repr('abc'), '[1, 2]'])}")
            e(0, f"print({self.pick([f'valeu{n}', f'vlue{n}', f'value{n}x', 'lenn(1)', 'sorte([])', 'Print(1)', 'ture'])})")
        elif k == 3:
            name, sub, dunders = self.classes[-1] if self.classes else ("int", None, [])
            target = f"{name}(3)" if name != "int" else "(3)"
            e(0, f"print({target}.{self.pick(['vv', 'kidn', 'doubel', 'Make', 'missing', 'real_', 'v_'])})")
        elif k == 4:
            e(0, f"class Err{n}(Exception):")
            e(1, "def __init__(self, code, why):")
            e(2, "super().__init__(code)")
            e(2, "self.why = why")
            e(0, "")
            e(1, "def __str__(self):")
            e(2, "return f'code {self.args[0]}: {self.why}'")
            e(0, "")
            e(0, "")
            e(0, f"def fail{n}(depth):")
            e(1, "if depth == 0:")
            e(2, f"raise Err{n}(depth + 7, 'deep')")
            e(1, f"return fail{n}(depth - 1) + 1")
            e(0, "")
            e(0, "")
            e(0, f"fail{n}({self.r.randint(0, 3)})")
        elif k == 5:
            e(0, f"data{n} = {{'a': [1, 2, {{'b': (3, 4)}}]}}")
            e(0, f"print(data{n}{self.pick(['[' + repr('a') + '][2][' + repr('c') + ']', '[' + repr('a') + '][5]', '[' + repr('a') + '][2][' + repr('b') + '][1] + ' + repr('x'), '[' + repr('b') + ']'])})")
        elif k == 6:
            e(0, f"def g{n}():")
            e(1, "yield 1")
            e(1, f"raise {self.pick(EXCS)}('in generator')")
            e(0, "")
            e(0, "")
            e(0, f"print([x * 2 for x in g{n}()])")
        elif k == 7:
            e(0, f"f{n} = lambda x: x {self.pick(['+', '*', '-'])} {self.pick([repr('a'), 'None', '[1]'])}")
            e(0, f"print(list(map(f{n}, [1, 2])))")
        elif k == 8:
            e(0, f"def checked{n}(x):")
            e(1, "try:")
            e(2, "return 1 / x")
            e(1, "finally:")
            e(2, "print('cleanup', x)")
            e(0, "")
            e(0, "")
            e(0, f"print(checked{n}(2), checked{n}(0))")
        elif k == 9:
            e(0, f"def kw{n}(a, *, b):")
            e(1, "return a + b")
            e(0, "")
            e(0, "")
            e(0, f"kw{n}({self.pick(['1, 2', '1', 'b=2', '1, b=2, c=3', '1, a=1, b=2'])})")
        elif k == 10:
            e(0, f"assert {self.pick(['1 == 2', 'len([]) > 0', '[], ' + repr('empty list'), 'False, (1, 2)'])}")
        else:
            e(0, f"nums{n} = [1, 2, 3]")
            e(0, f"total{n} = sum(nums{n}) + nums{n}[{self.pick(['3', '-4', repr('0')])}] * {self.pick(['2', 'nums' + str(n) + '[0]'])}")

    def program(self):
        self.out = PRELUDE.splitlines() + [""]
        inits = {"i1": "7", "i2": "-12", "f1": "2.5", "s1": "'Hello World'", "s2": "'a,b,,c'",
                 "l1": "[3, 1, 2]", "l2": "[5, -2, 8, 0, 5]", "ls1": "['pear', 'Apple', 'fig', '']",
                 "t1": "(1, 'x', 2.0)", "d1": "{'a': 1, 'b': 2}", "st1": "{3, 1, 2}", "b1": "b'bytes'"}
        for name, value in inits.items():
            if self.chance(0.3):
                t = next(t for t, names in self.vars.items() if name in names)
                value = self.literal(t)
            self.emit(0, f"{name} = {value}")
        self.emit(0, "")
        families = [(self.st_expr, 10), (self.st_print, 2), (self.st_assign, 2), (self.st_mutate, 3),
                    (self.st_format, 3), (self.st_sort, 1), (self.st_slices, 1), (self.st_unpack, 2),
                    (self.st_closure, 1), (self.st_args, 1), (self.st_class, 2), (self.st_generator, 1),
                    (self.st_exceptions, 1), (self.st_builtin_errors, 3), (self.st_numbers, 1),
                    (self.st_dict_ops, 1), (self.st_strings, 2), (self.st_loop, 1), (self.st_with, 1),
                    (self.st_misc, 4)]
        funcs = [f for f, w in families for _ in range(w)]
        for _ in range(self.r.randint(12, 30)):
            self.pick(funcs)()
        if self.chance(0.4):
            self.emit(0, "")
            self.ending()
        return "\n".join(self.out) + "\n"


def generate(seed):
    """The program for SEED (an int), as source text."""
    return Gen(seed).program()


if __name__ == "__main__":
    sys.stdout.write(generate(int(sys.argv[1])))
