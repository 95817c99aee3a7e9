# @dataclass's generated __init__ and its errors, per version.
from dataclasses import dataclass, field

@dataclass
class Job:
    name: str
    seconds: float = 0.5
    tags: list = field(default_factory=list)

j = Job("a")
print(j, j == Job("a"), j == Job("b", 1))
try:
    Job()
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    hash(j)
except TypeError as e:
    print("TypeError:", e)
print(Job.seconds, hasattr(Job, "tags"))
