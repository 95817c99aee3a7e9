# A def's annotations are evaluated with the plain parameters before the
# positional-only ones (every version since PEP 570); 3.7 has no `/`.
order = []


def note(tag):
    order.append(tag)
    return tag


def route(first: note("first"), second: note("second"), /, third: note("third"),
          *, fourth: note("fourth")) -> note("return"):
    return first


print(order)
print(list(route.__annotations__))
print(route(1, 2, 3, fourth=4))
