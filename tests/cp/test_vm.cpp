// cp::VirtualMachine: trap and emulate, reflection, the assist, the
// counters, isolation (docs/CP.md). The whole differential corpus runs
// through tests/cp/equivalence.py; these are the cases one can state.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <tuple>
#include <vector>

#include "cp/virtual_machine.h"
#include "s370/channel/ebcdic.h"

using namespace s370;
using cp::Assist;
using cp::VirtualMachine;

namespace {

struct Guest {
  InstructionClock clock;
  VirtualMachine vm{1u << 20, clock};
  Guest() {
    // Every new PSW a disabled wait at X'EExx'; the end: a wait at X'C0DE'.
    for (u32 a : {0x58u, 0x60u, 0x68u, 0x70u, 0x78u}) put64(a, 0x000200000000EE00ull | a);
    put64(0x1F0, 0x000200000000C0DEull);
  }
  void put(u32 a, const std::vector<u8>& b) { vm.storage().write(AbsAddr(a), b.data(), static_cast<u32>(b.size())); }
  void put64(u32 a, u64 v) {
    u8 b[8];
    store_be64(b, v);
    vm.storage().write(AbsAddr(a), b, 8);
  }
  u64 get64(u32 a) {
    u8 b[8];
    vm.storage().read(AbsAddr(a), b, 8);
    return load_be64(b);
  }
  RunResult go(u64 psw, u64 budget = 1000) {
    vm.load_psw(Psw::from_u64(psw));
    return vm.run(budget);
  }
  u64 cause(const char* name) {
    const auto m = vm.counters().by_cause();
    const auto it = m.find(name);
    return it == m.end() ? 0 : it->second;
  }
};

}  // namespace

TEST_CASE("a privileged instruction in the virtual supervisor state traps and is emulated") {
  Guest g;
  g.put(0x200, {0x82, 0x00, 0x01, 0xF0});  // LPSW X'1F0': the end
  const RunResult r = g.go(0x200);
  CHECK(r.reason == StopReason::DisabledWait);
  CHECK(g.vm.psw().ia == 0xC0DE);
  CHECK_FALSE(g.vm.psw().problem);
  CHECK(g.vm.counters().traps == 1);
  CHECK(g.cause("LPSW") == 1);
  CHECK(r.executed == 1);  // the trapped attempt is not counted twice
}

TEST_CASE("a privileged instruction in the virtual problem state is reflected to the guest") {
  Guest g;
  g.put(0x200, {0x80, 0x00, 0x03, 0x00});  // SSM X'300' in the problem state
  const RunResult r = g.go(0x0001000000000200ull);
  CHECK(r.reason == StopReason::DisabledWait);
  CHECK(g.vm.psw().ia == 0xEE68);
  // The guest's program old PSW: problem state (the virtual bit), code 2,
  // ILC 2, past the SSM.
  CHECK(g.get64(0x28) == 0x0001000280000204ull);
  CHECK(g.cause("PROGRAM") == 1);
  CHECK(g.cause("SSM") == 0);
}

TEST_CASE("an SVC is reflected with the virtual problem bit in the old PSW") {
  Guest g;
  g.put(0x200, {0x0A, 0x07});
  g.go(0x0000000000000200ull);
  CHECK(g.vm.psw().ia == 0xEE60);
  CHECK(g.get64(0x20) == 0x0000000740000202ull);  // supervisor, code 7, ILC 1
  CHECK(g.cause("SVC") == 1);
}

TEST_CASE("the assist on and off: the same guest results, other counters") {
  // SSK, ISK, SPT, STPT, then LPSW to the end.
  const std::vector<u8> code = {0x41, 0x10, 0x00, 0x30,  // LA 1,X'30'
                                0x41, 0x20, 0x08, 0x00,  // LA 2,X'800'
                                0x08, 0x12,              // SSK 1,2
                                0x09, 0x32,              // ISK 3,2
                                0xB2, 0x08, 0x03, 0x00,  // SPT X'300'
                                0xB2, 0x09, 0x03, 0x08,  // STPT X'308'
                                0x82, 0x00, 0x01, 0xF0};
  Guest off, on;
  on.vm.set_assist(Assist::On);
  for (Guest* g : {&off, &on}) {
    g->put(0x200, code);
    g->put64(0x300, 0x0000000100000000ull);
    g->go(0x200);
    CHECK(g->vm.psw().ia == 0xC0DE);
  }
  CHECK(off.vm.cpu().gpr[3] == on.vm.cpu().gpr[3]);
  CHECK(off.get64(0x308) == on.get64(0x308));
  CHECK(off.vm.counters().traps == 5);
  CHECK(on.vm.counters().traps == 0);
  CHECK(off.vm.counters().direct == 2);
  CHECK(on.vm.counters().direct == 7);
}

