// The final state of a run, printed the same way by s370run and s370: one
// JSON object ({"status", "psw", "gpr", "fpr", "cr", "instructions",
// "storage"}) or the same for a person. Also the small parsers the two
// command lines share.
#pragma once

#include <cstdio>
#include <functional>
#include <nlohmann/json.hpp>
#include <ostream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "s370/cpu.h"

namespace s370::report {

// Bad command-line input: one line on stderr, exit 1.
struct BadInput : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The value of option argv[i] (and i moves to it); one is required.
inline std::string option_value(int argc, char** argv, int& i) {
  if (i + 1 >= argc) throw BadInput(std::string("option ") + argv[i] + " needs a value");
  return argv[++i];
}

inline std::string hex(u64 v, int digits) {
  char b[20];
  std::snprintf(b, sizeof b, "%0*llX", digits, static_cast<unsigned long long>(v));
  return b;
}

inline u64 parse_hex(const std::string& s, const std::string& what, int max_digits = 16) {
  std::string t = s;
  if (t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) t = t.substr(2);
  if (t.empty() || static_cast<int>(t.size()) > max_digits)
    throw BadInput("bad hex in " + what + ": '" + s + "'");
  u64 v = 0;
  for (char ch : t) {
    int d;
    if (ch >= '0' && ch <= '9')
      d = ch - '0';
    else if (ch >= 'a' && ch <= 'f')
      d = ch - 'a' + 10;
    else if (ch >= 'A' && ch <= 'F')
      d = ch - 'A' + 10;
    else
      throw BadInput("bad hex in " + what + ": '" + s + "'");
    v = (v << 4) | static_cast<u64>(d);
  }
  return v;
}

inline u64 parse_dec(const std::string& s, const std::string& what) {
  if (s.empty() || s.size() > 19 || s.find_first_not_of("0123456789") != std::string::npos)
    throw BadInput("bad number in " + what + ": '" + s + "'");
  return std::stoull(s);
}

// A storage range to report, keyed by the address exactly as given.
struct Dump {
  std::string key;
  u32 addr, len;
};

// "ADDR.LEN", both hex.
inline Dump parse_dump(const std::string& v, const std::string& what = "--dump") {
  const auto p = v.find('.');
  if (p == std::string::npos) throw BadInput(what + " needs the form X.Y: '" + v + "'");
  const std::string ad = v.substr(0, p), len = v.substr(p + 1);
  return Dump{ad, static_cast<u32>(parse_hex(ad, what, 6)), static_cast<u32>(parse_hex(len, what, 6))};
}

// A machine's final state as the report shows it: the Cpu's own, or (s370run
// --levels) that of the innermost virtual machine, put together from the
// levels above it.
struct StateView {
  u64 psw = 0;
  u32 gpr[16] = {};
  u64 fpr[4] = {};
  u32 cr[16] = {};
  u64 instructions = 0;
  std::function<void(u32 addr, u8* out, u32 len)> read;  // its storage
};

inline StateView state_of(Cpu& cpu, Storage& storage) {
  StateView v;
  v.psw = cpu.psw.to_u64();
  for (int i = 0; i < 16; i++) v.gpr[i] = cpu.gpr[i], v.cr[i] = cpu.cr[i];
  for (int i = 0; i < 4; i++) v.fpr[i] = cpu.fpr[i];
  v.instructions = cpu.instructions();
  v.read = [&storage](u32 addr, u8* out, u32 len) { storage.read(AbsAddr(addr), out, len); };
  return v;
}

// Prints the state after a run ending with `status` ("wait", "limit").
// `extra`: fields added at the end of the JSON object (s370run --vm: "cp").
inline void print_state(std::ostream& out, const StateView& st, const std::string& status,
                        const std::vector<Dump>& dumps, bool json,
                        const nlohmann::ordered_json* extra = nullptr) {
  if (json) {
    nlohmann::ordered_json j;
    j["status"] = status;
    j["psw"] = hex(st.psw, 16);
    for (int i = 0; i < 16; i++) j["gpr"].push_back(hex(st.gpr[i], 8));
    for (int i = 0; i < 4; i++) j["fpr"].push_back(hex(st.fpr[i], 16));
    for (int i = 0; i < 16; i++) j["cr"].push_back(hex(st.cr[i], 8));
    j["instructions"] = st.instructions;
    j["storage"] = nlohmann::ordered_json::object();
    for (auto& d : dumps) {
      std::vector<u8> b(d.len);
      st.read(d.addr, b.data(), d.len);
      std::string h;
      for (u8 x : b) h += hex(x, 2);
      j["storage"][d.key] = h;
    }
    if (extra)
      for (auto it = extra->begin(); it != extra->end(); ++it) j[it.key()] = it.value();
    out << j.dump() << "\n";
  } else {
    out << "status " << status << "  psw " << hex(st.psw, 16) << "  instructions " << st.instructions << "\n";
    for (int i = 0; i < 16; i++)
      out << "R" << i << (i < 10 ? " " : "") << "=" << hex(st.gpr[i], 8) << ((i % 4 == 3) ? "\n" : "  ");
    for (int i = 0; i < 4; i++) out << "F" << 2 * i << "=" << hex(st.fpr[i], 16) << (i == 3 ? "\n" : "  ");
    for (int i = 0; i < 16; i++)
      out << "C" << i << (i < 10 ? " " : "") << "=" << hex(st.cr[i], 8) << ((i % 4 == 3) ? "\n" : "  ");
    for (auto& d : dumps) {
      std::vector<u8> b(d.len);
      st.read(d.addr, b.data(), d.len);
      for (u32 k = 0; k < d.len; k += 16) {
        out << hex(d.addr + k, 6) << " ";
        for (u32 m = k; m < k + 16 && m < d.len; m++) out << (m % 4 == 0 ? " " : "") << hex(b[m], 2);
        out << "\n";
      }
    }
  }
}

inline void print_state(std::ostream& out, Cpu& cpu, Storage& storage, const std::string& status,
                        const std::vector<Dump>& dumps, bool json,
                        const nlohmann::ordered_json* extra = nullptr) {
  print_state(out, state_of(cpu, storage), status, dumps, json, extra);
}

}  // namespace s370::report
