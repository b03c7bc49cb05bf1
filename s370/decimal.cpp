// Decimal instructions (Principles of Operation, chapter 8, "Decimal
// Instructions") and the decimal conversions and moves of chapter 7
// (CONVERT TO BINARY, CONVERT TO DECIMAL, MOVE WITH OFFSET, PACK, UNPACK).
//
// A packed-decimal operand of up to 16 bytes (31 digits and a sign) is held
// as one 128-bit integer: the digits stay in their 4-bit BCD form and are
// added and subtracted in parallel with carry tricks, without a loop over
// digits. Multiplication and division go through exact binary (31 digits
// are less than 2**104). Nothing here allocates.
//
// Exceptions follow chapter 8 ("Data Exception", "Decimal-Overflow
// Exception", "Decimal-Divide Exception") and the instruction descriptions:
// every operand is fetched and checked for valid digits (0-9) and sign
// (A-F) before anything is stored, so the operation is suppressed; decimal
// overflow stores the truncated result first. EDIT, which checks source
// digits as it meets them, is terminated instead. Where the Principles
// leave a choice, the choices of Hercules 3.13 (our oracle) are taken and
// said so; 215 vectors and some 3,000 random instructions agree with it.
#include "s370/formats.h"
#include "s370/instructions.h"

namespace s370::insn {

namespace {

__extension__ typedef unsigned __int128 u128;

constexpr u128 make128(u64 hi, u64 lo) { return (u128{hi} << 64) | lo; }

// A 6 in each of the 31 digit nibbles 0-30 (nibble 31 stays free for the
// carry out of digit 30), and the nibble-boundary bits 4, 8, ..., 124 where
// the carries out of digits 0-30 appear.
constexpr u128 kSixes = make128(0x0666666666666666, 0x6666666666666666);
constexpr u128 kNibbleCarries = make128(0x1111111111111111, 0x1111111111111110);

// A decimal operand: its digits as BCD, right-aligned, and its sign.
struct Dec {
  u128 d;
  bool neg;
};

// ---- Host-side helpers -----------------------------------------------------

// The `len` bytes (1..16) of an operand as a big-endian integer. A
// contiguous operand is read as two overlapping loads of the widest size
// that fits (the bytes they share are the same bytes, so ORing them is
// exact); this avoids a byte loop and store-to-load forwarding stalls.
u128 load_field(const Span& s, u32 len) {
  if (s.p1) [[unlikely]] {
    u128 v = 0;
    for (u32 i = 0; i < len; i++) v = (v << 8) | s[i];
    return v;
  }
  const u8* p = s.p0;
  if (len >= 8) return (u128{load_be64(p)} << (8 * (len - 8))) | load_be64(p + len - 8);
  if (len >= 4) return (u64{load_be32(p)} << (8 * (len - 4))) | load_be32(p + len - 4);
  if (len >= 2) return (u32{load_be16(p)} << (8 * (len - 2))) | load_be16(p + len - 2);
  return p[0];
}

// Stores the low `len` bytes of v, by the same overlapping accesses.
void store_field(const Span& s, u32 len, u128 v) {
  if (s.p1) [[unlikely]] {
    for (u32 i = len; i-- > 0; v >>= 8) s[i] = static_cast<u8>(v);
    return;
  }
  u8* p = s.p0;
  if (len >= 8) {
    store_be64(p, static_cast<u64>(v >> (8 * (len - 8))));
    store_be64(p + len - 8, static_cast<u64>(v));
  } else if (len >= 4) {
    store_be32(p, static_cast<u32>(v >> (8 * (len - 4))));
    store_be32(p + len - 4, static_cast<u32>(v));
  } else if (len >= 2) {
    store_be16(p, static_cast<u16>(v >> (8 * (len - 2))));
    store_be16(p + len - 2, static_cast<u16>(v));
  } else {
    p[0] = static_cast<u8>(v);
  }
}

// True when every nibble is a digit 0-9: adding 6 to a nibble carries out
// of it exactly when the nibble is A-F (a carry that ripples on into the
// next nibble needs an invalid nibble below it to start).
bool digits_valid(u128 d) { return (((d + kSixes) ^ d ^ kSixes) & kNibbleCarries) == 0; }

// Decimal addition of two valid 31-digit BCD values (D. W. Jones's method:
// bias every digit by 6, add in binary, take the 6 back out of each digit
// that produced no carry). A carry out of digit 30 lands in nibble 31.
u128 bcd_add(u128 a, u128 b) {
  const u128 t1 = a + kSixes;
  const u128 t2 = t1 + b;
  const u128 no_carry = ~(t2 ^ t1 ^ b) & kNibbleCarries;
  return t2 - ((no_carry >> 2) | (no_carry >> 3));
}

// Decimal a - b for valid BCD values with a >= b: subtract in binary, then
// take 6 from every digit that borrowed (16 was added where 10 was meant).
u128 bcd_sub(u128 a, u128 b) {
  const u128 t = a - b;
  const u128 borrow = (a ^ b ^ t) & kNibbleCarries;
  return t - ((borrow >> 2) | (borrow >> 3));
}

// 16 BCD digits to binary, combining neighbouring lanes in four steps.
u64 bcd_to_bin(u64 v) {
  v = (v & 0x0F0F0F0F0F0F0F0F) + ((v >> 4) & 0x0F0F0F0F0F0F0F0F) * 10;
  v = (v & 0x00FF00FF00FF00FF) + ((v >> 8) & 0x00FF00FF00FF00FF) * 100;
  v = (v & 0x0000FFFF0000FFFF) + ((v >> 16) & 0x0000FFFF0000FFFF) * 10000;
  return (v & 0xFFFFFFFF) + (v >> 32) * 100000000;
}

u128 bcd_to_bin(u128 v) {
  return u128{bcd_to_bin(static_cast<u64>(v >> 64))} * 10000000000000000ull + bcd_to_bin(static_cast<u64>(v));
}

// x < 10**8 to 8 BCD digits: split into lanes by 10**4, 10**2 and 10 with
// exact multiply-and-shift quotients, then squeeze the digit bytes into
// nibbles.
u32 bin_to_bcd8(u32 x) {
  u64 v = (u64{x / 10000} << 32) | (x % 10000);
  u64 q = ((v * 5243) >> 19) & 0x0000007F0000007F;  // lane / 100, exact below 43699
  v = (q << 16) | (v - q * 100);
  q = ((v * 103) >> 10) & 0x000F000F000F000F;  // lane / 10, exact below 179
  v = (q << 8) | (v - q * 10);
  v = (v | (v >> 4)) & 0x00FF00FF00FF00FF;
  v = (v | (v >> 8)) & 0x0000FFFF0000FFFF;
  return static_cast<u32>(v | (v >> 16));
}

constexpr u64 kTen8 = 100000000, kTen16 = 10000000000000000ull;

u64 bin_to_bcd(u64 x) {  // x < 10**16
  return (u64{bin_to_bcd8(static_cast<u32>(x / kTen8))} << 32) | bin_to_bcd8(static_cast<u32>(x % kTen8));
}

u128 bin_to_bcd(u128 x) {  // x < 10**31
  if (x < kTen16) return bin_to_bcd(static_cast<u64>(x));
  return (u128{bin_to_bcd(static_cast<u64>(x / kTen16))} << 64) | bin_to_bcd(static_cast<u64>(x % kTen16));
}

// Number of significant digits of a BCD value.
int digit_count(u128 d) {
  const u64 hi = static_cast<u64>(d >> 64), lo = static_cast<u64>(d);
  const int bits = hi ? 128 - __builtin_clzll(hi) : lo ? 64 - __builtin_clzll(lo) : 0;
  return (bits + 3) / 4;
}

// Mask of the low `digits` nibbles (digits <= 31).
u128 digit_mask(u32 digits) { return (u128{1} << (4 * digits)) - 1; }

// ---- Operands ---------------------------------------------------------------

// Splits a packed field into digits and sign, recognizing the data
// exception for a digit code A-F or a sign code 0-9 (chapter 8, "Decimal-
// Number Formats": signs A, C, E, F are plus, B and D minus).
Dec decode(Cpu& c, u128 raw) {
  const u32 sign = static_cast<u32>(raw) & 0xF;
  const u128 d = raw >> 4;
  if (sign < 0xA || !digits_valid(d)) c.program_check(pgm::kData);
  return Dec{d, sign == 0xB || sign == 0xD};
}

// Fetches and checks a packed operand of `len` bytes. Hercules' order:
// operand 1 is fetched and checked before operand 2 is fetched.
Dec fetch_packed(Cpu& c, VirtAddr a, u32 len) { return decode(c, load_field(c.span(a, len, Access::Fetch), len)); }

// Packed result with the preferred sign codes C and D.
u128 encode(u128 digits, bool neg) { return (digits << 4) | (neg ? 0xD : 0xC); }

// Stores the result of AP, SP, ZAP and SRP in a field of `len` bytes and
// sets the condition code: 0 zero, 1 negative, 2 positive, 3 overflow.
// A zero result is positive unless overflow lost its nonzero digits, in
// which case the sign is that of the true result (chapter 8, "Decimal-
// Overflow Exception": the operation is completed with the truncated
// result; the interruption is taken only when PSW bit 37 (BC) is one).
void store_result(Cpu& c, VirtAddr a, u32 len, u128 r, bool neg) {
  const u32 digits = 2 * len - 1;
  const bool overflow = (r >> (4 * digits)) != 0;
  if (r == 0) neg = false;
  Span s = c.span(a, len, Access::Store);
  store_field(s, len, encode(r & digit_mask(digits), neg));
  c.stored(a, len);
  if (overflow) [[unlikely]] {
    c.psw.cc = 3;
    // The result is stored and every caller returns right after: taken
    // without a C++ exception (Cpu::program_interrupt).
    if (c.psw.progmask & Psw::kPmDecimalOverflow) c.program_interrupt(pgm::kDecimalOverflow);
    return;
  }
  c.psw.cc = r == 0 ? 0 : neg ? 1 : 2;
}

// AP and SP. Both operands are fetched whole before the result is stored,
// so overlapping fields (the Principles allow them when the rightmost
// bytes coincide) give the result of the operands as they were.
void add_decimal(Cpu& c, const u8* ip, bool subtract) {
  SS f(c, ip);
  const u32 n1 = f.l1 + 1u, n2 = f.l2 + 1u;
  const Dec a = fetch_packed(c, f.a1, n1);
  Dec b = fetch_packed(c, f.a2, n2);
  if (subtract) b.neg = !b.neg;
  if (a.neg == b.neg) return store_result(c, f.a1, n1, bcd_add(a.d, b.d), a.neg);
  if (a.d >= b.d) return store_result(c, f.a1, n1, bcd_sub(a.d, b.d), a.neg);
  store_result(c, f.a1, n1, bcd_sub(b.d, a.d), b.neg);
}

// MP and DP: the second operand is at most 8 bytes (15 digits) and shorter
// than the first; otherwise a specification exception (suppression).
void check_mult_div_lengths(Cpu& c, const SS& f) {
  if (f.l2 > 7 || f.l2 >= f.l1) c.program_check(pgm::kSpecification);
}

// Edit byte codes (chapter 8, "EDIT").
constexpr u8 kDigitSelector = 0x20, kSignificanceStarter = 0x21, kFieldSeparator = 0x22;

// ED and EDMK. The pattern (operand 1) is replaced left to right; a source
// byte (operand 2) is fetched when a digit selector or significance
// starter needs its left digit. The result is built in a local copy and
// stored at the end, so access exceptions suppress; a source byte that
// lies in an already edited part of operand 1 is taken from that copy, as
// if every result byte had been stored at once (Hercules stores byte by
// byte).
void edit(Cpu& c, const u8* ip, bool mark) {
  SS f(c, ip);
  const u32 n = f.l + 1u;
  Span pat = c.span(f.a1, n, Access::Store);
  u8 out[256];
  const u8 fill = pat[0];
  u32 src = f.a2.v;
  bool sig = false, have_right = false, marked = false;
  u8 right = 0, cc = 0;
  u32 mark_addr = 0;
  for (u32 i = 0; i < n; i++) {
    const u8 p = pat[i];
    if (p == kDigitSelector || p == kSignificanceStarter) {
      u8 h;
      if (!have_right) {
        const u32 k = (src - f.a1.v) & kAddrMask;
        const u8 sb = k < i ? out[k] : c.read8(VirtAddr(src));
        src = (src + 1) & kAddrMask;
        h = sb >> 4;
        right = sb & 0xF;
        have_right = true;
        // Only a left digit can be invalid: a right nibble A-F is a sign.
        // The Principles terminate the operation here. Hercules has then
        // stored the bytes already edited (and EDMK has set GR1) unless
        // operand 2 might cross a 2K page frame (its S/370 page size),
        // where a trial run suppresses the instruction: do the same.
        if (h > 9) [[unlikely]] {
          constexpr u32 kFrame = Storage::kBlockShift;
          if (i && (f.a2.v >> kFrame) == (((f.a2.v + f.l) & kAddrMask) >> kFrame)) {
            Span s = c.span(f.a1, i, Access::Store);
            for (u32 j = 0; j < i; j++) s[j] = out[j];
            c.stored(f.a1, i);
            if (mark && marked) c.gpr[1] = (c.gpr[1] & 0xFF000000) | mark_addr;
          }
          c.program_check(pgm::kData);
        }
      } else {
        h = right;
        have_right = false;
      }
      // EDMK marks the result byte of the first significant digit: a
      // nonzero digit found while significance is off.
      if (h && !sig) {
        marked = true;
        mark_addr = (f.a1.v + i) & kAddrMask;
      }
      out[i] = (!sig && h == 0) ? fill : static_cast<u8>(0xF0 | h);
      if (h) cc = 2;
      if (p == kSignificanceStarter || h) sig = true;
      // A sign in the right half of the source byte: plus turns
      // significance off, and the next digit comes from the next byte.
      if (have_right && right > 9) {
        if (right != 0xB && right != 0xD) sig = false;
        have_right = false;
      }
    } else if (p == kFieldSeparator) {
      out[i] = fill;
      sig = false;
      cc = 0;
    } else {
      out[i] = sig ? p : fill;  // message byte
    }
  }
  for (u32 i = 0; i < n; i++) pat[i] = out[i];
  c.stored(f.a1, n);
  if (mark && marked) c.gpr[1] = (c.gpr[1] & 0xFF000000) | mark_addr;
  // cc: 0 last field zero, 1 nonzero and significance on at the end
  // (a minus sign), 2 nonzero and significance off.
  c.psw.cc = (sig && cc == 2) ? 1 : cc;
}

}  // namespace

// ---- Decimal arithmetic (chapter 8) ----------------------------------------

void ap(Cpu& c, const u8* ip) { add_decimal(c, ip, false); }
void sp(Cpu& c, const u8* ip) { add_decimal(c, ip, true); }

void zap(Cpu& c, const u8* ip) {
  // ZERO AND ADD: only the second operand is checked for valid codes; it
  // is fetched whole first, so any overlap the Principles allow (rightmost
  // byte of operand 1 at or right of that of operand 2) works.
  SS f(c, ip);
  const Dec b = fetch_packed(c, f.a2, f.l2 + 1u);
  store_result(c, f.a1, f.l1 + 1u, b.d, b.neg);
}

void cp(Cpu& c, const u8* ip) {
  // COMPARE DECIMAL: algebraic; +0 and -0 are equal.
  SS f(c, ip);
  const Dec a = fetch_packed(c, f.a1, f.l1 + 1u);
  const Dec b = fetch_packed(c, f.a2, f.l2 + 1u);
  if (a.d == 0 && b.d == 0) {
    c.psw.cc = 0;
  } else if (a.neg != b.neg) {
    c.psw.cc = a.neg ? 1 : 2;
  } else if (a.d == b.d) {
    c.psw.cc = 0;
  } else {
    c.psw.cc = ((a.d < b.d) != a.neg) ? 1 : 2;
  }
}

void mp(Cpu& c, const u8* ip) {
  // MULTIPLY DECIMAL: the multiplicand must have at least as many bytes of
  // leftmost zeros as the multiplier has bytes (data exception), so the
  // product always fits. The sign follows the rules of algebra even for a
  // zero product (a negative zero is possible, as in Hercules).
  SS f(c, ip);
  check_mult_div_lengths(c, f);
  const u32 n1 = f.l1 + 1u;
  const Dec a = fetch_packed(c, f.a1, n1);
  const Dec b = fetch_packed(c, f.a2, f.l2 + 1u);
  const int zero_bytes = static_cast<int>(f.l1) - digit_count(a.d) / 2;  // whole leading zero bytes
  if (zero_bytes < f.l2 + 1) c.program_check(pgm::kData);
  const u128 product = bcd_to_bin(a.d) * bcd_to_bin(static_cast<u64>(b.d));
  Span s = c.span(f.a1, n1, Access::Store);
  store_field(s, n1, encode(bin_to_bcd(product), a.neg != b.neg));
  c.stored(f.a1, n1);
}

void dp(Cpu& c, const u8* ip) {
  // DIVIDE DECIMAL: quotient (sign by the rules of algebra, even when
  // zero) in the leftmost L1-L2 bytes, remainder (sign of the dividend) in
  // the rightmost L2+1 bytes. A zero divisor or a quotient that does not
  // fit in 2*(L1-L2)-1 digits is a decimal-divide exception (suppression).
  SS f(c, ip);
  check_mult_div_lengths(c, f);
  const u32 n1 = f.l1 + 1u, n2 = f.l2 + 1u;
  const Dec a = fetch_packed(c, f.a1, n1);
  const Dec b = fetch_packed(c, f.a2, n2);
  if (b.d == 0) c.program_check(pgm::kDecimalDivide);
  const u128 dividend = bcd_to_bin(a.d);
  const u64 divisor = bcd_to_bin(static_cast<u64>(b.d));
  const u128 q = dividend / divisor;
  const u64 r = static_cast<u64>(dividend % divisor);
  u128 limit = 1;  // 10 ** quotient digits
  for (u32 i = 0; i < 2 * (n1 - n2) - 1; i++) limit *= 10;
  if (q >= limit) c.program_check(pgm::kDecimalDivide);
  const u128 result = (encode(bin_to_bcd(q), a.neg != b.neg) << (8 * n2)) | encode(bin_to_bcd(r), a.neg);
  Span s = c.span(f.a1, n1, Access::Store);
  store_field(s, n1, result);
  c.stored(f.a1, n1);
}

void srp(Cpu& c, const u8* ip) {
  // SHIFT AND ROUND DECIMAL: the low six bits of the second-operand address
  // are a signed shift (0-31 left, 32-63 right by 64-n digits); I3 (the L2
  // field) is the rounding digit added to the leftmost digit shifted out
  // on a right shift. Nonzero digits shifted out on the left: overflow.
  SS f(c, ip);
  const u32 n1 = f.l1 + 1u, digits = 2 * n1 - 1;
  const Dec a = fetch_packed(c, f.a1, n1);
  const u32 round = f.l2;
  if (round > 9) c.program_check(pgm::kData);
  const u32 shift = f.a2.v & 63;
  if (shift < 32) {
    // Shift left: overflow when any nonzero digit leaves the field.
    const bool lost = shift >= digits ? a.d != 0 : (a.d >> (4 * (digits - shift))) != 0;
    const u128 r = (a.d << (4 * shift)) & digit_mask(digits);
    // store_result sees the lost digits as digits above the field.
    return store_result(c, f.a1, n1, lost ? r | (u128{1} << (4 * digits)) : r, a.neg);
  }
  const u32 right = 64 - shift;  // 1..32 digits
  u128 r = right >= 32 ? 0 : a.d >> (4 * right);
  const u32 out = right > 31 ? 0 : static_cast<u32>(a.d >> (4 * (right - 1))) & 0xF;
  if (out + round >= 10) r = bcd_add(r, 1);
  store_result(c, f.a1, n1, r, a.neg);
}

void ed(Cpu& c, const u8* ip) { edit(c, ip, false); }
void edmk(Cpu& c, const u8* ip) { edit(c, ip, true); }

// ---- Conversions and moves (chapter 7) -------------------------------------

void cvb(Cpu& c, const u8* ip) {
  // CONVERT TO BINARY: an 8-byte packed operand. Outside the 32-bit range
  // the rightmost 32 bits of the result are placed in R1 and then the
  // fixed-point-divide exception is recognized (the operation is
  // completed; Hercules 3.13 agrees).
  RX f(c, ip);
  const u64 raw = c.read64(f.addr);
  const Dec v = decode(c, raw);
  const i64 mag = static_cast<i64>(bcd_to_bin(static_cast<u64>(v.d)));
  const i64 bin = v.neg ? -mag : mag;
  c.gpr[f.r1] = static_cast<u32>(bin);
  if (bin > INT32_MAX || bin < INT32_MIN) c.program_check(pgm::kFixedDivide);
}

void cvd(Cpu& c, const u8* ip) {
  // CONVERT TO DECIMAL: 8 bytes, sign C for plus and D for minus.
  RX f(c, ip);
  const i32 v = static_cast<i32>(c.gpr[f.r1]);
  const u64 mag = v < 0 ? 0ull - static_cast<u64>(static_cast<i64>(v)) : static_cast<u64>(v);
  c.write64(f.addr, (bin_to_bcd(mag) << 4) | (v < 0 ? 0xD : 0xC));
}

// MVO, PACK and UNPK do not check digit or sign codes. They run right to
// left one byte at a time, each result byte stored as soon as the source
// bytes it needs are fetched, exactly as Hercules does, so overlapping
// operands (which programs use, e.g. PACK of a field onto itself) give the
// same result. All access exceptions are recognized first.

void mvo(Cpu& c, const u8* ip) {
  // MOVE WITH OFFSET: operand 2 goes to operand 1 shifted left one digit;
  // the rightmost digit of operand 1 (its sign) stays.
  SS f(c, ip);
  const u32 n1 = f.l1 + 1u, n2 = f.l2 + 1u;
  Span d = c.span(f.a1, n1, Access::Store);
  Span s = c.span(f.a2, n2, Access::Fetch);
  u32 j = n2 - 1;
  u8 sb = s[j];
  d[n1 - 1] = static_cast<u8>((d[n1 - 1] & 0x0F) | (sb << 4));
  for (u32 i = n1 - 1; i > 0; i--) {
    u8 db = sb >> 4;
    sb = j > 0 ? s[--j] : 0;
    d[i - 1] = static_cast<u8>(db | (sb << 4));
  }
  c.stored(f.a1, n1);
}

void pack(Cpu& c, const u8* ip) {
  // PACK: the rightmost byte has its halves exchanged; then the numeric
  // halves of operand 2 are packed two to a byte, zeros on the left.
  SS f(c, ip);
  const u32 n1 = f.l1 + 1u, n2 = f.l2 + 1u;
  Span d = c.span(f.a1, n1, Access::Store);
  Span s = c.span(f.a2, n2, Access::Fetch);
  u32 j = n2 - 1;
  const u8 last = s[j];
  d[n1 - 1] = static_cast<u8>((last << 4) | (last >> 4));
  for (u32 i = n1 - 1; i > 0; i--) {
    u8 db = 0;
    if (j > 0) {
      db = s[--j] & 0x0F;
      if (j > 0) db = static_cast<u8>(db | (s[--j] << 4));
    }
    d[i - 1] = db;
  }
  c.stored(f.a1, n1);
}

void unpk(Cpu& c, const u8* ip) {
  // UNPACK: the rightmost byte has its halves exchanged; every other digit
  // of operand 2 becomes a zoned byte with zone F, zeros (F0) on the left.
  SS f(c, ip);
  const u32 n1 = f.l1 + 1u, n2 = f.l2 + 1u;
  Span d = c.span(f.a1, n1, Access::Store);
  Span s = c.span(f.a2, n2, Access::Fetch);
  u32 j = n2 - 1;
  const u8 last = s[j];
  d[n1 - 1] = static_cast<u8>((last << 4) | (last >> 4));
  for (u32 i = n1 - 1; i > 0;) {
    u8 rb = 0xF0, lb = 0xF0;
    if (j > 0) {
      const u8 sb = s[--j];
      rb = static_cast<u8>(0xF0 | (sb & 0x0F));
      lb = static_cast<u8>(0xF0 | (sb >> 4));
    }
    d[--i] = rb;
    if (i > 0) d[--i] = lb;
  }
  c.stored(f.a1, n1);
}

}  // namespace s370::insn
