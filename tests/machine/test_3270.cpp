// The 3270: the screen model and its data stream (orders, Read Buffer, Read
// Modified, the operator's keys), and the channel-attached display (the
// commands, SENSE ID, attention on an AID).
#include "machine_fixture.h"
#include "s370/channel/display3270.h"
#include "s370/channel/ebcdic.h"

namespace s370::test {

namespace {

std::vector<u8> eb(const std::string& s) {
  return to_ebcdic(s);
}

// Concatenates byte strings.
std::vector<u8> cat(std::initializer_list<std::vector<u8>> parts) {
  std::vector<u8> out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

// Orders with 12-bit addresses.
std::vector<u8> sba(int a) {
  return {0x11, Screen3270::code(static_cast<u8>(a >> 6)), Screen3270::code(static_cast<u8>(a))};
}
std::vector<u8> sf(u8 attribute) {
  return {0x1D, attribute};
}
const std::vector<u8> kIC = {0x13};

// A little form: a protected label at row 0, an unprotected input field
// after it (to column 40), a protected stopper; a numeric field at row 1.
std::vector<u8> form() {
  return cat({{0xC3},  // WCC: restore keyboard, reset MDT
              sf(0x60),
              eb("NAME:"),
              sf(0x40),
              kIC,
              sba(40),
              sf(0x60),
              sba(80),
              sf(0x50),
              sba(90),
              sf(0x60)});
}

}  // namespace

TEST_CASE("3270 screen: buffer addresses, 12-bit and 14-bit") {
  CHECK(Screen3270::decode_address(0xC1, 0x50) == 80);
  CHECK(Screen3270::decode_address(0x40, 0x40) == 0);
  CHECK(Screen3270::decode_address(0x5D, 0x7F) == 1919);
  CHECK(Screen3270::decode_address(0x07, 0x7F) == 0x77F);  // 14-bit binary
  for (int a = 0; a < 4096; a++)
    CHECK(Screen3270::decode_address(Screen3270::code(static_cast<u8>(a >> 6)),
                                     Screen3270::code(static_cast<u8>(a))) == a);
}

TEST_CASE("3270 screen: ERASE/WRITE with fields, the cursor, WRITE at the cursor") {
  Screen3270 s;
  const auto f = form();
  s.erase_write(f.data(), f.size(), false);
  CHECK(s.is_attribute(0));
  CHECK(s.field_attribute(3) == 0x20);   // protected (the code's bits 2-7)
  CHECK(s.field_attribute(10) == 0x00);  // unprotected
  CHECK(s.field_attribute(85) == 0x10);  // numeric
  CHECK(s.cursor() == 7);                // IC after the second SF
  CHECK(s.text()[0].substr(0, 8) == " NAME:  ");
  CHECK_FALSE(s.keyboard_locked());
  // WRITE starts at the cursor.
  const auto w = cat({{0x40}, eb("XY")});
  s.write(w.data(), w.size());
  CHECK(s.text()[0].substr(0, 10) == " NAME: XY ");
  CHECK(s.cursor() == 7);
}

TEST_CASE("3270 screen: RA, EUA, PT and GE orders") {
  Screen3270 s;
  // RA to the end of row 0 with '*', then a field and PT into it.
  auto d = cat({{0x00}, {0x3C, Screen3270::code(1), Screen3270::code(16)}, eb("*")});  // to address 80
  s.erase_write(d.data(), d.size(), false);
  CHECK(s.text()[0] == std::string(80, '*'));
  CHECK(s.text()[1] == std::string(80, ' '));
  d = cat({{0x00}, sba(100), sf(0x20), sba(110), sf(0x40), sba(0), {0x05}, eb("P"), {0x08, 0xC7}});
  s.write(d.data(), d.size());
  CHECK(s.at(111) == to_ebcdic('P'));  // PT: past the protected field at 100
  CHECK(s.at(112) == 0xC7);            // GE: the character as it is
  // EUA from 100 to 200 nulls the unprotected characters only.
  d = cat({{0x00},
           sba(101),
           eb("R"),
           sba(100),
           {0x12, Screen3270::code(3), Screen3270::code(8)}});  // stop at 200
  s.write(d.data(), d.size());
  CHECK(s.at(101) == to_ebcdic('R'));  // protected: kept
  CHECK(s.at(111) == 0);               // unprotected: nulled
  CHECK(s.at(112) == 0);
  CHECK(s.at(0) == to_ebcdic('*'));  // outside the range
  // RA to the current address fills the whole buffer.
  d = cat({{0x00}, sba(5), {0x3C, Screen3270::code(0), Screen3270::code(5)}, eb("-")});
  s.write(d.data(), d.size());
  CHECK(s.text()[23] == std::string(80, '-'));
  CHECK_FALSE(s.is_attribute(100));
}

TEST_CASE("3270 screen: the operator types, presses ENTER; Read Modified and Read Buffer") {
  Screen3270 s;
  const auto f = form();
  s.erase_write(f.data(), f.size(), false);
  CHECK(s.type(eb("JOHN")));
  CHECK(s.field_attribute(7) == (0x00 | attr::kModified));
  // Typing into a protected field, or a letter into a numeric one, is inhibited.
  s.set_cursor(2);
  CHECK_FALSE(s.type(eb("Z")));
  s.set_cursor(81);
  CHECK_FALSE(s.type(eb("A")));
  CHECK(s.type(eb("42")));
  CHECK(s.press(aid::kEnter));
  CHECK(s.keyboard_locked());
  CHECK_FALSE(s.press(aid::pf(3)));  // locked: nothing happens
  CHECK_FALSE(s.type(eb("X")));
  // AID, cursor, then each modified field: SBA, address, data without nulls.
  const auto rm = s.read_modified(false);
  CHECK(rm == cat({{aid::kEnter},
                   {Screen3270::code(1), Screen3270::code(19)},  // cursor 83
                   sba(7),
                   eb("JOHN"),
                   sba(81),
                   eb("42")}));
  CHECK(s.read_modified(true) == rm);
  // Read Buffer: AID, cursor, every position, SF before each attribute.
  const auto rb = s.read_buffer();
  CHECK(rb.size() == 3 + 1920 + 5);
  CHECK(rb[3] == 0x1D);
  CHECK(rb[4] == Screen3270::code(0x20));
  CHECK(std::vector<u8>(rb.begin() + 5, rb.begin() + 10) == eb("NAME:"));
  CHECK(rb[10] == 0x1D);
  CHECK(rb[11] == Screen3270::code(0x01));  // unprotected, modified
  // A WRITE with restore unlocks the keyboard, with reset MDT clears the tags.
  const std::vector<u8> wcc = {0x03};
  s.write(wcc.data(), 1);
  CHECK_FALSE(s.keyboard_locked());
  CHECK(s.aid() == aid::kNone);
  CHECK(s.read_modified(false) == std::vector<u8>{aid::kNone, Screen3270::code(1), Screen3270::code(19)});
}

TEST_CASE("3270 screen: PA keys and CLEAR give a short read; Read Modified All does not") {
  Screen3270 s;
  const auto f = form();
  s.erase_write(f.data(), f.size(), false);
  s.type(eb("X"));
  s.press(aid::kPa1);
  CHECK(s.read_modified(false) == std::vector<u8>{aid::kPa1});
  CHECK(s.read_modified(true).size() > 1);
  s.reset();
  s.erase_write(f.data(), f.size(), false);
  s.type(eb("X"));
  s.press(aid::kClear);
  CHECK(s.read_modified(false) == std::vector<u8>{aid::kClear});
  CHECK(s.text()[0] == std::string(80, ' '));  // CLEAR clears the screen
  CHECK_FALSE(s.is_attribute(0));
}

TEST_CASE("3270 screen: ERASE ALL UNPROTECTED; an unformatted screen; inbound records") {
  Screen3270 s;
  const auto f = form();
  s.erase_write(f.data(), f.size(), false);
  s.type(eb("JOHN"));
  s.set_cursor(81);
  s.type(eb("7"));
  s.press(aid::kEnter);
  s.erase_all_unprotected();
  CHECK(s.at(7) == 0);
  CHECK(s.at(1) == to_ebcdic('N'));
  CHECK(s.cursor() == 7);
  CHECK_FALSE(s.keyboard_locked());
  CHECK(s.field_attribute(7) == 0x00);  // MDT reset
  // Unformatted: every character but nulls.
  Screen3270 u;
  const auto d = cat({{0x00}, eb("HI"), sba(500), eb("THERE")});
  u.erase_write(d.data(), d.size(), false);
  u.press(aid::kEnter);
  CHECK(u.read_modified(false) == cat({{aid::kEnter, 0x40, 0x40}, eb("HITHERE")}));
  // An inbound record from a terminal: as if typed and ENTER pressed.
  Screen3270 t;
  t.erase_write(f.data(), f.size(), false);
  const auto rec = cat({{aid::pf(5), Screen3270::code(0), Screen3270::code(9)}, sba(7), eb("AL")});
  t.inbound(rec.data(), rec.size());
  CHECK(t.aid() == aid::pf(5));
  CHECK(t.cursor() == 9);
  CHECK(t.read_modified(false) == rec);
}

TEST_CASE("3270 screen: a newly connected terminal's screen rebuilds the same buffer") {
  Screen3270 s;
  const auto f = form();
  s.erase_write(f.data(), f.size(), false);
  s.type(eb("ZED"));
  const auto ws = s.whole_screen();
  Screen3270 copy;
  copy.erase_write(ws.data(), ws.size(), false);
  CHECK(copy.read_buffer() == s.read_buffer());
  CHECK(copy.text() == s.text());
}

TEST_CASE("3270 display: ERASE/WRITE ALTERNATE takes the model's alternate size") {
  Display3270 d5(0x0C0, 5);
  const std::vector<u8> wcc = {0x02};
  d5.screen().erase_write(wcc.data(), 1, true);
  CHECK(d5.screen().rows() == 27);
  CHECK(d5.screen().cols() == 132);
  d5.screen().erase_write(wcc.data(), 1, false);
  CHECK(d5.screen().rows() == 24);
  int r, c;
  CHECK(Display3270::alternate_size(4, r, c));
  CHECK(r == 43);
  CHECK_FALSE(Display3270::alternate_size(6, r, c));
}

TEST_CASE_FIXTURE(MachineFixture,
                  "3270 display: the commands through the channel, SENSE ID, attention on ENTER") {
  auto& d = static_cast<Display3270&>(m.attach(std::make_unique<Display3270>(0x0C0)));
  std::vector<std::pair<u8, size_t>> sent;
  d.set_outbound([&](u8 cmd, const std::vector<u8>& data) { sent.push_back({cmd, data.size()}); });
  // ERASE/WRITE of the form (data chained in two pieces).
  const auto f = form();
  put(0x2000, f);
  ccw(0x1000, 0x05, 0x2000, ccw::kChainData, 4);
  ccw(0x1008, 0x00, 0x2004, 0, static_cast<u16>(f.size() - 4));
  sio_and_wait(0x0C0, 0x1000, 0xF00);
  mvc(0x800, 0x40, 8);
  // SENSE ID.
  ccw(0x1010, 0xE4, 0x2100, 0, 7);
  sio_and_wait(0x0C0, 0x1010, 0xF01);
  // SELECT and NO-OP: immediate; SIO stores the CSW, cc 1.
  ccw(0x1018, 0x0B, 0x2200, 0, 1);
  sio_and_wait(0x0C0, 0x1018, 0xF02);
  mvc(0x808, 0x40, 8);
  // An invalid command (WRITE STRUCTURED FIELD is not in this 3274): the
  // unit check at initiation ends the chain (SIO cc 1); then SENSE.
  ccw(0x1020, 0x11, 0x2200, ccw::kChainCommand, 1);
  ccw(0x1028, 0x04, 0x2210, 0, 1);
  sio_and_wait(0x0C0, 0x1020, 0xF03);
  ccw(0x1030, 0x04, 0x2218, 0, 1);
  sio_and_wait(0x0C0, 0x1030, 0xF04);
  // Wait for attention, then READ MODIFIED into X'2300' (SLI).
  wait_io();
  mvc(0x810, 0x40, 8);
  ccw(0x1038, 0x06, 0x2300, ccw::kSuppressLength, 100);
  sio_and_wait(0x0C0, 0x1038, 0xF05);
  mvc(0x818, 0x40, 8);
  // ERASE ALL UNPROTECTED, then READ BUFFER with a short count: incorrect length.
  ccw(0x1040, 0x0F, 0, ccw::kChainCommand, 1);
  ccw(0x1048, 0x02, 0x2400, 0, 10);
  sio_and_wait(0x0C0, 0x1040, 0xF06);
  mvc(0x820, 0x40, 8);
  done();
  put(kOrigin, code);
  m.cpu().load_psw(Psw::from_u64(kOrigin));
  // The run stops in the wait for attention; the operator types and presses ENTER.
  CHECK(m.run(1000000) == Machine::Status::Wait);
  CHECK(d.screen().text()[0].substr(0, 6) == " NAME:");
  CHECK(d.type_text(eb("JOHN")));
  CHECK(d.press(aid::kEnter));
  m.run(1000000);
  CHECK(ended());
  for (u32 a = 0xF00; a <= 0xF06; a++) CHECK(cc_at(a) == (a == 0xF02 || a == 0xF03 ? 1 : 0));
  CHECK(get64(0x800) == 0x0000101000000000ull + 0x0C000000);  // CE DE, residual 0
  CHECK(get(0x2100, 7) == std::vector<u8>{0xFF, 0x32, 0x74, 0x1D, 0x32, 0x78, 0x02});
  CHECK((get64(0x808) & 0xFFFF0000ull) == 0x0C000000ull);
  CHECK(get(0x2210, 1)[0] == 0);  // the chained SENSE did not run
  CHECK(get(0x2218, 1)[0] == sense::kCommandReject);
  CHECK(get64(0x810) == 0x0000000080000000ull);  // attention alone
  CHECK(get(0x2300, 10) ==
        cat({{aid::kEnter, Screen3270::code(0), Screen3270::code(11)}, sba(7), eb("JOHN")}));
  CHECK((get64(0x818) & 0xFFFFFFFF) == 0x0C000000u + 100 - 10);
  CHECK(d.screen().aid() == aid::kNone);  // the AID has been read
  CHECK(d.screen().at(7) == 0);           // EAU
  CHECK(get(0x2400, 3) == std::vector<u8>{aid::kNone, Screen3270::code(0), Screen3270::code(7)});
  CHECK((get64(0x820) & 0xFFFF0000ull) == 0x0C400000ull);  // incorrect length
  REQUIRE(sent.size() == 2);
  CHECK(sent[0] == std::pair<u8, size_t>{0x05, f.size()});
  CHECK(sent[1] == std::pair<u8, size_t>{0x0F, 0});
}

}  // namespace s370::test
