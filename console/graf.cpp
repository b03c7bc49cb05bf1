// The CP console screen of a 3270 (graf.h).
#include "console/graf.h"

#include <algorithm>

#include "s370/channel/ebcdic.h"
#include "s370/channel/screen3270.h"

namespace console {

using s370::io::Screen3270;
using u8 = std::uint8_t;

namespace {

// SNA command codes (vm370-reference 4.1) and orders (4.3).
constexpr u8 kWrite = 0xF1, kEraseWriteAlt = 0x7E;
constexpr u8 kSf = 0x1D, kSba = 0x11, kIc = 0x13, kEua = 0x12;
// WCC bits: keyboard restore, reset MDT, sound alarm (with the two
// graphic-conversion bits, X'C0').
constexpr u8 kWccBase = 0xC0, kRestore = 0x02, kResetMdt = 0x01, kAlarm = 0x04;
// Field attributes (bits 2-7), sent through the code table.
constexpr u8 kProtected = 0x20, kIntensified = 0x08, kNonDisplay = 0x0C, kMdt = 0x01;

// A buffer address: 12-bit (each 6 bits through the code table) while
// the screen has at most 4,096 cells, as every model 2 to 5; 14-bit
// binary beyond (an IBM-DYNAMIC terminal's larger screen).
void address(std::vector<u8>& out, int a, bool wide) {
  if (wide) {
    out.push_back(static_cast<u8>((a >> 8) & 0x3F));
    out.push_back(static_cast<u8>(a & 0xFF));
  } else {
    out.push_back(Screen3270::code(static_cast<u8>((a >> 6) & 0x3F)));
    out.push_back(Screen3270::code(static_cast<u8>(a & 0x3F)));
  }
}

void sf(std::vector<u8>& out, u8 attribute) {
  out.push_back(kSf);
  out.push_back(Screen3270::code(attribute));
}

// Text for the screen, printable ASCII only: anything else goes as a blank.
// (A control character's EBCDIC is an order, X'11' SBA, X'1D' SF: a SET
// PFnn's text through set_input(), or the system's name, could otherwise
// write fields and addresses of their own onto the screen.)
void text(std::vector<u8>& out, std::string_view s) {
  for (char c : s) {
    const auto b = static_cast<u8>(c);
    out.push_back(s370::io::to_ebcdic(b >= 0x20 && b < 0x7F ? b : u8(' ')));
  }
}

// The AID of PF1-PF24, or 0.
int pf_of(u8 aid) {
  if (aid >= 0xF1 && aid <= 0xF9) return aid - 0xF0;
  if (aid >= 0x7A && aid <= 0x7C) return aid - 0x7A + 10;
  if (aid >= 0xC1 && aid <= 0xC9) return aid - 0xC1 + 13;
  if (aid >= 0x4A && aid <= 0x4C) return aid - 0x4A + 22;
  return 0;
}

}  // namespace

GrafConsole::GrafConsole(int rows, int cols, std::string sysname)
    : rows_(rows), cols_(cols), sysname_(std::move(sysname)) {
  shown_.assign(static_cast<std::size_t>(out_rows()), "");
  dirty_.assign(static_cast<std::size_t>(out_rows()), false);
}

std::string GrafConsole::status() const {
  if (guest_hold_) return "HOLDING";
  if (more_ && !holding_) return "MORE...";
  if (holding_) return "HOLDING";
  if (not_accepted_) return "NOT ACCEPTED";
  return cp_ ? "CP READ" : vm_read_ ? "VM READ" : "RUNNING";
}

// A row of output: placed now if there is room, else it waits (MORE...).
// `open`: no line end yet, the next text goes on after it.
void GrafConsole::add_row(std::string row, bool open) {
  if (pending_.size() >= kMaxPending) pending_.pop_front();  // a flood on a held screen: the oldest go
  pending_.push_back(std::move(row));
  open_ = open;
  place();
}

void GrafConsole::place() {
  while (!pending_.empty() && !more_ && !holding_) {
    if (next_row_ < out_rows()) {
      shown_[static_cast<std::size_t>(next_row_)] = std::move(pending_.front());
      dirty_[static_cast<std::size_t>(next_row_)] = true;
      next_row_++;
      pending_.pop_front();
    } else {
      more_ = true;
      more_number_++;
      status_dirty_ = true;
    }
  }
}

void GrafConsole::full_screen(std::vector<u8> record) {
  guest_ = true;
  guest_hold_ = holding_ = false;
  // CP's screen is drawn whole when it comes back (the guest may have
  // changed the size with ERASE/WRITE).
  full_ = true;
  if (on_send) on_send(std::move(record));
}

void GrafConsole::end_full_screen() {
  if (!guest_) return;
  guest_ = guest_hold_ = holding_ = false;
  full_ = status_dirty_ = true;
}

void GrafConsole::display(int line, bool erase, const std::vector<u8>& data) {
  if (line < 0 || erase) clear_output();
  if (line < 0) return;
  // The data fills rows from `line` on; SF and its attribute byte take one
  // place, as on the screen.
  std::string all;
  for (std::size_t i = 0; i < data.size(); i++) {
    const u8 c = data[i];
    if (c == kSf) {
      i++;
      all += ' ';
    } else {
      const u8 a = c < 0x40 ? u8{' '} : s370::io::to_ascii(c);
      all += a >= 0x20 && a < 0x7F ? static_cast<char>(a) : ' ';
    }
  }
  const std::size_t w = static_cast<std::size_t>(cols_);
  for (int r = line; r < out_rows() && !all.empty(); r++) {
    const std::size_t n = std::min(w, all.size());
    shown_[static_cast<std::size_t>(r)] = all.substr(0, n);
    dirty_[static_cast<std::size_t>(r)] = true;
    all.erase(0, n);
    next_row_ = std::max(next_row_, r + 1);
  }
  open_ = false;
}

void GrafConsole::write(std::string_view t) {
  if (guest_ && !guest_hold_) {
    // A message over the guest's screen: CP's screen with it, HOLDING.
    guest_hold_ = true;
    full_ = true;
    clear_output();
  }
  const std::size_t w = static_cast<std::size_t>(cols_);
  std::string row;
  bool have = false;
  // Text without a line end before this goes on in its row.
  if (open_) {
    if (!pending_.empty()) {
      row = std::move(pending_.back());
      pending_.pop_back();
      have = true;
    } else if (next_row_ > 0) {
      row = std::move(shown_[static_cast<std::size_t>(next_row_ - 1)]);
      next_row_--;
      have = true;
    }
    open_ = false;
  }
  for (char c : t) {
    if (c == '\n') {
      add_row(std::move(row), false);
      row.clear();
      have = false;
      continue;
    }
    const auto b = static_cast<unsigned char>(c);
    row += b >= 0x20 && b < 0x7F ? c : ' ';
    have = true;
    if (row.size() == w) {
      add_row(std::move(row), false);
      row.clear();
      have = false;
    }
  }
  if (have) add_row(std::move(row), true);
}

void GrafConsole::clear_output() {
  for (std::size_t i = 0; i < shown_.size(); i++) {
    if (!shown_[i].empty()) dirty_[i] = true;
    shown_[i].clear();
  }
  next_row_ = 0;
  open_ = open_ && !pending_.empty();
  more_ = holding_ = false;
  status_dirty_ = true;
  place();
}

void GrafConsole::more_timeout(unsigned number) {
  if (more_ && !holding_ && number == more_number_) clear_output();
}

void GrafConsole::set_echo(bool on) {
  if (echo_ == on) return;
  echo_ = on;
  attr_dirty_ = true;
  clear_input_ = true;
}

void GrafConsole::cp_read(bool on) {
  cp_ = on;
  status_dirty_ = true;
}

void GrafConsole::vm_read(bool on) {
  vm_read_ = on;
  status_dirty_ = true;
}

void GrafConsole::not_accepted() {
  not_accepted_ = true;
  status_dirty_ = true;
  alarm_ = true;
}

void GrafConsole::set_input(std::string_view t) {
  input_.assign(t.substr(0, static_cast<std::size_t>(status_attr() - input_start())));
  have_input_ = true;
}

// The input field's text in a Read Modified reply: the data after an SBA
// to an address in the field (a terminal sends the field's first data
// address), up to the next SBA. Nulls are not sent; blanks at the end go.
// Only what fits in the field is taken, position by position from the
// SBA's address, and no more than the field holds in all: a record that
// says more (no terminal sends one) does not make a longer line. A
// character with no ASCII graphic is a blank, as write() shows one.
std::string GrafConsole::field_text(const std::vector<u8>& r) const {
  std::string t;
  const std::size_t room = static_cast<std::size_t>(status_attr() - input_start());
  std::size_t i = 3;
  while (i < r.size()) {
    if (r[i] != kSba || i + 2 >= r.size()) {
      i++;
      continue;
    }
    int a = Screen3270::decode_address(r[i + 1], r[i + 2]);
    i += 3;
    for (; i < r.size() && r[i] != kSba; i++, a++) {
      if (a < input_start() || a >= status_attr() || r[i] < 0x40 || t.size() >= room) continue;
      const u8 c = s370::io::to_ascii(r[i]);
      t += c >= 0x20 && c < 0x7F ? static_cast<char>(c) : ' ';
    }
  }
  while (!t.empty() && t.back() == ' ') t.pop_back();
  return t;
}

// A line entered: shown in the output area (a password is not), and the
// field cleared.
void GrafConsole::entered(const std::string& t) {
  clear_input_ = true;
  if (echo_ && !t.empty()) write(t + "\n");
}

void GrafConsole::inbound(const std::vector<u8>& r) {
  if (r.empty()) return;
  if (guest_ && !guest_hold_) {
    // The guest's screen: every key is the guest's (CP sees PA1).
    if (on_screen) on_screen(r);
    return;
  }
  if (guest_hold_ && (r[0] == 0x6E || r[0] == 0x6D)) {
    // PA2 or CLEAR after a message: back to the guest's screen.
    guest_hold_ = false;
    clear_output();
    if (on_guest_back) on_guest_back();
    return;
  }
  // Every AID locked the keyboard: the next write restores it.
  restore_ = true;
  const u8 aid = r[0];
  if (aid == 0x7D) {  // ENTER
    const std::string t = field_text(r);
    not_accepted_ = false;
    status_dirty_ = true;
    if (t.empty()) {
      // ENTER alone: MORE... becomes HOLDING; otherwise an empty line.
      if (more_ && !holding_) holding_ = true;
      else if (!holding_ && on_line) on_line("");
      return;
    }
    entered(t);
    if (on_line) on_line(t);
    return;
  }
  if (const int n = pf_of(aid)) {
    const std::string t = field_text(r);
    not_accepted_ = false;
    status_dirty_ = true;
    entered(t);
    if (on_pf) on_pf(n, t);
    return;
  }
  switch (aid) {
    case 0x6C:  // PA1: to CP
      if (on_attention) on_attention();
      return;
    case 0x6E:  // PA2: clear the output area, go on
      clear_output();
      return;
    case 0x6D:  // CLEAR: the terminal cleared itself to its default size
      clear_output();
      full_ = true;
      return;
    default:  // PA3, SYSREQ, a query reply, no AID: nothing to do
      return;
  }
}

void GrafConsole::flush() {
  if (guest_ && !guest_hold_) return;  // the guest's screen: nothing of CP's
  std::vector<u8> out;
  const bool wide = size() > 4096;
  auto sba = [](std::vector<u8>& o, bool w, int a) {
    o.push_back(kSba);
    address(o, a, w);
  };
  const std::string st = status();
  if (st != last_status_) status_dirty_ = true;
  const u8 in_attr = static_cast<u8>((echo_ ? 0 : kNonDisplay) | (have_input_ ? kMdt : 0));
  if (full_) {
    out.push_back(kEraseWriteAlt);
    out.push_back(static_cast<u8>(kWccBase | kRestore | kResetMdt | (alarm_ ? kAlarm : 0)));
    sba(out, wide, size() - 1);
    sf(out, kProtected);
    for (int i = 0; i < next_row_; i++) {
      const std::string& row = shown_[static_cast<std::size_t>(i)];
      if (row.empty()) continue;
      sba(out, wide, i * cols_);
      text(out, row);
    }
    sba(out, wide, input_attr());
    sf(out, in_attr);
    sba(out, wide, status_attr());
    sf(out, kProtected | kIntensified);
  } else {
    if (!restore_ && !alarm_ && !status_dirty_ && !attr_dirty_ && !clear_input_ && !have_input_) {
      bool any = false;
      for (bool d : dirty_) any = any || d;
      if (!any) return;
    }
    out.push_back(kWrite);
    out.push_back(static_cast<u8>(kWccBase | kRestore | (clear_input_ || attr_dirty_ ? kResetMdt : 0) |
                                  (alarm_ ? kAlarm : 0)));
    for (int i = 0; i < out_rows(); i++) {
      if (!dirty_[static_cast<std::size_t>(i)]) continue;
      std::string row = shown_[static_cast<std::size_t>(i)];
      row.resize(static_cast<std::size_t>(cols_), ' ');
      sba(out, wide, i * cols_);
      text(out, row);
    }
    if (attr_dirty_ || have_input_) {
      sba(out, wide, input_attr());
      sf(out, in_attr);
    }
    if (clear_input_ || have_input_) {
      sba(out, wide, input_start());
      out.push_back(kEua);
      address(out, status_attr(), wide);
    }
  }
  if (full_ || status_dirty_) {
    std::string s = st;
    s.resize(12, ' ');
    s += sysname_.substr(0, 7);
    s.resize(19, ' ');
    sba(out, wide, status_attr() + 1);
    text(out, s);
  }
  if (have_input_) {
    sba(out, wide, input_start());
    text(out, input_);
    sba(out, wide, input_start() + static_cast<int>(input_.size()));
    out.push_back(kIc);
  } else if (full_ || clear_input_) {
    sba(out, wide, input_start());
    out.push_back(kIc);
  }
  full_ = status_dirty_ = attr_dirty_ = clear_input_ = restore_ = alarm_ = have_input_ = false;
  input_.clear();
  dirty_.assign(dirty_.size(), false);
  last_status_ = st;
  if (on_send) on_send(std::move(out));
}

}  // namespace console
