// Bad input for the 3270 side of the console (console/tn3270.h and
// console/graf.h), fuzzed: seeded and bounded, so that every run tries the
// same inputs and the whole file takes well under ten seconds.
//
//   Tn3270: random and mutated byte streams from a fresh start() (mutations
//     of real TN3270E and TN3270 negotiations, option storms, SB without
//     SE, huge SBs, IAC IAC in an SB, IAC EOR while negotiating, records
//     longer than kMaxRecord), cut into reads of random lengths. Checked:
//     the replies stay within 3 bytes a byte (+ 64 KiB), the mode changes
//     once at most and never back, records come only in 3270 mode and are
//     at most kMaxRecord, lines only in line mode, and frame() gives back
//     its input un-doubled, after the header in TN3270E, with IAC EOR.
//   GrafConsole: random inbound records (every AID, 12-bit, 14-bit and
//     out-of-range addresses, SBAs cut off at the end, nulls, records of up
//     to 16 KB) between random CP calls. Every record it sends goes to a
//     Screen3270 of the terminal's size, as a real terminal would take it,
//     and must be a well-formed one; after each flush the screen shows the
//     status word in the status area, the three attributes where they
//     belong (and no other), the input field non-display while echo is off,
//     the keyboard restored after every AID; lines for CP are printable and
//     no longer than the input field.
//   Rows: numbered lines between PA2s, CLEARs and MORE... come out each
//     once, in order.
//
// TN3270_FUZZ_SEED=N and TN3270_FUZZ_SCALE=K (K times the iterations)
// explore further by hand; CI uses the defaults.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "console/graf.h"
#include "console/tn3270.h"
#include "s370/channel/ebcdic.h"
#include "s370/channel/screen3270.h"

using console::GrafConsole;
using console::Tn3270;
using Mode = console::Tn3270::Mode;
using s370::io::Screen3270;
namespace t = console::telnet;
using u8 = std::uint8_t;
using Rng = std::mt19937;

namespace {

unsigned seed_base() {
  const char* s = std::getenv("TN3270_FUZZ_SEED");
  return s ? static_cast<unsigned>(std::strtoul(s, nullptr, 0)) : 3270u;
}

int scale() {
  const char* s = std::getenv("TN3270_FUZZ_SCALE");
  const int k = s ? std::atoi(s) : 1;
  return k < 1 ? 1 : k;
}

std::size_t pick(Rng& rng, std::size_t n) {
  return n ? rng() % n : 0;
}
bool chance(Rng& rng, int percent) {
  return static_cast<int>(rng() % 100) < percent;
}

std::string cmd(unsigned char verb, unsigned char opt) {
  return std::string{char(t::kIac), char(verb), char(opt)};
}

// IAC SB, the body with IAC doubled, IAC SE.
std::string sb(const std::string& body) {
  std::string r{char(t::kIac), char(t::kSb)};
  for (char c : body) {
    r += c;
    if (static_cast<unsigned char>(c) == t::kIac) r += c;
  }
  return r + char(t::kIac) + char(t::kSe);
}

std::string bytes(std::initializer_list<int> b) {
  std::string s;
  for (int c : b) s += static_cast<char>(c);
  return s;
}

// ---- Clients ----------------------------------------------------------------------

// A TN3270E client's side of RFC 2355's negotiation, to 3270 mode (the
// server's replies do not change what it says).
std::string tn3270e_client(const std::string& type = "IBM-3278-2-E", const std::string& lu = "FOO") {
  std::string s = cmd(t::kWill, t::kTn3270e);
  std::string req = bytes({t::kTn3270e, t::kDeviceType, t::kRequest}) + type;
  if (!lu.empty()) req += char(t::kConnect) + lu;
  s += sb(req);
  s += sb(bytes({t::kTn3270e, t::kFunctions, t::kRequest, 2, 4}));
  s += sb(bytes({t::kTn3270e, t::kFunctions, t::kIs}));
  return s;
}

// RFC 1576's TN3270: no TN3270E, TERMINAL-TYPE, BINARY and EOR both ways.
std::string tn3270_client(const std::string& type = "IBM-3278-2") {
  return cmd(t::kWont, t::kTn3270e) + cmd(t::kWill, t::kTtype) + sb(std::string{char(t::kTtype), 0} + type) +
         cmd(t::kWill, t::kEorOpt) + cmd(t::kDo, t::kEorOpt) + cmd(t::kWill, t::kBinary) +
         cmd(t::kDo, t::kBinary);
}

// An inbound record as a client frames it: the TN3270E header (data type
// `type`) when `header`, IAC doubled, IAC EOR after.
std::string client_record(const std::vector<u8>& data, bool header, u8 type = 0) {
  std::string r;
  auto put = [&](u8 b) {
    r += static_cast<char>(b);
    if (b == t::kIac) r += static_cast<char>(b);
  };
  if (header) {
    for (u8 b : {type, u8(0), u8(0), u8(0), u8(1)}) put(b);
  }
  for (u8 b : data) put(b);
  return r + char(t::kIac) + char(t::kEor);
}

std::vector<u8> fuzz_data(Rng& rng, std::size_t n) {
  std::vector<u8> v(n);
  for (auto& b : v) b = static_cast<u8>(rng());
  // Runs of X'FF' now and then: IAC doubling at its worst.
  if (n && chance(rng, 30)) {
    const std::size_t at = pick(rng, n), len = std::min(n - at, 1 + pick(rng, 64));
    std::fill_n(v.begin() + static_cast<long>(at), len, u8(0xFF));
  }
  return v;
}

// ---- The Tn3270 probe ---------------------------------------------------------------

struct TnProbe {
  Tn3270 tn;
  std::size_t fed = 0, replied = 0;
  std::string replies;  // the first 64 KiB of them, for the transcripts
  int mode_calls = 0;
  Mode decided = Mode::Negotiating;
  std::vector<std::vector<u8>> records;
  std::vector<std::string> lines;
  int attentions = 0;
  unsigned frames = 0;
  std::string wrong;  // the first broken invariant a callback saw

