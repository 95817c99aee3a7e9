# unittest.main (asim's own): TestProgram, the command line of
# `python -m unittest` and of unittest.main().
import sys

import _asimlib
from unittest import loader, runner

__unittest = True

_NO_TESTS_EXITCODE = 5


def _convert_name(name):
    # A test file's path given on the command line names its module.
    if name.endswith('.py') and ('/' in name or name.count('.') == 1):
        if name.startswith('./'):
            name = name[2:]
        return name[:-3].replace('\\', '.').replace('/', '.')
    return name


class _UsageError(Exception):
    pass


class TestProgram(object):
    """A command-line program that runs a set of tests."""
    module = None
    verbosity = 1
    failfast = catchbreak = buffer = progName = warnings = testNamePatterns = None
    _discovery_parser = None

    def __init__(self, module='__main__', defaultTest=None, argv=None, testRunner=None,
                 testLoader=loader.defaultTestLoader, exit=True, verbosity=1, failfast=None,
                 catchbreak=None, buffer=None, warnings=None, tb_locals=False, durations=None):
        if isinstance(module, str):
            self.module = _asimlib.import_module(module)
        else:
            self.module = module
        if argv is None:
            argv = sys.argv
        self.exit = exit
        self.failfast = failfast
        self.catchbreak = catchbreak
        self.verbosity = verbosity
        self.buffer = buffer
        self.tb_locals = tb_locals
        self.durations = durations
        if warnings is None:
            self.warnings = 'default'
        else:
            self.warnings = warnings
        self.defaultTest = defaultTest
        self.testRunner = testRunner
        self.testLoader = testLoader
        self.progName = argv[0].rsplit('/', 1)[-1]
        self.parseArgs(argv)
        self.runTests()

    def _usage_error(self, message):
        prog = self.progName
        sys.stderr.write("usage: %s [-h] [-v] [-q] [--locals] [-f] [-c] [-b] [-k TESTNAMEPATTERNS] [tests ...]\n" % prog)
        sys.stderr.write("%s: error: %s\n" % (prog, message))
        sys.exit(2)

    def _parse(self, args):
        tests = []
        i = 0
        while i < len(args):
            arg = args[i]
            i += 1
            if arg in ('-v', '--verbose'):
                self.verbosity = 2
            elif arg in ('-q', '--quiet'):
                self.verbosity = 0
            elif arg in ('-f', '--failfast'):
                self.failfast = True
            elif arg in ('-b', '--buffer'):
                _asimlib.unsupported("unittest -b (--buffer)", "output capture is not modelled")
            elif arg in ('-c', '--catch'):
                self.catchbreak = True
            elif arg == '--locals':
                self.tb_locals = True
            elif arg == '-k' or arg.startswith('-k'):
                pattern = arg[2:]
                if not pattern:
                    if i >= len(args):
                        self._usage_error("argument -k: expected one argument")
                    pattern = args[i]
                    i += 1
                if '*' not in pattern:
                    pattern = '*%s*' % pattern
                if self.testNamePatterns is None:
                    self.testNamePatterns = []
                self.testNamePatterns.append(pattern)
            elif arg == '--':
                tests.extend(args[i:])
                break
            elif arg.startswith('-') and arg != '-':
                self._usage_error("unrecognized arguments: %s" % arg)
            else:
                tests.append(arg)
        return tests

    def parseArgs(self, argv):
        tests = self._parse(argv[1:])
        if self.module is None and not tests:
            _asimlib.unsupported("unittest test discovery", "asim reads no folders: name the test modules")
        if tests:
            self.testNames = [_convert_name(name) for name in tests]
        elif self.defaultTest is None:
            self.testNames = None
        elif isinstance(self.defaultTest, str):
            self.testNames = (self.defaultTest,)
        else:
            self.testNames = list(self.defaultTest)
        self.createTests()

    def createTests(self):
        if self.testNamePatterns:
            self.testLoader.testNamePatterns = self.testNamePatterns
        if self.testNames is None:
            self.test = self.testLoader.loadTestsFromModule(self.module)
        else:
            self.test = self.testLoader.loadTestsFromNames(self.testNames, self.module)

    def runTests(self):
        if self.testRunner is None:
            self.testRunner = runner.TextTestRunner
        if isinstance(self.testRunner, type):
            try:
                testRunner = self.testRunner(verbosity=self.verbosity, failfast=self.failfast, buffer=self.buffer,
                                             warnings=self.warnings, tb_locals=self.tb_locals)
            except TypeError:
                testRunner = self.testRunner()
        else:
            testRunner = self.testRunner
        self.result = testRunner.run(self.test)
        if self.exit:
            no_tests = self.result.testsRun == 0
            if sys.version_info >= (3, 13):
                no_tests = no_tests and len(self.result.skipped) == 0
            if no_tests and sys.version_info >= (3, 12):
                sys.exit(_NO_TESTS_EXITCODE)
            sys.exit(0 if self.result.wasSuccessful() else 1)


main = TestProgram
