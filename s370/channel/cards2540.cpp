// The 2540 card reader and punch (IBM 2540 Component Description; status
// and sense as Hercules' 3505 and 3525).
#include "s370/channel/cards2540.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>

#include "s370/channel/ebcdic.h"

namespace s370::io {

namespace {

// Sense byte 1 of the reader: retry after intervention required is cleared.
constexpr u8 kRetryAfterIntervention = 0x10;

bool ascii_text(u8 c) {
  return (c >= 0x20 && c <= 0x7F) || c == '\r' || c == '\n' || c == '\t';
}

std::string hex2(u8 v) {
  char b[4];
  std::snprintf(b, sizeof b, "%02X", v);
  return b;
}

}  // namespace

std::vector<Card> load_deck(const std::string& path, DeckMode mode) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw DeviceError("cannot open deck " + path + ": " + std::strerror(errno));
  const std::vector<u8> data((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  if (f.bad()) throw DeviceError("cannot read deck " + path);

  if (mode == DeckMode::Auto) {
    // As Hercules: ASCII when the first 160 bytes are text (up to an
    // end-of-file character X'1A'), EBCDIC otherwise.
    mode = DeckMode::Ascii;
    for (size_t i = 0; i < data.size() && i < 160 && data[i] != 0x1A; i++)
      if (!ascii_text(data[i])) {
        mode = DeckMode::Ebcdic;
        break;
      }
  }

  std::vector<Card> deck;
  if (mode == DeckMode::Ebcdic) {
    if (data.size() % 80 != 0)
      throw DeviceError("deck " + path + ": " + std::to_string(data.size()) +
                        " bytes is not a whole number of 80-byte EBCDIC cards");
    for (size_t i = 0; i < data.size(); i += 80) {
      Card c;
      std::memcpy(c.data(), data.data() + i, 80);
      deck.push_back(c);
    }
    return deck;
  }

  // ASCII: one card per line (CR ignored, tabs to every 8th column, X'1A'
  // ends the file), converted to EBCDIC and padded with EBCDIC blanks.
  Card card;
  card.fill(kEbcdicBlank);
  size_t col = 0, line = 1;
  bool any = false;
  for (size_t i = 0; i < data.size(); i++) {
    const u8 c = data[i];
    if (c == 0x1A) break;
    if (c == '\r') continue;
    if (c == '\n') {
      deck.push_back(card);
      card.fill(kEbcdicBlank);
      col = 0;
      any = false;
      line++;
      continue;
    }
    if (!ascii_text(c))
      throw DeviceError("deck " + path + ":" + std::to_string(line) + ": byte X'" + hex2(c) +
                        "' is not ASCII text (use \"mode\": \"ebcdic\" for card images)");
    any = true;
    if (c == '\t') {
      do col++;
      while ((col & 7) && col < 80);
      continue;
    }
    if (col >= 80)
      throw DeviceError("deck " + path + ":" + std::to_string(line) + ": line longer than 80 columns");
    card[col++] = to_ebcdic(c);
  }
  if (any || col) deck.push_back(card);
  return deck;
}

// ---- Reader -------------------------------------------------------------------------

CardReader2540::CardReader2540(u16 address, std::vector<Card> deck, bool eof_exception)
    : BasicDevice(address), deck_(std::move(deck)), eof_exception_(eof_exception) {
  sense_count_ = 4;
}

Result CardReader2540::execute(Transfer& t) {
  u8 cmd = t.command();
  // Read, feed and select stacker in any combination read; feed alone
  // does nothing here (as Hercules).
  if ((cmd & 0x17) == 0x02) cmd = 0x02;
  if ((cmd & 0x37) == 0x23) cmd = 0x03;
  switch (cmd) {
    case 0x02: {
      if (next_ == deck_.size()) {
        // The hopper is empty: intervention required (or unit exception),
        // before anything is read.
        if (eof_exception_) return Result{unit::kEnd | unit::kUnitException, true, false, 1};
        Result r = unit_check(sense::kInterventionRequired, kRetryAfterIntervention);
        r.initial = true;
        return r;
      }
      const Card& c = deck_[next_++];
      t.put(c.data(), 80);
      return Result::end(100);
    }
    default:
      return common_command(t, {0xFF, 0x28, 0x21, 0x01, 0x25, 0x40, 0x01});
  }
}

// ---- Punch --------------------------------------------------------------------------

CardPunch2540::CardPunch2540(u16 address, const std::string& path) : BasicDevice(address) {
  file_.open(path);
}

Result CardPunch2540::execute(Transfer& t) {
  switch (t.command()) {
    case 0x01:    // write, feed, stacker P1
    case 0x41:    // ... stacker P2
    case 0x81: {  // ... stacker RP3
      // One card: what the CCWs give, up to 80 columns, padded with blanks.
      u8 card[80];
      const u32 n = t.get(card, 80);
      std::memset(card + n, kEbcdicBlank, 80 - n);
      if (!file_.write(std::string_view(reinterpret_cast<const char*>(card), 80)))
        return unit_check(sense::kEquipmentCheck);
      return Result::end(100);
    }
    default:
      return common_command(t, {0xFF, 0x28, 0x21, 0x01, 0x25, 0x40, 0x01});
  }
}

}  // namespace s370::io
