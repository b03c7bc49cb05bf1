// Time as the Cpu sees it. The TOD clock, the CPU timer, the clock
// comparator and the interval timer at X'50' all read one Clock, in
// microseconds (TOD bit 51). A running system uses the host's clock; tests
// use a clock driven by the instruction count, so a timer program gives the
// same result on every run.
#pragma once

#include <chrono>

#include "s370/types.h"

namespace s370 {

class Clock {
 public:
  virtual ~Clock() = default;
  // Microseconds since 1900-01-01 00:00 (the TOD epoch), given how many
  // instructions the Cpu has executed so far.
  virtual u64 now_us(u64 instructions) = 0;
  // The Cpu is in an enabled wait until `us` (an absolute now_us value).
  // A deterministic clock jumps there; the host clock lets time pass by
  // itself, so it does nothing.
  virtual void idle_until(u64 /*us*/, u64 /*instructions*/) {}
  virtual bool deterministic() const { return false; }
};

// Seconds from 1900-01-01 to 1970-01-01.
inline constexpr u64 kEpoch1900To1970 = 2208988800ull;

class HostClock final : public Clock {
 public:
  u64 now_us(u64) override {
    auto t = std::chrono::system_clock::now().time_since_epoch();
    return kEpoch1900To1970 * 1000000ull +
           static_cast<u64>(std::chrono::duration_cast<std::chrono::microseconds>(t).count());
  }
};

// One microsecond per instruction, from a fixed start (2000-01-01), plus
// the time skipped in enabled waits.
class InstructionClock final : public Clock {
 public:
  static constexpr u64 kStart = (kEpoch1900To1970 + 946684800ull) * 1000000ull;
  u64 now_us(u64 instructions) override { return kStart + instructions + skipped_; }
  void idle_until(u64 us, u64 instructions) override {
    u64 now = now_us(instructions);
    if (us > now) skipped_ += us - now;
  }
  bool deterministic() const override { return true; }
  // The time skipped in waits so far, for a saved machine to carry on.
  u64 skipped() const { return skipped_; }
  void set_skipped(u64 us) { skipped_ = us; }

 private:
  u64 skipped_ = 0;
};

}  // namespace s370
