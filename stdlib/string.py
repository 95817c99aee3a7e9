"""String constants (ascii_letters, digits, punctuation, ...), capwords and
Template ($-substitution).

asim's own code, written after the behaviour of CPython's Lib/string.py."""
import sys

_V = sys.version_info[:2]

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(word.capitalize() for word in s.split(sep))


def _is_identifier_start(ch):
    return ch == '_' or ch in ascii_letters


def _is_identifier_char(ch):
    return ch == '_' or ch in ascii_letters or ch in digits


class Template:
    """Template('$who likes $what'): substitute() and safe_substitute()."""

    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _pieces(self):
        # (literal, None) | (None, name) | (None, None) for an invalid '$'.
        text = self.template
        i = 0
        n = len(text)
        literal = ''
        while i < n:
            ch = text[i]
            if ch != '$':
                literal += ch
                i += 1
                continue
            nxt = text[i + 1] if i + 1 < n else ''
            if nxt == '$':
                literal += '$'
                i += 2
                continue
            if nxt == '{':
                end = text.find('}', i + 2)
                name = text[i + 2:end] if end >= 0 else ''
                if end >= 0 and name and _is_identifier_start(name[0]) and all(
                        _is_identifier_char(c) for c in name):
                    yield literal, None, i
                    literal = ''
                    yield None, name, text[i:end + 1]
                    i = end + 1
                    continue
            elif nxt and _is_identifier_start(nxt):
                j = i + 1
                while j < n and _is_identifier_char(text[j]):
                    j += 1
                yield literal, None, i
                literal = ''
                yield None, text[i + 1:j], text[i:j]
                i = j
                continue
            yield literal, None, i
            literal = ''
            yield None, None, i
            i += 1
        yield literal, None, n

    def _invalid(self, index):
        lines = self.template[:index].splitlines(True)
        if not lines:
            colno, lineno = 1, 1
        else:
            colno = index - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def substitute(self, mapping=None, **kws):
        values = dict(mapping or {}, **kws) if kws else (mapping or {})
        out = []
        for literal, name, where in self._pieces():
            if literal is not None:
                out.append(literal)
            elif name is None:
                self._invalid(where + 1)
            else:
                out.append(str(values[name]))
        return ''.join(out)

    def safe_substitute(self, mapping=None, **kws):
        values = dict(mapping or {}, **kws) if kws else (mapping or {})
        out = []
        for literal, name, where in self._pieces():
            if literal is not None:
                out.append(literal)
            elif name is None:
                out.append('$')
            elif name in values:
                out.append(str(values[name]))
            else:
                out.append(where)
        return ''.join(out)



def _get_identifiers(self):
    names = []
    for literal, name, where in self._pieces():
        if name is not None and name not in names:
            names.append(name)
    return names


def _is_valid(self):
    return all(not (literal is None and name is None) for literal, name, where in self._pieces())


if _V >= (3, 11):
    Template.get_identifiers = _get_identifiers
    Template.is_valid = _is_valid
