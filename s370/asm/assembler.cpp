// The two assembly passes over the generated statements. Pass 1 assigns
// locations (sections, alignment, DC/DS lengths, ORG, CNOP, literal pools)
// and defines symbols; pass 2 evaluates operands, resolves implicit
// addresses through USING and builds the bytes. Then the sections are laid
// out one after another (each on a doubleword) into the image, the deck and
// the listing (HLASM Language Reference, "Assembler instruction statements").
#include <algorithm>
#include <cstdio>
#include <set>

#include "s370/asm/internal.h"

namespace s370::as {

namespace {

constexpr ExtMnemonic kExtended[] = {
    // Branch on condition with the mask written in the mnemonic
    // (Principles of Operation, appendix "Extended mnemonics"; HLASM
    // Language Reference, "Branching with extended mnemonic codes").
    {"B", 15, "BC"},   {"BR", 15, "BCR"},   {"NOP", 0, "BC"},   {"NOPR", 0, "BCR"},
    {"BH", 2, "BC"},   {"BHR", 2, "BCR"},   {"BL", 4, "BC"},    {"BLR", 4, "BCR"},
    {"BE", 8, "BC"},   {"BER", 8, "BCR"},   {"BNH", 13, "BC"},  {"BNHR", 13, "BCR"},
    {"BNL", 11, "BC"}, {"BNLR", 11, "BCR"}, {"BNE", 7, "BC"},   {"BNER", 7, "BCR"},
    {"BO", 1, "BC"},   {"BOR", 1, "BCR"},   {"BP", 2, "BC"},    {"BPR", 2, "BCR"},
    {"BM", 4, "BC"},   {"BMR", 4, "BCR"},   {"BZ", 8, "BC"},    {"BZR", 8, "BCR"},
    {"BNO", 14, "BC"}, {"BNOR", 14, "BCR"}, {"BNP", 13, "BC"},  {"BNPR", 13, "BCR"},
    {"BNM", 11, "BC"}, {"BNMR", 11, "BCR"}, {"BNZ", 7, "BC"},   {"BNZR", 7, "BCR"},
};

// Assembler instructions handled by the passes.
const std::set<std::string, std::less<>> kDirectives = {
    "START", "CSECT", "DSECT", "END",   "EQU",   "DC",    "DS",    "ORG",  "LTORG", "CNOP",  "USING",
    "DROP",  "PRINT", "TITLE", "EJECT", "SPACE", "ENTRY", "EXTRN", "WXTRN", "AMODE", "RMODE", "PUSH", "POP",
    "CCW",   "CCW0",  "CCW1"};

std::string hex(uint64_t v, int digits) {
  char b[24];
  std::snprintf(b, sizeof b, "%0*llX", digits, static_cast<unsigned long long>(v));
  return b;
}

}  // namespace

const ExtMnemonic* find_extended(std::string_view op) {
  for (const auto& e : kExtended)
    if (e.name == op) return &e;
  return nullptr;
}

bool known_operation(std::string_view op) {
  return lookup(op) != nullptr || find_extended(op) != nullptr || kDirectives.count(op) != 0;
}

namespace {

enum class SectKind { Csect, Dsect, Extern, Private };

// A control section, a DSECT or an external symbol: each is a relocation
// id (index + 1; 0 is absolute). Locations are section-relative until the
// sections are laid out after pass 1.
struct Section {
  std::string name;
  SectKind kind;
  int64_t loc = 0, max = 0;
  int64_t origin = 0;
  int esdid = 0;
  std::vector<u8> data;
  std::vector<bool> set;  // bytes written by DC or instructions (TXT)
  int first_stmt = 0;
};

// An ordinary symbol: value, relocation, length and type attributes
// (HLASM Language Reference, "Symbol attributes").
struct Symbol {
  bool defined = false;
  int64_t val = 0;
  int rel = 0;  // 0 absolute, else section index + 1
  int64_t length = 1;
  char type = 'U';
  int def_stmt = -1;
  std::vector<int> refs;
  bool entry = false;
};

// A literal: its DC operand, the pool it belongs to and, once the pool is
// placed, its location. '*' in it means the using statement's location.
struct Literal {
  std::string text;  // "=F'1'"
  int pool = 0;
  DcOperand op;
  int64_t total = 0;
  int sect = -1;
  int64_t loc = 0;
  bool placed = false;
  int first_stmt = 0;
  int64_t star_loc = 0;
  int star_sect = -1;
};

struct Pool {
  int sect = -1;
  int64_t loc = 0;
  std::vector<int> lits;
  int stmt = -1;  // the LTORG that placed it; -1 for the pool after END
};

// One active USING: register `reg` holds `base` of relocation `rel`; a
// dependent USING maps `base` onto another address instead.
struct Using {
  int reg = 0;
  int rel = 0;
  int64_t base = 0;
  bool dependent = false;
  int trel = 0;  // dependent: the address that the base maps to
  int64_t tval = 0;
  int stmt = 0;
};

// One relocatable field for the deck's RLD cards.
struct Rld {
  int rel_sect;  // R pointer: section index (or extern)
  int pos_sect;  // P pointer
  int64_t addr;  // in the position section (section-relative)
  int len;
  bool neg;
  bool vcon;
};

struct ListInfo {
  std::vector<u8> bytes;
  int64_t addr1 = -1, addr2 = -1;
  bool has_loc = false;
  int64_t value = -1;  // EQU, USING
};

class Assembler : public SymbolLookup {
 public:
  Assembler(Context& ctx, std::vector<Stmt>& st) : ctx_(ctx), st_(st) {}
  Result run();

  // SymbolLookup
  bool symbol(const std::string& name, Value& v, int64_t& length) override;
  bool location(Value& v) override;
  int64_t location_length() override;
  bool literal(std::string_view text, Value& v, int64_t& length) override;

 private:
  Context& ctx_;
  std::vector<Stmt>& st_;
  std::vector<Section> sects_;
  std::unordered_map<std::string, Symbol> syms_;
  std::vector<Literal> lits_;
  std::vector<Pool> pools_;
  std::vector<Using> usings_;
  std::vector<Rld> rlds_;
  std::vector<ListInfo> list_;
  std::vector<std::string> extrn_order_;
  int pass_ = 1;
  int cur_ = -1;         // section index
  int si_ = 0;           // statement index
  int64_t star_len_ = 1;  // L'* of the current statement
  int64_t star_loc_ = 0;  // '*' of the current statement (pass 2)
  int pool_id_ = 0;
  int64_t start_origin_ = 0;
  bool started_ = false;
  bool ended_ = false;
  int entry_stmt_ = -1;
  std::string end_operand_;

  Stmt& S() { return st_[si_]; }
  void err(const std::string& m) {
    ctx_.order = si_;
    ctx_.error(S().file, S().line, m);
  }
  void warn(const std::string& m) {
    ctx_.order = si_;
    ctx_.warning(S().file, S().line, m);
  }
  Section& cur() { return sects_[cur_]; }
  int64_t& loc() { return sects_[cur_].loc; }

  int new_section(const std::string& name, SectKind k);
  void ensure_section();
  void set_loc(int64_t v) {
    // 24-bit addresses: a location counter past 16 MB is an error.
    if (v > 0x1000000) {
      err("location counter beyond X'FFFFFF'");
      v = 0x1000000;
    }
    cur().loc = v;
    cur().max = std::max(cur().max, v);
  }
  void align(int a) { set_loc((loc() + a - 1) / a * a); }
  void define(const std::string& name, int64_t val, int rel, int64_t len, char type);
  bool eval(std::string_view s, Value& v, int64_t* len = nullptr, bool literal = false, bool quiet_undef = false);
  bool eval_abs(std::string_view s, int64_t& v, int64_t lo, int64_t hi, const char* what);

