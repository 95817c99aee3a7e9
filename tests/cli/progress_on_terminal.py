"""Long commands show progress on stderr when it is a terminal, and nothing
extra when it is not (issue 12): `asim explore`, `asim conform --expected`
and `asim check`, each run with stderr on a pseudo-terminal and on a pipe.
`asim check` prints its report line per scenario: when stdout is the
terminal too, that report is the progress and stderr stays silent.

    python3 tests/cli/progress_on_terminal.py path/to/asim
"""

import os
import pty
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXPLORE_PROGRAM = os.path.join(ROOT, "tests", "explore", "shard_mix.py")
SCENARIOS = os.path.join(ROOT, "scenarios", "queues")


def run(argv, stdout_tty, stderr_tty):
    """(stdout, stderr, exit) with each stream on a pipe or a pseudo-terminal."""
    ends = {}
    fds = {}
    for name, tty in (("out", stdout_tty), ("err", stderr_tty)):
        if tty:
            master, slave = pty.openpty()
            ends[name] = (master, slave)
            fds[name] = slave
        else:
            fds[name] = subprocess.PIPE
    proc = subprocess.Popen(argv, stdout=fds["out"], stderr=fds["err"], stdin=subprocess.DEVNULL)
    for _, slave in ends.values():
        os.close(slave)
    texts = {}
    for name in ("out", "err"):
        if name in ends:
            texts[name] = read_all(ends[name][0])
        else:
            texts[name] = (proc.stdout if name == "out" else proc.stderr).read().decode()
    proc.wait()
    return texts["out"], texts["err"], proc.returncode


def read_all(master):
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed its end
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return b"".join(chunks).decode()


def main():
    asim = sys.argv[1]
    failures = []

    def expect(what, cond, detail):
        print(("ok   " if cond else "FAIL ") + what)
        if not cond:
            failures.append(f"{what}: {detail!r}"[:400])

    commands = {
        "explore": ([asim, "explore", "--python", "3.12", "--max-schedules", "20", EXPLORE_PROGRAM],
                    "\rasim explore: 20 schedules (at most 20)"),
        "conform": ([asim, "conform", "--expected", "--python", "3.12,3.13", SCENARIOS], "[1/"),
        "check": ([asim, "check", "--python", "3.12", SCENARIOS], "asim check: "),
    }
    on_terminal = {}
    for name, (argv, marker) in commands.items():
        out_pipe, err_pipe, code_pipe = run(argv, stdout_tty=False, stderr_tty=False)
        out_tty, err_tty, code_tty = run(argv, stdout_tty=False, stderr_tty=True)
        on_terminal[name] = err_tty
        # explore warns on stderr that it stopped at its cap, terminal or not.
        expect(f"{name}: no progress on stderr when it is a pipe",
               marker not in err_pipe and (name == "explore" or err_pipe == ""), err_pipe)
        expect(f"{name}: progress on stderr when it is a terminal", marker in err_tty, err_tty)
        expect(f"{name}: the same report either way", (out_pipe, code_pipe) == (out_tty, code_tty),
               (out_pipe, out_tty))
        _, err_quiet, _ = run(argv + ["--quiet"] if name != "explore" else argv, stdout_tty=False,
                              stderr_tty=True)
        if name != "explore":
            expect(f"{name}: --quiet keeps a terminal's stderr silent", err_quiet == "", err_quiet)
    out_both, err_both, _ = run(commands["check"][0], stdout_tty=True, stderr_tty=True)
    expect("check: no progress line when its report goes to the terminal",
           "asim check: " not in err_both and "ok  " in out_both, err_both)
    count = len([f for f in os.listdir(SCENARIOS) if f.endswith(".py")])
    expect("check: the progress line reaches the last scenario",
           f"asim check: {count}/{count} scenarios" in on_terminal["check"], on_terminal["check"])
    print(f"{len(failures)} failed")
    for f in failures:
        print("  " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
