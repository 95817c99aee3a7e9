# os.path (asim's own; posixpath's string operations). What asks the file
# system (exists, isfile, abspath, getsize...) stops the run as not modelled.
import _asimlib

sep = "/"
curdir = "."
pardir = ".."
extsep = "."


def _text(p, what):
    if not isinstance(p, str):
        raise TypeError(what + "() argument must be str, bytes, or os.PathLike object, not '" + type(p).__name__ + "'")
    return p


def join(a, *p):
    result = _text(a, "join")
    for b in p:
        b = _text(b, "join")
        if b.startswith("/"):
            result = b
        elif not result or result.endswith("/"):
            result += b
        else:
            result += "/" + b
    return result


def split(p):
    p = _text(p, "split")
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def basename(p):
    return split(p)[1]


def dirname(p):
    return split(p)[0]


def splitext(p):
    p = _text(p, "splitext")
    dot = p.rfind(".")
    slash = p.rfind("/")
    if dot > slash:
        name_start = slash + 1
        while name_start < dot and p[name_start] == ".":
            name_start += 1
        if name_start < dot:
            return p[:dot], p[dot:]
    return p, ""


def isabs(s):
    return _text(s, "isabs").startswith("/")


def normpath(path):
    path = _text(path, "normpath")
    if not path:
        return "."
    initial = 0
    if path.startswith("/"):
        initial = 2 if path.startswith("//") and not path.startswith("///") else 1
    parts = []
    for comp in path.split("/"):
        if comp in ("", "."):
            continue
        if comp != ".." or (not initial and not parts) or (parts and parts[-1] == ".."):
            parts.append(comp)
        elif parts:
            parts.pop()
    result = "/".join(parts)
    if initial:
        result = "/" * initial + result
    return result or "."


def __getattr__(name):
    _asimlib.unsupported("os.path." + name, "asim models no file system")
