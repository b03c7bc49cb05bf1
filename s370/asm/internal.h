// Shared declarations of the asm370 library (not part of its interface).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "s370/asm/asm.h"
#include "s370/opcodes.h"

namespace s370::as {

// ---------------------------------------------------------------- text.cpp
// EBCDIC (code page 037) of one ASCII character; false if it has none.
bool to_ebcdic(char c, u8& out);
char to_upper(char c);
std::string upper(std::string_view s);
inline bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '$' || c == '#' || c == '@' || c == '_'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_symch(char c) { return is_alpha(c) || is_digit(c); }
// s[i] is a quote: is it the quote of an attribute reference such as L'X?
bool is_attr_quote(std::string_view s, size_t i);
// Index of the first blank outside quoted strings at or after `pos`.
size_t operand_end(std::string_view s, size_t pos = 0);
// Split at commas outside parentheses and quoted strings.
std::vector<std::string> split_operands(std::string_view s);
// Upper-case everything outside quoted strings.
std::string upper_outside_quotes(std::string_view s);
// A valid ordinary symbol (1-63 characters, letter first).
bool is_symbol(std::string_view s);

// One source file, by lines (tabs expanded, CR stripped).
struct SourceFile {
  std::string name;
  std::vector<std::string> lines;
};

// A statement as written: fields split, continuations joined.
struct RawStmt {
  int file = 0, line = 0;  // where it starts
  std::string label, op, operands;  // raw case
  bool comment = false;              // '*' or '.*' line
  int nlines = 1;
  std::string error;  // a reading error (bad continuation ...)
};

// Read the statements of a file.
std::vector<RawStmt> read_statements(const SourceFile& f, int file_index);

// ------------------------------------------------------------- statements
// A statement after macro generation and conditional assembly: what the
// two assembly passes see.
struct Stmt {
  int file = 0, line = 0;  // where errors are reported
  std::string label;       // ordinary symbol or empty (upper case)
  std::string op;          // upper case
  std::string operands;    // upper case outside quoted strings
  std::string text;        // for the listing
  int depth = 0;           // macro depth, 0 in open code
  bool list = true;        // printed in the listing (PRINT GEN/NOGEN/OFF)
  bool comment = false;
  // Filled by pass 1.
  int sect = -1;  // index of the section, -1 for none
  int64_t loc = 0;
  int64_t len = 0;
  int pool = 0;  // literal pool that the statement's literals go to
};

struct Context {
  Options opt;
  std::vector<SourceFile> files;
  std::vector<std::pair<int, Diag>> diags;  // (order key, message)
  int order = 0;
  int errors = 0;
  // A message repeated for the same line (a macro loop) is shown once.
  std::unordered_map<std::string, int> seen;
  void error(int file, int line, std::string msg);
  void warning(int file, int line, std::string msg);
  // Load a file: returns its index or -1.
  int load(const std::string& path);
  int add_text(const std::string& name, const std::string& text);
  // Find NAME.ext in the -I directories; empty when none has it.
  std::string find_library(const std::string& name, const std::string& ext) const;
  // A library member: Options::find_member's, else NAME.ext from the -I
  // directories. Returns its file index, or -1 when neither has it.
  int open_library(const std::string& name, const std::string& ext);
};

// ------------------------------------------------------------- macro.cpp
// Expands macros, COPY and conditional assembly of the main file into the
// statements that the assembler passes read.
struct GenSymbol {
  char type = 'U';
  int64_t length = 1;
  bool has_value = false;
  int64_t value = 0;
};
std::vector<Stmt> generate(Context& ctx, int main_file);

// Is `op` an operation that the assembler itself knows (machine
// instruction, extended mnemonic or assembler instruction)?
bool known_operation(std::string_view op);

// --------------------------------------------------------- extended mnemonics
struct ExtMnemonic {
  std::string_view name;
  u8 mask;
  std::string_view base;  // BC or BCR
};
const ExtMnemonic* find_extended(std::string_view op);

// ------------------------------------------------------------- expressions
// A value: constant plus a sum of relocatable terms (relocation id -> count).
struct Value {
  int64_t v = 0;
  std::vector<std::pair<int, int>> rel;  // (reloc id, coefficient), no zeros
  bool absolute() const { return rel.empty(); }
  bool simple() const { return rel.size() == 1 && rel[0].second == 1; }
  int reloc() const { return simple() ? rel[0].first : 0; }
  void add_rel(int id, int k);
};

// The assembler's view that expressions need.
struct SymbolLookup {
  virtual ~SymbolLookup() = default;
  // false when undefined (or not yet defined in pass 1).
  virtual bool symbol(const std::string& name, Value& v, int64_t& length) = 0;
  virtual bool location(Value& v) = 0;  // '*'
  virtual int64_t location_length() = 0;  // L'*
  virtual bool literal(std::string_view text, Value& v, int64_t& length) = 0;
};

struct ExprResult {
  bool ok = false;
  bool undefined = false;  // failed only because a symbol is not defined
  std::string error;
  Value value;
  int64_t length = 1;  // length attribute of the leftmost term
  bool has_length = false;
};

// Parse an expression at s[pos], advancing pos past it.
ExprResult eval_expr(std::string_view s, size_t& pos, SymbolLookup& lk, bool allow_literal = false);
// A self-defining term (decimal, X'..', B'..', C'..') at s[pos].
bool self_defining(std::string_view s, size_t& pos, int64_t& v, std::string& err);

// ------------------------------------------------------------------- dc.cpp
struct DcItem;  // one operand of DC/DS
struct DcOperand {
  int64_t dup = 1;
  char type = 0;          // C X B F H A Y V P Z E D L S
  char ext = 0;           // type extension (unused but parsed)
  int64_t length = 0;     // of one value (the first: the length attribute)
  std::vector<int64_t> lens;  // of each nominal value
  bool explicit_length = false;
  int align = 1;          // boundary when no explicit length
  std::vector<std::string> values;  // nominal values (expressions for A/Y/V/S)
  std::string nominal;    // raw text between quotes (C, X, B ...)
  bool has_nominal = false;
  int64_t total() const;  // dup * values * length
};

// Parse one DC/DS operand; `need_nominal` for DC. Duplication factor and
// length modifier are evaluated through `lk` (they must be defined).
bool parse_dc_operand(std::string_view s, size_t& pos, bool need_nominal, SymbolLookup& lk, DcOperand& out,
                      std::string& err, bool& undefined);

// Build the bytes of one nominal value of type C X B F H P Z E D L.
bool dc_bytes(const DcOperand& op, size_t index, std::vector<u8>& out, std::string& err);

// HFP conversion of a decimal string into `bytes` (4, 8 or 16), HLASM
// rounding (add one in the first lost bit position).
bool hfp_constant(std::string_view text, int bytes, char type, std::vector<u8>& out, std::string& err);

// ----------------------------------------------------------- assembler.cpp
Result assemble(Context& ctx, int main_file);

}  // namespace s370::as
