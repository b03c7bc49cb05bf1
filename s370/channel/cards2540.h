// The 2540 card read punch: its reader (2540R) reads a deck from a host
// file, as 80-byte EBCDIC card images or as ASCII text lines converted to
// EBCDIC and padded with EBCDIC blanks; its punch (2540P) appends 80-byte
// EBCDIC card images to a host file. Commands, status and sense as
// Hercules' 3505 reader and 3525 punch (the channel programs are the same).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "s370/channel/basic_device.h"

namespace s370::io {

using Card = std::array<u8, 80>;

// Reads a deck file; throws DeviceError naming the file and what is wrong
// (an EBCDIC deck whose length is not a multiple of 80, an ASCII line
// longer than 80 columns or with bytes that are not text).
enum class DeckMode { Auto, Ebcdic, Ascii };
std::vector<Card> load_deck(const std::string& path, DeckMode mode);

class CardReader2540 final : public BasicDevice {
 public:
  // `eof_exception`: at the end of the deck a read gives unit exception
  // (Hercules' "eof" option) instead of intervention required.
  CardReader2540(u16 address, std::vector<Card> deck, bool eof_exception = false);
  std::string_view type() const override { return "2540R"; }
  Result execute(Transfer& t) override;
  size_t cards_left() const { return deck_.size() - next_; }

 private:
  std::vector<Card> deck_;
  size_t next_ = 0;
  bool eof_exception_;
};

class CardPunch2540 final : public BasicDevice {
 public:
  CardPunch2540(u16 address, const std::string& path);
  std::string_view type() const override { return "2540P"; }
  Result execute(Transfer& t) override;

 private:
  OutputFile file_;
};

}  // namespace s370::io
