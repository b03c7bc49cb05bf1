// Main storage of one machine: up to 16 MiB of absolute storage in 4K
// frames, with a storage key per 2K block (Principles of Operation, chapter
// 3, "Storage Key"). A frame is one of three kinds:
//   - untouched: reads as zeros and costs nothing (it is allocated, zeros,
//     by the first write);
//   - private: this machine's own memory;
//   - shared: an immutable SharedFrame that several machines map at once
//     (CP's saved systems, `IPL CMS`), copied into a private frame by the
//     first write to it, whoever writes: the CPU, a channel program, CP.
// So every access says whether it reads or writes: frame_for_read never
// allocates or copies, frame_for_write always gives a private frame. The
// storage keys are this machine's alone, whatever kind the frame is.
//
// Host pointers into a frame stay valid until the frame moves: a shared
// frame copied, any frame released or mapped anew. Whoever keeps pointers
// past one access (a Cpu's TLB) registers a Watcher and is told.
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

  // An immutable 4K frame that several Storages map at once. Its bytes are
  // never written: each Storage copies it before its first write.
  using SharedFrame = std::shared_ptr<const u8[]>;
  // A SharedFrame holding a copy of the 4K bytes at `bytes`.
  static SharedFrame make_shared_frame(const u8* bytes);

  // One who keeps host pointers into this storage beyond a single access
  // (the Cpu: its TLB and instruction block). frames_moved() is called,
  // on the thread that made the change, as soon as a frame's host memory
  // has changed under such pointers: a shared frame copied by its first
  // write, a frame released, a frame mapped by map_shared over another.
  // The pointers must be dropped and not used again: the old memory may
  // be freed already (but see retired_).
  class Watcher {
   public:
    virtual void frames_moved() = 0;

   protected:
    ~Watcher() = default;
  };

  // size in bytes, a multiple of 4K, at most 16 MiB.
  explicit Storage(u32 size);
  // Watchers hold its address.
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;

  u32 size() const { return size_; }
  // Makes the storage `bytes` long (a multiple of 4K, at most 16 MiB); the
  // new frames read as zeros with key 0. Never shrinks. Watchers are told
  // (frames_moved): a Cpu's translations are purged. For CP: a named
  // segment loaded beyond a machine's storage (DIAGNOSE X'64').
  void grow(u32 bytes);
  bool valid(AbsAddr a) const { return a.v < size_; }

  // ---- Host pointers (`a` must be valid()) ----------------------------------
  // The 4K frame holding `a`, to read: private, shared, or for an untouched
  // frame a static page of zeros. Allocates nothing. Valid for the access
  // at hand: the next write may copy the frame, or allocate the untouched
  // one (a pointer kept longer: frame_for_cached_read and a Watcher).
  const u8* frame_for_read(AbsAddr a) const {
    const u32 n = a.v >> kFrameShift;
    if (const u8* f = frames_[n].get()) [[likely]]
      return f;
    return unowned(n);
  }
  const u8* ptr_for_read(AbsAddr a) const { return frame_for_read(a) + (a.v & (kFrameSize - 1)); }
  // The 4K frame holding `a`, to write: always private. The first write
  // allocates an untouched frame (zeros) or copies a shared one (and tells
  // the watchers).
  u8* frame_for_write(AbsAddr a) {
    const u32 n = a.v >> kFrameShift;
    if (u8* f = frames_[n].get()) [[likely]]
      return f;
    return make_private(n);
  }
  u8* ptr_for_write(AbsAddr a) { return frame_for_write(a) + (a.v & (kFrameSize - 1)); }
  // The frame to read, for a reader that keeps the pointer (a Cpu's TLB):
  // the same as frame_for_read except that an untouched frame is allocated
  // (zeros). The static zero page would be replaced by the first write
  // without a move, which a Watcher is not told of; allocating keeps that
  // write free of TLB purges, and a program reads little that it never
  // writes.
  const u8* frame_for_cached_read(AbsAddr a) {
    const u32 n = a.v >> kFrameShift;
    if (const u8* f = frames_[n].get()) [[likely]]
      return f;
    if (is_shared(n)) return shared_[n].get();
    return make_private(n);
  }
  const u8* ptr_for_cached_read(AbsAddr a) { return frame_for_cached_read(a) + (a.v & (kFrameSize - 1)); }

  u8& key(AbsAddr a) { return keys_[a.v >> kBlockShift]; }
  u8 key(AbsAddr a) const { return keys_[a.v >> kBlockShift]; }
  // The 4K frame `n` (0 to size/4K - 1) if it has been touched or is
  // shared, else nullptr: an untouched frame is zeros (a saved state skips
  // it).
  const u8* frame_if_present(u32 n) const {
    if (frames_[n]) return frames_[n].get();
    return is_shared(n) ? shared_[n].get() : nullptr;
  }
  // Gives frame `n` back: it reads as zeros again, and its memory is freed
  // (CP's DIAGNOSE X'10'); a shared frame is simply no longer mapped here.
  // The key is kept.
  void release(u32 n);

  // ---- Shared frames (CP's saved systems) --------------------------------------
  // Maps frame `n` (0 to size/4K - 1) to `f`, shared: reads see it, the
  // first write to any byte of it copies it into a private frame first.
  // Replaces whatever frame n held (a null `f`: release(n)). The key is
  // kept.
  void map_shared(u32 n, SharedFrame f);
  // Whether frame n is still a shared one (not yet copied).
  bool is_shared(u32 n) const { return n < shared_.size() && shared_[n] != nullptr; }
  // How many frames are shared, and how many private (touched or copied):
  // the memory this machine costs on its own is private_frames() * 4K.
  u32 shared_frames() const { return shared_count_; }
  u32 private_frames() const { return private_count_; }

  void watch(Watcher* w);
  void unwatch(Watcher* w);

  // Bulk access by absolute address for loaders and the channel subsystem
  // (no key checks). Return false if any byte is outside storage. read()
  // allocates and copies nothing; write() copies a shared frame it writes.
  bool read(AbsAddr a, u8* out, u32 len) const;
  bool write(AbsAddr a, const u8* in, u32 len);

 private:
  // frame_for_read of a frame that is not private: shared, or zeros.
  const u8* unowned(u32 n) const;
  // Makes frame n private: zeros, or a copy of its shared frame.
  u8* make_private(u32 n);
  void moved();

  u32 size_;
  std::vector<std::unique_ptr<u8[]>> frames_;  // private frames, or null
  // The shared frame mapped where frames_[n] is null; empty until the
  // first map_shared (a machine without shared frames pays nothing).
  std::vector<SharedFrame> shared_;
  // The shared frame this storage last stopped mapping, kept alive until
  // the next: if this storage held the last reference, pointers taken into
  // it during the instruction whose store copied it (its own bytes, an
  // operand fetched before) stay readable to the end of that instruction.
  SharedFrame retired_;
  u32 private_count_ = 0, shared_count_ = 0;
  std::vector<u8> keys_;
  std::vector<Watcher*> watchers_;
};

using SharedFrame = Storage::SharedFrame;

}  // namespace s370
