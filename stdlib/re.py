# re (asim's own): a backtracking matcher for str patterns, written after
# the behaviour of CPython's re module. It covers literals and escapes
# (\d \w \s \D \W \S, \b \B \A \Z, escaped punctuation), `.`, sets
# `[a-z\d]` `[^...]`, groups (capturing, `(?:...)`, `(?P<name>...)`),
# lookahead `(?=...)` `(?!...)`, `|`, the quantifiers `* + ? {m,n}` (greedy
# and lazy), `^ $`, and the flags IGNORECASE, MULTILINE, DOTALL. Any other
# construct (backreferences, lookbehind, inline flags, VERBOSE, bytes
# patterns) stops the run as not modelled: a different match would pass
# unseen. Flags are plain ints here (CPython's are RegexFlag members).
import sys

import _asimlib

__all__ = ["match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer", "compile", "purge",
           "escape", "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U", "ASCII", "IGNORECASE",
           "LOCALE", "MULTILINE", "DOTALL", "VERBOSE", "UNICODE"]

A = ASCII = 256
I = IGNORECASE = 2
L = LOCALE = 4
M = MULTILINE = 8
S = DOTALL = 16
U = UNICODE = 32
X = VERBOSE = 64
_MODELLED_FLAGS = IGNORECASE | MULTILINE | DOTALL | UNICODE


class error(Exception):
    """Raised by the functions of this module for an invalid pattern."""

    def __init__(self, msg, pattern=None, pos=None):
        Exception.__init__(self, msg if pos is None else '%s at position %d' % (msg, pos))
        self.msg = msg
        self.pattern = pattern
        self.pos = pos


if sys.version_info >= (3, 13):
    PatternError = error


def _unsupported(pattern, why):
    _asimlib.unsupported("regular expression %r" % (pattern,), why)


def _is_word_char(ch):
    return ch.isalnum() or ch == '_'


# (kind, negated): \d \w \s and their complements, as str patterns read them.
_CLASSES = {'d': ('digit', False), 'D': ('digit', True), 'w': ('word', False), 'W': ('word', True),
            's': ('space', False), 'S': ('space', True)}
_ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v', 'a': '\a', '0': '\0'}


def _in_class(kind, ch):
    if kind == 'digit':
        return ch.isdecimal()
    if kind == 'word':
        return _is_word_char(ch)
    return ch.isspace()


