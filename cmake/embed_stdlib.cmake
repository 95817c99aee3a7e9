# Writes a C++ source holding every Python file under stdlib/ (the library
# modules asim interprets), so the binary is self-contained. Run as a build
# step:
#   cmake -DROOT=<stdlib dir> -DOUTPUT=<file.cpp> -P embed_stdlib.cmake
# A file's module name is its path with dots for slashes; a package is its
# folder's __init__.py.
file(GLOB_RECURSE files RELATIVE "${ROOT}" "${ROOT}/*.py")
list(SORT files)
set(body "")
foreach(rel IN LISTS files)
  string(REGEX REPLACE "\\.py$" "" name "${rel}")
  string(REPLACE "/" "." name "${name}")
  set(package false)
  if(name MATCHES "(^|\\.)__init__$")
    string(REGEX REPLACE "\\.?__init__$" "" name "${name}")
    set(package true)
  endif()
  file(READ "${ROOT}/${rel}" text)
  if(text MATCHES "\\)asim_stdlib\"")
    message(FATAL_ERROR "${rel} contains the raw string delimiter )asim_stdlib\"")
  endif()
  string(APPEND body "    {\"${name}\", \"${rel}\", ${package}, R\"asim_stdlib(${text})asim_stdlib\"},\n")
endforeach()
file(WRITE "${OUTPUT}"
"// Generated from stdlib/ by cmake/embed_stdlib.cmake at build time. Do not edit.\n"
"#include \"model/modules/stdlib_files.hpp\"\n"
"namespace asim::modules {\n"
"namespace {\n"
"constexpr StdlibFile kFiles[] = {\n${body}};\n"
"}  // namespace\n"
"std::span<const StdlibFile> stdlib_files() { return kFiles; }\n"
"}  // namespace asim::modules\n")
