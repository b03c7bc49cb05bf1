// The Cpu's interface to its host: run budgets, waits, exits instead of
// interruptions, stop requests from another thread, and the timers on the
// deterministic clock. Expected values from the Principles of Operation
// (chapters 4 and 6) unless a comment says otherwise.
#include <doctest/doctest.h>

#include <thread>
#include <vector>

#include "cpu_fixture.h"
#include "s370/cpu.h"

using namespace s370;

namespace {

// The one-instruction fixture's machine, with every new PSW a disabled wait
// at X'EExx' (as tests/include/lowcore.inc lays out low core); code goes at
// X'200'.
struct Bare : test::CpuFixture {
  Bare() {
    const u32 news[] = {0x58, 0x60, 0x68, 0x70, 0x78};
    for (u32 a : news) put64(a, 0x000200000000EE00ull | a);
  }
  void start(u64 psw) { cpu.load_psw(Psw::from_u64(psw)); }
};

}  // namespace

TEST_CASE("run: a disabled wait PSW ends the run") {
  Bare m;
  m.put64(0x300, 0x000200000000C0DEull);
  m.put(0x200, {0x82, 0x00, 0x03, 0x00});  // LPSW X'300'
  m.start(0x200);
  RunResult r = m.cpu.run(1000);
  CHECK(r.reason == StopReason::DisabledWait);
  CHECK(r.executed == 1);
  CHECK(m.cpu.psw.ia == 0xC0DE);
}

TEST_CASE("run: the budget is exact and the run resumes where it stopped") {
  Bare m;
  m.put(0x200, {0x47, 0xF0, 0x02, 0x00});  // B X'200': a tight loop
  m.start(0x200);
  RunResult r = m.cpu.run(12345);
  CHECK(r.reason == StopReason::Budget);
  CHECK(r.executed == 12345);
  r = m.cpu.run(5);
  CHECK(r.executed == 5);
  CHECK(m.cpu.instructions() == 12350);
}

TEST_CASE("run: a program interruption set to exit leaves the Cpu untouched") {
  // A privileged instruction in the problem state is how CP sees a guest's
  // LPSW: the Cpu stops with the interruption and stores no old PSW.
  Bare m;
  m.cpu.set_exit(InterruptClass::Program, true);
  m.put(0x200, {0x18, 0x12, 0x82, 0x00, 0x03, 0x00});  // LR 1,2; LPSW X'300'
  m.cpu.gpr[2] = 7;
  m.start(0x0001000000000200ull);  // problem state
  RunResult r = m.cpu.run(100);
  REQUIRE(r.reason == StopReason::Exit);
  CHECK(r.exit.cls == InterruptClass::Program);
  CHECK(r.exit.code == pgm::kPrivilegedOperation);
  CHECK(r.exit.ilc == 2);
  CHECK(r.exit.old_psw.ia == 0x206);  // suppressed: past the instruction
  CHECK(m.cpu.gpr[1] == 7);
  CHECK(m.get64(0x28) == 0);  // no old PSW stored in guest storage
  CHECK(r.executed == 2);
}

TEST_CASE("run: the same interruption goes through the PSWs when not set to exit") {
  Bare m;
  m.put(0x200, {0x82, 0x00, 0x03, 0x00});  // LPSW in the problem state
  m.start(0x0001000000000200ull);
  RunResult r = m.cpu.run(100);
  CHECK(r.reason == StopReason::DisabledWait);
  CHECK(m.cpu.psw.ia == 0xEE68);
  // BC old PSW: code 2, ILC 2, instruction address past the LPSW.
  CHECK(m.get64(0x28) == 0x0001000280000204ull);
}

TEST_CASE("run: SVC set to exit reports the number and ILC") {
  Bare m;
  m.cpu.set_exit(InterruptClass::Svc, true);
  m.put(0x200, {0x0A, 0x2A});  // SVC 42
  m.start(0x200);
  RunResult r = m.cpu.run(100);
  REQUIRE(r.reason == StopReason::Exit);
  CHECK(r.exit.cls == InterruptClass::Svc);
  CHECK(r.exit.code == 42);
  CHECK(r.exit.ilc == 1);
  CHECK(r.exit.old_psw.ia == 0x202);
}

