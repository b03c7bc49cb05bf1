// The run loop and storage access (Principles of Operation, chapter 3,
// "Storage", and chapter 5, "Program Execution").
#include "s370/cpu.h"

#include "s370/general.h"
#include "s370/hfp.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace s370 {

Cpu::Cpu(Storage& storage, Host& host, Clock& clock)
    : storage_(storage), host_(host), clock_(clock), tables_(dispatch_tables()) {
  dispatch_ = tables_.supervisor;
  storage_.watch(&watcher_);
  reset_initial();
}

Cpu::~Cpu() { storage_.unwatch(&watcher_); }

void Cpu::reset_initial() {
  // Initial CPU reset (chapter 4, "Resets"): PSW, prefix, CPU timer, clock
  // comparator and control registers to their initial values; general and
  // floating-point registers are left as they are.
  load_psw(Psw{});
  prefix = 0;
  for (auto& c : cr) c = 0;
  cr[0] = 0x000000E0;   // interval-timer, interrupt-key and external-signal masks
  cr[2] = 0xFFFFFFFF;   // all channel masks
  cr[14] = 0xC2000000;  // machine-check handling
  cr[15] = 0x00000200;  // machine-check extended-logout address
  ckc = 0;
  u64 now = clock_.now_us(instructions());
  cpu_timer_base_ = 0;
  cpu_timer_at_us_ = now;
  itimer_at_us_ = now;
  itimer_rem_ = 0;
  tod_offset_ = 0;
  async_pending_ = 0;
  itimer_pending_ = false;
  purge_tlb();
  state_changed();
}

CpuState Cpu::save_state() const {
  CpuState st;
  st.psw = psw.to_u64();
  std::copy(std::begin(gpr), std::end(gpr), st.gpr);
  std::copy(std::begin(fpr), std::end(fpr), st.fpr);
  std::copy(std::begin(cr), std::end(cr), st.cr);
  st.prefix = prefix;
  st.ckc = ckc;
  st.tod_set = tod_set;
  st.tod_offset = tod_offset_;
  st.tod_last = tod_last_;
  st.cpu_timer_base = cpu_timer_base_;
  st.cpu_timer_at_us = cpu_timer_at_us_;
  st.itimer_at_us = itimer_at_us_;
  st.itimer_rem = itimer_rem_;
  st.itimer_pending = itimer_pending_;
  // Requests from other threads not yet taken over are not state: a stop
  // request is spent, the service is asked again on the next run.
  st.async_pending = async_pending_ | (async_.load(std::memory_order_relaxed) & ~(kAsyncStop | kAsyncService));
  st.per_code = per_code_;
  st.per_addr = per_addr_;
  st.instructions = instructions();
  st.interruptions = interruptions_;
  st.program_interruptions = program_interruptions;
  return st;
}

void Cpu::restore_state(const CpuState& st) {
  std::copy(std::begin(st.gpr), std::end(st.gpr), gpr);
  std::copy(std::begin(st.fpr), std::end(st.fpr), fpr);
  std::copy(std::begin(st.cr), std::end(st.cr), cr);
  prefix = st.prefix & 0x00FFF000;
  ckc = st.ckc & kClockComparatorMask;
  tod_set = st.tod_set;
  tod_offset_ = st.tod_offset;
  tod_last_ = st.tod_last;
  cpu_timer_base_ = st.cpu_timer_base;
  cpu_timer_at_us_ = st.cpu_timer_at_us;
  itimer_at_us_ = st.itimer_at_us;
  itimer_rem_ = st.itimer_rem;
  itimer_pending_ = st.itimer_pending;
  async_pending_ = st.async_pending & (kAsyncIntKey | kAsyncExtCall | kAsyncEmergency | kAsyncRestart);
  per_code_ = st.per_code;
  per_addr_ = st.per_addr;
  icount_base_ = st.instructions;
  slice_ = countdown_ = 0;
  interruptions_ = st.interruptions;
  program_interruptions = st.program_interruptions;
  load_psw(Psw::from_u64(st.psw));
  state_changed();
}

