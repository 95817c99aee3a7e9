#include "model/asyncio/handled_exception.hpp"

namespace asim::asyncio {

namespace {
ChainToHandled installed = nullptr;
}  // namespace

void install_chain_to_handled(ChainToHandled chain) { installed = chain; }

void chain_to_handled(runtime::PyException& exc) {
  if (installed) installed(exc);
}

}  // namespace asim::asyncio