  TnProbe() {
    tn.on_reply = [this](std::string r) {
      replied += r.size();
      if (replies.size() < 65536) replies += r;
    };
    tn.on_mode = [this](Mode m) {
      mode_calls++;
      decided = m;
      if (m == Mode::Negotiating) fail("on_mode(Negotiating)");
      if (tn.mode() != m) fail("on_mode's mode is not mode()");
    };
    tn.on_line = [this](std::string l) {
      if (tn.mode() != Mode::Line) fail("a line outside line mode");
      lines.push_back(std::move(l));
    };
    tn.on_attention = [this] {
      if (tn.mode() != Mode::Line) fail("an attention outside line mode");
      attentions++;
    };
    tn.on_record = [this](std::vector<u8> r) {
      if (tn.mode() != Mode::Tn3270 && tn.mode() != Mode::Tn3270e) fail("a record outside 3270 mode");
      if (r.size() > Tn3270::kMaxRecord) fail("a record of " + std::to_string(r.size()) + " bytes");
      records.push_back(std::move(r));
    };
    const std::string hello = tn.start();
    replied += hello.size();
    replies += hello;
  }
  void fail(const std::string& what) {
    if (wrong.empty()) wrong = what;
  }
  // Each read in a buffer of its own, so that the sanitizer sees any byte
  // read outside it.
  void feed(const std::string& s) {
    std::vector<unsigned char> buf(s.begin(), s.end());
    tn.feed(buf.data(), buf.size());
    fed += s.size();
    invariants();
  }
  // In reads of random lengths (1 byte to all), now and then the
  // negotiation's time running out between two of them.
  void feed_chunked(const std::string& s, Rng& rng, bool timeouts) {
    std::size_t i = 0;
    while (i < s.size()) {
      const std::size_t max = chance(rng, 20) ? s.size() - i : std::min<std::size_t>(s.size() - i, 64);
      const std::size_t n = 1 + pick(rng, max);
      feed(s.substr(i, n));
      i += n;
      if (timeouts && chance(rng, 2)) tn.timeout();
    }
  }
  void invariants() {
    if (mode_calls > 1) fail("the mode changed " + std::to_string(mode_calls) + " times");
    if (mode_calls == 0 && tn.mode() != Mode::Negotiating) fail("a mode without on_mode");
    if (mode_calls == 1 && tn.mode() != decided) fail("the mode changed again");
    if (replied > 3 * fed + 65536)
      fail("replies out of bound: " + std::to_string(replied) + " bytes for " + std::to_string(fed));
  }
  // frame(): IAC EOR at the end; un-doubled, the header (TN3270E: data
  // type, flags, sequence) and the data.
  void check_frame(const std::vector<u8>& data) {
    const std::string f = tn.frame(data);
    if (f.size() < 2 || static_cast<u8>(f[f.size() - 2]) != t::kIac || static_cast<u8>(f.back()) != t::kEor) {
      fail("a frame without IAC EOR at its end");
      return;
    }
    std::vector<u8> plain;
    const std::size_t body = f.size() - 2;  // before IAC EOR
    for (std::size_t i = 0; i < body; i++) {
      const auto b = static_cast<u8>(f[i]);
      if (b == t::kIac) {
        if (i + 1 >= body || static_cast<u8>(f[i + 1]) != t::kIac) {
          fail("a lone IAC inside a frame");
          return;
        }
        i++;
      }
      plain.push_back(b);
    }
    std::vector<u8> want;
    if (tn.mode() == Mode::Tn3270e) want = {0, 0, 0, static_cast<u8>(frames >> 8), static_cast<u8>(frames)};
    want.insert(want.end(), data.begin(), data.end());
    if (plain != want) fail("frame() un-doubled is not its input");
    frames++;
  }
};

// ---- Hostile streams ----------------------------------------------------------------

constexpr unsigned char kOurs[] = {t::kBinary, t::kEcho, t::kSga, t::kTtype, t::kEorOpt, t::kTn3270e};

unsigned char some_option(Rng& rng) {
  return chance(rng, 60) ? kOurs[pick(rng, sizeof kOurs)] : u8(rng());
}

std::string random_bytes(Rng& rng, std::size_t n) {
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(rng());
  return s;
}

// Thousands of DO/DONT/WILL/WONT, mostly for the options the server
// negotiates.
std::string option_storm(Rng& rng) {
  static constexpr unsigned char kVerbs[] = {t::kDo, t::kDont, t::kWill, t::kWont};
  std::string s;
  const std::size_t n = 1000 + pick(rng, 4000);
  for (std::size_t i = 0; i < n; i++) s += cmd(kVerbs[pick(rng, 4)], some_option(rng));
  return s;
}

std::string subnegotiation_abuse(Rng& rng) {
  std::string s;
  switch (pick(rng, 6)) {
    case 0:  // SB with no SE (and no IAC at all)
      s = bytes({t::kIac, t::kSb, some_option(rng)});
      for (std::size_t i = 0, n = pick(rng, 20000); i < n; i++) s += static_cast<char>(rng() % 255);
      break;
    case 1:  // a huge DEVICE-TYPE REQUEST, ended properly
      s = sb(bytes({t::kTn3270e, t::kDeviceType, t::kRequest}) + "IBM-3278-2" +
             std::string(1000 + pick(rng, 100000), 'A'));
      break;
    case 2: {  // IAC IAC inside an SB, many of them, around the bound
      s = bytes({t::kIac, t::kSb, some_option(rng)});
      const std::size_t n = pick(rng, 600);
      for (std::size_t i = 0; i < n; i++) s += chance(rng, 50) ? std::string("\xFF\xFF") : std::string("A");
      if (chance(rng, 70)) s += bytes({t::kIac, t::kSe});
      break;
    }
    case 3: {  // IAC EOR (and the other two-byte commands) inside the negotiation
      s = tn3270e_client();
      for (int k = 0; k < 20; k++) {
        const std::size_t at = pick(rng, s.size() + 1);
        s.insert(at, bytes({t::kIac, chance(rng, 70) ? t::kEor : static_cast<int>(t::kSe + pick(rng, 10))}));
      }
      break;
    }
    case 4:  // TERMINAL-TYPE IS of everything
      s = cmd(t::kWont, t::kTn3270e) + cmd(t::kWill, t::kTtype);
      for (int k = 0; k < 200; k++)
        s += sb(std::string{char(t::kTtype), 0} + random_bytes(rng, pick(rng, 60)));
      break;
    default:  // FUNCTIONS that never agree; DEVICE-TYPE requests of anything
      s = cmd(t::kWill, t::kTn3270e);
      for (int k = 0; k < 300; k++) {
        std::string body = bytes({t::kTn3270e, chance(rng, 50) ? t::kFunctions : t::kDeviceType,
                                  chance(rng, 70) ? t::kRequest : static_cast<int>(pick(rng, 9))});
        body += random_bytes(rng, pick(rng, 16));
        s += sb(body);
      }
      break;
  }
  return s;
}

// A real negotiation, then records, some of them oversize.
std::string negotiated_then_records(Rng& rng) {
  const bool e = chance(rng, 50);
  std::string s = e ? tn3270e_client() : tn3270_client(chance(rng, 50) ? "IBM-3278-5" : "IBM-DYNAMIC");
  for (std::size_t k = 0, n = 1 + pick(rng, 6); k < n; k++) {
    std::size_t len = pick(rng, 200);
    if (chance(rng, 15)) len = Tn3270::kMaxRecord - 10 + pick(rng, 40);
    if (chance(rng, 5)) len = 100000 + pick(rng, 50000);
    s += client_record(fuzz_data(rng, len), e, chance(rng, 80) ? 0 : u8(rng()));
  }
  if (chance(rng, 30)) s += random_bytes(rng, pick(rng, 3000));
  return s;
}

std::string mutate(std::string s, Rng& rng) {
  static constexpr unsigned char kSpecial[] = {t::kIac, t::kSb, t::kSe, t::kEor, t::kDo,      t::kWill, 0,
                                               1,       2,      4,      7,       t::kTn3270e, t::kTtype};
  for (std::size_t k = 0, n = 1 + pick(rng, 8); k < n && !s.empty(); k++) {
    const std::size_t at = pick(rng, s.size());
    switch (pick(rng, 7)) {
      case 0:
        s[at] = static_cast<char>(s[at] ^ (1 << pick(rng, 8)));
        break;
      case 1:
        s[at] = static_cast<char>(kSpecial[pick(rng, sizeof kSpecial)]);
        break;
      case 2:
        s.insert(at, 1, static_cast<char>(kSpecial[pick(rng, sizeof kSpecial)]));
        break;
      case 3:
        s.erase(at, 1 + pick(rng, 8));
        break;
      case 4:
        s.insert(at, s.substr(pick(rng, s.size()), 1 + pick(rng, 32)));
        break;
      case 5:
        s.resize(at);  // cut short
        break;
      default:
        s.insert(at, random_bytes(rng, 1 + pick(rng, 16)));
        break;
    }
  }
  return s;
}

std::string hostile(Rng& rng) {
  switch (pick(rng, 8)) {
    case 0:
      return random_bytes(rng, pick(rng, 5000));
    case 1:
      return option_storm(rng);
    case 2:
      return subnegotiation_abuse(rng);
    case 3:
      return mutate(tn3270e_client(), rng) + mutate(client_record(fuzz_data(rng, 50), true), rng);
    case 4:
      return mutate(tn3270_client(), rng) + mutate(client_record(fuzz_data(rng, 50), false), rng);
    case 5:
      return negotiated_then_records(rng);
    case 6:
      return mutate(negotiated_then_records(rng), rng);
    default:  // a good negotiation, then anything
      return (chance(rng, 50) ? tn3270e_client() : tn3270_client()) + option_storm(rng) +
             subnegotiation_abuse(rng) + random_bytes(rng, pick(rng, 2000));
  }
}

// ---- The GrafConsole probe ----------------------------------------------------------

constexpr u8 kWrite = 0xF1, kEwa = 0x7E, kSba = 0x11, kSf = 0x1D, kIc = 0x13, kEua = 0x12;

bool printable(const std::string& s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) return false;
  return true;
}

