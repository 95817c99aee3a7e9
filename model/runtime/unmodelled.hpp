// A construct the program reached that asim does not model stops the run:
// "FILE:LINE: not supported by asim: WHAT (WHY)", exit 2. Raising a Python
// exception instead could be caught and hide the difference. The stop is
// the modules layer's (modules::not_modelled, which the run's driver
// reports); it installs itself here at start-up, so the builtin types can
// stop a run without knowing that layer.
#pragma once

#include <string_view>

namespace asim::runtime {

using NotModelledStop = void (*)(std::string_view what, std::string_view why);
void install_not_modelled_stop(NotModelledStop stop);

[[noreturn]] void not_modelled(std::string_view what, std::string_view why);

}  // namespace asim::runtime
