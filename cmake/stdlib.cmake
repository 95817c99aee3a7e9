# The library modules written in Python (stdlib/) become one generated table
# compiled into the model, so the binary needs no files beside it. Sets
# STDLIB_TABLE, the generated source, for the model's library (native and web).
file(GLOB_RECURSE STDLIB_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/stdlib/*.py)
set(STDLIB_TABLE ${CMAKE_BINARY_DIR}/generated/stdlib_files.cpp)
add_custom_command(OUTPUT ${STDLIB_TABLE}
  COMMAND ${CMAKE_COMMAND} -DROOT=${CMAKE_SOURCE_DIR}/stdlib -DOUTPUT=${STDLIB_TABLE}
          -P ${CMAKE_SOURCE_DIR}/cmake/embed_stdlib.cmake
  DEPENDS ${STDLIB_FILES} ${CMAKE_SOURCE_DIR}/cmake/embed_stdlib.cmake
  COMMENT "Embedding stdlib/")
