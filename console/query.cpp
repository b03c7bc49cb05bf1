// The 3270 Query (query.h).
#include "console/query.h"

namespace console {

using u8 = std::uint8_t;

std::vector<u8> read_partition_query() { return {0xF3, 0x00, 0x05, 0x01, 0xFF, 0x02}; }

bool query_reply_size(const std::vector<u8>& r, int& rows, int& cols) {
  if (r.empty() || r[0] != 0x88) return false;
  auto be16 = [&](std::size_t i) { return static_cast<int>(r[i]) << 8 | r[i + 1]; };
  int ua_rows = 0, ua_cols = 0, ip_rows = 0, ip_cols = 0;
  // Structured fields one after another: length (2, itself included; 0
  // means to the end), X'81' (a Query Reply), the QCODE, its data.
  std::size_t i = 1;
  while (i + 4 <= r.size()) {
    std::size_t len = static_cast<std::size_t>(be16(i));
    if (len == 0) len = r.size() - i;
    if (len < 4 || i + len > r.size()) break;
    const u8 id = r[i + 2], qcode = r[i + 3];
    if (id == 0x81 && qcode == 0x81 && len >= 10) {
      // Usable Area: two flag bytes, then the width and height in cells.
      ua_cols = be16(i + 6);
      ua_rows = be16(i + 8);
    } else if (id == 0x81 && qcode == 0xA6 && len >= 17) {
      // Implicit Partition: two reserved bytes, then a self-defining
      // parameter X'01': flags, default width and height, alternate width
      // and height.
      const std::size_t p = i + 6;
      if (r[p] >= 0x0B && r[p + 1] == 0x01) {
        ip_cols = be16(p + 7);
        ip_rows = be16(p + 9);
      }
    }
    i += len;
  }
  const int c = ip_cols ? ip_cols : ua_cols, w = ip_cols ? ip_rows : ua_rows;
  if (c < 80 || w < 24 || c * w > 16383) return false;
  rows = w;
  cols = c;
  return true;
}

}  // namespace console
