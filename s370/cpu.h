// The S/370 central processing unit: architected state, the run loop,
// storage access through dynamic address translation and key protection,
// and the interruption mechanism.
//
// A Cpu reaches the world only through Storage (its main storage), Host
// (channels, DIAGNOSE) and Clock (time). It has no globals: CP runs one
// Cpu per virtual machine, hundreds in one process.
//
// Program interruptions are C++ exceptions of one type, ProgramCheck, thrown
// by the access routines and handlers and caught only by Cpu::run (see
// docs/ARCHITECTURE.md for why not longjmp and not result codes).
#pragma once

#include <atomic>
#include <cstddef>
#include <optional>

#include "s370/clock.h"
#include "s370/host.h"
#include "s370/opcodes.h"
#include "s370/psw.h"
#include "s370/storage.h"
#include "s370/types.h"

namespace s370 {

// Program-interruption codes (Principles of Operation, chapter 6).
namespace pgm {
inline constexpr u16 kOperation = 0x01;
inline constexpr u16 kPrivilegedOperation = 0x02;
inline constexpr u16 kExecute = 0x03;
inline constexpr u16 kProtection = 0x04;
inline constexpr u16 kAddressing = 0x05;
inline constexpr u16 kSpecification = 0x06;
inline constexpr u16 kData = 0x07;
inline constexpr u16 kFixedOverflow = 0x08;
inline constexpr u16 kFixedDivide = 0x09;
inline constexpr u16 kDecimalOverflow = 0x0A;
inline constexpr u16 kDecimalDivide = 0x0B;
inline constexpr u16 kExponentOverflow = 0x0C;
inline constexpr u16 kExponentUnderflow = 0x0D;
inline constexpr u16 kSignificance = 0x0E;
inline constexpr u16 kFloatDivide = 0x0F;
inline constexpr u16 kSegmentTranslation = 0x10;
inline constexpr u16 kPageTranslation = 0x11;
inline constexpr u16 kTranslationSpecification = 0x12;
inline constexpr u16 kSpecialOperation = 0x13;
inline constexpr u16 kMonitorEvent = 0x40;
inline constexpr u16 kPerEvent = 0x80;
}  // namespace pgm

// Thrown to end the current instruction with a program interruption.
struct ProgramCheck {
  u16 code;
};

// The bits of the clock comparator this model keeps (SCKC drops 56-63).
inline constexpr u64 kClockComparatorMask = ~u64{0xFF};

enum class InterruptClass : u8 { Restart, External, Svc, Program, MachineCheck, Io };
inline constexpr int kInterruptClasses = 6;

// An interruption that left the Cpu instead of going through the guest's
// PSWs (the host asked for that class to exit). old_psw is the PSW as it
// would have been stored (BC: with code and ILC in it).
struct Interruption {
  InterruptClass cls = InterruptClass::Program;
  u16 code = 0;
  u8 ilc = 0;       // in halfwords
  Psw old_psw;
  u32 trans_addr = 0;  // translation-exception address (segment/page)
};

enum class StopReason : u8 {
  Budget,        // the instruction budget is spent
  DisabledWait,  // a wait PSW with I/O and external interruptions off
  EnabledWait,   // a wait PSW that an interruption can end: see next_event_us
  Exit,          // an interruption of a class set to exit: see exit
  StopRequest,   // request_stop() from another thread
};

struct RunResult {
  StopReason reason = StopReason::Budget;
  u64 executed = 0;       // instructions executed by this call
  u64 interruptions = 0;  // interruptions taken through the PSWs by this call
  Interruption exit;
};

// A storage operand of up to 4K bytes, resolved to host memory: at most two
// pieces (it may cross one 2K block boundary; longer operands are walked a
// block at a time by the long instructions).
struct Span {
  u8* p0 = nullptr;
  u8* p1 = nullptr;
  u32 n0 = 0;  // bytes in the first piece
  u8& operator[](u32 i) const { return i < n0 ? p0[i] : p1[i - n0]; }
  // The whole operand in one piece of host memory (or nullptr).
  u8* flat() const { return p1 ? nullptr : p0; }
};

enum class Access : u8 { Fetch, Store, Instruction };

// Everything of a Cpu that a suspended machine must keep, taken between
// runs (Cpu::save_state): the architected registers, the timers as their
// readings against the clock, the conditions pending, and the counts the
// deterministic clock derives time from. CP writes it to a saved-state
// file (cp/saved_state.h), whose format is versioned.
struct CpuState {
  u64 psw = 0;
  u32 gpr[16] = {};
  u64 fpr[4] = {};
  u32 cr[16] = {};
  u32 prefix = 0;
  u64 ckc = 0;
  bool tod_set = true;
  u64 tod_offset = 0, tod_last = 0;
  i64 cpu_timer_base = 0;
  u64 cpu_timer_at_us = 0, itimer_at_us = 0, itimer_rem = 0;
  bool itimer_pending = false;
  u32 async_pending = 0;  // external conditions taken over, not yet delivered
  u16 per_code = 0;
  u32 per_addr = 0;
  u64 instructions = 0, interruptions = 0, program_interruptions = 0;
};

// The translation format of CR0 bits 8-12 (chapter 3, "Translation
// Control"): page and segment size, and what follows from them.
struct DatFormat {
  bool page4k;  // 4K pages, else 2K
  bool seg1m;   // 1M segments, else 64K
  u32 seg_shift() const { return seg1m ? 20 : 16; }
  u32 page_shift() const { return page4k ? 12 : 11; }
  // The page index of a virtual address: the bits between the segment
  // index and the byte index.
  u32 page_index(u32 vaddr) const { return (vaddr & ((1u << seg_shift()) - 1)) >> page_shift(); }
  // The page-invalid bit of a page-table entry (bit 13 for 2K pages, 12 for 4K).
  u16 pte_invalid() const { return page4k ? 0x0008 : 0x0004; }
};

class Cpu {
 public:
  // A Cpu must not outlive its storage (it watches it: Storage::Watcher).
  Cpu(Storage& storage, Host& host, Clock& clock);
  ~Cpu();
  Cpu(const Cpu&) = delete;
  Cpu& operator=(const Cpu&) = delete;

