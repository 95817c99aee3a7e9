# A keyword argument no parameter has: 3.13 names the closest parameter
# ("Did you mean"), for Python functions and for builtins Argument Clinic
# parses; enumerate() keeps getargs.c's wording.
def show(f):
    try:
        r = f()
    except Exception as e:
        print("!", type(e).__name__, e)
    else:
        print(repr(r))


def f(alpha, beta, *, gamma=1, **kw):
    return alpha, beta, gamma, kw


def g(alpha, *, beta=1):
    return alpha, beta


show(lambda: g(alpa=1))
show(lambda: g(1, bta=2))
show(lambda: g(1, zzz=2))
show(lambda: g(1, Beta=2))
show(lambda: f(1, 2, gama=3))
show(lambda: (5).to_bytes(2, "big", signe=True))
show(lambda: (5).to_bytes(2, "big", zzz=True))
show(lambda: int.from_bytes(b"", "big", sined=True))
show(lambda: sorted([], revers=True))
show(lambda: [].sort(ky=len))
show(lambda: int("5", bas=2))
show(lambda: "a".encode(encodin="x"))
show(lambda: b"".decode(eror="x"))
show(lambda: "a\tb".expandtabs(tabsiz=2))
show(lambda: "a".splitlines(keepend=True))
show(lambda: print(1, endd=""))
show(lambda: max([1], defalt=2))
show(lambda: min([1], ky=len))
show(lambda: round(1.5, ndigit=1))
show(lambda: str(b"", encodng="x"))
show(lambda: enumerate([], strat=0))
