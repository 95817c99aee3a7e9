// `asim run --format snapshots`; docs/trace-format.md documents the schema.
#include <utility>

#include <nlohmann/json.hpp>

#include "model/trace/snapshot.hpp"

namespace asim::trace {

void attach_notes(std::vector<Snapshot>& snapshots, const std::vector<Annotated>& events) {
  // Both are in the order things happened, so one pass over each will do.
  const auto key = [](std::uint32_t run, std::uint64_t tick) { return std::pair(run, tick); };
  std::size_t i = 0;
  for (const auto& a : events) {
    if (a.note.empty() || a.event.outside || snapshots.empty()) continue;
    const auto at = key(a.event.run, a.event.tick);
    while (i + 1 < snapshots.size() && key(snapshots[i + 1].run, snapshots[i + 1].tick) <= at) ++i;
    if (snapshots[i].run == a.event.run)
      snapshots[i].notes.push_back(a.note);
    else if (i + 1 < snapshots.size() && snapshots[i + 1].run == a.event.run)
      snapshots[i + 1].notes.push_back(a.note);
  }
}

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
                  {"ready", s.ready},       {"timers", timers},     {"tasks", tasks},     {"notes", s.notes}}
                 .dump(-1, ' ', false, json::error_handler_t::replace) +
             "\n";
    }
  return out;
}

}  // namespace asim::trace