TEST_CASE("run: another thread stops a running Cpu") {
  Bare m;
  m.put(0x200, {0x47, 0xF0, 0x02, 0x00});  // B X'200' forever
  m.start(0x200);
  std::thread t([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    m.cpu.request_stop();
  });
  RunResult r = m.cpu.run(~0ull);
  t.join();
  CHECK(r.reason == StopReason::StopRequest);
  CHECK(r.executed > 0);
  // The Cpu can go on afterwards.
  r = m.cpu.run(10);
  CHECK(r.reason == StopReason::Budget);
  CHECK(r.executed == 10);
}

TEST_CASE("timers: the CPU timer interrupts when it goes negative") {
  // SPT 1000 us; enable external interruptions with CR0 bit 21; loop. The
  // deterministic clock runs one microsecond per instruction, so the
  // interruption (code X'1005') comes after about 1000 instructions.
  Bare m;
  m.cpu.cr[0] = 0x00000400;
  m.put64(0x300, u64{1000} << 12);
  m.put(0x200, {0xB2, 0x08, 0x03, 0x00,    // SPT X'300'
                0x47, 0xF0, 0x02, 0x04});  // B X'204'
  m.start(0x0100000000000200ull);          // external mask on
  RunResult r = m.cpu.run(100000);
  CHECK(r.reason == StopReason::DisabledWait);
  CHECK(m.cpu.psw.ia == 0xEE58);
  CHECK((m.get64(0x18) >> 32 & 0xFFFF) == 0x1005);
  CHECK(m.cpu.instructions() >= 1000);
  CHECK(m.cpu.instructions() < 1000 + 1100);
}

TEST_CASE("timers: the interval timer at X'50' counts at 300 Hz in bit 23") {
  Bare m;
  m.put32(0x50, 0x00000100);  // one unit in bit 23: 1/300 s
  m.put(0x200, {0x47, 0xF0, 0x02, 0x00});
  m.start(0x0100000000000200ull);  // CR0 bit 24 (interval timer) is on after reset
  RunResult r = m.cpu.run(100000);
  CHECK(r.reason == StopReason::DisabledWait);
  CHECK((m.get64(0x18) >> 32 & 0xFFFF) == 0x0080);
  // 1/300 s is 3333 us: the interruption comes after that many instructions
  // (checked at the 1024-instruction service points).
  CHECK(m.cpu.instructions() >= 3333);
  CHECK(m.cpu.instructions() <= 3333 + 1024);
}

TEST_CASE("timers: an enabled wait skips the clock to the clock comparator") {
  Bare m;
  m.cpu.cr[0] = 0x00000800;  // clock-comparator subclass
  m.put(0x200, {0xB2, 0x05, 0x03, 0x00,    // STCK X'300'
                0x58, 0x10, 0x03, 0x00,    // L 1,X'300'
                0x5E, 0x10, 0x03, 0x10,    // AL 1,X'310': 2**32 TOD units (about 1 s) later
                0x50, 0x10, 0x03, 0x00,    // ST 1,X'300'
                0xB2, 0x06, 0x03, 0x00,    // SCKC X'300'
                0x82, 0x00, 0x03, 0x08});  // LPSW X'308': enabled wait
  m.put64(0x308, 0x0102000000000000ull);   // external mask, wait
  m.put32(0x310, 1);
  m.start(0x200);
  RunResult r = m.cpu.run(1000);
  REQUIRE(r.reason == StopReason::EnabledWait);
  const u64 t = m.cpu.next_event_us();
  CHECK(t > m.clock.now_us(m.cpu.instructions()));
  m.clock.idle_until(t, m.cpu.instructions());
  r = m.cpu.run(1000);
  CHECK(r.reason == StopReason::DisabledWait);
  CHECK(m.cpu.psw.ia == 0xEE58);
  CHECK((m.get64(0x18) >> 32 & 0xFFFF) == 0x1004);
}

TEST_CASE("interruptions: the interrupt key from another thread") {
  Bare m;
  m.put(0x200, {0x47, 0xF0, 0x02, 0x00});
  m.start(0x0100000000000200ull);  // CR0 bit 25 (interrupt key) on after reset
  m.cpu.press_interrupt_key();
  RunResult r = m.cpu.run(100);
  CHECK(r.reason == StopReason::DisabledWait);
  CHECK((m.get64(0x18) >> 32 & 0xFFFF) == 0x0040);
}