class _Parser:
    def __init__(self, pattern):
        self.p = pattern
        self.i = 0
        self.groups = 0
        self.groupindex = {}

    def peek(self):
        return self.p[self.i] if self.i < len(self.p) else None

    def fail(self, msg, pos=None):
        raise error(msg, self.p, self.i if pos is None else pos)

    def parse_alt(self):
        branches = [self.parse_seq()]
        while self.peek() == '|':
            self.i += 1
            branches.append(self.parse_seq())
        return ('alt', branches)

    def parse_seq(self):
        items = []
        while self.peek() is not None and self.peek() not in '|)':
            start = self.i
            atom = self.parse_atom()
            items.append(self.parse_quant(atom, start))
        return items

    def parse_quant(self, atom, start):
        c = self.peek()
        if c == '*':
            lo, hi = 0, -1
        elif c == '+':
            lo, hi = 1, -1
        elif c == '?':
            lo, hi = 0, 1
        elif c == '{':
            end = self.p.find('}', self.i)
            body = self.p[self.i + 1:end] if end > 0 else ''
            parts = body.split(',')
            if end < 0 or len(parts) > 2 or not all(x.isdigit() or x == '' for x in parts) or body == ',':
                return atom  # not a repeat: '{' is a literal
            lo = int(parts[0]) if parts[0] else 0
            hi = lo if len(parts) == 1 else (int(parts[1]) if parts[1] else -1)
            if hi != -1 and hi < lo:
                self.fail("min repeat greater than max repeat", self.i + 1)
            self.i = end
        else:
            return atom
        if atom[0] in ('bol', 'eol', 'bos', 'eos', 'wordb', 'nwordb', 'look'):
            self.fail("nothing to repeat", start)
        self.i += 1
        lazy = False
        if self.peek() == '?':
            lazy = True
            self.i += 1
        elif self.peek() == '+':
            _unsupported(self.p, "possessive quantifiers are not modelled")
        if self.peek() is not None and self.peek() in '*+?' or self.peek() == '{' and self._is_repeat():
            self.fail("multiple repeat", self.i)
        return ('rep', atom, lo, hi, lazy)

    def _is_repeat(self):
        end = self.p.find('}', self.i)
        body = self.p[self.i + 1:end] if end > 0 else ''
        return end > 0 and body != ',' and all(x.isdigit() or x == '' for x in body.split(',')) \
            and len(body.split(',')) <= 2

    def parse_atom(self):
        c = self.p[self.i]
        self.i += 1
        if c == '.':
            return ('any',)
        if c == '^':
            return ('bol',)
        if c == '$':
            return ('eol',)
        if c == '(':
            return self.parse_group()
        if c == '[':
            return self.parse_set()
        if c == '\\':
            return self.parse_escape(False)
        if c in '*+?':
            self.fail("nothing to repeat", self.i - 1)
        if c == '{' and self._is_repeat_at(self.i - 1):
            self.fail("nothing to repeat", self.i - 1)
        return ('lit', c)

    def _is_repeat_at(self, at):
        saved = self.i
        self.i = at
        result = self._is_repeat()
        self.i = saved
        return result

    def parse_group(self):
        start = self.i - 1
        index = None
        look = None
        if self.p.startswith('?:', self.i):
            self.i += 2
        elif self.p.startswith('?P<', self.i):
            end = self.p.find('>', self.i)
            if end < 0:
                self.fail("missing >, unterminated name", self.i + 3)
            name = self.p[self.i + 3:end]
            if not name.isidentifier():
                self.fail("bad character in group name %r" % name, self.i + 3)
            if name in self.groupindex:
                self.fail("redefinition of group name %r as group %d; was group %d"
                          % (name, self.groups + 1, self.groupindex[name]), self.i + 3)
            self.i = end + 1
            self.groups += 1
            index = self.groups
            self.groupindex[name] = index
        elif self.p.startswith('?=', self.i) or self.p.startswith('?!', self.i):
            look = self.p[self.i + 1] == '='
            self.i += 2
        elif self.peek() == '?':
            _unsupported(self.p, "the group extension (%s...) is not modelled" % self.p[start:self.i + 2])
        else:
            self.groups += 1
            index = self.groups
        inner = self.parse_alt()
        if self.peek() != ')':
            self.fail("missing ), unterminated subpattern", start)
        self.i += 1
        if look is not None:
            return ('look', look, inner)
        return ('group', index, inner)

    def parse_escape(self, in_set):
        if self.i >= len(self.p):
            self.fail("bad escape (end of pattern)", self.i - 1)
        c = self.p[self.i]
        self.i += 1
        if c in _CLASSES:
            kind, negated = _CLASSES[c]
            return ('class', kind, negated)
        if c in _ESCAPES and not (c == '0' and self.peek() is not None and self.peek().isdigit()):
            return ('lit', _ESCAPES[c])
        if not in_set:
            if c == 'A':
                return ('bos',)
            if c == 'Z':
                return ('eos',)
            if c == 'b':
                return ('wordb',)
            if c == 'B':
                return ('nwordb',)
        elif c == 'b':
            return ('lit', '\b')
        if c.isdigit():
            _unsupported(self.p, "backreferences and octal escapes are not modelled")
        if c in 'xuUN':
            _unsupported(self.p, "the escape \\%s is not modelled" % c)
        if c.isascii() and c.isalpha():
            self.fail("bad escape \\%s" % c, self.i - 2)
        return ('lit', c)

    def parse_set(self):
        start = self.i - 1
        negate = False
        if self.peek() == '^':
            negate = True
            self.i += 1
        items = []
        first = True
        while True:
            c = self.peek()
            if c is None:
                self.fail("unterminated character set", start)
            if c == ']' and not first:
                self.i += 1
                break
            first = False
            if c == '[' and self.p.startswith('[:', self.i):
                _unsupported(self.p, "POSIX classes [: :] are not modelled")
            if c == '\\':
                self.i += 1
                item = self.parse_escape(True)
                if item[0] == 'class':
                    items.append(item)
                    continue
                lo = item[1]
            else:
                lo = c
                self.i += 1
            if self.peek() == '-' and self.i + 1 < len(self.p) and self.p[self.i + 1] != ']':
                self.i += 1
                hi = self.p[self.i]
                self.i += 1
                if hi == '\\':
                    item = self.parse_escape(True)
                    if item[0] == 'class':
                        self.fail("bad character range %s-%s" % (lo, self.p[self.i - 2:self.i]), self.i - 4)
                    hi = item[1]
                if hi < lo:
                    self.fail("bad character range %s-%s" % (lo, hi), self.i - 3)
                items.append(('range', lo, hi))
            else:
                items.append(('lit', lo))
        return ('set', negate, items)