  // ---- Architected state ------------------------------------------------
  // While run() is running, psw.ia and the ILC are brought up to date only
  // where something reads them (a handler it does not expand in place, an
  // interruption, the end of a slice or of the run): read the state
  // between runs, not from another thread during one.
  Psw psw;
  u32 gpr[16] = {};
  u64 fpr[4] = {};   // FPR 0, 2, 4, 6 as 64-bit HFP (index = r / 2)
  u32 cr[16] = {};
  u32 prefix = 0;

  // ---- Running -------------------------------------------------------------
  // Runs until `budget` is spent, a wait PSW is in effect, an exit is due,
  // or another thread asked to stop. The budget counts instructions and
  // interruptions taken: a new PSW that is at once interrupted again (an
  // interruption loop, which executes no instruction) still ends the run.
  RunResult run(u64 budget);
  // Thread-safe: the running Cpu stops at an instruction boundary within
  // at most 1024 instructions (when its fetch leaves the 2K block, after
  // an instruction it does not expand in place, or at the end of its
  // slice); called by a handler (START I/O), before the next instruction.
  void request_stop() { async_.fetch_or(kAsyncStop, std::memory_order_relaxed); }
  // Thread-safe external interruption conditions (console interrupt key,
  // external call, emergency signal) and the restart key.
  void press_interrupt_key() { async_.fetch_or(kAsyncIntKey, std::memory_order_relaxed); }
  void signal_external_call() { async_.fetch_or(kAsyncExtCall, std::memory_order_relaxed); }
  void signal_emergency() { async_.fetch_or(kAsyncEmergency, std::memory_order_relaxed); }
  void press_restart() { async_.fetch_or(kAsyncRestart, std::memory_order_relaxed); }
  // On the Cpu's own thread: the host has (true) or no longer has (false)
  // I/O interruptions pending; while true the Cpu asks it at every
  // instruction boundary where its I/O mask is on.
  void set_io_pending(bool pending) {
    io_hint_ = pending;
    if (pending) force_service();
  }

  // Exit to the host instead of delivering interruptions of this class.
  void set_exit(InterruptClass c, bool exit) { exit_[static_cast<int>(c)] = exit; }
  bool exits(InterruptClass c) const { return exit_[static_cast<int>(c)]; }
  // Delivers an interruption that exited, through the PSWs in storage (the
  // codes in the PSA, the old PSW as given, the new PSW loaded): how CP
  // reflects an interruption to its guest (chapter 6). Counts as an
  // interruption taken.
  void reflect(const Interruption& x);
  // Interruptions taken through the PSWs since construction.
  u64 interruptions_taken() const { return interruptions_; }
  // Takes back n instructions from the count (and so from the time of the
  // deterministic clock): CP's trapped instruction, which it executes once
  // more to emulate it, counts once, as on the bare machine.
  void discount_instructions(u64 n) { icount_base_ -= n; }

