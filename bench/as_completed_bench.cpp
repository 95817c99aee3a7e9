// make bench: 100 000 tasks with pseudo-random sleeps consumed through
// as_completed, driven from the C++ API. Prints wall time and peak memory.
#include <fmt/format.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <string>

#include "model/asyncio/as_completed.hpp"
#include "model/asyncio/base_events.hpp"
#include "model/asyncio/runners.hpp"

using namespace asim;
using runtime::Coro;
using runtime::Value;

namespace {

Coro worker(asyncio::EventLoop& loop, double delay, std::int64_t i) {
  co_await asyncio::sleep(loop, delay);
  co_return Value::integer(i);
}

Coro bench_main(asyncio::EventLoop& loop, std::int64_t n, std::int64_t* checksum) {
  auto list = runtime::make<runtime::List>();
  std::uint64_t seed = 12345;
  for (std::int64_t i = 0; i < n; ++i) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;  // a fixed LCG: same sleeps every run
    const double delay = static_cast<double>((seed >> 33) % 10000) / 1000.0;
    list->items.push_back(Value(runtime::native("worker", worker(loop, delay, i))));
  }
  Value it = asyncio::as_completed(loop, Value(list));
  auto* iter = dynamic_cast<runtime::Iterator*>(it.object());
  std::int64_t position = 0;
  while (auto item = iter->next()) {
    Value r = co_await *item;
    *checksum += r.as_int() * (++position % 7);
  }
  co_return Value::none();
}

}  // namespace

int main(int argc, char** argv) {
  const std::int64_t n = argc > 1 ? std::atoll(argv[1]) : 100000;
  const std::string version = argc > 2 ? argv[2] : "3.12";
  const auto start = std::chrono::steady_clock::now();
  std::int64_t checksum = 0;
  std::uint64_t ticks = 0;
  {
    runtime::Runtime rt;
    asyncio::EventLoop loop(asyncio::profile(version));
    asyncio::run(loop, runtime::native("main", bench_main(loop, n, &checksum)));
    ticks = loop.tick();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  fmt::print("as_completed bench: {} tasks, Python {} model: {:.3f} s wall, {:.1f} MB peak RSS, {} ticks, "
             "checksum {}\n",
             n, version, seconds, usage.ru_maxrss / 1024.0, ticks, checksum);
}
