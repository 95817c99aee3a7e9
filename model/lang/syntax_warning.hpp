// Where the front end's compile-time warnings go. CPython's tokenizer,
// parser and compiler warn (PyErr_WarnExplicitObject, naming the file and
// line) as they meet the code, before any of it runs; without -W options and
// with the default filters, each SyntaxWarning is printed on stderr.
#pragma once

#include <functional>
#include <string>

namespace asim::lang {

// A SyntaxWarning about line `line` of the file being compiled.
using SyntaxWarningSink = std::function<void(int line, const std::string& message)>;

}  // namespace asim::lang
