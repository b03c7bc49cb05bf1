// A virtual machine of CP: one s370::Cpu over the guest's own storage, run
// by trap and emulate (Popek and Goldberg, 1974; docs/CP.md).
//
// The guest's architected state is the Cpu's state, with one exception:
// the problem-state bit. With the assist off the Cpu always runs the guest
// in the real problem state, whatever the virtual PSW says, and the
// virtual bit lives here. Every privileged instruction the guest issues
// then leaves the Cpu as a privileged-operation exception (an exit), and
// every interruption leaves it too: CP decides, emulates, and reflects
// through the guest's own PSWs. Which instructions trap is what the opcode
// table says is privileged (the Cpu's problem-state dispatch table), not
// a list written again here.
//
// Between runs the Cpu holds the virtual PSW, so that CP's commands (and
// s370run --vm) read and alter the virtual machine as it is.
#pragma once

#include <array>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "s370/channel/channel.h"
#include "s370/channel/device.h"
#include "s370/channel/events.h"
#include "s370/clock.h"
#include "s370/cpu.h"
#include "s370/host.h"
#include "s370/opcodes.h"
#include "s370/storage.h"

namespace cp {

using s370::u16;
using s370::u32;
using s370::u64;
using s370::u8;

enum class Assist : u8 {
  Off,  // pure trap and emulate: every privileged instruction and every
        // interruption goes through CP, as on VM/370 without assists
  On,   // the Cpu runs the virtual state as its own (as the VM assist and
        // later SIE did): only what needs CP (I/O, DIAGNOSE) leaves it
};

// Popek and Goldberg's efficiency property as numbers: what ran without CP
// and what did not, by cause. Counted in dense arrays (a trap is counted
// on CP's hot path); by_cause() gives them by name.
struct Counters {
  u64 direct = 0;  // guest instructions executed by the Cpu without CP
  u64 traps = 0;   // entries into CP, each counted once under its cause
  std::vector<u64> by_insn;                    // per opcode-table row
  std::array<u64, s370::kInterruptClasses> by_class{};  // reflected interruptions
  u64 unknown = 0;                             // an instruction CP could not read back
  // Time in CP, in host clock ticks (ticks_per_second()), per trapped
  // instruction row and per reflected interruption class: what each
  // cause cost, measured around CP's handling of it.
  std::vector<u64> ticks_by_insn;
  std::array<u64, s370::kInterruptClasses> ticks_by_class{};
  u64 ticks_other = 0;  // CP's work outside a trap (DIAGNOSE X'08' commands, X'64')
  u64 ticks() const;
  std::map<std::string, double> seconds_by_cause() const;
  // Per trapped mnemonic (LPSW, SSM, ...) and per reflected interruption
  // class (PROGRAM, SVC, EXTERNAL, IO, MACHINECHECK, RESTART); only the
  // causes seen.
  std::map<std::string, u64> by_cause() const;
};

// DIAGNOSE X'24''s codes for a device type ("3215", "3350", ...).
struct DeviceCodes {
  u8 cls, type, model;
};
DeviceCodes device_codes(std::string_view type);

// One CCW of a DIAGNOSE X'58' (3270 virtual console interface): X'19'
// display in CP's output area, X'29' full-screen write, X'2A' full-screen
// read. `data` is what a write sends (its data chain gathered); a read
// goes to `address`, at most `count` bytes.
struct ScreenOp {
  u8 op = 0, ctl = 0;
  u32 address = 0, count = 0;
  u32 ccw = 0;  // the CCW's own address (for the CSW)
  std::vector<u8> data;
};

// A CP command a guest gave by DIAGNOSE X'08', waiting for CP.
struct CpRequest {
  std::string text;  // ASCII; several commands are separated by X'15' (newline here)
  bool response = false;
  bool enter_cp = false;  // length 0: enter CP's console mode
  u32 buffer = 0, buffer_len = 0;
  int ry = 0;
  // DIAGNOSE X'64' instead: a named segment (`text` its name), the
  // subcode (0 LOADSYS shared, 4 non-shared, 8 PURGESYS, X'0C' FINDSYS).
  int segment = -1;
  int rx = 0;
  // DIAGNOSE X'58' instead: the console's CCWs, in order.
  bool screen = false;
  std::vector<ScreenOp> screen_ops;
};

// The host's cycle counter (the time-stamp counter on x86-64, else the
// steady clock in nanoseconds): cheap enough to read around every trap.
u64 host_ticks();
double ticks_per_second();

class VirtualMachine final : public s370::Host {
 public:
  // `storage_bytes` of guest storage (allocated as it is touched), run on
  // `clock` (the deterministic one for tests and s370run, the host's for
  // the time-sharing system).
  VirtualMachine(u32 storage_bytes, s370::Clock& clock);
  VirtualMachine(const VirtualMachine&) = delete;
  VirtualMachine& operator=(const VirtualMachine&) = delete;

