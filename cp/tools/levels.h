// s370run --levels N: the image runs as the guest of N - 1 guest control
// programs (cp/guest/gcp.asm, S/370 code) stacked inside our CP; level 1
// is our CP's virtual machine, which runs the GCP of level 2, whose guest
// runs the GCP of level 3, ... whose guest runs the image
// (docs/VM-UNDER-VM.md). This file lays the stack out in level 1's storage
// before the run and reads the innermost machine's state out of it after.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "s370/cpu.h"
#include "s370/storage.h"
#include "s370/tools/report.h"

namespace cp::levels {

using s370::u32;
using s370::u64;
using s370::u8;

// The innermost machine as s370run's options describe it.
struct Guest {
  u32 size = 0;  // bytes
  u64 psw = 0;
  u32 gpr[16] = {};
  u32 cr[16] = {};
  u64 fpr[4] = {};
  // Its initial storage: the image at its load address, then --set.
  std::vector<std::pair<u32, std::vector<u8>>> storage;
};

// Every level below the innermost is a machine of 16M (the most S/370
// addresses) that runs a GCP.
constexpr u32 kGcpMachine = 16u << 20;

// Writes the stack of `levels` (>= 2) into level 1's storage (16M, zero)
// and returns level 1's first PSW (the GCP's).
u64 build(int levels, const Guest& guest, s370::Storage& level1);

// The innermost machine's state after the run, read from level 1's
// machine (its Cpu holds the registers of whatever level was running),
// and the counters of each GCP. `error` is set when a GCP stopped
// because it could not go on (VMSTAT), saying which and why.
struct Result {
  s370::report::StateView state;
  nlohmann::ordered_json gcps = nlohmann::ordered_json::array();
  std::string error;
};
Result read(int levels, s370::Cpu& level1_cpu, s370::Storage& level1);

// The GCPs running in a machine of level 1 (vm370's user who IPLed GCP,
// and GCP in its guest, ...): for each, from level 2 down, its counters
// as in Result::gcps, as far as a VMBLOK is found (at most 8 levels).
nlohmann::ordered_json stack(s370::Storage& level1);

}  // namespace cp::levels
