# A class body's __getattribute__ takes every attribute read (slot_tp_getattr_hook);
# when it raises AttributeError, the class's __getattr__ answers.
class Loud:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        return "intercepted " + name
print(Loud().x)

class Logged:
    def __init__(self):
        self.value = 10
    def __getattribute__(self, name):
        print("get", name)
        return super().__getattribute__(name)
    def __getattr__(self, name):
        return "fallback " + name
    def double(self):
        return self.value * 2
o = Logged()
print(o.value, o.double(), o.missing)
print(hasattr(o, "nothing"), getattr(o, "value"))

class Strict:
    def __getattribute__(self, name):
        if name.startswith("_p"):
            raise AttributeError(name)
        return object.__getattribute__(self, name)
s = Strict()
s.q = 1
print(s.q, hasattr(s, "_private"))
try:
    s._p
except AttributeError as e:
    print("AttributeError", e)