// The graphic code of a 12-bit address half or an attribute: valid?
bool is_code(u8 b) {
  return Screen3270::code(b & 0x3F) == b;
}

// What the model does with text it shows: non-printables as blanks.
std::string shown(const std::string& s) {
  std::string r = s;
  for (char& c : r)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) c = ' ';
  return r;
}

struct GrafProbe {
  int rows, cols;
  std::string sysname;
  GrafConsole g;
  Screen3270 scr;
  bool drawn = false;        // the screen has had its first record
  bool cleared = false;      // CLEAR: the terminal is back at its default size, blank
  bool aid_pending = false;  // an AID locked the keyboard
  bool echo = true;
  bool input_set = false;
  std::string input;  // set_input()'s text since the last flush
  std::vector<std::string> lines;
  std::vector<std::pair<int, std::string>> pfs;
  int attentions = 0;
  std::size_t sent = 0, sent_bytes = 0;
  std::string wrong;

  GrafProbe(int r, int c, std::string sys)
      : rows(r), cols(c), sysname(std::move(sys)), g(r, c, sysname), scr(24, 80, r, c) {
    g.on_line = [this](std::string l) {
      check_line(l);
      lines.push_back(std::move(l));
    };
    g.on_pf = [this](int n, std::string l) {
      if (n < 1 || n > 24) fail("PF" + std::to_string(n));
      check_line(l);
      pfs.emplace_back(n, std::move(l));
    };
    g.on_attention = [this] { attentions++; };
    g.on_send = [this](std::vector<u8> rec) { take(rec); };
  }
  int size() const { return rows * cols; }
  int field_len() const { return 2 * cols - 22; }
  int input_attr() const { return (rows - 2) * cols; }
  int status_attr() const { return size() - 21; }
  void fail(const std::string& what) {
    if (wrong.empty()) wrong = what;
  }
  void check_line(const std::string& l) {
    if (!printable(l)) fail("a line for CP with unprintable characters");
    if (static_cast<int>(l.size()) > field_len())
      fail("a line of " + std::to_string(l.size()) + " characters from a field of " +
           std::to_string(field_len()));
  }

