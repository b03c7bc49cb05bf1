// Trap and emulate: the run loop of a virtual machine (docs/CP.md).
#include "cp/virtual_machine.h"

#include <chrono>
#if defined(__x86_64__)
#include <x86intrin.h>
#endif
#include <cstdio>

#include "s370/disasm.h"

#include <algorithm>

#include "s370/channel/machine.h"
#include "s370/opcodes.h"

namespace cp {

using s370::Interruption;
using s370::InterruptClass;
using s370::Psw;
using s370::RunResult;
using s370::StopReason;

namespace {

constexpr InterruptClass kClasses[] = {InterruptClass::Restart, InterruptClass::External,
                                       InterruptClass::Svc,     InterruptClass::Program,
                                       InterruptClass::MachineCheck, InterruptClass::Io};

const char* class_name(InterruptClass c) {
  switch (c) {
    case InterruptClass::Restart: return "RESTART";
    case InterruptClass::External: return "EXTERNAL";
    case InterruptClass::Svc: return "SVC";
    case InterruptClass::Program: return "PROGRAM";
    case InterruptClass::MachineCheck: return "MACHINECHECK";
    case InterruptClass::Io: return "IO";
  }
  return "?";
}

}  // namespace

VirtualMachine::VirtualMachine(u32 storage_bytes, s370::Clock& clock)
    : storage_(storage_bytes),
      channels_(storage_, events_, clock),
      cpu_(storage_, *this, clock),
      io_rows_{s370::lookup("SIO"), s370::lookup("SIOF"), s370::lookup("TIO"),
               s370::lookup("CLRIO"), s370::lookup("HIO"), s370::lookup("HDV")},
      tch_(s370::lookup("TCH")),
      clrch_(s370::lookup("CLRCH")),
      stidc_(s370::lookup("STIDC")),
      diag_(s370::lookup("DIAG")) {
  counters_.by_insn.assign(s370::opcode_table().size(), 0);
  counters_.ticks_by_insn.assign(s370::opcode_table().size(), 0);
  channels_.attach_cpu(cpu_);
  events_.set_schedule_hook([this](u64 at) {
    if (running_ && at < slice_end_) {
      slice_end_ = at;
      cpu_.request_stop();
    }
  });
}

std::string VirtualMachine::ipl(u16 address) {
  s370::Clock& clock = cpu_.clock();
  return s370::io::initial_program_load(
      channels_, events_, cpu_, storage_, address,
      [&](u64 t) {
        if (clock.deterministic()) clock.idle_until(t, cpu_.instructions());
      },
      [] { return false; });
}

u64 VirtualMachine::next_event_us() { return std::min(cpu_.next_event_us(), events_.next_time()); }

u64 host_ticks() {
#if defined(__x86_64__)
  return __rdtsc();
#else
  return static_cast<u64>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                              std::chrono::steady_clock::now().time_since_epoch())
                              .count());
#endif
}

double ticks_per_second() {
#if defined(__x86_64__)
  // Measured once against the steady clock (a constant of the host, like
  // its page size): 20 ms give the rate to a few parts in ten thousand.
  static const double hz = [] {
    const auto c0 = std::chrono::steady_clock::now();
    const u64 t0 = __rdtsc();
    while (std::chrono::steady_clock::now() - c0 < std::chrono::milliseconds(20)) {
    }
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - c0).count();
    return static_cast<double>(__rdtsc() - t0) / s;
  }();
  return hz;
#else
  return 1e9;
#endif
}

u64 Counters::ticks() const {
  u64 t = ticks_other;
  for (u64 x : ticks_by_insn) t += x;
  for (u64 x : ticks_by_class) t += x;
  return t;
}

std::map<std::string, double> Counters::seconds_by_cause() const {
  std::map<std::string, double> m;
  const double hz = ticks_per_second();
  const auto table = s370::opcode_table();
  for (std::size_t i = 0; i < ticks_by_insn.size() && i < table.size(); i++)
    if (ticks_by_insn[i]) m[std::string(table[i].mnemonic)] += static_cast<double>(ticks_by_insn[i]) / hz;
  for (int c = 0; c < s370::kInterruptClasses; c++)
    if (ticks_by_class[c]) m[class_name(static_cast<InterruptClass>(c))] += static_cast<double>(ticks_by_class[c]) / hz;
  if (ticks_other) m["CP"] += static_cast<double>(ticks_other) / hz;
  return m;
}