TEST_CASE("interruptions: an invalid EC PSW is a specification exception with ILC 0") {
  // EC mode with bit 0 one (must be zero): recognized before the next
  // instruction; the old PSW is the invalid PSW (chapter 4).
  Bare m;
  m.put64(0x300, 0x8008000000000400ull);
  m.put(0x200, {0x82, 0x00, 0x03, 0x00});
  m.start(0x200);
  m.cpu.run(100);
  CHECK(m.cpu.psw.ia == 0xEE68);
  CHECK(m.get64(0x28) == 0x8008000000000400ull);
  CHECK((m.get32(0x8C) & 0xFFFF) == pgm::kSpecification);
  CHECK(((m.get32(0x8C) >> 17) & 3) == 0);
}

TEST_CASE("storage keys: a store into a block of another key is a protection exception") {
  Bare m;
  m.storage.key(AbsAddr(0x800)) = 0x30;  // key 3
  m.put(0x200, {0x50, 0x10, 0x08, 0x00});  // ST 1,X'800'
  m.cpu.gpr[1] = 0x12345678;
  m.start(0x0020000000000200ull);          // PSW key 2
  m.cpu.run(100);
  CHECK(m.cpu.psw.ia == 0xEE68);
  CHECK(((m.get64(0x28) >> 32) & 0xFFFF) == pgm::kProtection);
  CHECK(m.get32(0x800) == 0);
  // Key 3 may store, and the change and reference bits are set.
  Bare k;
  k.storage.key(AbsAddr(0x800)) = 0x30;
  k.put(0x200, {0x50, 0x10, 0x08, 0x00, 0x82, 0x00, 0x03, 0x00});
  k.put64(0x300, 0x000200000000C0DEull);
  k.cpu.gpr[1] = 0x12345678;
  k.start(0x0030000000000200ull);
  k.cpu.run(100);
  CHECK(k.cpu.psw.ia == 0xC0DE);
  CHECK(k.get32(0x800) == 0x12345678);
  CHECK(k.storage.key(AbsAddr(0x800)) == (0x30 | kKeyRef | kKeyChange));
}

TEST_CASE("TLB: translations stay right across a wrap of the generation counter") {
  // 2**19 purges wrap the generation in the tags; entries made before must
  // not match afterwards, whatever block they were for.
  Bare m;
  m.put32(0xFFC, 0x11111111);  // the last word of a block
  m.put32(0x1000, 0x22222222);
  m.put(0x200, {0x58, 0x10, 0x0F, 0xFC,    // L 1,X'FFC'
                0x82, 0x00, 0x03, 0x00});  // LPSW X'300'
  m.put64(0x300, 0x000200000000C0DEull);
  m.start(0x200);
  m.cpu.run(1);  // the first load fills the TLB
  CHECK(m.cpu.gpr[1] == 0x11111111);
  for (u32 i = 0; i < (1u << 19) + 5; i++) m.cpu.purge_tlb();
  m.put32(0xFFC, 0x33333333);
  m.start(0x200);
  RunResult r = m.cpu.run(10);
  CHECK(r.reason == StopReason::DisabledWait);
  CHECK(m.cpu.gpr[1] == 0x33333333);
  CHECK(m.cpu.psw.ia == 0xC0DE);
}

TEST_CASE("run: an interruption loop still ends the run") {
  // The CPU timer is negative, so its condition stays pending; the external
  // new PSW is enabled for it: every new PSW is interrupted at once and no
  // instruction runs. The budget counts the interruptions, so run returns.
  Bare m;
  m.cpu.cr[0] = 0x00000400;
  m.cpu.set_cpu_timer(-1);
  m.put64(0x58, 0x0100000000000200ull);  // external new PSW: enabled
  m.put(0x200, {0x47, 0xF0, 0x02, 0x00});
  m.start(0x0100000000000200ull);
  RunResult r = m.cpu.run(1000);
  CHECK(r.reason == StopReason::Budget);
  CHECK(r.executed == 0);
  CHECK(r.interruptions == 1000);
  // An invalid new PSW is a program-interruption loop: ended the same way.
  Bare p;
  p.put64(0x68, 0x8008000000000400ull);  // EC PSW with bit 0 on: invalid
  p.put(0x200, {0x00, 0x00});             // operation exception
  p.start(0x200);
  r = p.cpu.run(500);
  CHECK(r.reason == StopReason::Budget);
  CHECK(r.executed + r.interruptions == 500);
}

