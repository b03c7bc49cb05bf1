// The translation format of CR0, INVALIDATE PAGE TABLE ENTRY and TEST
// PROTECTION (Principles of Operation, GA22-7000-10, chapter 3,
// "Translation Control", and chapter 10): per-instruction vectors on the
// bare machine of vector_fixture.h.
//
// Where the expected values come from: the same cases were run on Hercules
// 3.13 in S/370 mode (tests/diff/programs/c_cr0_format.s, c_ipte.s and
// c_tprot.s compare the two machines in every run of the differential
// test); both machines agree with the Principles here.

#include <doctest/doctest.h>

#include "vector_fixture.h"

using namespace s370;
using namespace s370::test;

namespace {

// 2K pages, 64K segments; a segment table at X'4000' (16 entries) whose
// segment 0 maps the first 64K one to one through the page table at
// X'5000', segment 1 is invalid, segment 2 maps through the page table at
// X'5100' (length 1/16: two entries) with segment protection.
constexpr u32 kCr0 = 0x00400000, kCr1 = 0x00004000;

void tables(M& m) {
  m.cpu.cr[0] = kCr0;
  m.cpu.cr[1] = kCr1;
  m.put_hex(0x4000, "F00050000000000100005104");
  for (u32 i = 3; i < 16; i++) m.put32(0x4000 + 4 * i, 1);
  for (u32 i = 0; i < 32; i++) {
    const u16 pte = static_cast<u16>(i << 3);  // frame i: real i * X'800'
    m.put(0x5000 + 2 * i, {static_cast<u8>(pte >> 8), static_cast<u8>(pte)});
  }
  m.put_hex(0x5100, "00600004");  // segment 2: page 0 -> X'6000', page 1 invalid
}

// An EC-mode PSW at X'200' with DAT on (and the condition code).
constexpr u64 ec_dat(int cc = 0) { return 0x0408000000000200ull | (u64(cc) << 44); }

}  // namespace

// ---- CR0 bits 8-12 -----------------------------------------------------------
// Only 01000, 01010, 10000 and 10010 are valid: bit 10 must be zero.

TEST_CASE("CR0 format: X'00A00000' (4K pages, bit 10 on) is a translation specification for LRA") {
  M m;
  tables(m);
  m.cpu.cr[0] = 0x00A00000;
  m.cpu.gpr[1] = 0xFFFFFFFF;
  m.cpu.gpr[2] = 0x00001123;
  const End r = m.go("B1102000", bc(1));
  REQUIRE(r.program());
  CHECK(r.code == 0x0012);
  CHECK(r.ilc == 2);
  CHECK(r.ia == 0x204);
  CHECK(r.cc == 1);
  CHECK(m.cpu.gpr[1] == 0xFFFFFFFF);
}

TEST_CASE("CR0 format: X'00600000' (2K pages, bit 10 on) is a translation specification for LRA") {
  M m;
  tables(m);
  m.cpu.cr[0] = 0x00600000;
  m.cpu.gpr[1] = 0xFFFFFFFF;
  m.cpu.gpr[2] = 0x00001123;
  const End r = m.go("B1102000");
  REQUIRE(r.program());
  CHECK(r.code == 0x0012);
  CHECK(m.cpu.gpr[1] == 0xFFFFFFFF);
}

TEST_CASE("CR0 format: the four valid formats translate") {
  for (u32 cr0 : {0x00400000u, 0x00500000u, 0x00800000u, 0x00900000u}) {
    CAPTURE(cr0);
    M m;
    m.cpu.cr[0] = cr0;
    m.cpu.cr[1] = kCr1;
    // Segment 0's page table at X'5000' with every entry invalid: cc 2.
    m.put_hex(0x4000, "F0005000");
    for (u32 i = 0; i < 512; i++) m.put_hex(0x5000 + 2 * i, "000C");
    m.cpu.gpr[2] = 0x00001123;
    const End r = m.go("B1102000");
    REQUIRE(r.done());
    CHECK(r.cc == 2);
  }
}

