// The telnet protocol of a line-mode session (RFC 854, 855, 857 ECHO,
// 858 SUPPRESS-GO-AHEAD), apart from the socket so that it can be tested
// byte by byte: bytes in, lines and attentions out, and the replies the
// negotiation needs. A client that speaks no telnet (nc) is a stream of
// lines; any byte sequence is safe: options are answered only when their
// state changes (RFC 1143's rule, so a storm of requests gets at most one
// answer each), subnegotiations are skipped up to a bound, and a line is
// cut at kMaxLine bytes.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace console {

namespace telnet {
inline constexpr unsigned char kIac = 255, kDont = 254, kDo = 253, kWont = 252, kWill = 251, kSb = 250, kGa = 249,
                               kEl = 248, kEc = 247, kAyt = 246, kAo = 245, kIp = 244, kBrk = 243, kDm = 242,
                               kNop = 241, kSe = 240, kEor = 239;
inline constexpr unsigned char kEcho = 1, kSga = 3, kTtype = 24, kEorOpt = 25, kBinary = 0;
}  // namespace telnet

class TelnetLine {
 public:
  static constexpr std::size_t kMaxLine = 1024;
  // What the parser found: a complete line (without its line end), an
  // attention (BREAK, INTERRUPT PROCESS), and bytes to send back.
  std::function<void(std::string)> on_line;
  std::function<void()> on_attention;
  std::function<void(std::string)> on_reply;

  void feed(const unsigned char* p, std::size_t n);
  // Our side of ECHO: on while a password is typed, so that the client
  // stops echoing locally (we echo nothing).
  std::string set_server_echo(bool on);
  // The greeting: WILL SUPPRESS-GO-AHEAD.
  std::string greeting();
  // Output text: "\n" becomes CR LF, IAC is doubled.
  static std::string encode(std::string_view text);

 private:
  void option(unsigned char verb, unsigned char opt);
  void end_line();
  enum class St : std::uint8_t { Data, Iac, Verb, Sb, SbIac, Cr } st_ = St::Data;
  unsigned char verb_ = 0;
  std::string line_;
  bool overflow_ = false;
  std::size_t sb_len_ = 0;
  // Option states: ours (WILL) and the client's (DO from us).
  bool we_echo_ = false, we_sga_ = false;
};

}  // namespace console
