// Main storage of one machine: up to 16 MiB of absolute storage, allocated
// lazily in 4K frames, with a storage key per 2K block (Principles of
// Operation, chapter 3, "Storage Key"). Frames can be shared between
// machines later (saved segments); every access goes through frame().
#pragma once

#include <memory>
#include <vector>

#include "s370/types.h"

namespace s370 {

// Storage-key bits as kept here: the 7-bit key of the Principles in the
// high seven bits of a byte (as ISK shows it in bits 24-30 of R1).
inline constexpr u8 kKeyAcc = 0xF0;     // access-control bits
inline constexpr u8 kKeyFetch = 0x08;   // fetch-protection bit
inline constexpr u8 kKeyRef = 0x04;     // reference bit
inline constexpr u8 kKeyChange = 0x02;  // change bit

class Storage {
 public:
  static constexpr u32 kFrameShift = 12;
  static constexpr u32 kFrameSize = 1u << kFrameShift;
  static constexpr u32 kBlockShift = 11;  // storage-key block: 2K
  static constexpr u32 kMaxSize = 16u << 20;

  // size in bytes, a multiple of 4K, at most 16 MiB.
  explicit Storage(u32 size);

  u32 size() const { return size_; }
  bool valid(AbsAddr a) const { return a.v < size_; }

  // Host pointer to the start of the 4K frame holding `a`, allocating it
  // on first use. `a` must be valid().
  u8* frame(AbsAddr a) {
    auto& f = frames_[a.v >> kFrameShift];
    if (!f) f = std::make_unique<u8[]>(kFrameSize);  // zero-filled
    return f.get();
  }
  u8* ptr(AbsAddr a) { return frame(a) + (a.v & (kFrameSize - 1)); }

  u8& key(AbsAddr a) { return keys_[a.v >> kBlockShift]; }
  u8 key(AbsAddr a) const { return keys_[a.v >> kBlockShift]; }
  // The 4K frame `n` (0 to size/4K - 1) if it has been touched, else
  // nullptr: an untouched frame is zeros (a saved state skips it).
  const u8* frame_if_present(u32 n) const { return frames_[n].get(); }
  // Gives frame `n` back: it reads as zeros again, and its memory is freed
  // (CP's DIAGNOSE X'10'). A Cpu over this storage must purge its TLB.
  void release(u32 n) { frames_[n].reset(); }

  // Bulk access by absolute address for loaders and the channel subsystem
  // (no key checks). Return false if any byte is outside storage.
  bool read(AbsAddr a, u8* out, u32 len);
  bool write(AbsAddr a, const u8* in, u32 len);

 private:
  u32 size_;
  std::vector<std::unique_ptr<u8[]>> frames_;
  std::vector<u8> keys_;
};

}  // namespace s370