  s370::Cpu& cpu() { return cpu_; }
  s370::Storage& storage() { return storage_; }
  // The size the machine was defined with (DIAGNOSE X'60'), which a named
  // segment loaded above it does not change (storage().size() grows).
  u32 defined_size() const { return defined_size_; }

  // ---- Virtual I/O (docs/CP.md, "Virtual devices") -------------------------
  // The machine's own channel subsystem, with the device models of
  // s370/channel: a guest's channel programs run on them as on the bare
  // machine, in the machine's time. Adds a device (throws
  // s370::io::DeviceError when its address is taken).
  s370::io::Device& attach(std::unique_ptr<s370::io::Device> device) { return channels_.add(std::move(device)); }
  s370::io::ChannelSubsystem& channels() { return channels_; }
  // CP's IPL of a device: initial program loading from it into the
  // virtual machine. Returns an empty string, or what went wrong.
  std::string ipl(u16 address);
  // The time (clock microseconds) of the next thing that can end an
  // enabled wait: a timer of the Cpu or a device event; UINT64_MAX if none.
  u64 next_event_us();
  // CP's own work for the machine outside a trap, on CP's thread while
  // the machine is stopped: counted as time in CP.
  void add_cp_ticks(u64 dt) { counters_.ticks_other += dt; }
  // Thread-safe: run() returns at the next instruction boundary.
  void request_stop() {
    stop_.store(true);
    cpu_.request_stop();
  }
  const Counters& counters() const { return counters_; }

  // The guest asks CP for a service CP gives outside the machine (a CP
  // command by DIAGNOSE X'08'): the instruction is left complete but for
  // its results, the machine stops at once, and the dispatcher hands it
  // to CP (Dispatcher::on_hold), which fills in the results and starts it
  // again. take_hold() is the dispatcher's side.
  void hold() {
    hold_.store(true);
    request_stop();
  }
  bool take_hold() { return hold_.exchange(false); }
  // CP's command processor answers DIAGNOSE X'08' (without it, as under
  // s370run, every command is unknown).
  void enable_cp_commands() { cp_commands_ = true; }
  // DIAGNOSE X'370' (this CP's, not IBM's: the assembler for CMS's
  // ASSEMBLE command) finds the macro library of CMS's programs here; an
  // empty one means macros must be in the source.
  void set_maclib(std::string dir) { maclib_ = std::move(dir); }
  // The real terminal behind the virtual console, for DIAGNOSE X'24'
  // (Ry+1): a 3270 display of `rows` rows, or 0 for a line-mode
  // (typewriter) terminal. Set by CP's thread at logon and reconnect
  // while the machine may run, so atomic.
  void set_real_console(int rows) { real_console_rows_.store(rows, std::memory_order_relaxed); }
  std::optional<CpRequest> take_cp_request() {
    std::optional<CpRequest> r = std::move(cp_request_);
    cp_request_.reset();
    return r;
  }

  // Counters of a saved state (cp/saved_state.h); rows beyond the opcode
  // table of this build are dropped.
  void restore_counters(u64 direct, u64 traps, const std::vector<u64>& by_insn, const std::vector<u64>& by_class,
                        u64 unknown) {
    counters_.direct = direct;
    counters_.traps = traps;
    for (std::size_t i = 0; i < by_insn.size() && i < counters_.by_insn.size(); i++)
      counters_.by_insn[i] = by_insn[i];
    for (std::size_t i = 0; i < by_class.size() && i < counters_.by_class.size(); i++)
      counters_.by_class[i] = by_class[i];
    counters_.unknown = unknown;
  }