std::map<std::string, u64> Counters::by_cause() const {
  std::map<std::string, u64> m;
  const auto table = s370::opcode_table();
  for (std::size_t i = 0; i < by_insn.size() && i < table.size(); i++)
    if (by_insn[i]) m[std::string(table[i].mnemonic)] += by_insn[i];
  for (int c = 0; c < s370::kInterruptClasses; c++)
    if (by_class[c]) m[class_name(static_cast<InterruptClass>(c))] += by_class[c];
  if (unknown) m["?"] += unknown;
  return m;
}

void VirtualMachine::enter_guest() {
  const bool off = assist_ == Assist::Off;
  for (InterruptClass c : kClasses) cpu_.set_exit(c, off);
  in_guest_ = true;
  take_virtual_psw();
}

void VirtualMachine::take_virtual_psw() {
  vproblem_ = cpu_.psw.problem;
  if (assist_ == Assist::Off && !vproblem_) {
    // The guest runs in the real problem state: its privileged
    // instructions trap.
    Psw p = cpu_.psw;
    p.problem = true;
    cpu_.load_psw(p);
  }
}

void VirtualMachine::leave_guest() {
  if (!in_guest_) return;
  in_guest_ = false;
  // With the assist on the Cpu's PSW is the virtual one all along.
  if (assist_ == Assist::Off && cpu_.psw.problem != vproblem_) {
    Psw p = cpu_.psw;
    p.problem = vproblem_;
    cpu_.load_psw(p);
  }
  for (InterruptClass c : kClasses) cpu_.set_exit(c, false);
}

RunResult VirtualMachine::run(u64 budget) {
  RunResult total;
  const u64 i0 = cpu_.instructions(), n0 = cpu_.interruptions_taken(), e0 = emulated_;
  // What the guest has used: its instructions (a trapped one once) and
  // the interruptions it took, as the bare machine counts them.
  auto used = [&] { return (cpu_.instructions() - i0) + (cpu_.interruptions_taken() - n0); };
  s370::Clock& clock = cpu_.clock();
  auto now = [&] { return clock.now_us(cpu_.instructions()); };
  enter_guest();
  for (;;) {
    if (stop_.exchange(false)) {
      total.reason = StopReason::StopRequest;
      break;
    }
    // The devices' events that are due, then the Cpu up to the next one
    // (as the bare machine does, s370/channel/machine.cpp).
    const u64 t0 = now();
    events_.run_due(t0);
    channels_.poll_devices();
    const u64 u = used();
    if (u >= budget) {
      total.reason = StopReason::Budget;
      break;
    }
    u64 slice = budget - u;
    const u64 next = events_.next_time();
    if (next != s370::io::EventQueue::kNever) slice = std::min(slice, next > t0 ? next - t0 : 1);
    u32 step_ia = 0;
    if (stepping()) {
      // ADSTOP and instruction tracing: one instruction at a time, each
      // looked at before it runs.
      step_ia = cpu_.psw.ia;
      if (adstop_ && step_ia == *adstop_ && !cpu_.psw.wait) {
        adstop_.reset();
        adstop_hit_ = true;
        assist_ = user_assist_;
        hold();
        continue;  // the stop request ends the run at the top
      }
      if (trace_.instruct && !cpu_.psw.wait) trace_insn(step_ia, "");
      slice = 1;
    }
    slice_end_ = t0 + slice;
    running_ = true;
    const RunResult r = cpu_.run(slice);
    running_ = false;
    if (trace_.branch && r.reason != StopReason::Exit && r.interruptions == 0 && r.executed == 1 && !cpu_.psw.wait) {
      // A branch taken: the next instruction is not the one after it.
      const u32 len = static_cast<u32>(s370::insn_length(peek(step_ia)));
      if (cpu_.psw.ia != ((step_ia + len) & s370::kAddrMask)) trace_insn(step_ia, " ==> " + hex6(cpu_.psw.ia));
    }
    if (r.reason == StopReason::Exit) {
      const Interruption& x = r.exit;
      if (x.cls == InterruptClass::Program && (x.code & 0x7F) == s370::pgm::kPrivilegedOperation && !vproblem_) {
        // A semi-privileged instruction (SPKA, IPK, MVCK) that found the
        // problem state short of authority: CP performs it (the privileged
        // ones come in through privileged()).
        emulate(x);
      } else {
        reflect(x);
      }
      continue;
    }
    if (r.reason == StopReason::Budget || r.reason == StopReason::StopRequest) continue;  // (a cut slice)
    if (r.reason == StopReason::EnabledWait && events_.next_time() != s370::io::EventQueue::kNever &&
        clock.deterministic()) {
      // A device will end the wait: machine time jumps to whichever comes
      // first, that or a timer.
      clock.idle_until(next_event_us(), cpu_.instructions());
      continue;
    }
    total.reason = r.reason;
    break;
  }
  leave_guest();
  total.executed = cpu_.instructions() - i0;
  total.interruptions = cpu_.interruptions_taken() - n0;
  counters_.direct += total.executed - (emulated_ - e0);
  return total;
}