void Cpu::state_changed() {
  dispatch_ = psw.problem ? tables_.problem : tables_.supervisor;
  // PER is active with the PSW's PER mask and the event masks of CR9.
  const bool per = psw.per();
  per_branch_ = per && (cr[9] & 0x80000000);
  per_ifetch_ = per && (cr[9] & 0x40000000);
  per_store_ = per && (cr[9] & 0x20000000);
  per_any_ = per_branch_ || per_ifetch_ || per_store_;
  // Key, DAT mode, control registers or PER may have changed what a cached
  // translation allows. (The purge also makes the run loop look at pending
  // interruptions before the next instruction.)
  purge_tlb();
}

void Cpu::purge_tlb() {
  iblock_ = kNoBlock;
  force_service();  // the run loop holds the instruction block in a register
  new_generation();
}

void Cpu::frames_moved() {
  // Storage has copied a shared frame (its first write), or released or
  // remapped a frame: the TLB and the instruction block may point at the
  // old memory. Purged at once, whoever moved it and whenever: the Cpu's
  // own store (Cpu::slow), an interruption's, the channel subsystem's
  // input, CP (DIAGNOSE, STORE, map_shared). A callback rather than a
  // generation count the Cpu would compare at run(): CP reads and stores
  // through the Cpu's accessors between runs too, and the host moves
  // frames in the middle of a run (DIAGNOSE X'10', an I/O instruction's
  // input), so the compare would belong on every TLB probe, the inline
  // fast paths included; the callback costs them nothing, and a move
  // happens about once per frame and machine. No service is asked for (no
  // interruption is more due than it was): the run loop only resumes
  // from psw.ia after the instruction (kResyncService) and, its block
  // gone, fetches it anew from the new frame.
  iblock_ = kNoBlock;
  resync_ |= kResyncService;
  new_generation();
}

void Cpu::new_generation() {
  // A new generation makes every entry stale at once. When the counter
  // wraps, the entries are cleared to generation 0, which is never current.
  gen_ += kGenStep;
  if (gen_ == 0) {
    rtlb_ = Tlb{};
    wtlb_ = Tlb{};
    gen_ = kGenStep;
  }
}

// ---- The run loop ------------------------------------------------------------

namespace {

// Where the run loop goes for each opcode: the code of a handler it expands
// in place (general.h), or its generic dispatch through the opcode table.
// One table per state: a privileged row has another handler in the problem
// state, so it goes the generic way there. While PER is on, every opcode
// goes the generic way (the expanded code has no PER checks).
//
// After the 256 opcodes, each table holds the 16 copies of every handler
// the loop expands once per register or count (S370_INLINE_BRANCHES and
// S370_INLINE_BY_COUNT): the second jump, on a field of the instruction,
// goes through the same table, which is already in a register.
#define S370_COPY_INDEX(h, n) kCopies_##h,
enum : int {
  S370_INLINE_BRANCHES(S370_COPY_INDEX) S370_INLINE_BY_COUNT(S370_COPY_INDEX) kCopiedHandlers
};
#undef S370_COPY_INDEX
constexpr int kJumps = 256 + 16 * kCopiedHandlers;

struct JumpTables {
  const void* supervisor[kJumps];
  const void* problem[kJumps];
  const void* generic[kJumps];
};

JumpTables make_jump_tables(const DispatchTables& t, const void* const* labels,
                            const Handler* handlers, size_t n, const void* generic,
                            const void* const* copies) {
  JumpTables j;
  for (int op = 0; op < 256; op++) {
    j.supervisor[op] = j.problem[op] = j.generic[op] = generic;
    for (size_t k = 0; k < n; k++) {
      if (t.supervisor[op] == handlers[k]) j.supervisor[op] = labels[k];
      if (t.problem[op] == handlers[k]) j.problem[op] = labels[k];
    }
  }
  for (int i = 256; i < kJumps; i++)
    j.supervisor[i] = j.problem[i] = j.generic[i] = copies[i - 256];
  return j;
}

}  // namespace

