// `asim run --format jsonl` and `--format chrome`; docs/trace-format.md
// documents both schemas.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <utility>
#include <nlohmann/json.hpp>

#include "model/trace/views.hpp"

namespace asim::trace {

namespace {

using json = nlohmann::ordered_json;

std::string_view level_name(Level l) {
  switch (l) {
    case Level::Program:
      return "program";
    case Level::Tasks:
      return "tasks";
    case Level::Loop:
      return "loop";
    case Level::Full:
      return "full";
  }
  return "full";
}

std::string shorten(std::string s, std::size_t n) {
  if (!s.empty() && s.back() == '\n') s.pop_back();
  if (display_width(s) <= n) return s;
  std::size_t i = 0, k = 0;
  while (i < s.size() && k < n - 1) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    ++k;
  }
  return s.substr(0, i) + "…";
}

}  // namespace

std::string render_jsonl(const std::vector<RecordedRun>& runs, const ViewOptions& o) {
  std::string out;
  for (const auto& run : runs) {
    out += json{{"version", run.version},       {"kind", "run"}, {"title", run.title}, {"program", o.program},
                {"level", level_name(o.level)}, {"format", 1}}
               .dump(-1, ' ', false, json::error_handler_t::replace) +
           "\n";
    for (const auto& a : run.events) {
      const auto& e = a.event;
      if (level_of(e.kind) > o.level && a.note.empty()) continue;
      json j{{"version", run.version},
             {"time", e.time},
             {"tick", e.tick},
             {"run", e.run},
             {"outside", e.outside},
             {"task", e.task.empty() ? json(nullptr) : json(e.task)},
             {"kind", kind_name(e.kind)},
             {"level", level_name(level_of(e.kind))},
             {"subject", e.subject},
             {"detail", e.detail}};
      if (!a.note.empty()) j["explain"] = a.note;
      out += j.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    }
    out += json{{"version", run.version}, {"kind", "exit"}, {"exit", run.exit_code}, {"stderr", run.err}}.dump(
               -1, ' ', false, json::error_handler_t::replace) +
           "\n";
  }
  return out;
}

