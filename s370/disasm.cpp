#include "s370/disasm.h"

#include <cstdio>

#include "s370/opcodes.h"

namespace s370 {

std::string insn_hex(const u8* ip) {
  std::string s;
  char b[4];
  for (int i = 0; i < insn_length(ip[0]); i++) {
    std::snprintf(b, sizeof b, "%02X", ip[i]);
    s += b;
  }
  return s;
}

std::string disassemble(const u8* ip) {
  const OpInfo* op = lookup(ip);
  if (!op) return "DC    X'" + insn_hex(ip) + "'";
  char buf[64];
  const int r1 = ip[1] >> 4, r2 = ip[1] & 0xF;
  auto bd = [&](int i) {  // D(B) from bytes i, i+1
    return std::pair<int, int>{((ip[i] & 0xF) << 8) | ip[i + 1], ip[i] >> 4};
  };
  auto [d2, b2] = bd(2);
  switch (op->format) {
    case Format::RR:
    case Format::RR_M:
      std::snprintf(buf, sizeof buf, "%d,%d", r1, r2);
      break;
    case Format::RR_R:
      std::snprintf(buf, sizeof buf, "%d", r1);
      break;
    case Format::RR_I:
      std::snprintf(buf, sizeof buf, "%d", ip[1]);
      break;
    case Format::RRE:
      std::snprintf(buf, sizeof buf, "%d,%d", ip[3] >> 4, ip[3] & 0xF);
      break;
    case Format::RX:
    case Format::RX_M:
      std::snprintf(buf, sizeof buf, "%d,%d(%d,%d)", r1, d2, r2, b2);
      break;
    case Format::RS:
    case Format::RS_M:
      std::snprintf(buf, sizeof buf, "%d,%d,%d(%d)", r1, r2, d2, b2);
      break;
    case Format::RS_R:
      std::snprintf(buf, sizeof buf, "%d,%d(%d)", r1, d2, b2);
      break;
    case Format::SI:
      std::snprintf(buf, sizeof buf, "%d(%d),%d", d2, b2, ip[1]);
      break;
    case Format::S:
      std::snprintf(buf, sizeof buf, "%d(%d)", d2, b2);
      break;
    case Format::S0:
      buf[0] = 0;
      break;
    case Format::SSE: {
      auto [d4, b4] = bd(4);
      std::snprintf(buf, sizeof buf, "%d(%d),%d(%d)", d2, b2, d4, b4);
      break;
    }
    case Format::SS_L: {
      auto [d4, b4] = bd(4);
      std::snprintf(buf, sizeof buf, "%d(%d,%d),%d(%d)", d2, ip[1] + 1, b2, d4, b4);
      break;
    }
    case Format::SS_LL: {
      auto [d4, b4] = bd(4);
      std::snprintf(buf, sizeof buf, "%d(%d,%d),%d(%d,%d)", d2, r1 + 1, b2, d4, r2 + 1, b4);
      break;
    }
    case Format::SS_R: {
      auto [d4, b4] = bd(4);
      std::snprintf(buf, sizeof buf, "%d(%d,%d),%d(%d),%d", d2, r1, b2, d4, b4, r2);
      break;
    }
    case Format::SS_I: {
      auto [d4, b4] = bd(4);
      std::snprintf(buf, sizeof buf, "%d(%d,%d),%d(%d),%d", d2, r1 + 1, b2, d4, b4, r2);
      break;
    }
  }
  std::string m(op->mnemonic);
  m.resize(6, ' ');
  return m + buf;
}

}  // namespace s370
