// cp::Dispatcher: fair share counted in slices, parking and waking,
// ending, stop and start, and hostile guests beside a good one (docs/CP.md,
// "Dispatcher"). Nothing here is timed: the dispatcher's own counters are
// what is checked.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <random>
#include <thread>
#include <vector>

#include "cp/dispatcher.h"
#include "s370/channel/ckd_image.h"
#include "s370/channel/dasd.h"

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
  std::vector<Machine> ms(3);
  Dispatcher d(1, 1000);  // (after the machines: ended first, its workers with it)
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
  Machine m;
  Dispatcher d(2, 1000);
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
  Machine m;
  Dispatcher d(1, 1000);
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
  Machine m;
  Dispatcher d(2, 1000);
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
  // The machines outlive the dispatcher, so that a failed REQUIRE, which
  // leaves the test with guests still running, ends its workers first.
  std::vector<std::unique_ptr<Machine>> bad;
  Machine good;
  Dispatcher d(2, 2000);
  std::mt19937_64 rnd(20261207);
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
  // L 1,=N; SR 2,2; loop: AR 2,1; BCT 1,loop; ST 2,X'800'; LPSW X'1F0'
  // (N is small enough for the sanitizer build on a slow host: the hostile
  // guests' program checks, a C++ exception each, take most of the time.)
  good.put64(0x1F0, 0x000200000000C0DEull);
  good.put(0x300, {0x00, 0x00, 0x75, 0x30});  // N = 30000
  good.put(0x200, {0x58, 0x10, 0x03, 0x00, 0x1B, 0x22, 0x1A, 0x21, 0x46, 0x10, 0x02, 0x06,
                   0x50, 0x20, 0x08, 0x00, 0x82, 0x00, 0x01, 0xF0});
  good.vm->load_psw(Psw::from_u64(0x200));
  const auto before = d.snapshot();
  const auto id = d.add(good.vm, good.clock);
  const u64 start = d.status(id).instructions;  // level with the least served
  REQUIRE(eventually([&] { return d.status(id).state == Dispatcher::State::Ended; }));
  const auto after = d.snapshot();
  CHECK(good.get32(0x800) == 450015000u);  // 30000 * 30001 / 2
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
  CHECK(mine >= 60000);  // its 60,001 instructions, all of them run
  if (!theirs.empty()) {
    std::sort(theirs.begin(), theirs.end());
    const u64 median = theirs[theirs.size() / 2];
    CHECK(median >= mine / 2);       // it was not favoured
    CHECK(median <= 2 * mine + 4000);  // nor left behind
  }
}

TEST_CASE("dispatcher: I/O storms and wild DIAGNOSEs beside a good guest; nothing outside the minidisks") {
  // Ten guests, each with a minidisk (one cylinder of a shared 3330 volume,
  // cylinders 1 to 10) and a printer, loop for ever: START I/O, TEST I/O,
  // DIAGNOSE X'20' and HALT I/O on their disk with random channel
  // programs, and DIAGNOSE with ever-changing codes and random registers.
  // Beside them a good guest sums 1..N. It must finish right; the
  // volume's cylinders 0 and 11 (nobody's) must be as they were.
  const std::string dir = std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp");
  const std::string vol = dir + "/cp-storm-" + std::to_string(reinterpret_cast<uintptr_t>(&dir)) + ".ckd";
  const io::CkdGeometry& g = *io::ckd_geometry("3330");
  io::CkdImage::create(vol, g, 12);
  auto read_all = [&] {
    std::ifstream f(vol, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  };
  const std::string before = read_all();
  const size_t cyl = size_t{g.heads} * g.track_size;
  std::vector<std::unique_ptr<Machine>> storms;  // (they outlive the dispatcher)
  Machine good;
  Dispatcher d(2, 2000);
  std::mt19937_64 rnd(7);
  for (u32 i = 0; i < 10; i++) {
    auto m = std::make_unique<Machine>();
    m->vm->attach(std::make_unique<io::CkdDasd>(0x190, io::CkdImage::open_extent(vol, g, 1 + i, 1, false)));
    std::vector<u8> ccws(0x2000);
    for (auto& b : ccws) b = static_cast<u8>(rnd());
    for (size_t k = 0; k < ccws.size(); k += 8) ccws[k + 1] = 0, ccws[k + 2] &= 0x3F;  // data in the first 64K
    m->put(0x1000, ccws);
    m->put(0x400, {0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x1F, 0xF8, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00, 0x04});
    m->put(0x200, {0x58, 0x50, 0x04, 0x00,   // L 5,X'400' (the first CCW)
                   0x50, 0x50, 0x00, 0x48,   // loop: ST 5,X'48' (the CAW)
                   0x9C, 0x00, 0x01, 0x90,   // SIO X'190'
                   0x9D, 0x00, 0x01, 0x90,   // TIO X'190'
                   0x41, 0x20, 0x01, 0x90,   // LA 2,X'190'
                   0x83, 0x25, 0x00, 0x20,   // DIAG 2,5,X'20'
                   0x83, 0x67, 0x80, 0x00,   // DIAG 6,7,0(8): a code from R8
                   0x9E, 0x00, 0x01, 0x90,   // HIO X'190'
                   0x41, 0x55, 0x00, 0x08,   // LA 5,8(5)
                   0x54, 0x50, 0x04, 0x04,   // N 5,X'404'
                   0x56, 0x50, 0x04, 0x08,   // O 5,X'408'
                   0x5A, 0x80, 0x04, 0x0C,   // A 8,X'40C'
                   0x47, 0xF0, 0x02, 0x04}); // B loop
    for (int r = 6; r <= 8; r++) m->vm->cpu().gpr[r] = static_cast<u32>(rnd());
    m->vm->load_psw(Psw::from_u64(0x200));
    d.add(m->vm, m->clock);
    storms.push_back(std::move(m));
  }
  good.put64(0x1F0, 0x000200000000C0DEull);
  good.put(0x300, {0x00, 0x01, 0x86, 0xA0});
  good.put(0x200, {0x58, 0x10, 0x03, 0x00, 0x1B, 0x22, 0x1A, 0x21, 0x46, 0x10, 0x02, 0x06,
                   0x50, 0x20, 0x08, 0x00, 0x82, 0x00, 0x01, 0xF0});
  good.vm->load_psw(Psw::from_u64(0x200));
  const auto id = d.add(good.vm, good.clock);
  REQUIRE(eventually([&] { return d.status(id).state == Dispatcher::State::Ended; }));
  for (std::size_t i = 0; i < storms.size(); i++) d.stop(i);
  CHECK(good.get32(0x800) == 705082704u);
  u64 traps = 0;
  for (auto& m : storms) traps += m->vm->counters().traps;
  CHECK(traps > 1000);  // the storms did storm
  const std::string after = read_all();
  REQUIRE(after.size() == before.size());
  CHECK(after.compare(0, 512 + cyl, before, 0, 512 + cyl) == 0);  // header and cylinder 0
  CHECK(after.compare(512 + 11 * cyl, cyl, before, 512 + 11 * cyl, cyl) == 0);  // cylinder 11
  std::remove(vol.c_str());
}
