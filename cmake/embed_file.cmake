# Writes a C++ header holding a file's bytes, so the binary carries a copy of
# it (the built-in seed scenario). Run as a build step:
#   cmake -DINPUT=<file> -DOUTPUT=<header> -DNAME=<identifier> -P embed_file.cmake
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
# Break the array into lines of 16 bytes to keep the header readable.
string(REGEX REPLACE "((0x[0-9a-f][0-9a-f],){16})" "\\1\n    " bytes "${bytes}")
file(WRITE "${OUTPUT}"
"// Generated from ${INPUT} by cmake/embed_file.cmake at build time. Do not edit.\n"
"#pragma once\n"
"#include <string_view>\n"
"namespace asim::embedded {\n"
"inline constexpr char ${NAME}_bytes[] = {\n    ${bytes}0x00};\n"
"inline constexpr std::string_view ${NAME}{${NAME}_bytes, sizeof(${NAME}_bytes) - 1};\n"
"}  // namespace asim::embedded\n")