#if defined(S370_CHECKED)
namespace {
[[noreturn]] void in_place_broken(const char* name) {
  std::fprintf(stderr, "s370: handler %s, expanded in place, branched or asked for the service\n",
               name);
  std::abort();
}
}  // namespace
#define S370_CHECK_IN_PLACE(h) \
  if (resync_ != 0) in_place_broken(#h)
#else
#define S370_CHECK_IN_PLACE(h)
#endif

// Labels as values (a GNU extension that GCC and Clang share) give each
// handler its own dispatch jump: see docs/ARCHITECTURE.md, "The run loop".
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"

RunResult Cpu::run(u64 budget) {
  // Stores may restart their instruction while it runs (Cpu::slow); false
  // again when it returns or throws. (Not an RAII guard: one cost the run
  // loop a register.)
  restartable_ = true;
  RunResult res;
  const u64 start = instructions(), start_int = interruptions_;
  budget_left_ = budget;
  force_service();
#define S370_LABEL(h, n) &&op_##h,
#define S370_HANDLER(h, n) &insn::h,
  static const void* const labels[] = {
      S370_INLINE_HANDLERS(S370_LABEL) S370_INLINE_BRANCHES(S370_LABEL)
          S370_INLINE_BY_COUNT(S370_LABEL) S370_INLINE_HFP(S370_LABEL)
              S370_INLINE_HFP_RAISING(S370_LABEL)};
  static constexpr Handler handlers[] = {
      S370_INLINE_HANDLERS(S370_HANDLER) S370_INLINE_BRANCHES(S370_HANDLER)
          S370_INLINE_BY_COUNT(S370_HANDLER) S370_INLINE_HFP(S370_HANDLER)
              S370_INLINE_HFP_RAISING(S370_HANDLER)};
#define S370_COPY_LABELS(h, n)                                                  \
  &&op_##h##_0, &&op_##h##_1, &&op_##h##_2, &&op_##h##_3, &&op_##h##_4, &&op_##h##_5,   \
      &&op_##h##_6, &&op_##h##_7, &&op_##h##_8, &&op_##h##_9, &&op_##h##_10,            \
      &&op_##h##_11, &&op_##h##_12, &&op_##h##_13, &&op_##h##_14, &&op_##h##_15,
  static const void* const copies[] = {S370_INLINE_BRANCHES(S370_COPY_LABELS)
                                           S370_INLINE_BY_COUNT(S370_COPY_LABELS)};
  static_assert(std::size(copies) == 16 * kCopiedHandlers);
#undef S370_COPY_LABELS
  static const JumpTables jump =
      make_jump_tables(tables_, labels, handlers, std::size(handlers), &&generic, copies);
#undef S370_LABEL
#undef S370_HANDLER
  // Instructions left in the slice after the current one. The handlers
  // expanded in place never read the clock, so countdown_ is brought up to
  // date only for the generic ones, at the end of a slice and on a program
  // check (which is why it lives outside the try).
  i64 cd = 0;
  // The host address of the current instruction. Code expanded in place
  // keeps neither psw.ia nor the ILC up to date: both follow from hp and
  // the opcode, and are stored only where something reads them (the
  // generic path, the end of a slice, the catch).
  const u8* hp = nullptr;
  // True while the instruction at hp runs expanded in place: a program
  // check then belongs to it, with its address and ILC still to be stored.
  bool in_place = false;
  for (;;) {
    try {
      cd = countdown_;
      u32 ia = 0;   // the next instruction's address, on the slow paths
      u32 bt = 0;   // a branch target
      u32 len = 0;  // an instruction's length
      u16 raised = 0;  // the code of an exception that completed
      // The jump table for the state, and one past the last host address
      // of the instruction block where an instruction of any length fits.
      // Locals, so that they stay in registers: a store through a byte
      // pointer could alias a member.
      const void* const* jt = nullptr;
      uintptr_t hend = 0;
      // hp for logical address a when it lies in the current instruction
      // block (a subtraction and a compare): false when it does not.
      auto aim = [&](u32 a) __attribute__((always_inline)) {
        if (std::rotr(a - iblock_, 1) > (kBlockMask - 5) >> 1) return false;
        hp = reinterpret_cast<const u8*>(hbias_ + a);
        return true;
      };
      auto block_end = [&]() __attribute__((always_inline)) {
        return reinterpret_cast<uintptr_t>(iblock_host_) + (kBlockMask - 4);
      };

// The next instruction, after one of n bytes (0: none, or one that stored
// its own ILC): the slice is spent, or it is not in the current block
// (hend is one past the last address where an instruction of any length
// fits), or it goes to its handler.
#define S370_NEXT(n)                                                       \
  do {                                                                     \
    if (--cd < 0) [[unlikely]]                                             \
      goto slice_end_##n;                                                  \
    if (reinterpret_cast<uintptr_t>(hp) >= hend) [[unlikely]]             \
      goto refetch_##n;                                                    \
    goto* jt[hp[0]];                                                      \
  } while (0)
// The same after aim() succeeded: it has checked that an instruction of
// any length fits in the block from hp.
#define S370_NEXT_AIMED(n)                                                 \
  do {                                                                     \
    if (--cd < 0) [[unlikely]]                                             \
      goto slice_end_##n;                                                  \
    goto* jt[hp[0]];                                                      \
  } while (0)
// A handler expanded in place. It never branches and never asks for the
// service (general.h, S370_INLINE_HANDLERS), so nothing is looked at after
// it; the sanitizer build checks that.
#define S370_CASE(h, n)                                                    \
  op_##h : {                                                               \
    insn::h(*this, hp);                                                    \
    S370_CHECK_IN_PLACE(h);                                                \
    hp += (n);                                                             \
    S370_NEXT(n);                                                          \
  }
// Sixteen copies of a handler, for i = 0 to 15.
#define S370_16(X, h, n)                                                   \
  X(h, n, 0) X(h, n, 1) X(h, n, 2) X(h, n, 3) X(h, n, 4) X(h, n, 5)        \
  X(h, n, 6) X(h, n, 7) X(h, n, 8) X(h, n, 9) X(h, n, 10) X(h, n, 11)      \
  X(h, n, 12) X(h, n, 13) X(h, n, 14) X(h, n, 15)
// A branch expanded in place. A jump on the register its target comes
// from (target_reg) picks a copy of the decision made for that register,
// so that the register is read at once instead of after the instruction's
// bytes arrive: the jump is predicted, and the chain of dependent loads
// from one branch to the next is cut (docs/ARCHITECTURE.md, "Branches").
// Within the block a taken branch re-aims hp at once, in each copy (a jump
// to one shared tail cost an instruction and a taken jump per branch);
// elsewhere the fetch goes the slow way (far). The part of the decision
// that needs no register (X_if: BC's and BCR's mask) comes before the
// second jump, so that a branch it rejects makes no second jump.
#define S370_BRANCH_REG(h, n, r)                                           \
  op_##h##_##r:                                                            \
    if (insn::h##_to(*this, hp, ia_of(hp + (n)), (n) / 2, bt, r)) {        \
      bt &= kAddrMask;                                                     \
      if (aim(bt)) S370_NEXT_AIMED(n);                                     \
      goto far_##h;                                                        \
    }                                                                      \
    goto untaken_##h;
#define S370_BRANCH_CASE(h, n)                                             \
  op_##h:                                                                  \
    if (!insn::h##_if(*this, hp)) goto untaken_##h;                        \
    goto* jt[256 + 16 * kCopies_##h + insn::target_reg(hp, n)];            \
    S370_16(S370_BRANCH_REG, h, n)                                         \
  far_##h:                                                                 \
    psw.ia = bt;                                                           \
    ilc_ = (n) / 2;                                                        \
    goto far;                                                              \
  untaken_##h:                                                             \
    hp += (n);                                                             \
    S370_NEXT(n);
// LM and STM: a jump on the count of registers to a copy of the handler
// made for it, with the registers moved by straight-line code.
#define S370_COUNT(h, n, k)                                                \
  op_##h##_##k:                                                            \
    insn::h##_k(*this, hp, k);                                             \
    S370_CHECK_IN_PLACE(h);                                                \
    hp += (n);                                                             \
    S370_NEXT(n);
#define S370_BY_COUNT_CASE(h, n)                                           \
  op_##h:                                                                  \
    goto* jt[256 + 16 * kCopies_##h + insn::reg_count(hp)];                \
    S370_16(S370_COUNT, h, n)
// HFP arithmetic expanded in place: an exception that completes it (the
// result stored) is taken here, as the generic path's handler would take
// it, with the address and ILC of the instruction stored first.
#define S370_RAISING_CASE(h, n)                                            \
  op_##h : {                                                               \
    const u16 code = insn::h##_code(*this, hp);                            \
    S370_CHECK_IN_PLACE(h);                                                \
    hp += (n);                                                             \
    if (code != 0) [[unlikely]] {                                          \
      raised = code;                                                       \
      goto raise_##n;                                                      \
    }                                                                      \
    S370_NEXT(n);                                                          \
  }
// After a generic handler: a branch taken, or the service asked for.
#define S370_AFTER()                                                       \
  do {                                                                     \
    if (resync_) [[unlikely]] {                                            \
      if (resync_ == kResyncBranch) goto branched;                         \
      goto service_due;                                                    \
    }                                                                      \
    S370_NEXT(0);                                                          \
  } while (0)

      // On entry and after a program interruption, the service first (the
      // new PSW may be a wait PSW, or enable a pending interruption).
      if (async_.load(std::memory_order_relaxed) != 0) goto slice_end;
      in_place = true;
      goto resume;

      S370_INLINE_HANDLERS(S370_CASE)
      S370_INLINE_BRANCHES(S370_BRANCH_CASE)
      S370_INLINE_BY_COUNT(S370_BY_COUNT_CASE)
      S370_INLINE_HFP(S370_CASE)
      S370_INLINE_HFP_RAISING(S370_RAISING_CASE)

    raise_2:
      ilc_ = 1;
      goto raise_0;
    raise_4:
      ilc_ = 2;
      goto raise_0;
    raise_0:
      // hp is past the instruction, which is done.
      countdown_ = cd;
      psw.ia = ia_of(hp);
      in_place = false;
      program_interrupt(raised);
      in_place = true;
      if (async_.load(std::memory_order_relaxed) != 0) resync_ |= kResyncService;
      S370_AFTER();

    generic: {
      // Every other opcode, through the table, with the instruction
      // address and ILC stored as every handler sees them. The length is
      // chosen by a branch, not computed from the opcode: a predicted
      // branch lets the next address be known before the opcode arrives.
      const u8 op = hp[0];
      countdown_ = cd;
      ia = ia_of(hp);
      in_place = false;
      if (op < 0x40) {
        ilc_ = 1;
        psw.ia = (ia + 2) & kAddrMask;
        dispatch_[op](*this, hp);
        hp += 2;
      } else if (op < 0xC0) {
        ilc_ = 2;
        psw.ia = (ia + 4) & kAddrMask;
        dispatch_[op](*this, hp);
        hp += 4;
      } else {
        ilc_ = 3;
        psw.ia = (ia + 6) & kAddrMask;
        dispatch_[op](*this, hp);
        hp += 6;
      }
      in_place = true;
      // A request made during the instruction (the machine cuts a slice
      // short from START I/O, through request_stop) is seen before the next.
      if (async_.load(std::memory_order_relaxed) != 0) resync_ |= kResyncService;
      S370_AFTER();
    }

    // The slice is spent, or the next instruction is not in the block,
    // after an instruction that did not store its ILC: it is stored now,
    // as the ILC an access exception of the fetch reports.
    slice_end_2:
      ilc_ = 1;
      goto slice_end_0;
    slice_end_4:
      ilc_ = 2;
      goto slice_end_0;
    slice_end_6:
      ilc_ = 3;
      goto slice_end_0;
    refetch_2:
      ilc_ = 1;
      goto refetch_0;
    refetch_4:
      ilc_ = 2;
      goto refetch_0;
    refetch_6:
      ilc_ = 3;
      goto refetch_0;

    slice_end_0:
      psw.ia = ia_of(hp);
      goto slice_end;

    refetch_0:
      // Sequential flow off the block's end.
      ia = ia_of(hp);
      goto fetch;

    far:
      // psw.ia is outside the current block (a branch, a new PSW).
      if (--cd < 0) goto slice_end;
      ia = psw.ia;
      // Fall through.

    fetch:
      // Another block, or an instruction that crosses into the next.
      // Requests from other threads are looked at here too, so that code
      // without taken branches sees them at the end of its block.
      if (async_.load(std::memory_order_relaxed) != 0) [[unlikely]] {
        ++cd;  // this instruction has not run
        psw.ia = ia;
        goto slice_end;
      }
      in_place = false;
      hp = fetch_slow(ia);
      in_place = true;
      if (hp == ibuf_) goto crossing;
      hend = block_end();
      goto* jt[hp[0]];

    crossing:
      // An instruction that crosses into the next block, fetched into
      // ibuf_: generic, and then the address from psw.ia again.
      countdown_ = cd;
      len = static_cast<u32>(insn_length(ibuf_[0]));
      ilc_ = static_cast<u8>(len / 2);
      psw.ia = (ia + len) & kAddrMask;
      in_place = false;
      dispatch_[ibuf_[0]](*this, ibuf_);
      in_place = true;
      if (async_.load(std::memory_order_relaxed) != 0) resync_ |= kResyncService;
      if (resync_ & kResyncService) goto service_due;
      // Fall through.

    branched:
      // A generic handler branched (or an instruction crossed a block).
      resync_ = 0;
      if (aim(psw.ia)) S370_NEXT(0);
      goto far;

    service_due:
      resync_ = 0;
      if (async_.load(std::memory_order_relaxed) == 0) goto resume;
      // Fall through: the service first.

    slice_end:
      // psw.ia is the next instruction's address.
      countdown_ = cd < 0 ? 0 : cd;
      icount_base_ += slice_ - countdown_;
      {
        const u64 done = icount_base_ - start + (interruptions_ - start_int);
        budget_left_ = budget > done ? budget - done : 0;
      }
      slice_ = countdown_ = 0;
      cd = 0;  // (the service may end in a program check)
      in_place = false;
      if (!service(res)) {
        restartable_ = false;
        res.executed = instructions() - start;
        res.interruptions = interruptions_ - start_int;
        return res;
      }
      in_place = true;
      cd = countdown_;
      resync_ = 0;
      // Fall through.

    resume:
      // From psw.ia, with the jump table for the state (which the service
      // or a generic handler may have changed) and the block's end. What a
      // PSW load asked of the loop (Cpu::load_psw) is done by this.
      resync_ = 0;
      jt = per_any_                       ? jump.generic
            : dispatch_ == tables_.problem ? jump.problem
                                           : jump.supervisor;
      hend = block_end();
      if (aim(psw.ia)) S370_NEXT(0);
      goto far;
#undef S370_NEXT
#undef S370_NEXT_AIMED
#undef S370_AFTER
#undef S370_CASE
#undef S370_RAISING_CASE
#undef S370_BRANCH_CASE
#undef S370_BRANCH_REG
#undef S370_COUNT
#undef S370_16
#undef S370_BY_COUNT_CASE
#undef S370_CHECK_IN_PLACE
    } catch (const Restart&) {
      // A store copied a shared frame (Cpu::slow): the instruction starts
      // again, from the new frames, as if it had not been begun; it counts
      // once. Its address comes from the host pointer alone: the bytes
      // there are the old frame's.
      countdown_ = cd + 1;
      in_execute_ = false;
      if (in_place) {
        psw.ia = ia_of(hp);
        in_place = false;
      } else {
        psw.ia = insn_address();
      }
    } catch (const ProgramCheck& pc) {
      countdown_ = cd;
      in_execute_ = false;
      if (in_place) {
        // An instruction expanded in place: its address and ILC now.
        const u32 n = static_cast<u32>(insn_length(hp[0]));
        psw.ia = (ia_of(hp) + n) & kAddrMask;
        ilc_ = static_cast<u8>(n / 2);
        in_place = false;
      }
      take_program(pc.code);
    } catch (...) {
      restartable_ = false;  // (the host's exceptions, and bad_alloc)
      throw;
    }
  }
}

#pragma GCC diagnostic pop

const u8* Cpu::fetch_slow(u32 ia) {
  // Instruction fetch (chapter 5, "Instruction Fetching"). On an access
  // exception the old PSW shows the fetch address advanced by the previous
  // ILC, and that ILC, as Hercules stores it (the Principles leave the ILC
  // unpredictable here); nullifying exceptions back it up again.
  try {
    if (ia & 1) program_check(pgm::kSpecification);
    const u32 off = ia & kBlockMask;
    u8* p = slow(VirtAddr(ia), 2, Access::Instruction);
    // Fetches from this block go fast from now on (PER instruction fetch
    // single-steps through service(), so it needs no check here).
    iblock_ = ia & ~kBlockMask;
    iblock_host_ = p - off;
    hbias_ = reinterpret_cast<uintptr_t>(iblock_host_) - iblock_;
    const int len = insn_length(p[0]);
    if (off + len <= kBlockMask + 1) {
      return p;
    }
    // Crosses into the next 2K block: fetch the rest from there.
    const u32 first = (1u << Storage::kBlockShift) - off;
    std::memcpy(ibuf_, p, first);
    u8* q = slow(VirtAddr(ia + first), len - first, Access::Instruction);
    std::memcpy(ibuf_ + first, q, len - first);
    return ibuf_;
  } catch (const ProgramCheck&) {
    psw.ia = (ia + 2u * ilc_) & kAddrMask;
    throw;
  }
}

void Cpu::execute_target(const u8* ip) {
  // EXECUTE (chapter 7): the target runs with the ILC and instruction
  // address of EX itself; an EX target that is EX is an execute exception.
  if (ip[0] == 0x44) program_check(pgm::kExecute);
  in_execute_ = true;
  dispatch_[ip[0]](*this, ip);
  in_execute_ = false;
}

// ---- Storage access --------------------------------------------------------------

AbsAddr Cpu::translate(VirtAddr a, Access acc) {
  RealAddr r(a.v);
  bool seg_protected = false;
  if (psw.dat()) {
    u32 ste_flags = 0;
    u16 code = dat(a, &r, false, &ste_flags);
    if (code) program_check(code);
    seg_protected = ste_flags & 0x4;
  }
  const AbsAddr abs = real_to_abs(r);
  if (!storage_.valid(abs)) program_check(pgm::kAddressing);
  u8& key = storage_.key(abs);
  if (acc == Access::Store) {
    // Low-address protection (CR0 bit 3) guards logical 0-511 against
    // stores whatever the key; segment protection guards a whole segment.
    if ((cr[0] & 0x10000000) && a.v < 512) program_check(pgm::kProtection);
    if (seg_protected) program_check(pgm::kProtection);
    if (psw.key != 0 && (key >> 4) != psw.key) program_check(pgm::kProtection);
    key |= kKeyRef | kKeyChange;
  } else {
    if (psw.key != 0 && (key & kKeyFetch) && (key >> 4) != psw.key)
      program_check(pgm::kProtection);
    key |= kKeyRef;
  }
  return abs;
}

u8* Cpu::slow(VirtAddr a, u32 len, Access acc) {
  // Translate and check the block, then cache it in the access TLB. The
  // TLB keeps no entry while PER storage alteration watches stores.
  const AbsAddr abs = translate(a, acc);
  const AbsAddr block_abs(abs.v & ~kBlockMask);
  Tlb& t = acc == Access::Store ? wtlb_ : rtlb_;
  const u32 i = index_of(a.v);
  u8* block;
  if (acc == Access::Store) {
    // A store entry points at a private frame: the first store to a
    // shared frame comes here and copies it (Storage::frame_for_write),
    // which purges the TLB (frames_moved). The instruction may already
    // hold pointers into the old frame: its own bytes (the run loop's
    // instruction pointer), an operand fetched before this one (MVC's
    // source that overlaps its destination). Rather than let it finish
    // with them, it is restarted: after the copy, and before it has
    // stored anything, exactly where a page-translation exception would
    // nullify it, so the handlers' rules for those make this safe; then
    // everything it takes comes from the new frames. Not in a call into
    // the host (HostCall), whose work must not be repeated: there the
    // store completes, the old frame kept alive meanwhile (Storage's
    // retired_), and the run loop refetches after the instruction.
    const u32 gen = gen_;
    block = storage_.ptr_for_write(block_abs);
    if (gen_ != gen && restartable_) throw Restart{};
    const bool low_protect = (cr[0] & 0x10000000) && (a.v >> Storage::kBlockShift) == 0;
    if (!per_store_ && !low_protect) t.fill(i, tag_of(a.v), block);
  } else {
    // The const goes only because both TLBs have one entry type: nothing
    // stores through a fetch entry.
    block = const_cast<u8*>(storage_.ptr_for_cached_read(block_abs));
    t.fill(i, tag_of(a.v), block);
  }
  (void)len;
  return block + (a.v & kBlockMask);
}

Span Cpu::span_slow(VirtAddr a, u32 len, Access acc) {
  const u32 block = kBlockMask + 1;
  const u32 off = a.v & (block - 1);
  Span s;
  if (off + len > block) {
    // Two blocks, both already in the TLB: no checks to repeat.
    const Tlb& t = acc == Access::Store ? wtlb_ : rtlb_;
    const VirtAddr b = a + (block - off);
    const u32 i1 = index_of(a.v), i2 = index_of(b.v);
    if (t.tag[i1] == tag_of(a.v) && t.tag[i2] == tag_of(b.v))
      return Span{t.host[i1] + off, t.host[i2], block - off};
  }
  if (off + len <= block) {
    s.p0 = slow(a, len, acc);
    s.n0 = len;
    return s;
  }
  // Two blocks: both are checked before anything is stored.
  s.n0 = block - off;
  s.p0 = slow(a, s.n0, acc);
  s.p1 = slow(a + s.n0, len - s.n0, acc);
  return s;
}

u64 Cpu::read_slow(VirtAddr a, u32 len) {
  Span s = span(a, len, Access::Fetch);
  u64 v = 0;
  for (u32 i = 0; i < len; i++) v = (v << 8) | s[i];
  return v;
}

void Cpu::write_slow(VirtAddr a, u64 v, u32 len) {
  Span s = span_slow(a, len, Access::Store);
  for (u32 i = 0; i < len; i++) s[i] = static_cast<u8>(v >> (8 * (len - 1 - i)));
  after_store(a, len);
}

void Cpu::after_store(VirtAddr a, u32 len) {
  if (!per_store_) return;
  // PER storage alteration (chapter 4): any byte stored in the range.
  bool hit = false;
  for (u32 i = 0; i < len && !hit; i++) hit = per_in_range((a.v + i) & kAddrMask);
  if (hit) {
    per_code_ |= 0x2000;
    per_addr_ = insn_address();
    force_service();  // the PER interruption follows this instruction
  }
}

bool Cpu::per_in_range(u32 x) const {
  // The PER range CR10..CR11 (chapter 4), wrapping past the top when the
  // start is above the end.
  const u32 start = cr[10] & kAddrMask, end = cr[11] & kAddrMask;
  return start <= end ? (x >= start && x <= end) : (x >= start || x <= end);
}

void Cpu::per_branch_event() {
  per_code_ |= 0x8000;
  per_addr_ = insn_address();
  force_service();
}

// ---- Real storage ---------------------------------------------------------------

// PSA fields and the channel subsystem's words are aligned, so they never
// cross a frame. A store here that copies a shared frame (the PSA of a
// saved system at the first interruption) purges the TLB, and the run loop
// resumes from psw.ia; nothing is restarted: interruptions and the
// channel subsystem keep no pointers.
const u8* Cpu::real_bytes(RealAddr r, u32 len) {
  const AbsAddr a = real_to_abs(r);
  if (!storage_.valid(AbsAddr(a.v + len - 1))) program_check(pgm::kAddressing);
  return storage_.ptr_for_read(a);
}
u8* Cpu::real_bytes_for_store(RealAddr r, u32 len) {
  const AbsAddr a = real_to_abs(r);
  if (!storage_.valid(AbsAddr(a.v + len - 1))) program_check(pgm::kAddressing);
  storage_.key(a) |= kKeyRef | kKeyChange;
  return storage_.ptr_for_write(a);
}
u32 Cpu::real_read32(RealAddr r) { return load_be32(real_bytes(r, 4)); }
u64 Cpu::real_read64(RealAddr r) { return load_be64(real_bytes(r, 8)); }
void Cpu::real_write32(RealAddr r, u32 v) { store_be32(real_bytes_for_store(r, 4), v); }
void Cpu::real_write64(RealAddr r, u64 v) { store_be64(real_bytes_for_store(r, 8), v); }
void Cpu::real_write16(RealAddr r, u16 v) { store_be16(real_bytes_for_store(r, 2), v); }
void Cpu::real_write8(RealAddr r, u8 v) { *real_bytes_for_store(r, 1) = v; }

bool Cpu::channel_enabled(u8 channel) const {
  if (psw.ec) {
    if (!(psw.sysmask & Psw::kEcIo)) return false;
    return channel < 32 && (cr[2] & (0x80000000u >> channel));
  }
  // BC mode: PSW bits 0-5 mask channels 0-5; bit 6 masks channels 6 and
  // up together with their CR2 bits 6-31 (chapter 6, "I/O Interruption",
  // masking): both must be one.
  if (channel < 6) return psw.sysmask & (0x80 >> channel);
  return (psw.sysmask & 0x02) && channel < 32 && (cr[2] & (0x80000000u >> channel));
}

}  // namespace s370
