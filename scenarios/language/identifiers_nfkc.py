# Identifiers are NFKC-normalized (PEP 3131): a ligature, fullwidth and
# mathematical letters, a black-letter capital and a decomposed accent name the
# same variable as their plain forms, in names, attributes, keyword
# arguments, parameters and imports; strings (getattr, dict keys) are not.
import asyncio as ａｓｙｎｃｉｏ2

ﬁle = 3
print(file)
ℌ = "black-letter"
print(H)
café = "composed"
print(café)
café = "decomposed"
print(café)


class Ｐｏｉｎｔ:
    ﬂag = 1

    def __init__(self, 𝐱=0, **extra):
        self.ｘ = 𝐱
        self.extra = extra


p = Point(𝐱=5, ﬁeld=6)
print(p.x, p.ｘ, Point.flag, p.extra)
print(getattr(Point, "ﬂag", "no attribute named with the ligature"))
print(hasattr(p, "x"), hasattr(p, "ｘ"))


async def ｍａｉｎ():
    global ﬁle
    ﬁle += 1
    await asyncio2.sleep(0)
    return file


print(asyncio2.run(main()))
ｐｒｉｎｔ(f"{ﬁle} {Ｐｏｉｎｔ.__name__} {main.__name__}")
