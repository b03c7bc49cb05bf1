// Interruptions and timing (Principles of Operation, chapter 6,
// "Interruptions", and chapter 4, "Timing").
#include <algorithm>
#include <limits>

#include "s370/cpu.h"

namespace s370 {

namespace {

// Permanent storage assignments (chapter 3, "Assigned Storage Locations").
struct Psa {
  u32 old_psw, new_psw;
};
constexpr Psa kPsa[kInterruptClasses] = {
    {0x08, 0x00},  // restart
    {0x18, 0x58},  // external
    {0x20, 0x60},  // supervisor call
    {0x28, 0x68},  // program
    {0x30, 0x70},  // machine check
    {0x38, 0x78},  // input/output
};
constexpr u32 kSvcCode = 0x88, kPgmCode = 0x8C, kExtCode = 0x86, kTea = 0x90;
constexpr u32 kPerCode = 0x96, kPerAddr = 0x98, kIoAddr = 0xBA;
constexpr u32 kIntervalTimer = 0x50;

// CR0 external-interruption subclass masks.
constexpr u32 kCr0EmergencySignal = 0x4000, kCr0ExternalCall = 0x2000,
              kCr0ClockComparator = 0x0800, kCr0CpuTimer = 0x0400,
              kCr0IntervalTimer = 0x0080, kCr0InterruptKey = 0x0040;

}  // namespace

namespace {
// The 8 bytes of an old PSW: in the BC mode the interruption code and, for
// program and SVC interruptions, the ILC are part of it.
u64 old_psw_bytes(const Psw& p, InterruptClass cls, u16 code, u8 ilc) {
  u64 old = p.to_u64();
  if (!p.ec) {
    old = (old & ~((u64{0xFFFF} << 32) | (u64{3} << 30))) | (u64{code} << 32);
    if (cls == InterruptClass::Program || cls == InterruptClass::Svc) old |= u64{ilc} << 30;
  }
  return old;
}
}  // namespace

void Cpu::deliver(InterruptClass cls, u16 code) {
  const int c = static_cast<int>(cls);
  const bool with_ilc = cls == InterruptClass::Program || cls == InterruptClass::Svc;
  // The old PSW from psw's fields one by one (psw holds no code or ILC):
  // a copy of the struct would read back, eight at a time, bytes that the
  // instruction has just stored one by one, a stalled forwarding.
  const u64 old = old_psw_bytes(psw, cls, code, ilc_);
  if (exit_[c]) {
    exit_info_ = Interruption{cls, code, with_ilc ? ilc_ : u8{0}, Psw::from_u64(old), trans_addr_};
    HostCall call(*this);
    if (host_.interruption(*this, exit_info_)) return;  // the host took it at once
    exit_due_ = true;
    force_service();
    return;
  }
  enter(cls, code, old);
}

void Cpu::reflect(const Interruption& x) {
  // The interruption an exit reported, now through the PSWs, with the old
  // PSW the host gives (CP puts the virtual problem bit back in it).
  ilc_ = x.ilc;
  enter(x.cls, x.code, old_psw_bytes(x.old_psw, x.cls, x.code, x.ilc));
}

void Cpu::enter(InterruptClass cls, u16 code, u64 old) {
  const int c = static_cast<int>(cls);
  if (psw.ec) {
    // EC mode: codes go to their own locations in the PSA.
    switch (cls) {
      case InterruptClass::Program:
        real_write32(RealAddr(kPgmCode), (u32{ilc_} << 17) | code);
        break;
      case InterruptClass::Svc:
        real_write32(RealAddr(kSvcCode), (u32{ilc_} << 17) | code);
        break;
      case InterruptClass::External:
        real_write16(RealAddr(kExtCode), code);
        break;
      case InterruptClass::Io:
        real_write16(RealAddr(kIoAddr), code);
        break;
      default:
        break;
    }
  }
  real_write64(RealAddr(kPsa[c].old_psw), old);
  ++interruptions_;
  load_psw(Psw::from_u64(real_read64(RealAddr(kPsa[c].new_psw))));
}

void Cpu::take_program(u16 code) {
  ++program_interruptions;
  // Segment- and page-translation exceptions nullify: the old PSW points at
  // the instruction so that it is executed again once the page is there.
  if (code == pgm::kSegmentTranslation || code == pgm::kPageTranslation) {
    psw.ia = (psw.ia - 2u * ilc_) & kAddrMask;
    if (psw.ec) real_write32(RealAddr(kTea), trans_addr_ & kAddrMask);
  }
  if (per_code_) {
    code |= pgm::kPerEvent;
    if (psw.ec) {
      real_write16(RealAddr(kPerCode), per_code_);
      real_write32(RealAddr(kPerAddr), per_addr_ & kAddrMask);
    }
    per_code_ = 0;
  }
  deliver(InterruptClass::Program, code);
}

void Cpu::supervisor_call(u8 number) { deliver(InterruptClass::Svc, number); }

// ---- Timing -----------------------------------------------------------------------

u64 Cpu::tod_clock() const { return (clock_.now_us(instructions()) + tod_offset_) << 12; }

u64 Cpu::tod_now() {
  // TOD clock (chapter 4, "Time-of-Day Clock"): bit 51 ticks every
  // microsecond; successive values are unique, so the low-order bits count
  // up when the clock has not ticked since the last read.
  u64 t = tod_clock();
  if (t <= tod_last_) t = tod_last_ + 1;
  tod_last_ = t;
  return t;
}

void Cpu::set_tod(u64 tod) {
  tod_offset_ = (tod >> 12) - clock_.now_us(instructions());
  tod_last_ = tod;
  tod_set = true;
  force_service();
}

i64 Cpu::cpu_timer() {
  u64 now = clock_.now_us(instructions());
  return cpu_timer_base_ - static_cast<i64>((now - cpu_timer_at_us_) << 12);
}

void Cpu::set_cpu_timer(i64 v) {
  cpu_timer_base_ = v;
  cpu_timer_at_us_ = clock_.now_us(instructions());
  force_service();
}

void Cpu::update_timers() {
  // The interval timer at X'50' (chapter 4, "Interval Timer"): bit 23 is
  // decremented 300 times a second, so bit 31 counts 76,800 times a second.
  const u64 now = clock_.now_us(instructions());
  if (now > itimer_at_us_) {
    u64 units = (now - itimer_at_us_) * 76800 + itimer_rem_;
    itimer_at_us_ = now;
    itimer_rem_ = units % 1000000;
    units /= 1000000;
    if (units) {
      const AbsAddr a = real_to_abs(RealAddr(kIntervalTimer));
      if (storage_.valid(AbsAddr(a.v + 3))) {
        u8* p = storage_.ptr_for_write(a);
        const i32 before = static_cast<i32>(load_be32(p));
        const i32 after = static_cast<i32>(static_cast<u32>(before) - static_cast<u32>(units));
        store_be32(p, static_cast<u32>(after));
        if (before >= 0 && after < 0) itimer_pending_ = true;
      }
    }
  }
}

bool Cpu::external_pending(u16* code) {
  // In priority order (chapter 6, "External Interruption").
  const u32 m = cr[0];
  if ((async_pending_ & kAsyncEmergency) && (m & kCr0EmergencySignal)) {
    async_pending_ &= ~kAsyncEmergency;
    *code = 0x1201;
    return true;
  }
  if ((async_pending_ & kAsyncExtCall) && (m & kCr0ExternalCall)) {
    async_pending_ &= ~kAsyncExtCall;
    *code = 0x1202;
    return true;
  }
  // The clock comparator and CPU timer conditions stay pending while they
  // hold; they are not reset by the interruption.
  if ((m & kCr0ClockComparator) && tod_clock() > ckc) {
    *code = 0x1004;
    return true;
  }
  if ((m & kCr0CpuTimer) && cpu_timer() < 0) {
    *code = 0x1005;
    return true;
  }
  if (itimer_pending_ && (m & kCr0IntervalTimer)) {
    itimer_pending_ = false;
    *code = 0x0080;
    return true;
  }
  if ((async_pending_ & kAsyncIntKey) && (m & kCr0InterruptKey)) {
    async_pending_ &= ~kAsyncIntKey;
    *code = 0x0040;
    return true;
  }
  return false;
}

u64 Cpu::next_event_us() {
  const u64 now = clock_.now_us(instructions());
  u64 next = std::numeric_limits<u64>::max();
  if (!psw.ext_enabled()) return next;
  const u32 m = cr[0];
  if (m & kCr0ClockComparator) {
    u64 t = (ckc >> 12) - tod_offset_ + 1;
    next = std::min(next, std::max(t, now));
  }
  if (m & kCr0CpuTimer) {
    i64 v = cpu_timer();
    next = std::min(next, v < 0 ? now : now + (static_cast<u64>(v) >> 12) + 1);
  }
  if (m & kCr0IntervalTimer) {
    const AbsAddr a = real_to_abs(RealAddr(kIntervalTimer));
    if (storage_.valid(AbsAddr(a.v + 3))) {
      const i32 v = static_cast<i32>(load_be32(storage_.ptr_for_read(a)));
      if (v >= 0) next = std::min(next, now + (static_cast<u64>(v) + 1) * 1000000 / 76800 + 1);
    }
  }
  return next;
}

bool Cpu::wait_is_disabled() const {
  // No interruption but a machine check or restart could end this wait.
  return psw.ec ? (psw.sysmask & (Psw::kEcIo | Psw::kExt)) == 0 : psw.sysmask == 0;
}

// ---- The instruction-boundary service -----------------------------------------

bool Cpu::service(RunResult& res) {
  // Between instructions nothing is restarted: a store the host makes
  // here (accepting an I/O interruption, taking one that exits) completes.
  HostCall call(*this);
  if (exit_due_) {
    exit_due_ = false;
    res.reason = StopReason::Exit;
    res.exit = exit_info_;
    return false;
  }
  const u32 a = async_.exchange(0, std::memory_order_acquire);
  async_pending_ |= a & ~(kAsyncStop | kAsyncService);
  if (a & kAsyncStop) {
    res.reason = StopReason::StopRequest;
    return false;
  }
  update_timers();
  // With the budget spent nothing more may happen in this run, except that
  // a wait state already in effect is reported as such.
  if (budget_left_ == 0 && !(psw.wait && !psw_invalid_ && !per_code_)) {
    res.reason = StopReason::Budget;
    return false;
  }
  if (per_code_) program_check(pgm::kPerEvent);
  if (psw_invalid_) {
    // A PSW with bits that must be zero set is recognized before the next
    // instruction is executed (chapter 4, "Exceptions Associated with the
    // PSW"); no instruction is in progress, so the ILC is zero.
    psw_invalid_ = false;
    ilc_ = 0;
    program_check(pgm::kSpecification);
  }
  // Pending interruptions, in priority order: external, I/O, restart. Each
  // one delivered may change the masks, so look again; each takes a unit of
  // the budget, so that a new PSW enabled for a condition that stays
  // pending (an interruption loop) cannot hold the Cpu here for ever.
  for (;;) {
    if (exit_due_) return service(res);
    if (budget_left_ == 0) {
      res.reason = StopReason::Budget;
      return false;
    }
    u16 code;
    u16 device;
    if (psw.ext_enabled() && external_pending(&code)) {
      deliver(InterruptClass::External, code);
    } else if (io_hint_ && !(psw.ec && !(psw.sysmask & Psw::kEcIo)) &&
               host_.accept_io_interrupt(*this, device)) {
      deliver(InterruptClass::Io, device);
    } else if (async_pending_ & kAsyncRestart) {
      async_pending_ &= ~kAsyncRestart;
      deliver(InterruptClass::Restart, 0);
    } else {
      break;
    }
    if (!exit_due_) --budget_left_;
  }
  if (psw.wait) {
    res.reason = wait_is_disabled() ? StopReason::DisabledWait : StopReason::EnabledWait;
    return false;
  }
  if (budget_left_ == 0) {
    res.reason = StopReason::Budget;
    return false;
  }
  const u64 n = std::min<u64>(budget_left_, per_ifetch_ ? 1 : kSlice);
  slice_ = countdown_ = static_cast<i64>(n);
  exact_psw_loads_ = budget_left_ < 2 * kSlice;
  if (per_ifetch_) {
    // PER instruction fetch: the next instruction is in the PER range.
    if (per_in_range(psw.ia)) {
      per_code_ |= 0x4000;
      per_addr_ = psw.ia;
    }
  }
  return true;
}

}  // namespace s370
