# string in an asyncio program: the constants, capwords, and Template
# substitute/safe_substitute for messages rendered by tasks, with its errors.
import asyncio
import string
from string import Template


async def render(tpl, **values):
    await asyncio.sleep(0.01)
    return tpl.safe_substitute(values)


async def main():
    print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
    print(string.punctuation, repr(string.whitespace), len(string.printable))
    print(string.ascii_lowercase[:5], string.ascii_uppercase[-3:], string.capwords("hello  async   world"))
    t = Template("$who waited ${secs}s for $$5 at $place")
    print(t.substitute(who="task-1", secs=0.5, place="the loop"))
    print(await render(t, who="task-2"))
    print(await asyncio.gather(render(Template("$a+$b"), a=1, b=2), render(Template("${x}y"), x="x")))
    try:
        t.substitute(who="x")
    except KeyError as e:
        print("KeyError:", e)
    try:
        Template("cost: $ 5").substitute()
    except ValueError as e:
        print("ValueError:", e)
    print(Template("$a $b").substitute({"a": 1}, b=2), t.template)
    ids = [c for c in "a1!B" if c in string.ascii_letters + string.digits]
    print(ids)


asyncio.run(main())
