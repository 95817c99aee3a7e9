# expect-exit: 2
# expect-stderr-contains: dataclass_fields_record.py:13: not supported by asim: the attribute '__dataclass_fields__' of the dataclass 'Base'
from dataclasses import dataclass


@dataclass
class Base:
    price: float


class Child(Base):
    pass
print(hasattr(Child, "__dataclass_fields__"))
