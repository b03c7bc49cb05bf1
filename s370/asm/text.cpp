// Source text: EBCDIC, the quote-aware scanning of operand fields, and the
// fixed-format reader (HLASM Language Reference, "Coding conventions": name
// in column 1, continuation by a non-blank in column 72, the continuation
// line going on in column 16, columns 73-80 ignored).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "s370/asm/internal.h"

namespace s370::as {

bool to_ebcdic(char c, u8& out) {
  // Code page 037, printable ASCII only: what an S/370 source may hold.
  static const char* const kChars =
      " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
  static const u8 kCodes[] = {
      0x40, 0x5A, 0x7F, 0x7B, 0x5B, 0x6C, 0x50, 0x7D, 0x4D, 0x5D, 0x5C, 0x4E, 0x6B, 0x60, 0x4B, 0x61,  // sp..'/'
      0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9,                                      // 0-9
      0x7A, 0x5E, 0x4C, 0x7E, 0x6E, 0x6F, 0x7C,                                                        // :..@
      0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0xD1, 0xD2, 0xD3, 0xD4,                    // A-M
      0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9,                    // N-Z
      0xBA, 0xE0, 0xBB, 0xB0, 0x6D, 0x79,                                                              // [..`
      0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x91, 0x92, 0x93, 0x94,                    // a-m
      0x95, 0x96, 0x97, 0x98, 0x99, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9,                    // n-z
      0xC0, 0x4F, 0xD0, 0xA1};                                                                         // {..~
  if (c < ' ' || c > '~') return false;
  const char* p = std::char_traits<char>::find(kChars, 95, c);
  if (!p) return false;
  out = kCodes[p - kChars];
  return true;
}

char to_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

std::string upper(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = to_upper(c);
  return r;
}

bool is_symbol(std::string_view s) {
  if (s.empty() || s.size() > 63 || !is_alpha(s[0])) return false;
  return std::all_of(s.begin(), s.end(), is_symch);
}

// Without this, L'FIELD would open a string that runs to the next quote.
bool is_attr_quote(std::string_view s, size_t i) {
  // L'X, T'&P, K'&P, N'&P, D'X, I'X, S'X, O'X: the letter must stand alone
  // (not end a longer word such as CL8 or a type letter after a digit).
  if (i == 0 || i + 1 >= s.size()) return false;
  char a = to_upper(s[i - 1]);
  if (i >= 2 && (is_symch(s[i - 2]) || s[i - 2] == '&' || s[i - 2] == '\'')) return false;
  char n = s[i + 1];
  if (a == 'L' || a == 'T' || a == 'K' || a == 'N')
    return is_alpha(n) || n == '&' || (a == 'L' && n == '*');
  if (a == 'D' || a == 'I' || a == 'S' || a == 'O') return is_alpha(n);
  return false;
}

// The operand field ends at the first blank outside quotes; what follows
// is remarks.
size_t operand_end(std::string_view s, size_t pos) {
  bool q = false;
  for (size_t i = pos; i < s.size(); i++) {
    char c = s[i];
    if (q) {
      if (c == '\'') {
        if (i + 1 < s.size() && s[i + 1] == '\'') i++;
        else q = false;
      }
    } else if (c == ' ') {
      return i;
    } else if (c == '\'' && !is_attr_quote(s, i)) {
      q = true;
    }
  }
  return s.size();
}

// Commas inside parentheses (D(X,B), sublists) and quotes do not split.
std::vector<std::string> split_operands(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  bool q = false;
  for (size_t i = 0; i < s.size(); i++) {
    char c = s[i];
    if (q) {
      cur += c;
      if (c == '\'') {
        if (i + 1 < s.size() && s[i + 1] == '\'') cur += s[++i];
        else q = false;
      }
      continue;
    }
    if (c == '\'' && !is_attr_quote(s, i)) q = true;
    else if (c == '(') depth++;
    else if (c == ')') depth--;
    else if (c == ',' && depth <= 0) {
      out.push_back(cur);
      cur.clear();
      continue;
    }
    cur += c;
  }
  out.push_back(cur);
  if (out.size() == 1 && out[0].empty()) out.clear();
  return out;
}

std::string upper_outside_quotes(std::string_view s) {
  std::string r(s);
  bool q = false;
  for (size_t i = 0; i < r.size(); i++) {
    char c = r[i];
    if (q) {
      if (c == '\'') {
        if (i + 1 < r.size() && r[i + 1] == '\'') i++;
        else q = false;
      }
    } else if (c == '\'' && !is_attr_quote(r, i)) {
      q = true;
    } else {
      r[i] = to_upper(c);
    }
  }
  return r;
}

namespace {

bool blank(std::string_view s) { return s.find_first_not_of(' ') == std::string_view::npos; }

std::string_view cols(const std::string& l, size_t from, size_t to) {
  if (from >= l.size()) return {};
  return std::string_view(l).substr(from, std::min(to, l.size()) - from);
}

}  // namespace

// Pieces of a continued statement are joined at column 16; a comment line
// with a continuation mark swallows its continuation lines too.
std::vector<RawStmt> read_statements(const SourceFile& f, int file_index) {
  std::vector<RawStmt> out;
  const auto& L = f.lines;
  size_t i = 0;
  while (i < L.size()) {
    RawStmt st;
    st.file = file_index;
    st.line = static_cast<int>(i + 1);
    // Pieces: columns 1-71 of the first line, 16-71 of each continuation.
    std::vector<std::string> pieces{std::string(cols(L[i], 0, 71))};
    bool cont = L[i].size() >= 72 && L[i][71] != ' ';
    size_t j = i + 1;
    while (cont) {
      if (j >= L.size()) {
        st.error = "continuation line missing at end of file";
        break;
      }
      const std::string& c = L[j];
      if (!blank(cols(c, 0, 15))) {
        st.error = "bad continuation: columns 1-15 of line " + std::to_string(j + 1) + " must be blank";
        break;
      }
      pieces.emplace_back(cols(c, 15, 71));
      cont = c.size() >= 72 && c[71] != ' ';
      j++;
    }
    st.nlines = static_cast<int>(j - i);
    i = j;
    const std::string& p0 = pieces[0];
    if (blank(p0) && pieces.size() == 1) {
      st.comment = true;  // a blank line: listed, otherwise ignored
      out.push_back(std::move(st));
      continue;
    }
    if (p0[0] == '*' || (p0.size() > 1 && p0[0] == '.' && p0[1] == '*')) {
      st.comment = true;
      st.op = p0[0] == '*' ? "*" : ".*";
      out.push_back(std::move(st));
      continue;
    }
    size_t k = 0;
    if (p0[0] != ' ') {
      while (k < p0.size() && p0[k] != ' ') k++;
      st.label = p0.substr(0, k);
    }
    while (k < p0.size() && p0[k] == ' ') k++;
    size_t b = k;
    while (k < p0.size() && p0[k] != ' ') k++;
    st.op = p0.substr(b, k - b);
    while (k < p0.size() && p0[k] == ' ') k++;
    // The operand field, quote-aware, across the pieces: a blank after a
    // comma ends the line's operands when a continuation follows (the
    // remarks of that line are skipped); any other blank ends the field.
    std::string ops;
    bool q = false;
    size_t pi = 0, pos = k;
    // Conditional-assembly operands may hold blanks inside parentheses
    // (AIF (&A EQ 1 AND &B GT 2).X).
    const std::string uop = upper(st.op);
    const bool paren_blanks = uop == "AIF" || uop == "SETB" || uop == "SETA" || uop == "SETC" || uop == "AGO";
    int depth = 0;
    if (pos >= p0.size() && pieces.size() > 1) {  // operands start on the next line
      pi = 1;
      pos = pieces[1].find_first_not_of(' ');
      if (pos == std::string::npos) pos = pieces[1].size();
    }
    for (;;) {
      const std::string& p = pieces[pi];
      if (pos >= p.size()) {
        if (pi + 1 < pieces.size() && (q || !ops.empty())) {
          pi++;
          pos = 0;
          if (!q && !ops.empty() && ops.back() == ',') {
            pos = pieces[pi].find_first_not_of(' ');
            if (pos == std::string::npos) pos = pieces[pi].size();
          }
          continue;
        }
        break;
      }
      char c = p[pos];
      if (q) {
        ops += c;
        if (c == '\'') {
          if (pos + 1 < p.size() && p[pos + 1] == '\'') ops += p[++pos];
          else q = false;
        }
        pos++;
        continue;
      }
      if (c == ' ' && paren_blanks && depth > 0) {
        ops += c;
        pos++;
        continue;
      }
      if (c == '(') depth++;
      if (c == ')') depth--;
      if (c == ' ') {
        if (!ops.empty() && ops.back() == ',' && pi + 1 < pieces.size()) {
          pi++;
          pos = pieces[pi].find_first_not_of(' ');
          if (pos == std::string::npos) pos = pieces[pi].size();
          continue;
        }
        break;
      }
      ops += c;
      // Whether this quote opens a string depends on the character after
      // it (L'X is an attribute), which is not in `ops` yet.
      if (c == '\'') {
        const std::string look = ops + (pos + 1 < p.size() ? std::string(1, p[pos + 1]) : std::string());
        if (!is_attr_quote(look, ops.size() - 1)) q = true;
      }
      pos++;
    }
    st.operands = std::move(ops);
    out.push_back(std::move(st));
  }
  return out;
}

// ---------------------------------------------------------------- Context

std::string Diag::format() const {
  return file + ":" + std::to_string(line) + ": " + (warning ? "warning: " : "") + msg;
}

void Context::error(int file, int line, std::string msg) {
  errors++;
  if (seen[std::to_string(file) + ":" + std::to_string(line) + ":" + msg]++) return;
  diags.push_back({order, Diag{file >= 0 ? files[file].name : "?", line, std::move(msg), false}});
}

void Context::warning(int file, int line, std::string msg) {
  if (seen[std::to_string(file) + ":" + std::to_string(line) + ":w:" + msg]++) return;
  diags.push_back({order, Diag{file >= 0 ? files[file].name : "?", line, std::move(msg), true}});
}

int Context::add_text(const std::string& name, const std::string& text) {
  SourceFile f;
  f.name = name;
  std::string line;
  auto push = [&](std::string s) {
    if (!s.empty() && s.back() == '\r') s.pop_back();
    std::string e;
    for (char c : s) {
      if (c == '\t') {
        do e += ' ';
        while (e.size() % 8);
      } else {
        e += c;
      }
    }
    f.lines.push_back(std::move(e));
  };
  size_t a = 0;
  while (a < text.size()) {
    size_t nl = text.find('\n', a);
    if (nl == std::string::npos) nl = text.size();
    push(text.substr(a, nl - a));
    a = nl + 1;
  }
  files.push_back(std::move(f));
  return static_cast<int>(files.size() - 1);
}

int Context::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return -1;
  std::ostringstream ss;
  ss << in.rdbuf();
  return add_text(path, ss.str());
}

int Context::open_library(const std::string& name, const std::string& ext) {
  std::string text;
  if (opt.find_member && opt.find_member(name, text)) return add_text(name + " (library member)", text);
  const std::string path = find_library(name, ext);
  return path.empty() ? -1 : load(path);
}

std::string Context::find_library(const std::string& name, const std::string& ext) const {
  namespace fs = std::filesystem;
  std::string lower = name;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& d : opt.include_dirs) {
    for (const std::string& n : {name, lower}) {
      fs::path p = fs::path(d) / (n + ext);
      std::error_code ec;
      if (fs::is_regular_file(p, ec)) return p.string();
    }
  }
  return {};
}

}  // namespace s370::as
