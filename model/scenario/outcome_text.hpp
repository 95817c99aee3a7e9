// How a run's stderr is reduced before two runs are compared (conform,
// check, explore): addresses differ from run to run, and the last line of a
// traceback names the outcome. Apart from conform.cpp, which starts real
// CPythons, so that the browser edition's explore has them too.
#pragma once

#include <string>
#include <string_view>

namespace asim::scenario::conform {

// `0x7f12ab...` → `0x?`.
std::string normalise_addresses(std::string_view text);
// The last line of `text` with something other than whitespace, addresses normalised.
std::string last_nonempty_line(std::string_view text);

}  // namespace asim::scenario::conform
