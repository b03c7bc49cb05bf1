// Expressions of the assembler language (HLASM Language Reference, "Terms,
// literals and expressions"): symbols, the location counter *, self-defining
// terms, the length attribute L', literals, + - * / and parentheses. A value
// keeps its relocatable terms apart so that USING and the object deck see
// which section an address is in; pairs of terms of one section cancel.
#include <algorithm>

#include "s370/asm/internal.h"

namespace s370::as {

void Value::add_rel(int id, int k) {
  for (auto it = rel.begin(); it != rel.end(); ++it) {
    if (it->first == id) {
      it->second += k;
      if (it->second == 0) rel.erase(it);
      return;
    }
  }
  if (k) rel.push_back({id, k});
}

// Decimal, X'..', B'..' or C'..' (at most 4 characters, EBCDIC):
// HLASM Language Reference, "Self-defining terms".
bool self_defining(std::string_view s, size_t& pos, int64_t& v, std::string& err) {
  size_t p = pos;
  if (p < s.size() && is_digit(s[p])) {
    v = 0;
    while (p < s.size() && is_digit(s[p])) {
      v = v * 10 + (s[p] - '0');
      if (v > 0xFFFFFFFFLL) {
        err = "decimal self-defining term too large";
        return false;
      }
      p++;
    }
    pos = p;
    return true;
  }
  if (p + 1 >= s.size() || s[p + 1] != '\'') return false;
  char t = to_upper(s[p]);
  if (t != 'X' && t != 'B' && t != 'C') return false;
  p += 2;
  std::string body;
  for (;;) {
    if (p >= s.size()) {
      err = "unterminated self-defining term";
      return false;
    }
    if (s[p] == '\'') {
      if (t == 'C' && p + 1 < s.size() && s[p + 1] == '\'') {
        body += '\'';
        p += 2;
        continue;
      }
      p++;
      break;
    }
    if (t == 'C' && s[p] == '&' && p + 1 < s.size() && s[p + 1] == '&') p++;
    body += s[p++];
  }
  uint64_t x = 0;
  if (t == 'X') {
    if (body.empty() || body.size() > 8) {
      err = "bad hexadecimal self-defining term";
      return false;
    }
    for (char c : body) {
      c = to_upper(c);
      int d = is_digit(c) ? c - '0' : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
      if (d < 0) {
        err = "bad hexadecimal self-defining term";
        return false;
      }
      x = x * 16 + static_cast<uint64_t>(d);
    }
  } else if (t == 'B') {
    if (body.empty() || body.size() > 32) {
      err = "bad binary self-defining term";
      return false;
    }
    for (char c : body) {
      if (c != '0' && c != '1') {
        err = "bad binary self-defining term";
        return false;
      }
      x = x * 2 + static_cast<uint64_t>(c - '0');
    }
  } else {
    if (body.empty() || body.size() > 4) {
      err = "bad character self-defining term";
      return false;
    }
    for (char c : body) {
      u8 e;
      if (!to_ebcdic(c, e)) {
        err = "character with no EBCDIC code";
        return false;
      }
      x = x * 256 + e;
    }
  }
  // X'FFFFFFFF' is -1: self-defining terms are 32-bit two's complement.
  v = static_cast<int32_t>(static_cast<uint32_t>(x));
  pos = p;
  return true;
}

namespace {

// End of a literal's text: dup factor, type, modifiers, nominal value.
// A literal is a DC operand after '=': it ends after its nominal value.
size_t literal_end(std::string_view s, size_t p) {
  auto skip_parens = [&](size_t q) {
    int d = 0;
    bool quote = false;
    for (; q < s.size(); q++) {
      if (quote) {
        if (s[q] == '\'') quote = false;
        continue;
      }
      if (s[q] == '\'') quote = true;
      else if (s[q] == '(') d++;
      else if (s[q] == ')' && --d == 0) return q + 1;
    }
    return s.size();
  };
  if (p < s.size() && s[p] == '(') p = skip_parens(p);
  while (p < s.size() && is_digit(s[p])) p++;
  while (p < s.size() && is_alpha(s[p]) && !(to_upper(s[p]) == 'L' && p + 1 < s.size() &&
                                             (is_digit(s[p + 1]) || s[p + 1] == '(')))
    p++;
  if (p < s.size() && to_upper(s[p]) == 'L') {
    p++;
    if (p < s.size() && s[p] == '(') p = skip_parens(p);
    else
      while (p < s.size() && is_digit(s[p])) p++;
  }
  if (p < s.size() && s[p] == '\'') {
    p++;
    while (p < s.size()) {
      if (s[p] == '\'') {
        if (p + 1 < s.size() && s[p + 1] == '\'') {
          p += 2;
          continue;
        }
        return p + 1;
      }
      p++;
    }
    return p;
  }
  if (p < s.size() && s[p] == '(') return skip_parens(p);
  return p;
}

// Recursive descent: sum := product {+|- product}; product := unary
// {*|/ unary}; unary := [+|-] unary | primary. Depth is bounded so that a
// hostile source cannot exhaust the stack.
struct Parser {
  std::string_view s;
  size_t p;
  SymbolLookup& lk;
  bool allow_literal;
  ExprResult r;
  bool first = true;  // the next primary is the leftmost term
  int depth = 0;

