// The unit-record devices: 1403 printer files byte for byte as Hercules
// 3.13 writes them, 2540 punch card images, 2540 reader decks (EBCDIC and
// ASCII, end of deck), the 3215 console; and malformed decks.
#include <filesystem>
#include <fstream>
#include <iterator>

#include "machine_fixture.h"
#include "s370/channel/cards2540.h"
#include "s370/channel/console3215.h"
#include "s370/channel/ebcdic.h"
#include "s370/channel/printer1403.h"

namespace s370::test {

namespace {

std::string temp_path(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("machine_tests." + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

void spit(const std::string& path, const std::string& data) {
  std::ofstream f(path, std::ios::binary);
  f << data;
}

std::vector<u8> ebcdic(const std::string& s) {
  return to_ebcdic(s);
}

// Channel programs for one device, each started by its own SIO; the CCWs
// from X'1000', their data from X'2000', condition codes from X'F00'.
struct Programs {
  MachineFixture& f;
  u32 ccw_at = 0x1000, data_at = 0x2000, cc_at = 0xF00;
  std::vector<u32> ccs;  // where each SIO's condition code went
  // One CCW of a program: data as bytes, or a count without data.
  void ccw(u8 cmd, u8 flags, const std::vector<u8>& data) {
    f.put(data_at, data);
    f.ccw(ccw_at, cmd, data_at, flags, static_cast<u16>(data.size()));
    ccw_at += 8;
    data_at += static_cast<u32>(data.size() + 7) & ~7u;
  }
  void ccw(u8 cmd, u8 flags, u16 count) {
    f.ccw(ccw_at, cmd, data_at, flags, count);
    ccw_at += 8;
    data_at += (count + 7u) & ~7u;
  }
  // Starts a new program: the CCWs added after this call.
  u32 begin() { return ccw_at; }
  void start(u16 dev, u32 first) {
    ccs.push_back(cc_at);
    f.sio_and_wait(dev, first, cc_at++);
  }
};

}  // namespace

TEST_CASE_FIXTURE(MachineFixture, "1403: carriage control as Hercules 3.13 writes it") {
  const std::string path = temp_path("print.txt");
  m.attach(std::make_unique<Printer1403>(0x00F, path));
  Programs p{*this};
  auto one = [&](u8 cmd, u8 flags, const std::vector<u8>& data) {
    const u32 first = p.begin();
    p.ccw(cmd, flags, data);
    p.start(0x00F, first);
  };
  auto one_count = [&](u8 cmd, u16 count) {
    const u32 first = p.begin();
    p.ccw(cmd, ccw::kSuppressLength, count);
    p.start(0x00F, first);
  };
  const u8 sli = ccw::kSuppressLength;
  one(0x89, sli, ebcdic("AB"));  // write, skip to channel 1 (on line 1 already)
  one_count(0x8B, 1);            // skip to channel 1 immediate: nowhere to go
  one_count(0x0B, 1);            // space 1 immediate
  one(0x09, sli, ebcdic("L1"));
  one_count(0x13, 1);  // space 2
  one(0x09, sli, ebcdic("L2"));
  one_count(0x1B, 1);               // space 3
  one(0x19, sli, ebcdic("L3   "));  // trailing blanks dropped
  one(0xC9, sli, ebcdic("CH9"));    // channel 9: line 63
  one(0xE1, sli, ebcdic("CH12"));   // channel 12 is line 61: a new page
  one(0x01, sli, ebcdic("OVER1"));  // write without spacing: overprint
  one(0x01, sli, ebcdic("OVER2"));
  one(0x09, sli, ebcdic("OVER3"));
  {
    const u32 first = p.begin();
    p.ccw(0x09, ccw::kChainData, ebcdic("DATA"));
    p.ccw(0x00, sli, ebcdic("CHAIN"));
    p.start(0x00F, first);
  }
  {
    const u32 first = p.begin();
    p.ccw(0x09, ccw::kChainCommand, ebcdic("CC1"));
    p.ccw(0x09, sli, ebcdic("CC2"));
    p.start(0x00F, first);
  }
  one_count(0x03, 1);
  one_count(0x04, 1);
  one(0x09, 0, ebcdic(std::string(140, 'X')));
  one(0x09, 0, ebcdic(std::string(10, 'Y')));
  one_count(0x8B, 1);
  one_count(0x8B, 1);
  one(0x09, sli, ebcdic("END"));
  done();
  run();
  CHECK(ended());
  // The file Hercules 3.13 wrote for the same channel programs.
  const std::string expected = "AB\r\nL1\n\n\nL2\n\n\n\nL3\n\n\nCH9" + std::string(51, '\n') + "CH12\f" +
                               std::string(60, '\n') + "OVER1\rOVER2\rOVER3\nDATACHAIN\nCC1\nCC2\n" +
                               std::string(140, 'X') + "\n" + std::string(10, 'Y') + "\n\fEND\n";
  CHECK(slurp(path) == expected);
  // Immediate commands end at START I/O (condition code 1), the others
  // with an interruption.
  CHECK(cc_at(p.ccs[0]) == 0);
  CHECK(cc_at(p.ccs[1]) == 1);
}

TEST_CASE_FIXTURE(MachineFixture,
                  "1403: an invalid command is rejected with unit check alone; SENSE shows command reject") {
  m.attach(std::make_unique<Printer1403>(0x00F, temp_path("print2.txt")));
  Programs p{*this};
  u32 first = p.begin();
  p.ccw(0x63, ccw::kSuppressLength, 12);  // LOAD FCB is not a 1403 command
  p.start(0x00F, first);
  mvc(0x820, 0x40, 8);
  first = p.begin();
  p.ccw(0x04, ccw::kSuppressLength, 1);
  const u32 sense_at = p.data_at - 8;
  p.start(0x00F, first);
  done();
  run();
  CHECK(cc_at(p.ccs[0]) == 1);
  CHECK(((get64(0x820) >> 24) & 0xFF) == unit::kUnitCheck);
  CHECK(get(sense_at, 1)[0] == sense::kCommandReject);
}

TEST_CASE_FIXTURE(MachineFixture,
                  "2540P: 80-column card images, padded with blanks; more than 80 is incorrect length") {
  const std::string path = temp_path("punch.bin");
  m.attach(std::make_unique<CardPunch2540>(0x00D, path));
  Programs p{*this};
  u32 first = p.begin();
  p.ccw(0x01, 0, ebcdic("HELLO"));
  p.start(0x00D, first);
  first = p.begin();
  p.ccw(0x01, ccw::kChainData, ebcdic(std::string(50, 'A')));
  p.ccw(0x01, 0, ebcdic(std::string(30, 'B')));
  p.start(0x00D, first);
  first = p.begin();
  p.ccw(0x41, 0, ebcdic(std::string(90, 'C')));
  p.start(0x00D, first);
  mvc(0x820, 0x40, 8);
  done();
  run();
  CHECK(ended());
  const std::string want = to_ascii(ebcdic("HELLO").data(), 5);
  const std::string file = slurp(path);
  REQUIRE(file.size() == 240);
  std::vector<u8> card1(file.begin(), file.begin() + 80);
  std::vector<u8> expect1 = ebcdic("HELLO");
  expect1.resize(80, kEbcdicBlank);
  CHECK(card1 == expect1);
  CHECK(file.substr(80, 80) == std::string(50, '\xC1') + std::string(30, '\xC2'));
  CHECK(file.substr(160, 80) == std::string(80, '\xC3'));
  // Residual 10, incorrect length.
  CHECK((get64(0x820) & 0xFFFFFFFF) == 0x0C40000A);
  (void)want;
}

TEST_CASE_FIXTURE(MachineFixture,
                  "2540R: reads a deck, then intervention required (SIO cc 1), sense X'40100000'") {
  std::vector<Card> deck(2);
  deck[0].fill(0xF1);
  deck[1].fill(0xF2);
  m.attach(std::make_unique<CardReader2540>(0x00C, deck));
  Programs p{*this};
  for (int i = 0; i < 3; i++) {
    const u32 first = p.begin();
    p.ccw(0x02, 0, 80);
    p.start(0x00C, first);
    mvc(0x840 + 8 * i, 0x40, 8);
  }
  u32 first = p.begin();
  p.ccw(0x04, ccw::kSuppressLength, 4);
  const u32 sense_at = p.data_at - 8;
  p.start(0x00C, first);
  done();
  run();
  CHECK(ended());
  CHECK(get(0x2000, 1)[0] == 0xF1);
  CHECK(get(0x2050, 1)[0] == 0xF2);
  CHECK(cc_at(p.ccs[0]) == 0);
  CHECK(cc_at(p.ccs[1]) == 0);
  CHECK(cc_at(p.ccs[2]) == 1);
  CHECK(((get64(0x850) >> 16) & 0xFFFF) == 0x0E00);
  CHECK(get(sense_at, 4) == std::vector<u8>{0x40, 0x10, 0x00, 0x00});
}

TEST_CASE("2540R: with \"eof\" the end of the deck is unit exception") {
  MachineFixture f;
  f.m.attach(std::make_unique<CardReader2540>(0x00C, std::vector<Card>{}, true));
  Programs p{f};
  const u32 first = p.begin();
  p.ccw(0x02, 0, 80);
  p.start(0x00C, first);
  f.done();
  f.run();
  CHECK(f.cc_at(p.ccs[0]) == 1);
  CHECK(((f.get64(0x40) >> 16) & 0xFFFF) == 0x0D00);
}

TEST_CASE("decks: EBCDIC images, ASCII lines converted and padded, and malformed decks refused") {
  const std::string e = temp_path("deck.bin");
  spit(e, std::string(160, '\xF1'));
  auto deck = load_deck(e, DeckMode::Ebcdic);
  CHECK(deck.size() == 2);
  CHECK(deck[1][79] == 0xF1);

  const std::string a = temp_path("deck.txt");
  spit(a, "HELLO WORLD\r\n\tTAB\n\nlast");
  deck = load_deck(a, DeckMode::Ascii);
  REQUIRE(deck.size() == 4);
  CHECK(deck[0][0] == 0xC8);  // H
  CHECK(deck[0][11] == kEbcdicBlank);
  CHECK(deck[1][7] == kEbcdicBlank);
  CHECK(deck[1][8] == 0xE3);  // T, at the first tab stop
  CHECK(deck[2] == Card{[] {
          Card c;
          c.fill(kEbcdicBlank);
          return c;
        }()});
  CHECK(deck[3][0] == 0x93);  // l
  // Auto: text is ASCII, anything else EBCDIC.
  CHECK(load_deck(a, DeckMode::Auto).size() == 4);
  CHECK(load_deck(e, DeckMode::Auto).size() == 2);

  spit(e, std::string(170, '\xF1'));
  CHECK_THROWS_WITH_AS(load_deck(e, DeckMode::Ebcdic),
                       ("deck " + e + ": 170 bytes is not a whole number of 80-byte EBCDIC cards").c_str(),
                       DeviceError);
  spit(a, "ok\n" + std::string(81, 'X') + "\n");
  CHECK_THROWS_WITH_AS(load_deck(a, DeckMode::Ascii),
                       ("deck " + a + ":2: line longer than 80 columns").c_str(), DeviceError);
  spit(a, "ok\nbad \x01 byte\n");
  CHECK_THROWS_AS(load_deck(a, DeckMode::Ascii), DeviceError);
  CHECK_THROWS_WITH_AS(load_deck(temp_path("none"), DeckMode::Ascii),
                       ("cannot open deck " + temp_path("none") + ": No such file or directory").c_str(),
                       DeviceError);
}

namespace {
struct Lines final : LineInput {
  std::vector<std::string> lines;
  bool eof = false;
  std::optional<std::string> take_line() override {
    if (lines.empty()) return std::nullopt;
    std::string l = lines.front();
    lines.erase(lines.begin());
    return l;
  }
  bool closed() const override { return eof && lines.empty(); }
};
}  // namespace

TEST_CASE_FIXTURE(MachineFixture, "3215: writes with and without carrier return; a read waits for a line") {
  Lines in;
  std::string out;
  auto& con = static_cast<Console3215&>(
      m.attach(std::make_unique<Console3215>(0x009, &in, [&out](std::string_view s) { out += s; })));
  Programs p{*this};
  u32 first = p.begin();
  p.ccw(0x09, 0, ebcdic("HELLO"));
  p.start(0x009, first);
  first = p.begin();
  p.ccw(0x01, 0, std::vector<u8>{0xC1, 0x00, 0xC2});  // X'00' prints as a blank
  p.start(0x009, first);
  const u32 read_ccw = p.begin();
  p.ccw(0x0A, ccw::kSuppressLength, 20);
  const u32 line_at = p.data_at - 24;
  first = read_ccw;
  p.start(0x009, first);
  mvc(0x820, 0x40, 8);
  done();
  put(kOrigin, code);
  m.cpu().load_psw(Psw::from_u64(kOrigin));
  // No input yet: the read waits, the CPU in an enabled wait, and the run
  // ends there (nothing can come).
  CHECK(m.run(100000) == Machine::Status::Wait);
  CHECK(con.waiting_for_input());
  CHECK(out == "HELLO\nA B");
  in.lines.push_back("input line");
  m.run(100000);
  CHECK(ended());
  CHECK(get(line_at, 10) == ebcdic("input line"));
  // Residual 20 - 10, no incorrect length (SLI).
  CHECK(get64(0x820) == ((u64{read_ccw + 8} << 32) | 0x0C00000Aull));
  CHECK(out == "HELLO\nA B");  // input is not echoed
}

TEST_CASE_FIXTURE(MachineFixture, "3215: HIO ends a waiting read with no data") {
  Lines in;
  in.eof = false;
  m.attach(std::make_unique<Console3215>(0x009, &in, [](std::string_view) {}));
  set_caw(0, 0x400);
  ccw(0x400, 0x0A, 0x900, ccw::kSuppressLength, 20);
  sio(0x009);
  tio(0x009);
  save_cc(0x800);
  hio(0x009);
  save_cc(0x801);
  wait_io();
  done();
  run();
  CHECK(ended());
  CHECK(cc_at(0x800) == 2);
  CHECK(cc_at(0x801) == 1);
  CHECK(csw() == 0x000004080C000014ull);
}

}  // namespace s370::test
