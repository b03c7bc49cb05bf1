#include "s370/storage.h"

#include <algorithm>
#include <stdexcept>

namespace s370 {

Storage::Storage(u32 size) : size_(size) {
  if (size == 0 || size > kMaxSize || size % kFrameSize != 0)
    throw std::invalid_argument("storage size must be a multiple of 4K, at most 16M");
  frames_.resize(size >> kFrameShift);
  keys_.assign(size >> kBlockShift, 0);
}

bool Storage::read(AbsAddr a, u8* out, u32 len) {
  if (u64{a.v} + len > size_) return false;
  u32 addr = a.v;
  while (len) {
    u32 off = addr & (kFrameSize - 1);
    u32 n = std::min(len, kFrameSize - off);
    std::memcpy(out, frame(AbsAddr(addr)) + off, n);
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
    std::memcpy(frame(AbsAddr(addr)) + off, in, n);
    in += n, addr += n, len -= n;
  }
  return true;
}

}  // namespace s370
