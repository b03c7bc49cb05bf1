// The 3270 Query (console/query.h) and a CP screen larger than 4,096 cells
// (14-bit buffer addresses), as an IBM-DYNAMIC terminal may have.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "console/graf.h"
#include "console/query.h"
#include "s370/channel/screen3270.h"

using u8 = std::uint8_t;

namespace {

// A Query Reply record: AID X'88', then each structured field.
std::vector<u8> reply(const std::vector<std::vector<u8>>& fields) {
  std::vector<u8> r{0x88};
  for (const auto& f : fields) {
    const std::size_t len = f.size() + 2;
    r.push_back(static_cast<u8>(len >> 8));
    r.push_back(static_cast<u8>(len));
    r.insert(r.end(), f.begin(), f.end());
  }
  return r;
}

std::vector<u8> usable_area(int cols, int rows) {
  return {0x81, 0x81, 0x01, 0x00, static_cast<u8>(cols >> 8), static_cast<u8>(cols), static_cast<u8>(rows >> 8),
          static_cast<u8>(rows), 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0x09, 0x0C, 0x0D, 0x80};
}

std::vector<u8> implicit_partition(int dc, int dr, int ac, int ar) {
  return {0x81, 0xA6, 0x00, 0x00, 0x0B, 0x01, 0x00, static_cast<u8>(dc >> 8), static_cast<u8>(dc),
          static_cast<u8>(dr >> 8), static_cast<u8>(dr), static_cast<u8>(ac >> 8), static_cast<u8>(ac),
          static_cast<u8>(ar >> 8), static_cast<u8>(ar)};
}

}  // namespace

TEST_CASE("query: the request is a WSF with Read Partition Query") {
  CHECK(console::read_partition_query() == std::vector<u8>{0xF3, 0x00, 0x05, 0x01, 0xFF, 0x02});
}

TEST_CASE("query: the alternate size from Implicit Partition, else Usable Area") {
  int rows = 0, cols = 0;
  REQUIRE(console::query_reply_size(reply({usable_area(132, 27)}), rows, cols));
  CHECK(rows == 27);
  CHECK(cols == 132);
  // Implicit Partition wins, wherever it comes.
  REQUIRE(console::query_reply_size(
      reply({implicit_partition(80, 24, 80, 43), {0x81, 0x85, 0, 0, 0, 0}, usable_area(160, 62)}), rows, cols));
  CHECK(rows == 43);
  CHECK(cols == 80);
}

TEST_CASE("query: replies that give no usable size are refused") {
  int rows = 7, cols = 7;
  CHECK_FALSE(console::query_reply_size({}, rows, cols));
  CHECK_FALSE(console::query_reply_size({0x7D, 0x40, 0x40}, rows, cols));         // not a query reply
  CHECK_FALSE(console::query_reply_size(reply({{0x81, 0x85, 0, 0}}), rows, cols));  // no size in it
  CHECK_FALSE(console::query_reply_size(reply({usable_area(40, 12)}), rows, cols));    // smaller than 24x80
  CHECK_FALSE(console::query_reply_size(reply({usable_area(200, 100)}), rows, cols));  // beyond 14-bit addresses
  std::vector<u8> cut = reply({usable_area(132, 27)});
  cut.resize(8);  // a field longer than the record
  CHECK_FALSE(console::query_reply_size(cut, rows, cols));
  CHECK(rows == 7);
  CHECK(cols == 7);
}

TEST_CASE("graf: a 62x160 screen is drawn with 14-bit addresses") {
  console::GrafConsole g(62, 160, "VM/370");
  s370::io::Screen3270 screen(24, 80, 62, 160);
  g.on_send = [&](std::vector<u8> r) {
    REQUIRE(!r.empty());
    if (r[0] == 0x7E) screen.erase_write(r.data() + 1, r.size() - 1, true);
    else screen.write(r.data() + 1, r.size() - 1);
  };
  g.write("FIRST LINE\n");
  g.flush();
  for (int i = 0; i < 70; i++) g.write("LINE " + std::to_string(i) + "\n");
  g.flush();
  const std::vector<std::string> t = screen.text();
  REQUIRE(t.size() == 62);
  CHECK(t[0].rfind("FIRST LINE", 0) == 0);
  CHECK(t[59].rfind("LINE 58", 0) == 0);          // the last row of the output area
  CHECK(t[61].find("MORE...") != std::string::npos);  // in the status area, at the end
  CHECK(t[61].substr(140).find("VM/370") != std::string::npos);
}
