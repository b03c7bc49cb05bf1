// Basic types of the S/370 machine: byte order helpers and the strong
// address types that keep guest virtual, guest real and absolute addresses
// apart (Principles of Operation, chapter 3, "Storage": "Address Types").
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>

namespace s370 {

using u8 = std::uint8_t;
using u16 = std::uint16_t;
using u32 = std::uint32_t;
using u64 = std::uint64_t;
using i32 = std::int32_t;
using i64 = std::int64_t;

// S/370 addresses are 24 bits; effective addresses wrap at 2**24.
inline constexpr u32 kAddrMask = 0x00FFFFFF;

// A logical (virtual when DAT is on, else real) address as a program names it.
struct VirtAddr {
  u32 v = 0;
  constexpr VirtAddr() = default;
  constexpr explicit VirtAddr(u32 a) : v(a & kAddrMask) {}
  constexpr VirtAddr operator+(u32 n) const { return VirtAddr(v + n); }
  constexpr bool operator==(const VirtAddr&) const = default;
};

// A real address: after dynamic address translation, before prefixing.
struct RealAddr {
  u32 v = 0;
  constexpr RealAddr() = default;
  constexpr explicit RealAddr(u32 a) : v(a & kAddrMask) {}
  constexpr RealAddr operator+(u32 n) const { return RealAddr(v + n); }
  constexpr bool operator==(const RealAddr&) const = default;
};

// An absolute address: after prefixing; the index into main storage.
struct AbsAddr {
  u32 v = 0;
  constexpr AbsAddr() = default;
  constexpr explicit AbsAddr(u32 a) : v(a & kAddrMask) {}
  constexpr bool operator==(const AbsAddr&) const = default;
};

// Storage is big-endian; the host is little-endian (every byte swap below
// counts on it).
static_assert(std::endian::native == std::endian::little, "a little-endian host");
inline u16 load_be16(const u8* p) {
  u16 v;
  std::memcpy(&v, p, 2);
  return __builtin_bswap16(v);
}
inline u32 load_be32(const u8* p) {
  u32 v;
  std::memcpy(&v, p, 4);
  return __builtin_bswap32(v);
}
inline u64 load_be64(const u8* p) {
  u64 v;
  std::memcpy(&v, p, 8);
  return __builtin_bswap64(v);
}
inline void store_be16(u8* p, u16 v) {
  v = __builtin_bswap16(v);
  std::memcpy(p, &v, 2);
}
inline void store_be32(u8* p, u32 v) {
  v = __builtin_bswap32(v);
  std::memcpy(p, &v, 4);
}
inline void store_be64(u8* p, u64 v) {
  v = __builtin_bswap64(v);
  std::memcpy(p, &v, 8);
}

// The same, by type, for code written once for every width.
template <typename T>
inline T load_be(const u8* p) {
  if constexpr (sizeof(T) == 1) return *p;
  else if constexpr (sizeof(T) == 2) return load_be16(p);
  else if constexpr (sizeof(T) == 4) return load_be32(p);
  else return load_be64(p);
}
template <typename T>
inline void store_be(u8* p, T v) {
  if constexpr (sizeof(T) == 1) *p = v;
  else if constexpr (sizeof(T) == 2) store_be16(p, v);
  else if constexpr (sizeof(T) == 4) store_be32(p, v);
  else store_be64(p, v);
}

}  // namespace s370