// A program interruption whose new PSW turns on no mask is taken without
// the service (Cpu::load_psw): the budget still counts every one of them.
TEST_CASE("run: a loop of program interruptions taken without the service ends exactly at the budget") {
  Bare m;
  m.put64(0x68, 0x0000000000000400ull);  // program new PSW: enabled for nothing
  m.put(0x400, {0x00, 0x00});             // operation exception, again and again
  m.put(0x200, {0x00, 0x00});
  m.start(0x200);
  const RunResult r = m.cpu.run(5000);
  CHECK(r.reason == StopReason::Budget);
  CHECK(r.executed + r.interruptions == 5000);
  CHECK(r.interruptions == r.executed);
  CHECK(m.get64(0x28) == 0x0000000140000402ull);  // code 1, ILC 1, past the 0000
}

TEST_CASE("run: a new PSW that turns a mask on lets a pending interruption in at once") {
  // The interrupt key is pending; the program new PSW enables external
  // interruptions: the external interruption comes before any instruction
  // of the program-check handler.
  Bare m;
  m.cpu.cr[0] = 0x00000040;  // interrupt-key subclass mask
  m.put64(0x68, 0x0100000000000400ull);
  m.put(0x400, {0x47, 0xF0, 0x04, 0x00});
  m.put(0x200, {0x00, 0x00});
  m.start(0x200);
  m.cpu.press_interrupt_key();
  const RunResult r = m.cpu.run(100);
  CHECK(r.reason == StopReason::DisabledWait);
  CHECK(m.cpu.psw.ia == 0xEE58);
  CHECK(m.get64(0x18) == 0x0100004000000400ull);  // external old PSW: code X'0040', at X'400'
}

TEST_CASE("run: EXECUTE of a privileged instruction set to exit: ILC 2, past the EX") {
  Bare m;
  m.cpu.set_exit(InterruptClass::Program, true);
  m.put(0x300, {0x82, 0x00, 0x03, 0x00});              // the target: LPSW X'300'
  m.put(0x200, {0x44, 0x00, 0x03, 0x00});              // EX 0,X'300'
  m.start(0x0001000000000200ull);
  const RunResult r = m.cpu.run(100);
  REQUIRE(r.reason == StopReason::Exit);
  CHECK(r.exit.code == pgm::kPrivilegedOperation);
  CHECK(r.exit.ilc == 2);
  CHECK(r.exit.old_psw.ia == 0x204);
  CHECK_FALSE(m.cpu.executing());
}

// The run loop keeps neither the instruction address nor the ILC in the PSW
// while it runs instructions expanded in place (docs/ARCHITECTURE.md, "The
// run loop"); these are the places where they must appear all the same.

TEST_CASE("run loop: a program check in an expanded instruction stores its address and ILC") {
  Bare m;
  m.put(0x200, {0x18, 0x12, 0x1A, 0x11});  // LR 1,2; AR 1,1 (overflows)
  m.cpu.gpr[2] = 0x7FFFFFFF;
  m.start(0x0000000008000200ull);  // fixed-overflow mask on
  RunResult r = m.cpu.run(100);
  CHECK(r.reason == StopReason::DisabledWait);
  // Code 8, ILC 1, cc 3, mask 8, past the AR: the result is stored.
  CHECK(m.get64(0x28) == 0x0000000878000204ull);
  CHECK(m.cpu.gpr[1] == 0xFFFFFFFE);
}

TEST_CASE("run loop: an HFP exception that completes, expanded in place, stores address and ILC") {
  // SDR 0,0 (RR) and SD 0,X'800' (RX) give a zero fraction; with the
  // significance mask on, the result keeps its characteristic and the
  // interruption follows, with the old PSW past the instruction.
  for (const bool rx : {false, true}) {
    CAPTURE(rx);
    Bare m;
    m.put64(0x800, 0x4110000000000000ull);
    m.cpu.fpr[0] = 0x4110000000000000ull;
    if (rx)
      m.put(0x200, {0x6B, 0x00, 0x08, 0x00});  // SD 0,X'800'
    else
      m.put(0x200, {0x2B, 0x00});  // SDR 0,0
    m.start(0x0000000001000200ull);  // BC mode, program mask 0001 (significance)
    RunResult r = m.cpu.run(100);
    CHECK(r.reason == StopReason::DisabledWait);
    CHECK(m.cpu.fpr[0] == 0x4100000000000000ull);
    // Code X'000E', ILC 1 or 2, cc 0, mask 1, instruction address past it.
    CHECK(m.get64(0x28) == (rx ? 0x0000000E81000204ull : 0x0000000E41000202ull));
  }
}