  // Instructions executed since construction.
  u64 instructions() const { return icount_base_ + (slice_ - countdown_); }
  // Absolute clock time (us) of the next timer event that could end an
  // enabled wait, or UINT64_MAX.
  u64 next_event_us();
  Clock& clock() { return clock_; }

  // The state between runs, and back (a restored Cpu goes on as the saved
  // one would have: same registers, timers, pending conditions and count).
  CpuState save_state() const;
  void restore_state(const CpuState& st);

  // Resets (Principles, chapter 4, "CPU Reset" and "Initial CPU Reset").
  void reset_initial();
  // Loads a PSW as the current PSW (LPSW, interruptions, IPL). Inline, so
  // that a PSW decoded from its 8 bytes goes straight into psw.
  void load_psw(const Psw& p);

  // ---- Storage access, for instruction handlers ----------------------------
  // Logical addresses (virtual when DAT is on); throw ProgramCheck.
  u8 read8(VirtAddr a) { return read_be<u8>(a); }
  u16 read16(VirtAddr a) { return read_be<u16>(a); }
  u32 read32(VirtAddr a) { return read_be<u32>(a); }
  u64 read64(VirtAddr a) { return read_be<u64>(a); }
  void write8(VirtAddr a, u8 v) { write_be<u8>(a, v); }
  void write16(VirtAddr a, u16 v) { write_be<u16>(a, v); }
  void write32(VirtAddr a, u32 v) { write_be<u32>(a, v); }
  void write64(VirtAddr a, u64 v) { write_be<u64>(a, v); }
  // Resolves an operand of `len` bytes (1..2048) for the access, recognizing
  // every access exception first, as the Principles require before any part
  // of a storage-to-storage result is stored.
  Span span(VirtAddr a, u32 len, Access acc) {
    const Tlb& t = acc == Access::Store ? wtlb_ : rtlb_;
    const u32 i = index_of(a.v), off = a.v & kBlockMask;
    if (t.tag[i] == tag_of(a.v) && off + len <= kBlockMask + 1) [[likely]]
      return Span{t.host[i] + off, nullptr, len};
    return span_slow(a, len, acc);
  }
  // An operand of `len` bytes (at most 2048) that lies in one block
  // already in the access TLB: true, with its host address in p. False
  // otherwise: the caller then takes its general path through span(). A
  // store through p needs no stored() call (blocks are not cached while
  // PER watches stores).
  template <typename P>
  bool probe(VirtAddr a, u32 len, Access acc, P*& p) {
    const Tlb& t = acc == Access::Store ? wtlb_ : rtlb_;
    const u32 i = index_of(a.v), off = a.v & kBlockMask;
    // (As an integer: a missing entry's host address is null.) Expected
    // to hit, so that the code which uses p follows in line.
    p = reinterpret_cast<P*>(reinterpret_cast<uintptr_t>(t.host[i]) + off);
    return __builtin_expect(t.tag[i] == tag_of(a.v), 1) &&
           __builtin_expect(off + len <= kBlockMask + 1, 1);
  }
  // Call after storing through a Span from span(..., Access::Store); it
  // reports PER storage-alteration events. Cheap when PER is off.
  void stored(VirtAddr a, u32 len) {
    if (per_store_) after_store(a, len);
  }