const s370::OpInfo* VirtualMachine::instruction_at(const Psw& old, u8 ilc) {
  // The instruction that trapped, read as the Cpu would fetch it (DAT,
  // prefixing); under EXECUTE, its target with R1's bits ORed in.
  auto fetch = [&](u32 a, u8* out) {
    s370::RealAddr r(a);
    if (cpu_.psw.dat() && cpu_.dat(s370::VirtAddr(a), &r, false) != 0) return false;
    const s370::AbsAddr abs = cpu_.real_to_abs(r);
    return storage_.valid(s370::AbsAddr(abs.v + 5)) && storage_.read(abs, out, 6);
  };
  u8 ib[6];
  if (!fetch((old.ia - 2u * ilc) & s370::kAddrMask, ib)) return nullptr;
  if (ib[0] == 0x44) {  // EX: X2, B2, D2 give the target
    const u32 x = ib[1] & 0xF, b = ib[2] >> 4, d = ((ib[2] & 0xF) << 8) | ib[3];
    const u32 t = (d + (x ? cpu_.gpr[x] : 0) + (b ? cpu_.gpr[b] : 0)) & s370::kAddrMask;
    const u32 r1 = ib[1] >> 4;
    if (!fetch(t, ib)) return nullptr;
    if (r1) ib[1] |= static_cast<u8>(cpu_.gpr[r1]);
  }
  return s370::lookup(ib);
}

void VirtualMachine::emulate(const Interruption& trap) {
  // The guest is in its virtual supervisor state: CP performs the
  // instruction on the virtual machine. It does so by executing it once
  // more with the Cpu in the supervisor state over the guest's own state
  // (storage, registers, control registers, timers: all the guest's), so
  // the emulation is the architecture's, written once in the handlers;
  // its I/O and DIAGNOSE come back here through s370::Host.
  const Sample t0 = sample_start();
  const s370::OpInfo* row = instruction_at(trap.old_psw, trap.ilc);
  count(row);
  ++emulated_;
  cpu_.discount_instructions(1);  // the attempt that trapped does not count
  Psw p = trap.old_psw;
  p.problem = false;
  p.ia = (p.ia - 2u * trap.ilc) & s370::kAddrMask;
  p.intcode = 0;
  p.ilc = 0;
  cpu_.load_psw(p);
  emulating_ = true;
  const RunResult r = cpu_.run(1);
  emulating_ = false;
  if (r.reason == StopReason::Exit) {
    // A program check of the emulated instruction (or an interruption
    // its new masks let in): to the guest, with the virtual bit.
    vproblem_ = cpu_.psw.problem;
    reflect(r.exit);
    return;
  }
  // The instruction may have changed the PSW (LPSW, SSM...): its problem
  // bit is the virtual one from now on.
  take_virtual_psw();
  add_time(row, t0);
}

