// Tracebacks as CPython 3.12's default excepthook prints them
// (Python/pythonrun.c print_exception_recursive, Python/traceback.c):
// chained exceptions first, each with "Traceback (most recent call last):",
// one `File "...", line N, in NAME` entry per interpreted frame with its
// source line and `^^^`/`~~^~~` marks, and the last line "TYPE: message".
// Frames of native (C++) code have no entry, as if CPython's library frames
// were hidden.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/lang/features.hpp"
#include "model/runtime/exceptions.hpp"

namespace asim::lang {

// The text of line `line` of `file`, "" when unknown.
using SourceLines = std::function<std::string_view(const std::string& file, int line)>;

// Whether linecache.getline finds lines of `file`, for tracebacks and
// warnings: a program read from "<stdin>" has none, nor one given by -c
// ("<string>") before 3.13 put its source in linecache.
bool linecache_has(std::string_view file, const LanguageFeatures& features);

// dir(obj), sorted, for AttributeError's "Did you mean" hint.
using DirOf = std::function<std::vector<std::string>(const runtime::Value& obj)>;

// `features` decide the `^^^` marks and the "Did you mean" hints; `uncaught`
// names the classes as the interpreter's printer of an uncaught exception
// does (features.uncaught_class_naming), else as traceback.py does.
std::string format_exception(const runtime::PyException& exc, const SourceLines& lines, const DirOf& dir = {},
                             const LanguageFeatures& features = {}, bool uncaught = false);
// Only the last line: "TYPE: message", with the hints CPython adds to
// NameError and AttributeError.
std::string format_exception_only(const runtime::PyException& exc, const DirOf& dir = {},
                                  const LanguageFeatures& features = {}, bool uncaught = false);

}  // namespace asim::lang