def _fold(ch):
    return ch.lower()


class _Matcher:
    # One attempt over `text`: `caps[n]` is group n's (start, end), put back
    # when a later part fails and the matcher backtracks.
    def __init__(self, pattern, text, endpos):
        self.flags = pattern.flags
        self.text = text
        self.end = endpos
        self.caps = [None] * (pattern.groups + 1)

    def char_is(self, i, ch):
        c = self.text[i]
        if self.flags & IGNORECASE:
            return _fold(c) == _fold(ch)
        return c == ch

    def in_set(self, node, ch):
        found = False
        for item in node[2]:
            if item[0] == 'lit':
                found = item[1] == ch or (self.flags & IGNORECASE and _fold(item[1]) == _fold(ch))
            elif item[0] == 'range':
                found = item[1] <= ch <= item[2] or (
                    self.flags & IGNORECASE and (item[1] <= ch.lower() <= item[2] or item[1] <= ch.upper() <= item[2]))
            else:
                found = _in_class(item[1], ch) != item[2]
            if found:
                break
        return found != node[1]

    def word_at(self, i):
        return 0 <= i < self.end and _is_word_char(self.text[i])

    def seq(self, items, k, i, cont):
        if k == len(items):
            return cont(i)
        return self.node(items[k], i, lambda j: self.seq(items, k + 1, j, cont))

    def node(self, node, i, cont):
        kind = node[0]
        text = self.text
        if kind == 'lit':
            return cont(i + 1) if i < self.end and self.char_is(i, node[1]) else None
        if kind == 'any':
            return cont(i + 1) if i < self.end and (self.flags & DOTALL or text[i] != '\n') else None
        if kind == 'set':
            return cont(i + 1) if i < self.end and self.in_set(node, text[i]) else None
        if kind == 'class':
            return cont(i + 1) if i < self.end and _in_class(node[1], text[i]) != node[2] else None
        if kind == 'bol':
            ok = i == 0 or (self.flags & MULTILINE and text[i - 1] == '\n')
            return cont(i) if ok else None
        if kind == 'eol':
            ok = i == self.end or (i == self.end - 1 and text[i] == '\n') or (
                self.flags & MULTILINE and i < self.end and text[i] == '\n')
            return cont(i) if ok else None
        if kind == 'bos':
            return cont(i) if i == 0 else None
        if kind == 'eos':
            return cont(i) if i == self.end else None
        if kind == 'wordb':
            return cont(i) if self.word_at(i - 1) != self.word_at(i) else None
        if kind == 'nwordb':
            return cont(i) if self.word_at(i - 1) == self.word_at(i) else None
        if kind == 'group':
            return self.node(node[2], i, lambda j: self.close_group(node[1], i, j, cont))
        if kind == 'look':
            saved = self.caps[:]
            found = self.node(node[2], i, lambda j: j) is not None
            if found != node[1]:
                self.caps = saved
                return None
            r = cont(i)
            if r is None:
                self.caps = saved
            return r
        if kind == 'alt':
            for branch in node[1]:
                r = self.seq(branch, 0, i, cont)
                if r is not None:
                    return r
            return None
        return self.rep(node, i, cont, 0)

    def close_group(self, index, start, j, cont):
        if index is None:
            return cont(j)
        old = self.caps[index]
        self.caps[index] = (start, j)
        r = cont(j)
        if r is None:
            self.caps[index] = old
        return r

    def rep(self, node, i, cont, count):
        atom, lo, hi, lazy = node[1], node[2], node[3], node[4]
        if count == 0 and atom[0] in ('lit', 'any', 'set', 'class'):
            return self.rep_char(atom, lo, hi, lazy, i, cont)
        can_more = hi == -1 or count < hi

        def more(j):
            if j == i and count >= lo:
                return cont(j)  # an empty iteration ends the loop, its groups kept
            return self.rep(node, j, cont, count + 1)
        if count < lo:
            return self.node(atom, i, more)
        if lazy:
            r = cont(i)
            if r is None and can_more:
                r = self.node(atom, i, more)
            return r
        r = self.node(atom, i, more) if can_more else None
        if r is None:
            r = cont(i)
        return r

    def rep_char(self, atom, lo, hi, lazy, i, cont):
        # A repeated single character (.*, [a-z]+, x{2,5}): how far it
        # matches, then the rest of the pattern from each end, longest
        # first unless lazy; the same order as one step at a time, without
        # a frame per character.
        limit = self.end if hi == -1 else min(self.end, i + hi)
        j = i
        while j < limit and self.node(atom, j, lambda k: k) is not None:
            j += 1
        if j - i < lo:
            return None
        ends = range(i + lo, j + 1) if lazy else range(j, i + lo - 1, -1)
        for k in ends:
            r = cont(k)
            if r is not None:
                return r
        return None


