// DC and DS operands (HLASM Language Reference, "DC instruction"): the
// duplication factor, type, length modifier and nominal values, and the
// bytes of the data types that need no symbol values: C X B F H P Z E D L.
// Address constants (A Y V S) are built by the assembler, which knows the
// symbols.
#include <algorithm>

#include "s370/asm/internal.h"

namespace s370::as {

int64_t DcOperand::total() const {
  int64_t sum = 0;
  for (int64_t l : lens) sum += l;
  return dup * sum;
}

namespace {

// A duplication factor or length: decimal, or (expression) of symbols
// already defined (HLASM requires them absolute and previously defined).
bool modifier_value(std::string_view s, size_t& pos, SymbolLookup& lk, int64_t& v, std::string& err, bool& undefined) {
  if (pos < s.size() && s[pos] == '(') {
    pos++;
    ExprResult r = eval_expr(s, pos, lk);
    if (!r.ok) {
      err = r.error;
      undefined = r.undefined;
      return false;
    }
    if (!r.value.absolute()) {
      err = "relocatable duplication factor or length";
      return false;
    }
    if (pos >= s.size() || s[pos] != ')') {
      err = "missing right parenthesis";
      return false;
    }
    pos++;
    v = r.value.v;
    return true;
  }
  if (pos >= s.size() || !is_digit(s[pos])) {
    err = "bad modifier";
    return false;
  }
  v = 0;
  while (pos < s.size() && is_digit(s[pos])) {
    v = v * 10 + (s[pos++] - '0');
    if (v > 1000000) {
      err = "duplication factor or length too large";
      return false;
    }
  }
  return true;
}

// Digits of a P or Z value, with its sign; the decimal point is ignored.
bool decimal_digits(std::string_view v, std::string& digits, bool& neg, std::string& err) {
  size_t i = 0;
  neg = false;
  if (i < v.size() && (v[i] == '+' || v[i] == '-')) neg = v[i++] == '-';
  bool point = false;
  for (; i < v.size(); i++) {
    if (is_digit(v[i])) digits += v[i];
    else if (v[i] == '.' && !point) point = true;
    else {
      err = "bad decimal constant '" + std::string(v) + "'";
      return false;
    }
  }
  if (digits.empty()) {
    err = "decimal constant with no digits";
    return false;
  }
  return true;
}

// Implicit lengths of X, B, P, Z: from the number of digits of each value.
int64_t implicit_length(char type, std::string_view v) {
  switch (type) {
    case 'X': return (static_cast<int64_t>(v.size()) + 1) / 2;
    case 'B': return (static_cast<int64_t>(v.size()) + 7) / 8;
    case 'P':
    case 'Z': {
      int64_t n = 0;
      for (char c : v) n += is_digit(c);
      return type == 'P' ? n / 2 + 1 : n;
    }
    default: return 1;
  }
}

}  // namespace

// dup type [H] [Ln] nominal: HLASM Language Reference, "DC instruction",
// subfields 1 to 6.
bool parse_dc_operand(std::string_view s, size_t& pos, bool need_nominal, SymbolLookup& lk, DcOperand& out,
                      std::string& err, bool& undefined) {
  undefined = false;
  out = DcOperand{};
  if (pos < s.size() && (s[pos] == '(' || is_digit(s[pos]))) {
    if (!modifier_value(s, pos, lk, out.dup, err, undefined)) return false;
    if (out.dup < 0) {
      err = "negative duplication factor";
      return false;
    }
  }
  if (pos >= s.size() || !is_alpha(s[pos])) {
    err = "missing constant type";
    return false;
  }
  out.type = to_upper(s[pos++]);
  static const std::string_view kTypes = "CXBFHAYVPZEDLS";
  if (kTypes.find(out.type) == std::string_view::npos) {
    err = std::string("unsupported constant type '") + out.type + "'";
    return false;
  }
  if ((out.type == 'E' || out.type == 'D' || out.type == 'L') && pos < s.size() && to_upper(s[pos]) == 'H') {
    out.ext = 'H';
    pos++;
  }
  int64_t deflen = 1;
  switch (out.type) {
    case 'F': case 'A': case 'V': case 'E': deflen = 4; out.align = 4; break;
    case 'H': case 'Y': case 'S': deflen = 2; out.align = 2; break;
    case 'D': deflen = 8; out.align = 8; break;
    case 'L': deflen = 16; out.align = 8; break;
    default: break;
  }
  if (pos < s.size() && to_upper(s[pos]) == 'L') {
    pos++;
    if (pos < s.size() && s[pos] == '.') {
      err = "bit-length modifiers are not supported";
      return false;
    }
    if (!modifier_value(s, pos, lk, out.length, err, undefined)) return false;
    out.explicit_length = true;
    out.align = 1;
    int64_t maxlen = 256;
    switch (out.type) {
      case 'C': case 'X': case 'B': maxlen = 65535; break;
      case 'P': case 'Z': maxlen = 16; break;
      case 'F': case 'H': maxlen = 8; break;
      case 'A': maxlen = 4; break;
      case 'Y': case 'S': maxlen = 2; break;
      case 'V': maxlen = 4; break;
      case 'E': case 'D': maxlen = 8; break;
      case 'L': maxlen = 16; break;
    }
    int64_t minlen = (out.type == 'V') ? 3 : (out.type == 'S') ? 2 : (out.type == 'E' || out.type == 'D' || out.type == 'L') ? 2 : 1;
    if (out.length < minlen || out.length > maxlen) {
      err = "length modifier " + std::to_string(out.length) + " out of range for type " + out.type;
      return false;
    }
  }
  if (pos < s.size() && (to_upper(s[pos]) == 'S' || to_upper(s[pos]) == 'E') && pos + 1 < s.size() &&
      (is_digit(s[pos + 1]) || s[pos + 1] == '(' || s[pos + 1] == '-' || s[pos + 1] == '+')) {
    err = "scale and exponent modifiers are not supported";
    return false;
  }
  bool addr = out.type == 'A' || out.type == 'Y' || out.type == 'V' || out.type == 'S';
  if (pos < s.size() && ((!addr && s[pos] == '\'') || (addr && s[pos] == '('))) {
    out.has_nominal = true;
    if (!addr) {
      size_t p = pos + 1;
      std::string body;
      for (;;) {
        if (p >= s.size()) {
          err = "missing closing quote in constant";
          return false;
        }
        if (s[p] == '\'') {
          if (p + 1 < s.size() && s[p + 1] == '\'') {
            body += '\'';
            p += 2;
            continue;
          }
          break;
        }
        if (out.type == 'C' && s[p] == '&' && p + 1 < s.size() && s[p + 1] == '&') p++;
        body += s[p++];
      }
      pos = p + 1;
      out.nominal = body;
      if (out.type == 'C') {
        out.values.push_back(body);
      } else {
        size_t a = 0;
        for (;;) {
          size_t c = body.find(',', a);
          std::string v = body.substr(a, c == std::string::npos ? std::string::npos : c - a);
          v.erase(std::remove(v.begin(), v.end(), ' '), v.end());
          if (v.empty()) {
            err = std::string("empty nominal value in ") + out.type + "-type constant";
            return false;
          }
          out.values.push_back(v);
          if (c == std::string::npos) break;
          a = c + 1;
        }
      }
    } else {
      int d = 0;
      size_t p = pos;
      bool q = false;
      for (; p < s.size(); p++) {
        if (q) {
          if (s[p] == '\'') q = false;
          continue;
        }
        if (s[p] == '\'' && !is_attr_quote(s, p)) q = true;
        else if (s[p] == '(') d++;
        else if (s[p] == ')' && --d == 0) break;
      }
      if (p >= s.size()) {
        err = "missing right parenthesis in address constant";
        return false;
      }
      out.values = split_operands(s.substr(pos + 1, p - pos - 1));
      pos = p + 1;
      if (out.values.empty() || std::any_of(out.values.begin(), out.values.end(), [](auto& v) { return v.empty(); })) {
        err = "empty address constant";
        return false;
      }
    }
  } else if (need_nominal && out.dup != 0) {
    err = std::string("missing nominal value in ") + out.type + "-type constant";
    return false;
  }
  // Lengths of each value.
  if (out.explicit_length) {
    out.lens.assign(std::max<size_t>(out.values.size(), 1), out.length);
  } else if (out.type == 'C') {
    if (out.has_nominal && out.values[0].empty()) {
      err = "empty character constant";
      return false;
    }
    out.length = out.has_nominal ? static_cast<int64_t>(out.values[0].size()) : 1;
    out.lens.assign(1, out.length);
  } else if (out.type == 'X' || out.type == 'B' || out.type == 'P' || out.type == 'Z') {
    if (!out.has_nominal) {
      out.lens.assign(1, 1);
    } else {
      for (auto& v : out.values) out.lens.push_back(implicit_length(out.type, v));
    }
    out.length = out.lens[0];
  } else {
    out.length = deflen;
    out.lens.assign(std::max<size_t>(out.values.size(), 1), deflen);
  }
  if (!out.has_nominal) out.values.clear();
  if (out.length > 65535) {
    err = "constant too long";
    return false;
  }
  return true;
}

// ------------------------------------------------------------ HFP numbers
namespace {

__extension__ typedef unsigned __int128 u128;

// A small unsigned big integer, little-endian 32-bit limbs.
// Exact conversion needs more than 64 bits: 10**85 and 16**28 meet here.
struct Big {
  std::vector<u32> d;
  bool zero() const {
    return std::all_of(d.begin(), d.end(), [](u32 x) { return x == 0; });
  }
  void mul_add(u32 m, u32 a) {
    u64 carry = a;
    for (u32& x : d) {
      u64 t = u64{x} * m + carry;
      x = static_cast<u32>(t);
      carry = t >> 32;
    }
    if (carry) d.push_back(static_cast<u32>(carry));
  }
  void trim() {
    while (!d.empty() && d.back() == 0) d.pop_back();
  }
  Big shl(int n) const {
    Big r;
    r.d.assign(n / 32, 0);
    int b = n % 32;
    u32 carry = 0;
    for (u32 x : d) {
      r.d.push_back(b ? (x << b) | carry : x);
      carry = b ? x >> (32 - b) : 0;
    }
    if (carry) r.d.push_back(carry);
    r.trim();
    return r;
  }
  static int cmp(const Big& a, const Big& b) {
    size_t n = std::max(a.d.size(), b.d.size());
    for (size_t i = n; i-- > 0;) {
      u32 x = i < a.d.size() ? a.d[i] : 0, y = i < b.d.size() ? b.d[i] : 0;
      if (x != y) return x < y ? -1 : 1;
    }
    return 0;
  }
  void sub(const Big& b) {  // *this >= b
    i64 borrow = 0;
    for (size_t i = 0; i < d.size(); i++) {
      i64 t = i64{d[i]} - (i < b.d.size() ? i64{b.d[i]} : 0) - borrow;
      borrow = t < 0;
      d[i] = static_cast<u32>(t + (borrow ? (i64{1} << 32) : 0));
    }
    trim();
  }
};

Big pow10(int n) {
  Big b;
  b.d = {1};
  for (int i = 0; i < n; i++) b.mul_add(10, 0);
  return b;
}

Big mul(const Big& a, const Big& b) {
  Big r;
  r.d.assign(a.d.size() + b.d.size() + 1, 0);
  for (size_t i = 0; i < a.d.size(); i++) {
    u64 carry = 0;
    for (size_t j = 0; j < b.d.size(); j++) {
      u64 t = u64{a.d[i]} * b.d[j] + r.d[i + j] + carry;
      r.d[i + j] = static_cast<u32>(t);
      carry = t >> 32;
    }
    r.d[i + b.d.size()] += static_cast<u32>(carry);
  }
  r.trim();
  return r;
}

}  // namespace

// HFP (Principles of Operation, chapter 9, "Floating-point number
// representation"): sign, 7-bit characteristic (excess 64), fraction of
// 6, 14 or 28 hexadecimal digits, normalized. The decimal value is an exact
// rational N/D; the fraction is computed by long division.
bool hfp_constant(std::string_view text, int bytes, char type, std::vector<u8>& out, std::string& err) {
  size_t i = 0;
  bool neg = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) neg = text[i++] == '-';
  Big m;
  m.d = {0};
  int frac_digits = 0, ndigits = 0;
  bool point = false;
  for (; i < text.size() && (is_digit(text[i]) || text[i] == '.'); i++) {
    if (text[i] == '.') {
      if (point) break;
      point = true;
      continue;
    }
    m.mul_add(10, static_cast<u32>(text[i] - '0'));
    ndigits++;
    if (point) frac_digits++;
    if (ndigits > 60) {
      err = "too many digits in floating-point constant";
      return false;
    }
  }
  long exp10 = 0;
  if (i < text.size() && to_upper(text[i]) == 'E') {
    i++;
    bool eneg = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) eneg = text[i++] == '-';
    size_t b = i;
    while (i < text.size() && is_digit(text[i]) && i - b < 4) exp10 = exp10 * 10 + (text[i++] - '0');
    if (i == b) {
      err = "bad exponent in floating-point constant";
      return false;
    }
    if (eneg) exp10 = -exp10;
  }
  if (ndigits == 0 || i != text.size()) {
    err = "bad floating-point constant '" + std::string(text) + "'";
    return false;
  }
  out.assign(bytes, 0);
  m.trim();
  if (m.zero()) return true;
  long e = exp10 - frac_digits;
  if (e > 100 || e < -160) {
    err = "floating-point constant out of range";
    return false;
  }
  Big num = e > 0 ? mul(m, pow10(static_cast<int>(e))) : m;
  Big den = e < 0 ? pow10(static_cast<int>(-e)) : pow10(0);
  // x: the hexadecimal exponent with 16**(x-1) <= value < 16**x.
  int x = 0;
  while (Big::cmp(num, den.shl(4 * x)) >= 0) x++;
  if (x == 0)
    while (x > -100 && Big::cmp(num.shl(4 * (1 - x)), den) < 0) x--;
  int k = (type == 'L' && bytes == 16) ? 28 : 2 * std::min(bytes, 8) - 2;
  // F = value * 16**(k-x) * 2, one bit more than the fraction keeps, then
  // round by adding one in the first lost bit position (HLASM's default).
  int sh = 4 * (k - x) + 1;
  Big a = sh >= 0 ? num.shl(sh) : num;
  Big b = sh >= 0 ? den : den.shl(-sh);
  u128 q = 0;
  for (int bit = 4 * k + 2; bit >= 0; bit--) {
    Big t = b.shl(bit);
    if (Big::cmp(a, t) >= 0) {
      a.sub(t);
      q |= u128{1} << bit;
    }
  }
  q = (q + 1) >> 1;
  if (q >> (4 * k)) {  // rounding carried into a new hexadecimal digit
    q >>= 4;
    x++;
  }
  int ch = x + 64;
  if (ch > 127 || ch < 0) {
    err = "floating-point constant out of range";
    return false;
  }
  if (type == 'L' && bytes == 16) {
    u128 hi = q >> 56, lo = q & ((u128{1} << 56) - 1);
    out[0] = static_cast<u8>((neg ? 0x80 : 0) | ch);
    for (int j = 0; j < 7; j++) out[1 + j] = static_cast<u8>(hi >> (8 * (6 - j)));
    // The low-order half: same sign, characteristic 14 less (HLASM note 1).
    out[8] = static_cast<u8>((neg ? 0x80 : 0) | ((ch - 14) & 0x7F));
    for (int j = 0; j < 7; j++) out[9 + j] = static_cast<u8>(lo >> (8 * (6 - j)));
    return true;
  }
  out[0] = static_cast<u8>((neg ? 0x80 : 0) | ch);
  for (int j = 1; j < bytes; j++) out[j] = static_cast<u8>(q >> (8 * (bytes - 1 - j)));
  return true;
}

