# test.support.script_helper (asim's own stand-in): CPython's helpers run a
# child interpreter, which asim does not start; each stops the run (one
# test, under unittest) as not modelled when called.
import _asimlib


def _child_interpreter(name):
    def helper(*args, **kwargs):
        _asimlib.unsupported("test.support.script_helper." + name, "asim starts no interpreter processes")
    helper.__name__ = name
    return helper


assert_python_ok = _child_interpreter("assert_python_ok")
assert_python_failure = _child_interpreter("assert_python_failure")
run_python_until_end = _child_interpreter("run_python_until_end")
spawn_python = _child_interpreter("spawn_python")
make_script = _child_interpreter("make_script")


def __getattr__(name):
    _asimlib.unsupported("test.support.script_helper." + name, "asim starts no interpreter processes")
