# The re module: groups (named, optional, repeated), lookahead, sets, anchors,
# flags, findall's empty matches, sub/split, escape, and the errors of bad
# patterns, as CPython's re gives them.
import re
tests = [
    (r'\w*', 'ab c'), (r'a*|b', 'b'), (r'(a)(b)?', 'ac'), (r'(?P<x>\d+)-(?P<y>\d+)', 'tel 12-345 x'),
    (r'^<(?P<class>.*?) object at (?P<address>.*?)\[(?P<extras>(set|unset|locked|unlocked)(, value:\d)?(, waiters:\d+)?)\]>\Z',
     '<asyncio.locks.Lock object at 0x7f00 [unlocked, waiters:2]>'),
    (r'x(?=y)', 'xz xy'), (r'x(?!y)', 'xy xz'), (r'\bfoo\b', 'a foo b'), (r'[a-c\d]+', 'zzab3c9q'),
    (r'(?:ab)+?c', 'ababc'), (r'a{2,3}', 'aaaa'), (r'a{,2}b', 'aab'), (r'x{', 'x{'), (r'[^\s]+', '  hey you'),
    (r'.+', 'a\nb'), (r'^b', 'a\nb'), (r'a$', 'a\n'), (r'[]a]+', 'a]a'), (r'\.\*', 'x.*y'),
    (r'(a|ab)(c|bcd)(d*)', 'abcd'), (r'(a*)*', 'b'), (r'(a*)+', 'b'), (r'(a|b)*?c', 'abac'),
    (r'Task .* was destroyed', 'Task <x> was destroyed but'), (r'[A-Z][a-z]+Error', 'raised ValueError: x'),
]
for pat, s in tests:
    m = re.search(pat, s)
    print(repr(pat), m, m and m.groups(), m and m.groupdict(), re.findall(pat, s), re.fullmatch(pat, s) is not None)
for flags in (re.I, re.M, re.S, re.I | re.S):
    print(re.findall(r'^a.', 'Ab\nab\na\n', flags), re.compile('x', flags))
print(re.sub(r'(\d+)', r'<\1>', 'a1b22c'), re.sub(r'\d', lambda m: m.group() * 2, 'a1b2'), re.split(r',\s*', 'a, b,c'))
print(re.split(r'(,)', 'a,b'), re.subn('a', 'b', 'aaa', 2), re.escape('a.b*c (d) -e_f 1#'), re.compile('ab'))
m = re.match(r'(?P<first>\w+) (?P<last>\w+)?', 'Jane ')
print(m.group(0, 1, 'first'), m.span(2), m.start(), m.end(1), m[1], m.lastindex, m.re.pattern, m.string, m.pos, m.endpos)
for bad in ['(', 'a)', '*a', 'a**', '[a', r'\q', 'a{3,1}', '(?P<1>x)']:
    try:
        re.compile(bad)
    except re.error as e:
        print('error', bad, e, e.pos, e.msg)
print(re.compile('a').match('ba', 1), re.compile('a').search('aaa', 1, 2).span())
print(re.findall(r'', 'ab'), re.sub('x*', '-', 'abxd'), re.compile(r'\d+\s').pattern)