TEST_CASE("run loop: after an HFP interruption in place the loop resumes from the new PSW") {
  // A loop with a significance interruption in every iteration, whose
  // handler returns with LPSW X'28' (the benchmark bench/programs/hfpsig.s
  // in small): the iterations, interruptions and instructions all count.
  Bare m;
  m.put64(0x68, 0x0000000000000300ull);   // program new PSW: the handler
  m.put(0x300, {0x82, 0x00, 0x00, 0x28});  // LPSW X'28'
  m.put64(0x800, 0x4110000000000000ull);
  m.put64(0x1F0, 0x000200000000C0DEull);
  m.put_hex(0x200,
            "68000800"    // LD 0,X'800'
            "2B00"        // SDR 0,0: significance
            "41110001"    // LA 1,1(1)
            "46300200"    // BCT 3,X'200'
            "820001F0");  // LPSW X'1F0'
  m.cpu.gpr[3] = 3;
  m.start(0x0000000001000200ull);
  RunResult r = m.cpu.run(1000);
  CHECK(r.reason == StopReason::DisabledWait);
  CHECK(m.cpu.psw.ia == 0xC0DE);
  CHECK(m.cpu.gpr[1] == 3);
  CHECK(r.interruptions == 3);
  CHECK(r.executed == 3 * 5 + 1);  // LD, SDR, LA, BCT and the handler's LPSW; the end
  CHECK(m.get64(0x28) == 0x0000000E41000206ull);
}

TEST_CASE("run loop: a BAL expanded in place links with its own ILC and address") {
  Bare m;
  m.put(0x200, {0x45, 0xE0, 0x02, 0x08});  // BAL 14,X'208'
  m.put(0x208, {0x82, 0x00, 0x01, 0xF0});  // LPSW X'1F0'
  m.start(0x0000000000000200ull);
  RunResult r = m.cpu.run(100);
  CHECK(r.reason == StopReason::DisabledWait);
  CHECK(m.cpu.gpr[14] == 0x80000204);  // ILC 2, cc 0, mask 0, X'204'
}

TEST_CASE("run loop: an instruction that crosses a 2K block boundary") {
  Bare m;
  // LR 1,2 at X'7FC', LA 3,5 at X'7FE' crossing into X'800', then LPSW.
  m.put(0x7FC, {0x18, 0x12, 0x41, 0x30, 0x00, 0x05, 0x82, 0x00, 0x01, 0xF0});
  m.cpu.gpr[2] = 9;
  m.start(0x00000000000007FCull);
  RunResult r = m.cpu.run(100);
  CHECK(r.reason == StopReason::DisabledWait);
  CHECK(r.executed == 3);
  CHECK(m.cpu.gpr[1] == 9);
  CHECK(m.cpu.gpr[3] == 5);
}

TEST_CASE("run loop: running off the end of storage reports the last instruction's ILC") {
  // The fetch at X'100000' is an addressing exception; the old PSW has the
  // fetch address advanced by the ILC of the LR before it, and that ILC,
  // as Hercules 3.13 stores them (checked with herc-oracle --mainsize 1).
  Bare m;
  m.put(0xFFFFE, {0x18, 0x12});  // LR 1,2 in the last halfword
  m.start(0x00000000000FFFFEull);
  RunResult r = m.cpu.run(100);
  CHECK(r.reason == StopReason::DisabledWait);
  CHECK(m.get64(0x28) == 0x0000000540100002ull);
}

TEST_CASE("run loop: the slice ends exactly after expanded instructions") {
  // A long straight run of LA: the budget stops it mid-block, and the
  // PSW then points at the next instruction.
  Bare m;
  for (u32 a = 0x200; a < 0x600; a += 4) m.put(a, {0x41, 0x11, 0x00, 0x01});  // LA 1,1(1)
  m.start(0x200);
  RunResult r = m.cpu.run(37);
  CHECK(r.reason == StopReason::Budget);
  CHECK(r.executed == 37);
  CHECK(m.cpu.gpr[1] == 37);
  CHECK(m.cpu.psw.ia == 0x200 + 4 * 37);
}

