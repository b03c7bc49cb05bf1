// Every condition code of every I/O instruction (Principles of Operation,
// chapter 13, the figure "Condition-Code Settings for I/O States and
// Instructions"), with one subchannel per device: states AAA (available),
// AAI (status held in the device), AIX (interruption pending in the
// subchannel for the device), AWX (subchannel working with the device),
// and no device (not operational). Where Hercules 3.13 differs it is said.
#include "machine_fixture.h"

namespace s370::test {

namespace {
constexpr u32 kCc = 0x800;  // condition codes saved here
constexpr u64 kJunk = 0xA5A5A5A5A5A5A5A5ull;
constexpr u16 kDev = 0x00E;
}  // namespace

TEST_CASE_FIXTURE(
    MachineFixture,
    "no device: SIO, SIOF, TIO, CLRIO, HIO, HDV give cc 3; TCH, STIDC on a channel without devices cc 3") {
  fake(0x00E, immediate());
  sio(0x0F0);
  save_cc(kCc + 0);
  siof(0x0F0);
  save_cc(kCc + 1);
  tio(0x0F0);
  save_cc(kCc + 2);
  clrio(0x0F0);
  save_cc(kCc + 3);
  hio(0x0F0);
  save_cc(kCc + 4);
  hdv(0x0F0);
  save_cc(kCc + 5);
  tch(0x100);
  save_cc(kCc + 6);
  stidc(0x100);
  save_cc(kCc + 7);
  done();
  run();
  CHECK(ended());
  for (u32 i = 0; i < 8; i++) CHECK(cc_at(kCc + i) == 3);
}

TEST_CASE_FIXTURE(MachineFixture,
                  "available (AAA): SIO 0, TIO 0, CLRIO 0, HIO 1 and HDV 1 with zero status, TCH 0") {
  auto& d = fake(kDev, reads({1, 2, 3, 4}));
  ccw(0x400, 0x02, 0x900, 0x00, 4);
  set_caw(0, 0x400);
  put64(0x40, kJunk);
  tio(kDev);
  save_cc(kCc + 0);
  clrio(kDev);
  save_cc(kCc + 1);
  hio(kDev);
  save_cc(kCc + 2);
  mvc(0x810, 0x40, 8);
  put64(0x40, kJunk);
  hdv(kDev);
  save_cc(kCc + 3);
  mvc(0x818, 0x40, 8);
  tch(0x000);
  save_cc(kCc + 4);
  sio(kDev);
  save_cc(kCc + 5);
  wait_io();
  done();
  run();
  CHECK(ended());
  CHECK(cc_at(kCc + 0) == 0);
  CHECK(cc_at(kCc + 1) == 0);
  // HALT I/O on an available device: condition code 1, the status portion
  // of the CSW stored as zeros and the rest unchanged (Principles). Hercules
  // 3.13 stores the device's last CSW instead and makes it pending again.
  CHECK(cc_at(kCc + 2) == 1);
  CHECK(get64(0x810) == 0xA5A5A5A50000A5A5ull);
  CHECK(cc_at(kCc + 3) == 1);
  CHECK(get64(0x818) == 0xA5A5A5A50000A5A5ull);
  CHECK(cc_at(kCc + 4) == 0);
  CHECK(cc_at(kCc + 5) == 0);
  // The interruption: key 0, CCW address + 8, channel end and device end,
  // residual count 0 (Hercules: 00000408 0C000000).
  CHECK(csw() == 0x000004080C000000ull);
  CHECK(d.commands == std::vector<u8>{0x02});
  CHECK(get(0x900, 4) == std::vector<u8>{1, 2, 3, 4});
}

TEST_CASE_FIXTURE(MachineFixture,
                  "working (AWX): SIO 2, SIOF 2, TIO 2, TCH 0; HIO 1 halts with an interruption later") {
  auto& d = fake(kDev, reads({9, 9}, 1000));
  ccw(0x400, 0x02, 0x900, ccw::kChainCommand | ccw::kSuppressLength, 2);
  ccw(0x408, 0x02, 0x910, ccw::kSuppressLength, 2);
  set_caw(0, 0x400);
  sio(kDev);
  save_cc(kCc + 0);
  sio(kDev);
  save_cc(kCc + 1);
  siof(kDev);
  save_cc(kCc + 2);
  tio(kDev);
  save_cc(kCc + 3);
  tch(0x000);
  save_cc(kCc + 4);
  put64(0x40, kJunk);
  hio(kDev);
  save_cc(kCc + 5);
  mvc(0x820, 0x40, 8);
  wait_io();
  done();
  run();
  CHECK(ended());
  CHECK(cc_at(kCc + 0) == 0);
  CHECK(cc_at(kCc + 1) == 2);
  CHECK(cc_at(kCc + 2) == 2);
  CHECK(cc_at(kCc + 3) == 2);
  CHECK(cc_at(kCc + 4) == 0);
  CHECK(cc_at(kCc + 5) == 1);
  CHECK(get64(0x820) == 0xA5A5A5A50000A5A5ull);
  // The halted program ends with the command in progress: no chaining.
  CHECK(d.commands.size() == 1);
  CHECK(d.halts == 1);
  CHECK(csw() == 0x000004080C000000ull);
}

TEST_CASE_FIXTURE(MachineFixture, "HDV on a working device halts it like HIO") {
  auto& d = fake(kDev, reads({9}, 1000));
  ccw(0x400, 0x02, 0x900, ccw::kChainCommand | ccw::kSuppressLength, 1);
  ccw(0x408, 0x02, 0x910, ccw::kSuppressLength, 1);
  set_caw(0, 0x400);
  sio(kDev);
  save_cc(kCc + 0);
  hdv(kDev);
  save_cc(kCc + 1);
  wait_io();
  done();
  run();
  CHECK(cc_at(kCc + 1) == 1);
  CHECK(d.commands.size() == 1);
  CHECK(csw() == 0x000004080C000000ull);
}

TEST_CASE_FIXTURE(MachineFixture,
                  "interruption pending (AIX): SIO 2, HIO 0, HDV 0, TCH 1; TIO 1 stores and clears the CSW") {
  fake(kDev, reads({7}, 10));
  ccw(0x400, 0x02, 0x900, ccw::kSuppressLength, 1);
  set_caw(0, 0x400);
  sio(kDev);
  save_cc(kCc + 0);
  // Spin until the operation has ended (disabled): TIO would clear it, so
  // wait with TCH, which does not.
  const u32 loop = here();
  tch(0x000);
  emit({0x47, 0x80, static_cast<u8>(loop >> 8), static_cast<u8>(loop)});  // BC 8,loop
  sio(kDev);
  save_cc(kCc + 1);
  hio(kDev);
  save_cc(kCc + 2);
  hdv(kDev);
  save_cc(kCc + 3);
  tch(0x000);
  save_cc(kCc + 4);
  put64(0x40, kJunk);
  tio(kDev);
  save_cc(kCc + 5);
  mvc(0x820, 0x40, 8);
  tio(kDev);
  save_cc(kCc + 6);
  tch(0x000);
  save_cc(kCc + 7);
  done();
  run();
  CHECK(ended());
  CHECK(cc_at(kCc + 0) == 0);
  CHECK(cc_at(kCc + 1) == 2);
  CHECK(cc_at(kCc + 2) == 0);
  CHECK(cc_at(kCc + 3) == 0);
  CHECK(cc_at(kCc + 4) == 1);
  CHECK(cc_at(kCc + 5) == 1);
  CHECK(get64(0x820) == 0x000004080C000000ull);
  CHECK(cc_at(kCc + 6) == 0);
  CHECK(cc_at(kCc + 7) == 0);
}

TEST_CASE_FIXTURE(MachineFixture, "interruption pending: CLRIO 1 stores and clears the CSW") {
  fake(kDev, reads({7}, 10));
  ccw(0x400, 0x02, 0x900, ccw::kSuppressLength, 1);
  set_caw(0, 0x400);
  sio(kDev);
  const u32 loop = here();
  tch(0x000);
  emit({0x47, 0x80, static_cast<u8>(loop >> 8), static_cast<u8>(loop)});
  clrio(kDev);
  save_cc(kCc + 0);
  mvc(0x820, 0x40, 8);
  clrio(kDev);
  save_cc(kCc + 1);
  done();
  run();
  CHECK(cc_at(kCc + 0) == 1);
  CHECK(get64(0x820) == 0x000004080C000000ull);
  CHECK(cc_at(kCc + 1) == 0);
}

TEST_CASE_FIXTURE(MachineFixture,
                  "working: CLRIO 1 stores where the program was, ends it, and no interruption follows") {
  auto& d = fake(kDev, reads({1, 2}, 1000));
  ccw(0x400, 0x02, 0x900, ccw::kChainCommand | ccw::kSuppressLength, 5);
  ccw(0x408, 0x02, 0x910, ccw::kSuppressLength, 5);
  set_caw(3, 0x400);
  m.storage().key(AbsAddr(0x900)) = 0x30;
  sio(kDev);
  save_cc(kCc + 0);
  clrio(kDev);
  save_cc(kCc + 1);
  mvc(0x820, 0x40, 8);
  tio(kDev);
  save_cc(kCc + 2);
  // An enabled wait with nothing to come: the run ends in the wait.
  wait_io();
  done();
  CHECK(run() == Machine::Status::Wait);
  CHECK_FALSE(ended());
  CHECK(cc_at(kCc + 0) == 0);
  CHECK(cc_at(kCc + 1) == 1);
  // Key 3, the CCW address + 8, no status, residual 3 of 5.
  CHECK(get64(0x820) == 0x3000040800000003ull);
  CHECK(cc_at(kCc + 2) == 0);
  CHECK(d.halts == 1);
}

TEST_CASE_FIXTURE(
    MachineFixture,
    "status in the device (AAI): SIO 1 with busy, TIO 1 with a zero CSW, CLRIO 0, HIO 1, TCH 0") {
  auto& d = fake(kDev, immediate());
  d.raise(unit::kAttention);
  put64(0x40, kJunk);
  set_caw(0, 0x400);
  ccw(0x400, 0x03, 0, 0, 1);
  clrio(kDev);
  save_cc(kCc + 0);
  tch(0x000);
  save_cc(kCc + 1);
  hio(kDev);
  save_cc(kCc + 2);
  sio(kDev);
  save_cc(kCc + 3);
  mvc(0x820, 0x40, 8);
  done();
  run();
  CHECK(cc_at(kCc + 0) == 0);
  CHECK(cc_at(kCc + 1) == 0);
  CHECK(cc_at(kCc + 2) == 1);
  // START I/O: busy and attention in the status portion, the condition
  // cleared, the command not executed.
  CHECK(cc_at(kCc + 3) == 1);
  CHECK(get64(0x820) == 0xA5A5A5A59000A5A5ull);
  CHECK(d.commands.empty());
}

TEST_CASE_FIXTURE(MachineFixture, "status in the device: TIO stores a CSW of zeros with the status") {
  auto& d = fake(kDev, immediate());
  d.raise(unit::kAttention);
  tio(kDev);
  save_cc(kCc + 0);
  mvc(0x820, 0x40, 8);
  tio(kDev);
  save_cc(kCc + 1);
  done();
  run();
  CHECK(cc_at(kCc + 0) == 1);
  CHECK(get64(0x820) == 0x0000000080000000ull);
  CHECK(cc_at(kCc + 1) == 0);
}

TEST_CASE_FIXTURE(MachineFixture,
                  "SIO condition code 1: an immediate command without chaining stores its status") {
  auto& d = fake(kDev, immediate());
  ccw(0x400, 0x03, 0, ccw::kPci, 1);
  set_caw(0, 0x400);
  put64(0x40, kJunk);
  sio(kDev);
  save_cc(kCc + 0);
  tio(kDev);
  save_cc(kCc + 1);
  done();
  run();
  // Channel end and device end, with PCI since the first CCW has the flag;
  // the rest of the CSW is unchanged, nothing stays pending. (Hercules:
  // condition code 0 and an interruption.)
  CHECK(cc_at(kCc + 0) == 1);
  CHECK(csw() == 0xA5A5A5A50C80A5A5ull);
  CHECK(cc_at(kCc + 1) == 0);
  CHECK(d.commands.size() == 1);
}

TEST_CASE_FIXTURE(MachineFixture, "SIO condition code 1: a command rejected at initiation") {
  fake(kDev, [](Transfer&) { return Result{unit::kEnd | unit::kUnitCheck, true, false, 1}; });
  ccw(0x400, 0x05, 0x900, 0, 8);
  set_caw(0, 0x400);
  put64(0x40, kJunk);
  sio(kDev);
  save_cc(kCc + 0);
  done();
  run();
  CHECK(cc_at(kCc + 0) == 1);
  CHECK(csw() == 0xA5A5A5A50E00A5A5ull);
}

TEST_CASE_FIXTURE(MachineFixture, "SIO condition code 1 with program check: the CAW and the first CCW") {
  auto& d = fake(kDev, immediate());
  const struct {
    u32 caw;
    u64 ccw_at_400;
    const char* what;
  } cases[] = {
      {0x01000400, 0x0300000000000001, "CAW bits 4-7 not zero"},
      {0x00000404, 0x0300000000000001, "CCW address not on a doubleword"},
      {0x00200000, 0x0300000000000001, "CCW address outside storage"},
      {0x00000400, 0x0800040000000000, "first CCW is a TIC"},
      {0x00000400, 0x0000000000000001, "invalid command code X'00'"},
      {0x00000400, 0x3000000000000001, "invalid command code X'30'"},
      {0x00000400, 0x0300000000000000, "count of zero"},
      {0x00000400, 0x0300000001000001, "flag bit 39"},
      {0x00000400, 0x0300000002000001, "flag bit 38"},
  };
  for (auto& c : cases) {
    CAPTURE(c.what);
    MachineFixture f;
    auto& fd = f.fake(kDev, immediate());
    f.put32(0x48, c.caw);
    f.put64(0x400, c.ccw_at_400);
    f.put64(0x40, kJunk);
    f.sio(kDev);
    f.save_cc(kCc);
    f.done();
    f.run();
    CHECK(f.cc_at(kCc) == 1);
    CHECK(f.csw() == 0xA5A5A5A50020A5A5ull);
    CHECK(fd.commands.empty());
  }
  (void)d;
}

TEST_CASE_FIXTURE(MachineFixture, "SIO: protection check of the first CCW is stored by SIO") {
  fake(kDev, immediate());
  ccw(0x400, 0x03, 0, 0, 1);
  m.storage().key(AbsAddr(0x400)) = 0x58;
  set_caw(6, 0x400);
  put64(0x40, kJunk);
  sio(kDev);
  save_cc(kCc + 0);
  done();
  run();
  CHECK(cc_at(kCc + 0) == 1);
  CHECK(csw() == 0xA5A5A5A50010A5A5ull);
}

TEST_CASE_FIXTURE(MachineFixture, "SIOF acts as SIO") {
  fake(kDev, reads({1}, 10));
  ccw(0x400, 0x02, 0x900, 0, 1);
  set_caw(0, 0x400);
  siof(kDev);
  save_cc(kCc + 0);
  wait_io();
  siof(0x0F0);
  save_cc(kCc + 1);
  done();
  run();
  CHECK(cc_at(kCc + 0) == 0);
  CHECK(csw() == 0x000004080C000000ull);
  CHECK(cc_at(kCc + 1) == 3);
}

TEST_CASE_FIXTURE(
    MachineFixture,
    "TCH: an interruption pending anywhere on the channel gives 1; STIDC stores the channel type") {
  fake(0x00E, reads({1}, 10));
  fake(0x10E, immediate());
  ccw(0x400, 0x02, 0x900, 0, 1);
  set_caw(0, 0x400);
  sio(0x00E);
  const u32 loop = here();
  tch(0x000);
  emit({0x47, 0x80, static_cast<u8>(loop >> 8), static_cast<u8>(loop)});
  tch(0x000);
  save_cc(kCc + 0);
  tch(0x100);
  save_cc(kCc + 1);
  stidc(0x000);
  save_cc(kCc + 2);
  mvc(0x810, 0xA8, 4);
  stidc(0x100);
  save_cc(kCc + 3);
  mvc(0x814, 0xA8, 4);
  done();
  run();
  CHECK(cc_at(kCc + 0) == 1);
  CHECK(cc_at(kCc + 1) == 0);
  CHECK(cc_at(kCc + 2) == 0);
  CHECK(get32(0x810) == 0x10000000);  // byte multiplexer (Hercules: channel 0)
  CHECK(cc_at(kCc + 3) == 0);
  CHECK(get32(0x814) == 0x20000000);  // block multiplexer
}

TEST_CASE_FIXTURE(MachineFixture,
                  "CLRCH resets the channel: operations end, nothing stays pending; cc 3 without devices") {
  auto& working = fake(0x00E, reads({1}, 1000));
  auto& done_dev = fake(0x00F, reads({1}, 10));
  auto& other = fake(0x10E, reads({1}, 10));
  ccw(0x400, 0x02, 0x900, ccw::kSuppressLength, 1);
  set_caw(0, 0x400);
  sio(0x00F);
  sio(0x10E);
  emit({0x41, 0x20, 0x00, 0x40});  // LA 2,64; BCT 2,*: 0F and 10E end
  const u32 spin = here();
  emit({0x46, 0x20, static_cast<u8>(spin >> 8), static_cast<u8>(spin)});
  sio(0x00E);
  done_dev.raise(unit::kAttention);
  clrch(0x000);
  save_cc(kCc + 0);
  tio(0x00E);
  save_cc(kCc + 1);
  tio(0x00F);
  save_cc(kCc + 2);
  tch(0x000);
  save_cc(kCc + 3);
  tch(0x100);
  save_cc(kCc + 4);
  clrch(0x200);
  save_cc(kCc + 5);
  done();
  run();
  CHECK(ended());
  CHECK(cc_at(kCc + 0) == 0);
  CHECK(cc_at(kCc + 1) == 0);
  CHECK(cc_at(kCc + 2) == 0);
  CHECK(cc_at(kCc + 3) == 0);
  CHECK(cc_at(kCc + 4) == 1);  // channel 1 untouched
  CHECK(cc_at(kCc + 5) == 3);
  CHECK(working.resets == 1);
  CHECK(other.resets == 0);
}

TEST_CASE_FIXTURE(MachineFixture, "I/O instructions are privileged") {
  fake(kDev, immediate());
  sio(kDev);
  done();
  put(kOrigin, code);
  m.cpu().load_psw(Psw::from_u64(0x0001000000000200ull));  // problem state
  m.run(100);
  CHECK((m.cpu().psw.to_u64() & 0xFFFFFF) == 0xEE68);
  CHECK((get64(0x28) >> 32 & 0xFFFF) == 0x0002);
}

}  // namespace s370::test
