#include "model/trace/explain.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "model/trace/note_subjects.hpp"

namespace asim::trace {

namespace {

// "name='Task-2'" inside a Task repr; "" for anything else.
std::string task_name_in_repr(const std::string& repr) {
  const auto at = repr.find("name='");
  if (repr.rfind("<Task", 0) != 0 || at == std::string::npos) return "";
  const auto end = repr.find('\'', at + 6);
  return end == std::string::npos ? "" : repr.substr(at + 6, end - at - 6);
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// "all 3", "both", "the one"
std::string all_of(std::size_t n) { return n == 1 ? "the one" : n == 2 ? "both" : fmt::format("all {}", n); }

// What as_completed's set-up did: the events of the same step (same tick, same
// running task) just before its Note, back to the previous as_completed Note.
struct SetUp {
  std::vector<std::string> created;  // tasks it created for coroutines
  std::vector<std::string> watched;  // futures it added a completion callback to (task names)
  std::size_t watched_count = 0;
};

SetUp set_up_before(const std::vector<Event>& events, std::size_t index) {
  SetUp s;
  const Event& at = events[index];
  for (std::size_t i = index; i-- > 0;) {
    const Event& e = events[i];
    if (e.tick != at.tick || e.task != at.task) break;
    if (e.kind == Kind::TaskStep || e.kind == Kind::Output) break;
    if (e.kind == Kind::Note && e.subject.rfind("as_completed:", 0) == 0) break;
    if (e.kind == Kind::TaskCreated) s.created.push_back(e.subject);
    if (e.kind == Kind::CallbackAdded && e.detail.find("_completion") != std::string::npos) {
      ++s.watched_count;
      if (auto name = task_name_in_repr(e.subject); !name.empty()) s.watched.push_back(name);
    }
  }
  std::reverse(s.created.begin(), s.created.end());
  std::reverse(s.watched.begin(), s.watched.end());
  return s;
}

std::string created_text(const SetUp& s) {
  if (s.created.empty()) return "";
  return fmt::format("{} in new {} ({})", plural(s.created.size(), "coroutine", "coroutines"),
                     s.created.size() == 1 ? "task" : "tasks", join(s.created));
}

class Explainer {
 public:
  explicit Explainer(const std::vector<Event>& events) : events_(events) {}

  std::string note_for(std::size_t i) {
    const Event& e = events_[i];
    track(e);
    if (e.kind != Kind::Note) return "";
    if (e.subject == note::kAsCompletedGenerator)
      return "as_completed() returned a generator and ran none of its body: no task is wrapped or watched "
             "until the first next().";
    if (e.subject == note::kAsCompletedFirstNext) {
      const auto s = remember(set_up_before(events_, i));
      if (!s.created.empty())
        return fmt::format(
            "The tasks start now: only at the first next() does the generator body run; it wraps {} "
            "and watches {}.",
            created_text(s), all_of(s.watched_count));
      return fmt::format(
          "Only now, at the first next(), does the generator body run and start watching the {} "
          "(they were already scheduled when they were created).",
          plural(s.watched_count, "task", "tasks"));
    }
    if (e.subject == note::kAsCompletedIterator) {
      const auto s = remember(set_up_before(events_, i));
      if (!s.created.empty())
        return fmt::format(
            "3.13 starts at the call: it already wrapped {}, which start now, and watches {}, "
            "before any iteration (before 3.13: from the first next()).",
            created_text(s), all_of(s.watched_count));
      return fmt::format(
          "3.13 starts at the call: it is already watching the {}, before any iteration (before "
          "3.13 nothing happened until the first next()).",
          plural(s.watched_count, "task", "tasks"));
    }
    if (e.subject == note::kAsCompletedYieldCoroutine)
      return "The item just yielded is a coroutine (_wait_for_one), not one of the tasks and bound to no task: "
             "it has no result() or done(), and does nothing until it is awaited.";
    if (e.subject == note::kAsCompletedNextCoroutine)
      return "Plain iteration still yields a coroutine bound to no task, as before 3.13; only `async for` hands "
             "out the tasks themselves.";
    if (e.subject == note::kAsCompletedWait)
      return "This await takes whichever result comes next, not the result of a particular task: any item "
             "awaited now would get the same one.";
    if (e.subject == note::kAsCompletedTook) {
      const std::string how = finished_how(e.detail);
      const bool raised = how.rfind("exception=", 0) == 0;
      const bool cancelled = how == "cancelled";
      return fmt::format("The next to finish was {}, so this await gets its outcome{}.", e.detail,
                         raised      ? ": it raised, so the await raises the same exception"
                         : cancelled ? ": it was cancelled, so the await raises CancelledError"
                                     : "");
    }
    if (e.subject == note::kAsCompletedAnext) {
      if (e.detail.rfind("<", 0) == 0)
        return "`async for` hands out the finished Future itself, the very object that was passed in.";
      if (made_by_as_completed_.count(e.detail))
        return fmt::format(
            "`async for` hands out the Task itself ({}, already done): the task as_completed "
            "created for a coroutine that was passed in.",
            e.detail);
      return fmt::format(
          "`async for` hands out the Task itself ({}, already done), the very object that was "
          "passed in: call .result() or .exception() on it.",
          e.detail);
    }
    if (e.subject == note::kAsCompletedTimeout) {
      std::vector<std::string> running;
      for (const auto& name : watched_)
        if (!finished_.count(name)) running.push_back(name);
      if (running.empty())
        return "The timeout fired: every item still awaited raises TimeoutError. It cancels no task.";
      return fmt::format(
          "The timeout fired: every item still awaited raises TimeoutError, but it did not cancel "
          "the tasks: {} {} running.",
          join(running), running.size() == 1 ? "keeps" : "keep");
    }
    if (e.subject == note::kAsCompletedYieldFuture) {
      if (e.detail == "pending")
        return "What-if, not CPython: the item is a plain Future handed out at once. It is still pending, since "
               "nothing has run the loop yet, so item.result() raises InvalidStateError; only `await item` waits.";
      return "What-if, not CPython: the item is a plain Future handed out at once, already holding the next "
             "outcome to arrive.";
    }
    if (e.subject == note::kRunCancelLeftovers) {
      std::vector<std::string> cancelled;
      for (std::size_t j = i + 1; j < events_.size() && events_[j].tick == e.tick; ++j)
        if (events_[j].kind == Kind::TaskCancelRequested) cancelled.push_back(events_[j].subject);
      const bool one = cancelled.size() == 1;
      return fmt::format(
          "main() returned, so the run is over: asyncio.run cancels the {} still pending{}. {} "
          "CancelledError at its next step, so {} finally blocks run now.",
          one ? "task" : "tasks", cancelled.empty() ? "" : " (" + join(cancelled) + ")", one ? "It gets" : "Each gets",
          one ? "its" : "their");
    }
    return "";
  }

 private:
  void track(const Event& e) {
    if (e.kind == Kind::TaskFinished) {
      finished_.insert(e.subject);
      how_[e.subject] = e.detail;
    }
  }

  const SetUp& remember(const SetUp& s) {
    made_by_as_completed_.insert(s.created.begin(), s.created.end());
    for (const auto& name : s.watched)
      if (std::find(watched_.begin(), watched_.end(), name) == watched_.end()) watched_.push_back(name);
    return s;
  }

  std::string finished_how(const std::string& name) const {
    auto it = how_.find(name);
    return it == how_.end() ? "" : it->second;
  }

  const std::vector<Event>& events_;
  std::set<std::string> finished_;
  std::map<std::string, std::string> how_;
  std::set<std::string> made_by_as_completed_;
  std::vector<std::string> watched_;
};

}  // namespace

std::vector<Annotated> annotate(const std::vector<Event>& events, bool explain) {
  std::vector<Annotated> out;
  out.reserve(events.size());
  Explainer explainer(events);
  std::set<std::string> said;  // a note repeated word for word is said once
  for (std::size_t i = 0; i < events.size(); ++i) {
    std::string note = explain ? explainer.note_for(i) : std::string();
    if (!note.empty() && !said.insert(note).second) note.clear();
    out.push_back({events[i], std::move(note)});
  }
  return out;
}

}  // namespace asim::trace
