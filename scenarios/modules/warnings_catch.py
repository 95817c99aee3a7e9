# catch_warnings(record=True) keeps what was warned; on leaving, the filters
# and showwarning are back as they were.
import warnings


def fetch(url, timeout=None):
    if timeout is None:
        warnings.warn("fetch() without a timeout may hang", ResourceWarning, stacklevel=2)
    warnings.warn("fetch() is deprecated", DeprecationWarning, stacklevel=2)
    return url.upper()


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    fetch("a")
    fetch("b", timeout=1)
    warnings.warn("direct")

print(len(caught))
for w in caught:
    print(w.category.__name__, str(w.message), w.lineno, w.filename == __file__, w.line, w.file)
print(caught[2].message.args, isinstance(caught[0].message, ResourceWarning))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        fetch("c", timeout=2)
    except DeprecationWarning as e:
        print("error inside:", e)

with warnings.catch_warnings(record=True) as outer:
    warnings.simplefilter("ignore")
    fetch("d")
print("ignored:", outer)

print(fetch("e", timeout=3))
print(warnings.catch_warnings(), warnings.catch_warnings(record=True))
warnings.simplefilter("error")
fetch("f", timeout=4)
