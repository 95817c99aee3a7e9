// `asim run --format snapshots`; docs/trace-format.md documents the schema.
#include <nlohmann/json.hpp>

#include "model/trace/snapshot.hpp"

namespace asim::trace {

std::string render_snapshots(const std::vector<RecordedSnapshots>& runs) {
  using json = nlohmann::ordered_json;
  std::string out;
  for (const auto& run : runs)
    for (const auto& s : run.snapshots) {
      json timers = json::array(), tasks = json::array();
      for (const auto& t : s.timers) timers.push_back({{"when", t.when}, {"handle", t.handle}, {"cancelled", t.cancelled}});
      for (const auto& t : s.tasks)
        tasks.push_back({{"name", t.name},
                         {"state", t.state},
                         {"repr", t.repr},
                         {"file", t.file.empty() ? json(nullptr) : json(t.file)},
                         {"line", t.line ? json(t.line) : json(nullptr)}});
      out += json{{"version", run.version}, {"kind", "snapshot"}, {"tick", s.tick}, {"time", s.time}, {"run", s.run},
                  {"ready", s.ready},       {"timers", timers},     {"tasks", tasks}}
                 .dump(-1, ' ', false, json::error_handler_t::replace) +
             "\n";
    }
  return out;
}

}  // namespace asim::trace
