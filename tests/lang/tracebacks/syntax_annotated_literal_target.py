# An annotation on a literal: 3.7-3.9 name it too.
1: int = 2
