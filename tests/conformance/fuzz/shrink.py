"""Shrink a Python program while a predicate keeps holding (delta debugging).

The program is seen as a tree of statements by indentation: a unit is a line,
the block indented under it, and the clauses that continue it at the same
indentation (`except`, `else`, `elif`, `finally`).  Rounds try to remove each
unit, largest first; a removal is kept when the result still compiles and
the predicate still holds.  A block left empty gets a `pass`.  Units holding a
line marked `# keep` (the skeleton generate.py relies on for determinism) are
never removed.  Each round first tries runs of sibling units (halves,
quarters, ...), then single units; rounds repeat until one removes nothing or
the budget of candidate runs is spent.
"""

CONTINUATIONS = ("except", "else:", "elif ", "finally:")


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def units(lines):
    """(start, end) line ranges of every removable unit, largest first."""
    found = []
    n = len(lines)
    for start, line in enumerate(lines):
        if not line.strip() or line.lstrip().startswith(CONTINUATIONS):
            continue
        base = indent_of(line)
        end = start + 1
        while end < n:
            nxt = lines[end]
            if nxt.strip() and indent_of(nxt) <= base:
                if not (indent_of(nxt) == base and nxt.lstrip().startswith(CONTINUATIONS)):
                    break
            end += 1
        while end > start + 1 and not lines[end - 1].strip():
            end -= 1
        if not any("# keep" in l for l in lines[start:end]):
            found.append((start, end))
    found.sort(key=lambda u: (u[0] - u[1], u[0]))
    return found


def fill_empty_blocks(lines):
    """Puts `pass` under every block opener left without a body."""
    out = []
    for k, line in enumerate(lines):
        out.append(line)
        if line.rstrip().endswith(":") and not line.lstrip().startswith("#"):
            rest = [l for l in lines[k + 1:] if l.strip()]
            if not rest or indent_of(rest[0]) <= indent_of(line):
                out.append(" " * (indent_of(line) + 4) + "pass")
    return out


def compiles(source):
    try:
        compile(source, "<shrink>", "exec")
        return True
    except SyntaxError:
        return False


def sibling_runs(lines):
    """(start, end) ranges of runs of two or more consecutive sibling units,
    halves first, then quarters ...: the delta-debugging chunks."""
    by_indent = {}
    for start, end in sorted(units(lines)):
        by_indent.setdefault(indent_of(lines[start]), []).append((start, end))
    runs = []
    for group in by_indent.values():
        chain = [group[0]]
        for u in group[1:]:
            between = lines[chain[-1][1]:u[0]]
            if all(not l.strip() for l in between):
                chain.append(u)
            else:
                runs.append(chain)
                chain = [u]
        runs.append(chain)
    chunks = []
    for chain in runs:
        size = len(chain) // 2
        while size >= 2:
            chunks += [(chain[k][0], chain[k + size - 1][1]) for k in range(0, len(chain) - size + 1, size)]
            size //= 2
    chunks.sort(key=lambda u: (u[0] - u[1], u[0]))
    return chunks


def shrink(source, holds, log=None, budget=400):
    """The smallest program found for which holds(program) stays true, trying
    at most `budget` candidates."""
    lines = source.splitlines()
    tries = 0

    def attempt(start, end):
        nonlocal lines, tries
        trial = fill_empty_blocks(lines[:start] + lines[end:])
        text = "\n".join(trial) + "\n"
        if not compiles(text):
            return False
        tries += 1
        if not holds(text):
            return False
        lines = trial
        if log:
            log(f"shrink: {len([l for l in lines if l.strip()])} lines")
        return True

    changed = True
    while changed and tries < budget:
        changed = False
        for pick in (sibling_runs, units):
            k = 0
            while tries < budget:
                candidates = pick(lines)
                if k >= len(candidates):
                    break
                if attempt(*candidates[k]):
                    changed = True
                else:
                    k += 1
    return tidy(lines)


def tidy(lines):
    """At most two blank lines in a row, as the program was written."""
    out = []
    for line in lines:
        if line.strip() or len(out) < 2 or out[-1].strip() or out[-2].strip():
            out.append(line)
    return "\n".join(out) + "\n"
