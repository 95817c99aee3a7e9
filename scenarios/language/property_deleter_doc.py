# property(fget, fset, fdel, doc) and @x.deleter: del calls fdel, the doc comes from the
# argument or the getter's docstring; assigning or deleting without the function is
# refused in each version's words.
class C:
    @property
    def x(self):
        return 1
    def _gy(self):
        return self._y
    def _sy(self, v):
        self._y = v
    def _dy(self):
        print("deleting y")
        del self._y
    y = property(_gy, _sy, _dy, "the y")
    @property
    def z(self):
        "z doc"
        return 3
    @z.setter
    def z(self, v):
        print("set z", v)
    @z.deleter
    def z(self):
        print("del z")
c = C()
for action in ("set", "del"):
    try:
        if action == "set":
            c.x = 5
        else:
            del c.x
    except AttributeError as e:
        print(action, "AttributeError:", e)
c.y = 4
print(c.y, C.y.__doc__, C.z.__doc__, C.x.__doc__)
del c.y
print(hasattr(c, "_y"))
c.z = 9
del c.z
print(C.y.fdel is C._dy, C.z.fdel.__name__, C.x.fdel)
p = C.z.getter(lambda self: 42)
print(type(p).__name__)
