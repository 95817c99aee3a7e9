#include "model/lang/suggestions.hpp"

#include <algorithm>

namespace asim::lang {

bool is_stdlib_module(std::string_view name) {
  static constexpr std::string_view modules[] = {
      "abc",        "argparse",  "array",     "ast",       "asyncio",   "base64",     "bisect",     "builtins",
      "calendar",   "cmath",     "collections", "concurrent", "contextlib", "contextvars", "copy",     "csv",
      "dataclasses", "datetime", "decimal",   "difflib",   "dis",       "enum",       "errno",      "fractions",
      "functools",  "gc",        "glob",      "hashlib",   "heapq",     "inspect",    "io",         "itertools",
      "json",       "logging",   "math",      "multiprocessing", "operator", "os",    "pathlib",    "pickle",
      "pprint",     "queue",     "random",    "re",        "secrets",   "select",     "selectors",  "shutil",
      "signal",     "socket",    "statistics", "string",   "struct",    "subprocess", "sys",        "tempfile",
      "textwrap",   "threading", "time",      "timeit",    "traceback", "types",      "typing",     "unittest",
      "urllib",     "uuid",      "warnings",  "weakref",   "zoneinfo"};
  return std::find(std::begin(modules), std::end(modules), name) != std::end(modules);
}

}  // namespace asim::lang