TEST_CASE("a run stopped by its budget leaves the virtual PSW in the Cpu, and resumes") {
  Guest g;
  g.put(0x200, {0x80, 0x00, 0x03, 0x00,  // SSM X'300'
                0x47, 0xF0, 0x02, 0x00});  // B X'200'
  const RunResult r = g.go(0x200, 101);
  CHECK(r.reason == StopReason::Budget);
  CHECK(r.executed + r.interruptions == 101);
  CHECK_FALSE(g.vm.cpu().psw.problem);  // the virtual state, not the real one
  const RunResult r2 = g.vm.run(10);
  CHECK(r2.executed == 10);
  CHECK(g.vm.counters().traps == 56);  // 51 + 5 SSMs
}

TEST_CASE("two virtual machines share nothing") {
  Guest a, b;
  a.put(0x200, {0x92, 0xAA, 0x08, 0x00,  // MVI X'800',X'AA'
                0x82, 0x00, 0x01, 0xF0});
  b.put(0x200, {0x82, 0x00, 0x01, 0xF0});
  a.go(0x200);
  b.go(0x200);
  CHECK((a.get64(0x800) >> 56) == 0xAA);
  CHECK(b.get64(0x800) == 0);
  CHECK(a.vm.counters().traps == 1);
  CHECK(b.vm.counters().traps == 1);
}

TEST_CASE("a semi-privileged instruction short of authority in the problem state is performed by CP") {
  // SPKA X'50' with CR3 = 0: in the real problem state the key mask
  // forbids it; the virtual PSW is in the supervisor state, so CP performs it.
  Guest g;
  g.put(0x200, {0xB2, 0x0A, 0x00, 0x50,  // SPKA X'50'
                0x82, 0x00, 0x01, 0xF0});
  g.go(0x200);
  CHECK(g.vm.psw().ia == 0xC0DE);
  CHECK(g.vm.psw().key == 0);  // the end PSW's key; the SPKA's is in the old one
  CHECK(g.cause("SPKA") == 1);
}

TEST_CASE("a program exception of an instruction CP performs is reflected in the virtual supervisor state") {
  // MVCK from a block of key 7, fetch-protected, with source key 5: CP
  // performs the MVCK (CR3 allows no key in the problem state) and it
  // takes a protection exception, which the guest sees in the supervisor
  // state; its handler then ends the program with LPSW.
  Guest g;
  g.vm.storage().key(AbsAddr(0x800)) = 0x78;
  g.put64(0x68, 0x0000000000000300ull);      // program new PSW -> X'300'
  g.put(0x300, {0x82, 0x00, 0x01, 0xF0});     // LPSW X'1F0'
  g.vm.cpu().gpr[1] = 4;
  g.vm.cpu().gpr[3] = 0x50;
  g.put(0x200, {0xD9, 0x13, 0x09, 0x00, 0x08, 0x00});  // MVCK X'900'(R1),X'800',R3
  g.go(0x200);
  CHECK(g.vm.psw().ia == 0xC0DE);
  CHECK(g.get64(0x28) == 0x00000004C0000206ull);  // supervisor, code 4, ILC 3
  CHECK(g.cause("MVCK") == 1);
  CHECK(g.cause("PROGRAM") == 1);
  CHECK(g.cause("LPSW") == 1);
}

// ---- DIAGNOSE --------------------------------------------------------------------

namespace {
// DIAGNOSE Rx,Ry,code then LPSW X'1F0'.
std::vector<u8> diag(int rx, int ry, u16 code) {
  return {0x83, static_cast<u8>((rx << 4) | ry), static_cast<u8>(code >> 8), static_cast<u8>(code),
          0x82, 0x00, 0x01, 0xF0};
}
}  // namespace

TEST_CASE("DIAGNOSE X'60': the virtual storage size") {
  Guest g;
  g.put(0x200, diag(3, 4, 0x60));
  g.go(0x200);
  CHECK(g.vm.psw().ia == 0xC0DE);
  CHECK(g.vm.cpu().gpr[3] == 1u << 20);
  CHECK(g.cause("DIAG") == 1);
}

TEST_CASE("DIAGNOSE X'00': the extended identification, as much as Ry asks") {
  Guest g;
  g.vm.set_userid("MAINT");
  g.vm.cpu().gpr[2] = 0x800;
  g.vm.cpu().gpr[3] = 20;
  g.put(0x200, diag(2, 3, 0x00));
  g.go(0x200);
  u8 b[24];
  g.vm.storage().read(AbsAddr(0x800), b, 24);
  // "VM/370  " in EBCDIC, release 6, version code X'FD', MCEL 0, CPU 0,
  // then "MAINT" (4 of its bytes: Ry = 20), nothing after.
  const std::vector<u8> want = {0xE5, 0xD4, 0x61, 0xF3, 0xF7, 0xF0, 0x40, 0x40, 0x06, 0x00, 0x00, 0xFD,
                                0x00, 0x00, 0x00, 0x00, 0xD4, 0xC1, 0xC9, 0xD5, 0x00, 0x00, 0x00, 0x00};
  CHECK(std::vector<u8>(b, b + 24) == want);
}