bool VirtualMachine::privileged(s370::Cpu& cpu, const u8* ip) {
  if (trace_.priv && in_guest_ && !vproblem_ && assist_ == Assist::Off) {
    char b[96];
    std::snprintf(b, sizeof b, "*** PRIV AT %06X  %s", (cpu.psw.ia - static_cast<u32>(s370::insn_length(ip[0]))) & s370::kAddrMask,
                  s370::disassemble(ip).c_str());
    trace_line(b);
  }
  // The trap of a privileged instruction (assist off). In the virtual
  // problem state it is the guest's own privileged-operation exception:
  // declined, so the Cpu takes it, and it exits to be reflected. In the
  // virtual supervisor state CP performs it here, on the guest's state,
  // with the supervisor-state handler of the opcode table (the semantics
  // written once, the architecture's), and the guest goes on: the trap
  // does not leave the Cpu's run loop, as on VM/370 CP's program-check
  // handler returned to the guest by LPSW.
  if (!in_guest_ || vproblem_ || assist_ != Assist::Off) return false;
  const Sample t0 = sample_start();
  const s370::OpInfo* row = s370::lookup(ip);
  count(row);
  ++emulated_;
  // The handlers of X'B2xx', X'E5xx' and the bit-15 pairs pick their
  // second-level table by the problem bit: it is off while CP performs
  // the instruction, as the virtual PSW says.
  cpu.psw.problem = false;
  emulating_ = true;
  try {
    s370::dispatch_tables().supervisor[ip[0]](cpu, ip);
  } catch (...) {
    // A program exception of the instruction: taken in the virtual
    // supervisor state (the old PSW shows it), then reflected.
    emulating_ = false;
    throw;
  }
  emulating_ = false;
  // The instruction may have loaded a PSW (LPSW, SSM...): its problem
  // bit is the virtual one. The guest goes on in the real problem state.
  take_virtual_psw();
  add_time(row, t0);
  return true;
}

bool VirtualMachine::interruption(s370::Cpu&, const Interruption& x) {
  // Every interruption of the guest comes to CP (assist off), which
  // reflects it through the guest's PSWs without the Cpu's run loop being
  // left. Except: the privileged-operation exception of a semi-privileged
  // instruction in the virtual supervisor state, which CP must perform,
  // and that needs the instruction run again: it leaves as an exit.
  // While CP performs an instruction the virtual problem bit is not yet
  // settled: an interruption then leaves as an exit, reflected after.
  if (!in_guest_ || emulating_) return false;
  if (x.cls == InterruptClass::Program && (x.code & 0x7F) == s370::pgm::kPrivilegedOperation && !vproblem_)
    return false;
  reflect(x);
  return true;
}

void VirtualMachine::reflect(Interruption x) {
  // Reflection (docs/CP.md): the interruption goes through the guest's own
  // old and new PSWs at its own prefix, with the architected codes and
  // ILC; the old PSW carries the virtual problem bit.
  const Sample t0 = sample_start();
  count(x.cls);
  x.old_psw.problem = vproblem_;
  const bool traced = (x.cls == InterruptClass::Svc && trace_.svc) ||
                      (x.cls == InterruptClass::Program && trace_.program) ||
                      (x.cls == InterruptClass::External && trace_.external) ||
                      (x.cls == InterruptClass::Io && trace_.io);
  cpu_.reflect(x);
  if (traced) {
    static const char* const names[] = {"RSTR", "EXT", "SVC", "PROG", "MCHK", "I/O"};
    const int c = static_cast<int>(x.cls);
    char b[128];
    const u64 o = x.old_psw.to_u64(), n = cpu_.psw.to_u64();
    std::snprintf(b, sizeof b, "*** %-4s %04X  AT %06X  OLD %08X %08X  NEW %08X %08X",
                  c >= 0 && c < 6 ? names[c] : "INT", x.code, x.old_psw.ia, static_cast<u32>(o >> 32),
                  static_cast<u32>(o), static_cast<u32>(n >> 32), static_cast<u32>(n));
    trace_line(b);
  }
  take_virtual_psw();
  if (t0.t0) counters_.ticks_by_class[static_cast<int>(x.cls)] += (host_ticks() - t0.t0) * t0.weight;
}