TEST_CASE("run loop: STM 14,12 and LM 14,12 of a save area through the access TLB") {
  // CLI and MVI first put the save area's block in both access TLBs, so
  // that STM and LM take their fast path, the one that wraps from 15 to 0.
  Bare m;
  m.put_hex(0x200, "9500D000" "9200D000" "90ECD000" "98ECD040" "820001F0");
  for (u32 r = 0; r < 16; r++) m.cpu.gpr[r] = 0x100 + r;
  m.cpu.gpr[13] = 0x800;
  for (u32 i = 0; i < 15; i++) m.put32(0x840 + 4 * i, 0xA0 + i);
  m.start(0x200);
  RunResult r = m.cpu.run(100);
  CHECK(r.reason == StopReason::DisabledWait);
  CHECK(m.hex(0x800, 8) == "0000010E0000010F");
  CHECK(m.hex(0x808, 4) == "00000100");
  CHECK(m.hex(0x838, 8) == "0000010C00000000");  // R12, and nothing after it
  CHECK(m.cpu.gpr[14] == 0xA0);
  CHECK(m.cpu.gpr[15] == 0xA1);
  CHECK(m.cpu.gpr[0] == 0xA2);
  CHECK(m.cpu.gpr[12] == 0xAE);
  CHECK(m.cpu.gpr[13] == 0x800);
}

// The run loop expands the branches once for each register the target comes
// from, and LM and STM once for each count of registers (docs/ARCHITECTURE.md,
// "Branches", "LM and STM"). Each copy must do what the table's handler does:
// the same program runs expanded, and again with PER on, which sends every
// instruction to the table's handler. (PER's storage-alteration range is the
// last byte of storage, which nothing stores into, so no event occurs.)
namespace {

struct Final {
  std::vector<u32> gpr;
  u64 psw = 0;
  u64 executed = 0;
  std::string storage;
  bool operator==(const Final&) const = default;
};

// Runs `code` at X'200' in the EC mode with condition code `cc`, the
// registers `gpr` and storage from `setup`, with PER on or off; reports the
// registers, the PSW and storage X'800'-X'9FF'.
template <typename Setup>
Final run_both_ways(const std::string& code, u8 cc, const u32 (&gpr)[16], bool per, Setup setup) {
  Bare m;
  m.put_hex(0x200, code);
  setup(m);
  for (int r = 0; r < 16; r++) m.cpu.gpr[r] = gpr[r];
  m.cpu.cr[9] = 0x20000000;  // storage alteration ...
  m.cpu.cr[10] = m.cpu.cr[11] = 0x000FFFFF;  // ... of the last byte only
  // EC PSW: bit 1 PER, bit 12 EC, condition code in bits 18-19.
  m.start((per ? 0x4008000000000200ull : 0x0008000000000200ull) | (u64{cc} << 44));
  const RunResult r = m.cpu.run(1000);
  REQUIRE(r.reason == StopReason::DisabledWait);
  return {std::vector<u32>(m.cpu.gpr, m.cpu.gpr + 16), m.cpu.psw.to_u64(), r.executed,
          m.hex(0x800, 0x200)};
}

std::string hex2(u32 v) {
  static const char digits[] = "0123456789ABCDEF";
  return {digits[(v >> 4) & 15], digits[v & 15]};
}

}  // namespace