  // Translates a logical address for `acc` (DAT if on, prefixing, key and
  // addressing checks; sets reference/change bits). Throws ProgramCheck.
  AbsAddr translate(VirtAddr a, Access acc);
  // DAT only: virtual to real. Returns 0 and sets *real, or the program-
  // interruption code (segment/page translation, translation
  // specification, addressing). Used by LRA with `for_lra`.
  u16 dat(VirtAddr a, RealAddr* real, bool for_lra, u32* entry_addr = nullptr);
  // CR0's translation format, or nothing when bits 8-12 are not one of
  // the four valid values (a translation-specification exception for
  // whatever translates: DAT, LRA, IPTE, TPROT).
  std::optional<DatFormat> dat_format() const;
  AbsAddr real_to_abs(RealAddr r) const {
    u32 a = r.v;
    if ((a & 0xFFF000) == 0)
      a |= prefix;
    else if ((a & 0xFFF000) == prefix)
      a &= 0xFFF;
    return AbsAddr(a);
  }
  // Real-storage access without key checks, for the PSA and the channel
  // subsystem. Throws ProgramCheck(addressing) when outside storage.
  u32 real_read32(RealAddr r);
  void real_write32(RealAddr r, u32 v);
  u64 real_read64(RealAddr r);
  void real_write64(RealAddr r, u64 v);
  void real_write16(RealAddr r, u16 v);
  void real_write8(RealAddr r, u8 v);
  Storage& storage() { return storage_; }
  Host& host() { return host_; }
  // Lives as long as a call into the host (any Host function) made from a
  // handler or from the service: while the host works, a store of this
  // Cpu that copies a shared frame is completed, not restarted (see
  // Cpu::slow), for the host's work must not be done twice.
  class HostCall {
   public:
    explicit HostCall(Cpu& c) : c_(c), saved_(c.restartable_) { c.restartable_ = false; }
    ~HostCall() { c_.restartable_ = saved_; }
    HostCall(const HostCall&) = delete;
    HostCall& operator=(const HostCall&) = delete;

   private:
    Cpu& c_;
    bool saved_;
  };

  // ---- Helpers for instruction handlers -----------------------------------
  [[noreturn]] void program_check(u16 code) { throw ProgramCheck{code}; }
  // Takes a program interruption at once, without unwinding: for a handler
  // reached through the dispatch tables (never one the run loop expands in
  // place) that has changed nothing the exception must undo, or whose
  // exception completes the instruction, and that returns right after.
  // It costs a few nanoseconds where program_check's C++ exception costs
  // about 1.5 us, which counts where programs take interruptions routinely:
  // a guest's privileged instructions under CP, HFP significance and
  // underflow (docs/ARCHITECTURE.md, "Program interruptions").
  void program_interrupt(u16 code) { take_program(code); }
  // Length of the current instruction in halfwords (ILC).
  u8 ilc() const { return ilc_; }
  // Address of the current instruction (or of EXECUTE when under EX).
  u32 insn_address() const { return (psw.ia - 2u * ilc_) & kAddrMask; }
  // Successful branch: sets the instruction address and reports a PER
  // successful-branching event when enabled.
  void branch(u32 target) {
    psw.ia = target & kAddrMask;
    resync_ |= kResyncBranch;
    if (per_branch_) per_branch_event();
  }
  // Something changed the interruption masks, the PSW key, DAT or a
  // control register: take the slow path once at the next boundary.
  void state_changed();
  // Drops every cached translation (PTLB, SSK, SPX, LCTL of CR0/CR1...).
  void purge_tlb();
  // Takes an SVC interruption (or exits, if SVC is set to exit).
  void supervisor_call(u8 number);
  // Handler of the instruction EXECUTE points at; used by EX.
  void execute_target(const u8* ip);
  bool executing() const { return in_execute_; }

  // Timer state, for the control instructions.
  u64 tod_now();          // TOD clock value (bit 51 = 1 us), unique per read
  u64 tod_clock() const;  // the same without the uniqueness step (no side effect)
  void set_tod(u64 tod);  // SCK
  u64 ckc = 0;            // clock comparator (bits 0-55: kClockComparatorMask)
  i64 cpu_timer();        // current CPU-timer value
  void set_cpu_timer(i64 v);
  bool tod_set = true;    // the TOD clock is in the set state

  // Channel masks (BC mode: PSW bits 0-6; EC mode: CR2 bits 0-31 with PSW
  // bit 6 as summary). Used by the host when presenting I/O interruptions.
  bool channel_enabled(u8 channel) const;

  // Counters per cause, for the operator panel and CP's statistics.
  u64 program_interruptions = 0;

 private:
  // Tags and host addresses in two arrays, not an array of pairs: an
  // entry's index, scaled by the host's addressing, then reaches both
  // without a multiply (two host instructions fewer in every probe).
  static constexpr u32 kTlbSize = 256;
  struct Tlb {
    u32 tag[kTlbSize] = {};  // generation | block number; generation 0 is never current
    u8* host[kTlbSize] = {};  // host address of the 2K block
    void fill(u32 i, u32 t, u8* h) {
      tag[i] = t;
      host[i] = h;
    }
  };
  static constexpr u32 kSlice = 1024;  // instructions between timer checks
  static constexpr u32 kAsyncStop = 1, kAsyncIntKey = 2, kAsyncExtCall = 4,
                       kAsyncEmergency = 8, kAsyncRestart = 16, kAsyncService = 32;

