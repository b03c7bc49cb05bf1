// Statement generation: COPY, macro definitions and calls, and conditional
// assembly (HLASM Language Reference, part 3 "Macro language" and part 4
// "Conditional assembly language"). Open code and macro bodies run in the
// same engine; what comes out is the list of ordinary statements that the
// two assembly passes read.
#include <algorithm>
#include <functional>
#include <set>

#include "s370/asm/internal.h"

namespace s370::as {

namespace {

constexpr int kMaxDepth = 60;             // nested macro calls
constexpr size_t kMaxStatements = 1000000;  // generated statements
constexpr int kMaxCopyDepth = 16;

// A macro: its prototype (name-field, positional and keyword parameters)
// and the body as written, up to and including MEND.
struct MacroDef {
  std::string name;
  std::string label_param;  // "&NAME" without '&', or empty
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::string>> keywords;  // name, default
  std::vector<RawStmt> body;
  int file = 0, line = 0;
};

// A SET symbol: scalar or array (elements by subscript, sparse).
struct SetVar {
  char type = 'A';  // A, B or C
  bool array = false;
  int64_t a = 0;
  std::string c;
  std::map<int64_t, std::pair<int64_t, std::string>> elems;
};

// A value of a conditional-assembly expression.
struct CV {
  char t = 'A';  // A arithmetic, B binary, C character
  int64_t a = 0;
  std::string c;
  bool quoted = false;  // a character value written as a quoted string
};

// One level of expansion: open code (mac == nullptr) or one macro call.
// Statements generated in a macro report at the open-code call line.
struct Frame {
  const MacroDef* mac = nullptr;
  const std::vector<RawStmt>* body = nullptr;
  std::unordered_map<std::string, std::string> params;
  std::vector<std::string> syslist;
  std::unordered_map<std::string, SetVar> locals;
  std::set<std::string> globals;
  std::unordered_map<std::string, size_t> seq;
  std::string sysndx;
  std::string sysect;  // the section in effect at the call
  int rep_file = -1, rep_line = 0;  // where generated statements report
  int depth = 0;
  int64_t actr = 4096;
  bool stop = false;
};

struct CaError {
  std::string msg;
};

bool is_ca_op(const std::string& op) {
  static const std::set<std::string, std::less<>> k = {"SETA", "SETB", "SETC", "AIF",  "AGO",  "ANOP", "LCLA",
                                                       "LCLB", "LCLC", "GBLA", "GBLB", "GBLC", "MEXIT", "MNOTE",
                                                       "ACTR", "MEND", "AREAD", "SETAF", "SETCF", "AINSERT"};
  return k.count(op) != 0;
}

class Generator {
 public:
  explicit Generator(Context& ctx) : ctx_(ctx) {}
  std::vector<Stmt> run(int main_file);

 private:
  Context& ctx_;
  std::vector<Stmt> out_;
  std::unordered_map<std::string, MacroDef> macros_;
  std::unordered_map<std::string, SetVar> globals_;
  std::unordered_map<std::string, GenSymbol> gensyms_;
  std::set<std::string> library_tried_;
  std::vector<RawStmt> open_;
  std::unordered_map<std::string, const RawStmt*> open_labels_;
  int sysndx_ = 0;
  std::string sysect_;
  bool print_on_ = true, print_gen_ = true;
  int cur_file_ = 0, cur_line_ = 0;  // the statement being processed
  bool aborted_ = false;

  void error(const std::string& m) { ctx_.error(cur_file_, cur_line_, m); }
  std::vector<RawStmt> load_with_copy(int file, int depth);
  void process(Frame& f);
  size_t define_macro(const std::vector<RawStmt>& body, size_t i, Frame& f);
  bool find_macro(const std::string& name, const MacroDef*& m);
  void call(const MacroDef& m, const std::string& label, const std::string& operands, Frame& caller);
  void emit(const RawStmt& r, const std::string& label, const std::string& op, const std::string& operands,
            const Frame& f);
  void record_attributes(const std::string& label, const std::string& op, const std::string& operands);
  bool attributes_of(const std::string& name, GenSymbol& g);
  void build_seq(Frame& f);
  bool jump(Frame& f, const std::string& seq, size_t& i);

  // Variables.
  SetVar* find_set(Frame& f, const std::string& name);
  bool var_value(Frame& f, const std::string& name, const std::vector<int64_t>& subs, bool has_subs, std::string& v);
  std::string subst(Frame& f, std::string_view s, bool known_only = false);

  // Conditional-assembly expressions.
  CV ca_expr(Frame& f, std::string_view s, size_t& p);
  CV ca_or(Frame& f, std::string_view s, size_t& p);
  CV ca_and(Frame& f, std::string_view s, size_t& p);
  CV ca_not(Frame& f, std::string_view s, size_t& p);
  CV ca_rel(Frame& f, std::string_view s, size_t& p);
  CV ca_sum(Frame& f, std::string_view s, size_t& p);
  CV ca_prod(Frame& f, std::string_view s, size_t& p);
  CV ca_unary(Frame& f, std::string_view s, size_t& p);
  CV ca_prim(Frame& f, std::string_view s, size_t& p);
  CV ca_string(Frame& f, std::string_view s, size_t& p);
  std::vector<int64_t> ca_subscripts(Frame& f, std::string_view s, size_t& p);
  int64_t to_int(const CV& v);
  bool to_bool(const CV& v);
  std::string to_str(const CV& v);
  int ca_depth_ = 0;

