// Dynamic address translation (Principles of Operation, chapter 3,
// "Dynamic Address Translation"): CR0 selects 2K or 4K pages and 64K or 1M
// segments, CR1 holds the segment-table designation; segment and page
// tables are in real storage.
#include "s370/cpu.h"

namespace s370 {

std::optional<DatFormat> Cpu::dat_format() const {
  // CR0 bits 8-9 page size (01 = 2K, 10 = 4K), bit 10 zero, bits 11-12
  // segment size (00 = 64K, 10 = 1M): only 01000, 01010, 10000 and 10010
  // are valid ("Translation-Specification Exception", chapter 3). Bit 10
  // counts: X'00A00000' is not 4K pages with 64K segments.
  switch ((cr[0] >> 19) & 0x1F) {
    case 0x08: return DatFormat{false, false};
    case 0x0A: return DatFormat{false, true};
    case 0x10: return DatFormat{true, false};
    case 0x12: return DatFormat{true, true};
    default: return std::nullopt;
  }
}

u16 Cpu::dat(VirtAddr a, RealAddr* real, bool for_lra, u32* entry) {
  const std::optional<DatFormat> fmt = dat_format();
  if (!fmt) return pgm::kTranslationSpecification;
  const bool page4k = fmt->page4k;
  const u32 seg_shift = fmt->seg_shift(), page_shift = fmt->page_shift();
  const u32 sx = a.v >> seg_shift;
  const u32 px = fmt->page_index(a.v);

  // Segment table: CR1 bits 0-7 length in units of 16 entries (minus one),
  // bits 8-25 origin.
  const u32 stl = cr[1] >> 24, sto = cr[1] & 0x00FFFFC0;
  if ((sx >> 4) > stl) {
    trans_addr_ = a.v;
    if (for_lra && entry) *entry = (sto + sx * 4) & kAddrMask;
    return for_lra ? 0x8003 : pgm::kSegmentTranslation;  // LRA: cc 3
  }
  const RealAddr ste_addr(sto + sx * 4);
  const AbsAddr ste_abs = real_to_abs(ste_addr);
  if (!storage_.valid(AbsAddr(ste_abs.v + 3))) return pgm::kAddressing;
  const u32 ste = load_be32(storage_.ptr_for_read(ste_abs));
  if (ste & 0x1) {
    trans_addr_ = a.v;
    if (for_lra && entry) *entry = ste_addr.v;
    return for_lra ? 0x8001 : pgm::kSegmentTranslation;  // segment invalid
  }
  // Bits 4-7 must be zero: model-dependent in the Principles; a
  // translation specification here, as on Hercules.
  if (ste & 0x0F000000) return pgm::kTranslationSpecification;
  // Page table: STE bits 0-3 length in units of 1/16 of a full table,
  // bits 8-28 origin; bit 29 is segment protection.
  const u32 ptl = ste >> 28, pto = ste & 0x00FFFFF8;
  const u32 entries_log2 = seg_shift - page_shift;  // 4, 5, 8 or 9
  if ((px >> (entries_log2 - 4)) > ptl) {
    trans_addr_ = a.v;
    if (for_lra && entry) *entry = (pto + px * 2) & kAddrMask;
    return for_lra ? 0x8003 : pgm::kPageTranslation;
  }
  const RealAddr pte_addr(pto + px * 2);
  const AbsAddr pte_abs = real_to_abs(pte_addr);
  if (!storage_.valid(AbsAddr(pte_abs.v + 1))) return pgm::kAddressing;
  const u16 pte = load_be16(storage_.ptr_for_read(pte_abs));
  u32 frame;
  if (page4k) {
    // Bits 0-11 frame, bit 12 invalid, bits 13-14 must be zero.
    if (pte & 0x0008) {
      trans_addr_ = a.v;
      if (for_lra && entry) *entry = pte_addr.v;
      return for_lra ? 0x8002 : pgm::kPageTranslation;
    }
    if (pte & 0x0006) return pgm::kTranslationSpecification;
    frame = u32{pte & 0xFFF0u} << 8;
  } else {
    // Bits 0-12 frame, bit 13 invalid, bit 14 must be zero.
    if (pte & 0x0004) {
      trans_addr_ = a.v;
      if (for_lra && entry) *entry = pte_addr.v;
      return for_lra ? 0x8002 : pgm::kPageTranslation;
    }
    if (pte & 0x0002) return pgm::kTranslationSpecification;
    frame = u32{pte & 0xFFF8u} << 8;
  }
  *real = RealAddr(frame | (a.v & ((1u << page_shift) - 1)));
  if (entry && !for_lra) *entry = ste & 0x4;
  return 0;
}

}  // namespace s370
