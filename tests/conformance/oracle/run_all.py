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
    ('j_heapify.py', [[]], ALL),
    ('k_loop_basics.py', [[]], ALL),
    ('l_futures_tasks.py', [[]], ALL),
    ('m_as_completed_dups.py', [[]], ALL),
    ('n_traceback_names.py', [[]], ALL),
    # (w) wait / wait_for / shield / locks / timeouts: one process per section.
    ('w_wait.py', [[s] for s in ('first_completed', 'first_exception', 'all_completed_timeout',
                                 'all_completed', 'errors')], ALL),
    ('w_wait_for.py', [[s] for s in ('timeout', 'in_time', 'zero', 'swallow', 'outer_cancel')], ALL),
    ('w_shield.py', [[s] for s in ('protect', 'inner_cancelled', 'shortcut')], ALL),
    ('w_locks.py', [[s] for s in ('lock_fifo', 'lock_cancel', 'sem_workers', 'sem_barging', 'sem_chain')], ALL),
    ('w_timeouts.py', [[s] for s in ('expire', 'in_time', 'reschedule', 'past', 'nested', 'other_exception',
                                     'errors')], ['3.11', '3.12', '3.13']),
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
