"""Text wrapping and filling: TextWrapper, wrap, fill, shorten, dedent,
indent.

asim's own code, written after the behaviour of CPython's Lib/textwrap.py
(same names, arguments and messages; per-version behaviour by
sys.version_info). The chunking CPython does with a regular expression
(words, runs of whitespace, hyphenated words, em-dashes) is a scanner here.
"""
import sys

_V = sys.version_info[:2]

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# The whitespace textwrap knows: ASCII only, as string.whitespace.
_whitespace = '\t\n\x0b\x0c\r '


def _is_space(c):
    return c in _whitespace


def _is_word_char(c):
    # \w of a str pattern.
    return c.isalnum() or c == '_'


def _is_letter(c):
    # [^\d\W]: a word character that is no decimal digit.
    return _is_word_char(c) and not c.isdecimal()


def _is_word_punct(c):
    # What may stand before an em-dash: a word character or some punctuation.
    return _is_word_char(c) or c in '!"\'&.,?'


def _hyphen_run(text, i):
    j = i
    while j < len(text) and text[j] == '-':
        j += 1
    return j - i


def _em_dash_at(text, i):
    """Whether 2+ hyphens start at i and a word character follows them."""
    n = _hyphen_run(text, i)
    return n >= 2 and i + n < len(text) and _is_word_char(text[i + n])


def _letter_at(text, i):
    return 0 <= i < len(text) and _is_letter(text[i])


def _splits_after_hyphen(text, p):
    """Whether a word may break after the hyphen at text[p - 1]: two letters
    (or letter, hyphen, letter) before it, and a letter, an optional hyphen
    and a letter after it."""
    before = (_letter_at(text, p - 3) and _letter_at(text, p - 2)) or (
        _letter_at(text, p - 4) and p >= 3 and text[p - 3] == '-' and _letter_at(text, p - 2))
    if not before:
        return False
    if not _letter_at(text, p):
        return False
    return _letter_at(text, p + 1) or (p + 1 < len(text) and text[p + 1] == '-' and _letter_at(text, p + 2))


def _word_end(text, i):
    """The end of the word chunk that starts at i (a non-space, not an
    em-dash): the first place, scanning on, after a breakable hyphen, before
    whitespace or the end, or before an em-dash."""
    k = i + 1
    while True:
        # k: the chunk would be text[i:k].
        if k < len(text) and text[k] == '-' and _splits_after_hyphen(text, k + 1):
            return k + 1
        if k == len(text) or _is_space(text[k]):
            return k
        if _is_word_punct(text[k - 1]) and _em_dash_at(text, k):
            return k
        k += 1


def _split_hyphenated(text):
    chunks = []
    i = 0
    n = len(text)
    while i < n:
        if _is_space(text[i]):
            j = i
            while j < n and _is_space(text[j]):
                j += 1
        elif text[i] == '-' and i > 0 and _is_word_punct(text[i - 1]) and _em_dash_at(text, i):
            j = i + _hyphen_run(text, i)
        else:
            j = _word_end(text, i)
        chunks.append(text[i:j])
        i = j
    return chunks


def _split_simple(text):
    chunks = []
    i = 0
    n = len(text)
    while i < n:
        space = _is_space(text[i])
        j = i
        while j < n and _is_space(text[j]) == space:
            j += 1
        chunks.append(text[i:j])
        i = j
    return chunks


def _ends_sentence(chunk):
    # A lowercase ASCII letter, '.', '!' or '?', maybe a closing quote.
    if chunk[-1:] in ('"', "'"):
        chunk = chunk[:-1]
    return len(chunk) >= 2 and chunk[-1] in '.!?' and 'a' <= chunk[-2] <= 'z'


class TextWrapper:
    """Wraps paragraphs of text to a width; see wrap() and fill()."""

    unicode_whitespace_trans = dict.fromkeys(map(ord, _whitespace), ord(' '))

    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        if self.break_on_hyphens is True:
            return _split_hyphenated(text)
        return _split_simple(text)

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _ends_sentence(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        # The room left on the line; one column at least.
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            chunk = reversed_chunks[-1]
            end = space_left
            # 3.10+: the break goes after the last hyphen that fits, when
            # something other than hyphens comes before it.
            if _V >= (3, 10) and self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and chunk[:hyphen].strip('-'):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            first = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(first) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        pending = chunks[::-1]
        while pending:
            line = []
            used = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            # Whitespace that would begin a line (other than the first) goes.
            if self.drop_whitespace and pending[-1].strip() == '' and lines:
                del pending[-1]
            while pending and used + len(pending[-1]) <= width:
                used += len(pending[-1])
                line.append(pending.pop())
            if pending and len(pending[-1]) > width:
                self._handle_long_word(pending, line, used, width)
                used = sum(map(len, line))
            if self.drop_whitespace and line and line[-1].strip() == '':
                used -= len(line[-1])
                del line[-1]
            if not line:
                continue
            last_allowed = self.max_lines is None or len(lines) + 1 < self.max_lines
            rest_empty = not pending or (self.drop_whitespace and len(pending) == 1 and not pending[0].strip())
            if last_allowed or (rest_empty and used <= width):
                lines.append(indent + ''.join(line))
                continue
            # The last line allowed: end it with the placeholder.
            while line:
                if line[-1].strip() and used + len(self.placeholder) <= width:
                    line.append(self.placeholder)
                    lines.append(indent + ''.join(line))
                    break
                used -= len(line[-1])
                del line[-1]
            else:
                if lines:
                    previous = lines[-1].rstrip()
                    if len(previous) + len(self.placeholder) <= self.width:
                        lines[-1] = previous + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        """The text's lines, each at most self.width long, without newlines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """The text wrapped, as one string of lines."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def _leading_blanks(line):
    i = 0
    while i < len(line) and line[i] in ' \t':
        i += 1
    return line[:i]


def dedent(text):
    """The text without the spaces and tabs all its non-blank lines begin
    with; lines of spaces and tabs alone become empty."""
    lines = text.split('\n')
    lines = ['' if line and not line.strip(' \t') else line for line in lines]
    margin = None
    for line in lines:
        if not line:
            continue
        blanks = _leading_blanks(line)
        if margin is None:
            margin = blanks
            continue
        i = 0
        while i < len(margin) and i < len(blanks) and margin[i] == blanks[i]:
            i += 1
        margin = margin[:i]
    if margin:
        lines = [line[len(margin):] if line.startswith(margin) else line for line in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    """The text with prefix before each line predicate(line) is true for
    (by default, lines that are not whitespace alone)."""
    if predicate is None:
        def predicate(line):
            return line.strip()
    out = []
    for line in text.splitlines(True):
        out.append(prefix + line if predicate(line) else line)
    return ''.join(out)
