# Keyword arguments in a class statement: __init_subclass__ takes them, a metaclass's
# __new__ and __init__ see them, they are evaluated after the bases; object's hook refuses them.
class Plugin:
    registry = {}
    def __init_subclass__(cls, /, name=None, priority=0, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        cls.priority = priority
        Plugin.registry[cls.plugin_name] = cls

class Csv(Plugin, name="csv", priority=2):
    pass

class Json(Plugin, priority=5):
    pass

class Sub(Csv):
    pass

print(sorted((k, v.priority) for k, v in Plugin.registry.items()), Sub.plugin_name)

class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", name, sorted(kw.items()))
        cls = super().__new__(mcs, name, bases, ns)
        cls.options = kw
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name, sorted(kw))
        super().__init__(name, bases, ns)

class Model(metaclass=Meta, table="models", verbose=True):
    pass

print(Model.options)

order = []
def note(x):
    order.append(x)
    return x

class Hooked:
    def __init_subclass__(cls, **kw):
        note(sorted(kw))

class Ordered(note(Hooked), a=note(1), b=note(2)):
    pass

print(order)
try:
    class Bad(flag=True):
        pass
except TypeError as e:
    print("TypeError", e)

class Base:
    def __init_subclass__(cls, required):
        cls.required = required
try:
    class Missing(Base):
        pass
except TypeError as e:
    print("TypeError", e)
class Fine(Base, required=3):
    pass
print(Fine.required)
