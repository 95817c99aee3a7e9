# A decorator that raises as it is applied. 3.7 locates the call at the
# furthest line its decorators and defaults reached, 3.8-3.10 at the def,
# 3.11+ at the decorator itself.
def register(name):
    def apply(func):
        raise LookupError(f"{name}: {func.__name__} is taken")
    return apply


def trace(func):
    return func


try:
    @trace
    @register(
        "handlers")
    def handle(event, retries=
               3):
        return event
except LookupError as error:
    print("caught", error)


@trace
@register("tasks")
class Task:
    pass