  // An outbound record: well-formed (command, WCC, SBA before anything
  // else, addresses on the screen in 12-bit codes, attributes as codes,
  // data only printable characters), then onto the screen.
  void take(const std::vector<u8>& r) {
    sent++;
    sent_bytes += r.size();
    if (r.size() < 2 || (r[0] != kWrite && r[0] != kEwa)) {
      fail("a record with no Write or Erase/Write Alternate");
      return;
    }
    if (cleared && r[0] != kEwa) fail("a Write to a screen CLEAR left at its default size");
    if (!drawn && r[0] != kEwa) fail("the first record is no Erase/Write Alternate");
    const u8 wcc = r[1];
    if ((wcc & 0xC0) != 0xC0 || (wcc & 0x38) != 0) fail("a WCC with bits of a printer");
    const int sz = size();  // Erase/Write Alternate gives the alternate size; a Write needs it already
    bool addressed = false;
    auto address = [&](std::size_t i) {
      if (!is_code(r[i]) || !is_code(r[i + 1])) {
        fail("an address not in 12-bit codes");
        return;
      }
      if (Screen3270::decode_address(r[i], r[i + 1]) >= sz) fail("an address beyond the screen");
    };
    for (std::size_t i = 2; i < r.size();) {
      const u8 b = r[i];
      if (b == kSba || b == kEua) {
        if (i + 2 >= r.size()) {
          fail("an order cut off at the end");
          break;
        }
        address(i + 1);
        if (b == kSba) addressed = true;
        i += 3;
        continue;
      }
      if (!addressed) fail("data or an order before the first SBA (written at the cursor)");
      if (b == kSf) {
        if (i + 1 >= r.size() || !is_code(r[i + 1])) fail("an SF without its attribute");
        i += 2;
      } else if (b == kIc) {
        i++;
      } else {
        const u8 a = s370::io::to_ascii(b);
        if (b < 0x40 || a < 0x20 || a >= 0x7F) fail("data that is no printable character");
        i++;
      }
    }
    if (r[0] == kEwa)
      scr.erase_write(r.data() + 1, r.size() - 1, true);
    else
      scr.write(r.data() + 1, r.size() - 1);
    drawn = true;
    cleared = false;
    if (wcc & 0x02) aid_pending = false;
  }

  // The row as the terminal shows it: attributes and nulls blank.
  std::string row(int n) const {
    std::string s;
    for (int c = 0; c < scr.cols(); c++) {
      const int p = n * scr.cols() + c;
      const u8 ch = scr.is_attribute(p) ? 0x40 : s370::io::to_ascii(scr.at(p));
      s += ch >= 0x20 && ch < 0x7F ? static_cast<char>(ch) : ' ';
    }
    return s;
  }

  void flush() {
    g.flush();
    if (!drawn) return;
    if (scr.rows() != rows || scr.cols() != cols) {
      fail("the screen is not the terminal's alternate size");
      return;
    }
    if (aid_pending) fail("the keyboard still locked after an AID and a flush");
    // The status area: the word, then the system's name.
    const std::string last = row(rows - 1);
    std::string word = last.substr(static_cast<std::size_t>(cols - 20), 12);
    while (!word.empty() && word.back() == ' ') word.pop_back();
    if (word != g.status()) fail("the status area shows '" + word + "', status() is '" + g.status() + "'");
    std::string name = last.substr(static_cast<std::size_t>(cols - 8), 7);
    while (!name.empty() && name.back() == ' ') name.pop_back();
    if (name != shown(sysname.substr(0, 7))) fail("the status area's system name is '" + name + "'");
    // Three attributes and no others: the output area's (protected), the
    // input field's (unprotected, non-display while echo is off), the
    // status area's (protected).
    for (int p = 0; p < size(); p++) {
      const bool want = p == size() - 1 || p == input_attr() || p == status_attr();
      if (scr.is_attribute(p) != want) {
        fail(std::string(want ? "no attribute" : "an attribute") + " at " + std::to_string(p));
        break;
      }
    }
    const u8 out = scr.at(size() - 1), in = scr.at(input_attr()), st = scr.at(status_attr());
    if (!(out & 0x20) || !(st & 0x20) || (in & 0x20)) fail("a protection attribute wrong");
    if (((in & 0x0C) == 0x0C) == echo)
      fail(echo ? "the input field non-display" : "the input field displayed while echo is off");
    // set_input(): the field holds that text (non-printables blank) and
    // nothing after it.
    if (input_set) {
      std::string field = row(rows - 2) + row(rows - 1);
      field = field.substr(1, static_cast<std::size_t>(field_len()));
      std::string want = shown(input.substr(0, static_cast<std::size_t>(field_len())));
      want.resize(static_cast<std::size_t>(field_len()), ' ');
      if (echo && field != want) fail("set_input's text is not what the field shows");
      input_set = false;
    }
  }

  void inbound(const std::vector<u8>& rec) {
    g.inbound(rec);
    if (rec.empty()) return;
    aid_pending = true;
    if (rec[0] == 0x6D) {  // CLEAR: the terminal cleared itself to its default size
      scr.inbound(rec.data(), rec.size());
      cleared = true;
    }
  }
  void set_input(const std::string& s) {
    g.set_input(s);
    input = s;
    input_set = true;
  }
  void set_echo(bool on) {
    g.set_echo(on);
    echo = on;
  }
};

// A 12-bit coded address.
void put_address(std::vector<u8>& r, int a) {
  r.push_back(Screen3270::code(static_cast<u8>((a >> 6) & 0x3F)));
  r.push_back(Screen3270::code(static_cast<u8>(a & 0x3F)));
}

