// Control instructions (Principles of Operation, chapter 10, "Control
// Instructions"): the PSW, storage keys, control registers, DAT, the clocks
// and timers, and the CPU's identity. Most are privileged; under CP they
// trap and CP emulates them on the virtual machine.
#include "s370/formats.h"
#include "s370/instructions.h"

namespace s370::insn {

namespace {

inline void require_aligned(Cpu& c, VirtAddr a, u32 n) {
  if (a.v & (n - 1)) c.program_check(pgm::kSpecification);
}

// The 2K block a key instruction names: bits 8-20 of a real address, with
// prefixing applied.
AbsAddr key_block(Cpu& c, u32 real) {
  const AbsAddr a = c.real_to_abs(RealAddr(real & 0x00FFF800));
  if (!c.storage().valid(a)) c.program_check(pgm::kAddressing);
  return a;
}

// Runs `f` with another PSW key in effect (MVCK's source key).
template <typename F>
void with_key(Cpu& c, u8 key, F f) {
  const u8 saved = c.psw.key;
  if (key == saved) return f();
  c.psw.key = key;
  c.purge_tlb();
  try {
    f();
  } catch (...) {
    c.psw.key = saved;
    c.purge_tlb();
    throw;
  }
  c.psw.key = saved;
  c.purge_tlb();
}

}  // namespace

// ---- The PSW ---------------------------------------------------------------------

void lpsw(Cpu& c, const u8* ip) {
  S f(c, ip);
  require_aligned(c, f.addr, 8);
  c.load_psw(Psw::from_u64(c.read64(f.addr)));
}

namespace {
// A new system mask. In the EC mode bits 0 and 2-4 must be zero: like
// Hercules, the mask is set and the instruction ends in a specification
// exception (ILC 2, instruction address past it).
void set_system_mask(Cpu& c, u8 mask) {
  Psw p = c.psw;
  p.sysmask = mask;
  if (p.ec && (mask & 0xB8)) {
    c.psw.sysmask = mask;
    c.program_check(pgm::kSpecification);
  }
  c.load_psw(p);
}
}  // namespace

void ssm(Cpu& c, const u8* ip) {
  // CR0 bit 1 (SSM suppression) turns SSM into a special operation.
  S f(c, ip);
  if (c.cr[0] & 0x40000000) c.program_check(pgm::kSpecialOperation);
  set_system_mask(c, c.read8(f.addr));
}

void stnsm(Cpu& c, const u8* ip) {
  SI f(c, ip);
  c.write8(f.addr, c.psw.sysmask);
  set_system_mask(c, c.psw.sysmask & f.i2);
}

void stosm(Cpu& c, const u8* ip) {
  SI f(c, ip);
  c.write8(f.addr, c.psw.sysmask);
  set_system_mask(c, c.psw.sysmask | f.i2);
}

void spka(Cpu& c, const u8* ip) {
  // SET PSW KEY FROM ADDRESS: in the problem state the key must be allowed
  // by the PSW-key mask in CR3 bits 0-15.
  S f(c, ip);
  const u8 key = (f.addr.v >> 4) & 0xF;
  if (c.psw.problem && !(c.cr[3] & (0x80000000u >> key))) c.program_check(pgm::kPrivilegedOperation);
  c.psw.key = key;
  c.state_changed();
}

void ipk(Cpu& c, const u8*) {
  // INSERT PSW KEY into bits 24-27 of GR2; extraction authority (CR0 bit 4)
  // is needed in the problem state.
  if (c.psw.problem && !(c.cr[0] & 0x08000000)) c.program_check(pgm::kPrivilegedOperation);
  c.gpr[2] = (c.gpr[2] & 0xFFFFFF00) | (u32{c.psw.key} << 4);
}

// ---- Storage keys -----------------------------------------------------------------

void ssk(Cpu& c, const u8* ip) {
  RR f(ip);
  if (c.gpr[f.r2] & 0xF) c.program_check(pgm::kSpecification);
  const AbsAddr a = key_block(c, c.gpr[f.r2]);
  c.storage().key(a) = static_cast<u8>(c.gpr[f.r1] & 0xFE);
  c.purge_tlb();
}

void isk(Cpu& c, const u8* ip) {
  // In the BC mode only the access-control and fetch-protection bits are
  // given; bits 29-31 are zero.
  RR f(ip);
  if (c.gpr[f.r2] & 0xF) c.program_check(pgm::kSpecification);
  const AbsAddr a = key_block(c, c.gpr[f.r2]);
  u8 k = c.storage().key(a) & 0xFE;
  if (!c.psw.ec) k &= 0xF8;
  c.gpr[f.r1] = (c.gpr[f.r1] & 0xFFFFFF00) | k;
}

void rrb(Cpu& c, const u8* ip) {
  // RESET REFERENCE BIT: cc tells the reference and change bits before.
  S f(c, ip);
  const AbsAddr a = key_block(c, f.addr.v);
  u8& k = c.storage().key(a);
  c.psw.cc = static_cast<u8>(((k & kKeyRef) ? 2 : 0) | ((k & kKeyChange) ? 1 : 0));
  k &= static_cast<u8>(~kKeyRef);
  c.purge_tlb();  // the next access must set the bit again
}

void mvck(Cpu& c, const u8* ip) {
  // MOVE WITH KEY: true length in R1 (more than 256 moves 256, cc 3), the
  // source key in bits 24-27 of R3.
  SS f(c, ip);
  const int r1 = ip[1] >> 4, r3 = ip[1] & 0xF;
  const u8 key = (c.gpr[r3] >> 4) & 0xF;
  if (c.psw.problem && !(c.cr[3] & (0x80000000u >> key))) c.program_check(pgm::kPrivilegedOperation);
  u32 n = c.gpr[r1];
  if (n > 256) n = 256;
  if (n == 0) {
    c.psw.cc = 0;
    return;
  }
  Span d = c.span(f.a1, n, Access::Store);
  Span s;
  with_key(c, key, [&] { s = c.span(f.a2, n, Access::Fetch); });
  d = c.span(f.a1, n, Access::Store);
  // Overlapping operands: the Principles leave the result unpredictable;
  // like Hercules the bytes move left to right one at a time, as MVC's do.
  for (u32 i = 0; i < n; i++) d[i] = s[i];
  c.stored(f.a1, n);
  c.psw.cc = c.gpr[r1] > 256 ? 3 : 0;
}

// ---- Control registers and DAT ------------------------------------------------------

void lctl(Cpu& c, const u8* ip) {
  RS f(c, ip);
  require_aligned(c, f.addr, 4);
  const int n = ((f.r3 - f.r1) & 15) + 1;
  Span s = c.span(f.addr, 4u * n, Access::Fetch);
  for (int i = 0; i < n; i++) c.cr[(f.r1 + i) & 15] = load_be32(&s[4u * i]);
  c.state_changed();
}

void stctl(Cpu& c, const u8* ip) {
  RS f(c, ip);
  require_aligned(c, f.addr, 4);
  const int n = ((f.r3 - f.r1) & 15) + 1;
  Span s = c.span(f.addr, 4u * n, Access::Store);
  for (int i = 0; i < n; i++) store_be32(&s[4u * i], c.cr[(f.r1 + i) & 15]);
  c.stored(f.addr, 4u * n);
}

void lra(Cpu& c, const u8* ip) {
  // LOAD REAL ADDRESS translates whatever the PSW's DAT bit says. cc 0 and
  // the real address, or cc 1 (segment invalid), 2 (page invalid), 3
  // (beyond a table's length) with the entry's address.
  RX f(c, ip);
  RealAddr real;
  u32 entry = 0;
  const u16 code = c.dat(f.addr, &real, true, &entry);
  if (code == 0) {
    c.gpr[f.r1] = real.v;
    c.psw.cc = 0;
  } else if (code & 0x8000) {
    c.gpr[f.r1] = entry;
    c.psw.cc = code & 3;
  } else {
    c.program_check(code);
  }
}

void ptlb(Cpu& c, const u8*) { c.purge_tlb(); }

void ipte(Cpu& c, const u8* ip) {
  // INVALIDATE PAGE TABLE ENTRY (RRE, chapter 10): R1 in the format of a
  // segment-table entry gives the page-table origin (bits 8-28; the
  // length is not used), R2 in the format of a virtual address gives the
  // page index for CR0's page and segment size. The entry's page-invalid
  // bit is set and the TLB purged; the condition code is unchanged.
  const u32 r1 = ip[3] >> 4, r2 = ip[3] & 0xF;
  const std::optional<DatFormat> fmt = c.dat_format();
  if (!fmt) c.program_check(pgm::kTranslationSpecification);
  // A real address, by 24-bit arithmetic; the entry is fetched and stored
  // whole (an addressing exception when it is outside storage).
  const RealAddr pte((c.gpr[r1] & 0x00FFFFF8) + fmt->page_index(c.gpr[r2]) * 2);
  const u32 old = c.real_read32(RealAddr(pte.v & ~3u));
  const u16 entry = static_cast<u16>((pte.v & 2) ? old : old >> 16);
  c.real_write16(pte, entry | fmt->pte_invalid());
  c.purge_tlb();
}

void tprot(Cpu& c, const u8* ip) {
  // TEST PROTECTION (SSE, chapter 10): may the first-operand location be
  // fetched and stored with the access key in bits 24-27 of the second-
  // operand address? cc 0 both, 1 fetch only, 2 neither, 3 translation
  // not available. Nothing is fetched or stored and no reference bit is
  // set. Translation specification and an addressing exception for a
  // table entry or the location itself are program interruptions.
  const VirtAddr a1 = base_disp(c, ip + 2), a2 = base_disp(c, ip + 4);
  const u8 akey = (a2.v >> 4) & 0xF;
  RealAddr real(a1.v);
  bool seg_protected = false;
  if (c.psw.dat()) {
    u32 ste_flags = 0;
    const u16 code = c.dat(a1, &real, false, &ste_flags);
    if (code == pgm::kSegmentTranslation || code == pgm::kPageTranslation) {
      c.psw.cc = 3;  // segment or page invalid, or beyond a table's length
      return;
    }
    if (code) c.program_check(code);
    seg_protected = ste_flags & 0x4;
  }
  const AbsAddr abs = c.real_to_abs(real);
  if (!c.storage().valid(abs)) c.program_check(pgm::kAddressing);
  const u8 skey = c.storage().key(abs);
  const bool key_match = akey == 0 || (skey >> 4) == akey;
  const bool fetch_ok = key_match || !(skey & kKeyFetch);
  // Low-address protection (CR0 bit 3, logical 0-511) and segment
  // protection forbid a store whatever the key.
  const bool low_protected = (c.cr[0] & 0x10000000) && a1.v < 512;
  const bool store_ok = key_match && !low_protected && !seg_protected;
  c.psw.cc = !fetch_ok ? 2 : !store_ok ? 1 : 0;
}

void spx(Cpu& c, const u8* ip) {
  S f(c, ip);
  require_aligned(c, f.addr, 4);
  const u32 p = c.read32(f.addr) & 0x00FFF000;
  if (!c.storage().valid(AbsAddr(p + 0xFFF))) c.program_check(pgm::kAddressing);
  c.prefix = p;
  c.purge_tlb();
}

void stpx(Cpu& c, const u8* ip) {
  S f(c, ip);
  require_aligned(c, f.addr, 4);
  c.write32(f.addr, c.prefix);
}

// ---- Identification and other CPUs ------------------------------------------------

void stidp(Cpu& c, const u8* ip) {
  // Version X'FD', serial 000611, model 3158: what Hercules reports for the
  // configuration the differential tests use.
  S f(c, ip);
  require_aligned(c, f.addr, 8);
  c.write64(f.addr, 0xFD00061131580000ull);
}

void stap(Cpu& c, const u8* ip) {
  S f(c, ip);
  require_aligned(c, f.addr, 2);
  c.write16(f.addr, 0);  // CPU address 0
}

void sigp(Cpu& c, const u8* ip) {
  // A uniprocessor: only CPU address 0, this CPU, is operational. The S/370
  // orders are X'01'-X'0C'; any other is an invalid order: cc 1 with the
  // status X'00000002' in R1. An external call or emergency signal to this
  // CPU becomes pending on it, as on Hercules; the other orders are
  // accepted (cc 0) without effect.
  RS f(c, ip);
  if ((c.gpr[f.r3] & 0xFFFF) != 0) {
    c.psw.cc = 3;
    return;
  }
  const u8 order = static_cast<u8>(f.addr.v);
  if (order == 0 || order > 0x0C) {
    c.gpr[f.r1] = 0x00000002;
    c.psw.cc = 1;
    return;
  }
  if (order == 0x02) c.signal_external_call();
  if (order == 0x03) c.signal_emergency();
  c.psw.cc = 0;
}

void diag(Cpu& c, const u8* ip) {
  RS f(c, ip);
  Cpu::HostCall call(c);
  if (!c.host().diagnose(c, f.r1, f.r3, f.addr.v)) c.program_check(pgm::kSpecification);
}

// ---- Clocks and timers ---------------------------------------------------------------

void stck(Cpu& c, const u8* ip) {
  S f(c, ip);
  c.write64(f.addr, c.tod_now());
  c.psw.cc = c.tod_set ? 0 : 1;
}

void sck(Cpu& c, const u8* ip) {
  S f(c, ip);
  require_aligned(c, f.addr, 8);
  c.set_tod(c.read64(f.addr));
  c.psw.cc = 0;
}

void sckc(Cpu& c, const u8* ip) {
  // The comparator's width is model-dependent (chapter 4, "Clock
  // Comparator"); like Hercules 3.13 it keeps bits 0-55, so STCKC gives
  // bits 56-63 back as zeros.
  S f(c, ip);
  require_aligned(c, f.addr, 8);
  c.ckc = c.read64(f.addr) & kClockComparatorMask;
  c.state_changed();
}

void stckc(Cpu& c, const u8* ip) {
  S f(c, ip);
  require_aligned(c, f.addr, 8);
  c.write64(f.addr, c.ckc);
}

void spt(Cpu& c, const u8* ip) {
  S f(c, ip);
  require_aligned(c, f.addr, 8);
  c.set_cpu_timer(static_cast<i64>(c.read64(f.addr)));
}

void stpt(Cpu& c, const u8* ip) {
  S f(c, ip);
  require_aligned(c, f.addr, 8);
  c.write64(f.addr, static_cast<u64>(c.cpu_timer()));
}

}  // namespace s370::insn
