// The underscored attributes of asyncio's classes (asyncio_private_attributes.cpp).
#pragma once

#include "model/modules/asyncio_types.hpp"

namespace asim::modules {

void add_private_attributes(const AsyncioTypes& t, Session& session);

}  // namespace asim::modules
