// A suspended virtual machine in a file, and back (docs/CP.md, "Saved
// state"). The format is versioned from its first day:
//
//   "VM370VMS"                 8 bytes, the magic
//   version                    u32, big-endian (kSavedStateVersion)
//   header length, header      u32, then JSON: storage size, the assist,
//                              the CPU state (registers as hex), the
//                              clock, CP's counters
//   frame count                u32; per frame touched: its number (u32)
//                              and its 4096 bytes
//   storage keys               one byte per 2K block
//
// Written to FILE.tmp, flushed to the disk, then renamed over FILE, so that
// a kill at any moment leaves either the old file or the new one whole.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include "cp/virtual_machine.h"
#include "s370/clock.h"

namespace cp {

inline constexpr u32 kSavedStateVersion = 1;

struct SavedStateError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Saves a virtual machine that is not running. `clock`: the deterministic
// clock it runs on (its skipped time is saved), or nullptr for the host's.
void save_state(VirtualMachine& vm, const s370::InstructionClock* clock, const std::string& path);

// Makes the virtual machine a file describes, on `clock` (a deterministic
// clock gets the saved skipped time). Throws SavedStateError for a file
// that is not a saved state, of another version, or damaged.
std::unique_ptr<VirtualMachine> load_state(const std::string& path, s370::Clock& clock);

}  // namespace cp
