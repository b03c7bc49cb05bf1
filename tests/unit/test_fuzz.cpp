// Nothing a program does may crash the machine: random storage (so random
// instructions, random new PSWs, random page tables), random PSWs, random
// registers, run under the sanitizer build. Each case checks what must
// hold whatever the program did: the run ends for a reason the interface
// names, within its budget, with a 24-bit instruction address.
#include <doctest/doctest.h>

#include <random>

#include "s370/cpu.h"

using namespace s370;

namespace {

// Runs one random machine; returns the instructions executed.
u64 run_random(u32 seed, u32 storage_kb) {
  std::mt19937 rng(seed);
  Storage storage(storage_kb * 1024);
  Host host;
  InstructionClock clock;
  Cpu cpu(storage, host, clock);
  std::vector<u8> bytes(storage_kb * 1024);
  // Mostly valid-looking code: bytes biased towards assigned opcodes by
  // taking them from the table now and then.
  const auto table = opcode_table();
  for (size_t i = 0; i < bytes.size(); i++) {
    if (rng() % 4 == 0) {
      const OpInfo& op = table[rng() % table.size()];
      bytes[i] = static_cast<u8>(op.kind == OpKind::Byte ? op.opcode : op.opcode >> 8);
    } else {
      bytes[i] = static_cast<u8>(rng());
    }
  }
  storage.write(AbsAddr(0), bytes.data(), static_cast<u32>(bytes.size()));
  for (u32 a = 0; a < storage.size(); a += 2048) storage.key(AbsAddr(a)) = static_cast<u8>(rng() & 0xFE);
  for (auto& g : cpu.gpr) g = rng();
  for (auto& f : cpu.fpr) f = (u64{rng()} << 32) | rng();
  // Control registers: random, but DAT and timer settings sometimes sane.
  for (auto& c : cpu.cr) c = rng() % 3 == 0 ? rng() : 0;
  if (rng() % 2) cpu.cr[0] = (rng() % 2 ? 0x00B00000 : 0x00400000) | (rng() & 0xFFFF);
  if (rng() % 2) cpu.cr[1] = (rng() & 0x0F000000) | (rng() % (storage_kb * 1024) & 0xFFFFC0);
  cpu.load_psw(Psw::from_u64((u64{rng()} << 32) | rng()));
  u64 total = 0;
  for (int round = 0; round < 8; round++) {
    const RunResult r = cpu.run(5000);
    CHECK(r.executed <= 5000);
    CHECK(cpu.psw.ia <= kAddrMask);
    total += r.executed;
    if (r.reason == StopReason::DisabledWait) break;
    if (r.reason == StopReason::EnabledWait) {
      const u64 t = cpu.next_event_us();
      if (t == ~0ull) break;
      clock.idle_until(t, cpu.instructions());
    }
    CHECK((r.reason == StopReason::Budget || r.reason == StopReason::EnabledWait));
  }
  return total;
}

}  // namespace

TEST_CASE("fuzz: random storage and PSWs never crash the CPU") {
  u64 executed = 0;
  for (u32 seed = 1; seed <= 300; seed++) {
    CAPTURE(seed);
    executed += run_random(seed, seed % 3 == 0 ? 64 : 16);
  }
  // Random programs do run: not every case stops at its first instruction.
  CHECK(executed > 300 * 100);
}