TEST_CASE("CR0 format: with DAT on, an instruction fetch under bit 10 is a translation specification") {
  M m;
  tables(m);
  m.cpu.cr[0] = 0x00600000;
  const End r = m.go("1811", ec_dat());
  REQUIRE(r.program());
  CHECK(r.code == 0x0012);
  CHECK(r.ia == 0x200);
}

// ---- INVALIDATE PAGE TABLE ENTRY (B221, RRE) -------------------------------------

TEST_CASE("IPTE: 2K pages, 64K segments: the page-invalid bit X'0004'; cc unchanged") {
  M m;
  tables(m);
  m.cpu.gpr[1] = 0x00005000;
  m.cpu.gpr[2] = 0x00001800;  // page 3
  const End r = m.go("B2210012", bc(2));
  REQUIRE(r.done());
  CHECK(r.cc == 2);
  CHECK(m.hex(0x5004, 6) == "0010001C0020");
  CHECK((m.key(0x5000) & kKeyChange) != 0);
}

TEST_CASE("IPTE: 4K pages, 1M segments: the page-invalid bit X'0008' at the entry of page X'AB'") {
  M m;
  m.cpu.cr[0] = 0x00900000;
  m.put_hex(0x5156, "1230");
  m.cpu.gpr[1] = 0x00005000;
  m.cpu.gpr[2] = 0x000AB123;
  const End r = m.go("B2210012", bc(1));
  REQUIRE(r.done());
  CHECK(r.cc == 1);
  CHECK(m.hex(0x5154, 6) == "000012380000");
}

TEST_CASE("IPTE: the page-table length and other bits of R1, the segment index of R2 are ignored") {
  M m;
  tables(m);
  m.cpu.gpr[1] = 0xF50050FF;  // length F, bits 4-7, the low bits: origin X'0050F8'
  m.cpu.gpr[2] = 0xFF011800;  // segment 1, page 3
  const End r = m.go("B2210012");
  REQUIRE(r.done());
  CHECK(m.hex(0x50FE, 2) == "0004");
}

TEST_CASE("IPTE: a later access to the page is a page-translation exception (the TLB is purged)") {
  M m;
  tables(m);
  m.put32(0x1800, 0x11223344);
  m.cpu.gpr[1] = 0x00005000;
  m.cpu.gpr[2] = 0x00001800;
  // L 3,0(2); IPTE 1,2; L 4,0(2)
  const End r = m.go_seq("58302000 B2210012 58402000", ec_dat());
  REQUIRE(r.program());
  CHECK(r.code == 0x0011);
  CHECK(r.ia == 0x208);  // nullified: the old PSW points at the second L
  CHECK(m.cpu.gpr[3] == 0x11223344);
  CHECK(m.cpu.gpr[4] == 0);
}

TEST_CASE("IPTE: an invalid CR0 format is a translation specification; the entry is unchanged") {
  for (u32 cr0 : {0x00600000u, 0x00A00000u, 0x00C00000u, 0x00480000u, 0u}) {
    CAPTURE(cr0);
    M m;
    tables(m);
    m.cpu.cr[0] = cr0;
    m.cpu.gpr[1] = 0x00005000;
    m.cpu.gpr[2] = 0x00001800;
    const End r = m.go("B2210012");
    REQUIRE(r.program());
    CHECK(r.code == 0x0012);
    CHECK(r.ilc == 2);
    CHECK(m.hex(0x5006, 2) == "0018");
  }
}

TEST_CASE("IPTE: a page-table entry beyond storage is an addressing exception") {
  M m;
  tables(m);
  m.cpu.gpr[1] = 0x00F00000;
  m.cpu.gpr[2] = 0;
  const End r = m.go("B2210012");
  REQUIRE(r.program());
  CHECK(r.code == 0x0005);
  CHECK(r.ilc == 2);
}

TEST_CASE("IPTE: privileged") {
  M m;
  tables(m);
  m.cpu.gpr[1] = 0x00005000;
  const End r = m.go("B2210012", bc(0, 0, 0, true));
  REQUIRE(r.program());
  CHECK(r.code == 0x0002);
  CHECK(m.hex(0x5000, 2) == "0000");
}

