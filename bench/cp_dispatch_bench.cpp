// The dispatcher benchmark (docs/PERFORMANCE.md, "CP"): one busy virtual
// machine alone, then beside 200 in an enabled wait with nothing to do,
// on the host's clock. Prints the busy machine's speed both times and the
// process's CPU time, so that what the idle ones cost shows. A benchmark,
// not a test: it never fails on a number.
//
//   build/bin/cp_dispatch_bench [IDLE] [SECONDS]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <thread>
#include <vector>

#include "cp/dispatcher.h"

using namespace s370;

namespace {

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct Guest {
  std::shared_ptr<cp::VirtualMachine> vm;
  Guest(Clock& clock, bool busy) : vm(std::make_shared<cp::VirtualMachine>(1u << 20, clock)) {
    auto put = [&](u32 a, std::vector<u8> b) { vm->storage().write(AbsAddr(a), b.data(), static_cast<u32>(b.size())); };
    if (busy) {
      // LR, AR, ST, L, BCT with R3 = 0: a loop that never ends.
      put(0x200, {0x18, 0x12, 0x1A, 0x21, 0x50, 0x20, 0x08, 0x00, 0x58, 0x20, 0x08, 0x00, 0x46, 0x30, 0x02, 0x00});
      vm->load_psw(Psw::from_u64(0x200));
    } else {
      // An enabled wait (external mask on) that nothing will end: no
      // external subclass enabled in CR0, so no timer can either.
      vm->cpu().cr[0] = 0;
      put(0x300, {0x01, 0x02, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00});
      put(0x200, {0x82, 0x00, 0x03, 0x00});
      vm->load_psw(Psw::from_u64(0x200));
    }
  }
};

// Runs the busy guest for `seconds` beside `idle` idle ones; returns its
// MIPS and the process CPU seconds spent.
std::pair<double, double> measure(int idle, double seconds) {
  HostClock clock;
  cp::Dispatcher d(2, 50000);
  std::vector<Guest> guests;
  for (int i = 0; i < idle; i++) {
    guests.emplace_back(clock, false);
    d.add(guests.back().vm, clock);
  }
  d.wait_quiet(10000);  // the idle ones are parked
  Guest busy(clock, true);
  const double c0 = cpu_seconds();
  const auto t0 = std::chrono::steady_clock::now();
  const auto id = d.add(busy.vm, clock);
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  d.stop(id);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double cpu = cpu_seconds() - c0;
  return {static_cast<double>(d.status(id).instructions) / wall / 1e6, cpu};
}

}  // namespace

int main(int argc, char** argv) {
  const int idle = argc > 1 ? std::atoi(argv[1]) : 200;
  const double seconds = argc > 2 ? std::atof(argv[2]) : 2.0;
  const auto [alone, cpu_alone] = measure(0, seconds);
  const auto [beside, cpu_beside] = measure(idle, seconds);
  std::printf("busy machine alone:               %8.1f MIPS, process CPU %.2f s in %.1f s\n", alone, cpu_alone,
              seconds);
  std::printf("busy machine beside %3d idle ones: %8.1f MIPS, process CPU %.2f s in %.1f s\n", idle, beside,
              cpu_beside, seconds);
  std::printf("ratio %.3f; CPU the idle ones added: %.3f s\n", beside / alone, cpu_beside - cpu_alone);
  return 0;
}