constexpr u8 kAids[] = {0x7D, 0x7D, 0x7D, 0x7D, 0xF1, 0xF5, 0xF9, 0x7A, 0x7C, 0xC1, 0xC9,
                        0x4A, 0x4C, 0x6C, 0x6E, 0x6E, 0x6D, 0x6B, 0x60, 0x88, 0x00, 0xFF};

// An inbound record as a terminal (or something pretending to be one)
// sends it.
std::vector<u8> random_inbound(Rng& rng, const GrafProbe& p) {
  std::vector<u8> r;
  if (chance(rng, 3)) return r;
  r.push_back(chance(rng, 90) ? kAids[pick(rng, sizeof kAids)] : u8(rng()));
  if (chance(rng, 10)) return r;  // a short read
  const std::size_t cursor = chance(rng, 90) ? 2 : pick(rng, 2);
  for (std::size_t i = 0; i < cursor; i++) r.push_back(u8(rng()));
  const std::size_t fields = pick(rng, 4);
  for (std::size_t f = 0; f < fields; f++) {
    r.push_back(kSba);
    switch (pick(rng, 6)) {
      case 0:
      case 1:  // the input field's first position, as a terminal sends it
        put_address(r, p.input_attr() + 1);
        break;
      case 2:  // anywhere in the field or around it
        put_address(r, p.input_attr() - 5 +
                           static_cast<int>(pick(rng, static_cast<std::size_t>(p.field_len() + 30))));
        break;
      case 3: {  // 14-bit
        const int a = static_cast<int>(pick(rng, 16384));
        r.push_back(static_cast<u8>((a >> 8) & 0x3F));
        r.push_back(static_cast<u8>(a));
        break;
      }
      case 4:  // beyond the screen (12-bit up to 4095)
        put_address(r, p.size() + static_cast<int>(pick(rng, 4096)));
        break;
      default:
        r.push_back(u8(rng()));
        r.push_back(u8(rng()));
        break;
    }
    std::size_t len = pick(rng, 100);
    if (chance(rng, 10)) len = static_cast<std::size_t>(p.field_len()) + pick(rng, 50);
    if (chance(rng, 2) && r.size() + 10 < Tn3270::kMaxRecord)
      len = Tn3270::kMaxRecord - r.size() - pick(rng, 10);
    for (std::size_t i = 0; i < len; i++) {
      switch (pick(rng, 8)) {
        case 0:
          r.push_back(0);  // nulls
          break;
        case 1:
          r.push_back(u8(rng()));
          break;
        default:
          r.push_back(s370::io::to_ebcdic(static_cast<u8>('A' + pick(rng, 26))));
          break;
      }
    }
  }
  if (chance(rng, 20)) {  // an SBA cut off at the end
    r.push_back(kSba);
    if (chance(rng, 50)) r.push_back(Screen3270::code(u8(rng())));
  }
  return r;
}

std::string random_text(Rng& rng) {
  std::string s;
  const std::size_t n = chance(rng, 5) ? pick(rng, 5000) : pick(rng, 120);
  for (std::size_t i = 0; i < n; i++) {
    const std::size_t k = pick(rng, 20);
    if (k == 0)
      s += '\n';
    else if (k == 1)
      s += static_cast<char>(rng());  // control characters, X'11', X'1D', X'FF'...
    else
      s += static_cast<char>(' ' + pick(rng, 95));
  }
  return s;
}

struct Model {
  int rows, cols;
};
constexpr Model kModels[] = {{24, 80}, {32, 80}, {43, 80}, {27, 132}};

}  // namespace

// ======================================================================================
// Small, fixed cases first: known transcripts, the bugs the fuzzing found
// (each fails without its fix), and proof that the fuzzing's checks fail
// when they should.
// ======================================================================================

TEST_CASE("TN3270E, byte by byte: DEVICE-TYPE with CONNECT, FUNCTIONS agreed down to none") {
  TnProbe p;
  CHECK(p.replies == cmd(t::kDo, t::kTn3270e));
  auto step = [&](const std::string& client, const std::string& server) {
    p.replies.clear();
    for (char c : client) p.feed(std::string(1, c));
    CHECK(p.replies == server);
  };
  step(cmd(t::kWill, t::kTn3270e), sb(bytes({t::kTn3270e, t::kSend, t::kDeviceType})));
  step(sb(bytes({t::kTn3270e, t::kDeviceType, t::kRequest}) + "IBM-3278-2-E" + char(t::kConnect) + "FOO"),
       sb(bytes({t::kTn3270e, t::kDeviceType, t::kIs}) + "IBM-3278-2-E" + char(t::kConnect) + "FOO"));
  CHECK(p.tn.mode() == Mode::Negotiating);
  step(sb(bytes({t::kTn3270e, t::kFunctions, t::kRequest, 2, 4})),
       sb(bytes({t::kTn3270e, t::kFunctions, t::kRequest})));
  CHECK(p.tn.mode() == Mode::Negotiating);
  step(sb(bytes({t::kTn3270e, t::kFunctions, t::kIs})), "");
  CHECK(p.tn.mode() == Mode::Tn3270e);
  CHECK(p.mode_calls == 1);
  CHECK(p.tn.lu() == "FOO");
  CHECK(p.tn.terminal().rows == 24);
  // A record with its header; the header is gone, X'FF' un-doubled.
  p.feed(client_record({0x7D, 0x5B, 0x6F, 0xFF, 0x11}, true));
  REQUIRE(p.records.size() == 1);
  CHECK(p.records[0] == std::vector<u8>{0x7D, 0x5B, 0x6F, 0xFF, 0x11});
  // frame(): header with sequence 0, then 1.
  CHECK(p.tn.frame({0xF1, 0xFF}) == bytes({0, 0, 0, 0, 0, 0xF1, 0xFF, 0xFF, t::kIac, t::kEor}));
  CHECK(p.tn.frame({}) == bytes({0, 0, 0, 0, 1, t::kIac, t::kEor}));
  CHECK(p.wrong.empty());
}