// The bytes of one nominal value; the truncation and padding rules are
// those of each type's table in the HLASM Language Reference.
bool dc_bytes(const DcOperand& op, size_t index, std::vector<u8>& out, std::string& err) {
  const std::string& v = op.values[index];
  const int64_t len = op.lens[index];
  out.assign(static_cast<size_t>(len), 0);
  switch (op.type) {
    case 'C': {
      for (int64_t i = 0; i < len; i++) {
        if (i < static_cast<int64_t>(v.size())) {
          if (!to_ebcdic(v[i], out[i])) {
            err = "character with no EBCDIC code in constant";
            return false;
          }
        } else {
          out[i] = 0x40;  // padded on the right with blanks
        }
      }
      return true;
    }
    case 'X':
    case 'B': {
      // Right-aligned; padded or truncated on the left.
      int bits = op.type == 'X' ? 4 : 1;
      int64_t pos = len * 8;
      for (size_t i = v.size(); i-- > 0;) {
        char c = to_upper(v[i]);
        int d = is_digit(c) ? c - '0' : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : 99;
        if (d >= (1 << bits)) {
          err = std::string("bad digit '") + v[i] + "' in " + op.type + "-type constant";
          return false;
        }
        pos -= bits;
        if (pos >= 0) out[pos / 8] |= static_cast<u8>(d << (8 - bits - pos % 8));
      }
      return true;
    }
    case 'F':
    case 'H': {
      size_t i = 0;
      bool neg = false;
      if (i < v.size() && (v[i] == '+' || v[i] == '-')) neg = v[i++] == '-';
      if (i >= v.size()) {
        err = "bad fixed-point constant '" + v + "'";
        return false;
      }
      // digits [. digits] [E [sign] digits]: the value must come out an
      // integer (a fraction would need a scale modifier).
      u64 mag = 0;
      int frac = 0, ndig = 0;
      bool point = false;
      for (; i < v.size() && (is_digit(v[i]) || (v[i] == '.' && !point)); i++) {
        if (v[i] == '.') {
          point = true;
          continue;
        }
        if (mag > (u64{1} << 59)) {
          err = "fixed-point constant too large";
          return false;
        }
        mag = mag * 10 + static_cast<u64>(v[i] - '0');
        ndig++;
        if (point) frac++;
      }
      int exp = 0;
      if (i < v.size() && to_upper(v[i]) == 'E') {
        i++;
        bool eneg = false;
        if (i < v.size() && (v[i] == '+' || v[i] == '-')) eneg = v[i++] == '-';
        size_t b0 = i;
        while (i < v.size() && is_digit(v[i]) && i - b0 < 3) exp = exp * 10 + (v[i++] - '0');
        if (i == b0) i = v.size() + 1;  // no exponent digits: bad
        if (eneg) exp = -exp;
      }
      if (ndig == 0 || i != v.size()) {
        err = "bad fixed-point constant '" + v + "'";
        return false;
      }
      for (int k = exp - frac; k != 0; k += k > 0 ? -1 : 1) {
        if (k > 0) {
          if (mag > (u64{1} << 59)) {
            err = "fixed-point constant too large";
            return false;
          }
          mag *= 10;
        } else if (mag % 10) {
          err = "fixed-point constant '" + v + "' has a fraction (scale modifiers are not supported)";
          return false;
        } else {
          mag /= 10;
        }
      }
      int nbits = static_cast<int>(len) * 8;
      u64 lim = u64{1} << (nbits - 1);
      if ((!neg && mag >= lim) || (neg && mag > lim)) {
        err = "fixed-point constant " + v + " too large for " + std::to_string(len) + " bytes";
        return false;
      }
      u64 x = neg ? ~mag + 1 : mag;
      for (int64_t j = 0; j < len; j++) out[len - 1 - j] = static_cast<u8>(x >> (8 * j));
      return true;
    }
    case 'P':
    case 'Z': {
      std::string digits;
      bool neg;
      if (!decimal_digits(v, digits, neg, err)) return false;
      if (op.type == 'P') {
        // Sign C plus, D minus in the rightmost half-byte; digits to the left.
        std::vector<int> nib(static_cast<size_t>(len) * 2, 0);
        nib.back() = neg ? 0xD : 0xC;
        int64_t p = static_cast<int64_t>(nib.size()) - 2;
        for (size_t j = digits.size(); j-- > 0 && p >= 0;) nib[p--] = digits[j] - '0';
        for (int64_t j = 0; j < len; j++) out[j] = static_cast<u8>(nib[2 * j] << 4 | nib[2 * j + 1]);
      } else {
        // Zoned: F zones, the sign in the zone of the rightmost byte.
        std::fill(out.begin(), out.end(), 0xF0);
        int64_t p = len - 1;
        for (size_t j = digits.size(); j-- > 0 && p >= 0;) out[p--] = static_cast<u8>(0xF0 | (digits[j] - '0'));
        out[len - 1] = static_cast<u8>((neg ? 0xD0 : 0xC0) | (out[len - 1] & 0x0F));
      }
      return true;
    }
    case 'E':
    case 'D':
    case 'L': {
      std::vector<u8> f;
      if (!hfp_constant(v, static_cast<int>(len), op.type, f, err)) return false;
      out = f;
      return true;
    }
    default:
      err = "internal: dc_bytes for address constant";
      return false;
  }
}

}  // namespace s370::as
