// Helpers of the assembler tests: assemble a text, read its bytes.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "s370/asm/asm.h"

namespace asmtest {

inline std::string hexs(const std::vector<s370::u8>& b, size_t from = 0, size_t n = std::string::npos) {
  static const char* d = "0123456789ABCDEF";
  std::string s;
  for (size_t i = from; i < b.size() && i - from < n; i++) {
    s += d[b[i] >> 4];
    s += d[b[i] & 15];
  }
  return s;
}

inline std::string diags(const s370::as::Result& r) {
  std::string s;
  for (const auto& d : r.diags) s += d.format() + "\n";
  return s;
}

// Assemble `src` (fixed format) and return the result.
inline s370::as::Result assemble(const std::string& src, s370::as::Options opt = {}) {
  return s370::as::assemble_text("t.asm", src, opt);
}

// The image bytes of a source that must assemble without errors, as hex.
inline std::string image_hex(const std::string& src, s370::as::Options opt = {}) {
  auto r = assemble(src, opt);
  INFO(diags(r));
  CHECK(r.ok);
  return hexs(r.image);
}

}  // namespace asmtest