TEST_CASE("TN3270 (RFC 1576), byte by byte: WONT TN3270E, TERMINAL-TYPE, BINARY and EOR") {
  TnProbe p;
  auto step = [&](const std::string& client, const std::string& server) {
    p.replies.clear();
    for (char c : client) p.feed(std::string(1, c));
    CHECK(p.replies == server);
  };
  step(cmd(t::kWont, t::kTn3270e), cmd(t::kDo, t::kTtype));
  step(cmd(t::kWill, t::kTtype), sb(bytes({t::kTtype, 1})));
  step(sb(std::string{char(t::kTtype), 0} + "IBM-3278-5"),
       cmd(t::kDo, t::kEorOpt) + cmd(t::kWill, t::kEorOpt) + cmd(t::kDo, t::kBinary) +
           cmd(t::kWill, t::kBinary));
  step(cmd(t::kWill, t::kEorOpt) + cmd(t::kDo, t::kEorOpt) + cmd(t::kWill, t::kBinary), "");
  CHECK(p.tn.mode() == Mode::Negotiating);
  step(cmd(t::kDo, t::kBinary), "");
  CHECK(p.tn.mode() == Mode::Tn3270);
  CHECK(p.tn.terminal().rows == 27);
  CHECK(p.tn.terminal().cols == 132);
  p.feed(client_record({0x7D, 0x40, 0x40}, false));
  REQUIRE(p.records.size() == 1);
  CHECK(p.records[0] == std::vector<u8>{0x7D, 0x40, 0x40});
  CHECK(p.tn.frame({0xF5, 0xC3}) == bytes({0xF5, 0xC3, t::kIac, t::kEor}));  // no header
  CHECK(p.wrong.empty());
}

TEST_CASE("a line-mode client that types first; X'FF' doubled as its first byte, across two reads") {
  {
    TnProbe p;
    p.feed("LOGON ALICE\r\n");
    CHECK(p.tn.mode() == Mode::Line);
    CHECK(p.lines == std::vector<std::string>{"LOGON ALICE"});
    CHECK(p.replies == cmd(t::kDo, t::kTn3270e) + cmd(t::kWill, t::kSga));
  }
  {
    // IAC ends one read and IAC begins the next: a data byte X'FF'. The
    // byte before the second read's buffer is not part of the stream (it
    // was once read from there).
    TnProbe p;
    p.feed("\xFF");
    CHECK(p.tn.mode() == Mode::Negotiating);
    const std::string second =
        "X\xFF"
        "AB\r\n";
    std::vector<unsigned char> buf(second.begin(), second.end());
    p.tn.feed(buf.data() + 1, buf.size() - 1);
    CHECK(p.tn.mode() == Mode::Line);
    CHECK(p.lines == std::vector<std::string>{"\xFF"
                                              "AB"});
  }
}

TEST_CASE(
    "the negotiation's time runs out in the middle of a telnet command: the command goes on in line mode") {
  TnProbe p;
  p.feed(bytes({t::kIac, t::kDo}));
  p.tn.timeout();
  CHECK(p.tn.mode() == Mode::Line);
  p.replies.clear();
  p.feed(bytes({t::kTtype}) + "HELLO\r\n");
  CHECK(p.replies == cmd(t::kWont, t::kTtype));
  CHECK(p.lines == std::vector<std::string>{"HELLO"});
  TnProbe q;
  q.feed(bytes({t::kIac, t::kSb, t::kTtype, 1, 2, 3}));
  q.tn.timeout();
  q.feed(bytes({4, t::kIac, t::kSe}) + "AFTER\r\n");
  CHECK(q.lines == std::vector<std::string>{"AFTER"});
}

TEST_CASE(
    "records: kMaxRecord bytes are kept, one more and the record is dropped whole; IAC IAC in an SB counts") {
  TnProbe p;
  p.feed(tn3270_client());
  REQUIRE(p.tn.mode() == Mode::Tn3270);
  p.feed(client_record(std::vector<u8>(Tn3270::kMaxRecord, 0xFF), false));
  p.feed(client_record(std::vector<u8>(Tn3270::kMaxRecord + 1, 0x40), false));
  p.feed(client_record({0x6D}, false));
  REQUIRE(p.records.size() == 2);
  CHECK(p.records[0].size() == Tn3270::kMaxRecord);
  CHECK(p.records[1] == std::vector<u8>{0x6D});
  // A TERMINAL-TYPE IS whose end is IAC IAC past the SB bound is too long,
  // not a shorter name.
  TnProbe q;
  q.feed(cmd(t::kWont, t::kTn3270e) + cmd(t::kWill, t::kTtype));
  std::string body = std::string{char(t::kTtype), 0} + "IBM-3278-2";
  body.resize(256, ' ');
  q.feed(bytes({t::kIac, t::kSb}) + body + std::string(8, '\xFF') + bytes({t::kIac, t::kSe}));
  CHECK(q.tn.mode() == Mode::Negotiating);
  CHECK(q.tn.terminal().name.empty());
}

TEST_CASE("the invariants catch what they are for") {
  // A reply bound: IAC AYT in line mode gets 9 bytes for 2 (TelnetLine's
  // "[YES]"), more than 3 a byte: the bound check must see it.
  TnProbe p;
  p.feed("x\r\n");
  std::string ayt;
  for (int i = 0; i < 40000; i++) ayt += bytes({t::kIac, t::kAyt});
  p.feed(ayt);
  CHECK(p.wrong.find("replies out of bound") == 0);
  // The screen checks: a record written without an SBA first, and one
  // with a character that is no data.
  GrafProbe g(24, 80, "VM370");
  g.take({kEwa, 0xC3, 0x40});
  CHECK(g.wrong.find("before the first SBA") != std::string::npos);
  GrafProbe h(24, 80, "VM370");
  h.take({kEwa, 0xC3, kSba, 0x40, 0x40, 0x05});
  CHECK(h.wrong == "data that is no printable character");
  GrafProbe k(24, 80, "VM370");
  k.g.flush();
  k.take({kWrite, 0xC3, kSba, 0x5D, 0x7F, 0xC1});  // "A" over the status area's attribute
  k.flush();
  CHECK(!k.wrong.empty());
}

