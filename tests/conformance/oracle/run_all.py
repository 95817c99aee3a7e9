"""Re-run every oracle experiment on every installed CPython 3.7-3.13 through
the virtual-clock harness and print the raw outputs (see ../oracle_notes.md).

usage: python3 tests/conformance/oracle/run_all.py [3.12 3.13 ...]
"""
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
HARNESS = os.path.join(HERE, '..', 'virtual_clock.py')
ALL = ['3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13']

# (script, argument lists, versions)
EXPERIMENTS = [
    ('a_timer_ties.py', [[]], ALL),
    ('a_timer_ties_t0.py', [[]], ALL),
    ('b_seed.py', [['L']], ALL),
    ('b_seed.py', [['A']], ['3.13']),
    ('c_seed_coros.py', [[]] * 5 + [[str(n)] for n in range(8)], ['3.12', '3.13']),
    ('d_lazy_eager.py', [[]], ['3.12', '3.13']),
    ('e_timeout.py', [[]] + [[str(n)] for n in range(8)], ALL),
    ('f_legacy_items.py', [[]], ALL),
    ('g_exceptions.py', [[]], ALL),
    ('h_task_names.py', [[]], ALL),
    ('i_eager_factory.py', [[]], ['3.12', '3.13']),
]


def python_for(ver):
    hits = sorted(glob.glob('/root/.pyenv/versions/%s.*/bin/python%s' % (ver, ver)))
    return hits[-1] if hits else None


def main():
    wanted = sys.argv[1:] or ALL
    for script, arglists, versions in EXPERIMENTS:
        for ver in versions:
            if ver not in wanted:
                continue
            exe = python_for(ver)
            if exe is None:
                print('### %s: python%s not found' % (script, ver))
                continue
            for args in arglists:
                cmd = [exe, HARNESS, os.path.join(HERE, script)] + args
                p = subprocess.run(cmd, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT,
                                   universal_newlines=True, cwd=HERE)
                print('### %s %s python%s (rc=%d)'
                      % (script, ' '.join(args), ver, p.returncode))
                sys.stdout.write(p.stdout)
                sys.stdout.flush()


if __name__ == '__main__':
    main()
