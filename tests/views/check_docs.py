"""Keeps the outputs shown in the docs true (standard library only).

Usage:
    python3 tests/views/check_docs.py [--update] ASIM_BINARY DOC.md [DOC.md ...]

In a doc, a block to check looks like this:

    <!-- check -->
    ```sh
    asim run --trace program
    ```

    ```text
    ...what the command prints...
    ```

The sh block runs with `sh -e` in the repository root, with `asim` on PATH
(the binary given), COLUMNS=120 and NO_COLOR=1; its stdout and stderr
together must equal the text block that follows. The repository's absolute
path in the output is shown relative (tracebacks name files absolutely, as
CPython does), so the docs hold wherever the repository is checked out. Exit 0 when every block
matches, 1 with a diff for each that does not. --update rewrites the text
blocks from the actual outputs instead (then review the diff before
committing).
"""

import difflib
import os
import subprocess
import sys
import tempfile

MARK = "<!-- check -->"


def blocks(lines):
    """(sh_start, sh_end, text_start, text_end) line ranges, contents only."""
    i = 0
    while i < len(lines):
        if lines[i].strip() != MARK:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j >= len(lines) or lines[j].strip() != "```sh":
            raise ValueError(f"line {i + 1}: {MARK} must be followed by a ```sh block")
        sh_start = j + 1
        sh_end = sh_start
        while sh_end < len(lines) and lines[sh_end].strip() != "```":
            sh_end += 1
        k = sh_end + 1
        while k < len(lines) and not lines[k].strip():
            k += 1
        if k >= len(lines) or lines[k].strip() != "```text":
            raise ValueError(f"line {sh_end + 1}: the checked ```sh block must be followed by a ```text block")
        text_start = k + 1
        text_end = text_start
        while text_end < len(lines) and lines[text_end].rstrip("\n") != "```":
            text_end += 1
        yield sh_start, sh_end, text_start, text_end
        i = text_end + 1


def run(script, asim, root):
    with tempfile.TemporaryDirectory() as bindir:
        os.symlink(os.path.abspath(asim), os.path.join(bindir, "asim"))
        env = dict(os.environ)
        env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
        env["COLUMNS"] = "120"
        env["NO_COLOR"] = "1"
        env.pop("PYTHONHASHSEED", None)
        done = subprocess.run(["sh", "-e", "-c", script], cwd=root, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=300)
        return done.stdout.decode("utf-8", "replace").replace(os.path.join(root, ""), "")


def main(argv):
    update = "--update" in argv
    args = [a for a in argv if a != "--update"]
    if len(args) < 2:
        print(__doc__)
        return 2
    asim, docs = args[0], args[1:]
    failures = checked = 0
    for doc in docs:
        root = os.path.dirname(os.path.dirname(os.path.abspath(doc)))
        with open(doc, encoding="utf-8") as f:
            lines = f.readlines()
        replacements = []
        for sh_start, sh_end, text_start, text_end in blocks(lines):
            script = "".join(lines[sh_start:sh_end])
            expected = "".join(lines[text_start:text_end])
            actual = run(script, asim, root)
            if actual and not actual.endswith("\n"):
                actual += "\n"
            checked += 1
            if actual == expected:
                continue
            if update:
                replacements.append((text_start, text_end, actual))
                continue
            failures += 1
            print(f"{doc}:{sh_start}: the output of\n{script}differs from the docs:")
            sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                                       "docs", "actual"))
        if replacements:
            for start, end, text in reversed(replacements):
                lines[start:end] = [text]
            with open(doc, "w", encoding="utf-8") as f:
                f.writelines(lines)
            print(f"{doc}: updated {len(replacements)} block(s)")
    print(f"{checked} documented command(s) checked, {failures} differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
