"""Installs the virtual clock before ``python SCENARIO.py`` runs the program.

virtual_clock.py's main() starts the interpreter again on the program with
this folder on PYTHONPATH, so that the program runs as a plain run does:
a harness calling it (runpy) would put frames under it, which the recursion
limit counts. This folder and the changed PYTHONPATH are gone again before
the program starts (its subprocesses run without the harness).
"""

import os
import sys


def _install():
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if p != here]
    old = os.environ.pop('ASIM_HARNESS_OLD_PYTHONPATH', None)
    if old is None:
        del os.environ['PYTHONPATH']
    else:
        os.environ['PYTHONPATH'] = old
    conformance = os.path.dirname(here)
    sys.path.insert(0, conformance)
    try:
        import virtual_clock
    finally:
        sys.path.remove(conformance)
    virtual_clock.install()


_install()