// ---- TEST PROTECTION (E501, SSE) ----------------------------------------------------
// cc 0: fetch and store permitted; 1: fetch only; 2: neither; 3: translation
// not available.

namespace {
// TPROT 0(2),key*16 on the block at X'4000' (key 3, fetch protection as given).
u8 tprot_cc(bool fetch_protected, u8 access_key, u32 cr0 = 0, u32 addr = 0x4000) {
  M m;
  m.set_key(0x4000, fetch_protected ? 0x38 : 0x30);
  m.cpu.cr[0] = cr0;
  m.cpu.gpr[2] = addr;
  char insn[13];
  std::snprintf(insn, sizeof insn, "E5012000%04X", access_key * 16);
  const End r = m.go(insn);
  REQUIRE(r.done());
  CHECK((m.key(0x4000) & (kKeyRef | kKeyChange)) == 0);  // nothing was accessed
  return r.cc;
}
}  // namespace

TEST_CASE("TPROT: the key rules") {
  CHECK(tprot_cc(true, 0) == 0);   // key 0 may do anything
  CHECK(tprot_cc(true, 3) == 0);   // matching key
  CHECK(tprot_cc(true, 4) == 2);   // fetch-protected, other key
  CHECK(tprot_cc(false, 4) == 1);  // not fetch-protected, other key
  CHECK(tprot_cc(false, 3) == 0);
}

TEST_CASE("TPROT: low-address protection: logical 0-511 not storable whatever the key") {
  CHECK(tprot_cc(false, 0, 0x10000000, 0x010) == 1);
  CHECK(tprot_cc(false, 0, 0x10000000, 0x1FF) == 1);
  CHECK(tprot_cc(false, 0, 0x10000000, 0x200) == 0);
  CHECK(tprot_cc(false, 0, 0x00000000, 0x010) == 0);
}

TEST_CASE("TPROT: a location beyond storage is an addressing exception") {
  M m;
  m.cpu.gpr[2] = 0x00F00000;
  const End r = m.go("E50120000000", bc(3));
  REQUIRE(r.program());
  CHECK(r.code == 0x0005);
  CHECK(r.ilc == 3);
  CHECK(r.cc == 3);
}

TEST_CASE("TPROT: with DAT on, cc 3 when the translation is not available") {
  // V(2) = segment 1 (invalid), segment 2 page 1 (invalid), segment 2 page 2
  // (beyond the page-table length), segment 16 (beyond the segment table).
  for (u32 v : {0x00010000u, 0x00020800u, 0x00021000u, 0x00100000u}) {
    CAPTURE(v);
    M m;
    tables(m);
    m.cpu.gpr[2] = v;
    const End r = m.go("E50120000000", ec_dat());
    REQUIRE(r.done());
    CHECK(r.cc == 3);
  }
}

TEST_CASE("TPROT: with DAT on, segment protection forbids the store; the real location's key decides the rest") {
  M m;
  tables(m);
  m.set_key(0x6000, 0x58);
  m.cpu.gpr[2] = 0x00020000;  // segment 2 page 0 -> real X'6000'
  CHECK(m.go("E50120000000", ec_dat()).cc == 1);
  CHECK(m.go("E50120000050", ec_dat()).cc == 1);
  CHECK(m.go("E50120000040", ec_dat()).cc == 2);
  m.cpu.gpr[2] = 0x00001000;  // segment 0: no segment protection
  CHECK(m.go("E50120000000", ec_dat()).cc == 0);
}

TEST_CASE("TPROT: privileged; the rest of the X'E5' range is an operation exception in both states") {
  M m;
  const End r = m.go("E50120000000", bc(0, 0, 0, true));
  REQUIRE(r.program());
  CHECK(r.code == 0x0002);
  CHECK(r.ilc == 3);
  for (const char* insn : {"E50020000000", "E50220000000", "E50D20000000", "E5FF20000000"}) {
    CAPTURE(insn);
    for (bool problem : {false, true}) {
      M k;
      const End e = k.go(insn, bc(0, 0, 0, problem));
      REQUIRE(e.program());
      CHECK(e.code == 0x0001);
      CHECK(e.ilc == 3);
    }
  }
}
