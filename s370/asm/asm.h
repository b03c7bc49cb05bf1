// asm370: an assembler for the HLASM-style subset of S/370 assembler that
// cms/, samples/ and users write (see docs/ASSEMBLER.md). Instructions come
// from the CPU core's opcode table (s370/opcodes.h); this library adds the
// assembler language around them: fixed-format statements, symbols and
// expressions, USING resolution, DC/DS, literals, macros, listing and decks.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "s370/types.h"

namespace s370::as {

struct Options {
  std::vector<std::string> include_dirs;  // -I: COPY NAME.cpy, macro NAME.mac
  // Library members held in memory rather than in files: CP hands the
  // members of a CMS user's GLOBAL MACLIB libraries (read by CMS, passed
  // by DIAGNOSE X'370') this way. Asked for a macro or COPY member's name
  // before the -I directories are searched; true and the member's lines
  // (newline-separated) when it has one.
  std::function<bool(const std::string& name, std::string& text)> find_member;
  bool want_listing = false;
  bool want_deck = false;
};

// One message: SOURCE:LINE: text (warnings say "warning: " before the text).
struct Diag {
  std::string file;
  int line = 0;
  std::string msg;
  bool warning = false;
  std::string format() const;
};

struct Result {
  bool ok = false;                  // no error (warnings allowed)
  std::vector<Diag> diags;          // in source order
  u32 origin = 0;                   // address of image[0]
  std::vector<u8> image;            // from the START origin to the end
  std::string listing;              // when Options::want_listing
  std::vector<std::array<u8, 80>> deck;  // when Options::want_deck
};

// Assemble the file at `path`.
Result assemble_file(const std::string& path, const Options& opt);
// Assemble `text` as if it were a file named `name` (tests).
Result assemble_text(const std::string& name, const std::string& text, const Options& opt);

}  // namespace s370::as
