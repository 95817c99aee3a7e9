"""`asim exec --python X FILE ARGS...` against `pythonX FILE ARGS...`.

Usage: python3 tests/cli/exec_like_python.py ASIM

For each installed CPython 3.7-3.13, small programs of our own run under real
CPython and under asim exec, and must give the same bytes and exit status:
sys.argv (arguments that look like options included), the program read from
standard input (`-`) or given by `-c`, modules run with `-m` (runpy's frames in
the traceback), input() and sys.stdin reading the standard input, and the order of stdout and stderr when both go to one
pipe, buffered or with PYTHONUNBUFFERED (flush=True, sys.stdout.flush(), the
flush before a traceback, stderr's buffering per version), asyncio's own
functions named in a task's repr at their place in CPython's Lib. Then asim's own
command line: usage errors exit 2 with the usage line, --version. Exits 77
when no CPython is installed.
"""

import glob
import os
import shutil
import subprocess
import sys
import tempfile

VERSIONS = ["3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]

PROGRAMS = {
    "argv.py": "import sys\nprint(sys.argv)\nprint(len(sys.argv[1:]), 'arguments')\n",
    "order.py": (
        "import sys\n"
        "print('one')\n"
        "print('two', flush=True)\n"
        "sys.stderr.write('on stderr\\n')\n"
        "print('three')\n"
        "sys.stdout.flush()\n"
        "print('four', file=sys.stderr)\n"
        "print('five')\n"
        "raise RuntimeError('the end')\n"
    ),
    "exit_message.py": "import sys\nprint('out')\nsys.stderr.write('err\\n')\nprint('more out')\nsys.exit('stopped')\n",
    "loop_output.py": (
        "import asyncio\n"
        "print('before')\n"
        "async def fail():\n"
        "    print('failing')\n"
        "    raise ValueError('never retrieved')\n"
        "async def main():\n"
        "    asyncio.get_running_loop().create_task(fail())\n"
        "    await asyncio.sleep(0.01)\n"
        "    print('main done')\n"
        "asyncio.run(main())\n"
        "print('after')\n"
    ),
    # `-m`: modules found in the current directory, a package runs its __main__.
    "modmain.py": "import sys\nprint(sys.argv, __name__, __package__, __file__)\nraise KeyError('from -m')\n",
    "pkg/__init__.py": "print('pkg imported as', __name__)\n",
    "pkg/__main__.py": "import sys\nprint(sys.argv, __name__, __package__)\nimport pkg.sub\n",
    "pkg/sub.py": (
        "import sys\nprint('sub', sys.argv, __name__, __package__)\n"
        "from . import helper\nfrom .helper import VALUE\nprint('relative', helper.__name__, VALUE)\n"
    ),
    "pkg/helper.py": "VALUE = 42\n",
    # Past the top-level package: ValueError on 3.7-3.8, ImportError from 3.9.
    "pkg/up.py": "print('up')\nfrom .. import nothing\n",
    # A script imports from its own folder (sys.path[0]); a relative import
    # in it has no package to be relative to.
    "sibling.py": "import os\nimport helper_mod\nimport pkg.helper\nprint(helper_mod.NAME, os.path.basename(helper_mod.__file__), pkg.helper.VALUE)\n",
    "helper_mod.py": "NAME = 'helper'\n",
    "relative.py": (
        "print(__package__, __spec__)\n"
        "try:\n    from . import helper_mod\nexcept ImportError as e:\n    print(type(e).__name__, e)\n"
        "from .pkg import helper\n"
    ),
    # The recursion limit counts runpy's frames under a `-m` module (not
    # under a script, -c or stdin).
    "depth.py": (
        "def depth(n=0):\n"
        "    try:\n"
        "        return depth(n + 1)\n"
        "    except RecursionError:\n"
        "        return n\n"
        "print('depth', depth())\n"
    ),
    # Read from standard input: tracebacks name "<stdin>" and show no lines.
    "fails.py": "import warnings\nwarnings.warn('no line shown')\ndef inner():\n    return 1 / 0\nprint('start')\ninner()\n",
    # input() and sys.stdin on the input file below; the prompt goes to stdout.
    "ask.py": (
        "import sys\n"
        "print(repr(sys.stdin))\n"
        "name = input('name? ')\n"
        "print('hello', repr(name))\n"
        "print(repr(input()), repr(sys.stdin.readline(3)), repr(sys.stdin.readline()))\n"
        "for line in sys.stdin:\n"
        "    print('line', repr(line))\n"
        "    if line.startswith('stop'):\n"
        "        break\n"
        "print(repr(sys.stdin.read()))\n"
        "print(repr(sys.stdin.readline()), sys.stdin.readlines())\n"
        "try:\n"
        "    input(42)\n"
        "except EOFError as e:\n"
        "    print('EOF', repr(e))\n"
        "try:\n"
        "    input('a', 'b')\n"
        "except TypeError as e:\n"
        "    print(e)\n"
        "input('last? ')\n"
    ),
    # A task's repr names asyncio's own functions at their place in the
    # installed CPython's Lib: run_until_complete's callback, a task of sleep.
    "library_sources.py": (
        "import asyncio\n"
        "async def main():\n"
        "    print(asyncio.current_task())\n"
        "    t = asyncio.ensure_future(asyncio.sleep(0.01, 'r'))\n"
        "    await t\n"
        "    print(t)\n"
        "asyncio.run(main())\n"
    ),
    "answers.txt": "Ada\r\nsecond\nthird line\nx\nstop here\nrest 1\nrest 2 without newline",
}

# `-c`: a program given on the command line, named "<string>" (3.13 shows its lines).
COMMAND = "import sys, warnings\nprint(sys.argv)\ntry: print(__file__)\nexcept NameError as e: print(e)\nwarnings.warn('3.13 shows this line')\ndef f():\n    return {}['k']\nf()\n"

# (program, arguments, standard input)
CASES = [
    ("argv.py", ["a", "b c", "--help", "-x", "--python", "3.7"], None),
    ("-", ["x", "--y"], "argv.py"),
    ("order.py", [], None),
    ("exit_message.py", [], None),
    ("loop_output.py", [], None),
    ("library_sources.py", [], None),
    ("-m", ["modmain", "x", "--help"], None),
    ("-m", ["pkg", "-v"], None),
    ("-mpkg.sub", ["y"], None),
    ("-mpkg.up", [], None),
    ("sibling.py", [], None),
    ("relative.py", [], None),
    ("-m", ["depth"], None),
    ("depth.py", [], None),
    ("-", [], "depth.py"),
    ("-", [], "fails.py"),
    ("-c", [COMMAND, "a", "--b"], None),
    ("-cprint(input('?'))", ["z"], "answers.txt"),
    ("ask.py", [], "answers.txt"),
    ("ask.py", [], None),
]


def interpreter(version):
    root = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip()
    found = sorted(glob.glob(os.path.join(root, "versions", version + ".*", "bin", "python" + version)))
    return found[-1] if found else None


def run(command, cwd, stdin_file, unbuffered):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    stdin = open(os.path.join(cwd, stdin_file), "rb") if stdin_file else subprocess.DEVNULL
    try:
        # stdout and stderr on one pipe: their interleaving is what buffering decides.
        p = subprocess.run(command, cwd=cwd, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           env=env, timeout=60)
    finally:
        if stdin_file:
            stdin.close()
    return p.returncode, p.stdout


def main():
    d = tempfile.mkdtemp()
    try:
        return check(os.path.abspath(sys.argv[1]), d)
    finally:
        shutil.rmtree(d)


def check(asim, d):
    failures = checked = 0
    for name, text in PROGRAMS.items():
        os.makedirs(os.path.dirname(os.path.join(d, name)), exist_ok=True)
        with open(os.path.join(d, name), "w") as f:
            f.write(text)
    pythons = [(v, interpreter(v)) for v in VERSIONS]
    pythons = [(v, p) for v, p in pythons if p]
    if not pythons:
        print("no CPython 3.7-3.13 installed: skipped")
        return 77
    for version, python in pythons:
        for program, args, stdin_file in CASES:
            for unbuffered in (False, True):
                want = run([python, program] + args, d, stdin_file, unbuffered)
                got = run([asim, "exec", "--python", version, program] + args, d, stdin_file, unbuffered)
                checked += 1
                if want != got:
                    failures += 1
                    print("DIFF %s %s %s%s\n  CPython: %r\n  asim:    %r" % (
                        version, program, args, " PYTHONUNBUFFERED=1" if unbuffered else "", want, got))

    def asim_says(*args):
        p = subprocess.run([asim] + list(args), capture_output=True, text=True)
        return p.returncode, p.stdout, p.stderr

    own = [
        ("no subcommand exits 2 with the usage line", lambda r: r[0] == 2 and "Usage: asim" in r[2], asim_says()),
        ("a missing FILE exits 2 with exec's usage", lambda r: r[0] == 2 and "Usage: asim exec" in r[2],
         asim_says("exec")),
        ("a bad option value exits 2", lambda r: r[0] == 2 and "Usage: asim run" in r[2],
         asim_says("run", "--trace", "everything")),
        ("--version names asim and every CPython modelled",
         lambda r: r[0] == 0 and r[1].startswith("asim ") and all(v + "." in r[1] for v in VERSIONS),
         asim_says("--version")),
        ("--help lists examples", lambda r: r[0] == 0 and "Examples:" in r[1], asim_says("--help")),
        ("-m of a module that does not exist exits 1 as CPython's",
         lambda r: r[0] == 1 and r[2].endswith(": No module named no_such_module\n"),
         asim_says("exec", "-m", "no_such_module")),
        ("a flag before FILE is asim's, FILE is found after it", lambda r: r == (0, "", ""),
         asim_says("exec", "--compile-only", "--python", "3.12", os.path.join(d, "argv.py"), "--help")),
    ]
    for what, ok, result in own:
        checked += 1
        if not ok(result):
            failures += 1
            print("FAIL %s: %r" % (what, result))
    print("%d checks, %d differ" % (checked, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