TEST_CASE("run loop: the HFP instructions expanded in place act as the table's handlers") {
  // Short and long operands at X'800'-X'83F'; each result is stored to
  // X'900' and up, so the storage compared holds every step. Run expanded,
  // and with PER on (the table's handlers).
  auto setup = [](Bare& m) {
    m.put64(0x800, 0x41123456789ABCDEull);
    m.put64(0x808, 0x4110000000000000ull);
    m.put64(0x810, 0x413243F6A8885A30ull);
    m.put64(0x818, 0xC0F0000000000001ull);  // unnormalized, negative
    m.put64(0x820, 0x4212345600000000ull);  // short 42123456
    m.put64(0x828, 0xC1800000FFFFFFFFull);  // short C1800000
  };
  const std::string code =
      "68000800" "6A000808" "60000900"  // LD 0; AD 0; STD 0
      "6C000810" "60000908"             // MD 0; STD
      "6D000818" "60000910"             // DD 0 (unnormalized divisor); STD
      "68200818" "2A20" "60200918"      // LD 2; ADR 2,0; STD 2
      "2C02" "60000920"                 // MDR 0,2; STD 0
      "2D20" "60200928"                 // DDR 2,0; STD 2
      "2B22" "60200930"                 // SDR 2,2 (true zero); STD 2
      "6B000800" "60000938"             // SD 0; STD 0
      "78400820" "7A400828" "70400940"  // LE 4; AE 4; STE 4
      "7C400820" "60400948"             // ME 4 (long product); STD 4
      "7D400828" "70400950"             // DE 4; STE 4
      "7B400820" "70400954"             // SE 4; STE 4
      "3A64" "3C64" "3D64" "3B66"       // AER 6,4; MER 6,4; DER 6,4; SER 6,6
      "60600958"                        // STD 6
      "2806" "2226" "60200960"          // LDR 0,6; LTDR 2,6; STD 2
      "2324" "60200968" "2024" "60200970"  // LCDR 2,4; STD; LPDR 2,4; STD
      "2124" "60200978" "3846" "70400980"  // LNDR 2,4; STD; LER 4,6; STE 4
      "3246" "3346" "3046" "3146" "60400988"  // LTER, LCER, LPER, LNER; STD 4
      "69000800" "2902"                 // CD 0,X'800'; CDR 0,2
      "79400820" "3946";                // CE 4,X'820'; CER 4,6
  for (u8 cc : {0, 3}) {
    // Each compare sets the cc; the last one is what the PSW shows.
    const u32 regs[16] = {};
    const Final expanded = run_both_ways(code + "820001F0", cc, regs, false, setup);
    const Final generic = run_both_ways(code + "820001F0", cc, regs, true, setup);
    CHECK(expanded.storage == generic.storage);
    CHECK((expanded.psw & ~0x4000000000000000ull) == (generic.psw & ~0x4000000000000000ull));
    CHECK(expanded.executed == generic.executed);
    CHECK(expanded.storage.substr(0x100 * 2, 16) != std::string(16, '0'));
  }
}

TEST_CASE("run loop: each branch copy (one per target register) acts as the table's handler") {
  // Each register r holds X'1000' + X'10' * r; the targets are X'800' past
  // that (RX and RS, displacement X'800'; X'800' itself with base 0) or the
  // register itself (RR), all different. At each, LA 1,r notes where it
  // went (LA 1,X'10' at X'800'); falling through, LA 1,X'FF'. Then the end.
  u32 regs[16];
  for (u32 r = 0; r < 16; r++) regs[r] = 0x1000 + 0x10 * r;
  auto setup = [](Bare& m) {
    for (u32 r = 0; r < 16; r++)
      for (u32 t : {0x1000 + 0x10 * r, 0x1800 + 0x10 * r})
        m.put_hex(t, "411000" + hex2(r) + "820001F0");
    m.put_hex(0x800, "41100010820001F0");
  };
  struct Op {
    const char* name;
    u8 opcode;
    bool rr;
  };
  const Op ops[] = {{"BCR", 0x07, true},  {"BALR", 0x05, true}, {"BCTR", 0x06, true},
                    {"BASR", 0x0D, true}, {"BC", 0x47, false},  {"BAL", 0x45, false},
                    {"BCT", 0x46, false}, {"BAS", 0x4D, false}, {"BXH", 0x86, false},
                    {"BXLE", 0x87, false}};
  int checked = 0;
  for (const Op& op : ops) {
    for (u32 tr = 0; tr < 16; tr++) {
      // R1 (the mask of BC and BCR): a few, including the target's register.
      for (u32 r1 : {tr, 1u, 3u, 8u, 15u}) {
        for (u8 cc : {0, 2}) {
          // BXH and BXLE take R3 = 4; the RX branches have no index.
          const u32 low = op.opcode >= 0x86 ? 4 : 0;
          const std::string insn =
              hex2(op.opcode) +
              (op.rr ? hex2((r1 << 4) | tr) : hex2((r1 << 4) | low) + hex2(tr << 4) + "800");
          const std::string code = insn + "411000FF820001F0";
          CAPTURE(insn);
          CAPTURE(int{cc});
          const Final expanded = run_both_ways(code, cc, regs, false, setup);
          const Final generic = run_both_ways(code, cc, regs, true, setup);
          CHECK(expanded.gpr == generic.gpr);
          CHECK((expanded.psw & ~0x4000000000000000ull) == (generic.psw & ~0x4000000000000000ull));
          CHECK(expanded.executed == generic.executed);
          checked++;
        }
      }
    }
  }
  CHECK(checked == 10 * 16 * 5 * 2);
}

