// The dispatcher (dispatcher.h; docs/CP.md, "Dispatcher").
#include "cp/dispatcher.h"

#include <chrono>
#include <limits>

namespace cp {

using s370::RunResult;
using s370::StopReason;

Dispatcher::Dispatcher(unsigned threads, u64 slice) : slice_(slice ? slice : 1) {
  if (threads == 0) threads = 1;
  for (unsigned i = 0; i < threads; i++) threads_.emplace_back([this] { worker(); });
}

Dispatcher::~Dispatcher() {
  {
    std::lock_guard<std::mutex> lk(mu_);
    quit_ = true;
    for (auto& e : vms_)
      if (e->st.state == State::Running) e->vm->request_stop();
  }
  cv_.notify_all();
  changed_.notify_all();
  for (auto& t : threads_) t.join();
}

Dispatcher::Id Dispatcher::add(std::shared_ptr<VirtualMachine> vm, s370::Clock& clock, bool runnable) {
  std::lock_guard<std::mutex> lk(mu_);
  auto e = std::make_unique<Entry>();
  e->vm = std::move(vm);
  e->clock = &clock;
  // A newcomer starts level with the least served, not at zero, so that it
  // does not take the workers for itself until it has caught up.
  u64 least = std::numeric_limits<u64>::max();
  for (auto& x : vms_)
    if (x->st.state == State::Runnable || x->st.state == State::Running) least = std::min(least, x->st.instructions);
  e->st.instructions = least == std::numeric_limits<u64>::max() ? 0 : least;
  if (!runnable) {
    e->st.state = State::Stopped;
    e->vm->freeze_cpu_timer();
  }
  vms_.push_back(std::move(e));
  cv_.notify_one();
  return vms_.size() - 1;
}

void Dispatcher::wake(Id id) {
  std::lock_guard<std::mutex> lk(mu_);
  if (id >= vms_.size()) return;
  Entry& e = *vms_[id];
  if (e.st.state == State::Waiting) {
    e.st.state = State::Runnable;
    cv_.notify_one();
  } else if (e.st.state == State::Running) {
    e.wake_pending = true;
  }
}

void Dispatcher::remove(Id id) {
  std::shared_ptr<VirtualMachine> gone;
  {
    std::unique_lock<std::mutex> lk(mu_);
    if (id >= vms_.size()) return;
    Entry& e = *vms_[id];
    halt(lk, e);
    e.st.state = State::Removed;
    e.stop_requested = false;
    gone = std::move(e.vm);
  }
  // The machine is destroyed (if CP holds no other reference) outside the
  // lock: closing its devices may take a while.
  gone.reset();
}

bool Dispatcher::stop(Id id) {
  std::unique_lock<std::mutex> lk(mu_);
  if (id >= vms_.size()) return false;
  Entry& e = *vms_[id];
  const bool was =
      e.st.state == State::Runnable || e.st.state == State::Running || e.st.state == State::Waiting;
  halt(lk, e);
  if (e.st.state == State::Removed) return false;
  // Its slice may have ended meanwhile in a disabled wait or a hold: not
  // to be started again by the caller.
  const bool active = was && !e.held && e.st.state != State::Ended;
  if (e.st.state != State::Ended) {
    e.st.state = State::Stopped;
    e.vm->freeze_cpu_timer();
  }
  e.stop_requested = false;
  return active;
}

void Dispatcher::start(Id id) {
  std::lock_guard<std::mutex> lk(mu_);
  if (id >= vms_.size()) return;
  Entry& e = *vms_[id];
  if (e.held) return;
  if (e.st.state == State::Stopped || e.st.state == State::Ended) {
    e.st.state = State::Runnable;
    cv_.notify_one();
  }
}

void Dispatcher::resume(Id id) {
  {
    std::lock_guard<std::mutex> lk(mu_);
    if (id >= vms_.size()) return;
    vms_[id]->held = false;
  }
  start(id);
}

void Dispatcher::cancel_hold(Id id) {
  std::lock_guard<std::mutex> lk(mu_);
  if (id < vms_.size()) vms_[id]->held = false;
}

bool Dispatcher::held(Id id) {
  std::lock_guard<std::mutex> lk(mu_);
  return id < vms_.size() && vms_[id]->held;
}

// Asks a machine's worker to let go of it and waits until none runs it
// (stop() and remove()); the caller holds `lk` and clears stop_requested.
void Dispatcher::halt(std::unique_lock<std::mutex>& lk, Entry& e) {
  e.stop_requested = true;
  if (e.st.state == State::Running) e.vm->request_stop();
  changed_.wait(lk, [&] { return e.st.state != State::Running; });
}

Dispatcher::Status Dispatcher::status(Id id) {
  std::lock_guard<std::mutex> lk(mu_);
  return id < vms_.size() ? vms_[id]->st : Status{};
}

std::vector<Dispatcher::Status> Dispatcher::snapshot() {
  std::lock_guard<std::mutex> lk(mu_);
  std::vector<Status> out;
  for (auto& e : vms_) out.push_back(e->st);
  return out;
}

bool Dispatcher::wait_quiet(unsigned ms) {
  std::unique_lock<std::mutex> lk(mu_);
  return changed_.wait_for(lk, std::chrono::milliseconds(ms), [&] {
    for (auto& e : vms_)
      if (e->st.state == State::Runnable || e->st.state == State::Running) return false;
    return true;
  });
}

long Dispatcher::pick() {
  long best = -1;
  for (std::size_t i = 0; i < vms_.size(); i++) {
    const Entry& e = *vms_[i];
    if (e.st.state != State::Runnable) continue;
    if (best < 0 || e.st.instructions < vms_[static_cast<std::size_t>(best)]->st.instructions)
      best = static_cast<long>(i);
  }
  return best;
}

void Dispatcher::worker() {
  std::unique_lock<std::mutex> lk(mu_);
  while (!quit_) {
    // Parked machines whose timer is due are runnable again; the earliest
    // timer still ahead bounds this worker's sleep.
    u64 sleep_us = std::numeric_limits<u64>::max();
    for (auto& e : vms_) {
      if (e->st.state != State::Waiting || e->wake_at_us == 0 || !e->vm) continue;
      const u64 now = e->clock->now_us(e->vm->cpu().instructions());
      if (e->wake_at_us <= now)
        e->st.state = State::Runnable;
      else
        sleep_us = std::min(sleep_us, e->wake_at_us - now);
    }
    const long i = pick();
    if (i < 0) {
      // Nothing to run: sleep, costing no host CPU, until a timer is due
      // or someone adds, wakes or starts a machine.
      if (sleep_us == std::numeric_limits<u64>::max())
        cv_.wait(lk);
      else
        cv_.wait_for(lk, std::chrono::microseconds(sleep_us));
      continue;
    }
    Entry& e = *vms_[static_cast<std::size_t>(i)];
    e.st.state = State::Running;
    e.wake_pending = false;
    lk.unlock();
    e.vm->thaw_cpu_timer();
    const RunResult r = e.vm->run(slice_);
    const u64 traps = e.vm->counters().traps;
    const u32 priv = e.vm->storage().private_frames(), shared = e.vm->storage().shared_frames();
    lk.lock();
    e.st.traps = traps;
    e.st.private_frames = priv;
    e.st.shared_frames = shared;
    e.st.slices++;
    e.st.instructions += r.executed + r.interruptions;
    bool ended = false, held = false;
    if (e.vm->take_hold()) {
      // The machine asked CP for a service: stopped until CP answers. (A
      // stop asked for in the same slice finds it stopped; the hold must
      // not be lost to it, or the next start would run the machine past
      // the instruction CP has not completed.)
      e.st.state = State::Stopped;
      e.held = held = true;
    } else if (e.stop_requested || quit_) {
      e.st.state = State::Stopped;
    } else if (r.reason == StopReason::StopRequest) {
      // A stop asked for after its slice had ended, and since undone.
      e.st.state = State::Runnable;
    } else if (r.reason == StopReason::DisabledWait) {
      e.st.state = State::Ended;
      ended = true;
    } else if (r.reason == StopReason::EnabledWait) {
      const u64 t = e.vm->next_event_us();
      if (e.clock->deterministic() && t != std::numeric_limits<u64>::max()) {
        // Instruction time: the wait is skipped at once.
        e.clock->idle_until(t, e.vm->cpu().instructions());
        e.st.state = State::Runnable;
      } else if (e.wake_pending) {
        e.st.state = State::Runnable;
      } else {
        e.st.state = State::Waiting;
        e.wake_at_us = t == std::numeric_limits<u64>::max() ? 0 : t;
      }
    } else {
      e.st.state = State::Runnable;
    }
    // Off a worker while ready to run (or stopped): its CPU timer stands
    // still until it runs again.
    if (e.st.state == State::Runnable || e.st.state == State::Stopped) e.vm->freeze_cpu_timer();
    changed_.notify_all();
    if (held && on_hold) {
      const Id id = static_cast<Id>(i);
      lk.unlock();
      on_hold(id);
      lk.lock();
    }
    if (ended && on_end) {
      const s370::Psw psw = e.vm->psw();
      const Id id = static_cast<Id>(i);
      lk.unlock();
      on_end(id, psw);
      lk.lock();
    }
  }
}

}  // namespace cp
