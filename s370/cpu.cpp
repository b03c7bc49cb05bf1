// The run loop and storage access (Principles of Operation, chapter 3,
// "Storage", and chapter 5, "Program Execution").
#include "s370/cpu.h"

#include "s370/general.h"

#include <algorithm>
#include <bit>
#include <limits>

namespace s370 {

Cpu::Cpu(Storage& storage, Host& host, Clock& clock)
    : storage_(storage), host_(host), clock_(clock), tables_(dispatch_tables()) {
  dispatch_ = tables_.supervisor;
  reset_initial();
}

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

void Cpu::load_psw(const Psw& p) {
  const bool same_space = p.key == psw.key && p.dat() == psw.dat() && p.per() == psw.per();
  psw = p;
  psw.intcode = 0;
  psw.ilc = 0;
  psw_invalid_ = !psw.valid();
  dispatch_ = psw.problem ? tables_.problem : tables_.supervisor;
  // Only a new key, DAT mode or PER mask changes what cached translations
  // allow; masks and state changes just need a look at the interruptions.
  if (same_space)
    force_service();
  else
    state_changed();
}

void Cpu::state_changed() {
  dispatch_ = psw.problem ? tables_.problem : tables_.supervisor;
  // PER is active with the PSW's PER mask and the event masks of CR9.
  const bool per = psw.per();
  per_branch_ = per && (cr[9] & 0x80000000);
  per_ifetch_ = per && (cr[9] & 0x40000000);
  per_store_ = per && (cr[9] & 0x20000000);
  // Key, DAT mode, control registers or PER may have changed what a cached
  // translation allows. (The purge also makes the run loop look at pending
  // interruptions before the next instruction.)
  purge_tlb();
}

void Cpu::purge_tlb() {
  iblock_ = kNoBlock;
  force_service();  // the run loop holds the instruction block in a register
  // A new generation makes every entry stale at once. When the counter
  // wraps, the entries are cleared to generation 0, which is never current.
  gen_ += kGenStep;
  if (gen_ == 0) {
    for (auto& e : rtlb_) e = TlbEntry{};
    for (auto& e : wtlb_) e = TlbEntry{};
    gen_ = kGenStep;
  }
}

// ---- The run loop ------------------------------------------------------------

namespace {

// Where the run loop goes for each opcode: the code of a handler it expands
// in place (general.h), or its generic dispatch through the opcode table.
// One table per state: a privileged row has another handler in the problem
// state, so it goes the generic way there.
struct JumpTables {
  const void* supervisor[256];
  const void* problem[256];
};

JumpTables make_jump_tables(const DispatchTables& t, const void* const* labels,
                            const Handler* handlers, size_t n, const void* generic) {
  JumpTables j;
  for (int op = 0; op < 256; op++) {
    j.supervisor[op] = j.problem[op] = generic;
    for (size_t k = 0; k < n; k++) {
      if (t.supervisor[op] == handlers[k]) j.supervisor[op] = labels[k];
      if (t.problem[op] == handlers[k]) j.problem[op] = labels[k];
    }
  }
  return j;
}

}  // namespace

// Labels as values (a GNU extension that GCC and Clang share) give each
// handler its own dispatch jump: see docs/ARCHITECTURE.md, "The run loop".
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"

RunResult Cpu::run(u64 budget) {
  RunResult res;
  const u64 start = instructions(), start_int = interruptions_;
  budget_left_ = budget;
  force_service();
#define S370_LABEL(h, n) &&op_##h,
#define S370_HANDLER(h, n) &insn::h,
  static const void* const labels[] = {S370_INLINE_HANDLERS(S370_LABEL)};
  static constexpr Handler handlers[] = {S370_INLINE_HANDLERS(S370_HANDLER)};
  static const JumpTables jump =
      make_jump_tables(tables_, labels, handlers, std::size(handlers), &&generic);
#undef S370_LABEL
#undef S370_HANDLER
  // Instructions left in the slice after the current one. The handlers
  // expanded in place never read the clock, so countdown_ is brought up to
  // date only for the generic ones, at the end of a slice and on a program
  // check (which is why it lives outside the try).
  i64 cd = 0;
  for (;;) {
    try {
      // The countdown, the instruction address and a host pointer to the
      // instruction live in registers. Sequential flow steps `ia` and `hp`
      // together; a branch sets resync_ and the loop re-derives both from
      // psw.ia; a request for the service (a PSW load, a TLB purge, an
      // interruption condition, another thread) ends the slice.
      cd = countdown_;
      u32 ia = 0;
      const u8* hp = nullptr;
      // hp for psw.ia when it lies in the current instruction block (a
      // subtraction and a compare), else a fetch the slow way next.
      auto point_at = [&]() __attribute__((always_inline)) {
        ia = psw.ia;
        const u32 off = ia - iblock_;
        if (std::rotr(off, 1) <= (kBlockMask - 5) >> 1)
          hp = iblock_host_ + off;
        else
          hend_ = 0;
      };
      // One past the last host address of the instruction block where an
      // instruction of any length fits.
      auto block_end = [&]() __attribute__((always_inline)) {
        return reinterpret_cast<uintptr_t>(iblock_host_) + (kBlockMask - 4);
      };
      auto resync_all = [&]() __attribute__((always_inline)) {
        jt_ = dispatch_ == tables_.problem ? jump.problem : jump.supervisor;
        hend_ = block_end();
        point_at();
      };
      resync_all();

// The next instruction: the slice is spent, or it is not in the current
// block (hend_ is one past the last address where an instruction of any
// length fits), or it goes to its handler.
#define S370_NEXT()                                                        \
  do {                                                                     \
    if (--cd < 0) [[unlikely]]                                             \
      goto slice_end;                                                      \
    if (reinterpret_cast<uintptr_t>(hp) >= hend_) [[unlikely]]             \
      goto refetch;                                                        \
    goto* jt_[hp[0]];                                                      \
  } while (0)
// After a handler: a branch taken, or the service asked for.
#define S370_AFTER()                                                       \
  do {                                                                     \
    if (resync_) [[unlikely]] {                                            \
      if (resync_ == kResyncBranch) goto branched;                         \
      goto service_due;                                                    \
    }                                                                      \
    S370_NEXT();                                                           \
  } while (0)
// A handler expanded in place: the instruction address and ILC as every
// handler sees them, then its body.
#define S370_CASE(h, n)                                                    \
  op_##h : {                                                               \
    ilc_ = (n) / 2;                                                        \
    ia = (ia + (n)) & kAddrMask;                                           \
    psw.ia = ia;                                                           \
    insn::h(*this, hp);                                                    \
    hp += (n);                                                             \
    S370_AFTER();                                                          \
  }

      // On entry and after a program interruption, the service first (the
      // new PSW may be a wait PSW, or enable a pending interruption).
      if (async_.load(std::memory_order_relaxed) != 0) goto slice_end;
      S370_NEXT();
      S370_INLINE_HANDLERS(S370_CASE)

    generic: {
      // Every other opcode, through the table. The length is chosen by a
      // branch, not computed from the opcode: a predicted branch lets the
      // next address be known before the opcode byte arrives.
      const u8 op = hp[0];
      countdown_ = cd;
      if (op < 0x40) {
        ilc_ = 1;
        ia = (ia + 2) & kAddrMask;
        psw.ia = ia;
        dispatch_[op](*this, hp);
        hp += 2;
      } else if (op < 0xC0) {
        ilc_ = 2;
        ia = (ia + 4) & kAddrMask;
        psw.ia = ia;
        dispatch_[op](*this, hp);
        hp += 4;
      } else {
        ilc_ = 3;
        ia = (ia + 6) & kAddrMask;
        psw.ia = ia;
        dispatch_[op](*this, hp);
        hp += 6;
      }
      // A request made during the instruction (the machine cuts a slice
      // short from START I/O, through request_stop) is seen before the next.
      if (async_.load(std::memory_order_relaxed) != 0) resync_ |= kResyncService;
      S370_AFTER();
    }

    refetch:
      // Another block, the end of one, or an instruction that crosses into
      // the next (fetched into ibuf_; hend_ 0 brings the next fetch here).
      // Requests from other threads are looked at here too, so that code
      // without taken branches sees them at the end of its block.
      if (async_.load(std::memory_order_relaxed) != 0) [[unlikely]] {
        ++cd;  // this instruction has not run
        goto slice_end;
      }
      hp = fetch_slow(ia);
      hend_ = hp == ibuf_ ? 0 : block_end();
      goto* jt_[hp[0]];

    branched:
      resync_ = 0;
      point_at();
      S370_NEXT();

    service_due:
      resync_ = 0;
      if (async_.load(std::memory_order_relaxed) == 0) {
        resync_all();
        S370_NEXT();
      }
      // Fall through: the service first.

    slice_end: {
      countdown_ = cd < 0 ? 0 : cd;
      icount_base_ += slice_ - countdown_;
      const u64 done = icount_base_ - start + (interruptions_ - start_int);
      budget_left_ = budget > done ? budget - done : 0;
      slice_ = countdown_ = 0;
      cd = 0;  // (the service may end in a program check)
      if (!service(res)) {
        res.executed = instructions() - start;
        res.interruptions = interruptions_ - start_int;
        return res;
      }
      cd = countdown_;
      resync_ = 0;
      resync_all();
      S370_NEXT();
    }
#undef S370_NEXT
#undef S370_AFTER
#undef S370_CASE
    } catch (const ProgramCheck& pc) {
      countdown_ = cd;
      in_execute_ = false;
      take_program(pc.code);
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
  u8* block = storage_.ptr(AbsAddr(abs.v & ~((1u << Storage::kBlockShift) - 1)));
  const bool low_protect = (cr[0] & 0x10000000) && (a.v >> Storage::kBlockShift) == 0;
  if (acc == Access::Store) {
    if (!per_store_ && !low_protect) {
      auto& e = wtlb_[(a.v >> Storage::kBlockShift) & (kTlbSize - 1)];
      e.tag = tag_of(a.v);
      e.host = block;
    }
  } else {
    auto& e = rtlb_[(a.v >> Storage::kBlockShift) & (kTlbSize - 1)];
    e.tag = tag_of(a.v);
    e.host = block;
  }
  (void)len;
  return block + (a.v & ((1u << Storage::kBlockShift) - 1));
}

Span Cpu::span_slow(VirtAddr a, u32 len, Access acc) {
  const u32 block = kBlockMask + 1;
  const u32 off = a.v & (block - 1);
  Span s;
  if (off + len > block) {
    // Two blocks, both already in the TLB: no checks to repeat.
    const TlbEntry* tlb = acc == Access::Store ? wtlb_ : rtlb_;
    const TlbEntry& e1 = tlb[index_of(a.v)];
    const VirtAddr b = a + (block - off);
    const TlbEntry& e2 = tlb[index_of(b.v)];
    if (e1.tag == tag_of(a.v) && e2.tag == tag_of(b.v)) return Span{e1.host + off, e2.host, block - off};
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
// cross a frame.
u8* Cpu::real_bytes(RealAddr r, u32 len, bool store) {
  const AbsAddr a = real_to_abs(r);
  if (!storage_.valid(AbsAddr(a.v + len - 1))) program_check(pgm::kAddressing);
  if (store) storage_.key(a) |= kKeyRef | kKeyChange;
  return storage_.ptr(a);
}
u32 Cpu::real_read32(RealAddr r) { return load_be32(real_bytes(r, 4, false)); }
u64 Cpu::real_read64(RealAddr r) { return load_be64(real_bytes(r, 8, false)); }
void Cpu::real_write32(RealAddr r, u32 v) { store_be32(real_bytes(r, 4, true), v); }
void Cpu::real_write64(RealAddr r, u64 v) { store_be64(real_bytes(r, 8, true), v); }
void Cpu::real_write16(RealAddr r, u16 v) { store_be16(real_bytes(r, 2, true), v); }
void Cpu::real_write8(RealAddr r, u8 v) { *real_bytes(r, 1, true) = v; }

bool Cpu::channel_enabled(u8 channel) const {
  if (psw.ec) {
    if (!(psw.sysmask & Psw::kEcIo)) return false;
    return channel < 32 && (cr[2] & (0x80000000u >> channel));
  }
  // BC mode: PSW bits 0-5 mask channels 0-5, bit 6 channels 6 and up.
  return channel < 6 ? (psw.sysmask & (0x80 >> channel)) : (psw.sysmask & 0x02);
}

}  // namespace s370
