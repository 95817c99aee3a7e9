// `asim run --format html`: one self-contained page. The runs sit side by side
// in one table, so each virtual time starts on the same row for every run;
// each run has a lane per task (and one for the loop) and a column for what
// the program printed. Lane cells are shaded by the task's state (ready,
// running, waiting); markers show steps, awaits, yields and completions, with
// the full event in their title (hover). No network, no external files; the
// script only adds toggles, and the page reads the same without it.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "model/runtime/value.hpp"
#include "model/trace/note_subjects.hpp"
#include "model/trace/views.hpp"

namespace asim::trace {

namespace {

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string chomp(std::string s) {
  if (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

enum class State { None, Ready, Running, Waiting, Done };

const char* state_class(State s) {
  switch (s) {
    case State::Ready:
      return "ready";
    case State::Running:
      return "run";
    case State::Waiting:
      return "wait";
    default:
      return "";
  }
}


// The marker text and its CSS class.
std::pair<std::string, std::string> marker(const Event& e) {
  switch (e.kind) {
    case Kind::TaskCreated:
      return {"+ " + e.detail, "k-create"};
    case Kind::TaskStep:
      return {"\u25B6 step", "k-step"};
    case Kind::TaskSuspended:
      return {"\u2016 " + await_label(e.detail), "k-await"};
    case Kind::TaskWakeup:
      return {"\u21BB wake up", "k-wake"};
    case Kind::TaskFinished:
      if (e.detail == "cancelled") return {"\u2298 cancelled", "k-cancelled"};
      if (e.detail.rfind("exception=", 0) == 0) return {"\u2716 raised " + e.detail.substr(10), "k-raised"};
      return {"\u2714 done " + e.detail, "k-done"};
    case Kind::TaskCancelRequested:
      return {"\u2702 cancel", "k-cancel"};
    case Kind::Output:
      return {"\u270E print", "k-print"};
    case Kind::ErrorOutput:
      return {"\u270E stderr", "k-raised"};
    case Kind::ChoicePoint:
      return {"\u25C7 choice point", "k-choice"};
    case Kind::Deadlock:
      return {"\u2620 deadlock", "k-deadlock"};
    case Kind::Note:
      if (e.subject == note::kAsCompletedYieldCoroutine || e.subject == note::kAsCompletedNextCoroutine)
        return {"\u21E2 yields a coroutine", "k-yield"};
      if (e.subject == note::kAsCompletedYieldFuture) return {"\u21E2 yields a Future (" + e.detail + ")", "k-yield"};
      if (e.subject == note::kAsCompletedAnext) return {"\u21E2 yields " + e.detail, "k-yield"};
      if (e.subject == note::kAsCompletedTook) return {"\u21E0 took " + e.detail, "k-took"};
      if (e.subject == note::kAsCompletedWait) return {"\u2026 waits for the next result", "k-note"};
      if (e.subject == note::kAsCompletedGenerator) return {"\u2022 as_completed(): a generator", "k-note"};
      if (e.subject == note::kAsCompletedIterator) return {"\u2022 as_completed(): set up", "k-note"};
      if (e.subject == note::kAsCompletedFirstNext) return {"\u2022 first next(): set up", "k-note"};
      if (e.subject == note::kAsCompletedTimeout) return {"\u2022 as_completed timeout", "k-raised"};
      if (e.subject == note::kRunCancelLeftovers) return {"\u2022 cancel leftovers", "k-cancel"};
      return {"\u2022 " + e.subject, "k-note"};
    default:
      return {std::string(kind_name(e.kind)), "k-loop"};
  }
}

struct Item {
  const Annotated* a;                   // the event
  bool note_only;                       // a row for its explain note
  std::map<std::string, State> states;  // lanes' states after it
};

struct RunLayout {
  std::vector<std::string> lanes;  // "" (loop) first, then tasks by creation
  std::map<Slot, std::vector<Item>> by_slot;
  std::map<std::string, State> final_states;
};

RunLayout lay_out(const RecordedRun& run, Level level) {
  RunLayout l;
  l.lanes.push_back("");
  std::map<std::string, State> states;
  auto lane = [&](const std::string& name) {
    if (std::find(l.lanes.begin(), l.lanes.end(), name) == l.lanes.end()) l.lanes.push_back(name);
  };
  for (const auto& a : run.events) {
    const auto& e = a.event;
    switch (e.kind) {
      case Kind::TaskCreated:
        states[e.subject] = State::Ready;
        break;
      case Kind::TaskStep:
        states[e.subject] = State::Running;
        break;
      case Kind::TaskSuspended:
        states[e.subject] = State::Waiting;
        break;
      case Kind::TaskWakeup:
        states[e.subject] = State::Ready;
        break;
      case Kind::TaskFinished:
        states[e.subject] = State::Done;
        break;
      default:
        break;
    }
    const bool shown = level_of(e.kind) <= level;
    if (shown) lane(lane_of(e));
    if (e.kind == Kind::TaskCreated) lane(e.subject);
    if (shown) l.by_slot[slot_of(e)].push_back({&a, false, states});
    if (!a.note.empty()) l.by_slot[slot_of(e)].push_back({&a, true, states});
  }
  l.final_states = states;
  return l;
}

constexpr std::string_view kStyle = R"(
body{font:13px/1.35 system-ui,-apple-system,"Segoe UI",sans-serif;margin:16px;color:#1d1d1f;background:#fff}
h1{font-size:18px;margin:0 0 4px}
p.sub{margin:0 0 10px;color:#555}
.legend{display:flex;flex-wrap:wrap;gap:6px 14px;margin:0 0 10px;font-size:12px;color:#333}
.legend span{white-space:nowrap}
.sw{display:inline-block;width:12px;height:12px;vertical-align:-2px;margin-right:4px;border:1px solid #bbb}
.controls{margin:0 0 10px;font-size:12px}
table{border-collapse:collapse;table-layout:fixed}
col.lane{width:7.5em}
col.out{width:16em}
th,td{padding:1px 4px;vertical-align:top}
thead th{position:sticky;top:0;background:#f4f4f6;z-index:2;font-weight:600;border-bottom:1px solid #ccc}
th.run{font-size:14px;text-align:left;background:#e8e8ee}
th.run.whatif{background:#fde2c8}
th.lane{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-size:11px;cursor:pointer}
td.m{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-size:11.5px;border-left:1px solid #eee}
td.out{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:11.5px;white-space:pre-wrap;word-break:break-word;color:#116329}
.first{border-left:3px solid #8a8a99 !important}
tr.time th{background:#eef3ff;color:#1d3fa0;text-align:left;font-size:12px;border-top:1px solid #c9d6f5}
td.ready{background:#fff6c8}
td.run{background:#b9e6c3}
td.wait{background:repeating-linear-gradient(90deg,#dfe6f3 0 6px,#f3f6fb 6px 12px)}
.k-step{color:#0a5a1f;font-weight:600}
.k-await{color:#234a8a}
.k-done{color:#0a5a1f;font-weight:600}
.k-raised{color:#a3151b;font-weight:600}
.k-cancelled,.k-cancel{color:#8a3c00;font-weight:600}
.k-yield{color:#6b2aa8;font-weight:600}
.k-took{color:#6b2aa8}
.k-note{color:#555}
.k-choice{color:#a0169b}
.k-deadlock{color:#fff;background:#a3151b}
.k-loop{color:#888;font-size:10.5px}
.k-create{color:#333}
.k-print{color:#116329}
td.note{background:#fff3bf;border-left:3px solid #e0a800;font-size:12px;white-space:normal;color:#3d2f00}
td.note b{color:#7a5a00}
tr.foot td{border-top:2px solid #ccc;font-size:12px;white-space:pre-wrap;font-family:ui-monospace,Menlo,Consolas,monospace}
td.err{color:#a3151b}
body.hide-notes tr td.note{visibility:hidden}
td.hl,th.hl{outline:2px solid #e0a800;outline-offset:-2px}
)";

constexpr std::string_view kScript = R"(
(function () {
  var box = document.getElementById('show-notes');
  if (box) box.addEventListener('change', function () {
    document.body.classList.toggle('hide-notes', !box.checked);
  });
  var heads = document.querySelectorAll('th.lane');
  for (var i = 0; i < heads.length; i++) {
    heads[i].addEventListener('click', function (ev) {
      var key = ev.currentTarget.getAttribute('data-lane');
      var on = !ev.currentTarget.classList.contains('hl');
      var cells = document.querySelectorAll('[data-lane="' + key + '"]');
      for (var j = 0; j < cells.length; j++) cells[j].classList.toggle('hl', on);
    });
  }
  var tip = document.getElementById('js-tip');
  if (tip) tip.textContent = 'Click a lane title to highlight it.';
})();
)";

}  // namespace

std::string render_html(const std::vector<RecordedRun>& runs, const ViewOptions& o) {
  std::vector<RunLayout> layouts;
  for (const auto& r : runs) layouts.push_back(lay_out(r, o.level));
  std::set<Slot> slots;
  std::set<std::uint32_t> loop_runs;
  for (const auto& l : layouts)
    for (const auto& [slot, _] : l.by_slot) {
      slots.insert(slot);
      if (!slot.outside) loop_runs.insert(slot.run);
    }
  std::size_t total_cols = 0;
  for (const auto& l : layouts) total_cols += l.lanes.size() + 1;

  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += "<title>asim: " + esc(o.program) + "</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
  h += "<h1>asim: " + esc(o.program) + "</h1>\n";
  std::string names;
  for (std::size_t i = 0; i < runs.size(); ++i)
    names += (i ? (i + 1 == runs.size() ? " and " : ", ") : "") + runs[i].title;
  h += "<p class=\"sub\">" + esc(names) +
       ", side by side. Rows follow the virtual clock: each time starts on the same row for every run; "
       "#n is the loop iteration. Hover a marker for the full event.</p>\n";
  h += "<div class=\"legend\">"
       "<span><i class=\"sw\" style=\"background:#fff6c8\"></i>ready (scheduled)</span>"
       "<span><i class=\"sw\" style=\"background:#b9e6c3\"></i>running a step</span>"
       "<span><i class=\"sw\" style=\"background:#dfe6f3\"></i>waiting (awaiting a future)</span>"
       "<span class=\"k-step\">\u25B6 step</span><span class=\"k-await\">\u2016 await</span>"
       "<span class=\"k-yield\">\u21E2 as_completed yields</span><span class=\"k-took\">\u21E0 an item took a "
       "result</span>"
       "<span class=\"k-done\">\u2714 done</span><span class=\"k-raised\">\u2716 raised</span>"
       "<span class=\"k-cancelled\">\u2298 cancelled</span><span class=\"k-print\">\u270E print</span>"
       "<span class=\"k-choice\">\u25C7 choice point</span></div>\n";
  h += "<div class=\"controls\"><label><input type=\"checkbox\" id=\"show-notes\" checked> show explanations</label> "
       "<span id=\"js-tip\"></span></div>\n";

  double table_em = 0;
  std::string cols;
  for (const auto& l : layouts) {
    for (std::size_t k = 0; k < l.lanes.size(); ++k) cols += "<col class=\"lane\">";
    cols += "<col class=\"out\">";
    table_em += 7.5 * static_cast<double>(l.lanes.size()) + 16;
  }
  h += fmt::format("<table style=\"width:{}em\">\n<colgroup>{}</colgroup>\n<thead>\n<tr>", table_em, cols);
  for (std::size_t r = 0; r < runs.size(); ++r)
    h += fmt::format("<th class=\"run first{}\" colspan=\"{}\">{}</th>", runs[r].version == "whatif" ? " whatif" : "",
                     layouts[r].lanes.size() + 1, esc(runs[r].title));
  h += "</tr>\n<tr>";
  for (std::size_t r = 0; r < runs.size(); ++r) {
    for (std::size_t k = 0; k < layouts[r].lanes.size(); ++k) {
      const auto& lane = layouts[r].lanes[k];
      h += fmt::format("<th class=\"lane{}\" data-lane=\"{}-{}\" title=\"{}\">{}</th>", k == 0 ? " first" : "", r, k,
                       lane.empty() ? "the event loop itself" : esc(lane), lane.empty() ? "loop" : esc(lane));
    }
    h += "<th class=\"out\">printed</th>";
  }
  h += "</tr>\n</thead>\n<tbody>\n";

  std::vector<std::map<std::string, State>> carried(runs.size());
  std::optional<std::uint32_t> last_run;
  for (const auto& slot : slots) {
    const bool starts_run = !slot.outside && slot.run != last_run;
    if (!slot.outside) last_run = slot.run;
    h += fmt::format("<tr class=\"time\"><th colspan=\"{}\">{}</th></tr>\n", total_cols,
                     esc(slot_heading(slot, starts_run, loop_runs.size() > 1)));
    std::size_t height = 0;
    for (const auto& l : layouts)
      if (auto it = l.by_slot.find(slot); it != l.by_slot.end()) height = std::max(height, it->second.size());
    for (std::size_t row = 0; row < height; ++row) {
      h += "<tr>";
      for (std::size_t r = 0; r < runs.size(); ++r) {
        const auto& l = layouts[r];
        const auto it = l.by_slot.find(slot);
        const Item* item = it != l.by_slot.end() && row < it->second.size() ? &it->second[row] : nullptr;
        if (item) carried[r] = item->states;
        const auto& states = carried[r];
        auto state_of = [&](const std::string& lane) {
          auto s = states.find(lane);
          return s == states.end() ? State::None : s->second;
        };
        if (item && item->note_only) {
          h += fmt::format("<td class=\"note first\" colspan=\"{}\"><b>explain:</b> {}</td>", l.lanes.size() + 1,
                           esc(item->a->note));
          continue;
        }
        const Event* e = item ? &item->a->event : nullptr;
        const std::string target = e ? lane_of(*e) : "\x01";
        for (std::size_t k = 0; k < l.lanes.size(); ++k) {
          std::string cls = std::string("m ") + state_class(state_of(l.lanes[k]));
          if (k == 0) cls += " first";
          if (e && l.lanes[k] == target) {
            const auto [text, kcls] = marker(*e);
            std::string title = fmt::format("#{} {} {}", e->tick, kind_name(e->kind), e->subject);
            if (!e->detail.empty()) title += ": " + chomp(e->detail);
            if (!e->task.empty()) title += " (running: " + e->task + ")";
            h += fmt::format("<td class=\"{}\" data-lane=\"{}-{}\" title=\"{}\"><span class=\"{}\">{}</span></td>", cls,
                             r, k, esc(title), kcls, esc(text));
          } else {
            h += fmt::format("<td class=\"{}\" data-lane=\"{}-{}\"></td>", cls, r, k);
          }
        }
        if (e && e->kind == Kind::Output)
          h += "<td class=\"out\">" + esc(chomp(e->detail)) + "</td>";
        else if (e && e->kind == Kind::ErrorOutput)
          h += "<td class=\"out err\">" + esc(chomp(e->detail)) + "</td>";
        else
          h += "<td class=\"out\"></td>";
      }
      h += "</tr>\n";
    }
  }
  h += "<tr class=\"foot\">";
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const auto& run = runs[r];
    h += fmt::format("<td class=\"first{}\" colspan=\"{}\">exit status {}</td>", run.exit_code ? " err" : "",
                     layouts[r].lanes.size() + 1, run.exit_code);
  }
  h += "</tr>\n</tbody>\n</table>\n<script>" + std::string(kScript) + "</script>\n</body>\n</html>\n";
  return h;
}

}  // namespace asim::trace
