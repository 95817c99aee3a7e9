"""Random programs about numbers, for differential fuzzing of int and float.

Usage (any python3, standard library only):

    python3 tests/conformance/fuzz/generate_numbers.py SEED [> prog.py]

Where generate_lang.py picks numbers from short lists, these programs draw
them at random: ints of any size (around the 64-bit edges and up to a few
hundred digits, written in every base and with underscores), floats from
random bit patterns (subnormals, huge and tiny exponents, integers past 2**53)
and from decimal text. Each is printed through repr and str, format() with a
random format spec (valid or not: ValueError messages are compared too),
%-formatting, int(), float() and round(); ints through //, %, divmod, pow
with a modulus, shifts and bit operations, int<->float conversion and hash;
the str-conversion digit limit (str(10 ** 5000), int('9' * 5000)).

Each expression is printed through `show` (its repr, or `!`, the
exception's class and message), so one program compares a few hundred
results. The same seed always gives the same program, valid on every
CPython 3.7-3.13.
"""

import random
import struct
import sys

PRELUDE = '''\
import sys  # keep


def show(f):  # keep
    try:  # keep
        r = f()  # keep
    except Exception as e:  # keep
        print("!", type(e).__name__, e)  # keep
    else:  # keep
        print(repr(r))  # keep
'''