  // The CPU timer stands still while the machine waits for a host
  // thread (the dispatcher freezes it when it takes the machine off a
  // worker ready to run, and thaws it when it runs again), so that it
  // measures the machine's own time; in an enabled wait it runs, as the
  // architecture's CPU timer does in the wait state.
  void freeze_cpu_timer() {
    if (timer_frozen_) return;
    frozen_timer_ = cpu_.cpu_timer();
    timer_frozen_ = true;
  }
  void thaw_cpu_timer() {
    if (!timer_frozen_) return;
    timer_frozen_ = false;
    cpu_.set_cpu_timer(frozen_timer_);
  }

  // The user this machine belongs to (DIAGNOSE X'00'; up to 8 characters).
  void set_userid(const std::string& u) { userid_ = u.substr(0, 8); }
  const std::string& userid() const { return userid_; }
  // SET EMSG: how DIAGNOSE X'5C' edits error messages.
  enum class Emsg : u8 { On, Off, Code, Text };
  void set_emsg(Emsg e) { emsg_ = e; }

  Assist assist() const { return assist_; }
  void set_assist(Assist a) { assist_ = a; }

  // ---- CP's TRACE and ADSTOP (docs/CP.md, "Tracing") ------------------------
  // What TRACE shows: each event as one line through `out`. Tracing and an
  // address stop run the machine without the assist (every event passes
  // CP, as on VM/370, where TRACE turned the assist off), and
  // instruction by instruction when they need to see each one.
  struct TraceSet {
    bool svc = false, program = false, external = false, io = false, priv = false, sio = false;
    bool instruct = false, branch = false;
    bool any() const { return svc || program || external || io || priv || sio || instruct || branch; }
  };
  void set_trace(const TraceSet& t, std::function<void(const std::string&)> out);
  const TraceSet& trace() const { return trace_; }
  // Stop before the instruction at `address` is executed (CP's ADSTOP);
  // the machine holds (hold()) and adstop_hit() tells CP why. One at a
  // time; cleared when reached.
  void set_adstop(std::optional<u32> address);
  std::optional<u32> adstop() const { return adstop_; }
  bool take_adstop_hit() {
    const bool h = adstop_hit_;
    adstop_hit_ = false;
    return h;
  }

  // The virtual PSW (between runs it is the Cpu's).
  const s370::Psw& psw() const { return cpu_.psw; }
  void load_psw(const s370::Psw& p) { cpu_.load_psw(p); }

  // Runs the guest for up to `budget` of its instructions and
  // interruptions, counted as on the bare machine (a trapped instruction
  // is one instruction). Stops as the bare Cpu does: budget, disabled or
  // enabled wait, or a stop request; never with an exit, which is CP's.
  s370::RunResult run(u64 budget);

  // s370::Host: the guest's channel subsystem and DIAGNOSE. No devices
  // yet: condition code 3, as on a bare machine without channels.
  int io_instruction(s370::Cpu&, s370::IoOp, u16) override;
  int test_channel(s370::Cpu&, u8) override;
  int clear_channel(s370::Cpu&, u8) override;
  int store_channel_id(s370::Cpu&, u8) override;
  bool accept_io_interrupt(s370::Cpu&, u16& device) override;
  bool diagnose(s370::Cpu&, int r1, int r3, u32 address) override;
  bool diagnose_code(s370::Cpu&, int r1, int r3, u32 address);
  // The trap: a privileged instruction of the guest (assist off).
  bool privileged(s370::Cpu&, const s370::u8* ip) override;
  // An interruption of the guest (assist off): reflected at once.
  bool interruption(s370::Cpu&, const s370::Interruption& x) override;

