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

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "cp/virtual_machine.h"
#include "s370/clock.h"

namespace cp {

inline constexpr u32 kSavedStateVersion = 1;

struct SavedStateError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Saves a virtual machine that is not running. `clock`: the deterministic
// clock it runs on (its skipped time is saved), or nullptr for the host's.
// Only frames `first` to `last` (numbers of 4K frames) are saved when given
// (a saved system of some pages: CP's SAVESYS with a range).
void save_state(VirtualMachine& vm, const s370::InstructionClock* clock, const std::string& path, u32 first = 0,
                u32 last = UINT32_MAX);

// Makes the virtual machine a file describes, on `clock` (a deterministic
// clock gets the saved skipped time). Throws SavedStateError for a file
// that is not a saved state, of another version, or damaged.
std::unique_ptr<VirtualMachine> load_state(const std::string& path, s370::Clock& clock);

// A saved system (CP's SAVESYS; `IPL name`): a machine's pages and state,
// saved once in the saved-state format and IPLed by name by many. Its
// pages are s370::SharedFrames: every machine that IPLs it maps the same
// ones read-only, and gets a copy of a page only when it writes it
// (docs/CP.md, "Saved systems").
struct SavedSystem {
  std::string name;
  u32 storage = 0;  // the size of the machine it was saved from
  s370::CpuState cpu;
  std::vector<std::pair<u32, s370::SharedFrame>> frames;  // the frames touched, by number
  std::vector<u8> keys;                                   // one per 2K block
};
std::shared_ptr<const SavedSystem> read_saved_system(const std::string& path, const std::string& name);
// Puts a saved system in a machine of at least its size: reset, its pages
// mapped shared, its keys, PSW, registers, control registers and prefix.
void ipl_saved_system(VirtualMachine& vm, const SavedSystem& sys);

}  // namespace cp
