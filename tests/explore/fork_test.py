"""asim explore --fork forks at each choice point so that a schedule runs only
from its last choice on; --no-fork runs every schedule from the start; by
default asim takes whichever costs less on the machine. The three reports
must be byte-identical (text and JSON; complete, capped and sharded
explorations, and one whose runs make more choices than the forked processes
it keeps waiting), and every outcome's replay token, run alone by `asim exec
--replay`, must give that outcome's stdout and exit.

    python3 tests/explore/fork_test.py path/to/asim
"""

import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.join(os.path.dirname(os.path.dirname(HERE)), "bench")


def asim(binary, *args):
    r = subprocess.run([binary, *args], capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def main():
    binary = sys.argv[1]
    failed = passed = 0
    with tempfile.TemporaryDirectory() as tmp:
        no_choice = os.path.join(tmp, "no_choice.py")
        with open(no_choice, "w") as f:
            f.write("import asyncio\n\nasync def main():\n    print(await asyncio.sleep(0, 'one order'))\n\n"
                    "asyncio.run(main())\n")
        programs = [os.path.join(HERE, name) for name in ("fork_mix.py", "shard_mix.py", "start_order.py",
                                                          "done_order.py")] + [no_choice]
        cases = []
        for program in programs:
            for version in ("3.7", "3.12", "3.13"):
                cases.append((version, program, []))
        fork_mix = programs[0]
        for extra in (["--max-schedules", "1"], ["--max-schedules", "5"], ["--shard", "2/3", "--shard-depth", "1"],
                      ["--shard", "1/2", "--shard-depth", "2", "--max-schedules", "3"],
                      ["--shard", "3/4", "--shard-depth", "3"]):
            cases.append(("3.12", fork_mix, extra))
        cases.append(("3.13", os.path.join(BENCH, "explore_8.py"), ["--max-schedules", "150"]))
        # Past the processes kept waiting: the walk goes on by runs from the start.
        deep = os.path.join(HERE, "deep_choices.py")
        for extra in (["--max-schedules", "3"], ["--max-schedules", "40"], ["--shard", "3/3", "--shard-depth", "1",
                      "--max-schedules", "10"], ["--shard", "2/2", "--shard-depth", "2", "--max-schedules", "10"]):
            cases.append(("3.12", deep, extra))
        for version, program, extra in cases:
            formats = ("text",) if "--shard" in extra else ("text", "json")
            for fmt in formats:
                args = ["explore", "--python", version, "--format", fmt, *extra, program]
                forked = asim(binary, *args[:1], "--fork", *args[1:])
                alone = asim(binary, *args[:1], "--no-fork", *args[1:])
                default = asim(binary, *args)
                if forked == alone == default and forked[0] == 0:
                    passed += 1
                else:
                    failed += 1
                    print(f"DIFFERENT: {' '.join(args)}\n--- --fork:\n{forked}\n--- --no-fork:\n{alone}\n"
                          f"--- default:\n{default}")
            if extra or program == no_choice:
                continue
            code, out, err = asim(binary, "explore", "--python", version, "--format", "json", program)
            for outcome in json.loads(out)["outcomes"]:
                code, out, err = asim(binary, "exec", "--python", version, "--replay", outcome["replay"], program)
                if (out, code) == (outcome["stdout"], outcome["exit"]):
                    passed += 1
                else:
                    failed += 1
                    print(f"REPLAY {outcome['replay']} of {program} on {version} differs:\n{out}{err}\n"
                          f"--- explored:\n{outcome}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