 private:
  // Emulates the privileged instruction that trapped, in the virtual
  // supervisor state.
  void emulate(const s370::Interruption& trap);
  // The row of the instruction an interruption's old PSW and ILC point
  // back at (the target, under EXECUTE); nullptr if it cannot be read.
  const s370::OpInfo* instruction_at(const s370::Psw& old, u8 ilc);
  // CP's synchronous I/O (DIAGNOSE X'18', X'20'): a channel program run
  // to its end with no interruption; the final status in `csw`.
  enum class Direct : u8 { Done, Busy, Hung };
  Direct run_direct(s370::Cpu& cpu, u16 dev, u32 program, s370::io::Csw& csw);
  bool diag18(s370::Cpu& cpu, int rx, int ry);
  // A call from the Cpu into CP (I/O, DIAGNOSE): a trap of its own with
  // the assist on; with it off the instruction has trapped already.
  void host_call(const s370::OpInfo* op) {
    if (emulating_) return;
    count(op);
    ++emulated_;
  }
  // Reflects an interruption to the guest with the virtual problem bit.
  void reflect(s370::Interruption x);
  u8 peek(u32 real);  // a byte of guest real storage, 0 outside it
  static std::string hex6(u32 v);
  void trace_insn(u32 ia, const std::string& tail);
  void count(const s370::OpInfo* op) {
    ++counters_.traps;
    if (op)
      ++counters_.by_insn[s370::row_index(*op)];
    else
      ++counters_.unknown;
  }
  void count(s370::InterruptClass c) {
    ++counters_.traps;
    ++counters_.by_class[static_cast<int>(c)];
  }
  // Time in CP is sampled: one trap in kTimeSample is timed (two reads of
  // the cycle counter cost more than a whole trap on some hosts) and
  // counts for kTimeSample; t0 is 0 for the traps not timed.
  // The first kTimeExact traps of a machine are all timed, so that a
  // short run's figures are exact.
  static constexpr u32 kTimeSample = 16, kTimeExact = 1024;
  struct Sample {
    u64 t0 = 0;  // 0: not timed
    u32 weight = 0;
  };
  Sample sample_start() {
    if (time_sample_ < kTimeExact) {
      ++time_sample_;
      return Sample{host_ticks(), 1};
    }
    return (++time_sample_ % kTimeSample) == 0 ? Sample{host_ticks(), kTimeSample} : Sample{};
  }
  void add_time(const s370::OpInfo* op, Sample t) {
    if (!t.t0) return;
    const u64 dt = (host_ticks() - t.t0) * t.weight;
    // (An instruction CP could not read back is rare: its time goes with
    // the first row's, not with ticks_other, which is CP's thread's.)
    counters_.ticks_by_insn[op ? s370::row_index(*op) : 0] += dt;
  }
  // Cpu's state for running: the real problem bit on (assist off).
  void enter_guest();
  // The Cpu's PSW has just become the virtual one (entering the guest, a
  // PSW loaded by an instruction or an interruption): its problem bit is
  // kept as the virtual bit, and with the assist off the guest goes on in
  // the real problem state.
  void take_virtual_psw();
  // And back: the virtual PSW in the Cpu.
  void leave_guest();

  s370::Storage storage_;
  s370::io::EventQueue events_;
  s370::io::ChannelSubsystem channels_;
  s370::Cpu cpu_;
  // The running slice ends at this clock time; a device event scheduled
  // sooner (by START I/O) cuts it short, so that devices keep their time.
  u64 slice_end_ = 0;
  bool running_ = false;
  std::atomic<bool> stop_{false};
  std::atomic<bool> hold_{false};
  Counters counters_;
  Assist assist_ = Assist::Off;
  std::string userid_ = "GUEST";
  bool timer_frozen_ = false;
  s370::i64 frozen_timer_ = 0;
  Emsg emsg_ = Emsg::On;
  TraceSet trace_;
  std::function<void(const std::string&)> trace_out_;
  std::optional<u32> adstop_;
  bool adstop_hit_ = false;
  Assist user_assist_ = Assist::Off;  // the assist to go back to when tracing ends
  // One instruction at a time: TRACE INSTRUCT or BRANCH, or an ADSTOP.
  bool stepping() const { return adstop_.has_value() || trace_.instruct || trace_.branch; }
  void trace_line(const std::string& l) {
    if (trace_out_) trace_out_(l);
  }
  bool cp_commands_ = false;
  std::string maclib_;
  std::atomic<int> real_console_rows_{0};
  bool diag370(s370::Cpu& cpu, u32 block);
  u32 time_sample_ = 0;
  std::optional<CpRequest> cp_request_;
  u32 defined_size_ = storage_.size();
  bool vproblem_ = false;  // the virtual PSW's problem bit while the guest runs
  bool in_guest_ = false;
  bool emulating_ = false;  // CP executes a trapped instruction
  u64 emulated_ = 0;        // instructions that went through CP
  // The rows of the instructions that call CP through s370::Host.
  const s370::OpInfo* io_rows_[6];  // by s370::IoOp
  const s370::OpInfo *tch_, *clrch_, *stidc_, *diag_;
};

}  // namespace cp
