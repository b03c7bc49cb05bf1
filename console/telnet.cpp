// Telnet for line-mode sessions (telnet.h).
#include "console/telnet.h"

namespace console {

using namespace telnet;

namespace {
std::string cmd(unsigned char verb, unsigned char opt) { return std::string{char(kIac), char(verb), char(opt)}; }
}  // namespace

std::string TelnetLine::greeting() {
  we_sga_ = true;
  return cmd(kWill, kSga);
}

std::string TelnetLine::set_server_echo(bool on) {
  if (on == we_echo_) return "";
  we_echo_ = on;
  return cmd(on ? kWill : kWont, kEcho);
}

std::string TelnetLine::encode(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    if (c == '\n')
      out += "\r\n";
    else if (static_cast<unsigned char>(c) == kIac)
      out += "\xFF\xFF";
    else
      out += c;
  }
  return out;
}

void TelnetLine::end_line() {
  std::string l;
  l.swap(line_);
  overflow_ = false;
  if (on_line) on_line(std::move(l));
}

// The client asks (DO/DONT about our side, WILL/WONT about its own). We
// agree to SUPPRESS-GO-AHEAD and ECHO on our side, and to nothing on the
// client's; an answer goes only when a state changes.
void TelnetLine::option(unsigned char verb, unsigned char opt) {
  std::string r;
  switch (verb) {
    case kDo:
      if (opt == kSga) {
        if (!we_sga_) we_sga_ = true, r = cmd(kWill, kSga);
      } else if (opt == kEcho) {
        // Only while we asked for it (a password): otherwise refuse.
        if (!we_echo_) r = cmd(kWont, kEcho);
      } else {
        r = cmd(kWont, opt);
      }
      break;
    case kDont:
      if (opt == kSga && we_sga_) we_sga_ = false, r = cmd(kWont, kSga);
      else if (opt == kEcho && we_echo_) we_echo_ = false, r = cmd(kWont, kEcho);
      break;
    case kWill:
      r = cmd(kDont, opt);
      break;
    case kWont:
      break;  // already off on our books
  }
  if (!r.empty() && on_reply) on_reply(r);
}

void TelnetLine::feed(const unsigned char* p, std::size_t n) {
  for (std::size_t i = 0; i < n; i++) {
    const unsigned char c = p[i];
    switch (st_) {
      case St::Cr:
        st_ = St::Data;
        if (c == '\n' || c == 0) break;  // CR LF, CR NUL: one line end
        [[fallthrough]];
      case St::Data:
        if (c == kIac) {
          st_ = St::Iac;
        } else if (c == '\r') {
          end_line();
          st_ = St::Cr;
        } else if (c == '\n') {
          end_line();
        } else if (c == 0x08 || c == 0x7F) {
          if (!line_.empty()) line_.pop_back();  // a client in character mode
        } else if (line_.size() < kMaxLine) {
          line_ += static_cast<char>(c);
        } else {
          overflow_ = true;  // the rest of an overlong line is dropped
        }
        break;
      case St::Iac:
        st_ = St::Data;
        if (c == kIac) {
          if (line_.size() < kMaxLine) line_ += static_cast<char>(c);
        } else if (c == kDo || c == kDont || c == kWill || c == kWont) {
          verb_ = c;
          st_ = St::Verb;
        } else if (c == kSb) {
          sb_len_ = 0;
          st_ = St::Sb;
        } else if (c == kIp || c == kBrk) {
          if (on_attention) on_attention();
        } else if (c == kEc) {
          if (!line_.empty()) line_.pop_back();
        } else if (c == kEl) {
          line_.clear();
        } else if (c == kAyt) {
          if (on_reply) on_reply("\r\n[YES]\r\n");
        }
        break;
      case St::Verb:
        st_ = St::Data;
        option(verb_, c);
        break;
      case St::Sb:
        if (c == kIac) st_ = St::SbIac;
        else if (++sb_len_ > 4096) st_ = St::Data;  // a subnegotiation with no end
        break;
      case St::SbIac:
        st_ = c == kSe ? St::Data : St::Sb;
        break;
    }
  }
}

}  // namespace console
