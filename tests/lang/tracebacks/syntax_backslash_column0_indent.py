# A line continued by a backslash in column 0: its indentation is the next
# line's own on 3.10+ (a column-0 backslash counts as none).
class Box:
    def first(self):
        return 1
\
    def second(self):
        return 2
print(Box().first(), Box().second())
