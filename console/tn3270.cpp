// TN3270 and TN3270E negotiation and framing (tn3270.h).
#include "console/tn3270.h"

#include <cctype>

namespace console {

using namespace telnet;

namespace {

std::string cmd(unsigned char verb, unsigned char opt) { return std::string{char(kIac), char(verb), char(opt)}; }

// A subnegotiation: IAC SB, the bytes with IAC doubled, IAC SE.
std::string sb(const std::string& body) {
  std::string r{char(kIac), char(kSb)};
  for (char c : body) {
    r += c;
    if (static_cast<unsigned char>(c) == kIac) r += c;
  }
  r += char(kIac);
  r += char(kSe);
  return r;
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// An LU name: 1 to 8 letters, digits, @, # or $ (as VTAM's).
bool valid_lu(const std::string& n) {
  if (n.empty() || n.size() > 8) return false;
  for (char c : n)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '@' && c != '#' && c != '$') return false;
  return true;
}

}  // namespace

bool parse_terminal_type(const std::string& given, TerminalType& t) {
  if (given.size() > 40) return false;
  std::string n = upper(given);
  // Hercules' IBM-3278@01F (a device number asked for) is a 3278-2 here.
  if (auto at = n.find('@'); at != std::string::npos) n.resize(at);
  TerminalType r;
  r.name = given;
  if (n == "IBM-DYNAMIC") {
    r.dynamic = r.extended = true;
    t = r;
    return true;
  }
  if (n.size() >= 6 && n.compare(n.size() - 2, 2, "-E") == 0) {
    r.extended = true;
    n.resize(n.size() - 2);
  }
  if (n == "IBM-3278" || n == "IBM-3279") n += "-2";
  if (n.size() != 10 || n.compare(0, 7, "IBM-327") != 0 || n[8] != '-') {
    if (n != "IBM-3179-2") return false;
    t = r;
    return true;
  }
  if (n[7] != '7' && n[7] != '8' && n[7] != '9') return false;
  static const int kRows[] = {24, 32, 43, 27}, kCols[] = {80, 80, 80, 132};
  const int m = n[9] - '0';
  if (m < 2 || m > 5 || (n[7] == '7' && m != 2)) return false;
  r.model = m;
  r.rows = kRows[m - 2];
  r.cols = kCols[m - 2];
  t = r;
  return true;
}

std::string Tn3270::start() {
  line_.on_reply = [this](std::string r) { reply(r); };
  line_.on_line = [this](std::string l) {
    if (on_line) on_line(std::move(l));
  };
  line_.on_attention = [this] {
    if (on_attention) on_attention();
  };
  asked_tn3270e_ = true;
  return cmd(kDo, kTn3270e);
}

void Tn3270::timeout() {
  if (mode_ != Mode::Negotiating) return;
  // A telnet command the time cut in two goes on in TelnetLine, so that
  // the rest of it is not taken for typed text.
  std::string cut;
  switch (st_) {
    case St::Data:
      break;
    case St::Iac:
      cut = {char(kIac)};
      break;
    case St::Verb:
      cut = {char(kIac), char(verb_)};
      break;
    case St::Sb:
      cut = {char(kIac), char(kSb)};
      break;
    case St::SbIac:
      cut = {char(kIac), char(kSb), char(kIac)};
      break;
  }
  st_ = St::Data;
  to_line(reinterpret_cast<const unsigned char*>(cut.data()), cut.size());
}

void Tn3270::to_line(const unsigned char* rest, std::size_t n) {
  mode_ = Mode::Line;
  // What we asked for and the client never agreed to is off again.
  if (asked_binary_) reply(cmd(kDont, kBinary) + cmd(kWont, kBinary) + cmd(kDont, kEorOpt) + cmd(kWont, kEorOpt));
  reply(line_.greeting());
  if (on_mode) on_mode(mode_);
  if (n) line_.feed(rest, n);
}

void Tn3270::to_3270(Mode m) {
  if (mode_ != Mode::Negotiating) return;
  mode_ = m;
  if (on_mode) on_mode(mode_);
}

void Tn3270::check_tn3270() {
  if (have_type_ && client_eor_ && client_bin_ && server_eor_ && server_bin_) to_3270(Mode::Tn3270);
}

// The client's answers and requests. Ours are TN3270E, TERMINAL-TYPE,
// BINARY and END-OF-RECORD; while the mode is open any other goes to the
// line-mode telnet (it may yet be a line-mode client), after it is refused.
void Tn3270::option(unsigned char verb, unsigned char opt) {
  const bool negotiating = mode_ == Mode::Negotiating;
  const bool is3270 = mode_ == Mode::Tn3270 || mode_ == Mode::Tn3270e;
  switch (opt) {
    case kTn3270e:
      if (verb == kWill) {
        if (negotiating && asked_tn3270e_ && !device_ok_ && !asked_ttype_) {
          reply(sb(std::string{char(kTn3270e), char(kSend), char(kDeviceType)}));
          return;
        }
        if (!asked_tn3270e_) reply(cmd(kDont, kTn3270e));
        return;
      }
      if (verb == kWont) {
        // No TN3270E: RFC 1576's TERMINAL-TYPE next.
        if (negotiating && !asked_ttype_) {
          asked_ttype_ = true;
          reply(cmd(kDo, kTtype));
        }
        return;
      }
      if (verb == kDo) reply(cmd(kWont, kTn3270e));  // we are the server
      return;
    case kTtype:
      if (verb == kWill) {
        if (negotiating && asked_ttype_ && !have_type_) reply(sb(std::string{char(kTtype), char(1)}));  // SEND
        else if (!asked_ttype_) reply(cmd(kDont, kTtype));
        return;
      }
      if (verb == kWont) {
        if (negotiating) to_line(nullptr, 0);
        return;
      }
      if (verb == kDo) reply(cmd(kWont, kTtype));
      return;
    case kBinary:
    case kEorOpt: {
      bool& client = opt == kBinary ? client_bin_ : client_eor_;
      bool& server = opt == kBinary ? server_bin_ : server_eor_;
      if (!negotiating && !is3270) {
        line_.feed(reinterpret_cast<const unsigned char*>(cmd(verb, opt).data()), 3);
        return;
      }
      if (verb == kWill && !client) {
        client = true;
        if (!asked_binary_) reply(cmd(kDo, opt));
      } else if (verb == kDo && !server) {
        server = true;
        if (!asked_binary_) reply(cmd(kWill, opt));
      } else if ((verb == kWont || verb == kDont) && negotiating && have_type_) {
        to_line(nullptr, 0);  // a 3270 type without binary records is no 3270
        return;
      }
      if (negotiating) check_tn3270();
      return;
    }
    default:
      if (negotiating || mode_ == Mode::Line) {
        line_.feed(reinterpret_cast<const unsigned char*>(cmd(verb, opt).data()), 3);
      } else if (verb == kDo) {
        reply(cmd(kWont, opt));
      } else if (verb == kWill) {
        reply(cmd(kDont, opt));
      }
      return;
  }
}

void Tn3270::subnegotiation() {
  if (sb_overflow_ || sb_.empty()) return;
  const auto opt = static_cast<unsigned char>(sb_[0]);
  if (opt == kTtype) {
    // TERMINAL-TYPE IS name.
    if (mode_ != Mode::Negotiating || !asked_ttype_ || have_type_ || sb_.size() < 2 || sb_[1] != 0) return;
    TerminalType t;
    if (!parse_terminal_type(sb_.substr(2), t)) {
      to_line(nullptr, 0);
      return;
    }
    term_ = t;
    have_type_ = true;
    asked_binary_ = true;
    std::string r;
    if (!client_eor_) r += cmd(kDo, kEorOpt);
    if (!server_eor_) r += cmd(kWill, kEorOpt);
    if (!client_bin_) r += cmd(kDo, kBinary);
    if (!server_bin_) r += cmd(kWill, kBinary);
    reply(r);
    check_tn3270();
    return;
  }
  if (opt == kTn3270e) tn3270e_sb();
}

// RFC 2355, 7 and 8.
void Tn3270::tn3270e_sb() {
  if (mode_ != Mode::Negotiating || sb_.size() < 3) return;
  const auto what = static_cast<unsigned char>(sb_[1]), how = static_cast<unsigned char>(sb_[2]);
  const std::string head{char(kTn3270e)};
  if (what == kDeviceType && how == kRequest) {
    if (device_ok_) return;
    std::string type, name;
    std::size_t i = 3;
    while (i < sb_.size() && static_cast<unsigned char>(sb_[i]) > kRequest) type += sb_[i++];
    auto reject = [&](unsigned char reason) {
      reply(sb(head + char(kDeviceType) + char(kReject) + char(kReason) + char(reason)));
    };
    if (i < sb_.size() && static_cast<unsigned char>(sb_[i]) == kAssociate) return reject(kInvAssociate);
    TerminalType t;
    if (!parse_terminal_type(type, t)) return reject(kInvDeviceType);
    if (i < sb_.size() && static_cast<unsigned char>(sb_[i]) == kConnect) {
      name = upper(sb_.substr(i + 1));
      if (!valid_lu(name)) return reject(kInvName);
      if (lu_free && !lu_free(name)) return reject(kDeviceInUse);
    } else if (i < sb_.size()) {
      return reject(kUnsupportedReq);
    }
    term_ = t;
    lu_ = name.empty() ? default_lu : name;
    device_ok_ = true;
    reply(sb(head + char(kDeviceType) + char(kIs) + type + char(kConnect) + lu_));
    return;
  }
  if (what == kFunctions && device_ok_) {
    // We offer no function: BIND-IMAGE, RESPONSES, SYSREQ and the SCS
    // ones are all declined, by asking for the empty list.
    const bool none = sb_.size() == 3;
    if (how == kRequest) {
      if (none) {
        reply(sb(head + char(kFunctions) + char(kIs)));
        to_3270(Mode::Tn3270e);
      } else if (++function_rounds_ <= kMaxRounds) {
        reply(sb(head + char(kFunctions) + char(kRequest)));
      }
    } else if (how == kIs) {
      if (none) to_3270(Mode::Tn3270e);
      else if (++function_rounds_ <= kMaxRounds) reply(sb(head + char(kFunctions) + char(kRequest)));
    }
  }
}

void Tn3270::sb_byte(unsigned char c) {
  if (sb_.size() < kMaxSb) {
    sb_ += static_cast<char>(c);
  } else if (++sb_skipped_ > 4096) {
    st_ = St::Data;  // a subnegotiation with no end
    sb_skipped_ = 0;
  } else {
    sb_overflow_ = true;
  }
}

void Tn3270::data_byte(unsigned char c) {
  if (rec_.size() < kMaxRecord) rec_.push_back(c);
  else rec_overflow_ = true;
}

void Tn3270::end_record() {
  std::vector<std::uint8_t> r;
  r.swap(rec_);
  const bool over = rec_overflow_;
  rec_overflow_ = false;
  if (over) return;  // an oversize record is dropped whole
  if (mode_ == Mode::Tn3270e) {
    // The header: only 3270-DATA is a screen's; RESPONSE, NVT-DATA,
    // SSCP-LU-DATA and the rest are not asked for and are dropped.
    if (r.size() < 5 || r[0] != 0) return;
    r.erase(r.begin(), r.begin() + 5);
  }
  if (on_record) on_record(std::move(r));
}

std::string Tn3270::frame(const std::vector<std::uint8_t>& data) {
  std::string out;
  out.reserve(data.size() + 16);
  auto put = [&](std::uint8_t b) {
    out += static_cast<char>(b);
    if (b == kIac) out += static_cast<char>(b);
  };
  if (mode_ == Mode::Tn3270e) {
    // 3270-DATA, no request flag, NO-RESPONSE, the sequence number.
    put(0);
    put(0);
    put(0);
    put(static_cast<std::uint8_t>(seq_ >> 8));
    put(static_cast<std::uint8_t>(seq_));
    seq_++;
  }
  for (std::uint8_t b : data) put(b);
  out += static_cast<char>(kIac);
  out += static_cast<char>(kEor);
  return out;
}

void Tn3270::feed(const unsigned char* p, std::size_t n) {
  for (std::size_t i = 0; i < n; i++) {
    if (mode_ == Mode::Line) {
      line_.feed(p + i, n - i);
      return;
    }
    const unsigned char c = p[i];
    switch (st_) {
      case St::Data:
        if (c == kIac) {
          st_ = St::Iac;
        } else if (mode_ == Mode::Negotiating) {
          // Typed before negotiating: a line-mode client (nc).
          to_line(p + i, n - i);
          return;
        } else {
          data_byte(c);
        }
        break;
      case St::Iac:
        st_ = St::Data;
        if (c == kIac) {
          if (mode_ == Mode::Negotiating) {
            // IAC IAC: a data byte X'FF', typed. The first IAC may have
            // ended the last read (i == 0): it is not at p[i - 1].
            static constexpr unsigned char kIacIac[2] = {kIac, kIac};
            to_line(kIacIac, 2);
            line_.feed(p + i + 1, n - i - 1);
            return;
          }
          data_byte(c);
        } else if (c == kEor) {
          if (mode_ != Mode::Negotiating) end_record();
        } else if (c == kDo || c == kDont || c == kWill || c == kWont) {
          verb_ = c;
          st_ = St::Verb;
        } else if (c == kSb) {
          sb_.clear();
          sb_overflow_ = false;
          st_ = St::Sb;
        }
        break;
      case St::Verb:
        st_ = St::Data;
        option(verb_, c);
        break;
      case St::Sb:
        if (c == kIac) st_ = St::SbIac;
        else sb_byte(c);
        break;
      case St::SbIac:
        if (c == kSe) {
          st_ = St::Data;
          sb_skipped_ = 0;
          subnegotiation();
        } else {
          st_ = St::Sb;
          // IAC IAC is a byte of the subnegotiation like any other: past
          // the bound it makes the subnegotiation too long (and counts
          // towards giving up on one with no end) rather than vanish.
          if (c == kIac) sb_byte(c);
        }
        break;
    }
  }
}

}  // namespace console