TEST_CASE("GrafConsole: the first screen, a logon with a non-display password, lines cut to the field") {
  GrafProbe p(24, 80, "VM370");
  p.flush();
  REQUIRE(p.wrong.empty());
  CHECK(p.sent == 1);
  CHECK(p.row(23).substr(60, 19) == "CP READ     VM370  ");
  p.g.write("VM/370 ONLINE\n");
  p.flush();
  CHECK(p.row(0).substr(0, 13) == "VM/370 ONLINE");
  auto enter = [&](const std::string& text) {
    std::vector<u8> r{0x7D, 0x5D, 0x7F, kSba};
    put_address(r, p.input_attr() + 1);
    for (char c : text) r.push_back(s370::io::to_ebcdic(static_cast<u8>(c)));
    p.inbound(r);
    p.flush();
  };
  enter("LOGON ALICE");
  CHECK(p.lines.back() == "LOGON ALICE");
  CHECK(p.row(1).substr(0, 11) == "LOGON ALICE");  // echoed
  p.set_echo(false);
  p.flush();
  enter("SECRETPW");
  CHECK(p.lines.back() == "SECRETPW");
  for (int r = 0; r < 24; r++) CHECK(p.row(r).find("SECRETPW") == std::string::npos);
  p.set_echo(true);
  // A field longer than the input area, and characters with no ASCII
  // graphic: the line is the field's length at most, and printable.
  enter(std::string(500, 'Z'));
  CHECK(p.lines.back().size() == 138);
  std::vector<u8> odd{0x7D, 0x5D, 0x7F, kSba};
  put_address(odd, p.input_attr() + 1);
  for (u8 b : {0xC1, 0x41, 0xFF, 0x4A, 0xC2}) odd.push_back(b);
  p.inbound(odd);
  p.flush();
  CHECK(printable(p.lines.back()));
  CHECK(p.lines.back().size() == 5);
  // set_input() with control characters (a SET PFnn's text): no orders
  // reach the screen, the field shows the text.
  p.set_input(
      std::string("A\x11\x40\x40"
                  "B\x1D"
                  "C",
                  7));
  p.flush();
  CHECK(p.row(22).substr(1, 7) == "A @@B C");
  CHECK(p.wrong.empty());
}

// ======================================================================================
// The fuzzing.
// ======================================================================================

TEST_CASE("fuzz Tn3270: random, mutated and hostile streams from a fresh start()") {
  const unsigned seed = seed_base();
  const int rounds = 2500 * scale();
  std::size_t total = 0, records = 0, lines = 0;
  int modes[4] = {};
  for (int round = 0; round < rounds; round++) {
    Rng rng(seed * 7919u + static_cast<unsigned>(round));
    TnProbe p;
    std::string s = hostile(rng);
    if (chance(rng, 20)) s += hostile(rng);
    p.feed_chunked(s, rng, true);
    if (chance(rng, 50)) p.tn.timeout();
    p.invariants();
    for (int k = 0; k < 3; k++) {
      std::vector<u8> d = fuzz_data(rng, pick(rng, 300));
      p.check_frame(d);
    }
    total += p.fed;
    records += p.records.size();
    lines += p.lines.size();
    modes[static_cast<int>(p.tn.mode())]++;
    for (const auto& l : p.lines)
      if (l.size() > console::TelnetLine::kMaxLine) p.fail("an overlong line");
    if (!p.wrong.empty()) {
      INFO("seed " << seed << " round " << round << ": " << p.wrong);
      CHECK(p.wrong.empty());
      break;
    }
  }
  MESSAGE("Tn3270: " << rounds << " streams, " << total << " bytes; " << records << " records, " << lines
                     << " lines; modes N/L/3270/3270E " << modes[0] << "/" << modes[1] << "/" << modes[2]
                     << "/" << modes[3]);
  // The fuzzing reached every mode, or it tried too little.
  for (int m : modes) CHECK(m > 0);
  CHECK(records > 100);
}

TEST_CASE("fuzz Tn3270: records after a negotiation come out as they went in, however the reads are cut") {
  const unsigned seed = seed_base();
  for (int round = 0; round < 300 * scale(); round++) {
    Rng rng(seed * 104729u + static_cast<unsigned>(round));
    TnProbe p;
    const bool e = chance(rng, 50);
    std::string s = e ? tn3270e_client() : tn3270_client();
    std::vector<std::vector<u8>> want;
    for (std::size_t k = 0, n = 1 + pick(rng, 10); k < n; k++) {
      std::size_t len = pick(rng, 400);
      if (chance(rng, 10)) len = Tn3270::kMaxRecord - 8 + pick(rng, 16);
      const std::vector<u8> d = fuzz_data(rng, len);
      const u8 type = chance(rng, 85) ? 0 : u8(1 + pick(rng, 7));
      s += client_record(d, e, type);
      const std::size_t on_wire = d.size() + (e ? 5 : 0);
      if (on_wire <= Tn3270::kMaxRecord && (!e || type == 0)) want.push_back(d);
    }
    p.feed_chunked(s, rng, false);
    INFO("seed " << seed << " round " << round << std::string(e ? " TN3270E" : " TN3270"));
    if (p.records != want) {
      std::string d = "record sizes: got";
      for (auto& r : p.records) d += ' ' + std::to_string(r.size());
      d += ", want";
      for (auto& r : want) d += ' ' + std::to_string(r.size());
      MESSAGE(d);
    }
    CHECK(p.wrong.empty());
    CHECK(p.tn.mode() == (e ? Mode::Tn3270e : Mode::Tn3270));
    CHECK(p.records == want);
    if (p.records != want || !p.wrong.empty()) break;
  }
}

