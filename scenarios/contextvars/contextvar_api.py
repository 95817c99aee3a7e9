# ContextVar, Token and Context as PEP 567 describes them, without a loop.
import contextvars

request_id = contextvars.ContextVar("request_id")
level = contextvars.ContextVar("level", default="info")

print(request_id.name, level.name)
print(level.get(), request_id.get("none yet"))
try:
    request_id.get()
except LookupError as e:
    print("LookupError raised:", type(e).__name__)

token = request_id.set("req-1")
print(request_id.get(), token.var is request_id, token.old_value is contextvars.Token.MISSING)
print(repr(contextvars.Token.MISSING))
second = request_id.set("req-2")
print(request_id.get(), second.old_value)
request_id.reset(second)
print("after reset:", request_id.get())
try:
    request_id.reset(second)
except RuntimeError:
    print("a token is used only once")
try:
    level.reset(token)
except ValueError:
    print("a token belongs to its variable")

ctx = contextvars.copy_context()
print(ctx.get(request_id), ctx.get(level), ctx.get(level, "dflt"))
print([v.name for v in ctx.keys()], list(ctx.values()))
print([(k.name, v) for k, v in ctx.items()])


def inside(tag):
    request_id.set(tag)
    level.set("debug")
    return request_id.get(), level.get()


print(ctx.run(inside, "req-in-copy"))
print("outside:", request_id.get(), level.get())
print("the copy kept:", ctx.get(request_id), ctx.get(level))
try:
    ctx.run(ctx.run, print, "nested")
except RuntimeError:
    print("a context cannot be entered twice")
try:
    ctx.get(level.name)
except TypeError as e:
    print("TypeError:", e)
empty = contextvars.Context()
print(list(empty.keys()), empty.get(request_id))
copied = ctx.copy()
print(copied is ctx, copied.get(request_id))
try:
    contextvars.ContextVar(42)
except TypeError as e:
    print("TypeError:", e)
token_elsewhere = empty.run(request_id.set, "other")
try:
    request_id.reset(token_elsewhere)
except ValueError:
    print("a token belongs to its context")
request_id.reset(token)
print("back to:", request_id.get("unset"))
