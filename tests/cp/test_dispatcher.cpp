// cp::Dispatcher: fair share counted in slices, parking and waking,
// ending, stop and start, and hostile guests beside a good one (docs/CP.md,
// "Dispatcher"). Nothing here is timed: the dispatcher's own counters are
// what is checked.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <random>
#include <thread>
#include <vector>

#include "cp/dispatcher.h"

using namespace s370;
using cp::Dispatcher;
using cp::VirtualMachine;

namespace {

struct Machine {
  InstructionClock clock;
  std::shared_ptr<VirtualMachine> vm = std::make_shared<VirtualMachine>(1u << 20, clock);
  void put(u32 a, const std::vector<u8>& b) { vm->storage().write(AbsAddr(a), b.data(), static_cast<u32>(b.size())); }
  void put64(u32 a, u64 v) {
    u8 b[8];
    store_be64(b, v);
    vm->storage().write(AbsAddr(a), b, 8);
  }
  u32 get32(u32 a) {
    u8 b[4];
    vm->storage().read(AbsAddr(a), b, 4);
    return load_be32(b);
  }
};

// A guest that loops for ever: B *.
void looper(Machine& m) {
  m.put(0x200, {0x47, 0xF0, 0x02, 0x00});
  m.vm->load_psw(Psw::from_u64(0x200));
}

// Waits (up to 20 s) until `done` holds; the dispatcher runs meanwhile.
template <typename F>
bool eventually(F done) {
  for (int i = 0; i < 2000; i++) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

}  // namespace

TEST_CASE("dispatcher: looping machines get equal shares of virtual CPU") {
  Dispatcher d(1, 1000);
  std::vector<Machine> ms(3);
  std::vector<Dispatcher::Id> ids;
  for (auto& m : ms) {
    looper(m);
    ids.push_back(d.add(m.vm, m.clock));
  }
  REQUIRE(eventually([&] { return d.status(ids[0]).slices >= 200; }));
  // At any instant (one worker, slices of equal length) the shares of
  // virtual CPU differ by at most the slice that runs. (A machine added
  // while another ran starts level with it, so slices are not compared.)
  for (int k = 0; k < 20; k++) {
    const auto snap = d.snapshot();
    std::vector<u64> cpu;
    for (auto id : ids) cpu.push_back(snap[id].instructions);
    const auto [lo, hi] = std::minmax_element(cpu.begin(), cpu.end());
    CHECK(*hi - *lo <= 1000);
  }
  for (auto id : ids) d.stop(id);
}

TEST_CASE("dispatcher: a disabled wait ends the machine and CP is told") {
  Dispatcher d(2, 1000);
  Machine m;
  m.put64(0x1F0, 0x000200000000C0DEull);
  m.put(0x200, {0x82, 0x00, 0x01, 0xF0});
  m.vm->load_psw(Psw::from_u64(0x200));
  std::atomic<u32> ended_at{0};
  d.on_end = [&](Dispatcher::Id, const Psw& p) { ended_at = p.ia; };
  const auto id = d.add(m.vm, m.clock);
  REQUIRE(eventually([&] { return ended_at.load() != 0; }));
  CHECK(ended_at.load() == 0xC0DE);
  CHECK(d.status(id).state == Dispatcher::State::Ended);
}

TEST_CASE("dispatcher: an enabled wait with nothing to end it parks the machine; wake() runs it again") {
  Dispatcher d(1, 1000);
  Machine m;
  // An enabled wait (external mask on, no timer enabled in CR0): parked.
  m.put(0x200, {0x82, 0x00, 0x03, 0x00});
  m.put64(0x300, 0x010A000000000400ull);
  m.put(0x400, {0x47, 0xF0, 0x04, 0x00});
  m.vm->cpu().cr[0] = 0;  // no external subclass: no timer can end the wait
  m.vm->load_psw(Psw::from_u64(0x200));
  const auto id = d.add(m.vm, m.clock);
  REQUIRE(d.wait_quiet(20000));
  const auto parked = d.status(id);
  CHECK(parked.state == Dispatcher::State::Waiting);
  d.wake(id);  // as console input would: it runs (and waits again)
  REQUIRE(eventually([&] { return d.status(id).slices > parked.slices; }));
}

TEST_CASE("dispatcher: stop, alter the machine, start") {
  Dispatcher d(2, 1000);
  Machine m;
  looper(m);
  const auto id = d.add(m.vm, m.clock);
  REQUIRE(eventually([&] { return d.status(id).slices >= 5; }));
  d.stop(id);
  CHECK(d.status(id).state == Dispatcher::State::Stopped);
  // Stopped: its state can be changed, as CP's STORE does.
  m.put64(0x1F0, 0x000200000000C0DEull);
  m.put(0x200, {0x82, 0x00, 0x01, 0xF0});
  m.vm->load_psw(Psw::from_u64(0x200));
  d.start(id);
  REQUIRE(eventually([&] { return d.status(id).state == Dispatcher::State::Ended; }));
  CHECK(m.vm->psw().ia == 0xC0DE);
}

TEST_CASE("dispatcher: fifty hostile guests beside a good one: it finishes right, with its share") {
  // Hostile guests: random storage and registers, a random PSW (BC or EC,
  // DAT on or off, any key and mask), random control registers. The good
  // guest sums 1..N in a loop and stops with the sum at X'800'.
  Dispatcher d(2, 2000);
  std::mt19937_64 rnd(20261207);
  std::vector<std::unique_ptr<Machine>> bad;
  for (int i = 0; i < 50; i++) {
    auto m = std::make_unique<Machine>();
    std::vector<u8> junk(64 * 1024);
    for (auto& b : junk) b = static_cast<u8>(rnd());
    m->put(0, junk);
    for (auto& g : m->vm->cpu().gpr) g = static_cast<u32>(rnd());
    for (int c = 0; c < 16; c++) m->vm->cpu().cr[c] = static_cast<u32>(rnd());
    m->vm->cpu().cr[0] &= ~0x10000000u;  // (anything goes; this just varies it)
    m->vm->load_psw(Psw::from_u64(rnd() & 0xFF0FFFFF00FFFFFEull));
    d.add(m->vm, m->clock);
    bad.push_back(std::move(m));
  }
  Machine good;
  // L 1,=N; SR 2,2; loop: AR 2,1; BCT 1,loop; ST 2,X'800'; LPSW X'1F0'
  good.put64(0x1F0, 0x000200000000C0DEull);
  good.put(0x300, {0x00, 0x01, 0x86, 0xA0});  // N = 100000
  good.put(0x200, {0x58, 0x10, 0x03, 0x00, 0x1B, 0x22, 0x1A, 0x21, 0x46, 0x10, 0x02, 0x06,
                   0x50, 0x20, 0x08, 0x00, 0x82, 0x00, 0x01, 0xF0});
  good.vm->load_psw(Psw::from_u64(0x200));
  const auto before = d.snapshot();
  const auto id = d.add(good.vm, good.clock);
  const u64 start = d.status(id).instructions;  // level with the least served
  REQUIRE(eventually([&] { return d.status(id).state == Dispatcher::State::Ended; }));
  const auto after = d.snapshot();
  CHECK(good.get32(0x800) == 705082704u);  // 100000 * 100001 / 2, modulo 2^32
  // Its share of virtual CPU while it ran, against the hostile machines
  // that ran all that time (those not parked or ended): about the same.
  const u64 mine = after[id].instructions - start;
  std::vector<u64> theirs;
  for (std::size_t i = 0; i < bad.size(); i++) {
    const auto s = after[i].state;
    if (s == Dispatcher::State::Runnable || s == Dispatcher::State::Running)
      theirs.push_back(after[i].instructions - before[i].instructions);
  }
  for (std::size_t i = 0; i < bad.size(); i++) d.stop(i);
  CHECK(mine >= 200000);  // its 200,001 instructions, all of them run
  if (!theirs.empty()) {
    std::sort(theirs.begin(), theirs.end());
    const u64 median = theirs[theirs.size() / 2];
    CHECK(median >= mine / 2);       // it was not favoured
    CHECK(median <= 2 * mine + 4000);  // nor left behind
  }
}
