# The browser edition (`make web`, docs/playground.md): the model compiled to
# WebAssembly by emscripten and packed with the page into one file,
# build-web/asim.html, that runs from file:// with no network. Configured by
#   emcmake cmake -S . -B build-web -G Ninja -DCMAKE_BUILD_TYPE=Release
# from the top CMakeLists.txt, which includes this file instead of the native
# targets.

# Emscripten's sysroot has its own libc and libc++: Debian's header-only
# libraries are reached through a folder of links to them alone, never
# through /usr/include, whose glibc headers would shadow emscripten's.
set(WEB_HEADERS ${CMAKE_BINARY_DIR}/system-headers)
file(MAKE_DIRECTORY ${WEB_HEADERS})
foreach(dir range meta concepts std fmt nlohmann boost)
  if(NOT EXISTS /usr/include/${dir})
    message(FATAL_ERROR "web build: /usr/include/${dir} is missing (make deps installs it)")
  endif()
  file(CREATE_LINK /usr/include/${dir} ${WEB_HEADERS}/${dir} SYMBOLIC)
endforeach()

# Emscripten's C++ exceptions are off unless asked for, at compile and link
# time; the model raises Python exceptions as C++ ones.
set(WEB_FLAGS -fexceptions)
# Its libc++ has coroutines only in std::experimental, which clang 14 still
# takes with a deprecation warning (model/runtime/coroutine_compat.hpp).
add_compile_options(-Wno-deprecated-experimental-coroutine)
# The stack the model's recursion guard measures (model/lang/eval.cpp), the
# same 8 MiB as a native process's default.
set(ASIM_WEB_STACK_BYTES 8388608)

# What runs one program, and explore's many runs: everything but the
# commands that start real CPython processes (scenario/conform.cpp: fork,
# exec, pipes), the scenario checks built on them, and the command line
# itself (model/cli: terminals, signals). None of them exists in a browser.
file(GLOB_RECURSE WEB_MODEL_SOURCES CONFIGURE_DEPENDS
  model/runtime/*.cpp model/asyncio/*.cpp model/trace/*.cpp model/lang/*.cpp model/modules/*.cpp)
list(APPEND WEB_MODEL_SOURCES ${CMAKE_SOURCE_DIR}/model/scenario/run.cpp ${CMAKE_SOURCE_DIR}/model/scenario/main_module.cpp
  ${CMAKE_SOURCE_DIR}/model/scenario/outcome_text.cpp ${CMAKE_SOURCE_DIR}/model/explore/chooser.cpp
  ${CMAKE_SOURCE_DIR}/model/explore/explore.cpp)

include(cmake/stdlib.cmake)

add_library(asim_model STATIC ${WEB_MODEL_SOURCES} ${STDLIB_TABLE})
target_include_directories(asim_model PUBLIC ${CMAKE_SOURCE_DIR})
target_include_directories(asim_model SYSTEM PUBLIC ${WEB_HEADERS})
target_compile_definitions(asim_model PUBLIC FMT_HEADER_ONLY ASIM_WEB_STACK_BYTES=${ASIM_WEB_STACK_BYTES})
target_compile_options(asim_model PUBLIC ${WEB_FLAGS})

# asim.js and asim.wasm: the model and its JavaScript glue. The page carries
# the WebAssembly gzipped (a third of its size, where SINGLE_FILE's base64
# would take four thirds) and its worker (web/worker.js) hands it to
# createAsim unpacked.
add_executable(asim_web model/web/web_main.cpp)
target_link_libraries(asim_web PRIVATE asim_model)
set_target_properties(asim_web PROPERTIES OUTPUT_NAME asim SUFFIX .js)
target_link_options(asim_web PRIVATE ${WEB_FLAGS}
  -sENVIRONMENT=worker -sALLOW_MEMORY_GROWTH=1 -sTOTAL_STACK=${ASIM_WEB_STACK_BYTES}
  -sEXPORTED_FUNCTIONS=_asim_run,_asim_explore,_asim_reset,_asim_timeline_html -sEXPORTED_RUNTIME_METHODS=ccall -sMODULARIZE=1 -sEXPORT_NAME=createAsim)

# asim.html: the page, its worker, the model and every scenario in one file.
file(GLOB WEB_PAGE_FILES CONFIGURE_DEPENDS web/*)
file(GLOB_RECURSE SCENARIO_FILES CONFIGURE_DEPENDS scenarios/*.py)
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/asim.html
  COMMAND python3 ${CMAKE_SOURCE_DIR}/web/build_page.py --asim-js $<TARGET_FILE:asim_web>
          --asim-wasm ${CMAKE_BINARY_DIR}/asim.wasm --scenarios ${CMAKE_SOURCE_DIR}/scenarios --out ${CMAKE_BINARY_DIR}/asim.html
  DEPENDS asim_web ${WEB_PAGE_FILES} ${SCENARIO_FILES}
  COMMENT "Packing build-web/asim.html")
add_custom_target(asim_page ALL DEPENDS ${CMAKE_BINARY_DIR}/asim.html)