TEST_CASE(
    "fuzz GrafConsole: random inbound records between random CP calls, every record onto a 3270 screen") {
  const unsigned seed = seed_base();
  std::size_t sent = 0, bytes_sent = 0, lines = 0;
  for (int round = 0; round < 32 * scale(); round++) {
    Rng rng(seed * 31337u + static_cast<unsigned>(round));
    const Model m = kModels[round % 4];
    const std::string sysname = round % 5 == 4 ? std::string(
                                                     "V\x11M\x1D\xFF"
                                                     "370X",
                                                     9)
                                               : "VM370";
    GrafProbe p(m.rows, m.cols, sysname);
    p.flush();
    for (int op = 0; op < 1500 && p.wrong.empty(); op++) {
      switch (pick(rng, 16)) {
        case 0:
        case 1:
        case 2:
        case 3:
        case 4:
          p.inbound(random_inbound(rng, p));
          break;
        case 5:
        case 6:
        case 7:
          p.g.write(random_text(rng));
          break;
        case 8:
          p.g.cp_read(chance(rng, 50));
          break;
        case 9:
          p.g.vm_read(chance(rng, 50));
          break;
        case 10:
          p.set_echo(chance(rng, 70));
          break;
        case 11:
          p.set_input(random_text(rng).substr(0, pick(rng, 300)));
          break;
        case 12:
          p.g.more_timeout(chance(rng, 50) ? p.g.more_number() : static_cast<unsigned>(rng()));
          break;
        case 13:
          if (chance(rng, 50))
            p.g.not_accepted();
          else
            p.g.alarm();
          break;
        case 14:
          p.g.redraw();
          break;
        default:
          break;  // a flush with nothing new
      }
      if (chance(rng, 80)) p.flush();
    }
    p.flush();
    sent += p.sent;
    bytes_sent += p.sent_bytes;
    lines += p.lines.size() + p.pfs.size();
    if (!p.wrong.empty()) {
      INFO("seed " << seed << " round " << round << " (" << m.rows << "x" << m.cols << "): " << p.wrong);
      CHECK(p.wrong.empty());
      break;
    }
  }
  MESSAGE("GrafConsole: " << sent << " records (" << bytes_sent << " bytes) checked, " << lines
                          << " lines for CP");
  CHECK(lines > 100);
}

TEST_CASE("fuzz GrafConsole: numbered lines between PA2, CLEAR, ENTER and MORE... each show once, in order") {
  const unsigned seed = seed_base();
  for (int round = 0; round < 8 * scale(); round++) {
    Rng rng(seed * 65537u + static_cast<unsigned>(round));
    const Model m = kModels[round % 4];
    GrafProbe p(m.rows, m.cols, "VM370");
    p.flush();
    std::vector<int> seen;
    // The numbers on the screen, top to bottom: "N" and six digits at the
    // start of a row of the output area.
    auto snapshot = [&] {
      for (int r = 0; r < m.rows - 2; r++) {
        const std::string s = p.row(r);
        if (s[0] == 'N' &&
            std::all_of(s.begin() + 1, s.begin() + 7, [](char c) { return c >= '0' && c <= '9'; }))
          seen.push_back(std::stoi(s.substr(1, 6)));
      }
    };
    const int n = 600;
    for (int next = 0; next < n && p.wrong.empty();) {
      const std::size_t what = pick(rng, 10);
      if (what < 6) {
        // A line, wrapped when long, written in pieces.
        char head[16];
        std::snprintf(head, sizeof head, "N%06d", next++);
        std::string line =
            head +
            std::string(pick(rng, 3) == 0 ? pick(rng, 3 * static_cast<std::size_t>(m.cols)) : pick(rng, 20),
                        '.') +
            "\n";
        while (!line.empty()) {
          const std::size_t k = 1 + pick(rng, line.size());
          p.g.write(line.substr(0, k));
          line.erase(0, k);
          if (chance(rng, 30)) p.flush();
        }
      } else if (what < 8 || (p.g.more() && chance(rng, 50))) {
        // PA2 (or CLEAR, or MORE...'s time running out): what is on the
        // screen now goes.
        p.flush();
        snapshot();
        const std::size_t how = pick(rng, 4);
        if (how == 0)
          p.inbound({0x6D});
        else if (how == 1 && p.g.more())
          p.g.more_timeout(p.g.more_number());
        else
          p.inbound({0x6E});
        p.flush();
        // After CLEAR and a stale MORE... number: nothing is cleared twice.
        if (chance(rng, 20)) p.g.more_timeout(p.g.more_number() - 1);
      } else if (what == 8) {
        // ENTER alone (MORE... is held), or a typed line (echoed, not
        // numbered).
        std::vector<u8> r{0x7D, 0x40, 0x40};
        if (chance(rng, 50)) {
          r.push_back(kSba);
          put_address(r, p.input_attr() + 1);
          for (char c : std::string("typed")) r.push_back(s370::io::to_ebcdic(static_cast<u8>(c)));
        }
        p.inbound(r);
        p.flush();
      } else {
        p.g.cp_read(chance(rng, 50));
        p.flush();
      }
    }
    // The rest: PA2 until nothing more waits.
    for (int k = 0; k < 10000 && p.wrong.empty(); k++) {
      p.flush();
      snapshot();
      const bool more = p.g.more() || p.g.status() == "HOLDING";
      p.inbound({0x6E});
      p.flush();
      if (!more) break;
    }
    INFO("seed " << seed << " round " << round << " (" << m.rows << "x" << m.cols << ")");
    CHECK(p.wrong.empty());
    std::vector<int> want(static_cast<std::size_t>(n));
    for (int i = 0; i < n; i++) want[static_cast<std::size_t>(i)] = i;
    CHECK(seen.size() == want.size());
    if (seen != want) {
      // The first place where it goes wrong.
      std::size_t i = 0;
      while (i < seen.size() && i < want.size() && seen[i] == want[i]) i++;
      FAIL("row " << i << ": " << (i < seen.size() ? seen[i] : -1) << " where "
                  << (i < want.size() ? want[i] : -1) << " belongs");
    }
  }
}
