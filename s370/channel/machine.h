// A bare System/370: storage, one CPU, the channel subsystem and its
// devices, the event queue they share, and the clock. The machine loop runs
// the CPU up to the next device event, fires the events that are due, and
// in an enabled wait skips ahead to the next device or timer event. No
// threads: the CPU, the channels and the devices all run here.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "s370/channel/channel.h"
#include "s370/channel/events.h"
#include "s370/clock.h"
#include "s370/cpu.h"
#include "s370/storage.h"

namespace s370::io {

// Initial program loading (Principles, chapter 4, "Initial Program
// Loading") on a channel subsystem: the system reset of the I/O system and
// the CPU, the IPL channel program, the I/O address stored, the PSW at 0
// loaded. `idle(t)` lets machine time pass to t; `input()` waits for
// outside input when a device waits for it and returns false when none can
// come. Returns an empty string, or what went wrong in one line. The bare
// machine and CP's virtual machines both load this way.
std::string initial_program_load(ChannelSubsystem& channels, EventQueue& events, Cpu& cpu, Storage& storage,
                                 u16 address, const std::function<void(u64)>& idle,
                                 const std::function<bool()>& input);

class Machine {
 public:
  // A machine with `storage_bytes` of main storage (a multiple of 4K, at
  // most 16M) on the given clock (an InstructionClock by default).
  explicit Machine(u32 storage_bytes, std::unique_ptr<Clock> clock = nullptr);
  Machine(const Machine&) = delete;
  Machine& operator=(const Machine&) = delete;

  Storage& storage() { return storage_; }
  Cpu& cpu() { return cpu_; }
  ChannelSubsystem& channels() { return channels_; }
  EventQueue& events() { return events_; }
  Clock& clock() { return *clock_; }
  u64 now() { return clock_->now_us(cpu_.instructions()); }

  // Adds a device (throws DeviceError if its address is taken).
  Device& attach(std::unique_ptr<Device> device) { return channels_.add(std::move(device)); }

  // Initial program loading from the device at `address` (Principles,
  // chapter 4, "Initial Program Loading"): system reset, the IPL channel
  // program, the I/O address stored, the PSW at 0 loaded. Returns an empty
  // string, or what went wrong in one line.
  std::string ipl(u16 address);

  enum class Status { Wait, Limit, Stopped };
  // Runs until the CPU is in a wait nothing can end (a disabled wait, or an
  // enabled wait with no event to come), `max_instructions` are spent, or
  // stop() is called. On the deterministic clock each microsecond an
  // enabled wait skips counts as an instruction, so that a run always ends
  // (a wait for a channel program that loops for ever, a timer re-armed
  // for ever).
  Status run(u64 max_instructions);
  // Thread-safe: makes run() return at the next instruction boundary.
  void stop();

  // How the machine waits for outside input when the CPU is idle and a
  // device waits for input (a console read): called with a timeout in
  // milliseconds (-1: no limit); returns when input may have come.
  void set_input_wait(std::function<void(int timeout_ms)> wait) { input_wait_ = std::move(wait); }

  // Instructions per slice between looks at outside input.
  static constexpr u64 kSlice = 1u << 16;

 private:
  bool idle_until(u64 t);

  std::unique_ptr<Clock> clock_;
  Storage storage_;
  EventQueue events_;
  ChannelSubsystem channels_;
  Cpu cpu_;
  std::function<void(int)> input_wait_;
  // The current CPU slice ends at this time; an event scheduled earlier
  // (by an I/O instruction) cuts the slice short.
  u64 slice_end_ = 0;
  bool running_ = false;
  bool cut_ = false;
  std::atomic<bool> stop_{false};
};

}  // namespace s370::io