  static constexpr u32 kBlockMask = (1u << Storage::kBlockShift) - 1;
  // The fast path of every storage access: one TLB probe, then the bytes
  // in host memory; anything else (a miss, a block crossing, an access
  // exception) goes to the slow path.
  template <typename T>
  T read_be(VirtAddr a) {
    const u32 i = index_of(a.v), off = a.v & kBlockMask;
    if (rtlb_.tag[i] == tag_of(a.v) && off <= kBlockMask + 1 - sizeof(T)) [[likely]]
      return load_be<T>(rtlb_.host[i] + off);
    return static_cast<T>(read_slow(a, sizeof(T)));
  }
  template <typename T>
  void write_be(VirtAddr a, T v) {
    const u32 i = index_of(a.v), off = a.v & kBlockMask;
    if (wtlb_.tag[i] == tag_of(a.v) && off <= kBlockMask + 1 - sizeof(T)) [[likely]]
      return store_be<T>(wtlb_.host[i] + off, v);
    write_slow(a, v, sizeof(T));
  }
  static u32 index_of(u32 a) { return (a >> Storage::kBlockShift) & (kTlbSize - 1); }
  u32 tag_of(u32 a) const { return (a >> Storage::kBlockShift) | gen_; }
  u8* slow(VirtAddr a, u32 len, Access acc);
  Span span_slow(VirtAddr a, u32 len, Access acc);
  u64 read_slow(VirtAddr a, u32 len);
  void write_slow(VirtAddr a, u64 v, u32 len);
  const u8* real_bytes(RealAddr r, u32 len);
  u8* real_bytes_for_store(RealAddr r, u32 len);
  // Storage has moved frames under the TLB (Storage::Watcher).
  void frames_moved();
  // Makes every TLB entry stale at once.
  void new_generation();
  // Thrown by a store whose first write copied a shared frame, and caught
  // by the run loop, which executes the instruction again: see Cpu::slow.
  struct Restart {};
  void after_store(VirtAddr a, u32 len);
  void per_branch_event();
  bool per_in_range(u32 x) const;
  const u8* fetch_slow(u32 ia);

  // The interruption mechanism (interrupt.cpp).
  // Makes the run loop call service() before the next instruction.
  void force_service() {
    async_.fetch_or(kAsyncService, std::memory_order_relaxed);
    resync_ |= kResyncService;
  }
  void take_program(u16 code);
  bool service(RunResult& res);
  void deliver(InterruptClass cls, u16 code);
  // Stores the codes and the old PSW `old` of an interruption and loads
  // its new PSW.
  void enter(InterruptClass cls, u16 code, u64 old);
  void update_timers();
  bool external_pending(u16* code);
  bool wait_is_disabled() const;

  Storage& storage_;
  Host& host_;
  Clock& clock_;
  const DispatchTables& tables_;
  const Handler* dispatch_;  // supervisor or problem table, by psw.problem

  // Instructions left in this slice after the current one; the run loop
  // keeps it in a register and stores it here before a generic handler,
  // at the end of a slice and on a program interruption.
  i64 countdown_ = 0;
  i64 slice_ = 0;
  u64 icount_base_ = 0;
  u64 budget_left_ = 0;
  u64 interruptions_ = 0;  // taken through the PSWs since construction

  // ILC of the current instruction. Code the run loop expands in place
  // does not store it, nor psw.ia: see Cpu::run.
  u8 ilc_ = 0;
  // After a handler the run loop goes on from its host pointer, unless a
  // branch (kResyncBranch: from psw.ia) or a request for the service (a
  // PSW load, a TLB purge, an interruption condition: kResyncService, the
  // slice ends first) says otherwise.
  static constexpr u8 kResyncBranch = 1, kResyncService = 2;
  u8 resync_ = 0;
  bool in_execute_ = false;
  bool psw_invalid_ = false;  // a PSW with invalid bits is in effect
  bool io_hint_ = false;
  bool exit_[kInterruptClasses] = {};
  bool exit_due_ = false;     // an interruption is waiting in exit_info_
  Interruption exit_info_;
  u32 trans_addr_ = 0;        // virtual address of the last translation exception
  std::atomic<u32> async_{0};
  u32 async_pending_ = 0;   // conditions taken over from async_, not yet delivered
  bool itimer_pending_ = false;
  // The budget counts interruptions, and only the service counts them. A
  // slice holds at most one interruption per instruction, so while twice
  // a slice of budget is left a PSW load may skip the service; below
  // that every one takes it, and the run ends exactly at the budget.
  bool exact_psw_loads_ = true;

