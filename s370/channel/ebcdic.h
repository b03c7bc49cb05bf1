// EBCDIC <-> ASCII conversion with the code page Hercules 3.13 uses by
// default (see ebcdic.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "s370/types.h"

namespace s370::io {

extern const u8 kEbcdicToAscii[256];
extern const u8 kAsciiToEbcdic[256];

inline u8 to_ascii(u8 e) {
  return kEbcdicToAscii[e];
}
inline u8 to_ebcdic(u8 a) {
  return kAsciiToEbcdic[a];
}
std::string to_ascii(const u8* p, size_t n);
std::vector<u8> to_ebcdic(std::string_view s);

inline constexpr u8 kEbcdicBlank = 0x40;

}  // namespace s370::io
