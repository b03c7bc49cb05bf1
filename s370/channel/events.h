// Events in machine time, SIMH-style: a device operation that takes time is
// an event scheduled at an absolute time (microseconds on the machine's
// Clock). The machine runs the CPU up to the next event and then fires
// every event that is due. No threads: everything runs on the CPU thread.
#pragma once

#include <functional>
#include <limits>
#include <map>
#include <utility>

#include "s370/types.h"

namespace s370::io {

class EventQueue {
 public:
  using Id = u64;
  static constexpr u64 kNever = std::numeric_limits<u64>::max();

  // Schedules fn at absolute time `at`; events due at the same time fire in
  // the order they were scheduled.
  Id schedule(u64 at, std::function<void()> fn) {
    const Id id = ++last_;
    queue_.emplace(Key{at, id}, std::move(fn));
    when_.emplace(id, at);
    if (hook_) hook_(at);
    return id;
  }
  // Called with the time of every event scheduled: the machine uses it to
  // end a CPU slice early when an I/O instruction schedules an event sooner.
  void set_schedule_hook(std::function<void(u64)> hook) { hook_ = std::move(hook); }
  // Cancels an event that has not fired; harmless for any other id.
  void cancel(Id id) {
    auto w = when_.find(id);
    if (w == when_.end()) return;
    queue_.erase(Key{w->second, id});
    when_.erase(w);
  }
  bool scheduled(Id id) const { return when_.count(id) != 0; }
  // Time of the earliest event, or kNever.
  u64 next_time() const { return queue_.empty() ? kNever : queue_.begin()->first.at; }
  bool empty() const { return queue_.empty(); }
  // Fires every event due at or before `now`, including events that those
  // events schedule for a time already due. Returns how many fired.
  int run_due(u64 now) {
    int n = 0;
    while (!queue_.empty() && queue_.begin()->first.at <= now) {
      auto it = queue_.begin();
      std::function<void()> fn = std::move(it->second);
      when_.erase(it->first.id);
      queue_.erase(it);
      fn();
      ++n;
    }
    return n;
  }
  void clear() {
    queue_.clear();
    when_.clear();
  }

 private:
  struct Key {
    u64 at;
    Id id;
    bool operator<(const Key& o) const { return at != o.at ? at < o.at : id < o.id; }
  };
  std::map<Key, std::function<void()>> queue_;
  std::map<Id, u64> when_;
  Id last_ = 0;
  std::function<void(u64)> hook_;
};

}  // namespace s370::io
