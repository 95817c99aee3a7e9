# expect-exit: 2
# expect-stderr-contains: not supported by asim: datetime.strptime
from datetime import datetime
try:
    print(datetime.strptime("2023-07-04", "%Y-%m-%d"))
except AttributeError:
    print("an AttributeError CPython would not raise")