  void pass1(Stmt& s);
  void pass2(Stmt& s);
  void section_stmt(Stmt& s, SectKind k);
  void place_pool(int stmt);
  void register_literals(Stmt& s);
  void dc_pass1(Stmt& s, bool ds);
  void dc_pass2(Stmt& s, bool ds);
  bool dc_values(const DcOperand& op, int sect, int64_t at, std::vector<u8>& out);
  bool dc_values1(const DcOperand& op, int sect, int64_t at, std::vector<u8>& out, bool star);
  void emit(int sect, int64_t at, const std::vector<u8>& b);
  void instruction(Stmt& s, const OpInfo& op, int mask);
  bool resolve(const Value& v, int& base, int& disp, std::string& why, int depth = 0);
  // kind: 'X' D(X,B), 'L' D(L,B) or D(R,B), 'B' D(B).
  bool address(const std::string& text, char kind, int& d, int& b, int& xl, bool& has_xl, int64_t& implicit_len,
               bool literal, int64_t& effective);
  void using_stmt(Stmt& s);
  void ccw(Stmt& s);
  std::vector<std::vector<Using>> using_stack_;
  void drop_stmt(Stmt& s);
  void layout();
  void emit_pools(int stmt);
  bool in_pool_ = false;
  Result finish();
  std::string listing(const Result& r);
  template <class F>
  void list_pools(int stmt, F& line);
  std::vector<std::array<u8, 80>> deck();
};

int Assembler::new_section(const std::string& name, SectKind k) {
  Section s;
  s.name = name;
  s.kind = k;
  s.first_stmt = si_;
  sects_.push_back(std::move(s));
  return static_cast<int>(sects_.size() - 1);
}

void Assembler::ensure_section() {
  if (cur_ < 0) {
    // Statements before any section start the unnamed (private) section.
    cur_ = new_section("", SectKind::Private);
  }
}

void Assembler::define(const std::string& name, int64_t val, int rel, int64_t len, char type) {
  if (!is_symbol(name)) {
    err("bad symbol '" + name + "'");
    return;
  }
  Symbol& y = syms_[name];
  if (y.defined) {
    err("duplicate symbol " + name + " (first defined at line " + std::to_string(st_[y.def_stmt].line) + ")");
    return;
  }
  y.defined = true;
  y.val = val;
  y.rel = rel;
  y.length = len;
  y.type = type;
  y.def_stmt = si_;
}

// Pass 2 records every reference for the cross-reference listing.
bool Assembler::symbol(const std::string& name, Value& v, int64_t& length) {
  auto it = syms_.find(name);
  if (it == syms_.end() || !it->second.defined) return false;
  Symbol& y = it->second;
  v = Value{y.val, {}};
  if (y.rel) v.rel.push_back({y.rel, 1});
  length = y.length;
  if (pass_ == 2 && (y.refs.empty() || y.refs.back() != si_)) y.refs.push_back(si_);
  return true;
}

bool Assembler::location(Value& v) {
  if (cur_ < 0) return false;
  v = Value{star_loc_, {{cur_ + 1, 1}}};
  return true;
}

int64_t Assembler::location_length() { return star_len_; }

bool Assembler::literal(std::string_view text, Value& v, int64_t& length) {
  std::string key(text);
  for (const Literal& l : lits_) {
    if (l.pool != S().pool || l.text != key || !l.placed) continue;
    if (key.find('*') != std::string::npos && (l.star_loc != S().loc || l.star_sect != S().sect)) continue;
    v = Value{l.loc, {{l.sect + 1, 1}}};
    length = l.op.lens.empty() ? 1 : l.op.lens[0];
    return true;
  }
  return false;
}

bool Assembler::eval(std::string_view s, Value& v, int64_t* len, bool literal, bool quiet_undef) {
  size_t p = 0;
  ExprResult r = eval_expr(s, p, *this, literal);
  if (r.ok && p != s.size()) {
    err("unexpected text '" + std::string(s.substr(p)) + "' after expression");
    return false;
  }
  if (!r.ok) {
    if (!(quiet_undef && r.undefined)) err(r.error);
    return false;
  }
  v = r.value;
  if (len) *len = r.length;
  return true;
}

bool Assembler::eval_abs(std::string_view s, int64_t& v, int64_t lo, int64_t hi, const char* what) {
  Value x;
  if (!eval(s, x)) return false;
  if (!x.absolute()) {
    err(std::string(what) + " must be absolute: '" + std::string(s) + "'");
    return false;
  }
  if (x.v < lo || x.v > hi) {
    err(std::string(what) + " " + std::to_string(x.v) + " out of range " + std::to_string(lo) + " to " +
        std::to_string(hi));
    return false;
  }
  v = x.v;
  return true;
}

// ------------------------------------------------------------------ pass 1

// CSECT/DSECT/START: a new section, or the resumption of one of the same
// name and kind (HLASM: a section may be continued in several pieces).
void Assembler::section_stmt(Stmt& s, SectKind k) {
  const std::string& name = s.label;
  if (!name.empty()) {
    auto it = syms_.find(name);
    if (it != syms_.end() && it->second.defined) {
      // Resuming a section continues at its location counter.
      for (size_t i = 0; i < sects_.size(); i++) {
        if (sects_[i].name == name && sects_[i].kind == k && it->second.rel == static_cast<int>(i) + 1 &&
            it->second.type == 'J') {
          cur_ = static_cast<int>(i);
          return;
        }
      }
      err("duplicate symbol " + name + " (first defined at line " + std::to_string(st_[it->second.def_stmt].line) +
          ")");
      return;
    }
    cur_ = new_section(name, k);
    define(name, 0, cur_ + 1, 1, 'J');
    return;
  }
  for (size_t i = 0; i < sects_.size(); i++) {
    if (sects_[i].name.empty() && sects_[i].kind == SectKind::Private && k != SectKind::Dsect) {
      cur_ = static_cast<int>(i);
      return;
    }
  }
  if (k == SectKind::Dsect) {
    err("DSECT needs a name");
    return;
  }
  cur_ = new_section("", SectKind::Private);
}

// Pass 1: a literal joins the current pool unless the same text is there
// already; its length must be known now (dup factor and length absolute).
void Assembler::register_literals(Stmt& s) {
  for (const std::string& o : split_operands(s.operands)) {
    if (o.empty() || o[0] != '=') continue;
    size_t p = 1;
    DcOperand op;
    std::string e;
    bool undef = false;
    if (!parse_dc_operand(o, p, true, *this, op, e, undef)) {
      err("bad literal " + o + ": " + e);
      continue;
    }
    std::string text = o.substr(0, p);
    if (op.type == 'S') {
      err("S-type literals are not supported");
      continue;
    }
    if (op.total() == 0) {
      err("literal of length zero: " + text);
      continue;
    }
    bool star = text.find('*') != std::string::npos;
    bool dup = false;
    for (const Literal& l : lits_) {
      if (l.pool == pool_id_ && l.text == text && (!star || (l.star_loc == s.loc && l.star_sect == s.sect))) {
        dup = true;
        break;
      }
    }
    if (dup) continue;
    Literal l;
    l.text = text;
    l.pool = pool_id_;
    l.op = op;
    l.total = op.total();
    l.first_stmt = si_;
    l.star_loc = s.loc;
    l.star_sect = s.sect;
    lits_.push_back(std::move(l));
  }
}

void Assembler::place_pool(int stmt) {
  // The pool starts on a doubleword; literals go in five segments by their
  // length: multiples of 16, of 8, of 4, of 2, then the odd ones, each in
  // the order written (HLASM Language Reference, "Literal pool").
  align(8);
  Pool pool;
  pool.sect = cur_;
  pool.loc = loc();
  pool.stmt = stmt;
  auto seg = [](int64_t n) { return n % 16 == 0 ? 0 : n % 8 == 0 ? 1 : n % 4 == 0 ? 2 : n % 2 == 0 ? 3 : 4; };
  for (int g = 0; g < 5; g++) {
    for (size_t i = 0; i < lits_.size(); i++) {
      Literal& l = lits_[i];
      if (l.pool != pool_id_ || l.placed || seg(l.total) != g) continue;
      l.placed = true;
      l.sect = cur_;
      l.loc = loc();
      set_loc(loc() + l.total);
      pool.lits.push_back(static_cast<int>(i));
    }
  }
  pools_.push_back(std::move(pool));
  pool_id_++;
}

// Pass 1 of DC/DS: each operand aligned on its boundary (none with an
// explicit length), the name on the first operand with its length attribute.
void Assembler::dc_pass1(Stmt& s, bool ds) {
  ensure_section();
  s.sect = cur_;
  std::string_view ops = s.operands;
  size_t p = 0;
  bool first = true;
  s.loc = loc();
  while (p <= ops.size()) {
    DcOperand op;
    std::string e;
    bool undef = false;
    if (!parse_dc_operand(ops, p, !ds, *this, op, e, undef)) {
      err(std::string(ds ? "DS" : "DC") + " operand: " + e);
      return;
    }
    align(op.align);
    if (op.total() > 0x1000000) {
      err(std::string(ds ? "DS" : "DC") + " operand longer than 16 MB");
      return;
    }
    if (first) {
      s.loc = loc();
      if (!s.label.empty()) define(s.label, loc(), cur_ + 1, op.lens.empty() ? 1 : op.lens[0], op.type);
      first = false;
    }
    set_loc(loc() + op.total());
    if (p >= ops.size()) break;
    if (ops[p] != ',') {
      err("unexpected text '" + std::string(ops.substr(p)) + "' in " + (ds ? "DS" : "DC") + " operand");
      return;
    }
    p++;
  }
}

void Assembler::pass1(Stmt& s) {
  s.sect = cur_;
  s.loc = cur_ >= 0 ? loc() : 0;
  s.pool = pool_id_;
  star_loc_ = s.loc;
  star_len_ = 1;
  if (s.comment) return;
  const std::string& op = s.op;
  auto label_here = [&](char type, int64_t len) {
    if (!s.label.empty()) {
      ensure_section();
      define(s.label, loc(), cur_ + 1, len, type);
    }
  };
  // START: the first section and the origin of the whole image.
  if (op == "START") {
    if (started_ || !sects_.empty()) {
      err("START must come before any section");
      section_stmt(s, SectKind::Csect);
      return;
    }
    started_ = true;
    int64_t org = 0;
    if (!s.operands.empty() && !eval_abs(s.operands, org, 0, 0xFFFFFF, "START origin")) org = 0;
    // The origin is rounded up to a doubleword (HLASM, START instruction).
    start_origin_ = (org + 7) / 8 * 8;
    section_stmt(s, SectKind::Csect);
    s.sect = cur_;
    s.loc = 0;
    return;
  }
  if (op == "CSECT" || op == "DSECT") {
    section_stmt(s, op == "CSECT" ? SectKind::Csect : SectKind::Dsect);
    s.sect = cur_;
    s.loc = cur_ >= 0 ? loc() : 0;
    return;
  }
  // EQU value[,length[,type]]: a forward reference is retried after pass 1.
  if (op == "EQU") {
    auto ops = split_operands(s.operands);
    if (s.label.empty()) {
      err("EQU needs a name");
      return;
    }
    if (ops.empty()) {
      err("EQU needs an operand");
      return;
    }
    Value v;
    int64_t len = 1;
    star_len_ = 1;
    if (!eval(ops[0], v, &len, false, true)) {
      // Defined later in pass 1 (or an error reported then).
      return;
    }
    if (!v.absolute() && !v.simple()) {
      err("complex relocatable expression in EQU");
      return;
    }
    char type = 'U';
    if (ops.size() > 1 && !ops[1].empty()) {
      if (!eval_abs(ops[1], len, 0, 65535, "EQU length")) return;
    }
    if (ops.size() > 2 && !ops[2].empty()) {
      int64_t t;
      if (!eval_abs(ops[2], t, 0, 255, "EQU type")) return;
      static const char kE2A[] = "ABCDEFGHI";
      if (t >= 0xC1 && t <= 0xC9) type = kE2A[t - 0xC1];
      else if (t >= 0xD1 && t <= 0xD9) type = static_cast<char>('J' + (t - 0xD1));
      else if (t >= 0xE2 && t <= 0xE9) type = static_cast<char>('S' + (t - 0xE2));
    }
    define(s.label, v.v, v.reloc(), len, type);
    return;
  }
  if (op == "DC" || op == "DS") {
    dc_pass1(s, op == "DS");
    s.len = cur_ >= 0 ? cur().loc - s.loc : 0;
    return;
  }
  // ORG: back or forward in the current section; without an operand, to
  // the highest location used so far.
  if (op == "ORG") {
    ensure_section();
    s.sect = cur_;
    if (s.operands.empty()) {
      set_loc(cur().max);
    } else {
      auto ops = split_operands(s.operands);
      Value v;
      if (!eval(ops.empty() ? "" : ops[0], v)) return;
      if (v.reloc() != cur_ + 1 || !v.simple()) {
        err("ORG operand must be an address in the current section");
        return;
      }
      if (v.v < 0) {
        err("ORG below the start of the section");
        return;
      }
      set_loc(v.v);
    }
    label_here('U', 1);
    s.loc = loc();
    return;
  }
  // CNOP b,w: to byte b of the next w-byte boundary, halfword by halfword.
  if (op == "CNOP") {
    ensure_section();
    s.sect = cur_;
    auto ops = split_operands(s.operands);
    int64_t a, b;
    if (ops.size() != 2 || !eval_abs(ops[0], a, 0, 6, "CNOP byte") || !eval_abs(ops[1], b, 4, 8, "CNOP boundary"))
      return;
    if ((b != 4 && b != 8) || a % 2 || a >= b) {
      err("CNOP operands must be 0, 2, 4 or 6 and 4 or 8 with the first less than the second");
      return;
    }
    align(2);
    s.loc = loc();
    while (loc() % b != a) set_loc(loc() + 2);
    s.len = loc() - s.loc;
    label_here('I', 1);
    return;
  }
  if (op == "LTORG") {
    ensure_section();
    place_pool(si_);
    s.sect = cur_;
    s.loc = pools_.back().loc;
    s.len = loc() - s.loc;
    if (!s.label.empty()) define(s.label, s.loc, cur_ + 1, 1, 'U');
    return;
  }
  if (op == "END") {
    ended_ = true;
    return;
  }
  if (op == "USING" || op == "DROP" || op == "PRINT" || op == "TITLE" || op == "EJECT" || op == "SPACE" ||
      op == "ENTRY" || op == "EXTRN" || op == "WXTRN" || op == "AMODE" || op == "RMODE" || op == "PUSH" ||
      op == "POP") {
    if (!s.label.empty() && op != "TITLE") {
      if (op == "USING") err("labeled USING is not supported");
      else label_here('U', 1);
    }
    if (op == "EXTRN" || op == "WXTRN") {
      for (const std::string& n : split_operands(s.operands)) {
        if (!is_symbol(n)) {
          err("bad external symbol '" + n + "'");
          continue;
        }
        int id = new_section(n, SectKind::Extern);
        define(n, 0, id + 1, 1, 'T');
      }
    }
    return;
  }
  if (op == "CCW" || op == "CCW0" || op == "CCW1") {
    // A channel command word: 8 bytes on a doubleword (Principles of
    // Operation, "Channel command word"; HLASM, CCW instruction).
    ensure_section();
    align(8);
    s.sect = cur_;
    s.loc = loc();
    s.len = 8;
    label_here('W', 8);
    set_loc(loc() + 8);
    return;
  }
  const OpInfo* info = lookup(op);
  const ExtMnemonic* ext = info ? nullptr : find_extended(op);
  if (ext) info = lookup(ext->base);
  if (!info) {
    if (op.empty()) err("missing operation code");
    else err("undefined operation code " + op);
    return;
  }
  ensure_section();
  align(2);
  s.sect = cur_;
  s.loc = loc();
  s.len = insn_length(static_cast<u8>(info->kind == OpKind::Byte ? info->opcode : info->opcode >> 8));
  label_here('I', s.len);
  star_len_ = s.len;
  register_literals(s);
  set_loc(loc() + s.len);
}

// ------------------------------------------------------------------ pass 2

// Bytes of a statement into its section; `set` marks them for TXT cards.
void Assembler::emit(int sect, int64_t at, const std::vector<u8>& b) {
  if (sect < 0 || sect >= static_cast<int>(sects_.size())) return;
  Section& x = sects_[sect];
  if (x.kind == SectKind::Dsect) return;  // a DSECT only maps storage
  if (at < 0) return;
  size_t end = static_cast<size_t>(at) + b.size();
  if (x.data.size() < end) {
    x.data.resize(end, 0);
    x.set.resize(end, false);
  }
  for (size_t i = 0; i < b.size(); i++) {
    x.data[at + i] = b[i];
    x.set[at + i] = true;
  }
  if (ctx_.opt.want_listing && !in_pool_ && si_ < static_cast<int>(list_.size())) {
    auto& lb = list_[si_].bytes;
    lb.insert(lb.end(), b.begin(), b.end());
  }
}

bool Assembler::dc_values(const DcOperand& op, int sect, int64_t at, std::vector<u8>& out) {
  // '*' in an address constant is the address of that constant, each copy
  // of a duplicated one included: DC 256AL1(*-T) is the identity table.
  // In a literal it stays the address of the instruction.
  bool star = !in_pool_ && (op.type == 'A' || op.type == 'Y' || op.type == 'S') &&
              std::any_of(op.values.begin(), op.values.end(),
                          [](const std::string& v) { return v.find('*') != std::string::npos; });
  if (!star) return dc_values1(op, sect, at, out, false);
  DcOperand one = op;
  one.dup = 1;
  int64_t each = 0;
  for (int64_t l : op.lens) each += l;
  out.clear();
  for (int64_t d = 0; d < op.dup; d++) {
    std::vector<u8> b;
    if (!dc_values1(one, sect, at + d * each, b, true)) return false;
    out.insert(out.end(), b.begin(), b.end());
  }
  return true;
}

bool Assembler::dc_values1(const DcOperand& op, int sect, int64_t at, std::vector<u8>& out, bool star) {
  out.clear();
  std::vector<std::vector<u8>> one(op.values.size());
  int64_t off = 0;
  std::vector<Rld> rl;
  for (size_t i = 0; i < op.values.size(); i++) {
    const int64_t len = op.lens[i];
    if (star) star_loc_ = at + off;
    if (op.type == 'A' || op.type == 'Y' || op.type == 'V' || op.type == 'S') {
      Value v;
      int64_t dummy;
      if (op.type == 'V') {
        std::string n = op.values[i];
        if (!is_symbol(n)) {
          err("V-type constant needs a symbol: '" + n + "'");
          return false;
        }
        auto it = syms_.find(n);
        if (it != syms_.end() && it->second.defined &&
            (it->second.type == 'J' || it->second.entry || it->second.type == 'T')) {
          symbol(n, v, dummy);
        } else {
          int id = -1;
          for (size_t k = 0; k < sects_.size(); k++)
            if (sects_[k].kind == SectKind::Extern && sects_[k].name == n) id = static_cast<int>(k);
          if (id < 0) {
            // An external symbol first met in pass 2: the next ESD id.
            id = new_section(n, SectKind::Extern);
            int top = 0;
            for (const Section& q : sects_) top = std::max(top, q.esdid);
            sects_[id].esdid = top + 1;
          }
          v = Value{0, {{id + 1, 1}}};
        }
      } else if (op.type == 'S' && op.values[i].back() == ')' && op.values[i].find('(') != std::string::npos) {
        v = Value{};  // explicit D(B), evaluated below
      } else if (!eval(op.values[i], v, &dummy)) {
        return false;
      }
      std::vector<u8> b(static_cast<size_t>(len), 0);
      if (op.type == 'S') {
        // Base and displacement of the address, as an instruction would have.
        int base = 0, disp = 0;
        std::string why;
        const std::string& t = op.values[i];
        size_t lp = t.find('(');
        if (lp != std::string::npos && t.back() == ')') {
          Value d;
          int64_t breg;
          if (!eval(t.substr(0, lp), d) || !eval_abs(t.substr(lp + 1, t.size() - lp - 2), breg, 0, 15, "base register"))
            return false;
          if (!d.absolute() || d.v < 0 || d.v > 4095) {
            err("displacement out of range in S-type constant");
            return false;
          }
          base = static_cast<int>(breg);
          disp = static_cast<int>(d.v);
        } else if (!resolve(v, base, disp, why)) {
          err(why);
          return false;
        }
        b[0] = static_cast<u8>(base << 4 | disp >> 8);
        b[1] = static_cast<u8>(disp);
      } else {
        int64_t x = v.v;
        for (auto& [rel, k] : v.rel) {
          const Section& rs = sects_[rel - 1];
          if (rs.kind == SectKind::Dsect) {
            err("address constant relocatable in DSECT " + rs.name);
            return false;
          }
          x += k * rs.origin;
          // HLASM Language Reference, "Address constants—A and Y": a
          // relocatable or complex relocatable value needs a field of 2, 3
          // or 4 bytes (A), 2 (Y), 3 or 4 (V); the loader relocates no
          // 1-byte field, so AL1(LABEL) stays an error.
          if (len < (op.type == 'V' ? 3 : 2)) {
            err("relocatable value in a " + std::string(1, op.type) + "-type constant of length " +
                std::to_string(len));
            return false;
          }
          for (int n = 0; n < std::abs(k); n++)
            rl.push_back(Rld{rel - 1, sect, at + off, static_cast<int>(len), k < 0, op.type == 'V'});
        }
        // A 2-byte field holds the address truncated to 16 bits: HLASM
        // assembles it as written with ASMA066W (severity 4, "2-byte
        // relocatable address constant"), which asm370 reports as a warning.
        if (!v.absolute() && len == 2) warn("2-byte relocatable address constant");
        if (v.absolute() && len < 8) {
          // An absolute value must fit the field (signed or unsigned).
          int64_t lim = int64_t{1} << (8 * len);
          if (x >= lim || x < -(lim / 2)) {
            err("value " + std::to_string(x) + " too large for a " + std::string(1, op.type) + "-type constant of length " +
                std::to_string(len));
            return false;
          }
        }
        for (int64_t j = 0; j < len; j++) b[len - 1 - j] = static_cast<u8>(static_cast<uint64_t>(x) >> (8 * j));
      }
      one[i] = std::move(b);
    } else {
      std::string e;
      if (!dc_bytes(op, i, one[i], e)) {
        err(e);
        return false;
      }
    }
    off += len;
  }
  // Relocations repeat with the duplication factor.
  int64_t each = off;
  for (int64_t d = 0; d < op.dup; d++) {
    for (auto& b : one) out.insert(out.end(), b.begin(), b.end());
    for (const Rld& r : rl) {
      Rld c = r;
      c.addr += d * each;
      if (sects_[sect].kind != SectKind::Dsect) rlds_.push_back(c);
    }
  }
  return true;
}

// Pass 2 of DC/DS: the same walk as pass 1, now with every symbol known.
void Assembler::dc_pass2(Stmt& s, bool ds) {
  std::string_view ops = s.operands;
  size_t p = 0;
  int64_t at = s.loc;
  // Alignment inside the statement follows pass 1 exactly.
  bool first = true;
  while (p <= ops.size()) {
    DcOperand op;
    std::string e;
    bool undef = false;
    if (!parse_dc_operand(ops, p, !ds, *this, op, e, undef)) return;  // reported in pass 1
    if (!first) at = (at + op.align - 1) / op.align * op.align;
    first = false;
    if (op.total() > 0x1000000 || at + op.total() > 0x1000000) return;  // reported in pass 1
    if (!ds) {
      star_loc_ = at;
      std::vector<u8> b;
      if (!dc_values(op, s.sect, at, b)) return;
      emit(s.sect, at, b);
    }
    at += op.total();
    if (p >= ops.size() || ops[p] != ',') break;
    p++;
  }
}

// Implicit address -> base register and displacement.
bool Assembler::resolve(const Value& v, int& base, int& disp, std::string& why, int depth) {
  // HLASM's rule: of the USINGs whose range holds the address, take the one
  // giving the smallest displacement; on a tie the highest register.
  if (depth > 8) {
    why = "dependent USINGs nest too deeply";
    return false;
  }
  if (!v.absolute() && !v.simple()) {
    why = "complex relocatable expression is not an address";
    return false;
  }
  int rel = v.reloc();
  int best_reg = -1;
  int64_t best = 1 << 30;
  bool any = false;
  int64_t beyond = 0;
  for (const Using& u : usings_) {
    if (u.rel != rel) continue;
    int64_t d = v.v - u.base;
    any = true;
    if (d < 0 || d > 4095) {
      if (d > 4095 && (beyond == 0 || d - 4095 < beyond)) beyond = d - 4095;
      continue;
    }
    int reg = u.reg;
    int64_t dd = d;
    if (u.dependent) {
      Value t{u.tval + d, {}};
      if (u.trel) t.rel.push_back({u.trel, 1});
      int b2, d2;
      std::string w2;
      if (!resolve(t, b2, d2, w2, depth + 1)) continue;
      reg = b2;
      dd = d2;
    }
    if (dd < best || (dd == best && reg > best_reg)) {
      best = dd;
      best_reg = reg;
    }
  }
  if (rel == 0 && v.v >= 0 && v.v <= 4095 && (v.v < best || (v.v == best && best_reg < 0))) {
    // Absolute addresses 0-4095 need no USING: base register 0.
    best = v.v;
    best_reg = 0;
  }
  if (best_reg >= 0) {
    base = best_reg;
    disp = static_cast<int>(best);
    return true;
  }
  if (rel == 0) why = "displacement " + std::to_string(v.v) + " out of range and no USING covers it";
  else if (any && beyond > 0)
    why = "address beyond the active USING range by " + std::to_string(beyond) + " bytes";
  else
    why = "no active USING for the address in section " +
          (sects_[rel - 1].name.empty() ? std::string("(private)") : sects_[rel - 1].name);
  return false;
}

// An address operand: D(X,B) / D(L,B) / D(B) / implicit with (X) or (L).
bool Assembler::address(const std::string& text, char kind, int& d, int& b, int& xl, bool& has_xl,
                        int64_t& implicit_len, bool lit, int64_t& effective) {
  const bool allow_len = kind == 'L';
  size_t p = 0;
  ExprResult r = eval_expr(text, p, *this, lit);
  if (!r.ok) {
    err(r.error);
    return false;
  }
  implicit_len = r.length;
  Value v = r.value;
  has_xl = false;
  xl = 0;
  bool has_b = false;
  int64_t breg = 0;
  if (p < text.size() && text[p] == '(') {
    size_t close = text.find(')', p);
    if (close == std::string::npos || close + 1 != text.size()) {
      err("bad address operand '" + text + "'");
      return false;
    }
    std::string inner = text.substr(p + 1, close - p - 1);
    size_t comma = inner.find(',');
    std::string first = inner.substr(0, comma);
    if (kind == 'B') {
      // D(B): the one register is the base.
      if (comma != std::string::npos) {
        err("an index register is not allowed in '" + text + "'");
        return false;
      }
      if (!eval_abs(first, breg, 0, 15, "base register")) return false;
      has_b = true;
    } else if (!first.empty()) {
      int64_t x;
      if (!eval_abs(first, x, 0, allow_len ? 256 : 15, allow_len ? "length" : "register")) return false;
      xl = static_cast<int>(x);
      has_xl = true;
    }
    if (kind != 'B' && comma != std::string::npos) {
      std::string second = inner.substr(comma + 1);
      if (second.empty()) {
        err("missing base register in '" + text + "'");
        return false;
      }
      if (!eval_abs(second, breg, 0, 15, "base register")) return false;
      has_b = true;
    }
  } else if (p != text.size()) {
    err("unexpected text '" + text.substr(p) + "' in address operand");
    return false;
  }
  if (has_b) {
    if (!v.absolute()) {
      err("displacement must be absolute with an explicit base register: '" + text + "'");
      return false;
    }
    if (v.v < 0 || v.v > 4095) {
      err("displacement " + std::to_string(v.v) + " out of range 0 to 4095");
      return false;
    }
    d = static_cast<int>(v.v);
    b = static_cast<int>(breg);
    effective = -1;
    return true;
  }
  std::string why;
  if (!resolve(v, b, d, why)) {
    err(why);
    return false;
  }
  effective = v.v;
  if (v.rel.size() == 1) effective += sects_[v.rel[0].first - 1].origin;
  return true;
}

// One machine instruction from its opcode-table row: the opcode bytes by
// the row's kind, the operands by its format (Principles of Operation,
// chapter 5, "Instruction formats"). An extended mnemonic passes its mask
// as the first operand of BC/BCR.
void Assembler::instruction(Stmt& s, const OpInfo& info, int mask) {
  std::vector<std::string> ops = split_operands(s.operands);
  u8 b[6] = {};
  int len = insn_length(static_cast<u8>(info.kind == OpKind::Byte ? info.opcode : info.opcode >> 8));
  switch (info.kind) {
    case OpKind::Byte: b[0] = static_cast<u8>(info.opcode); break;
    case OpKind::Byte2:
      b[0] = static_cast<u8>(info.opcode >> 8);
      b[1] = static_cast<u8>(info.opcode);
      break;
    case OpKind::Bit15:
      b[0] = static_cast<u8>(info.opcode >> 8);
      b[1] = static_cast<u8>(info.opcode & 1);
      break;
  }
  if (mask >= 0) ops.insert(ops.begin(), std::to_string(mask));
  if (info.format == Format::S0) ops.clear();  // no operands: the rest is remarks
  size_t want = 0;
  switch (info.format) {
    case Format::RR: case Format::RR_M: case Format::RRE: want = 2; break;
    case Format::RR_R: case Format::RR_I: case Format::S: want = 1; break;
    case Format::RX: case Format::RX_M: case Format::RS_R: case Format::SI: case Format::SS_L: case Format::SS_LL:
    case Format::SSE:
      want = 2;
      break;
    case Format::RS: case Format::RS_M: case Format::SS_R: case Format::SS_I: want = 3; break;
    case Format::S0: want = 0; break;
  }
  if (ops.size() != want) {
    if (mask >= 0) err(s.op + " needs " + std::to_string(want - 1) + " operand" + (want - 1 == 1 ? "" : "s"));
    else err(s.op + " needs " + std::to_string(want) + " operand" + (want == 1 ? "" : "s"));
    return;
  }
  for (auto& o : ops)
    if (o.empty()) {
      err("empty operand");
      return;
    }
  auto reg = [&](const std::string& t, int64_t& r, int64_t hi = 15, const char* what = "register") {
    return eval_abs(t, r, 0, hi, what);
  };
  auto bd = [&](u8* p, int base, int disp) {
    p[0] = static_cast<u8>(base << 4 | disp >> 8);
    p[1] = static_cast<u8>(disp);
  };
  ListInfo* li = ctx_.opt.want_listing ? &list_[si_] : nullptr;
  int d, base, xl;
  bool has;
  int64_t ilen, eff;
  int64_t r1, r2, r3;
  switch (info.format) {
    case Format::RR:
    case Format::RR_M:
      if (!reg(ops[0], r1) || !reg(ops[1], r2)) return;
      b[1] = static_cast<u8>(r1 << 4 | r2);
      break;
    case Format::RRE:
      if (!reg(ops[0], r1) || !reg(ops[1], r2)) return;
      b[3] = static_cast<u8>(r1 << 4 | r2);
      break;
    case Format::RR_R:
      if (!reg(ops[0], r1)) return;
      b[1] = static_cast<u8>(r1 << 4);
      break;
    case Format::RR_I:
      if (!reg(ops[0], r1, 255, "immediate operand")) return;
      b[1] = static_cast<u8>(r1);
      break;
    case Format::RX:
    case Format::RX_M:
      if (!reg(ops[0], r1)) return;
      if (!address(ops[1], 'X', d, base, xl, has, ilen, true, eff)) return;
      b[1] = static_cast<u8>(r1 << 4 | xl);
      bd(b + 2, base, d);
      if (li) li->addr2 = eff;
      break;
    case Format::RS:
    case Format::RS_M:
      if (!reg(ops[0], r1) || !reg(ops[1], r3)) return;
      if (!address(ops[2], 'B', d, base, xl, has, ilen, true, eff)) return;
      if (has) {
        err("an index register is not allowed in '" + ops[2] + "'");
        return;
      }
      b[1] = static_cast<u8>(r1 << 4 | r3);
      bd(b + 2, base, d);
      if (li) li->addr2 = eff;
      break;
    case Format::RS_R:
      if (!reg(ops[0], r1)) return;
      if (!address(ops[1], 'B', d, base, xl, has, ilen, false, eff)) return;
      if (has) {
        err("an index register is not allowed in '" + ops[1] + "'");
        return;
      }
      b[1] = static_cast<u8>(r1 << 4);
      bd(b + 2, base, d);
      if (li) li->addr2 = eff;
      break;
    case Format::SI: {
      if (!address(ops[0], 'B', d, base, xl, has, ilen, false, eff)) return;
      if (has) {
        err("an index register is not allowed in '" + ops[0] + "'");
        return;
      }
      if (!reg(ops[1], r2, 255, "immediate operand")) return;
      b[1] = static_cast<u8>(r2);
      bd(b + 2, base, d);
      if (li) li->addr1 = eff;
      break;
    }
    case Format::S:
      if (!address(ops[0], 'B', d, base, xl, has, ilen, true, eff)) return;
      if (has) {
        err("an index register is not allowed in '" + ops[0] + "'");
        return;
      }
      bd(b + 2, base, d);
      if (li) li->addr2 = eff;
      break;
    case Format::S0:
      break;
    case Format::SSE:  // D1(B1),D2(B2): two S-type addresses (TPROT)
      for (int k = 0; k < 2; k++) {
        if (!address(ops[k], 'B', d, base, xl, has, ilen, true, eff)) return;
        if (has) {
          err("a length or index is not allowed in '" + ops[k] + "'");
          return;
        }
        bd(b + 2 + 2 * k, base, d);
        if (li) (k ? li->addr2 : li->addr1) = eff;
      }
      break;
    case Format::SS_L: {
      if (!address(ops[0], 'L', d, base, xl, has, ilen, false, eff)) return;
      int64_t l = has ? xl : ilen;
      if (l > 256 || l < 0) {
        err("length " + std::to_string(l) + " out of range 1 to 256");
        return;
      }
      b[1] = static_cast<u8>(l ? l - 1 : 0);
      bd(b + 2, base, d);
      if (li) li->addr1 = eff;
      int xl2;
      if (!address(ops[1], 'B', d, base, xl2, has, ilen, true, eff)) return;
      if (has) {
        err("a length or index is not allowed in '" + ops[1] + "'");
        return;
      }
      bd(b + 4, base, d);
      if (li) li->addr2 = eff;
      break;
    }
    case Format::SS_LL: {
      int64_t l[2];
      for (int k = 0; k < 2; k++) {
        if (!address(ops[k], 'L', d, base, xl, has, ilen, k == 1, eff)) return;
        l[k] = has ? xl : ilen;
        if (l[k] > 16 || l[k] < 0) {
          err("length " + std::to_string(l[k]) + " out of range 1 to 16");
          return;
        }
        bd(b + 2 + 2 * k, base, d);
        if (li) (k ? li->addr2 : li->addr1) = eff;
      }
      b[1] = static_cast<u8>((l[0] ? l[0] - 1 : 0) << 4 | (l[1] ? l[1] - 1 : 0));
      break;
    }
    case Format::SS_R: {
      // D1(R1,B1),D2(B2),R3: the "length" position holds R1.
      if (!address(ops[0], 'L', d, base, xl, has, ilen, false, eff)) return;
      if (!has || xl > 15) {
        err("first operand must be D1(R1,B1) with R1 0 to 15");
        return;
      }
      bd(b + 2, base, d);
      if (li) li->addr1 = eff;
      int rr = xl;
      if (!address(ops[1], 'B', d, base, xl, has, ilen, true, eff)) return;
      if (has) {
        err("an index register is not allowed in '" + ops[1] + "'");
        return;
      }
      bd(b + 4, base, d);
      if (li) li->addr2 = eff;
      if (!reg(ops[2], r3)) return;
      b[1] = static_cast<u8>(rr << 4 | r3);
      break;
    }
    case Format::SS_I: {
      if (!address(ops[0], 'L', d, base, xl, has, ilen, false, eff)) return;
      int64_t l = has ? xl : ilen;
      if (l > 16 || l < 0) {
        err("length " + std::to_string(l) + " out of range 1 to 16");
        return;
      }
      bd(b + 2, base, d);
      if (li) li->addr1 = eff;
      if (!address(ops[1], 'B', d, base, xl, has, ilen, false, eff)) return;
      if (has) {
        err("an index register is not allowed in '" + ops[1] + "'");
        return;
      }
      bd(b + 4, base, d);
      if (!reg(ops[2], r3, 15, "rounding digit")) return;
      b[1] = static_cast<u8>((l ? l - 1 : 0) << 4 | r3);
      break;
    }
  }
  emit(s.sect, s.loc, std::vector<u8>(b, b + len));
}

// USING base,r1[,r2...] or USING dsect,address (dependent).
void Assembler::using_stmt(Stmt& s) {
  auto ops = split_operands(s.operands);
  if (ops.size() < 2) {
    err("USING needs a base address and at least one register");
    return;
  }
  if (!ops[0].empty() && ops[0][0] == '(') {
    err("USING with a range end is not supported");
    return;
  }
  Value base;
  if (!eval(ops[0], base)) return;
  if (!base.absolute() && !base.simple()) {
    err("USING base must be absolute or simply relocatable");
    return;
  }
  if (ctx_.opt.want_listing) list_[si_].value = base.v;
  // A relocatable second operand makes a dependent USING.
  Value second;
  if (ops.size() == 2) {
    if (!eval(ops[1], second)) return;
    if (!second.absolute()) {
      if (!second.simple()) {
        err("bad dependent USING operand");
        return;
      }
      usings_.erase(std::remove_if(usings_.begin(), usings_.end(),
                                   [&](const Using& u) { return u.dependent && u.rel == base.reloc(); }),
                    usings_.end());
      Using u;
      u.rel = base.reloc();
      u.base = base.v;
      u.dependent = true;
      u.trel = second.reloc();
      u.tval = second.v;
      u.stmt = si_;
      usings_.push_back(u);
      return;
    }
  }
  for (size_t i = 1; i < ops.size(); i++) {
    int64_t r;
    if (!eval_abs(ops[i], r, 0, 15, "USING register")) return;
    if (r == 0 && !base.absolute() && sects_[base.reloc() - 1].kind != SectKind::Dsect) {
      // USING PSA,0 maps a DSECT onto low storage; a control section
      // cannot be based on register 0.
      err("register 0 can only be a base for an absolute address or a DSECT");
      return;
    }
    Using u;
    u.reg = static_cast<int>(r);
    u.rel = base.reloc();
    u.base = base.v + 4096 * static_cast<int64_t>(i - 1);
    u.stmt = si_;
    // A USING of a register already in use replaces that USING.
    usings_.erase(std::remove_if(usings_.begin(), usings_.end(),
                                 [&](const Using& x) { return !x.dependent && x.reg == u.reg; }),
                  usings_.end());
    for (const Using& x : usings_) {
      if (x.dependent || x.rel != u.rel) continue;
      if (x.base < u.base + 4096 && u.base < x.base + 4096)
        warn("USING for register " + std::to_string(u.reg) + " overlaps the USING for register " +
             std::to_string(x.reg) + " (line " + std::to_string(st_[x.stmt].line) + ")");
    }
    usings_.push_back(u);
  }
}

void Assembler::ccw(Stmt& s) {
  auto ops = split_operands(s.operands);
  if (ops.size() != 4 || std::any_of(ops.begin(), ops.end(), [](const std::string& o) { return o.empty(); })) {
    err(s.op + " needs four operands: command code, data address, flags, count");
    return;
  }
  // Format 0: command, 24-bit address, flags, zero, count. Format 1
  // (CCW1): command, flags, count, 31-bit address.
  bool f1 = s.op == "CCW1";
  struct Field {
    std::string expr;
    int len;
  };
  std::vector<Field> fields = f1 ? std::vector<Field>{{ops[0], 1}, {ops[2], 1}, {ops[3], 2}, {ops[1], 4}}
                                 : std::vector<Field>{{ops[0], 1}, {ops[1], 3}, {ops[2], 1}, {"0", 1}, {ops[3], 2}};
  std::vector<u8> bytes;
  int64_t at = s.loc;
  for (const Field& f : fields) {
    DcOperand d;
    d.type = 'A';
    d.length = f.len;
    d.explicit_length = true;
    d.values = {f.expr};
    d.lens = {f.len};
    d.has_nominal = true;
    Value v;
    if (f.len < 3 && eval(f.expr, v)) {
      if (!v.absolute()) {
        err("CCW command code, flags and count must be absolute");
        return;
      }
      if (v.v < 0 || v.v >= (int64_t{1} << (8 * f.len))) {
        err("CCW field value " + std::to_string(v.v) + " out of range");
        return;
      }
    } else if (f.len < 3) {
      return;
    }
    std::vector<u8> b;
    if (!dc_values(d, s.sect, at, b)) return;
    bytes.insert(bytes.end(), b.begin(), b.end());
    at += f.len;
  }
  emit(s.sect, s.loc, bytes);
}

// DROP registers (or a dependent USING's base); DROP alone drops all.
void Assembler::drop_stmt(Stmt& s) {
  auto ops = split_operands(s.operands);
  if (ops.empty()) {
    usings_.clear();
    return;
  }
  for (auto& o : ops) {
    Value v;
    if (!eval(o, v)) continue;
    if (!v.absolute()) {
      // DROP of a dependent USING's base.
      size_t n = usings_.size();
      usings_.erase(std::remove_if(usings_.begin(), usings_.end(),
                                   [&](const Using& u) { return u.dependent && u.rel == v.reloc() && u.base == v.v; }),
                    usings_.end());
      if (n == usings_.size()) warn("DROP of a USING that is not active");
      continue;
    }
    if (v.v < 0 || v.v > 15) {
      err("DROP register out of range");
      continue;
    }
    size_t n = usings_.size();
    usings_.erase(std::remove_if(usings_.begin(), usings_.end(),
                                 [&](const Using& u) { return !u.dependent && u.reg == v.v; }),
                  usings_.end());
    if (n == usings_.size()) warn("register " + std::to_string(v.v) + " was not in a USING");
  }
}

// Pass 2 of one statement, at the location pass 1 gave it.
void Assembler::pass2(Stmt& s) {
  if (s.comment) return;
  const std::string& op = s.op;
  cur_ = s.sect;
  star_loc_ = s.loc;
  star_len_ = s.len > 0 ? s.len : 1;
  if (op == "DC" || op == "DS") {
    if (cur_ >= 0) dc_pass2(s, op == "DS");
    return;
  }
  if (op == "USING") return using_stmt(s);
  if (op == "CCW" || op == "CCW0" || op == "CCW1") return ccw(s);
  if (op == "PUSH" || op == "POP") {
    // PUSH USING / POP USING save and restore the USING state; PRINT is
    // accepted and left to the listing's PRINT handling.
    for (const std::string& o : split_operands(s.operands)) {
      if (o == "USING") {
        if (op == "PUSH") using_stack_.push_back(usings_);
        else if (using_stack_.empty()) err("POP USING without PUSH USING");
        else {
          usings_ = using_stack_.back();
          using_stack_.pop_back();
        }
      } else if (o != "PRINT" && o != "NOPRINT" && o != "ACONTROL") {
        err("unsupported " + op + " operand " + o);
      }
    }
    return;
  }
  if (op == "DROP") return drop_stmt(s);
  if (op == "EQU") {
    auto it = syms_.find(s.label);
    if (!s.label.empty() && (it == syms_.end() || !it->second.defined)) {
      // Still undefined: report the reason.
      auto ops = split_operands(s.operands);
      Value v;
      if (!ops.empty() && eval(ops[0], v)) err("EQU operand could not be resolved");
    } else if (ctx_.opt.want_listing && it != syms_.end()) {
      list_[si_].value = it->second.val + (it->second.rel ? sects_[it->second.rel - 1].origin : 0);
    }
    return;
  }
  if (op == "CNOP") {
    // HLASM fills with as few no-operations as it can: one NOPR
    // (BCR 0,0, X'0700') when an odd number of halfwords is skipped, then
    // 4-byte NOPs (BC 0,X'700', X'47000700'): 2 bytes 0700, 4 bytes
    // 47000700, 6 bytes 0700 47000700.
    std::vector<u8> fill;
    if (s.len % 4) fill = {0x07, 0x00};
    while (static_cast<int64_t>(fill.size()) < s.len) fill.insert(fill.end(), {0x47, 0x00, 0x07, 0x00});
    if (!fill.empty()) emit(s.sect, s.loc, fill);
    return;
  }
  if (op == "LTORG" || op == "END") {
    if (op == "END") {
      end_operand_ = s.operands;
      entry_stmt_ = si_;
    }
    return;
  }
  if (op == "ENTRY") {
    for (const std::string& n : split_operands(s.operands)) {
      auto it = syms_.find(n);
      if (it == syms_.end() || !it->second.defined) {
        err("undefined ENTRY symbol " + n);
        continue;
      }
      if (it->second.rel == 0 || sects_[it->second.rel - 1].kind == SectKind::Dsect ||
          sects_[it->second.rel - 1].kind == SectKind::Extern) {
        err("ENTRY symbol " + n + " must be an address in a control section");
        continue;
      }
      it->second.entry = true;
    }
    return;
  }
  if (op == "START" || op == "CSECT" || op == "DSECT" || op == "ORG" || op == "PRINT" || op == "TITLE" ||
      op == "EJECT" || op == "SPACE" || op == "EXTRN" || op == "WXTRN" || op == "AMODE" || op == "RMODE" ||
      op == "PUSH" || op == "POP")
    return;
  const OpInfo* info = lookup(op);
  int mask = -1;
  if (!info) {
    if (const ExtMnemonic* e = find_extended(op)) {
      info = lookup(e->base);
      mask = e->mask;
    }
  }
  if (!info) return;  // reported in pass 1
  instruction(s, *info, mask);
}

void Assembler::emit_pools(int stmt) {
  const int at = si_;
  in_pool_ = true;
  for (const Pool& pl : pools_) {
    if (pl.stmt != stmt) continue;
    for (int li : pl.lits) {
      const Literal& l = lits_[li];
      // Errors in a literal belong to the statement that first wrote it;
      // '*' in it is that statement's location.
      si_ = l.first_stmt;
      star_loc_ = l.star_loc;
      cur_ = l.star_sect;
      std::vector<u8> b;
      if (dc_values(l.op, pl.sect, l.loc, b)) emit(pl.sect, l.loc, b);
    }
  }
  in_pool_ = false;
  si_ = at;
}

void Assembler::layout() {
  // Control sections one after another, each on a doubleword, from the
  // START origin; DSECTs and external symbols keep origin 0.
  int64_t at = start_origin_;
  int esd = 1;
  for (Section& x : sects_) {
    if (x.kind == SectKind::Csect || x.kind == SectKind::Private) {
      x.origin = at;
      at = (at + x.max + 7) / 8 * 8;
    }
  }
  for (Section& x : sects_)
    if (x.kind != SectKind::Dsect) x.esdid = esd++;
}

// Pass 1, the END pool, the EQU retries, the layout, then pass 2.
Result Assembler::run() {
  // Pass 1.
  pass_ = 1;
  int last = static_cast<int>(st_.size());
  for (si_ = 0; si_ < static_cast<int>(st_.size()); si_++) {
    if (ended_) {
      last = si_;
      break;
    }
    pass1(S());
  }
  if (!ended_) {
    ctx_.order = static_cast<int>(st_.size());
    int f = st_.empty() ? 0 : st_.back().file, l = st_.empty() ? 1 : st_.back().line;
    ctx_.warning(f, l, "missing END statement");  // HLASM: a warning (ASMA140W)
  }
  // Literals not yet in a pool go to the end of the first control section.
  si_ = std::max(0, last - 1);
  bool pending = std::any_of(lits_.begin(), lits_.end(), [](const Literal& l) { return !l.placed; });
  if (pending) {
    int first = -1;
    for (size_t i = 0; i < sects_.size(); i++)
      if (sects_[i].kind == SectKind::Csect || sects_[i].kind == SectKind::Private) {
        first = static_cast<int>(i);
        break;
      }
    int save = cur_;
    if (first < 0) first = new_section("", SectKind::Private);
    cur_ = first;
    set_loc(cur().max);
    place_pool(-1);
    cur_ = save;
  }
  // EQUs with forward references: retry until nothing changes.
  for (int round = 0; round < 50; round++) {
    bool changed = false;
    for (si_ = 0; si_ < last; si_++) {
      Stmt& s = S();
      if (s.op != "EQU" || s.label.empty()) continue;
      auto it = syms_.find(s.label);
      if (it != syms_.end() && it->second.defined) continue;
      auto ops = split_operands(s.operands);
      if (ops.empty()) continue;
      cur_ = s.sect;
      star_loc_ = s.loc;
      size_t p = 0;
      ExprResult r = eval_expr(ops[0], p, *this);
      if (!r.ok || p != ops[0].size()) continue;
      if (!r.value.absolute() && !r.value.simple()) continue;
      int64_t len = r.length;
      if (ops.size() > 1 && !ops[1].empty()) {
        size_t q = 0;
        ExprResult l2 = eval_expr(ops[1], q, *this);
        if (l2.ok && l2.value.absolute()) len = l2.value.v;
      }
      define(s.label, r.value.v, r.value.reloc(), len, 'U');
      changed = true;
    }
    if (!changed) break;
  }
  layout();
  // Pass 2.
  pass_ = 2;
  if (ctx_.opt.want_listing) list_.assign(st_.size(), ListInfo{});
  for (si_ = 0; si_ < last; si_++) {
    pass2(S());
    if (S().op == "LTORG") emit_pools(si_);
  }
  si_ = std::max(0, last - 1);
  emit_pools(-1);
  return finish();
}

// The image: every control section at its origin; bytes never assembled
// (DS, alignment, ORG gaps) stay zero.
Result Assembler::finish() {
  Result r;
  // Entry point (END operand).
  if (entry_stmt_ >= 0 && !end_operand_.empty()) {
    si_ = entry_stmt_;
    Value v;
    if (eval(split_operands(end_operand_)[0], v) && !v.simple()) err("END operand must be a relocatable address");
  }
  // Undefined symbols in pass 2 were reported where used. Build the image.
  int64_t lo = -1, hi = -1;
  for (const Section& x : sects_) {
    if (x.kind != SectKind::Csect && x.kind != SectKind::Private) continue;
    if (lo < 0 || x.origin < lo) lo = x.origin;
    hi = std::max(hi, x.origin + x.max);
  }
  if (lo < 0) lo = hi = start_origin_;
  lo = start_origin_;
  if (hi > 0x1000000) {
    ctx_.order = static_cast<int>(st_.size());
    ctx_.error(st_.empty() ? 0 : st_.back().file, st_.empty() ? 1 : st_.back().line,
               "program extends beyond 16 MB (X'" + hex(static_cast<uint64_t>(hi), 6) + "')");
    hi = lo;
  }
  r.origin = static_cast<u32>(lo);
  r.image.assign(static_cast<size_t>(std::max<int64_t>(hi - lo, 0)), 0);
  for (const Section& x : sects_) {
    if (x.kind != SectKind::Csect && x.kind != SectKind::Private) continue;
    for (size_t i = 0; i < x.data.size() && static_cast<int64_t>(i) < x.max; i++)
      if (x.set[i]) r.image[x.origin - lo + i] = x.data[i];
  }
  if (ctx_.opt.want_deck) r.deck = deck();
  if (ctx_.opt.want_listing) r.listing = listing(r);
  return r;
}

// ------------------------------------------------------------------ listing

template <class F>
void Assembler::list_pools(int stmt, F& line) {
  for (const Pool& pl : pools_) {
    if (pl.stmt != stmt) continue;
    const Section& sx = sects_[pl.sect];
    for (int li : pl.lits) {
      const Literal& l = lits_[li];
      std::string t;
      for (int64_t k = 0; k < l.total && k < 8; k++) {
        size_t at = static_cast<size_t>(l.loc + k);
        t += hex(at < sx.data.size() ? sx.data[at] : 0, 2);
        if (k == 3) t += ' ';
      }
      t.resize(17, ' ');
      line(hex(static_cast<uint64_t>(l.loc + sx.origin) & 0xFFFFFF, 6) + " " + t + "                      " + l.text);
    }
  }
}

std::string Assembler::listing(const Result& r) {
  std::string out;
  auto line = [&](const std::string& s) {
    out += s;
    out += '\n';
  };
  std::string title;
  for (const Stmt& s : st_)
    if (s.op == "TITLE") {
      title = s.operands;
      break;
    }
  line("asm370  " + (ctx_.files.empty() ? std::string() : ctx_.files[0].name) + "  " + title);
  line("");
  line("  LOC  OBJECT CODE       ADDR1  ADDR2   STMT  SOURCE STATEMENT");
  int n = 0;
  // Messages under the statement they belong to.
  std::multimap<int, const Diag*> notes;
  for (const auto& [k, d] : ctx_.diags) notes.emplace(k, &d);
  auto print_notes = [&](int k) {
    auto [a, b] = notes.equal_range(k);
    for (auto it = a; it != b; ++it)
      line(std::string(it->second->warning ? "** WARNING: " : "** ERROR: ") + it->second->msg);
  };
  for (size_t i = 0; i < st_.size(); i++) {
    const Stmt& s = st_[i];
    n++;
    if (!s.list) {
      print_notes(static_cast<int>(i));
      continue;
    }
    std::string locs(6, ' '), obj, a1(6, ' '), a2(6, ' ');
    const ListInfo* li = i < list_.size() ? &list_[i] : nullptr;
    bool show_loc = s.sect >= 0 && !s.comment && s.op != "EQU" && s.op != "USING" && s.op != "DROP" &&
                    s.op != "PRINT" && s.op != "TITLE" && s.op != "SPACE" && s.op != "EJECT" && s.op != "END";
    if (show_loc) locs = hex(static_cast<uint64_t>(s.loc + sects_[s.sect].origin) & 0xFFFFFF, 6);
    std::vector<u8> bytes = li ? li->bytes : std::vector<u8>{};
    if (li && li->value >= 0 && (s.op == "EQU" || s.op == "USING")) a2 = hex(static_cast<uint64_t>(li->value) & 0xFFFFFF, 6);
    if (li && li->addr1 >= 0) a1 = hex(static_cast<uint64_t>(li->addr1) & 0xFFFFFF, 6);
    if (li && li->addr2 >= 0) a2 = hex(static_cast<uint64_t>(li->addr2) & 0xFFFFFF, 6);
    auto objtext = [&](size_t from, size_t max) {
      std::string t;
      for (size_t k = from; k < bytes.size() && k < from + max; k++) {
        if (k > from && (k - from) % 4 == 0 && (k - from) < 8) t += ' ';
        t += hex(bytes[k], 2);
      }
      return t;
    };
    obj = objtext(0, 8);
    obj.resize(17, ' ');
    char num[16];
    std::snprintf(num, sizeof num, "%5d", n);
    std::string src = s.text;
    line(locs + " " + obj + " " + a1 + " " + a2 + " " + num + (s.depth ? "+" : " ") + src);
    for (size_t k = 8; k < bytes.size() && k < 64; k += 8) {
      std::string more = objtext(k, 8);
      more.resize(17, ' ');
      line(hex(static_cast<uint64_t>(s.loc + sects_[s.sect].origin + static_cast<int64_t>(k)) & 0xFFFFFF, 6) + " " +
           more);
    }
    print_notes(static_cast<int>(i));
    // Literal pools after their LTORG, the last one after END.
    if (s.op == "LTORG" || i + 1 == st_.size()) list_pools(s.op == "LTORG" ? static_cast<int>(i) : -1, line);
  }
  for (auto it = notes.lower_bound(static_cast<int>(st_.size())); it != notes.end(); ++it)
    line(std::string(it->second->warning ? "** WARNING: " : "** ERROR: ") + it->second->msg);
  line("");
  line("SYMBOL CROSS-REFERENCE");
  line("SYMBOL                             LENGTH   VALUE     DEFN  REFERENCES");
  std::vector<std::string> names;
  for (auto& [k, y] : syms_)
    if (y.defined) names.push_back(k);
  std::sort(names.begin(), names.end());
  for (const std::string& k : names) {
    const Symbol& y = syms_[k];
    int64_t v = y.val + (y.rel ? sects_[y.rel - 1].origin : 0);
    std::string nm = k;
    if (nm.size() < 32) nm.resize(32, ' ');
    char buf[64];
    std::snprintf(buf, sizeof buf, " %8lld  %08llX  %5d ", static_cast<long long>(y.length),
                  static_cast<unsigned long long>(v) & 0xFFFFFFFFull, st_[y.def_stmt].line);
    std::string refs;
    for (int rr : y.refs) refs += " " + std::to_string(st_[rr].line);
    line(nm + buf + refs);
  }
  line("");
  char tail[96];
  std::snprintf(tail, sizeof tail, "IMAGE ORIGIN %06X  LENGTH %06X  STATEMENTS %zu", r.origin,
                static_cast<unsigned>(r.image.size()), st_.size());
  line(tail);
  return out;
}

// --------------------------------------------------------------------- deck

// ESD ids: sections and externals in order of appearance, from 1.
std::vector<std::array<u8, 80>> Assembler::deck() {
  // 80-column object deck: ESD, TXT, RLD and END cards, as the OS/360
  // loader reads them (X'02' in column 1, the card type in 2-4).
  std::vector<std::array<u8, 80>> cards;
  int seq = 0;
  auto card = [&](const char* type) {
    std::array<u8, 80> c;
    c.fill(0x40);
    c[0] = 0x02;
    for (int i = 0; i < 3; i++) to_ebcdic(type[i], c[1 + i]);
    return c;
  };
  auto finish_card = [&](std::array<u8, 80>& c) {
    char s[16];
    std::snprintf(s, sizeof s, "ASM%05d", ++seq);
    for (int i = 0; i < 8; i++) to_ebcdic(s[i], c[72 + i]);
    cards.push_back(c);
  };
  auto put16 = [](u8* p, int v) {
    p[0] = static_cast<u8>(v >> 8);
    p[1] = static_cast<u8>(v);
  };
  auto put24 = [](u8* p, int64_t v) {
    p[0] = static_cast<u8>(v >> 16);
    p[1] = static_cast<u8>(v >> 8);
    p[2] = static_cast<u8>(v);
  };
  auto name8 = [](u8* p, const std::string& n) {
    for (int i = 0; i < 8; i++) {
      p[i] = 0x40;
      if (i < static_cast<int>(n.size())) to_ebcdic(n[i], p[i]);
    }
  };
  // ESD items: SD (or PC for the private section), LD for ENTRY, ER.
  struct Item {
    std::string name;
    u8 type;
    int64_t addr, len;
    int esdid;  // of the item (SD, PC, ER) or of its SD (LD)
  };
  std::vector<Item> items;
  for (const Section& x : sects_) {
    if (x.kind == SectKind::Csect) items.push_back({x.name, 0x00, x.origin, x.max, x.esdid});
    else if (x.kind == SectKind::Private) items.push_back({"", 0x04, x.origin, x.max, x.esdid});
    else if (x.kind == SectKind::Extern) items.push_back({x.name, 0x02, 0, 0, x.esdid});
  }
  std::vector<Item> lds;
  for (auto& [k, y] : syms_)
    if (y.entry && y.rel) lds.push_back({k, 0x01, y.val + sects_[y.rel - 1].origin, 0, sects_[y.rel - 1].esdid});
  std::sort(lds.begin(), lds.end(), [](const Item& a, const Item& b) { return a.name < b.name; });
  auto esd_cards = [&](std::vector<Item>& v, bool ld) {
    for (size_t i = 0; i < v.size(); i += 3) {
      auto c = card("ESD");
      size_t n = std::min<size_t>(3, v.size() - i);
      put16(&c[10], static_cast<int>(16 * n));
      if (!ld) put16(&c[14], v[i].esdid);
      for (size_t k = 0; k < n; k++) {
        u8* p = &c[16 + 16 * k];
        const Item& it = v[i + k];
        name8(p, it.name);
        p[8] = it.type;
        if (it.type == 0x02) {
          std::fill(p + 9, p + 16, 0x40);
          p[9] = p[10] = p[11] = 0;
        } else {
          put24(p + 9, it.addr);
          if (it.type == 0x01) {
            p[12] = 0x40;
            put24(p + 13, it.esdid);
          } else {
            p[12] = 0x00;
            put24(p + 13, it.len);
          }
        }
      }
      finish_card(c);
    }
  };
  esd_cards(items, false);
  esd_cards(lds, true);
  // TXT: the written bytes of each control section, 56 to a card.
  for (const Section& x : sects_) {
    if (x.kind != SectKind::Csect && x.kind != SectKind::Private) continue;
    size_t i = 0;
    while (i < x.data.size()) {
      if (!x.set[i]) {
        i++;
        continue;
      }
      size_t j = i;
      while (j < x.data.size() && x.set[j] && j - i < 56) j++;
      auto c = card("TXT");
      put24(&c[5], x.origin + static_cast<int64_t>(i));
      put16(&c[10], static_cast<int>(j - i));
      put16(&c[14], x.esdid);
      for (size_t k = i; k < j; k++) c[16 + k - i] = x.data[k];
      finish_card(c);
      i = j;
    }
  }
  // RLD: R pointer, P pointer, flag, address. Flag bits 0-3 the type (0 A,
  // 1 V), 4-5 the field's length - 1 (AL2/Y 01, AL3 10, A 11), 6 the
  // direction (1: subtract).
  std::vector<std::array<u8, 8>> ents;
  for (const Rld& r : rlds_) {
    std::array<u8, 8> e{};
    put16(&e[0], sects_[r.rel_sect].esdid);
    put16(&e[2], sects_[r.pos_sect].esdid);
    e[4] = static_cast<u8>((r.vcon ? 0x10 : 0x00) | ((r.len - 1) & 3) << 2 | (r.neg ? 0x02 : 0));
    put24(&e[5], r.addr + sects_[r.pos_sect].origin);
    ents.push_back(e);
  }
  for (size_t i = 0; i < ents.size(); i += 7) {
    auto c = card("RLD");
    size_t n = std::min<size_t>(7, ents.size() - i);
    put16(&c[10], static_cast<int>(8 * n));
    for (size_t k = 0; k < n; k++)
      for (int m = 0; m < 8; m++) c[16 + 8 * k + m] = ents[i + k][m];
    finish_card(c);
  }
  auto c = card("END");
  if (!end_operand_.empty()) {
    si_ = entry_stmt_;
    size_t p = 0;
    ExprResult er = eval_expr(split_operands(end_operand_)[0], p, *this);
    if (er.ok && er.value.simple()) {
      const Section& x = sects_[er.value.reloc() - 1];
      put24(&c[5], er.value.v + x.origin);
      put16(&c[14], x.esdid);
    }
  }
  finish_card(c);
  return cards;
}

}  // namespace

// Messages are sorted by the statement they belong to, which is line
// order within a file.
Result assemble(Context& ctx, int main_file) {
  std::vector<Stmt> st = generate(ctx, main_file);
  Assembler a(ctx, st);
  Result r = a.run();
  std::stable_sort(ctx.diags.begin(), ctx.diags.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  for (auto& d : ctx.diags) r.diags.push_back(d.second);
  r.ok = ctx.errors == 0;
  return r;
}

Result assemble_file(const std::string& path, const Options& opt) {
  Context ctx;
  ctx.opt = opt;
  int f = ctx.load(path);
  if (f < 0) {
    Result r;
    r.diags.push_back(Diag{path, 0, "cannot read the source file", false});
    return r;
  }
  return assemble(ctx, f);
}

Result assemble_text(const std::string& name, const std::string& text, const Options& opt) {
  Context ctx;
  ctx.opt = opt;
  int f = ctx.add_text(name, text);
  return assemble(ctx, f);
}

}  // namespace s370::as