TEST_CASE("DIAGNOSE X'00' with a buffer off a doubleword is a specification exception") {
  Guest g;
  g.vm.cpu().gpr[2] = 0x804;
  g.vm.cpu().gpr[3] = 8;
  g.put(0x200, diag(2, 3, 0x00));
  g.go(0x200);
  CHECK(g.vm.psw().ia == 0xEE68);
  CHECK(((g.get64(0x28) >> 32) & 0xFFFF) == 0x0006);
}

TEST_CASE("DIAGNOSE X'0C': date, time and CPU times") {
  Guest g;
  g.vm.cpu().gpr[2] = 0x800;
  g.put(0x200, diag(2, 0, 0x0C));
  g.go(0x200);
  u8 b[32];
  g.vm.storage().read(AbsAddr(0x800), b, 32);
  // The deterministic clock starts at 2000-01-01 00:00: 01/01/00 00:00:00.
  CHECK(s370::io::to_ascii(b, 16) == "01/01/0000:00:00");
  // Virtual CPU: what the Cpu ran for the guest without CP (nothing yet);
  // total: with CP's work, the DIAGNOSE itself (one microsecond each).
  CHECK(load_be64(b + 16) == 0);
  CHECK(load_be64(b + 24) == 1);
}

TEST_CASE("DIAGNOSE X'10': released pages read as zeros") {
  Guest g;
  g.put64(0x3000, 0x1122334455667788ull);
  g.put64(0x4FF8, 0x1122334455667788ull);
  g.put64(0x5000, 0x99);
  g.vm.cpu().gpr[2] = 0x3000;
  g.vm.cpu().gpr[3] = 0x4000;
  g.put(0x200, diag(2, 3, 0x10));
  g.go(0x200);
  CHECK(g.vm.psw().ia == 0xC0DE);
  CHECK(g.get64(0x3000) == 0);
  CHECK(g.get64(0x4FF8) == 0);
  CHECK(g.get64(0x5000) == 0x99);  // past the last page
}

TEST_CASE("DIAGNOSE X'5C': messages edited by SET EMSG") {
  for (auto [emsg, x, y] : {std::tuple{VirtualMachine::Emsg::On, 0x800u, 30u},
                            std::tuple{VirtualMachine::Emsg::Code, 0x800u, 10u},
                            std::tuple{VirtualMachine::Emsg::Text, 0x80Bu, 19u},
                            std::tuple{VirtualMachine::Emsg::Off, 0x800u, 0u}}) {
    Guest g;
    g.vm.set_emsg(emsg);
    g.vm.cpu().gpr[2] = 0x800;
    g.vm.cpu().gpr[3] = 30;
    g.put(0x200, diag(2, 3, 0x5C));
    g.go(0x200);
    CHECK(g.vm.cpu().gpr[2] == x);
    CHECK(g.vm.cpu().gpr[3] == y);
  }
}

TEST_CASE("DIAGNOSE: an unknown code is a specification exception; in the problem state, privileged") {
  Guest g;
  g.put(0x200, diag(2, 3, 0x4C4));
  g.go(0x200);
  CHECK(((g.get64(0x28) >> 32) & 0xFFFF) == 0x0006);
  Guest p;
  p.put(0x200, diag(2, 3, 0x60));
  p.go(0x0001000000000200ull);
  CHECK(((p.get64(0x28) >> 32) & 0xFFFF) == 0x0002);
}

TEST_CASE("the CPU timer stands still while the machine is frozen off the host threads") {
  // A clock the test moves by hand.
  struct HandClock final : Clock {
    u64 t = 1000000;
    u64 now_us(u64) override { return t; }
  } clock;
  VirtualMachine vm(1u << 20, clock);
  vm.cpu().set_cpu_timer(i64{5000} << 12);
  clock.t += 1000;
  CHECK(vm.cpu().cpu_timer() == i64{4000} << 12);  // running: it counts down
  vm.freeze_cpu_timer();
  clock.t += 3000;
  vm.thaw_cpu_timer();
  CHECK(vm.cpu().cpu_timer() == i64{4000} << 12);  // frozen: it did not
  clock.t += 500;
  CHECK(vm.cpu().cpu_timer() == i64{3500} << 12);
}
