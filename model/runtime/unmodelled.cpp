#include "model/runtime/unmodelled.hpp"

#include <stdexcept>
#include <string>

namespace asim::runtime {

namespace {
NotModelledStop installed_stop = nullptr;
}  // namespace

void install_not_modelled_stop(NotModelledStop stop) {
  installed_stop = stop;
}

void not_modelled(std::string_view what, std::string_view why) {
  if (installed_stop) installed_stop(what, why);
  // Only a build without the modules layer (none ships) gets here.
  throw std::logic_error("not supported by asim: " + std::string(what) + " (" + std::string(why) + ")");
}

}  // namespace asim::runtime