class Match:
    def __init__(self, pattern, string, pos, endpos, start, end, caps):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._spans = [(start, end)] + caps[1:]

    def _index(self, group):
        if isinstance(group, str):
            if group in self.re.groupindex:
                return self.re.groupindex[group]
        elif isinstance(group, int) and 0 <= group < len(self._spans):
            return group
        raise IndexError("no such group")

    def span(self, group=0):
        span = self._spans[self._index(group)]
        return span if span is not None else (-1, -1)

    def start(self, group=0):
        return self.span(group)[0]

    def end(self, group=0):
        return self.span(group)[1]

    def _group(self, group, default=None):
        span = self._spans[self._index(group)]
        return default if span is None else self.string[span[0]:span[1]]

    def group(self, *groups):
        if not groups:
            return self._group(0)
        if len(groups) == 1:
            return self._group(groups[0])
        return tuple(self._group(g) for g in groups)

    def __getitem__(self, group):
        return self._group(group)

    def groups(self, default=None):
        return tuple(self._group(n, default) for n in range(1, len(self._spans)))

    def groupdict(self, default=None):
        return {name: self._group(index, default) for name, index in self.re.groupindex.items()}

    @property
    def lastindex(self):
        best = None
        for n in range(1, len(self._spans)):
            span = self._spans[n]
            if span is not None and (best is None or span[1] >= self._spans[best][1]):
                best = n
        return best

    def expand(self, template):
        return _expand(self, template)

    def __repr__(self):
        return "<re.Match object; span=%r, match=%s>" % (self.span(), repr(self.group())[:50])


class Pattern:
    def __init__(self, pattern, flags):
        if flags & ~_MODELLED_FLAGS:
            _unsupported(pattern, "flags other than IGNORECASE, MULTILINE and DOTALL are not modelled")
        self.pattern = pattern
        self.flags = flags | UNICODE
        parser = _Parser(pattern)
        self._tree = parser.parse_alt()
        if parser.i != len(pattern):
            raise error("unbalanced parenthesis", pattern, parser.i)
        self.groups = parser.groups
        self.groupindex = parser.groupindex

    def _at(self, string, start, pos, endpos, full, nonempty=False):
        if not isinstance(string, str):
            raise TypeError("cannot use a string pattern on a bytes-like object")
        m = _Matcher(self, string, endpos)
        if full:
            end = m.node(self._tree, start, lambda j: j if j == endpos else None)
        elif nonempty:
            end = m.node(self._tree, start, lambda j: j if j != start else None)
        else:
            end = m.node(self._tree, start, lambda j: j)
        if end is None:
            return None
        return Match(self, string, pos, endpos, start, end, m.caps)

    @staticmethod
    def _bounds(string, pos, endpos):
        n = len(string)
        pos = min(max(pos, 0), n)
        endpos = n if endpos is None else min(max(endpos, pos), n)
        return pos, endpos

    def match(self, string, pos=0, endpos=None):
        pos, endpos = self._bounds(string, pos, endpos)
        return self._at(string, pos, pos, endpos, False)

    def fullmatch(self, string, pos=0, endpos=None):
        pos, endpos = self._bounds(string, pos, endpos)
        return self._at(string, pos, pos, endpos, True)

    def search(self, string, pos=0, endpos=None):
        pos, endpos = self._bounds(string, pos, endpos)
        for start in range(pos, endpos + 1):
            m = self._at(string, start, pos, endpos, False)
            if m is not None:
                return m
        return None

    def finditer(self, string, pos=0, endpos=None):
        pos, endpos = self._bounds(string, pos, endpos)
        # An empty match may follow a non-empty one at its end, not another
        # empty one at the same place (3.7+).
        found = []
        start = pos
        after_empty = False
        while start <= endpos:
            m = None
            for at in range(start, endpos + 1):
                m = self._at(string, at, pos, endpos, False, after_empty and at == start)
                if m is not None:
                    break
            if m is None:
                break
            found.append(m)
            after_empty = m.end() == m.start()
            start = m.end()
        return iter(found)

    def findall(self, string, pos=0, endpos=None):
        result = []
        for m in self.finditer(string, pos, endpos):
            if self.groups == 0:
                result.append(m.group())
            elif self.groups == 1:
                result.append(m.group(1) or '')
            else:
                result.append(tuple(g or '' for g in m.groups()))
        return result

    def subn(self, repl, string, count=0):
        pieces = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if count and n >= count:
                break
            pieces.append(string[last:m.start()])
            pieces.append(repl(m) if callable(repl) else _expand(m, repl))
            last = m.end()
            n += 1
        pieces.append(string[last:])
        return ''.join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def split(self, string, maxsplit=0):
        pieces = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if maxsplit and n >= maxsplit:
                break
            pieces.append(string[last:m.start()])
            pieces.extend(m.groups())
            last = m.end()
            n += 1
        pieces.append(string[last:])
        return pieces

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __repr__(self):
        return "re.compile(%r)" % (self.pattern,) if self.flags == UNICODE else \
            "re.compile(%r, %s)" % (self.pattern, _flags_text(self.flags))


