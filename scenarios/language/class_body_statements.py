# Every statement kind runs in a class body, with class-body scoping:
# names bound there are class attributes, comprehensions see globals but
# not the class's names, global/nonlocal reach out, nested classes get
# dotted __qualname__s, an except target is deleted after its clause.
import sys

x = 10


class A:
    """doc"""
    if sys.version_info >= (3, 0):
        v = 1
    else:
        v = 2
    for i in range(3):
        v += i
    del i
    try:
        import json
    except ImportError:
        json = None

    class B:
        class C:
            def m(self):
                return 1
    y = [x for _ in range(2)]
    z = [v for _ in range(2)] if False else None

    while v < 10:
        v += 1

    class CM:
        def __enter__(self):
            return 'entered'

        def __exit__(self, *a):
            return False
    with CM() as f:
        first = f
    del f
    assert v == 10
    global g
    g = 5

    def f2(self):
        return __class__


print(A.v, A.B.C.__qualname__, A.B.C.m.__qualname__, A.CM.__qualname__, A.y, A.z, A.first, g)
print(A.json is not None, hasattr(A, 'i'), hasattr(A, 'f'), A.__doc__)
print(A().f2() is A)


def outer():
    n = 1

    class K:
        nonlocal n
        n = 2
        w = n
    return n, K.w, K.__qualname__


print(outer())


def outer2():
    q = 'free'

    class K:
        r = q
        q = 'local'
        s = q
    return K.r, K.s


try:
    print(outer2())
except NameError as e:
    print('NameError', e)


def outer3():
    q = 'free'

    class K:
        r = q
        t = [q + str(k) for k in range(2)]
    return K.r, K.t


print(outer3())


class E:
    try:
        raise ValueError('x')
    except ValueError as e:
        msg = str(e)
    try:
        e
    except NameError:
        print('inside: e unbound')


print(E.msg, hasattr(E, 'e'))


class F:
    names = []
    for n in ('a', 'b'):
        names.append(n)
    else:
        done = True
    try:
        u = [n for n in names]
    finally:
        fin = 'yes'
    del n


print(F.names, F.done, F.u, F.fin, hasattr(F, 'n'))


class G:
    w = 1
    try:
        [w for _ in range(1)]
    except NameError as e:
        err = str(e)
    else:
        err = 'no error'


print(G.err)