std::string render_chrome(const std::vector<RecordedRun>& runs, const ViewOptions& o) {
  json events = json::array();
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const auto& run = runs[r];
    const int pid = static_cast<int>(r) + 1;
    events.push_back(
        {{"ph", "M"}, {"pid", pid}, {"tid", 0}, {"name", "process_name"}, {"args", {{"name", run.title}}}});
    events.push_back(
        {{"ph", "M"}, {"pid", pid}, {"tid", 0}, {"name", "process_sort_index"}, {"args", {{"sort_index", pid}}}});
    std::map<std::string, int> tids{{"", 0}};
    auto tid_of = [&](const std::string& lane) {
      auto [it, fresh] = tids.emplace(lane, static_cast<int>(tids.size()));
      if (fresh) {
        events.push_back(
            {{"ph", "M"}, {"pid", pid}, {"tid", it->second}, {"name", "thread_name"}, {"args", {{"name", lane}}}});
        events.push_back({{"ph", "M"},
                          {"pid", pid},
                          {"tid", it->second},
                          {"name", "thread_sort_index"},
                          {"args", {{"sort_index", it->second}}}});
      }
      return it->second;
    };
    events.push_back(
        {{"ph", "M"}, {"pid", pid}, {"tid", 0}, {"name", "thread_name"}, {"args", {{"name", "event loop"}}}});
    events.push_back(
        {{"ph", "M"}, {"pid", pid}, {"tid", 0}, {"name", "thread_sort_index"}, {"args", {{"sort_index", 0}}}});
    // Task names with their coroutine, for the thread names.
    for (const auto& a : run.events)
      if (a.event.kind == Kind::TaskCreated && !tids.count(a.event.subject)) {
        const int tid = static_cast<int>(tids.size());
        tids.emplace(a.event.subject, tid);
        events.push_back({{"ph", "M"},
                          {"pid", pid},
                          {"tid", tid},
                          {"name", "thread_name"},
                          {"args", {{"name", a.event.subject + " " + a.event.detail}}}});
        events.push_back(
            {{"ph", "M"}, {"pid", pid}, {"tid", tid}, {"name", "thread_sort_index"}, {"args", {{"sort_index", tid}}}});
      }

    // ts: virtual time in microseconds, plus 1 µs for each event already
    // placed at that virtual time, so the order inside an instant shows.
    // Each loop run, and each stretch between runs, starts where the trace
    // stands, as the loop's clock may start again from 0.
    double cursor = -1, base = 0;
    std::optional<std::pair<std::uint32_t, bool>> stretch;
    struct Open {
      double ts;
      std::string name;
      json args;
    };
    std::map<int, Open> steps, waits;
    auto close = [&](std::map<int, Open>& open, int tid, double ts, const char* cat) {
      auto it = open.find(tid);
      if (it == open.end()) return;
      events.push_back({{"ph", "X"},
                        {"pid", pid},
                        {"tid", tid},
                        {"ts", it->second.ts},
                        {"dur", std::max(1.0, ts - it->second.ts)},
                        {"name", it->second.name},
                        {"cat", cat},
                        {"args", it->second.args}});
      open.erase(it);
    };
    for (const auto& a : run.events) {
      const auto& e = a.event;
      if (level_of(e.kind) > o.level && a.note.empty()) continue;
      if (stretch != std::pair{e.run, e.outside}) {
        stretch = std::pair{e.run, e.outside};
        base = std::max(0.0, cursor + 1 - e.time * 1e6);
      }
      const double at = base + e.time * 1e6;
      cursor = at > cursor ? at : cursor + 1;
      const double ts = cursor;
      const int tid = tid_of(lane_of(e));
      json args{{"time", e.time}, {"tick", e.tick}, {"subject", e.subject}, {"detail", e.detail}};
      if (!e.task.empty()) args["running"] = e.task;
      if (!a.note.empty()) args["explain"] = a.note;
      switch (e.kind) {
        case Kind::TaskStep:
          close(waits, tid, ts, "wait");
          steps[tid] = {ts, "step: " + e.detail, args};
          continue;
        case Kind::TaskSuspended:
          close(steps, tid, ts, "step");
          waits[tid] = {ts, await_label(e.detail), args};
          continue;
        case Kind::TaskWakeup:
          close(waits, tid, ts, "wait");
          break;
        case Kind::TaskFinished:
          close(steps, tid, ts, "step");
          close(waits, tid, ts, "wait");
          break;
        default:
          break;
      }
      std::string name = e.kind == Kind::Output        ? "print: " + shorten(e.detail, 60)
                         : e.kind == Kind::ErrorOutput ? "stderr: " + shorten(e.detail, 60)
                         : e.kind == Kind::Note ? e.subject
                                                : fmt::format("{}: {}", kind_name(e.kind), shorten(e.subject, 60));
      events.push_back({{"ph", "i"},
                        {"s", "t"},
                        {"pid", pid},
                        {"tid", tid},
                        {"ts", ts},
                        {"name", name},
                        {"cat", std::string(kind_name(e.kind))},
                        {"args", std::move(args)}});
    }
    const double end = cursor + 1;
    for (auto* open : {&steps, &waits}) {
      std::vector<int> left;
      for (const auto& [tid, _] : *open) left.push_back(tid);
      for (int tid : left) close(*open, tid, end, open == &steps ? "step" : "wait");
    }
  }
  json doc{{"traceEvents", std::move(events)},
           {"displayTimeUnit", "ms"},
           {"otherData",
            {{"generator", "asim"},
             {"program", o.program},
             {"level", level_name(o.level)},
             {"clock", "virtual time: 1 s of trace = 1 virtual second; +1 us per event within one instant"}}}};
  return doc.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
}

// Whose lane an event goes on: a task's life events on that task's, all else
// on the running task's, or the loop's.
std::string lane_of(const Event& e) {
  switch (e.kind) {
    case Kind::TaskCreated:
    case Kind::TaskWakeup:
    case Kind::TaskFinished:
    case Kind::TaskCancelRequested:
    case Kind::TaskStep:
    case Kind::TaskSuspended:
      return e.subject;
    default:
      return e.task;
  }
}

// "await Future", "await Task-2", "sleep(0)" from a TaskSuspended detail.
std::string await_label(const std::string& on) {
  if (on.rfind("<Task", 0) == 0) {
    const auto at = on.find("name='");
    if (at != std::string::npos) return "await " + on.substr(at + 6, on.find('\'', at + 6) - at - 6);
    return "await Task";
  }
  if (on.rfind("<", 0) == 0) {
    const auto end = on.find_first_of(" >", 1);
    return "await " + on.substr(1, end - 1);
  }
  return on.rfind("bare yield", 0) == 0 ? "sleep(0)" : "await " + on;
}

}  // namespace asim::trace
