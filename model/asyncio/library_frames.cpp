#include "model/asyncio/library_frames.hpp"

#include <fmt/format.h>

#include "model/runtime/runtime.hpp"

namespace asim::asyncio {

void add_library_frame(runtime::PyException& exc, LibraryFrame site, int minor) {
  const auto& row = detail::kLibraryFrames.at(static_cast<std::size_t>(site));
  const auto v = static_cast<std::size_t>(minor - 7);
  if (v >= row.lines.size() || row.lines[v] == 0) return;
  const auto& lib = runtime::Runtime::current().cpython_lib;
  runtime::TracebackEntry entry;
  entry.file = fmt::format("{}/asyncio/{}", lib ? lib() : std::string("<asim>"), row.file);
  entry.line = row.lines[v];
  entry.function = std::string(row.function);
  entry.shown = row.shown[v];
  exc.traceback.push_back(std::move(entry));
}

}  // namespace asim::asyncio
