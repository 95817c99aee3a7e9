# The last of unparenthesized targets is a call: 3.10+ suggest == there.
first, second() = 1, 2
