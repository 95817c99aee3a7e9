// The Python source of the library modules asim interprets (the stdlib/
// folder), embedded in the binary at build time (cmake/embed_stdlib.cmake).
#pragma once

#include <span>
#include <string_view>

namespace asim::modules {

struct StdlibFile {
  std::string_view module;  // "collections.abc"
  std::string_view path;    // "collections/abc.py", under stdlib/
  bool package;             // a folder's __init__.py
  std::string_view text;
};

// Sorted by path.
std::span<const StdlibFile> stdlib_files();

}  // namespace asim::modules