TEST_CASE("run loop: each LM and STM copy (one per count) acts as the table's handler") {
  // CLI and MVI first put both operands' block in the access TLBs, so that
  // the expanded copies take their fast path; then STM r1,r3,X'800' and LM
  // r1,r3,X'900'.
  u32 regs[16];
  for (u32 r = 0; r < 16; r++) regs[r] = 0x11111111u * r + 0x01020304u;
  auto setup = [](Bare& m) {
    for (u32 i = 0; i < 16; i++) m.put32(0x900 + 4 * i, 0xA0B0C000u + i);
  };
  for (u32 r1 = 0; r1 < 16; r1++) {
    for (u32 r3 = 0; r3 < 16; r3++) {
      const std::string rr = hex2((r1 << 4) | r3);
      const std::string code =
          "95000800" "92000800" "95000900" "90" + rr + "0800" "98" + rr + "0900" "820001F0";
      CAPTURE(code);
      const Final expanded = run_both_ways(code, 0, regs, false, setup);
      const Final generic = run_both_ways(code, 0, regs, true, setup);
      CHECK(expanded.gpr == generic.gpr);
      CHECK(expanded.storage == generic.storage);
      // And what the Principles say: the run r1..r3 (wrapping at 15) stored
      // from the registers and loaded from X'900'.
      const u32 n = ((r3 - r1) & 15) + 1;
      for (u32 i = 0; i < n; i++) {
        CHECK(expanded.storage.substr(8 * i, 8) == [&] {
          std::string s;
          const u32 v = regs[(r1 + i) & 15];
          for (int b = 3; b >= 0; b--) s += hex2(v >> (8 * b));
          return s;
        }());
        CHECK(expanded.gpr[(r1 + i) & 15] == 0xA0B0C000u + i);
      }
    }
  }
}

TEST_CASE("run loop: MVC, CLC, TR, NC, OC and XC on host memory agree with their general path") {
  // Each instruction runs twice: first with its operands' block put in the
  // access TLBs by MVC of a byte onto itself (the path on host memory),
  // then on a fresh
  // machine where the TLB misses (the general path, byte by byte through
  // span()). Operands overlap in every way within X'800'-X'9FF'; TR's
  // table is at X'900'.
  auto run = [](const std::string& insn, bool primed) {
    Bare m;
    m.put_hex(0x200, (primed ? std::string("D20008000800" "D20009000900") : "") + insn +
                         "820001F0");
    for (u32 a = 0x800; a < 0xA00; a += 4) m.put32(a, a * 0x01030507u);
    m.start(0x200);
    const RunResult r = m.cpu.run(100);
    REQUIRE(r.reason == StopReason::DisabledWait);
    return m.hex(0x800, 0x200) + " cc " + std::to_string(m.cpu.psw.cc);
  };
  int checked = 0;
  for (const char* op : {"D2", "D5", "DC", "D4", "D6", "D7"}) {  // MVC CLC TR NC OC XC
    for (u32 len : {0u, 1u, 3u, 7u, 8u, 15u, 16u, 31u, 63u, 64u, 255u}) {
      for (u32 d1 : {0x800u, 0x801u, 0x810u, 0x840u}) {
        for (u32 d2 : {0x800u, 0x801u, 0x808u, 0x820u, 0x900u}) {
          std::string insn = op + hex2(len) + "0" + hex2(d1 >> 8).substr(1) + hex2(d1) + "0" +
                             hex2(d2 >> 8).substr(1) + hex2(d2);
          CAPTURE(insn);
          CHECK(run(insn, true) == run(insn, false));
          checked++;
        }
      }
    }
  }
  CHECK(checked == 6 * 11 * 4 * 5);
  // MVC one byte to the right spreads the first byte, X'18', and leaves
  // X'809' (the Principles: byte by byte, left to right).
  CHECK(run("D2070801" "0800", true).substr(0, 20) == "18181818181818181840");
}
