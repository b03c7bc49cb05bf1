#include "s370/storage.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace s370 {

namespace {
// What an untouched frame reads as.
alignas(64) constexpr u8 kZeroFrame[Storage::kFrameSize] = {};
}  // namespace

Storage::Storage(u32 size) : size_(size) {
  if (size == 0 || size > kMaxSize || size % kFrameSize != 0)
    throw std::invalid_argument("storage size must be a multiple of 4K, at most 16M");
  frames_.resize(size >> kFrameShift);
  keys_.assign(size >> kBlockShift, 0);
}

void Storage::grow(u32 bytes) {
  if (bytes <= size_) return;
  if (bytes > kMaxSize || bytes % kFrameSize != 0)
    throw std::invalid_argument("storage size must be a multiple of 4K, at most 16M");
  size_ = bytes;
  frames_.resize(size_ >> kFrameShift);
  keys_.resize(size_ >> kBlockShift, 0);
  if (!shared_.empty()) shared_.resize(size_ >> kFrameShift);
  moved();
}

Storage::SharedFrame Storage::make_shared_frame(const u8* bytes) {
  std::shared_ptr<u8[]> f = std::make_shared_for_overwrite<u8[]>(kFrameSize);
  std::memcpy(f.get(), bytes, kFrameSize);
  return f;
}

const u8* Storage::unowned(u32 n) const {
  return is_shared(n) ? shared_[n].get() : kZeroFrame;
}

u8* Storage::make_private(u32 n) {
  if (!is_shared(n)) {
    frames_[n] = std::make_unique<u8[]>(kFrameSize);  // zero-filled
    ++private_count_;
    return frames_[n].get();
  }
  // Copy on write: the first write to a shared frame, by whoever writes.
  auto f = std::make_unique_for_overwrite<u8[]>(kFrameSize);
  std::memcpy(f.get(), shared_[n].get(), kFrameSize);
  frames_[n] = std::move(f);
  ++private_count_;
  retired_ = std::move(shared_[n]);
  --shared_count_;
  moved();
  return frames_[n].get();
}

void Storage::release(u32 n) {
  bool was = false;
  if (frames_[n]) {
    frames_[n].reset();
    --private_count_;
    was = true;
  }
  if (is_shared(n)) {
    retired_ = std::move(shared_[n]);
    --shared_count_;
    was = true;
  }
  if (was) moved();
}

void Storage::map_shared(u32 n, SharedFrame f) {
  if (n >= frames_.size()) throw std::out_of_range("map_shared: no such frame");
  if (!f) return release(n);
  if (shared_.empty()) shared_.resize(frames_.size());
  // An untouched frame was never cached by a watcher (frame_for_cached_read
  // allocates it), so mapping over one moves nothing.
  bool was = false;
  if (frames_[n]) {
    frames_[n].reset();
    --private_count_;
    was = true;
  }
  if (shared_[n]) {
    retired_ = std::move(shared_[n]);
    was = true;
  } else {
    ++shared_count_;
  }
  shared_[n] = std::move(f);
  if (was) moved();
}

void Storage::watch(Watcher* w) {
  watchers_.push_back(w);
}

void Storage::unwatch(Watcher* w) {
  std::erase(watchers_, w);
}

void Storage::moved() {
  for (Watcher* w : watchers_) w->frames_moved();
}

bool Storage::read(AbsAddr a, u8* out, u32 len) const {
  if (u64{a.v} + len > size_) return false;
  u32 addr = a.v;
  while (len) {
    u32 off = addr & (kFrameSize - 1);
    u32 n = std::min(len, kFrameSize - off);
    std::memcpy(out, frame_for_read(AbsAddr(addr)) + off, n);
    out += n, addr += n, len -= n;
  }
  return true;
}

bool Storage::write(AbsAddr a, const u8* in, u32 len) {
  if (u64{a.v} + len > size_) return false;
  u32 addr = a.v;
  while (len) {
    u32 off = addr & (kFrameSize - 1);
    u32 n = std::min(len, kFrameSize - off);
    std::memcpy(frame_for_write(AbsAddr(addr)) + off, in, n);
    in += n, addr += n, len -= n;
  }
  return true;
}

}  // namespace s370
