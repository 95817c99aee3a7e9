# unittest (asim's own library module, after the behaviour of CPython's):
# TestCase and its assertions, the loader, the text runner and main(), with
# the output each version prints.
import sys

from unittest.result import TestResult
from unittest.case import (addModuleCleanup, TestCase, FunctionTestCase, SkipTest, skip, skipIf, skipUnless,
                           expectedFailure)
from unittest.suite import BaseTestSuite, TestSuite
from unittest.loader import TestLoader, defaultTestLoader
from unittest.main import TestProgram, main
from unittest.runner import TextTestRunner, TextTestResult

__all__ = ['TestResult', 'TestCase', 'TestSuite', 'TextTestRunner', 'TestLoader', 'FunctionTestCase', 'main',
           'defaultTestLoader', 'SkipTest', 'skip', 'skipIf', 'skipUnless', 'expectedFailure', 'TextTestResult',
           'addModuleCleanup']

__unittest = True

if sys.version_info >= (3, 8):
    from unittest.async_case import IsolatedAsyncioTestCase
    __all__.append('IsolatedAsyncioTestCase')
