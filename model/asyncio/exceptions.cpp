#include "model/asyncio/exceptions.hpp"

#include <string>

namespace asim::asyncio {

using runtime::ExceptionType;
using runtime::make;
using runtime::Ref;

AsyncioExceptions::AsyncioExceptions(const VersionProfile& profile,
                                     const runtime::BuiltinExceptions& builtins) {
  // 3.7 takes three of its classes from concurrent.futures, under their Error.
  const auto futures_error = make<ExceptionType>("concurrent.futures._base", "Error", builtins.Exception);
  auto build = [&](const ExceptionClassInfo& info, const char* name) -> Ref<ExceptionType> {
    switch (info.base) {
      case ExceptionBase::BuiltinTimeoutError: return builtins.TimeoutError;
      case ExceptionBase::BaseException:
        return make<ExceptionType>(std::string(info.module), name, builtins.BaseException);
      case ExceptionBase::Exception:
        return make<ExceptionType>(std::string(info.module), name, builtins.Exception);
      case ExceptionBase::FuturesError:
        return make<ExceptionType>(std::string(info.module), name, futures_error);
    }
    return nullptr;
  };
  CancelledError = build(profile.cancelled_error, "CancelledError");
  TimeoutError = build(profile.timeout_error, "TimeoutError");
  InvalidStateError = build(profile.invalid_state_error, "InvalidStateError");
  QueueEmpty = make<ExceptionType>("asyncio.queues", "QueueEmpty", builtins.Exception);
  QueueFull = make<ExceptionType>("asyncio.queues", "QueueFull", builtins.Exception);
  QueueShutDown = make<ExceptionType>("asyncio.queues", "QueueShutDown", builtins.Exception);
  BrokenBarrierError = make<ExceptionType>("asyncio.exceptions", "BrokenBarrierError", builtins.RuntimeError);
}

}  // namespace asim::asyncio
