"""JSON text to and from Python values: dumps/dump (indent, sort_keys,
separators, default, ensure_ascii, allow_nan, skipkeys) and loads/load
(objects, arrays, strings with escapes, numbers, true/false/null, NaN and
Infinity), with JSONDecodeError's messages.

asim's own code, written after the behaviour of CPython's Lib/json (same
names, same output, same messages). Not: cls=, object_hook, parse_float and
the other decoder hooks, bytes input."""

import sys

_V = sys.version_info[:2]

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecodeError']

_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f'}


def _string(s, ensure_ascii):
    out = ['"']
    for c in s:
        if c in _ESCAPES:
            out.append(_ESCAPES[c])
            continue
        n = ord(c)
        if n < 0x20 or (ensure_ascii and n > 0x7e):
            if n > 0xffff:
                n -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff)))
            else:
                out.append('\\u%04x' % n)
        else:
            out.append(c)
    out.append('"')
    return ''.join(out)


def _float(o, allow_nan):
    if o != o:
        text = 'NaN'
    elif o == float('inf'):
        text = 'Infinity'
    elif o == -float('inf'):
        text = '-Infinity'
    else:
        return float.__repr__(o)
    if not allow_nan:
        message = "Out of range float values are not JSON compliant"
        # The C encoder names the value from 3.12.
        if _V >= (3, 12):
            message += ": " + repr(o)
        raise ValueError(message)
    return text


class _Encoder:
    def __init__(self, skipkeys, ensure_ascii, allow_nan, indent, separators, default, sort_keys):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.allow_nan = allow_nan
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator, self.key_separator = ',', ': '
        else:
            self.item_separator, self.key_separator = ', ', ': '
        self.default = default
        self.sort_keys = sort_keys
        self.markers = []

    def default_of(self, o):
        if self.default is None:
            raise TypeError('Object of type %s is not JSON serializable' % o.__class__.__name__)
        return self.default(o)

    def encode(self, o, level):
        if isinstance(o, str):
            return _string(o, self.ensure_ascii)
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return _float(o, self.allow_nan)
        if isinstance(o, (list, tuple)):
            return self.container(o, level, '[', ']', self.array_items)
        if isinstance(o, dict):
            return self.container(o, level, '{', '}', self.object_items)
        return self.container(o, level, '', '', self.defaulted)

    def container(self, o, level, opening, closing, items):
        for marker in self.markers:
            if marker is o:
                raise ValueError("Circular reference detected")
        self.markers.append(o)
        parts = items(o, level + 1)
        self.markers.pop()
        if not opening:
            return parts
        if not parts:
            return opening + closing
        if self.indent is None:
            return opening + self.item_separator.join(parts) + closing
        inner = '\n' + self.indent * (level + 1)
        return opening + inner + (self.item_separator + inner).join(parts) + '\n' + self.indent * level + closing

    def defaulted(self, o, level):
        return self.encode(self.default_of(o), level - 1)

    def array_items(self, o, level):
        return [self.encode(item, level) for item in o]

    def object_items(self, o, level):
        items = list(o.items())
        if self.sort_keys:
            items.sort(key=lambda kv: kv[0])
        parts = []
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = _float(key, self.allow_nan)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif self.skipkeys:
                continue
            else:
                raise TypeError('keys must be str, int, float, bool or None, not %s' % key.__class__.__name__)
            parts.append(_string(key, self.ensure_ascii) + self.key_separator + self.encode(value, level))
        return parts


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    return _Encoder(skipkeys, ensure_ascii, allow_nan, indent, separators, default, sort_keys).encode(obj, 0)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


class JSONDecodeError(ValueError):
    """Why a JSON text could not be read, and where."""

    __module__ = 'json.decoder'

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_WHITESPACE = ' \t\n\r'
_UNESCAPE = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
_CONSTANTS = (('null', None), ('true', True), ('false', False), ('NaN', float('nan')),
              ('Infinity', float('inf')), ('-Infinity', float('-inf')))


