# A small backtracking regular-expression matcher (asim's own) for the
# patterns unittest's *Regex assertions take: literals, escapes (\d \w \s
# \D \W \S and escaped punctuation), `.`, classes `[a-z]` `[^...]`, groups
# `( )` `(?: )`, `|`, the quantifiers `* + ? {m,n}` (also lazy) and the
# anchors `^ $ \A \Z \b`. Anything else stops the run as not modelled.
import _asimlib

__unittest = True

_DIGITS = '0123456789'
_WORD = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'
_SPACE = ' \t\n\r\f\v'


def _unsupported(pattern, why):
    _asimlib.unsupported("regular expression %r" % (pattern,), why)


def _class_of(ch):
    if ch == 'd':
        return (False, _DIGITS)
    if ch == 'D':
        return (True, _DIGITS)
    if ch == 'w':
        return (False, _WORD)
    if ch == 'W':
        return (True, _WORD)
    if ch == 's':
        return (False, _SPACE)
    if ch == 'S':
        return (True, _SPACE)
    return None


_ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v'}


class _Parser:
    def __init__(self, pattern):
        self.p = pattern
        self.i = 0

    def peek(self):
        return self.p[self.i] if self.i < len(self.p) else None

    def parse_alt(self):
        branches = [self.parse_seq()]
        while self.peek() == '|':
            self.i += 1
            branches.append(self.parse_seq())
        return ('alt', branches)

    def parse_seq(self):
        items = []
        while self.peek() is not None and self.peek() not in '|)':
            atom = self.parse_atom()
            items.append(self.parse_quant(atom))
        return items

    def parse_quant(self, atom):
        c = self.peek()
        lo = hi = None
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
            if end < 0 or len(parts) > 2 or not all(x.isdigit() or x == '' for x in parts) or parts[0] == '':
                return atom
            lo = int(parts[0])
            hi = lo if len(parts) == 1 else (int(parts[1]) if parts[1] else -1)
            self.i = end
        else:
            return atom
        self.i += 1
        lazy = False
        if self.peek() == '?':
            lazy = True
            self.i += 1
        return ('rep', atom, lo, hi, lazy)

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
            if self.p.startswith('?:', self.i):
                self.i += 2
            elif self.peek() == '?':
                _unsupported(self.p, "group extensions (?...) are not modelled")
            inner = self.parse_alt()
            if self.peek() != ')':
                _unsupported(self.p, "unbalanced parenthesis")
            self.i += 1
            return ('group', inner)
        if c == '[':
            return self.parse_class()
        if c == '\\':
            return self.parse_escape(False)
        if c in '*+?':
            _unsupported(self.p, "nothing to repeat")
        return ('lit', c)

    def parse_escape(self, in_class):
        if self.i >= len(self.p):
            _unsupported(self.p, "a trailing backslash")
        c = self.p[self.i]
        self.i += 1
        cls = _class_of(c)
        if cls is not None:
            return ('set', cls[0], cls[1], [])
        if c in _ESCAPES:
            return ('lit', _ESCAPES[c])
        if not in_class:
            if c == 'A':
                return ('bos',)
            if c == 'Z':
                return ('eos',)
            if c == 'b':
                return ('wordb',)
        if c.isalnum():
            _unsupported(self.p, "the escape \\%s is not modelled" % c)
        return ('lit', c)

    def parse_class(self):
        negate = False
        if self.peek() == '^':
            negate = True
            self.i += 1
        chars = ''
        ranges = []
        first = True
        while True:
            c = self.peek()
            if c is None:
                _unsupported(self.p, "unterminated character set")
            if c == ']' and not first:
                self.i += 1
                break
            first = False
            if c == '\\':
                self.i += 1
                item = self.parse_escape(True)
                if item[0] == 'set':
                    if item[1]:
                        _unsupported(self.p, "a negated class inside a set")
                    chars += item[2]
                    continue
                lo = item[1]
            else:
                lo = c
                self.i += 1
            if self.peek() == '-' and self.i + 1 < len(self.p) and self.p[self.i + 1] != ']':
                self.i += 1
                hi = self.p[self.i]
                self.i += 1
                ranges.append((lo, hi))
            else:
                chars += lo
        return ('set', negate, chars, ranges)


def _in_set(node, ch):
    found = ch in node[2] or any(lo <= ch <= hi for lo, hi in node[3])
    return found != node[1]


def _is_word(text, i):
    return 0 <= i < len(text) and text[i] in _WORD


def _match_seq(items, k, text, i, cont):
    if k == len(items):
        return cont(i)
    return _match_node(items[k], text, i, lambda j: _match_seq(items, k + 1, text, j, cont))


def _match_node(node, text, i, cont):
    kind = node[0]
    if kind == 'lit':
        return cont(i + 1) if i < len(text) and text[i] == node[1] else None
    if kind == 'any':
        return cont(i + 1) if i < len(text) and text[i] != '\n' else None
    if kind == 'set':
        return cont(i + 1) if i < len(text) and _in_set(node, text[i]) else None
    if kind == 'bol' or kind == 'bos':
        return cont(i) if i == 0 else None
    if kind == 'eol':
        return cont(i) if i == len(text) or (i == len(text) - 1 and text[i] == '\n') else None
    if kind == 'eos':
        return cont(i) if i == len(text) else None
    if kind == 'wordb':
        return cont(i) if _is_word(text, i - 1) != _is_word(text, i) else None
    if kind == 'group':
        return _match_node(node[1], text, i, cont)
    if kind == 'alt':
        for branch in node[1]:
            r = _match_seq(branch, 0, text, i, cont)
            if r is not None:
                return r
        return None
    return _match_rep(node, text, i, cont, 0)


def _match_rep(node, text, i, cont, count):
    atom, lo, hi, lazy = node[1], node[2], node[3], node[4]
    can_more = hi == -1 or count < hi

    def more(j):
        if j == i and count >= lo:
            return None  # an empty repetition cannot loop
        return _match_rep(node, text, j, cont, count + 1)
    if count < lo:
        return _match_node(atom, text, i, more)
    if lazy:
        r = cont(i)
        if r is None and can_more:
            r = _match_node(atom, text, i, more)
        return r
    r = _match_node(atom, text, i, more) if can_more else None
    if r is None:
        r = cont(i)
    return r


class Match:
    def __init__(self, text, start, end):
        self.string = text
        self._start = start
        self._end = end

    def start(self):
        return self._start

    def end(self):
        return self._end

    def group(self, n=0):
        if n != 0:
            _asimlib.unsupported("regular expression groups", "only the whole match is modelled")
        return self.string[self._start:self._end]


class Pattern:
    def __init__(self, pattern):
        self.pattern = pattern
        parser = _Parser(pattern)
        self._tree = parser.parse_alt()
        if parser.i != len(pattern):
            _unsupported(pattern, "unbalanced parenthesis")

    def search(self, text):
        for start in range(len(text) + 1):
            end = _match_node(self._tree, text, start, lambda j: j)
            if end is not None:
                return Match(text, start, end)
        return None


def compile(pattern):
    if isinstance(pattern, Pattern):
        return pattern
    if not isinstance(pattern, str):
        _asimlib.unsupported("a regular expression of type %s" % type(pattern).__name__, "only str patterns")
    return Pattern(pattern)