TYPES = "bcdoxXneEfFgG%s"


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def int_value(self):
        r = self.r
        kind = r.randrange(6)
        if kind == 0:
            v = r.randint(-1000, 1000)
        elif kind == 1:  # the 64-bit edges
            v = r.choice([2 ** 63, 2 ** 64, 2 ** 62, 2 ** 31, 2 ** 32]) + r.randint(-3, 3)
        elif kind == 2:
            v = r.getrandbits(r.randint(1, 400))
        elif kind == 3:
            v = 10 ** r.randint(1, 120) + r.randint(-5, 5)
        elif kind == 4:
            v = r.getrandbits(64)
        else:
            v = r.randint(-10 ** 6, 10 ** 6) * 10 ** r.randint(0, 30)
        return -v if r.random() < 0.4 else v

    def int_literal(self, v):
        r = self.r
        sign = "-" if v < 0 else ""
        a = abs(v)
        form = r.randrange(5)
        if form == 1:
            text = hex(a)
        elif form == 2 and a < 2 ** 200:
            text = oct(a)
        elif form == 3 and a < 2 ** 120:
            text = bin(a)
        else:
            text = str(a)
        if r.random() < 0.2 and len(text) > 4:
            # underscores between digits
            head, digits = (text[:2], text[2:]) if text[:2] in ("0x", "0o", "0b") else ("", text)
            step = r.randint(1, 4)
            digits = "_".join(digits[i:i + step] for i in range(0, len(digits), step))
            text = head + digits
        return "(" + sign + text + ")" if sign else text

    def float_value(self):
        r = self.r
        kind = r.randrange(5)
        if kind == 0:  # any bit pattern but nan
            bits = r.getrandbits(64)
            v = struct.unpack("<d", struct.pack("<Q", bits))[0]
            return 1.5 if v != v else v
        if kind == 1:
            return r.uniform(-1000, 1000)
        if kind == 2:
            return r.randint(-10 ** 6, 10 ** 6) / 10 ** r.randint(0, 8)
        if kind == 3:
            return float(r.randint(-2 ** 60, 2 ** 60)) * 2 ** r.randint(-80, 80)
        return r.choice([0.0, -0.0, 0.1, 0.5, 2.5, 1e16, 1e22, 1e23, 5e-324, 2.2250738585072014e-308,
                         1.7976931348623157e308, 9007199254740993.0, 0.30000000000000004, 123456.789e-30])

    def float_literal(self, v):
        text = repr(v)
        if text in ("inf", "-inf"):
            return "float(%r)" % text
        return "(" + text + ")" if text.startswith("-") else text

    def spec(self, for_int):
        r = self.r
        s = ""
        if r.random() < 0.3:
            s += r.choice(["", "*", "0", "x", " "]) + r.choice("<>=^")
        if r.random() < 0.3:
            s += r.choice("+- ")
        if r.random() < 0.2:
            s += "#"
        if r.random() < 0.15:
            s += "0"
        if r.random() < 0.4:
            s += str(r.randint(0, 30))
        if r.random() < 0.25:
            s += r.choice([",", "_"])
        if r.random() < (0.2 if for_int else 0.6):
            s += "." + str(r.randint(0, 20))
        if r.random() < 0.8:
            s += r.choice(TYPES)
        return s

    def int_expr(self):
        r = self.r
        a = self.int_literal(self.int_value())
        b = self.int_literal(self.int_value())
        small = str(r.randint(-3, 70))
        choices = [
            lambda: "repr(%s)" % a,
            lambda: "str(%s)" % a,
            lambda: "format(%s, %r)" % (a, self.spec(True)),
            lambda: "'%%%s' %% %s" % (r.choice(["d", "x", "o", "X", "#x", "+d", "10d", "-12d|", "e", ".3f", "c"]), a),
            lambda: "%s // %s" % (a, b),
            lambda: "%s %% %s" % (a, b),
            lambda: "divmod(%s, %s)" % (a, b),
            lambda: "pow(%s, %s, %s)" % (a, str(r.randint(-2, 300)), b),
            lambda: "%s ** %s" % (a, str(r.randint(-2, 12))),
            lambda: "%s %s %s" % (a, r.choice(["&", "|", "^", "+", "-", "*"]), b),
            lambda: "%s %s %s" % (a, r.choice(["<<", ">>"]), small),
            lambda: "~%s" % a,
            lambda: "float(%s)" % a,
            lambda: "%s / %s" % (a, b),
            lambda: "hash(%s)" % a,
            lambda: "round(%s, %s)" % (a, str(r.randint(-30, 3))),
            lambda: "(%s).bit_length()" % a,
            lambda: "int(%r)" % self.int_text(),
            lambda: "int(%r, %d)" % self.int_text_base(),
            lambda: "%s == %s" % (a, self.float_literal(float(self.int_value()))),
            lambda: "%s < %s" % (a, self.float_literal(self.float_value())),
        ]
        return r.choice(choices)()

    def int_text(self):
        r = self.r
        text = str(self.int_value())
        if r.random() < 0.3:
            text = " " + text + r.choice(["", " ", "\t"])
        if r.random() < 0.2 and len(text) > 3:
            i = r.randrange(1, len(text))
            text = text[:i] + r.choice(["_", "__", "x", "."]) + text[i:]
        return text

    def int_text_base(self):
        r = self.r
        base = r.choice([0, 2, 8, 16, 36, 7])
        v = abs(self.int_value())
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"
        if base in (0, 16):
            text = hex(v)
        elif base == 8:
            text = oct(v)[2:] if r.random() < 0.5 else oct(v)
        elif base == 2:
            text = bin(v)
        else:
            out = ""
            while v:
                out = digits[v % base] + out
                v //= base
            text = out or "0"
        return text, base

    def float_expr(self):
        r = self.r
        x = self.float_literal(self.float_value())
        y = self.float_literal(self.float_value())
        choices = [
            lambda: "repr(%s)" % x,
            lambda: "str(%s)" % x,
            lambda: "format(%s, %r)" % (x, self.spec(False)),
            lambda: "format(%s, %r)" % (x, self.spec(False)),
            lambda: "'%%%s' %% %s" % (r.choice(["f", ".3f", "e", ".10e", "g", ".17g", "G", "10.4f", "+.2e", "#g", "r", "d"]), x),
            lambda: "%s %s %s" % (x, r.choice(["+", "-", "*", "/", "//", "%"]), y),
            lambda: "divmod(%s, %s)" % (x, y),
            lambda: "round(%s, %s)" % (x, str(r.randint(-5, 20))),
            lambda: "round(%s)" % x,
            lambda: "int(%s)" % x,
            lambda: "(%s).as_integer_ratio()" % x,
            lambda: "(%s).is_integer()" % x,
            lambda: "hash(%s)" % x,
            lambda: "(%s).hex()" % x,
            lambda: "float(%r)" % repr(self.float_value()),
            lambda: "float(%r)" % ("%.*g" % (r.randint(1, 25), self.float_value())),
            lambda: "abs(%s) ** %s" % (x, r.choice(["2", "0.5", "-1", "3", "10"])),
        ]
        return r.choice(choices)()

    def program(self):
        r = self.r
        lines = [PRELUDE]
        for _ in range(r.randint(60, 120)):
            e = self.int_expr() if r.random() < 0.55 else self.float_expr()
            lines.append("show(lambda: %s)" % e)
        # The str-conversion digit limit (the installed CPythons all have it).
        if r.random() < 0.3:
            lines.append("show(lambda: len(str(10 ** %d)))" % r.choice([4299, 4300, 4301, 5000]))
            lines.append("show(lambda: len(str(int('9' * %d))))" % r.choice([4299, 4300, 4301, 5000]))
        return "\n".join(lines) + "\n"


def generate(seed):
    """The program for SEED (an int), as source text."""
    return Gen(seed).program()


if __name__ == "__main__":
    sys.stdout.write(generate(int(sys.argv[1])))
