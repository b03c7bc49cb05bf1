// The telnet protocol of line-mode sessions (console/telnet.h), byte by
// byte: lines and their ends, IAC doubling, attentions, option answers
// only on a change of state, bounded subnegotiations and lines.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "console/telnet.h"

using console::TelnetLine;
namespace t = console::telnet;

namespace {

struct Probe {
  TelnetLine tl;
  std::vector<std::string> lines;
  int attentions = 0;
  std::string replies;
  Probe() {
    tl.on_line = [this](std::string l) { lines.push_back(std::move(l)); };
    tl.on_attention = [this] { attentions++; };
    tl.on_reply = [this](std::string r) { replies += r; };
  }
  void feed(const std::string& s) { tl.feed(reinterpret_cast<const unsigned char*>(s.data()), s.size()); }
};

std::string cmd(unsigned char verb, unsigned char opt) { return std::string{char(t::kIac), char(verb), char(opt)}; }

}  // namespace

TEST_CASE("line ends: CR LF, CR NUL, LF, CR alone; each ends one line") {
  Probe p;
  p.feed("ONE\r\nTWO\r");
  p.feed(std::string("\0THREE\nFOUR\rFIVE\r\n", 19));
  CHECK(p.lines == std::vector<std::string>{"ONE", "TWO", "THREE", "FOUR", "FIVE"});
}

TEST_CASE("a line split anywhere across reads comes out whole") {
  const std::string s = "LOGON ALICE\r\nQUERY TIME\r\n";
  for (std::size_t cut = 0; cut <= s.size(); cut++) {
    Probe p;
    p.feed(s.substr(0, cut));
    p.feed(s.substr(cut));
    CHECK(p.lines == std::vector<std::string>{"LOGON ALICE", "QUERY TIME"});
  }
}

TEST_CASE("IAC IAC is a data byte; BREAK and IP are attentions; EC and EL edit") {
  Probe p;
  p.feed(std::string("A\xFF\xFF" "B\r\n", 6));
  CHECK(p.lines.back() == std::string("A\xFF" "B"));
  p.feed("\xFF\xF3\xFF\xF4");
  CHECK(p.attentions == 2);
  p.feed("ABX\xFF\xF7" "C\r\n");  // erase character
  CHECK(p.lines.back() == "ABC");
  p.feed("GARBAGE\xFF\xF8OK\r\n");  // erase line
  CHECK(p.lines.back() == "OK");
  p.feed("AB\x7F" "C\r\n");  // a client in character mode: DEL
  CHECK(p.lines.back() == "AC");
}

TEST_CASE("options: SGA and ECHO ours on request, everything else refused, each answered once") {
  Probe p;
  CHECK(p.tl.greeting() == cmd(t::kWill, t::kSga));
  p.feed(cmd(t::kDo, t::kSga));  // the answer to our WILL: nothing to say
  CHECK(p.replies.empty());
  p.feed(cmd(t::kDo, t::kTtype) + cmd(t::kWill, t::kTtype));
  CHECK(p.replies == cmd(t::kWont, t::kTtype) + cmd(t::kDont, t::kTtype));
  p.replies.clear();
  // Echo: on for a password, off after; the client's DO ECHO then is an
  // acknowledgement, and a DO ECHO while we do not echo is refused.
  CHECK(p.tl.set_server_echo(true) == cmd(t::kWill, t::kEcho));
  CHECK(p.tl.set_server_echo(true).empty());
  p.feed(cmd(t::kDo, t::kEcho));
  CHECK(p.replies.empty());
  CHECK(p.tl.set_server_echo(false) == cmd(t::kWont, t::kEcho));
  p.feed(cmd(t::kDo, t::kEcho));
  CHECK(p.replies == cmd(t::kWont, t::kEcho));
  p.replies.clear();
  // DONT of what is off, WONT of anything: no answer (no loops).
  p.feed(cmd(t::kDont, t::kEcho) + cmd(t::kWont, 99) + cmd(t::kDont, 77));
  CHECK(p.replies.empty());
}

TEST_CASE("a storm of option requests: no answer to what changes nothing, never more than one per request") {
  Probe p;
  p.tl.greeting();
  std::string storm;
  for (int i = 0; i < 3000; i++) storm += cmd(t::kDont, t::kSga) + cmd(t::kDo, t::kSga) + cmd(t::kWont, t::kEcho);
  p.feed(storm);
  // Each DONT SGA turns it off and each DO SGA on again: one answer each;
  // WONT ECHO of what is off: none.
  CHECK(p.replies.size() == 3000 * 2 * 3);
  std::string refused;
  for (int i = 0; i < 100; i++) refused += cmd(t::kDo, 200);
  p.replies.clear();
  p.feed(refused);
  CHECK(p.replies.size() <= refused.size());
  CHECK(p.lines.empty());
}

TEST_CASE("subnegotiations are skipped, and one with no end gives up after a bound") {
  Probe p;
  p.feed(std::string("\xFF\xFA\x18\x01\xFF\xF0HELLO\r\n"));
  CHECK(p.lines == std::vector<std::string>{"HELLO"});
  p.feed("\xFF\xFA" + std::string(5000, 'x') + "AFTER\r\n");
  REQUIRE(p.lines.size() == 2);
  CHECK(p.lines.back().find("AFTER") != std::string::npos);  // back to data after the bound
}

TEST_CASE("an overlong line is cut at kMaxLine and the rest of it dropped") {
  Probe p;
  p.feed(std::string(TelnetLine::kMaxLine * 3, 'Q') + "\r\nNEXT\r\n");
  REQUIRE(p.lines.size() == 2);
  CHECK(p.lines[0].size() == TelnetLine::kMaxLine);
  CHECK(p.lines[1] == "NEXT");
}

TEST_CASE("encode: LF becomes CR LF, IAC is doubled") {
  CHECK(TelnetLine::encode("A\nB") == "A\r\nB");
  CHECK(TelnetLine::encode(std::string("\xFF", 1)) == std::string("\xFF\xFF", 2));
}

TEST_CASE("random bytes never crash and every line is within the bound") {
  std::mt19937 rng(42);
  for (int round = 0; round < 200; round++) {
    Probe p;
    std::string s;
    const int n = static_cast<int>(rng() % 20000);
    for (int i = 0; i < n; i++) s += static_cast<char>(rng() & 0xFF);
    p.feed(s);
    for (const auto& l : p.lines) CHECK(l.size() <= TelnetLine::kMaxLine);
    CHECK(p.replies.size() <= s.size() * 3);
  }
}