  void set_stmt(Frame& f, const RawStmt& r, const std::string& op);
  void declare(Frame& f, const std::string& operands, char type, bool global);
};

// ------------------------------------------------------------------ loading

// COPY is expanded as the file is read, so that macro definitions and
// sequence symbols in COPY members work like those written in place.
std::vector<RawStmt> Generator::load_with_copy(int file, int depth) {
  std::vector<RawStmt> in = read_statements(ctx_.files[file], file);
  std::vector<RawStmt> out;
  out.reserve(in.size());
  for (RawStmt& r : in) {
    if (!r.comment && upper(r.op) == "COPY") {
      std::string name = upper(r.operands);
      out.push_back(r);
      out.back().comment = true;  // listed, not assembled
      out.back().op = "COPY";
      if (!is_symbol(name)) {
        ctx_.error(r.file, r.line, "COPY needs a member name");
        continue;
      }
      if (depth >= kMaxCopyDepth) {
        ctx_.error(r.file, r.line, "COPY nested too deeply (a COPY loop?)");
        continue;
      }
      int f = ctx_.open_library(name, ".cpy");
      if (f < 0) {
        ctx_.error(r.file, r.line, "COPY member " + name + " not found in the libraries");
        continue;
      }
      std::vector<RawStmt> sub = load_with_copy(f, depth + 1);
      out.insert(out.end(), std::make_move_iterator(sub.begin()), std::make_move_iterator(sub.end()));
      continue;
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<Stmt> Generator::run(int main_file) {
  open_ = load_with_copy(main_file, 0);
  for (const RawStmt& r : open_)
    if (!r.comment && !r.label.empty() && r.label[0] != '&' && r.label[0] != '.')
      open_labels_.emplace(upper(r.label), &r);
  Frame f;
  f.body = &open_;
  process(f);
  return std::move(out_);
}

// -------------------------------------------------------------- the engine

// Sequence symbols of a body (not of the macro definitions inside it):
// AGO and AIF may jump forward or back.
void Generator::build_seq(Frame& f) {
  int nest = 0;
  for (size_t i = 0; i < f.body->size(); i++) {
    const RawStmt& r = (*f.body)[i];
    if (r.comment) continue;
    std::string op = upper(r.op);
    if (op == "MACRO") nest++;
    else if (op == "MEND" && nest > 0) nest--;
    else if (nest == 0 && r.label.size() > 1 && r.label[0] == '.') f.seq.emplace(upper(r.label), i);
  }
}

bool Generator::jump(Frame& f, const std::string& seqname, size_t& i) {
  std::string s = upper(seqname);
  auto it = f.seq.find(s);
  if (it == f.seq.end()) {
    error("undefined sequence symbol " + s);
    return false;
  }
  if (--f.actr < 0) {
    error("ACTR limit reached: conditional-assembly loop stopped");
    f.stop = true;
    return false;
  }
  i = it->second;
  return true;
}

// MACRO at body[i]: finds its MEND (counting nested definitions), takes
// the prototype and stores the body. Returns the index of the MEND.
size_t Generator::define_macro(const std::vector<RawStmt>& body, size_t i, Frame& f) {
  const RawStmt& start = body[i];
  int nest = 1;
  size_t j = i + 1;
  for (; j < body.size(); j++) {
    if (body[j].comment) continue;
    std::string op = upper(body[j].op);
    if (op == "MACRO") nest++;
    else if (op == "MEND" && --nest == 0) break;
  }
  if (j >= body.size()) {
    ctx_.error(start.file, start.line, "MACRO without MEND: unterminated macro definition");
    f.stop = true;
    return body.size();
  }
  // The prototype is the first statement that is not a comment.
  size_t k = i + 1;
  while (k < j && body[k].comment) k++;
  if (k >= j) {
    ctx_.error(start.file, start.line, "macro definition without a prototype");
    return j;
  }
  const RawStmt& proto = body[k];
  MacroDef m;
  m.name = upper(proto.op);
  m.file = proto.file;
  m.line = proto.line;
  if (!is_symbol(m.name)) {
    ctx_.error(proto.file, proto.line, "bad macro name '" + proto.op + "'");
    return j;
  }
  if (!proto.label.empty()) {
    if (proto.label[0] != '&' || !is_symbol(proto.label.substr(1))) {
      ctx_.error(proto.file, proto.line, "bad name-field parameter '" + proto.label + "'");
      return j;
    }
    m.label_param = upper(proto.label.substr(1));
  }
  for (const std::string& p : split_operands(proto.operands)) {
    size_t eq = p.find('=');
    std::string name = upper(p.substr(0, eq));
    if (name.size() < 2 || name[0] != '&' || !is_symbol(name.substr(1))) {
      ctx_.error(proto.file, proto.line, "bad macro parameter '" + p + "'");
      return j;
    }
    if (eq == std::string::npos) m.positional.push_back(name.substr(1));
    else m.keywords.push_back({name.substr(1), p.substr(eq + 1)});
  }
  // The body keeps its MEND: it may carry a sequence symbol.
  m.body.assign(body.begin() + static_cast<long>(k) + 1, body.begin() + static_cast<long>(j) + 1);
  macros_[m.name] = std::move(m);
  return j;
}

// A name defined by MACRO wins over an instruction of the same name, as in
// HLASM; the library is searched only for names nothing else knows.
bool Generator::find_macro(const std::string& name, const MacroDef*& m) {
  auto it = macros_.find(name);
  if (it != macros_.end()) {
    m = &it->second;
    return true;
  }
  if (known_operation(name) || is_ca_op(name) || name == "MACRO" || name == "COPY") return false;
  if (!is_symbol(name) || library_tried_.count(name)) return false;
  library_tried_.insert(name);
  // A macro the source calls but does not define: NAME.mac from -I.
  int f = ctx_.open_library(name, ".mac");
  if (f < 0) return false;
  const std::string path = ctx_.files[f].name;
  std::vector<RawStmt> body = load_with_copy(f, 1);
  Frame lib;
  lib.body = &body;
  for (size_t i = 0; i < body.size(); i++) {
    if (body[i].comment) continue;
    if (!body[i].error.empty()) {
      ctx_.error(body[i].file, body[i].line, body[i].error);
      continue;
    }
    if (upper(body[i].op) == "MACRO") i = define_macro(body, i, lib);
    else ctx_.error(body[i].file, body[i].line, "only macro definitions may stand in a macro library member");
  }
  it = macros_.find(name);
  if (it == macros_.end()) {
    error("library member " + path + " does not define macro " + name);
    return false;
  }
  m = &it->second;
  return true;
}

// A macro call: operands of the form KEY= go to keyword parameters,
// the rest are positional (and all are in &SYSLIST).
void Generator::call(const MacroDef& m, const std::string& label, const std::string& operands, Frame& caller) {
  if (caller.depth + 1 > kMaxDepth) {
    // Recursion without an end: stop generating altogether.
    error("macro calls nested too deeply (recursion?)");
    aborted_ = true;
    return;
  }
  Frame f;
  f.mac = &m;
  f.body = &m.body;
  f.depth = caller.depth + 1;
  f.rep_file = caller.rep_file >= 0 ? caller.rep_file : cur_file_;
  f.rep_line = caller.rep_file >= 0 ? caller.rep_line : cur_line_;
  char nd[16];
  std::snprintf(nd, sizeof nd, "%04d", ++sysndx_);
  f.sysndx = nd;
  f.sysect = sysect_;
  f.syslist.push_back(label);
  for (const auto& [k, v] : m.keywords) f.params[k] = v;
  std::vector<std::string> pos;
  for (const std::string& o : split_operands(operands)) {
    size_t eq = o.find('=');
    if (eq != std::string::npos && eq > 0 && is_symbol(o.substr(0, eq))) {
      std::string k = upper(o.substr(0, eq));
      bool kw = std::any_of(m.keywords.begin(), m.keywords.end(), [&](auto& x) { return x.first == k; });
      if (kw) {
        f.params[k] = o.substr(eq + 1);
        continue;
      }
      bool is_pos = std::find(m.positional.begin(), m.positional.end(), k) != m.positional.end();
      if (is_pos || k.size() <= 8) {
        error("undefined keyword parameter " + k + " for macro " + m.name);
        continue;
      }
    }
    pos.push_back(o);
  }
  for (size_t i = 0; i < m.positional.size(); i++) f.params[m.positional[i]] = i < pos.size() ? pos[i] : "";
  for (const std::string& p : pos) f.syslist.push_back(p);
  if (!m.label_param.empty()) f.params[m.label_param] = label;
  build_seq(f);
  process(f);
}

// Type and length attributes of a generated name, for T' and L' in
// conditional assembly (which runs before the assembly passes).
void Generator::record_attributes(const std::string& label, const std::string& op, const std::string& operands) {
  GenSymbol g;
  struct NoSyms : SymbolLookup {
    Generator* g;
    bool symbol(const std::string& name, Value& v, int64_t& length) override {
      GenSymbol s;
      if (!g->attributes_of(name, s) || !s.has_value) return false;
      v = Value{s.value, {}};
      length = s.length;
      return true;
    }
    bool location(Value&) override { return false; }
    int64_t location_length() override { return 1; }
    bool literal(std::string_view, Value&, int64_t&) override { return false; }
  } lk;
  lk.g = this;
  if (const OpInfo* info = lookup(op)) {
    g.type = 'I';
    g.length = insn_length(static_cast<u8>(info->kind == OpKind::Byte ? info->opcode : info->opcode >> 8));
  } else if (const ExtMnemonic* e = find_extended(op)) {
    g.type = 'I';
    g.length = e->base == "BCR" ? 2 : 4;
  } else if (op == "DC" || op == "DS") {
    DcOperand d;
    std::string err;
    bool undef;
    size_t p = 0;
    if (parse_dc_operand(operands, p, false, lk, d, err, undef)) {
      g.type = d.type;
      g.length = d.lens.empty() ? 1 : d.lens[0];
    }
  } else if (op == "CSECT" || op == "DSECT" || op == "START") {
    g.type = 'J';
  } else if (op == "CCW" || op == "CCW0" || op == "CCW1") {
    g.type = 'W';
    g.length = 8;
  } else if (op == "EQU") {
    auto ops = split_operands(operands);
    if (!ops.empty()) {
      size_t p = 0;
      ExprResult r = eval_expr(ops[0], p, lk);
      if (r.ok && p == ops[0].size() && r.value.absolute()) {
        g.has_value = true;
        g.value = r.value.v;
        g.length = r.has_length ? r.length : 1;
      }
      if (ops.size() > 1) {
        size_t q = 0;
        ExprResult l = eval_expr(ops[1], q, lk);
        if (l.ok && l.value.absolute()) g.length = l.value.v;
      }
    }
  }
  gensyms_[label] = g;
}

bool Generator::attributes_of(const std::string& name, GenSymbol& g) {
  auto it = gensyms_.find(name);
  if (it != gensyms_.end()) {
    g = it->second;
    return true;
  }
  // Lookahead: a symbol defined later in open code.
  auto ol = open_labels_.find(name);
  if (ol == open_labels_.end()) return false;
  const RawStmt& r = *ol->second;
  gensyms_[name] = GenSymbol{};  // stops a loop through EQU chains
  record_attributes(name, upper(r.op), upper_outside_quotes(r.operands));
  g = gensyms_[name];
  return true;
}

void Generator::emit(const RawStmt& r, const std::string& label, const std::string& op, const std::string& operands,
                     const Frame& f) {
  if (out_.size() >= kMaxStatements) {
    if (!aborted_) error("too many generated statements (a macro loop?)");
    aborted_ = true;
    return;
  }
  Stmt s;
  s.file = f.rep_file >= 0 ? f.rep_file : r.file;
  s.line = f.rep_file >= 0 ? f.rep_line : r.line;
  s.label = upper(label);
  s.op = op;
  s.operands = upper_outside_quotes(operands);
  s.depth = f.depth;
  if (f.depth == 0) {
    const std::string& src = ctx_.files[r.file].lines[r.line - 1];
    s.text = src.substr(0, std::min<size_t>(src.size(), 71));
  } else {
    std::string t = label;
    t.resize(std::max<size_t>(t.size() + 1, 9), ' ');
    t += op;
    t.resize(std::max<size_t>(t.size() + 1, 15), ' ');
    t += operands;
    s.text = t;
  }
  s.list = print_on_ && (f.depth == 0 || print_gen_);
  if (op == "PRINT") {
    for (const std::string& o : split_operands(s.operands)) {
      if (o == "ON") print_on_ = true;
      else if (o == "OFF") print_on_ = false;
      else if (o == "GEN") print_gen_ = true;
      else if (o == "NOGEN") print_gen_ = false;
    }
  }
  if (!s.label.empty()) {
    record_attributes(s.label, op, s.operands);
    if (op == "CSECT" || op == "START" || op == "DSECT") sysect_ = s.label;
  }
  out_.push_back(std::move(s));
}

// The engine: conditional-assembly statements act here; model statements
// are substituted and either call a macro or become assembler statements.
void Generator::process(Frame& f) {
  const std::vector<RawStmt>& body = *f.body;
  if (f.depth == 0) build_seq(f);
  for (size_t i = 0; i < body.size() && !f.stop && !aborted_; i++) {
    const RawStmt& r = body[i];
    ctx_.order = static_cast<int>(out_.size());
    if (f.depth == 0) {
      cur_file_ = r.file;
      cur_line_ = r.line;
    } else {
      cur_file_ = f.rep_file;
      cur_line_ = f.rep_line;
    }
    if (!r.error.empty()) {
      ctx_.error(r.file, r.line, r.error);
      continue;
    }
    if (f.depth > 0 && upper(r.op) == "MEND" && !r.comment && r.label.size() < 2) return;
    if (r.comment) {
      // '*' comments are listed (generated ones too); '.*' never.
      if (r.op != ".*") {
        Stmt s;
        s.file = f.depth ? f.rep_file : r.file;
        s.line = f.depth ? f.rep_line : r.line;
        s.comment = true;
        s.depth = f.depth;
        s.list = print_on_ && (f.depth == 0 || print_gen_);
        if (f.depth == 0) {
          const std::string& src = ctx_.files[r.file].lines[r.line - 1];
          s.text = src.substr(0, std::min<size_t>(src.size(), 71));
        } else {
          s.text = r.op == "COPY" ? "COPY " + r.operands : std::string("*") + r.operands;
        }
        if (f.depth == 0 || r.op != "COPY") out_.push_back(std::move(s));
      }
      continue;
    }
    std::string op = upper(r.op);
    if (op == "MACRO") {
      if (f.mac) {
        // A definition inside a macro: the outer macro's variable symbols
        // are substituted in it (so a macro can define macros named by its
        // parameters); the inner macro's own symbols are left alone.
        size_t end = i + 1;
        for (int nest = 1; end < body.size(); end++) {
          if (body[end].comment) continue;
          std::string o = upper(body[end].op);
          if (o == "MACRO") nest++;
          else if (o == "MEND" && --nest == 0) break;
        }
        std::vector<RawStmt> inner(body.begin() + static_cast<long>(i),
                                   body.begin() + static_cast<long>(std::min(end + 1, body.size())));
        try {
          for (RawStmt& x : inner) {
            if (x.comment) continue;
            x.label = subst(f, x.label, true);
            x.op = subst(f, x.op, true);
            x.operands = subst(f, x.operands, true);
          }
        } catch (const CaError& e) {
          error(e.msg);
        }
        define_macro(inner, 0, f);
        i = end;
        continue;
      }
      i = define_macro(body, i, f);
      continue;
    }
    try {
      if (is_ca_op(op) || (op.find('&') == std::string::npos && is_ca_op(upper(subst(f, r.op))))) {
        if (op.find('&') != std::string::npos) op = upper(subst(f, r.op));
        if (op == "ANOP") continue;
        if (op == "MEND") {
          if (f.depth == 0) error("MEND without MACRO");
          return;
        }
        if (op == "MEXIT") {
          if (f.depth == 0) error("MEXIT outside a macro");
          return;
        }
        if (op == "ACTR") {
          size_t p = 0;
          f.actr = to_int(ca_expr(f, r.operands, p));
          continue;
        }
        if (op == "LCLA" || op == "LCLB" || op == "LCLC" || op == "GBLA" || op == "GBLB" || op == "GBLC") {
          declare(f, r.operands, op[3], op[0] == 'G');
          continue;
        }
        if (op == "SETA" || op == "SETB" || op == "SETC") {
          set_stmt(f, r, op);
          continue;
        }
        if (op == "AGO") {
          const std::string& o = r.operands;
          if (!o.empty() && o[0] == '(') {
            // Computed AGO: (expr).S1,.S2,...
            size_t p = 0;
            CV v = ca_expr(f, o, p);
            if (p >= o.size() || o[p] != '.') throw CaError{"bad computed AGO operand"};
            auto targets = split_operands(o.substr(p));
            int64_t n = to_int(v);
            if (n >= 1 && n <= static_cast<int64_t>(targets.size())) {
              size_t to;
              if (jump(f, targets[n - 1], to)) i = to - 1;  // the loop's i++ lands on the target
            }
            continue;
          }
          size_t to;
          if (jump(f, o, to)) i = to - 1;
          continue;
        }
        if (op == "AIF") {
          // AIF (cond).SEQ  -- or several: (c1).S1,(c2).S2
          const std::string& o = r.operands;
          size_t p = 0;
          for (;;) {
            if (p >= o.size() || o[p] != '(') throw CaError{"AIF needs (condition).sequence-symbol"};
            CV v = ca_prim(f, o, p);
            if (p >= o.size() || o[p] != '.') throw CaError{"AIF needs a sequence symbol after the condition"};
            size_t b = p++;
            while (p < o.size() && is_symch(o[p])) p++;
            std::string target = o.substr(b, p - b);
            if (to_bool(v)) {
              size_t to;
              if (jump(f, target, to)) i = to - 1;
              break;
            }
            if (p < o.size() && o[p] == ',') {
              p++;
              continue;
            }
            if (p != o.size()) throw CaError{"unexpected text after AIF operand"};
            break;
          }
          continue;
        }
        if (op == "MNOTE") {
          const std::string& o = r.operands;
          size_t p = 0;
          int64_t sev = -1;  // -1: comment only
          bool comma = false;
          if (!o.empty() && o[0] == '*') {
            p = 1;
            comma = true;
          } else if (!o.empty() && o[0] != '\'') {
            size_t c = o.find(',');
            if (c == std::string::npos) throw CaError{"bad MNOTE operand"};
            std::string sv = o.substr(0, c);
            size_t q = 0;
            sev = sv.empty() ? 1 : to_int(ca_expr(f, sv, q));
            p = c;
            comma = true;
          } else {
            sev = 0;
          }
          if (comma) {
            if (p >= o.size() || o[p] != ',') throw CaError{"bad MNOTE operand"};
            p++;
          }
          if (p >= o.size() || o[p] != '\'') throw CaError{"MNOTE message must be a quoted string"};
          CV msg = ca_string(f, o, p);
          std::string text = msg.c;
          Stmt s;
          s.file = f.depth ? f.rep_file : r.file;
          s.line = f.depth ? f.rep_line : r.line;
          s.comment = true;
          s.depth = f.depth;
          s.text = "MNOTE " + (sev >= 0 ? std::to_string(sev) + "," : std::string("*,")) + text;
          s.list = true;
          out_.push_back(std::move(s));
          if (sev >= 8) ctx_.error(cur_file_, cur_line_, text);
          else if (sev >= 1) ctx_.warning(cur_file_, cur_line_, text);
          continue;
        }
        throw CaError{op + " is not supported"};
      }
      // A model statement (or an open-code statement): substitute.
      std::string label;
      if (!r.label.empty() && r.label[0] != '.') label = subst(f, r.label);
      std::string op2 = op.find('&') != std::string::npos ? upper(subst(f, r.op)) : op;
      std::string operands = r.operands.find('&') != std::string::npos ? subst(f, r.operands) : r.operands;
      if (r.operands.find('&') != std::string::npos) operands = operands.substr(0, operand_end(operands));
      if (op2.empty()) {
        if (!label.empty()) error("missing operation code");
        continue;
      }
      if (op2 == "COPY") {
        error("COPY inside a macro expansion is not supported");
        continue;
      }
      const MacroDef* m = nullptr;
      if (find_macro(op2, m)) {
        Stmt s;  // the call itself, for the listing
        s.file = f.depth ? f.rep_file : r.file;
        s.line = f.depth ? f.rep_line : r.line;
        s.comment = true;
        s.depth = f.depth;
        s.list = print_on_ && (f.depth == 0 || print_gen_);
        s.text = (f.depth == 0 && r.line > 0) ? ctx_.files[r.file].lines[r.line - 1].substr(0, 71)
                                               : label + " " + op2 + " " + operands;
        out_.push_back(std::move(s));
        call(*m, label, operands, f);
        continue;
      }
      if (!label.empty() && label[0] == '&') {
        error("undefined variable symbol " + label);
        continue;
      }
      emit(r, label, op2, operands, f);
    } catch (const CaError& e) {
      error(e.msg);
    }
  }
}

// ---------------------------------------------------------------- variables

SetVar* Generator::find_set(Frame& f, const std::string& name) {
  if (f.globals.count(name)) {
    auto it = globals_.find(name);
    return it == globals_.end() ? nullptr : &it->second;
  }
  auto it = f.locals.find(name);
  return it == f.locals.end() ? nullptr : &it->second;
}

void Generator::declare(Frame& f, const std::string& operands, char type, bool global) {
  for (const std::string& o : split_operands(operands)) {
    std::string n = upper(o);
    bool array = false;
    size_t lp = n.find('(');
    if (lp != std::string::npos) {
      array = true;
      n = n.substr(0, lp);
    }
    if (n.size() < 2 || n[0] != '&' || !is_symbol(n.substr(1))) throw CaError{"bad SET symbol '" + o + "'"};
    n = n.substr(1);
    if (f.params.count(n) || n.rfind("SYS", 0) == 0) throw CaError{"SET symbol &" + n + " is a parameter or system symbol"};
    SetVar v;
    v.type = type;
    v.array = array;
    if (global) {
      f.globals.insert(n);
      auto it = globals_.find(n);
      if (it == globals_.end()) globals_[n] = v;
      else if (it->second.type != type) throw CaError{"global SET symbol &" + n + " declared with another type"};
    } else {
      f.locals[n] = v;
    }
  }
}

void Generator::set_stmt(Frame& f, const RawStmt& r, const std::string& op) {
  std::string lab = upper(r.label);
  if (lab.size() < 2 || lab[0] != '&') throw CaError{op + " needs a SET symbol in the name field"};
  size_t p = 1;
  while (p < lab.size() && is_symch(lab[p])) p++;
  std::string name = lab.substr(1, p - 1);
  bool has_sub = p < lab.size() && lab[p] == '(';
  int64_t sub = 0;
  if (has_sub) {
    auto subs = ca_subscripts(f, lab, p);
    if (subs.size() != 1) throw CaError{"bad subscript"};
    sub = subs[0];
  }
  if (p != lab.size() || !is_symbol(name)) throw CaError{"bad SET symbol " + lab};
  if (f.params.count(name) || name.rfind("SYS", 0) == 0) throw CaError{"cannot SET parameter or system symbol &" + name};
  char type = op[3];
  SetVar* v = find_set(f, name);
  if (!v) {
    // Implicitly declared local SET symbol.
    SetVar nv;
    nv.type = type;
    nv.array = has_sub;
    f.locals[name] = nv;
    v = &f.locals[name];
  }
  if (v->type != type) throw CaError{"&" + name + " is not a SET" + std::string(1, v->type) + " symbol"};
  if (v->array != has_sub) throw CaError{has_sub ? "&" + name + " is not an array" : "&" + name + " needs a subscript"};
  // Several operands set consecutive elements.
  std::vector<std::string> ops = has_sub ? split_operands(r.operands) : std::vector<std::string>{r.operands};
  if (ops.empty()) ops.push_back("");
  for (size_t k = 0; k < ops.size(); k++) {
    size_t q = 0;
    CV val;
    if (type == 'C' && ops[k].empty()) val = CV{'C', 0, "", true};
    else val = ca_expr(f, ops[k], q);
    if (q != ops[k].size()) throw CaError{"unexpected text '" + ops[k].substr(q) + "' in " + op + " operand"};
    int64_t a = 0;
    std::string c;
    if (type == 'A') a = to_int(val);
    else if (type == 'B') a = to_bool(val);
    else c = to_str(val);
    if (has_sub) {
      if (sub + static_cast<int64_t>(k) < 1) throw CaError{"subscript must be 1 or more"};
      v->elems[sub + static_cast<int64_t>(k)] = {a, c};
    } else {
      v->a = a;
      v->c = c;
    }
  }
}

bool Generator::var_value(Frame& f, const std::string& name, const std::vector<int64_t>& subs, bool has_subs,
                          std::string& out) {
  auto sublist = [&](const std::string& v, int64_t n) -> std::string {
    if (v.size() >= 2 && v[0] == '(' && v.back() == ')') {
      auto items = split_operands(v.substr(1, v.size() - 2));
      return n >= 1 && n <= static_cast<int64_t>(items.size()) ? items[n - 1] : "";
    }
    return n == 1 ? v : "";
  };
  if (name == "SYSLIST") {
    if (!has_subs || subs.empty()) throw CaError{"&SYSLIST needs a subscript"};
    int64_t n = subs[0];
    std::string v = n >= 0 && n < static_cast<int64_t>(f.syslist.size()) ? f.syslist[n] : "";
    if (subs.size() > 1) v = sublist(v, subs[1]);
    out = v;
    return true;
  }
  if (name == "SYSNDX") {
    out = f.sysndx.empty() ? "0000" : f.sysndx;
    return true;
  }
  if (name == "SYSECT") {
    // Fixed for the whole expansion, even across a DSECT it generates.
    out = f.mac ? f.sysect : sysect_;
    return true;
  }
  if (name == "SYSPARM" || name == "SYSDATE" || name == "SYSTIME") {
    out = name == "SYSDATE" ? "01/01/70" : name == "SYSTIME" ? "00.00" : "";
    return true;
  }
  auto pit = f.params.find(name);
  if (pit != f.params.end()) {
    out = has_subs ? sublist(pit->second, subs.empty() ? 1 : subs[0]) : pit->second;
    if (has_subs && subs.size() > 1) out = sublist(out, subs[1]);
    return true;
  }
  SetVar* v = find_set(f, name);
  if (!v) return false;
  int64_t a;
  std::string c;
  if (v->array) {
    if (!has_subs || subs.size() != 1) throw CaError{"&" + name + " needs a subscript"};
    auto it = v->elems.find(subs[0]);
    a = it == v->elems.end() ? 0 : it->second.first;
    c = it == v->elems.end() ? "" : it->second.second;
  } else {
    if (has_subs) throw CaError{"&" + name + " is not an array"};
    a = v->a;
    c = v->c;
  }
  out = v->type == 'C' ? c : std::to_string(a);
  return true;
}

// Substitution in a model statement: &NAME, &NAME(sub), a period after the
// name concatenates; && is kept for DC/MNOTE to halve.
std::string Generator::subst(Frame& f, std::string_view s, bool known_only) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    if (i + 1 < s.size() && s[i + 1] == '&') {
      out += "&&";
      i += 2;
      continue;
    }
    if (i + 1 >= s.size() || !is_alpha(s[i + 1])) {
      out += s[i++];
      continue;
    }
    size_t b = i + 1, p = b;
    while (p < s.size() && is_symch(s[p])) p++;
    std::string name = upper(s.substr(b, p - b));
    if (known_only && !f.params.count(name) && !find_set(f, name) && name.rfind("SYS", 0) != 0) {
      out += s.substr(i, p - i);  // not the outer macro's: left for the inner one
      i = p;
      continue;
    }
    bool has_subs = false;
    std::vector<int64_t> subs;
    if (p < s.size() && s[p] == '(') {
      has_subs = true;
      subs = ca_subscripts(f, s, p);
    }
    std::string v;
    if (!var_value(f, name, subs, has_subs, v)) throw CaError{"undefined variable symbol &" + name};
    out += v;
    if (p < s.size() && s[p] == '.') p++;  // the concatenation period
    i = p;
  }
  return out;
}

// ------------------------------------------------ conditional expressions

int64_t Generator::to_int(const CV& v) {
  if (v.t != 'C') return v.a;
  std::string t = v.c;
  if (t.empty()) return 0;
  size_t p = 0;
  bool neg = false;
  if (t[0] == '-' || t[0] == '+') {
    neg = t[0] == '-';
    p = 1;
  }
  int64_t x;
  std::string err;
  size_t q = p;
  if (!self_defining(t, q, x, err) || q != t.size()) throw CaError{"'" + t + "' is not a number"};
  return neg ? -x : x;
}

bool Generator::to_bool(const CV& v) {
  if (v.t == 'C') return to_int(v) != 0;
  return v.a != 0;
}

std::string Generator::to_str(const CV& v) { return v.t == 'C' ? v.c : std::to_string(v.a); }

namespace {
void skip_blanks(std::string_view s, size_t& p) {
  while (p < s.size() && s[p] == ' ') p++;
}
// A blank-delimited keyword operator (EQ, AND ...) at p?
bool keyword(std::string_view s, size_t p, std::string_view k) {
  if (p + k.size() > s.size()) return false;
  for (size_t i = 0; i < k.size(); i++)
    if (to_upper(s[p + i]) != k[i]) return false;
  size_t e = p + k.size();
  return e == s.size() || !is_symch(s[e]);
}
}  // namespace

// Conditional expressions: OR/XOR < AND < NOT < relations < + - < * /,
// with arithmetic, binary and character values converted as HLASM does.
CV Generator::ca_expr(Frame& f, std::string_view s, size_t& p) {
  if (++ca_depth_ > 200) {
    ca_depth_ = 0;
    throw CaError{"conditional expression too deeply nested"};
  }
  CV v = ca_or(f, s, p);
  ca_depth_--;
  return v;
}

CV Generator::ca_or(Frame& f, std::string_view s, size_t& p) {
  CV a = ca_and(f, s, p);
  for (;;) {
    skip_blanks(s, p);
    bool x = keyword(s, p, "XOR");
    if (!x && !keyword(s, p, "OR")) return a;
    p += x ? 3 : 2;
    skip_blanks(s, p);
    CV b = ca_and(f, s, p);
    bool r = x ? (to_bool(a) != to_bool(b)) : (to_bool(a) || to_bool(b));
    a = CV{'B', r, ""};
  }
}

CV Generator::ca_and(Frame& f, std::string_view s, size_t& p) {
  CV a = ca_not(f, s, p);
  for (;;) {
    skip_blanks(s, p);
    if (!keyword(s, p, "AND")) return a;
    p += 3;
    skip_blanks(s, p);
    CV b = ca_not(f, s, p);
    a = CV{'B', to_bool(a) && to_bool(b), ""};
  }
}

CV Generator::ca_not(Frame& f, std::string_view s, size_t& p) {
  skip_blanks(s, p);
  if (keyword(s, p, "NOT")) {
    p += 3;
    skip_blanks(s, p);
    CV a = ca_not(f, s, p);
    return CV{'B', !to_bool(a), ""};
  }
  return ca_rel(f, s, p);
}

CV Generator::ca_rel(Frame& f, std::string_view s, size_t& p) {
  CV a = ca_sum(f, s, p);
  skip_blanks(s, p);
  static const char* kOps[] = {"EQ", "NE", "LT", "GT", "LE", "GE"};
  for (int k = 0; k < 6; k++) {
    if (!keyword(s, p, kOps[k])) continue;
    p += 2;
    skip_blanks(s, p);
    CV b = ca_sum(f, s, p);
    int c;
    bool chars = a.t == 'C' && b.t == 'C';
    if (chars && !a.quoted && !b.quoted) {
      // Two unquoted values (parameters): numbers compare as numbers.
      try {
        int64_t x = to_int(a), y = to_int(b);
        c = x < y ? -1 : x > y ? 1 : 0;
        chars = false;
      } catch (const CaError&) {
      }
    }
    if (chars) {
      // Character comparison: a shorter string is lower (HLASM); else EBCDIC.
      if (a.c.size() != b.c.size()) c = a.c.size() < b.c.size() ? -1 : 1;
      else {
        c = 0;
        for (size_t i = 0; i < a.c.size() && !c; i++) {
          u8 x = 0, y = 0;
          to_ebcdic(a.c[i], x);
          to_ebcdic(b.c[i], y);
          c = x < y ? -1 : x > y ? 1 : 0;
        }
      }
    } else if (a.t == 'C' && a.quoted) {
      throw CaError{"character value compared with a number"};
    } else if (b.t == 'C' && b.quoted) {
      throw CaError{"character value compared with a number"};
    } else {
      int64_t x = to_int(a), y = to_int(b);
      c = x < y ? -1 : x > y ? 1 : 0;
    }
    bool r = k == 0 ? c == 0 : k == 1 ? c != 0 : k == 2 ? c < 0 : k == 3 ? c > 0 : k == 4 ? c <= 0 : c >= 0;
    return CV{'B', r, ""};
  }
  return a;
}

CV Generator::ca_sum(Frame& f, std::string_view s, size_t& p) {
  CV a = ca_prod(f, s, p);
  for (;;) {
    if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
      char o = s[p++];
      CV b = ca_prod(f, s, p);
      int64_t x = to_int(a), y = to_int(b);
      a = CV{'A', static_cast<int32_t>(static_cast<uint32_t>(o == '+' ? x + y : x - y)), ""};
    } else if (p < s.size() && s[p] == '.' && a.t == 'C' && a.quoted && p + 1 < s.size() &&
               (s[p + 1] == '\'' || s[p + 1] == '&')) {
      // Character concatenation: 'A'.'B'
      p++;
      CV b = ca_prod(f, s, p);
      a.c += to_str(b);
    } else {
      return a;
    }
  }
}

CV Generator::ca_prod(Frame& f, std::string_view s, size_t& p) {
  CV a = ca_unary(f, s, p);
  while (p < s.size() && (s[p] == '*' || s[p] == '/')) {
    char o = s[p++];
    CV b = ca_unary(f, s, p);
    int64_t x = to_int(a), y = to_int(b);
    a = CV{'A', o == '*' ? static_cast<int32_t>(static_cast<uint32_t>(x * y)) : (y == 0 ? 0 : x / y), ""};
  }
  return a;
}

CV Generator::ca_unary(Frame& f, std::string_view s, size_t& p) {
  if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
    bool neg = s[p++] == '-';
    if (++ca_depth_ > 200) throw CaError{"conditional expression too deeply nested"};
    CV a = ca_unary(f, s, p);
    ca_depth_--;
    int64_t x = to_int(a);
    return CV{'A', neg ? -x : x, ""};
  }
  return ca_prim(f, s, p);
}

std::vector<int64_t> Generator::ca_subscripts(Frame& f, std::string_view s, size_t& p) {
  // s[p] == '('
  std::vector<int64_t> subs;
  p++;
  for (;;) {
    CV v = ca_expr(f, s, p);
    subs.push_back(to_int(v));
    if (p < s.size() && s[p] == ',') {
      p++;
      continue;
    }
    if (p < s.size() && s[p] == ')') {
      p++;
      return subs;
    }
    throw CaError{"bad subscript"};
  }
}

CV Generator::ca_string(Frame& f, std::string_view s, size_t& p) {
  // 'text' with variable symbols substituted, '' for a quote, && for &;
  // then an optional substring (start,length).
  p++;
  std::string raw;
  for (;;) {
    if (p >= s.size()) throw CaError{"unterminated character string"};
    if (s[p] == '\'') {
      if (p + 1 < s.size() && s[p + 1] == '\'') {
        raw += "''";
        p += 2;
        continue;
      }
      p++;
      break;
    }
    raw += s[p++];
  }
  std::string t = subst(f, raw), v;
  for (size_t i = 0; i < t.size(); i++) {
    if ((t[i] == '\'' || t[i] == '&') && i + 1 < t.size() && t[i + 1] == t[i]) i++;
    v += t[i];
  }
  if (p < s.size() && s[p] == '(') {
    size_t q = p;
    auto subs = ca_subscripts(f, s, q);
    if (subs.size() == 2) {
      p = q;
      int64_t st = subs[0], n = subs[1];
      if (st < 1 || n < 0) throw CaError{"bad substring"};
      v = static_cast<size_t>(st) > v.size() ? "" : v.substr(static_cast<size_t>(st - 1), static_cast<size_t>(n));
    }
  }
  return CV{'C', 0, v, true};
}

// A term: (expr), 'string', &var, an attribute reference, a self-defining
// term or an ordinary symbol with an absolute value.
CV Generator::ca_prim(Frame& f, std::string_view s, size_t& p) {
  skip_blanks(s, p);
  if (p >= s.size()) throw CaError{"missing term in conditional expression"};
  char c = s[p];
  if (c == '(') {
    p++;
    CV v = ca_expr(f, s, p);
    skip_blanks(s, p);
    if (p >= s.size() || s[p] != ')') throw CaError{"missing right parenthesis in conditional expression"};
    p++;
    return v;
  }
  if (c == '\'') return ca_string(f, s, p);
  if (c == '&') {
    size_t b = p + 1, q = b;
    while (q < s.size() && is_symch(s[q])) q++;
    std::string name = upper(s.substr(b, q - b));
    if (!is_symbol(name)) throw CaError{"bad variable symbol"};
    bool has_subs = false;
    std::vector<int64_t> subs;
    if (q < s.size() && s[q] == '(') {
      has_subs = true;
      subs = ca_subscripts(f, s, q);
    }
    p = q;
    SetVar* sv = (name == "SYSLIST" || f.params.count(name)) ? nullptr : find_set(f, name);
    if (sv && sv->type != 'C') {
      std::string v;
      var_value(f, name, subs, has_subs, v);
      return CV{sv->type == 'B' ? 'B' : 'A', std::stoll(v), ""};
    }
    std::string v;
    if (!var_value(f, name, subs, has_subs, v)) throw CaError{"undefined variable symbol &" + name};
    return CV{'C', 0, v, sv != nullptr};
  }
  // Attribute references: T' L' K' N' D'.
  if (p + 2 < s.size() && s[p + 1] == '\'' && std::string_view("TLKNDIS").find(to_upper(c)) != std::string_view::npos &&
      (s[p + 2] == '&' || is_alpha(s[p + 2]) || s[p + 2] == '*')) {
    char attr = to_upper(c);
    p += 2;
    std::string value;
    bool is_var = s[p] == '&';
    std::string vname;
    bool has_subs = false;
    std::vector<int64_t> subs;
    if (is_var) {
      size_t b = p + 1, q = b;
      while (q < s.size() && is_symch(s[q])) q++;
      vname = upper(s.substr(b, q - b));
      if (q < s.size() && s[q] == '(') {
        has_subs = true;
        subs = ca_subscripts(f, s, q);
      }
      p = q;
      if (attr == 'N') {
        if (vname == "SYSLIST" && !has_subs) return CV{'A', static_cast<int64_t>(f.syslist.size()) - 1, ""};
        SetVar* sv = f.params.count(vname) ? nullptr : find_set(f, vname);
        if (sv && sv->array) return CV{'A', sv->elems.empty() ? 0 : sv->elems.rbegin()->first, ""};
      }
      if (!var_value(f, vname, subs, has_subs, value)) throw CaError{"undefined variable symbol &" + vname};
    } else {
      size_t b = p;
      while (p < s.size() && is_symch(s[p])) p++;
      value = upper(s.substr(b, p - b));
    }
    switch (attr) {
      case 'K': return CV{'A', static_cast<int64_t>(value.size()), ""};
      case 'N': {
        if (value.empty()) return CV{'A', 0, ""};
        if (value.size() >= 2 && value[0] == '(' && value.back() == ')')
          return CV{'A', static_cast<int64_t>(split_operands(value.substr(1, value.size() - 2)).size()), ""};
        return CV{'A', 1, ""};
      }
      case 'T': {
        if (value.empty()) return CV{'C', 0, "O", true};
        size_t q = 0;
        int64_t x;
        std::string e;
        if (self_defining(value, q, x, e) && q == value.size()) return CV{'C', 0, "N", true};
        std::string u = upper(value);
        if (is_symbol(u)) {
          GenSymbol g;
          if (attributes_of(u, g)) return CV{'C', 0, std::string(1, g.type), true};
          if (macros_.count(u)) return CV{'C', 0, "M", true};
          return CV{'C', 0, "U", true};
        }
        return CV{'C', 0, "U", true};
      }
      case 'L': {
        std::string u = upper(value);
        GenSymbol g;
        if (is_symbol(u) && attributes_of(u, g)) return CV{'A', g.length, ""};
        return CV{'A', 1, ""};
      }
      case 'D': {
        std::string u = upper(value);
        return CV{'B', gensyms_.count(u) != 0, ""};
      }
      default: return CV{'A', 0, ""};
    }
  }
  if (is_digit(c) || (p + 1 < s.size() && s[p + 1] == '\'' && std::string_view("XBC").find(to_upper(c)) != std::string_view::npos)) {
    int64_t x;
    std::string e;
    if (!self_defining(s, p, x, e)) throw CaError{e.empty() ? "bad self-defining term" : e};
    return CV{'A', x, ""};
  }
  if (is_alpha(c)) {
    size_t b = p;
    while (p < s.size() && is_symch(s[p])) p++;
    std::string name = upper(s.substr(b, p - b));
    GenSymbol g;
    if (attributes_of(name, g) && g.has_value) return CV{'A', g.value, ""};
    throw CaError{"ordinary symbol " + name + " has no absolute value in conditional assembly"};
  }
  throw CaError{std::string("unexpected '") + c + "' in conditional expression"};
}

}  // namespace

std::vector<Stmt> generate(Context& ctx, int main_file) {
  Generator g(ctx);
  return g.run(main_file);
}

}  // namespace s370::as