u8 VirtualMachine::peek(u32 real) {
  const s370::AbsAddr a = cpu_.real_to_abs(s370::RealAddr(real & s370::kAddrMask));
  if (!storage_.valid(a)) return 0;
  const u8* f = storage_.frame_if_present(a.v >> s370::Storage::kFrameShift);
  return f ? f[a.v & (s370::Storage::kFrameSize - 1)] : 0;
}

std::string VirtualMachine::hex6(u32 v) {
  char b[16];
  std::snprintf(b, sizeof b, "%06X", v & s370::kAddrMask);
  return b;
}

// One traced instruction, disassembled (real addresses: with the guest's
// DAT on, the instruction address is virtual and shown as such).
void VirtualMachine::trace_insn(u32 ia, const std::string& tail) {
  u8 ip[6];
  for (int i = 0; i < 6; i++) ip[i] = cpu_.psw.dat() ? 0 : peek(ia + static_cast<u32>(i));
  std::string text = cpu_.psw.dat() ? "(DAT on)" : s370::disassemble(ip);
  const int len = s370::insn_length(ip[0]);
  char hex[16] = {};
  int n = 0;
  for (int i = 0; i < len && !cpu_.psw.dat(); i++) n += std::snprintf(hex + n, sizeof hex - static_cast<std::size_t>(n), "%02X", ip[i]);
  char b[160];
  std::snprintf(b, sizeof b, "*** %06X  %-12s %s%s", ia, hex, text.c_str(), tail.c_str());
  trace_line(b);
}

void VirtualMachine::set_trace(const TraceSet& t, std::function<void(const std::string&)> out) {
  const bool was = trace_.any() || adstop_;
  if (!was) user_assist_ = assist_;
  trace_ = t;
  trace_out_ = std::move(out);
  assist_ = trace_.any() || adstop_ ? Assist::Off : user_assist_;
}

void VirtualMachine::set_adstop(std::optional<u32> address) {
  const bool was = trace_.any() || adstop_;
  if (!was) user_assist_ = assist_;
  adstop_ = address;
  if (adstop_) *adstop_ &= s370::kAddrMask;
  assist_ = trace_.any() || adstop_ ? Assist::Off : user_assist_;
}

// ---- The guest's channel subsystem and DIAGNOSE --------------------------------
// No devices yet: every device and channel is not operational (cc 3), as on
// the bare machine without channels. With the assist on these are the
// traps (the Cpu leaves the guest's instruction stream for CP here).

// ---- The guest's channel subsystem --------------------------------------------
// The I/O instructions go to the machine's own channel subsystem. With the
// assist on these calls are the traps (the Cpu leaves the guest's
// instruction stream for CP here); with it off the instruction has trapped
// already.

int VirtualMachine::io_instruction(s370::Cpu& cpu, s370::IoOp op, u16 device) {
  const bool own = !emulating_;  // with the assist on, this call is the trap
  const Sample t0 = own ? sample_start() : Sample{};
  host_call(io_rows_[static_cast<int>(op)]);
  const int cc = channels_.io_instruction(cpu, op, device);
  if (own) add_time(io_rows_[static_cast<int>(op)], t0);
  if (trace_.sio) {
    static const char* const names[] = {"SIO", "SIOF", "TIO", "CLRIO", "HIO", "HDV"};
    const int o = static_cast<int>(op);
    char b[96];
    std::snprintf(b, sizeof b, "*** %-5s %03X  CC %d  CAW %08X", o >= 0 && o < 6 ? names[o] : "I/O", device, cc,
                  cpu.real_read32(s370::RealAddr(0x48)));
    trace_line(b);
  }
  return cc;
}

int VirtualMachine::test_channel(s370::Cpu& cpu, u8 channel) {
  host_call(tch_);
  return channels_.test_channel(cpu, channel);
}

int VirtualMachine::clear_channel(s370::Cpu& cpu, u8 channel) {
  host_call(clrch_);
  return channels_.clear_channel(cpu, channel);
}

int VirtualMachine::store_channel_id(s370::Cpu& cpu, u8 channel) {
  host_call(stidc_);
  return channels_.store_channel_id(cpu, channel);
}

bool VirtualMachine::accept_io_interrupt(s370::Cpu& cpu, u16& device) {
  return channels_.accept_io_interrupt(cpu, device);
}

}  // namespace cp
