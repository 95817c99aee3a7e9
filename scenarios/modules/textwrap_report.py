# textwrap as a report printer uses it: fill and wrap with indents,
# hyphenated and long words, sentence endings, max_lines and placeholders,
# shorten, dedent and indent, the text coming from tasks.
import asyncio
import textwrap

STORY = ("The well-known asyncio event-loop runs callbacks--one at a time--and "
         "tasks wait on futures. Supercalifragilisticexpialidocious-words\tand "
         "e-mail addresses (like a-b-c@x-y.org) wrap too! Numbers 12-34 stay. Done.")


async def paragraph(i, delay):
    await asyncio.sleep(delay)
    return " ".join([STORY.split(". ")[i % 3]] * (i + 1))


def show(lines):
    for line in lines:
        print(repr(line))
    print("--")


async def main():
    texts = await asyncio.gather(*(paragraph(i, 0.01 * (3 - i)) for i in range(3)))
    for width in (12, 25, 40):
        print(textwrap.fill(STORY, width=width))
        print("==")
    show(textwrap.wrap(STORY, 18, initial_indent="* ", subsequent_indent="  "))
    show(textwrap.wrap(STORY, 15, break_on_hyphens=False))
    show(textwrap.wrap(STORY, 10, break_long_words=False))
    show(textwrap.wrap("  lead  and   trail  ", 8, drop_whitespace=False))
    show(textwrap.wrap("tabs\there\nand\nlines", 30, replace_whitespace=False, expand_tabs=False))
    show(textwrap.wrap("Hi there. It works! Does it? Yes.", 60, fix_sentence_endings=True))
    show(textwrap.wrap("a-very-long-hyphenated-identifier-name", 12))
    show(textwrap.wrap(STORY, 20, max_lines=3))
    show(textwrap.wrap(STORY, 20, max_lines=2, placeholder=" ~more~"))
    for t in texts:
        print(textwrap.shorten(t, width=40), "|", textwrap.shorten(t, 30, placeholder="..."))
    print(textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello world", width=11))
    w = textwrap.TextWrapper(width=22, initial_indent="> ", subsequent_indent="> ")
    print(w.fill(texts[2]))
    print(w.width, w.break_on_hyphens, w.max_lines, repr(w.placeholder))
    try:
        textwrap.wrap("x", width=0)
    except ValueError as e:
        print("ValueError", e)
    try:
        textwrap.wrap("abc def", 4, max_lines=1, placeholder=" [truncated]")
    except ValueError as e:
        print("ValueError", e)
    block = """
        def handler(request):
            if request:
                return 1
    \t
        # done
    """
    print(repr(textwrap.dedent(block)))
    print(repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent(" \n  x\n   y")))
    print(textwrap.indent("one\n\ntwo\n  \nthree", "| "))
    print(textwrap.indent("one\ntwo\n", "+ ", lambda line: "t" in line))


asyncio.run(main())