  // PER (chapter 4, "Program-Event Recording"): cached from PSW and CR9.
  bool per_branch_ = false;
  bool per_store_ = false;
  bool per_ifetch_ = false;
  bool per_any_ = false;  // any of the three: the run loop expands nothing
  u16 per_code_ = 0;
  u32 per_addr_ = 0;

  // Timers.
  u64 tod_offset_ = 0;     // TOD (us) minus clock time (us)
  u64 tod_last_ = 0;       // last value stored by STCK, for uniqueness
  i64 cpu_timer_base_ = 0; // CPU timer (TOD units) at cpu_timer_at_us_
  u64 cpu_timer_at_us_ = 0;
  u64 itimer_at_us_ = 0;   // clock time accounted into the interval timer
  u64 itimer_rem_ = 0;     // remainder, in units of 1/76800 s * 1e6

  // The access TLB: translations of logical 2K blocks to host memory for
  // fetches and for stores, valid while their tag carries generation gen_.
  // A fetch entry may point into a frame shared with other machines; a
  // store entry never does (Cpu::slow), so a first store takes the slow
  // path, which copies the frame. Every move of a frame (a copy, a
  // release) purges both (Cpu::frames_moved).
  u32 gen_ = kGenStep;  // in the high 19 bits; never 0
  static constexpr u32 kGenStep = 1u << 13;
  Tlb rtlb_;
  Tlb wtlb_;
  // True while a store may restart its instruction: in run(), outside
  // calls into the host (HostCall).
  bool restartable_ = false;
  u8 ibuf_[8] = {};  // an instruction that crosses a block boundary
  // The 2K block instructions are being fetched from: its first logical
  // address and host address. kNoBlock when none (after a purge).
  static constexpr u32 kNoBlock = 0x80000000;
  u32 iblock_ = kNoBlock;
  const u8* iblock_host_ = nullptr;
  uintptr_t hbias_ = 0;  // iblock_host_ minus iblock_
  // The logical address of the instruction at host address p in the block.
  u32 ia_of(const u8* p) const {
    return static_cast<u32>(reinterpret_cast<uintptr_t>(p) - hbias_) & kAddrMask;
  }

  // Tells this Cpu when its storage moves frames (kept apart from Cpu, so
  // that the Cpu itself has no virtual functions).
  struct StorageWatcher final : Storage::Watcher {
    explicit StorageWatcher(Cpu& c) : cpu(c) {}
    void frames_moved() override { cpu.frames_moved(); }
    Cpu& cpu;
  };
  StorageWatcher watcher_{*this};
};

inline void Cpu::load_psw(const Psw& p) {
  const bool same_space = p.key == psw.key && p.dat() == psw.dat() && p.per() == psw.per();
  // A mask turned on (or the other PSW format, or a wait) may let a
  // pending interruption in at once: the service must look.
  const bool enables = p.ec != psw.ec || (p.sysmask & ~psw.sysmask) != 0 || p.wait;
  // Field by field: a copy of the whole struct read it back from the
  // stack bytes just written, a stalled store-to-load forwarding.
  psw.sysmask = p.sysmask;
  psw.key = p.key;
  psw.ec = p.ec;
  psw.mcheck = p.mcheck;
  psw.wait = p.wait;
  psw.problem = p.problem;
  psw.cc = p.cc;
  psw.progmask = p.progmask;
  psw.ia = p.ia;
  psw.intcode = 0;
  psw.ilc = 0;
  psw.reserved = p.reserved;
  psw_invalid_ = !psw.valid();
  dispatch_ = psw.problem ? tables_.problem : tables_.supervisor;
  // Only a new key, DAT mode or PER mask changes what cached translations
  // allow; a mask turned on needs a look at the interruptions. Otherwise
  // (an interruption's new PSW, the LPSW that returns from its handler)
  // nothing can be delivered that could not be before: the run loop only
  // resumes from the new PSW, with the jump table of its state. This keeps
  // a program interruption and its return cheap (docs/ARCHITECTURE.md).
  if (!same_space)
    state_changed();
  else if (enables || psw_invalid_ || per_any_ || per_code_ || exact_psw_loads_)
    force_service();
  else
    resync_ |= kResyncService;
}

}  // namespace s370
