// Small text helpers of CP's messages and commands (system.cpp,
// commands.cpp): upper case, blank padding, device addresses, words.
#pragma once

#include <cctype>
#include <cstdio>
#include <string>
#include <vector>

#include "s370/types.h"

namespace cp::text {

inline std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// `s` cut or blank-padded to `n` characters (CP's columns).
inline std::string pad(const std::string& s, std::size_t n) {
  std::string t = s.substr(0, n);
  t.resize(n, ' ');
  return t;
}

// A device address as CP writes it: three hexadecimal digits.
inline std::string hex3(s370::u16 a) {
  char b[8];
  std::snprintf(b, sizeof b, "%03X", a);
  return b;
}

// The blank-separated words of a line, as typed.
inline std::vector<std::string> words(const std::string& line) {
  std::vector<std::string> w;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') i++;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ') j++;
    if (j > i) w.push_back(line.substr(i, j - i));
    i = j;
  }
  return w;
}

}  // namespace cp::text
