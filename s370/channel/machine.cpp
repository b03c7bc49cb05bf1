// The machine loop and initial program loading.
#include "s370/channel/machine.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

namespace s370::io {

namespace {
std::string hex(u64 v, int digits) {
  char b[24];
  std::snprintf(b, sizeof b, "%0*llX", digits, static_cast<unsigned long long>(v));
  return b;
}
}  // namespace

Machine::Machine(u32 storage_bytes, std::unique_ptr<Clock> clock)
    : clock_(clock ? std::move(clock) : std::make_unique<InstructionClock>()),
      storage_(storage_bytes),
      channels_(storage_, events_, *clock_),
      cpu_(storage_, channels_, *clock_) {
  channels_.attach_cpu(cpu_);
  // An event scheduled before the end of the running slice (START I/O of a
  // short operation) ends the slice then, so that devices keep their time.
  events_.set_schedule_hook([this](u64 at) {
    if (running_ && at < slice_end_) {
      slice_end_ = at;
      cpu_.request_stop();
    }
  });
}

void Machine::stop() {
  stop_.store(true);
  cpu_.request_stop();
}

bool Machine::idle_until(u64 t) {
  if (t == EventQueue::kNever) {
    // Nothing is scheduled. If a device waits for outside input, wait for
    // it; otherwise nothing can ever end the wait.
    while (channels_.waiting_for_input() && input_wait_ && !stop_.load()) {
      input_wait_(-1);
      channels_.poll_devices();
      if (!events_.empty()) return true;
    }
    return false;
  }
  const u64 n = now();
  if (t <= n) return true;
  if (clock_->deterministic()) {
    // Machine time jumps to the event (an idle CPU costs nothing).
    clock_->idle_until(t, cpu_.instructions());
  } else {
    const u64 ms = std::min<u64>((t - n + 999) / 1000, 100);
    if (channels_.waiting_for_input() && input_wait_)
      input_wait_(static_cast<int>(ms));
    else
      std::this_thread::sleep_for(std::chrono::microseconds(std::min<u64>(t - n, 100000)));
  }
  return true;
}

Machine::Status Machine::run(u64 max_instructions) {
  u64 left = max_instructions;
  for (;;) {
    if (stop_.exchange(false)) return Status::Stopped;
    const u64 t0 = now();
    events_.run_due(t0);
    channels_.poll_devices();
    if (left == 0) return Status::Limit;
    u64 budget = std::min(left, kSlice);
    const u64 next = events_.next_time();
    if (next != EventQueue::kNever) budget = std::min(budget, next > t0 ? next - t0 : 1);
    slice_end_ = t0 + budget;
    running_ = true;
    const RunResult r = cpu_.run(budget);
    running_ = false;
    left -= std::min(left, r.executed + r.interruptions);
    switch (r.reason) {
      case StopReason::Budget:
        break;
      case StopReason::StopRequest:
        // Either stop() or a slice cut short for an event.
        if (stop_.exchange(false)) return Status::Stopped;
        break;
      case StopReason::DisabledWait:
        return Status::Wait;
      case StopReason::EnabledWait: {
        const u64 before = now();
        if (!idle_until(std::min(cpu_.next_event_us(), events_.next_time()))) return Status::Wait;
        if (clock_->deterministic()) left -= std::min(left, now() - before);
        break;
      }
      case StopReason::Exit:
        return Status::Stopped;
    }
  }
}

std::string initial_program_load(ChannelSubsystem& channels, EventQueue& events, Cpu& cpu, Storage& storage,
                                 u16 address, const std::function<void(u64)>& idle,
                                 const std::function<bool()>& input) {
  const std::string dev = hex(address, 3);
  if (!channels.find(address)) return "IPL device " + dev + " is not in the configuration";
  // System reset: the I/O system and the CPU (initial CPU reset).
  channels.reset();
  cpu.reset_initial();
  channels.start_ipl(address);
  while (channels.working(address)) {
    const u64 next = events.next_time();
    if (next == EventQueue::kNever) {
      if (channels.waiting_for_input() && input()) {
        channels.poll_devices();
        continue;
      }
      return "IPL from " + dev + " did not complete: the device waits for input";
    }
    idle(next);
    events.run_due(cpu.clock().now_us(cpu.instructions()));
  }
  Csw csw;
  if (!channels.take_final(address, csw)) return "IPL from " + dev + " ended without status";
  // The IPL completes normally only with channel end and device end alone.
  if (csw.unit != unit::kEnd || csw.chan != 0)
    return "IPL from " + dev + " failed: CSW " + hex(csw.raw(), 16) + " (unit status " + hex(csw.unit, 2) +
           ", channel status " + hex(csw.chan, 2) + ")";
  // The I/O address goes to bits 16-31 of the IPL PSW in BC mode, to real
  // locations 186-187 in EC mode (chapter 4, "Initial Program Loading").
  u8 psw[8];
  storage.read(AbsAddr(0), psw, 8);
  if (psw[1] & 0x08) {
    u8 id[4];
    store_be32(id, address);
    storage.write(AbsAddr(0xB8), id, 4);
  } else {
    store_be16(psw + 2, address);
    storage.write(AbsAddr(0), psw, 8);
  }
  cpu.load_psw(Psw::from_u64(load_be64(psw)));
  return "";
}

std::string Machine::ipl(u16 address) {
  return initial_program_load(
      channels_, events_, cpu_, storage_, address, [this](u64 t) { idle_until(t); },
      [this] {
        if (!input_wait_ || stop_.load()) return false;
        input_wait_(-1);
        return true;
      });
}

}  // namespace s370::io
