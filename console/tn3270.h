// The telnet side of a session on the one port: it finds out what the
// client is and then frames its traffic (docs/ARCHITECTURE.md, "console").
//
//   TN3270E (RFC 2355): DO TN3270E first; DEVICE-TYPE REQUEST gets IS with
//     an LU name (CONNECT honoured when the name is free, ASSOCIATE and
//     printers refused with REJECT and a reason); FUNCTIONS are agreed down
//     to none (BIND-IMAGE, RESPONSES, SYSREQ, SCS-CTL-CODES and
//     DATA-STREAM-CTL all declined by a counter-REQUEST); then every record
//     carries the 5-byte header.
//   TN3270 (RFC 1576, "current practice"): a client that says WONT TN3270E
//     is asked for TERMINAL-TYPE; an IBM-327x, IBM-3179-2 or IBM-DYNAMIC
//     type with BINARY and END-OF-RECORD both ways makes it a 3270.
//   Line mode: a client that negotiates neither (says WONT, names a type
//     that is not a 3270, types before answering, or answers nothing in
//     time()) gets the line-mode console (TelnetLine) on the same port.
//
// In 3270 mode every X'FF' of a record is doubled and each record ends
// with IAC EOR, both ways. Everything here is bytes in, bytes and events
// out, with no socket, so that it is tested and fuzzed byte by byte. Any
// input is safe: options are answered only on a change of state (RFC 1143),
// subnegotiations and records are bounded, unknown records are dropped.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "console/telnet.h"

namespace console {

namespace telnet {
inline constexpr unsigned char kTn3270e = 40;
// TN3270E subnegotiation codes (RFC 2355, 8.1).
inline constexpr unsigned char kAssociate = 0, kConnect = 1, kDeviceType = 2, kFunctions = 3, kIs = 4,
                               kReason = 5, kReject = 6, kRequest = 7, kSend = 8;
// REJECT reasons.
inline constexpr unsigned char kInvAssociate = 2, kInvName = 3, kInvDeviceType = 4, kDeviceInUse = 1,
                               kUnsupportedReq = 7;
}  // namespace telnet

// A 3270 terminal's screen sizes: 24x80 by default, the model's as the
// alternate (Erase/Write Alternate).
struct TerminalType {
  std::string name;  // as the client gave it: "IBM-3278-2-E"
  int model = 2;
  int rows = 24, cols = 80;  // the alternate size
  bool extended = false;     // -E: extended attributes, structured fields
  bool dynamic = false;      // IBM-DYNAMIC: the size comes from a Query Reply
};

// Parses a TERMINAL-TYPE or DEVICE-TYPE name; false when it is no 3270
// display this server serves.
bool parse_terminal_type(const std::string& name, TerminalType& t);

class Tn3270 {
 public:
  enum class Mode : std::uint8_t { Negotiating, Line, Tn3270, Tn3270e };
  // The longest inbound record kept (a 27x132 screen read whole is 3,600
  // bytes and its orders); the rest of a longer one is dropped.
  static constexpr std::size_t kMaxRecord = 16384;

  // Bytes to send to the client.
  std::function<void(std::string)> on_reply;
  // The mode is decided (once): Line, Tn3270 or Tn3270e.
  std::function<void(Mode)> on_mode;
  // Line mode: what TelnetLine finds.
  std::function<void(std::string)> on_line;
  std::function<void()> on_attention;
  // 3270 mode: an inbound record (AID, cursor, fields), header removed.
  std::function<void(std::vector<std::uint8_t>)> on_record;
  // TN3270E CONNECT: may the client have this (valid) LU name? True takes
  // it for this session.
  std::function<bool(const std::string&)> lu_free;
  // The LU name a TN3270E client gets when it asks for none.
  std::string default_lu = "TERM0001";

  // What the server says first.
  std::string start();
  void feed(const unsigned char* p, std::size_t n);
  // The client said nothing in time: line mode.
  void timeout();

  Mode mode() const { return mode_; }
  const TerminalType& terminal() const { return term_; }
  const std::string& lu() const { return lu_; }

  // A 3270 record for the client: `data` is the command byte (SNA code:
  // X'F1' Write, X'F5' Erase/Write, X'7E' Erase/Write Alternate, X'F3'
  // Write Structured Field) and what follows; IAC doubled, IAC EOR after,
  // and in TN3270E the 3270-DATA header before.
  std::string frame(const std::vector<std::uint8_t>& data);
  // Line mode: text for the client (TelnetLine::encode) and ECHO.
  std::string line_text(std::string_view text) const { return TelnetLine::encode(text); }
  std::string set_server_echo(bool on) { return line_.set_server_echo(on); }

 private:
  void reply(const std::string& r) {
    if (on_reply && !r.empty()) on_reply(r);
  }
  void to_line(const unsigned char* rest, std::size_t n);
  void to_3270(Mode m);
  void option(unsigned char verb, unsigned char opt);
  void subnegotiation();
  void tn3270e_sb();
  void check_tn3270();
  void sb_byte(unsigned char c);
  void data_byte(unsigned char c);
  void end_record();

  Mode mode_ = Mode::Negotiating;
  TelnetLine line_;
  enum class St : std::uint8_t { Data, Iac, Verb, Sb, SbIac } st_ = St::Data;
  unsigned char verb_ = 0;
  std::string sb_;
  static constexpr std::size_t kMaxSb = 256;  // longer ones are skipped
  std::size_t sb_skipped_ = 0;
  bool sb_overflow_ = false;
  // FUNCTIONS counter-proposals: a client that never agrees gets no more
  // than this many.
  static constexpr int kMaxRounds = 8;
  int function_rounds_ = 0;
  std::vector<std::uint8_t> rec_;
  bool rec_overflow_ = false;
  TerminalType term_;
  std::string lu_;
  std::uint16_t seq_ = 0;
  // Negotiation: what each side has agreed to.
  bool asked_tn3270e_ = false, asked_ttype_ = false, asked_binary_ = false;
  bool have_type_ = false;
  bool client_eor_ = false, client_bin_ = false;  // client WILL
  bool server_eor_ = false, server_bin_ = false;  // client DO (our WILL agreed)
  bool device_ok_ = false;                        // TN3270E DEVICE-TYPE IS sent
};

}  // namespace console