def _flags_text(flags):
    names = [name for name, value in (("re.IGNORECASE", IGNORECASE), ("re.MULTILINE", MULTILINE),
                                      ("re.DOTALL", DOTALL)) if flags & value]
    return "|".join(names)


def _expand(match, template):
    # A replacement string: \1 \g<1> \g<name> and the escapes \n \t ...
    if '\\' not in template:
        return template
    out = []
    i = 0
    while i < len(template):
        c = template[i]
        if c != '\\':
            out.append(c)
            i += 1
            continue
        nxt = template[i + 1:i + 2]
        if nxt.isdigit():
            j = i + 1
            while j < len(template) and j < i + 3 and template[j].isdigit():
                j += 1
            out.append(match.group(int(template[i + 1:j])) or '')
            i = j
        elif nxt == 'g' and template[i + 2:i + 3] == '<' and '>' in template[i + 3:]:
            end = template.index('>', i + 3)
            name = template[i + 3:end]
            out.append(match.group(int(name) if name.isdigit() else name) or '')
            i = end + 1
        elif nxt in _ESCAPES and nxt != '0':
            out.append(_ESCAPES[nxt])
            i += 2
        elif nxt == '\\':
            out.append('\\')
            i += 2
        else:
            _unsupported(template, "this replacement escape is not modelled")
    return ''.join(out)


_cache = {}


def compile(pattern, flags=0):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, str):
        if isinstance(pattern, (bytes, bytearray)):
            _unsupported(pattern, "bytes patterns are not modelled")
        raise TypeError("first argument must be string or compiled pattern")
    key = (pattern, flags)
    compiled = _cache.get(key)
    if compiled is None:
        compiled = _cache[key] = Pattern(pattern, flags)
    return compiled


def purge():
    _cache.clear()


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


if sys.version_info >= (3, 13):
    # 3.13 deprecates passing count, maxsplit and flags by position.
    def _keywords(args, first, count, flags):
        if args:
            import warnings
            if len(args) > 2:
                raise TypeError("expected at most 5 arguments, got %d" % (3 + len(args)))
            # Library frames are skipped: 1 is the caller of re.sub.
            warnings.warn("'%s' is passed as positional argument" % first, DeprecationWarning, stacklevel=1)
            count = args[0]
            if len(args) > 1:
                flags = args[1]
        return count, flags

    def sub(pattern, repl, string, *args, count=0, flags=0):
        count, flags = _keywords(args, 'count', count, flags)
        return compile(pattern, flags).sub(repl, string, count)

    def subn(pattern, repl, string, *args, count=0, flags=0):
        count, flags = _keywords(args, 'count', count, flags)
        return compile(pattern, flags).subn(repl, string, count)

    def split(pattern, string, *args, maxsplit=0, flags=0):
        maxsplit, flags = _keywords(args, 'maxsplit', maxsplit, flags)
        return compile(pattern, flags).split(string, maxsplit)
else:
    def sub(pattern, repl, string, count=0, flags=0):
        return compile(pattern, flags).sub(repl, string, count)

    def subn(pattern, repl, string, count=0, flags=0):
        return compile(pattern, flags).subn(repl, string, count)

    def split(pattern, string, maxsplit=0, flags=0):
        return compile(pattern, flags).split(string, maxsplit)


# The characters escape() puts a backslash before (CPython 3.7+).
_SPECIAL = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def escape(pattern):
    if isinstance(pattern, str):
        return ''.join('\\' + c if c in _SPECIAL else c for c in pattern)
    _unsupported(pattern, "bytes patterns are not modelled")


def __getattr__(name):
    _asimlib.unsupported("re." + name, "asim's re module has the matching functions only")
