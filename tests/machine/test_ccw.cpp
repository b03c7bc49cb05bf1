// Channel programs: every CCW flag (CD, CC, SLI, SKIP, PCI, IDA), TIC,
// status modifier, incorrect length, and the program and protection checks
// (Principles of Operation, chapter 12, "Channel Command Word", "Chaining",
// "Incorrect Length", "Channel Status Conditions", and the tables of the
// CSW's command-address and count fields). Each program is started by SIO,
// and the CSW of its interruption is checked.
#include "machine_fixture.h"

namespace s370::test {

namespace {
constexpr u16 kDev = 0x00E;
constexpr u32 kCc = 0x800;

std::vector<u8> iota(u32 n, u8 first = 1) {
  std::vector<u8> v(n);
  for (u32 i = 0; i < n; i++) v[i] = static_cast<u8>(first + i);
  return v;
}

// Runs the channel program at X'400' with `key` and returns the CSW of its
// interruption (or of the SIO when it stored one: then cc is not 0).
struct Run {
  int cc;
  u64 csw;
};
Run start(MachineFixture& f, u8 key = 0) {
  f.set_caw(key, 0x400);
  f.sio(kDev);
  f.save_cc(kCc);
  // Wait only when SIO gave condition code 0: BC 7,past-the-wait.
  const size_t branch = f.code.size();
  f.emit({0x47, 0x70, 0, 0});
  f.wait_io();
  const u32 after = f.here();
  f.code[branch + 2] = static_cast<u8>(after >> 8);
  f.code[branch + 3] = static_cast<u8>(after);
  f.done();
  f.run();
  CHECK(f.ended());
  return Run{f.cc_at(kCc), f.csw()};
}
}  // namespace

// ---- Data chaining --------------------------------------------------------------

TEST_CASE_FIXTURE(MachineFixture, "CD: one record read into two areas; the CSW shows the second CCW") {
  fake(kDev, reads(iota(10)));
  ccw(0x400, 0x02, 0x900, ccw::kChainData, 4);
  ccw(0x408, 0x42, 0x920, 0, 6);  // the command code of a data-chained CCW is ignored
  const Run r = start(*this);
  CHECK(r.cc == 0);
  CHECK(r.csw == 0x000004100C000000ull);
  CHECK(get(0x900, 4) == iota(4));
  CHECK(get(0x920, 6) == iota(6, 5));
}

TEST_CASE_FIXTURE(MachineFixture, "CD: output gathered from three areas") {
  std::vector<u8> sink;
  fake(kDev, writes(&sink, 100));
  put(0x900, {1, 2});
  put(0x910, {3});
  put(0x920, {4, 5, 6});
  ccw(0x400, 0x01, 0x900, ccw::kChainData, 2);
  ccw(0x408, 0x01, 0x910, ccw::kChainData, 1);
  ccw(0x410, 0x01, 0x920, 0, 3);
  const Run r = start(*this);
  CHECK(sink == std::vector<u8>{1, 2, 3, 4, 5, 6});
  // The device took everything: residual 0, no incorrect length.
  CHECK(r.csw == 0x000004180C000000ull);
}

TEST_CASE_FIXTURE(MachineFixture,
                  "CD: the device ends in the middle of a data-chained CCW: incorrect length even with SLI") {
  fake(kDev, reads(iota(6)));
  ccw(0x400, 0x02, 0x900, ccw::kChainData | ccw::kSuppressLength, 10);
  ccw(0x408, 0x02, 0x920, ccw::kSuppressLength, 6);
  const Run r = start(*this);
  // SLI is ignored when CD is on: residual 4 in the first CCW, IL.
  CHECK(r.csw == 0x000004080C400004ull);
}

TEST_CASE_FIXTURE(MachineFixture, "CD through a TIC continues the data chain") {
  fake(kDev, reads(iota(8)));
  ccw(0x400, 0x02, 0x900, ccw::kChainData, 3);
  ccw(0x408, ccw::kTic, 0x500, 0, 0);
  ccw(0x500, 0x00, 0x920, 0, 5);
  const Run r = start(*this);
  CHECK(r.csw == 0x000005080C000000ull);
  CHECK(get(0x900, 3) == iota(3));
  CHECK(get(0x920, 5) == iota(5, 4));
}

TEST_CASE_FIXTURE(MachineFixture, "CD into a CCW with a zero count: program check, the data stops") {
  fake(kDev, reads(iota(8)));
  ccw(0x400, 0x02, 0x900, ccw::kChainData, 3);
  ccw(0x408, 0x02, 0x920, 0, 0);
  const Run r = start(*this);
  CHECK(r.cc == 0);
  // The CSW points past the invalid CCW; program check with channel end
  // and device end from the device.
  CHECK((r.csw >> 32) == 0x00000410);
  CHECK(((r.csw >> 16) & 0xFFFF) == 0x0C20);
  CHECK(get(0x900, 3) == iota(3));
}

// ---- Command chaining, status modifier -------------------------------------------

TEST_CASE_FIXTURE(MachineFixture, "CC: commands run in order; the CSW pertains to the last") {
  auto& d = fake(kDev, reads({0xAA, 0xBB}));
  ccw(0x400, 0x02, 0x900, ccw::kChainCommand, 2);
  ccw(0x408, 0x06, 0x910, ccw::kChainCommand, 2);
  ccw(0x410, 0x03, 0, 0, 1);
  d.set([](Transfer& t) {
    if (t.command() == 0x03) return Result::immediate();
    const u8 b[2] = {t.command(), static_cast<u8>(t.chained() ? t.previous() : 0xFF)};
    t.put(b, 2);
    return Result::end(50);
  });
  const Run r = start(*this);
  CHECK(d.commands == std::vector<u8>{0x02, 0x06, 0x03});
  CHECK(get(0x900, 2) == std::vector<u8>{0x02, 0xFF});
  CHECK(get(0x910, 2) == std::vector<u8>{0x06, 0x02});
  // The NOP is immediate: its count stays in the CSW.
  CHECK(r.csw == 0x000004180C000001ull);
}

TEST_CASE_FIXTURE(MachineFixture, "CC: an immediate first command with chaining gives SIO cc 0") {
  auto& d = fake(kDev, immediate());
  ccw(0x400, 0x03, 0, ccw::kChainCommand, 1);
  ccw(0x408, 0x03, 0, 0, 1);
  const Run r = start(*this);
  CHECK(r.cc == 0);
  CHECK(d.commands.size() == 2);
  CHECK(r.csw == 0x000004100C000001ull);
}

TEST_CASE_FIXTURE(MachineFixture, "CC: incorrect length suppresses command chaining; SLI lets it go on") {
  SUBCASE("without SLI") {
    auto& d = fake(kDev, reads(iota(3)));
    ccw(0x400, 0x02, 0x900, ccw::kChainCommand, 5);
    ccw(0x408, 0x02, 0x910, 0, 5);
    const Run r = start(*this);
    CHECK(d.commands.size() == 1);
    CHECK(r.csw == 0x000004080C400002ull);
  }
  SUBCASE("with SLI") {
    auto& d = fake(kDev, reads(iota(3)));
    ccw(0x400, 0x02, 0x900, ccw::kChainCommand | ccw::kSuppressLength, 5);
    ccw(0x408, 0x02, 0x910, ccw::kSuppressLength, 5);
    const Run r = start(*this);
    CHECK(d.commands.size() == 2);
    CHECK(r.csw == 0x000004100C000002ull);
  }
}

TEST_CASE_FIXTURE(MachineFixture, "CC: unit check ends the chain") {
  auto& d = fake(kDev, [](Transfer& t) {
    if (t.command() == 0x01) return Result{unit::kEnd | unit::kUnitCheck, false, false, 10};
    return Result::immediate();
  });
  ccw(0x400, 0x03, 0, ccw::kChainCommand, 1);
  ccw(0x408, 0x01, 0x900, ccw::kChainCommand | ccw::kSuppressLength, 1);
  ccw(0x410, 0x03, 0, 0, 1);
  const Run r = start(*this);
  CHECK(d.commands == std::vector<u8>{0x03, 0x01});
  CHECK(r.csw == 0x000004100E000001ull);
}

TEST_CASE_FIXTURE(MachineFixture, "status modifier skips the next CCW") {
  auto& d = fake(kDev, [](Transfer& t) {
    if (t.command() == 0x31) return Result{unit::kEnd | unit::kStatusModifier, false, false, 10};
    return Result::immediate();
  });
  ccw(0x400, 0x31, 0x900, ccw::kChainCommand | ccw::kSuppressLength, 1);
  ccw(0x408, 0x08, 0x400, 0, 0);  // TIC back: skipped
  ccw(0x410, 0x03, 0, 0, 1);
  const Run r = start(*this);
  CHECK(d.commands == std::vector<u8>{0x31, 0x03});
  CHECK(r.csw == 0x000004180C000001ull);
}

TEST_CASE_FIXTURE(MachineFixture, "TIC in a command chain; TIC to TIC is a program check") {
  SUBCASE("TIC") {
    auto& d = fake(kDev, immediate());
    ccw(0x400, 0x03, 0, ccw::kChainCommand, 1);
    ccw(0x408, 0x08, 0x500, 0, 0);
    ccw(0x500, 0x13, 0, 0, 1);
    const Run r = start(*this);
    CHECK(d.commands == std::vector<u8>{0x03, 0x13});
    CHECK(r.csw == 0x000005080C000001ull);
  }
  SUBCASE("TIC to TIC") {
    auto& d = fake(kDev, immediate());
    ccw(0x400, 0x03, 0, ccw::kChainCommand, 1);
    ccw(0x408, 0x08, 0x500, 0, 0);
    ccw(0x500, 0x08, 0x600, 0, 0);
    const Run r = start(*this);
    CHECK(d.commands.size() == 1);
    // Address of the second TIC + 8; neither channel end nor device end.
    CHECK((r.csw >> 32) == 0x00000508);
    CHECK(((r.csw >> 16) & 0xFFFF) == 0x0020);
  }
  SUBCASE("TIC to an address not on a doubleword") {
    fake(kDev, immediate());
    ccw(0x400, 0x03, 0, ccw::kChainCommand, 1);
    ccw(0x408, 0x08, 0x504, 0, 0);
    const Run r = start(*this);
    CHECK((r.csw >> 32) == 0x00000410);
    CHECK(((r.csw >> 16) & 0xFFFF) == 0x0020);
  }
  SUBCASE("TIC outside storage") {
    fake(kDev, immediate());
    ccw(0x400, 0x03, 0, ccw::kChainCommand, 1);
    ccw(0x408, 0x08, 0x800000, 0, 0);
    const Run r = start(*this);
    CHECK((r.csw >> 32) == 0x00000410);
    CHECK(((r.csw >> 16) & 0xFFFF) == 0x0020);
  }
}

TEST_CASE_FIXTURE(MachineFixture,
                  "command chaining to an invalid CCW: program check at initiation, no CE/DE") {
  const struct {
    u64 ccw;
    const char* what;
  } cases[] = {{0x0000090000000001, "command X'00'"},
               {0x0200090000000000, "count zero"},
               {0x0200090001000001, "bit 39"}};
  for (auto& c : cases) {
    CAPTURE(c.what);
    MachineFixture f;
    auto& d = f.fake(kDev, immediate());
    f.ccw(0x400, 0x03, 0, ccw::kChainCommand, 1);
    f.put64(0x408, c.ccw);
    const Run r = start(f);
    CHECK(d.commands.size() == 1);
    CHECK((r.csw >> 32) == 0x00000410);
    CHECK(((r.csw >> 16) & 0xFFFF) == 0x0020);
  }
}

TEST_CASE_FIXTURE(MachineFixture, "command chaining off the end of storage: program check") {
  fake(kDev, immediate());
  const u32 last = (1u << 20) - 8;
  // The program runs from the last doubleword of storage: TIC there, then
  // a NOP with chaining, and the next CCW would be beyond storage.
  ccw(0x400, 0x03, 0, ccw::kChainCommand, 1);
  ccw(0x408, 0x08, last, 0, 0);
  ccw(last, 0x03, 0, ccw::kChainCommand, 1);
  const Run r = start(*this);
  CHECK((r.csw >> 32) == ((last + 16) & 0xFFFFFF));
  CHECK(((r.csw >> 16) & 0xFFFF) == 0x0020);
}

// ---- Incorrect length and SLI ---------------------------------------------------

TEST_CASE_FIXTURE(MachineFixture, "incorrect length: short record, long record, exact") {
  const struct {
    u32 record;
    u16 count;
    u8 flags;
    u64 csw;
  } cases[] = {
      {3, 5, 0, 0x000004080C400002ull},                     // short: residual 2, IL
      {3, 5, ccw::kSuppressLength, 0x000004080C000002ull},  // short, SLI
      {8, 5, 0, 0x000004080C400000ull},                     // long: IL, residual 0
      {8, 5, ccw::kSuppressLength, 0x000004080C000000ull},  // long, SLI
      {5, 5, 0, 0x000004080C000000ull},                     // exact
  };
  for (auto& c : cases) {
    CAPTURE(c.record);
    CAPTURE(c.flags);
    MachineFixture f;
    f.fake(kDev, reads(iota(c.record)));
    f.ccw(0x400, 0x02, 0x900, c.flags, c.count);
    const Run r = start(f);
    CHECK(r.csw == c.csw);
    CHECK(f.get(0x900, std::min<u32>(c.count, c.record)) == iota(std::min<u32>(c.count, c.record)));
  }
}

TEST_CASE_FIXTURE(MachineFixture, "incorrect length: a device that needed more output says so") {
  fake(kDev, [](Transfer& t) {
    u8 b[80];
    if (t.get(b, 80) < 80) t.short_output();
    return Result::end();
  });
  ccw(0x400, 0x01, 0x900, 0, 20);
  CHECK(start(*this).csw == 0x000004080C400000ull);
}

// ---- Skip ------------------------------------------------------------------------

TEST_CASE_FIXTURE(MachineFixture, "SKIP: the data is counted, not stored; with CD only that CCW skips") {
  fake(kDev, reads(iota(8)));
  put(0x900, std::vector<u8>(8, 0xEE));
  ccw(0x400, 0x02, 0x900, ccw::kChainData | ccw::kSkip, 3);
  ccw(0x408, 0x02, 0x920, 0, 5);
  const Run r = start(*this);
  CHECK(r.csw == 0x000004100C000000ull);
  CHECK(get(0x900, 3) == std::vector<u8>(3, 0xEE));
  CHECK(get(0x920, 5) == iota(5, 4));
}

TEST_CASE_FIXTURE(MachineFixture, "SKIP: no storage is checked (a data address outside storage is fine)") {
  fake(kDev, reads(iota(4)));
  ccw(0x400, 0x02, 0xF00000, ccw::kSkip, 4);
  CHECK(start(*this).csw == 0x000004080C000000ull);
}

// ---- PCI ------------------------------------------------------------------------

TEST_CASE_FIXTURE(MachineFixture, "PCI: an interruption while the program runs, then the final status") {
  fake(kDev, reads(iota(2), 500));
  ccw(0x400, 0x02, 0x900, ccw::kChainCommand | ccw::kSuppressLength, 2);
  ccw(0x408, 0x02, 0x910, ccw::kPci | ccw::kSuppressLength, 2);
  set_caw(0, 0x400);
  sio(kDev);
  save_cc(kCc);
  wait_io();
  mvc(0x820, 0x40, 8);
  wait_io();
  mvc(0x828, 0x40, 8);
  done();
  run();
  CHECK(ended());
  CHECK(cc_at(kCc) == 0);
  // The PCI CSW: the CCW with the flag + 8, PCI alone.
  CHECK((get64(0x820) >> 16) == 0x000004100080ull);
  CHECK(get64(0x828) == 0x000004100C000000ull);
}

TEST_CASE_FIXTURE(MachineFixture, "PCI: not yet presented when the program ends, it joins the final status") {
  fake(kDev, reads(iota(2), 20));
  ccw(0x400, 0x02, 0x900, ccw::kChainCommand | ccw::kSuppressLength | ccw::kPci, 2);
  ccw(0x408, 0x02, 0x910, ccw::kSuppressLength, 2);
  set_caw(0, 0x400);
  sio(kDev);
  // Disabled until the program has surely ended (TEST CHANNEL would say 1
  // as soon as the PCI is pending: spin on a count instead), then enabled.
  emit({0x41, 0x20, 0x0F, 0xFF});  // LA 2,4095
  const u32 spin = here();
  emit({0x46, 0x20, static_cast<u8>(spin >> 8), static_cast<u8>(spin)});  // BCT 2,spin
  wait_io();
  mvc(0x820, 0x40, 8);
  tch(0x000);
  save_cc(kCc);
  done();
  run();
  CHECK(ended());
  CHECK(get64(0x820) == 0x000004100C800000ull);
  CHECK(cc_at(kCc) == 0);
}

// ---- Indirect data addressing ----------------------------------------------------

TEST_CASE_FIXTURE(MachineFixture, "IDA: a record across three IDAWs") {
  fake(kDev, reads(iota(20)));
  // First IDAW anywhere (8 bytes to its 2K boundary), then 2K-aligned blocks.
  put32(0x700, 0x000017F8);
  put32(0x704, 0x00003000);
  put32(0x708, 0x00005000);
  ccw(0x400, 0x02, 0x700, ccw::kIndirect, 20);
  const Run r = start(*this);
  CHECK(r.csw == 0x000004080C000000ull);
  CHECK(get(0x17F8, 8) == iota(8));
  CHECK(get(0x3000, 12) == iota(12, 9));
}

TEST_CASE_FIXTURE(MachineFixture, "IDA: a second IDAW not on a 2K boundary is a program check") {
  fake(kDev, reads(iota(20)));
  put32(0x700, 0x000017F8);
  put32(0x704, 0x00003010);
  ccw(0x400, 0x02, 0x700, ccw::kIndirect, 20);
  const Run r = start(*this);
  CHECK(((r.csw >> 16) & 0xFF) == chan::kProgramCheck);
  CHECK(get(0x17F8, 8) == iota(8));
}

// ---- Storage checks ----------------------------------------------------------------

TEST_CASE_FIXTURE(MachineFixture, "data address outside storage: program check after what fits") {
  fake(kDev, reads(iota(16)));
  const u32 end = 1u << 20;
  ccw(0x400, 0x02, end - 6, 0, 16);
  const Run r = start(*this);
  CHECK(r.cc == 0);
  CHECK(((r.csw >> 16) & 0xFFFF) == 0x0C20);
  CHECK(get(end - 6, 6) == iota(6));
}

TEST_CASE_FIXTURE(MachineFixture,
                  "protection: input needs the storage key; output needs it only if fetch protected") {
  SUBCASE("input into another key") {
    fake(kDev, reads(iota(4)));
    m.storage().key(AbsAddr(0x900)) = 0x40;
    ccw(0x400, 0x02, 0x900, 0, 4);
    const Run r = start(*this, 3);
    CHECK(((r.csw >> 16) & 0xFF) == chan::kProtectionCheck);
    CHECK(get(0x900, 4) == std::vector<u8>(4, 0));
    CHECK((r.csw >> 60) == 3);
  }
  SUBCASE("input with the matching key, and key 0 anywhere") {
    fake(kDev, reads(iota(4)));
    m.storage().key(AbsAddr(0x900)) = 0x30;
    ccw(0x400, 0x02, 0x900, 0, 4);
    CHECK(start(*this, 3).csw == 0x300004080C000000ull);
    CHECK((m.storage().key(AbsAddr(0x900)) & (kKeyRef | kKeyChange)) == (kKeyRef | kKeyChange));
  }
  SUBCASE("output from another key, not fetch protected") {
    std::vector<u8> sink;
    fake(kDev, writes(&sink, 4));
    m.storage().key(AbsAddr(0x900)) = 0x40;
    put(0x900, iota(4));
    ccw(0x400, 0x01, 0x900, 0, 4);
    CHECK(start(*this, 3).csw == 0x300004080C000000ull);
    CHECK(sink == iota(4));
  }
  SUBCASE("output from a fetch-protected block of another key") {
    std::vector<u8> sink;
    fake(kDev, writes(&sink, 4));
    m.storage().key(AbsAddr(0x900)) = 0x48;
    put(0x900, iota(4));
    ccw(0x400, 0x01, 0x900, 0, 4);
    const Run r = start(*this, 3);
    CHECK(((r.csw >> 16) & 0xFF) == chan::kProtectionCheck);
    CHECK(sink.empty());
  }
  SUBCASE("a chained CCW in a fetch-protected block") {
    fake(kDev, immediate());
    ccw(0x400, 0x03, 0, ccw::kChainCommand, 1);
    ccw(0x408, 0x08, 0x1000, 0, 0);
    ccw(0x1000, 0x03, 0, 0, 1);
    m.storage().key(AbsAddr(0x1000)) = 0x48;
    const Run r = start(*this, 3);
    CHECK((r.csw >> 32) == 0x30001008);
    CHECK(((r.csw >> 16) & 0xFFFF) == 0x0010);
  }
}

// ---- A channel program that never ends ---------------------------------------------

TEST_CASE_FIXTURE(MachineFixture, "a loop of NOP and TIC runs until HIO; the CPU is never held") {
  auto& d = fake(kDev, immediate());
  ccw(0x400, 0x03, 0, ccw::kChainCommand, 1);
  ccw(0x408, 0x08, 0x400, 0, 0);
  set_caw(0, 0x400);
  sio(kDev);
  save_cc(kCc);
  emit({0x41, 0x20, 0x0F, 0xFF});  // LA 2,4095
  const u32 spin = here();
  emit({0x46, 0x20, static_cast<u8>(spin >> 8), static_cast<u8>(spin)});  // BCT 2,spin
  tio(kDev);
  save_cc(kCc + 1);
  hio(kDev);
  save_cc(kCc + 2);
  wait_io();
  done();
  run();
  CHECK(ended());
  CHECK(cc_at(kCc) == 0);
  CHECK(cc_at(kCc + 1) == 2);
  CHECK(cc_at(kCc + 2) == 1);
  CHECK(d.commands.size() > 100);
  CHECK(((csw() >> 16) & 0xFFFF) == 0x0C00);
}

}  // namespace s370::test