class _Decoder:
    def __init__(self, doc):
        self.doc = doc

    def skip(self, pos):
        doc = self.doc
        while pos < len(doc) and doc[pos] in _WHITESPACE:
            pos += 1
        return pos

    def value(self, pos):
        doc = self.doc
        c = doc[pos:pos + 1]
        if c == '"':
            return self.string(pos + 1)
        if c == '{':
            return self.object(pos + 1)
        if c == '[':
            return self.array(pos + 1)
        for word, constant in _CONSTANTS:
            if doc.startswith(word, pos):
                return constant, pos + len(word)
        return self.number(pos)

    def number(self, pos):
        doc = self.doc
        end = pos
        if doc[end:end + 1] == '-':
            end += 1
        digits = end
        while end < len(doc) and doc[end] in '0123456789':
            end += 1
        if end == digits or (doc[digits] == '0' and end > digits + 1):
            if end == digits:
                raise JSONDecodeError("Expecting value", doc, pos)
            return 0, digits + 1
        is_float = False
        if doc[end:end + 1] == '.' and doc[end + 1:end + 2].isdigit():
            is_float = True
            end += 1
            while end < len(doc) and doc[end] in '0123456789':
                end += 1
        if doc[end:end + 1] in ('e', 'E'):
            exp = end + 1
            if doc[exp:exp + 1] in ('+', '-'):
                exp += 1
            if doc[exp:exp + 1].isdigit():
                is_float = True
                end = exp
                while end < len(doc) and doc[end] in '0123456789':
                    end += 1
        text = doc[pos:end]
        return (float(text) if is_float else int(text)), end

    def string(self, pos):
        doc = self.doc
        begin = pos - 1
        chunks = []
        while True:
            if pos >= len(doc):
                raise JSONDecodeError("Unterminated string starting at", doc, begin)
            c = doc[pos]
            if c == '"':
                return ''.join(chunks), pos + 1
            if c == '\\':
                esc = doc[pos + 1:pos + 2]
                if not esc:
                    raise JSONDecodeError("Unterminated string starting at", doc, begin)
                if esc == 'u':
                    code = self.hex4(pos)
                    pos += 6
                    if 0xd800 <= code <= 0xdbff and doc[pos:pos + 2] == '\\u':
                        low = self.hex4(pos)
                        if 0xdc00 <= low <= 0xdfff:
                            code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00))
                            pos += 6
                    chunks.append(chr(code))
                    continue
                if esc not in _UNESCAPE:
                    raise JSONDecodeError("Invalid \\escape", doc, pos)
                chunks.append(_UNESCAPE[esc])
                pos += 2
                continue
            if ord(c) < 0x20:
                raise JSONDecodeError("Invalid control character at", doc, pos)
            chunks.append(c)
            pos += 1

    def hex4(self, pos):
        esc = self.doc[pos + 2:pos + 6]
        if len(esc) == 4 and all(ch in '0123456789abcdefABCDEF' for ch in esc):
            return int(esc, 16)
        raise JSONDecodeError("Invalid \\uXXXX escape", self.doc, pos)

    def object(self, pos):
        doc = self.doc
        result = {}
        pos = self.skip(pos)
        if doc[pos:pos + 1] == '}':
            return result, pos + 1
        while True:
            if doc[pos:pos + 1] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", doc, pos)
            key, pos = self.string(pos + 1)
            pos = self.skip(pos)
            if doc[pos:pos + 1] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", doc, pos)
            pos = self.skip(pos + 1)
            value, pos = self.value(pos)
            result[key] = value
            pos = self.skip(pos)
            c = doc[pos:pos + 1]
            if c == '}':
                return result, pos + 1
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", doc, pos)
            comma = pos
            pos = self.skip(pos + 1)
            # 3.13 names a trailing comma; earlier versions expect a name.
            if doc[pos:pos + 1] == '}' and _V >= (3, 13):
                raise JSONDecodeError("Illegal trailing comma before end of object", doc, comma)

    def array(self, pos):
        doc = self.doc
        result = []
        pos = self.skip(pos)
        if doc[pos:pos + 1] == ']':
            return result, pos + 1
        while True:
            value, pos = self.value(pos)
            result.append(value)
            pos = self.skip(pos)
            c = doc[pos:pos + 1]
            if c == ']':
                return result, pos + 1
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", doc, pos)
            comma = pos
            pos = self.skip(pos + 1)
            if doc[pos:pos + 1] == ']' and _V >= (3, 13):
                raise JSONDecodeError("Illegal trailing comma before end of array", doc, comma)


def loads(s, **kw):
    if not isinstance(s, str):
        raise TypeError('the JSON object must be str, bytes or bytearray, not %s' % s.__class__.__name__)
    decoder = _Decoder(s)
    pos = decoder.skip(0)
    value, end = decoder.value(pos)
    end = decoder.skip(end)
    if end != len(s):
        raise JSONDecodeError("Extra data", s, end)
    return value


def load(fp, **kw):
    return loads(fp.read(), **kw)
