// The 3270 screen model and data stream (see screen3270.h; GA23-0059,
// chapters 3-4: "Write Operations", "Read Operations", "Orders").
#include "s370/channel/screen3270.h"

#include "s370/channel/ebcdic.h"

namespace s370::io {

namespace {

// Orders.
constexpr u8 kSF = 0x1D, kSFE = 0x29, kSA = 0x28, kMF = 0x2C, kSBA = 0x11, kIC = 0x13, kPT = 0x05, kRA = 0x3C,
             kEUA = 0x12, kGE = 0x08;
// WCC bits.
constexpr u8 kWccResetMdt = 0x01, kWccRestore = 0x02, kWccAlarm = 0x04;
// The extended attribute type that carries the 3270 field attribute.
constexpr u8 kXaField = 0xC0;

// The graphic codes of six-bit values (12-bit addresses, attribute bytes).
constexpr u8 kCodes[64] = {0x40, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0x4A, 0x4B, 0x4C,
                           0x4D, 0x4E, 0x4F, 0x50, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9,
                           0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F, 0x60, 0x61, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6,
                           0xE7, 0xE8, 0xE9, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0xF0, 0xF1, 0xF2, 0xF3,
                           0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F};

}  // namespace

u8 aid::pf(int n) {
  static constexpr u8 kPf[24] = {0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0x7A, 0x7B, 0x7C,
                                 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0x4A, 0x4B, 0x4C};
  return n >= 1 && n <= 24 ? kPf[n - 1] : kNone;
}

u8 Screen3270::code(u8 six_bits) {
  return kCodes[six_bits & 0x3F];
}

int Screen3270::decode_address(u8 b0, u8 b1) {
  // Bits 0-1 of the first byte 00: a 14-bit binary address; otherwise two
  // six-bit codes (12 bits).
  if ((b0 & 0xC0) == 0) return ((b0 & 0x3F) << 8) | b1;
  return ((b0 & 0x3F) << 6) | (b1 & 0x3F);
}

Screen3270::Screen3270(int rows, int cols, int alt_rows, int alt_cols)
    : rows_(rows), cols_(cols), def_rows_(rows), def_cols_(cols), alt_rows_(alt_rows), alt_cols_(alt_cols) {
  resize(false);
}

void Screen3270::resize(bool alternate) {
  alternate_ = alternate;
  rows_ = alternate ? alt_rows_ : def_rows_;
  cols_ = alternate ? alt_cols_ : def_cols_;
  clear();
}

void Screen3270::clear() {
  buf_.assign(static_cast<size_t>(size()), 0);
  is_attr_.assign(static_cast<size_t>(size()), false);
  cursor_ = 0;
}

int Screen3270::field_start(int a) const {
  for (int i = 0; i < size(); i++) {
    const int p = ((a - i) % size() + size()) % size();
    if (is_attr_[static_cast<size_t>(p)]) return p;
  }
  return -1;
}

int Screen3270::field_attribute(int address) const {
  const int f = field_start(address);
  return f < 0 ? -1 : buf_[static_cast<size_t>(f)];
}

void Screen3270::encode_address(std::vector<u8>& out, int address) const {
  if (size() <= 4096) {
    out.push_back(code(static_cast<u8>(address >> 6)));
    out.push_back(code(static_cast<u8>(address)));
  } else {
    out.push_back(static_cast<u8>((address >> 8) & 0x3F));
    out.push_back(static_cast<u8>(address));
  }
}

// ---- Outbound -------------------------------------------------------------------------

void Screen3270::write(const u8* data, size_t n) {
  process(data, n, cursor_);
}

void Screen3270::erase_write(const u8* data, size_t n, bool alternate) {
  resize(alternate);
  process(data, n, 0);
}

void Screen3270::process(const u8* data, size_t n, int a) {
  if (n == 0) return;
  const u8 wcc = data[0];
  // The WCC's reset of the modified-data tags comes before the orders.
  if (wcc & kWccResetMdt)
    for (int p = 0; p < size(); p++)
      if (is_attr_[static_cast<size_t>(p)]) buf_[static_cast<size_t>(p)] &= ~attr::kModified;
  auto set_attr = [&](int p, u8 v) {
    buf_[static_cast<size_t>(p)] = v & 0x3F;
    is_attr_[static_cast<size_t>(p)] = true;
  };
  auto put = [&](int p, u8 c) {
    buf_[static_cast<size_t>(p)] = c;
    is_attr_[static_cast<size_t>(p)] = false;
  };
  size_t i = 1;
  while (i < n) {
    const u8 b = data[i];
    if (b == kSBA && i + 2 < n) {
      a = decode_address(data[i + 1], data[i + 2]) % size();
      i += 3;
    } else if (b == kSF && i + 1 < n) {
      set_attr(a, data[i + 1]);
      a = next(a);
      i += 2;
    } else if ((b == kSFE || b == kMF) && i + 1 < n) {
      // Type/value pairs; the 3270 field attribute is type X'C0'.
      const size_t pairs = data[i + 1];
      int value = b == kSFE ? 0 : -1;
      for (size_t k = 0; k < pairs && i + 3 + 2 * k < n; k++)
        if (data[i + 2 + 2 * k] == kXaField) value = data[i + 3 + 2 * k];
      if (b == kSFE || is_attr_[static_cast<size_t>(a)]) {
        if (value >= 0) set_attr(a, static_cast<u8>(value));
      }
      a = next(a);
      i += 2 + 2 * pairs;
    } else if (b == kSA) {
      i += 3;  // character attributes are not kept
    } else if (b == kIC) {
      cursor_ = a;
      i++;
    } else if (b == kPT) {
      // To the first character of the next unprotected field.
      int p = a, found = -1;
      for (int k = 0; k < size(); k++, p = next(p))
        if (is_attr_[static_cast<size_t>(p)] && !(buf_[static_cast<size_t>(p)] & attr::kProtected)) {
          found = next(p);
          break;
        }
      a = found < 0 ? 0 : found;
      i++;
    } else if (b == kRA && i + 3 < n) {
      // Repeat a character up to (not including) the stop address; the whole
      // buffer when the stop address is the current one.
      const int stop = decode_address(data[i + 1], data[i + 2]) % size();
      u8 c = data[i + 3];
      size_t len = 4;
      if (c == kGE && i + 4 < n) {
        c = data[i + 4];
        len = 5;
      }
      do {
        put(a, c);
        a = next(a);
      } while (a != stop);
      i += len;
    } else if (b == kEUA && i + 2 < n) {
      const int stop = decode_address(data[i + 1], data[i + 2]) % size();
      do {
        const int f = field_start(a);
        if (!is_attr_[static_cast<size_t>(a)] &&
            (f < 0 || !(buf_[static_cast<size_t>(f)] & attr::kProtected)))
          buf_[static_cast<size_t>(a)] = 0;
        a = next(a);
      } while (a != stop);
      i += 3;
    } else if (b == kGE && i + 1 < n) {
      put(a, data[i + 1]);
      a = next(a);
      i += 2;
    } else {
      put(a, b);
      a = next(a);
      i++;
    }
  }
  if (wcc & kWccAlarm) alarm_ = true;
  if (wcc & kWccRestore) {
    locked_ = false;
    aid_ = aid::kNone;
  }
}

void Screen3270::reset() {
  resize(false);
  aid_ = aid::kNone;
  locked_ = false;
  alarm_ = false;
}

void Screen3270::erase_all_unprotected() {
  int first = -1;
  for (int p = 0; p < size(); p++) {
    const size_t q = static_cast<size_t>(p);
    if (is_attr_[q]) {
      if (!(buf_[q] & attr::kProtected)) {
        buf_[q] &= ~attr::kModified;
        if (first < 0) first = next(p);
      }
      continue;
    }
    const int f = field_start(p);
    if (f < 0 || !(buf_[static_cast<size_t>(f)] & attr::kProtected)) buf_[q] = 0;
  }
  cursor_ = first < 0 ? 0 : first;
  locked_ = false;
  aid_ = aid::kNone;
}

// ---- Inbound ----------------------------------------------------------------------------

void Screen3270::append_buffer(std::vector<u8>& out) const {
  for (int p = 0; p < size(); p++) {
    const size_t q = static_cast<size_t>(p);
    if (is_attr_[q]) {
      out.push_back(kSF);
      out.push_back(code(buf_[q]));
    } else {
      out.push_back(buf_[q]);
    }
  }
}

std::vector<u8> Screen3270::read_buffer() const {
  std::vector<u8> out{aid_};
  encode_address(out, cursor_);
  append_buffer(out);
  return out;
}

std::vector<u8> Screen3270::read_modified(bool all) const {
  // CLEAR and the PA keys: a short read, the AID alone.
  if (!all && (aid_ == aid::kClear || aid_ == aid::kPa1 || aid_ == aid::kPa2 || aid_ == aid::kPa3))
    return {aid_};
  std::vector<u8> out{aid_};
  encode_address(out, cursor_);
  int first_attr = -1;
  for (int p = 0; p < size(); p++)
    if (is_attr_[static_cast<size_t>(p)]) {
      first_attr = p;
      break;
    }
  if (first_attr < 0) {
    // Unformatted: every character, nulls left out.
    for (u8 c : buf_)
      if (c) out.push_back(c);
    return out;
  }
  for (int k = 0, p = first_attr; k < size(); k++, p = next(p)) {
    if (!is_attr_[static_cast<size_t>(p)] || !(buf_[static_cast<size_t>(p)] & attr::kModified)) continue;
    out.push_back(kSBA);
    encode_address(out, next(p));
    for (int d = next(p); !is_attr_[static_cast<size_t>(d)] && d != p; d = next(d))
      if (buf_[static_cast<size_t>(d)]) out.push_back(buf_[static_cast<size_t>(d)]);
  }
  return out;
}

// ---- The operator -------------------------------------------------------------------------

bool Screen3270::type(const std::vector<u8>& text) {
  for (u8 c : text) {
    if (locked_) return false;
    const int a = cursor_;
    if (is_attr_[static_cast<size_t>(a)]) return false;
    const int f = field_start(a);
    if (f >= 0) {
      const u8 fa = buf_[static_cast<size_t>(f)];
      if (fa & attr::kProtected) return false;
      if ((fa & attr::kNumeric) && !((c >= 0xF0 && c <= 0xF9) || c == 0x4B || c == 0x60)) return false;
      buf_[static_cast<size_t>(f)] |= attr::kModified;
    }
    buf_[static_cast<size_t>(a)] = c;
    // On to the next position, over an attribute into the next field.
    int nx = next(a);
    if (is_attr_[static_cast<size_t>(nx)]) nx = next(nx);
    cursor_ = nx;
  }
  return true;
}

void Screen3270::set_cursor(int address) {
  cursor_ = ((address % size()) + size()) % size();
}

bool Screen3270::press(u8 key) {
  if (locked_) return false;
  aid_ = key;
  locked_ = true;
  if (key == aid::kClear) resize(false);
  return true;
}

void Screen3270::inbound(const u8* data, size_t n) {
  if (n == 0) return;
  aid_ = data[0];
  locked_ = true;
  if (aid_ == aid::kClear) {
    resize(false);
    return;
  }
  if (n >= 3) cursor_ = decode_address(data[1], data[2]) % size();
  size_t i = 3;
  while (i < n) {
    if (data[i] != kSBA || i + 2 >= n) {
      i++;
      continue;
    }
    int a = decode_address(data[i + 1], data[i + 2]) % size();
    i += 3;
    // The field is what the terminal sent, nulls after it.
    const int f = field_start(a);
    if (f >= 0) {
      buf_[static_cast<size_t>(f)] |= attr::kModified;
      for (int d = a; !is_attr_[static_cast<size_t>(d)] && d != f; d = next(d))
        buf_[static_cast<size_t>(d)] = 0;
    }
    while (i < n && data[i] != kSBA) {
      if (!is_attr_[static_cast<size_t>(a)]) buf_[static_cast<size_t>(a)] = data[i];
      a = next(a);
      i++;
    }
  }
}

// ---- Views ----------------------------------------------------------------------------------

std::vector<std::string> Screen3270::text() const {
  std::vector<std::string> rows;
  for (int r = 0; r < rows_; r++) {
    std::string line(static_cast<size_t>(cols_), ' ');
    for (int c = 0; c < cols_; c++) {
      const int p = r * cols_ + c;
      if (is_attr_[static_cast<size_t>(p)]) continue;
      const int fa = field_attribute(p);
      if (fa >= 0 && (fa & attr::kDisplayMask) == attr::kNonDisplay) continue;
      const u8 ch = to_ascii(buf_[static_cast<size_t>(p)]);
      if (ch >= 0x20 && ch < 0x7F) line[static_cast<size_t>(c)] = static_cast<char>(ch);
    }
    rows.push_back(line);
  }
  return rows;
}

std::vector<u8> Screen3270::whole_screen() const {
  std::vector<u8> out{static_cast<u8>(locked_ ? 0 : kWccRestore), kSBA};
  encode_address(out, 0);
  append_buffer(out);
  out.push_back(kSBA);
  encode_address(out, cursor_);
  out.push_back(kIC);
  return out;
}

}  // namespace s370::io
