// Virtual I/O: a guest that drives a printer, a card punch, a card reader,
// a console and a disk (real device models of s370/channel, in the virtual
// machine's own channel subsystem) ends, under CP with the assist off and
// on, in the same state as on the bare machine, and leaves the same files.
// Equivalence for the guests that do I/O (docs/CP.md, "Virtual devices").
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "cp/tools/levels.h"
#include "cp/virtual_machine.h"
#include "machine_fixture.h"
#include "s370/channel/ckd_image.h"
#include "s370/channel/config.h"
#include "s370/channel/dasd.h"
#include "s370/channel/ebcdic.h"

using namespace s370;
using namespace s370::io;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

// The devices of one run, in their own folder: printer 00E, punch 00D,
// reader 00C (two cards), console 009 (its output kept), disk 190 (a 3330).
struct Devices {
  std::string dir;
  std::string console;
  MachineConfig mc;
  explicit Devices(const std::string& name) {
    dir = std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/cp-io-" + name + "-" +
          std::to_string(reinterpret_cast<uintptr_t>(this));
    std::string cmd = "mkdir -p " + dir;
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::string deck(160, '\0');
    for (int i = 0; i < 160; i++) deck[i] = static_cast<char>(0xC1 + i % 9);  // A..I in EBCDIC
    std::ofstream(dir + "/deck.bin", std::ios::binary) << deck;
    CkdImage::create(dir + "/disk.ckd", *ckd_geometry("3330"), 2);
    mc = parse_config(R"({"devices": [{"address": "00E", "type": "1403", "file": "print.txt"},
                                      {"address": "00D", "type": "2540P", "file": "punch.bin"},
                                      {"address": "00C", "type": "2540R", "file": "deck.bin", "mode": "ebcdic"},
                                      {"address": "009", "type": "3215"},
                                      {"address": "190", "type": "3330", "file": "disk.ckd"}]})",
                      dir + "/machine.json");
  }
  ~Devices() {
    const std::string cmd = "rm -rf " + dir;
    if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "could not remove %s\n", dir.c_str());
  }
  template <typename Attach>
  void attach(Attach attach_one) {
    Operator op;
    op.output = [this](std::string_view s) { console += s; };
    for (const DeviceConfig& dc : mc.devices) attach_one(make_device(mc, dc, op));
  }
};