  bool fail(std::string msg) {
    if (r.error.empty()) r.error = std::move(msg);
    return false;
  }

  // The leftmost term gives the expression's length attribute (used for
  // the implicit lengths of SS instructions).
  bool primary(Value& out) {
    if (++depth > 100) return fail("expression too deeply nested");
    bool lead = first;
    first = false;
    if (p >= s.size()) return fail("missing term in expression");
    char c = s[p];
    if (c == '(') {
      p++;
      first = lead;
      if (!sum(out)) return false;
      if (p >= s.size() || s[p] != ')') return fail("missing right parenthesis in expression");
      p++;
      return true;
    }
    if (c == '*') {
      p++;
      if (!lk.location(out)) return fail("location counter not available here");
      if (lead) {
        r.length = lk.location_length();
        r.has_length = true;
      }
      return true;
    }
    if (c == '=') {
      if (!allow_literal) return fail("literal not allowed here");
      size_t e = literal_end(s, p + 1);
      std::string_view text = s.substr(p, e - p);
      p = e;
      int64_t len = 1;
      if (!lk.literal(text, out, len)) {
        r.undefined = true;
        return fail("literal " + std::string(text) + " not in a pool");
      }
      if (lead) {
        r.length = len;
        r.has_length = true;
      }
      return true;
    }
    if (is_digit(c) || (p + 1 < s.size() && s[p + 1] == '\'' && !is_attr_quote(s, p + 1))) {
      int64_t v;
      std::string err;
      if (!self_defining(s, p, v, err)) return fail(err.empty() ? "bad term in expression" : err);
      out = Value{v, {}};
      return true;
    }
    if (p + 1 < s.size() && s[p + 1] == '\'' && to_upper(c) == 'L') {
      p += 2;
      int64_t len = 1;
      if (p < s.size() && s[p] == '*') {
        p++;
        len = lk.location_length();
      } else {
        size_t b = p;
        while (p < s.size() && is_symch(s[p])) p++;
        std::string name = upper(s.substr(b, p - b));
        if (!is_symbol(name)) return fail("bad length attribute reference");
        Value dummy;
        if (!lk.symbol(name, dummy, len)) {
          r.undefined = true;
          return fail("undefined symbol " + name);
        }
      }
      out = Value{len, {}};
      return true;
    }
    if (is_alpha(c)) {
      size_t b = p;
      while (p < s.size() && is_symch(s[p])) p++;
      std::string name = upper(s.substr(b, p - b));
      if (name.size() > 63) return fail("symbol too long: " + name);
      int64_t len = 1;
      if (!lk.symbol(name, out, len)) {
        r.undefined = true;
        return fail("undefined symbol " + name);
      }
      if (lead) {
        r.length = len;
        r.has_length = true;
      }
      return true;
    }
    return fail(std::string("unexpected '") + c + "' in expression");
  }

  bool unary(Value& out) {
    if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
      bool neg = s[p] == '-';
      p++;
      first = false;
      if (++depth > 100) return fail("expression too deeply nested");
      if (!unary(out)) return false;
      if (neg) {
        out.v = -out.v;
        for (auto& t : out.rel) t.second = -t.second;
      }
      return true;
    }
    return primary(out);
  }

  // Multiplication and division are for absolute terms only.
  bool product(Value& out) {
    if (!unary(out)) return false;
    while (p < s.size() && (s[p] == '*' || s[p] == '/')) {
      char op = s[p++];
      Value b;
      if (!unary(b)) return false;
      if (!out.absolute() || !b.absolute()) return fail("relocatable term in multiplication or division");
      if (op == '*') out.v = static_cast<int32_t>(static_cast<uint32_t>(out.v * b.v));
      else out.v = b.v == 0 ? 0 : out.v / b.v;  // HLASM: division by zero gives 0
    }
    return true;
  }

  // Relocatable terms add per section; A-B of one section cancels.
  bool sum(Value& out) {
    if (!product(out)) return false;
    while (p < s.size() && (s[p] == '+' || s[p] == '-')) {
      bool minus = s[p++] == '-';
      Value b;
      if (!product(b)) return false;
      out.v += minus ? -b.v : b.v;
      for (auto& t : b.rel) out.add_rel(t.first, minus ? -t.second : t.second);
      if (out.rel.size() > 8) return fail("expression too complex");
    }
    return true;
  }
};

}  // namespace

ExprResult eval_expr(std::string_view s, size_t& pos, SymbolLookup& lk, bool allow_literal) {
  Parser ps{s, pos, lk, allow_literal, {}};
  Value v;
  if (ps.sum(v)) {
    ps.r.ok = true;
    ps.r.value = v;
  } else if (ps.r.error.empty()) {
    ps.r.error = "bad expression";
  }
  pos = ps.p;
  return ps.r;
}

}  // namespace s370::as
