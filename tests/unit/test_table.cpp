// The opcode table checked as data: no opcode twice, every row has a
// handler and a mnemonic, and every row disassembles to its mnemonic.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "s370/disasm.h"
#include "s370/opcodes.h"

using namespace s370;

TEST_CASE("opcode table: no duplicate opcodes or mnemonics") {
  std::set<u16> ops;
  std::set<std::string_view> names;
  for (const OpInfo& op : opcode_table()) {
    CHECK_MESSAGE(ops.insert(op.opcode).second, "duplicate opcode ", op.opcode);
    CHECK_MESSAGE(names.insert(op.mnemonic).second, "duplicate mnemonic ", std::string(op.mnemonic));
  }
  CHECK(ops.size() > 180);
}

TEST_CASE("opcode table: every row has a handler and disassembles") {
  for (const OpInfo& op : opcode_table()) {
    CAPTURE(std::string(op.mnemonic));
    CHECK((op.handler != nullptr));
    u8 ip[6] = {};
    if (op.kind == OpKind::Byte) {
      ip[0] = static_cast<u8>(op.opcode);
    } else {
      ip[0] = static_cast<u8>(op.opcode >> 8);
      ip[1] = static_cast<u8>(op.opcode & 0xFF);
    }
    CHECK((lookup(ip) == &op));
    CHECK((lookup(op.mnemonic) == &op));
    const std::string text = disassemble(ip);
    CHECK(text.rfind(std::string(op.mnemonic), 0) == 0);
    // The length the first byte encodes is the format's length.
    const int len = insn_length(ip[0]);
    switch (op.format) {
      case Format::RR: case Format::RR_M: case Format::RR_R: case Format::RR_I:
        CHECK(len == 2);
        break;
      case Format::SS_L: case Format::SS_LL: case Format::SS_R: case Format::SS_I: case Format::SSE:
        CHECK(len == 6);
        break;
      default:
        CHECK(len == 4);
    }
  }
}

TEST_CASE("opcode table: privileged rows trap in the problem state") {
  const DispatchTables& t = dispatch_tables();
  for (const OpInfo& op : opcode_table()) {
    if (op.kind != OpKind::Byte) continue;
    CAPTURE(std::string(op.mnemonic));
    if (!op.installed) {
      // Not on this machine: the same (operation-exception) entry as an
      // unassigned opcode, in both states.
      CHECK((t.supervisor[op.opcode] == t.supervisor[0x00]));
      CHECK((t.problem[op.opcode] == t.problem[0x00]));
    } else if (op.privileged) {
      CHECK((t.problem[op.opcode] != op.handler));
      CHECK((t.supervisor[op.opcode] == op.handler));
    } else {
      CHECK((t.problem[op.opcode] == op.handler));
    }
  }
}

// The run loop expands the handlers of S370_INLINE_HANDLERS,
// S370_INLINE_BRANCHES, S370_INLINE_BY_COUNT, S370_INLINE_HFP and
// S370_INLINE_HFP_RAISING in place, each with the
// length written in its list:
// it must be the length of the one row that has the handler, and that row
// must be an unprivileged one of one-byte opcode (the loop reaches it by
// the first byte alone).
#include "s370/instructions.h"

TEST_CASE("inline handlers: each is one row's handler, with that row's length") {
  struct Inline {
    const char* name;
    Handler h;
    int len;
  };
#define S370_ROW(h, n) Inline{#h, &insn::h, n},
  const Inline list[] = {S370_INLINE_HANDLERS(S370_ROW) S370_INLINE_BRANCHES(S370_ROW)
                             S370_INLINE_BY_COUNT(S370_ROW) S370_INLINE_HFP(S370_ROW)
                                 S370_INLINE_HFP_RAISING(S370_ROW)};
#undef S370_ROW
  CHECK(std::size(list) > 80);
  for (const Inline& in : list) {
    CAPTURE(std::string(in.name));
    int rows = 0;
    for (const OpInfo& op : opcode_table()) {
      if (op.handler != in.h) continue;
      rows++;
      CHECK(op.kind == OpKind::Byte);
      CHECK_FALSE(op.privileged);
      CHECK(insn_length(static_cast<u8>(op.opcode)) == in.len);
    }
    CHECK(rows == 1);
  }
}