// The guest: a line to the printer, a card to the punch, a card read, a
// line to the console, a record written to the disk and read back; each
// CSW kept at X'820' on. The program is built by the bare-machine fixture.
struct Program : test::MachineFixture {
  void build() {
    const char* line = "HELLO FROM A VIRTUAL MACHINE";
    std::vector<u8> text;
    for (const char* p = line; *p; p++) text.push_back(to_ebcdic(static_cast<u8>(*p)));
    put(0x2100, text);
    ccw(0x1100, 0x09, 0x2100, 0, static_cast<u16>(text.size()));  // printer: write, space 1
    std::vector<u8> card(80, 0xF1);
    put(0x2200, card);
    ccw(0x1108, 0x01, 0x2200, 0, 80);                                // punch: write
    ccw(0x1110, 0x02, 0x3100, 0, 80);                                // reader: read
    ccw(0x1118, 0x09, 0x2100, 0, static_cast<u16>(text.size()));  // console: write
    // The disk: write R1 on cylinder 0 head 5, then read it back.
    put(0x2000, {0, 0, 0, 0, 0, 5});
    put(0x2010, {0, 0, 0, 5, 0});
    put(0x2020, {0, 0, 0, 5, 1, 2, 0, 10});
    put(0x2028, {0xAA, 0xBB, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    put(0x2040, {0, 0, 0, 5, 1});
    u32 at = 0x1000;
    auto c = [&](u8 cmd, u32 data, u8 flags, u16 count) {
      ccw(at, cmd, data, flags, count);
      at += 8;
    };
    c(0x07, 0x2000, ccw::kChainCommand, 6);
    c(0x31, 0x2010, ccw::kChainCommand, 5);
    c(0x08, 0x1008, 0, 0);
    c(0x1D, 0x2020, 0, 20);
    c(0x07, 0x2000, ccw::kChainCommand, 6);
    c(0x31, 0x2040, ccw::kChainCommand, 5);
    c(0x08, 0x1028, 0, 0);
    c(0x0E, 0x3000, 0, 12);
    const std::pair<u16, u32> ops[] = {{0x00E, 0x1100}, {0x00D, 0x1108}, {0x00C, 0x1110},
                                       {0x009, 0x1118}, {0x190, 0x1000}, {0x190, 0x1020}};
    u32 log = 0x820;
    for (auto [dev, prog] : ops) {
      sio_and_wait(dev, prog, log - 0x20);
      mvc(log, 0x40, 8);
      log += 8;
    }
    done();
    put(kOrigin, code);
  }
};

struct End {
  u64 psw;
  std::vector<u32> gpr;
  std::vector<u8> low;  // storage 0-X'3FFF'
  std::string print, punch, console, disk;
};

End bare_run() {
  Devices d("bare");
  Program p;
  d.attach([&](std::unique_ptr<Device> dev) { p.m.attach(std::move(dev)); });
  p.build();
  p.run();
  End e{p.m.cpu().psw.to_u64(), {}, p.get(0, 0x4000), slurp(d.dir + "/print.txt"), slurp(d.dir + "/punch.bin"),
        d.console, slurp(d.dir + "/disk.ckd")};
  e.gpr.assign(p.m.cpu().gpr, p.m.cpu().gpr + 16);
  return e;
}

End cp_run(cp::Assist assist, cp::Counters* counters) {
  Devices d(assist == cp::Assist::On ? "on" : "off");
  Program p;  // only to build the program's storage
  p.build();
  InstructionClock clock;
  cp::VirtualMachine vm(1u << 20, clock);
  vm.set_assist(assist);
  d.attach([&](std::unique_ptr<Device> dev) { vm.attach(std::move(dev)); });
  const std::vector<u8> image = p.get(0, 0x4000);
  vm.storage().write(AbsAddr(0), image.data(), static_cast<u32>(image.size()));
  vm.load_psw(Psw::from_u64(test::MachineFixture::kOrigin));
  for (int i = 0; i < 100; i++) {
    const RunResult r = vm.run(1000000);
    if (r.reason == StopReason::DisabledWait) break;
  }
  std::vector<u8> low(0x4000);
  vm.storage().read(AbsAddr(0), low.data(), 0x4000);
  End e{vm.cpu().psw.to_u64(), {}, low, slurp(d.dir + "/print.txt"), slurp(d.dir + "/punch.bin"), d.console,
        slurp(d.dir + "/disk.ckd")};
  e.gpr.assign(vm.cpu().gpr, vm.cpu().gpr + 16);
  *counters = vm.counters();
  return e;
}

// The same guest under guest CPs (s370run --levels, docs/VM-UNDER-VM.md):
// level 1 is CP's virtual machine with the devices, which runs GCP, which
// gives them to its guest (at level 3, through another GCP).
End levels_run(int levels, cp::Counters* counters, std::string* stopped) {
  Devices d("levels" + std::to_string(levels));
  Program p;
  p.build();
  InstructionClock clock;
  cp::VirtualMachine vm(cp::levels::kGcpMachine, clock);
  d.attach([&](std::unique_ptr<Device> dev) { vm.attach(std::move(dev)); });
  cp::levels::Guest g;
  g.size = 1u << 20;
  g.psw = test::MachineFixture::kOrigin;
  g.cr[0] = 0x000000E0;
  g.cr[2] = 0xFFFFFFFF;
  g.cr[14] = 0xC2000000;
  g.cr[15] = 0x00000200;
  g.storage.push_back({0, p.get(0, 0x4000)});
  vm.load_psw(Psw::from_u64(cp::levels::build(levels, g, vm.storage())));
  for (int i = 0; i < 1000; i++) {
    const RunResult r = vm.run(1000000);
    if (r.reason == StopReason::DisabledWait) break;
  }
  cp::levels::Result res = cp::levels::read(levels, vm.cpu(), vm.storage());
  *stopped = res.error;
  std::vector<u8> low(0x4000);
  res.state.read(0, low.data(), 0x4000);
  End e{res.state.psw, {}, low, slurp(d.dir + "/print.txt"), slurp(d.dir + "/punch.bin"), d.console,
        slurp(d.dir + "/disk.ckd")};
  e.gpr.assign(res.state.gpr, res.state.gpr + 16);
  *counters = vm.counters();
  return e;
}

}  // namespace

TEST_CASE("virtual I/O under guest CPs: the same devices, the same end as bare") {
  const End bare = bare_run();
  REQUIRE((bare.psw & 0xFFFFFF) == 0xC0DE);
  for (int levels : {2, 3}) {
    CAPTURE(levels);
    cp::Counters c;
    std::string stopped;
    const End v = levels_run(levels, &c, &stopped);
    CHECK(stopped == "");
    CHECK(v.psw == bare.psw);
    CHECK(v.gpr == bare.gpr);
    // The CSWs it logged: its own CCW addresses, its counts. (Not the
    // interval timer at X'50': time runs otherwise under guest CPs.)
    std::vector<u8> low = v.low, bare_low = bare.low;
    std::fill(low.begin() + 0x50, low.begin() + 0x54, 0);
    std::fill(bare_low.begin() + 0x50, bare_low.begin() + 0x54, 0);
    CHECK(low == bare_low);
    CHECK(v.print == bare.print);
    CHECK(v.punch == bare.punch);
    CHECK(v.console == bare.console);
    CHECK(v.disk == bare.disk);
  }
}

TEST_CASE("virtual I/O: printer, punch, reader, console and disk, bare and under CP, the same") {
  const End bare = bare_run();
  REQUIRE((bare.psw & 0xFFFFFF) == 0xC0DE);
  CHECK(bare.print.find("HELLO FROM A VIRTUAL MACHINE") != std::string::npos);
  CHECK(bare.console.find("HELLO FROM A VIRTUAL MACHINE") != std::string::npos);
  CHECK(bare.punch.size() == 80);
  for (cp::Assist a : {cp::Assist::Off, cp::Assist::On}) {
    CAPTURE(static_cast<int>(a));
    cp::Counters c;
    const End v = cp_run(a, &c);
    CHECK(v.psw == bare.psw);
    CHECK(v.gpr == bare.gpr);
    CHECK(v.low == bare.low);
    CHECK(v.print == bare.print);
    CHECK(v.punch == bare.punch);
    CHECK(v.console == bare.console);
    CHECK(v.disk == bare.disk);
    const auto causes = c.by_cause();
    CHECK(causes.at("SIO") == 6);
    if (a == cp::Assist::Off) CHECK(causes.at("IO") == 6);  // the interruptions, reflected
  }
}

TEST_CASE("DIAGNOSE X'20': a channel program run to its end, no interruption") {
  Devices d("diag20");
  InstructionClock clock;
  cp::VirtualMachine vm(1u << 20, clock);
  d.attach([&](std::unique_ptr<Device> dev) { vm.attach(std::move(dev)); });
  Program p;  // storage and CCWs of the guest above, built by the fixture
  p.build();
  const std::vector<u8> image = p.get(0, 0x4000);
  vm.storage().write(AbsAddr(0), image.data(), static_cast<u32>(image.size()));
  // LA 2,X'00E'; L 3,X'700' (X'1100'); DIAG 2,3,X'20'; BALR 1,0 (the
  // cc); LA 4,X'123'; DIAG 4,3,X'20'; BALR 5,0; LPSW X'1F0'
  const u8 ccw_at[4] = {0x00, 0x00, 0x11, 0x00};
  vm.storage().write(AbsAddr(0x700), ccw_at, 4);
  const std::vector<u8> code = {0x41, 0x20, 0x00, 0x0E, 0x58, 0x30, 0x07, 0x00, 0x83, 0x23, 0x00, 0x20,
                                0x05, 0x10, 0x41, 0x40, 0x01, 0x23, 0x83, 0x43, 0x00, 0x20, 0x05, 0x50,
                                0x82, 0x00, 0x01, 0xF0};
  vm.storage().write(AbsAddr(0x200), code.data(), static_cast<u32>(code.size()));
  vm.load_psw(Psw::from_u64(0x200));
  vm.run(100000);
  CHECK((vm.psw().ia) == 0xC0DE);
  CHECK(((vm.cpu().gpr[1] >> 28) & 3) == 0);  // the printer: done
  CHECK(((vm.cpu().gpr[5] >> 28) & 3) == 1);  // device X'123': not there
  CHECK(vm.cpu().gpr[15] == 1);
  CHECK(slurp(d.dir + "/print.txt").find("HELLO FROM A VIRTUAL MACHINE") != std::string::npos);
  CHECK(vm.cpu().interruptions_taken() == 0);  // no I/O interruption
}

namespace {

// A guest that issues one DIAGNOSE (code `code`, Rx = R2 the device, Ry =
// R3 the channel program, R15 as given) and stops; returns its condition
// code and R15.
struct DiagRun {
  InstructionClock clock;
  cp::VirtualMachine vm{1u << 20, clock};
  std::pair<int, u32> diag(u8 code, u16 dev, u32 program, u32 r15) {
    const std::vector<u8> text = {0x83, 0x23, 0x00, code, 0x05, 0x10, 0x82, 0x00, 0x01, 0xF0};
    vm.storage().write(AbsAddr(0x200), text.data(), static_cast<u32>(text.size()));
    const u8 wait[8] = {0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0xC0, 0xDE};
    vm.storage().write(AbsAddr(0x1F0), wait, 8);
    vm.cpu().gpr[2] = dev;
    vm.cpu().gpr[3] = program;
    vm.cpu().gpr[15] = r15;
    vm.load_psw(Psw::from_u64(0x200));
    vm.run(100000);
    REQUIRE(vm.psw().ia == 0xC0DE);
    return {static_cast<int>((vm.cpu().gpr[1] >> 28) & 3), vm.cpu().gpr[15]};
  }
  void ccw(u32 at, u8 op, u32 addr, u8 flags, u16 count) {
    const u8 c[8] = {op, static_cast<u8>(addr >> 16), static_cast<u8>(addr >> 8), static_cast<u8>(addr), flags, 0,
                     static_cast<u8>(count >> 8), static_cast<u8>(count)};
    vm.storage().write(AbsAddr(at), c, 8);
  }
  void bytes(u32 at, std::vector<u8> b) { vm.storage().write(AbsAddr(at), b.data(), static_cast<u32>(b.size())); }
  // The standard shape for record `r` of cylinder `cyl`, head 0: SEEK,
  // SEARCH ID EQUAL, TIC, then `op` (READ X'06' / WRITE X'05' DATA) of
  // `count` bytes at `buf`.
  void standard(u32 at, u16 cyl, u8 r, u8 op, u32 buf, u16 count) {
    bytes(0x3000, {0, 0, static_cast<u8>(cyl >> 8), static_cast<u8>(cyl), 0, 0});             // BBCCHH
    bytes(0x3008, {static_cast<u8>(cyl >> 8), static_cast<u8>(cyl), 0, 0, r});                // CCHHR
    ccw(at, 0x07, 0x3000, 0x40, 6);
    ccw(at + 8, 0x31, 0x3008, 0x40, 5);
    ccw(at + 16, 0x08, at + 8, 0, 1);
    ccw(at + 24, op, buf, 0x20, count);
  }
};

}  // namespace

TEST_CASE("DIAGNOSE X'18': CMS's standard disk I/O, with CP's checks of the channel program") {
  const std::string dir = std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/cp-diag18-" +
                          std::to_string(reinterpret_cast<uintptr_t>(&dir));
  REQUIRE(std::system(("mkdir -p " + dir).c_str()) == 0);
  CkdImage::create(dir + "/d.ckd", *ckd_geometry("3330"), 4);
  DiagRun g;
  // 191: cylinders 1-2 of the volume (a minidisk of 2); 192 the same, read only.
  g.vm.attach(std::make_unique<CkdDasd>(0x191, CkdImage::open_extent(dir + "/d.ckd", *ckd_geometry("3330"), 1, 2, false)));
  g.vm.attach(std::make_unique<CkdDasd>(0x192, CkdImage::open_extent(dir + "/d.ckd", *ckd_geometry("3330"), 1, 2, true)));
  // Record 1 of cylinder 1 made by DIAGNOSE X'20' (WRITE COUNT KEY DATA
  // after record 0), as FORMAT would.
  g.bytes(0x3000, {0, 0, 0, 1, 0, 0});
  g.bytes(0x3008, {0, 1, 0, 0, 0});
  g.ccw(0x2000, 0x07, 0x3000, 0x40, 6);
  g.ccw(0x2008, 0x31, 0x3008, 0x40, 5);
  g.ccw(0x2010, 0x08, 0x2008, 0, 1);
  g.bytes(0x4000, {0, 1, 0, 0, 1, 0, 0x03, 0x20});  // count: CCHHR 0001 0000 01, KL 0, DL 800
  g.ccw(0x2018, 0x1D, 0x4000, 0, 808);
  REQUIRE(g.diag(0x20, 0x191, 0x2000, 0) == std::pair<int, u32>{0, 0});

  std::vector<u8> data(800);
  for (int i = 0; i < 800; i++) data[i] = static_cast<u8>(i * 7);
  g.bytes(0x5000, data);
  g.standard(0x2100, 1, 1, 0x05, 0x5000, 800);
  CHECK(g.diag(0x18, 0x191, 0x2100, 1) == std::pair<int, u32>{0, 1});  // written
  g.standard(0x2200, 1, 1, 0x06, 0x6000, 800);
  CHECK(g.diag(0x18, 0x191, 0x2200, 1) == std::pair<int, u32>{0, 1});  // and read back
  std::vector<u8> back(800);
  g.vm.storage().read(AbsAddr(0x6000), back.data(), 800);
  CHECK(back == data);
  CHECK(g.vm.cpu().interruptions_taken() == 0);

  // The checks, each with its condition code and R15.
  CHECK(g.diag(0x18, 0x191, 0x2200, 2) == std::pair<int, u32>{2, 11});   // R15 not the number of READs
  CHECK(g.diag(0x18, 0x123, 0x2200, 1) == std::pair<int, u32>{1, 1});    // no such device
  CHECK(g.diag(0x18, 0x192, 0x2100, 1) == std::pair<int, u32>{1, 3});    // a write to a read-only disk
  CHECK(g.diag(0x18, 0x192, 0x2200, 1) == std::pair<int, u32>{0, 1});    // reading it is fine
  CHECK(g.diag(0x18, 0x191, 0x2204, 1) == std::pair<int, u32>{2, 5});    // a CCW not on a doubleword
  g.standard(0x2300, 2, 1, 0x06, 0x6000, 800);
  CHECK(g.diag(0x18, 0x191, 0x2300, 1) == std::pair<int, u32>{1, 4});    // cylinder 2 of a 2-cylinder minidisk
  g.standard(0x2300, 1, 1, 0x06, 0x6000, 0);
  CHECK(g.diag(0x18, 0x191, 0x2300, 1) == std::pair<int, u32>{2, 8});    // count 0
  g.standard(0x2300, 1, 1, 0x06, 0x6000, 4000);
  CHECK(g.diag(0x18, 0x191, 0x2300, 1) == std::pair<int, u32>{2, 9});    // count over 2048
  g.standard(0x2300, 1, 1, 0x06, 0xFFFF00, 800);
  CHECK(g.diag(0x18, 0x191, 0x2300, 1) == std::pair<int, u32>{2, 10});   // buffer beyond storage
  g.standard(0x2300, 1, 1, 0x02, 0x6000, 800);
  CHECK(g.diag(0x18, 0x191, 0x2300, 1) == std::pair<int, u32>{2, 7});    // not READ or WRITE DATA
  g.standard(0x2300, 1, 1, 0x06, 0x6000, 800);
  g.bytes(0x3008, {0, 0, 0, 0, 1});                                      // SEARCH for cylinder 0 after SEEK 1
  CHECK(g.diag(0x18, 0x191, 0x2300, 1) == std::pair<int, u32>{2, 12});
  g.standard(0x2300, 1, 7, 0x06, 0x6000, 800);                           // record 7 is not there
  CHECK(g.diag(0x18, 0x191, 0x2300, 1) == std::pair<int, u32>{3, 13});
  REQUIRE(std::system(("rm -rf " + dir).c_str()) == 0);
}
