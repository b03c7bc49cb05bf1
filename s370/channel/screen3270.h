// The 3270 screen model: the character buffer with its fields, the cursor,
// the keyboard, and the 3270 data stream both ways (IBM 3270 Information
// Display System Data Stream Programmer's Reference, GA23-0059):
//
//   outbound (program to screen): the write control character (WCC) and
//     the orders SF, SFE, SA, MF, SBA, IC, PT, RA, EUA; 12- and 14-bit
//     buffer addresses;
//   inbound (screen to program): Read Buffer (AID, cursor, the whole buffer
//     with SF before each attribute) and Read Modified (AID, cursor, each
//     modified field as SBA, address, data without nulls; a short read for
//     CLEAR and the PA keys).
//
// It knows nothing of channels or networks: the 3270 device drives it with
// channel commands, and a later console layer can give its data streams to
// a TN3270 client (whole_screen() makes a new client's first screen) and
// feed the client's inbound records back (inbound()).
#pragma once

#include <string>
#include <vector>

#include "s370/types.h"

namespace s370::io {

// Attention identifiers (the AID byte).
namespace aid {
inline constexpr u8 kNone = 0x60;
inline constexpr u8 kEnter = 0x7D;
inline constexpr u8 kClear = 0x6D;
inline constexpr u8 kPa1 = 0x6C, kPa2 = 0x6E, kPa3 = 0x6B;
// PF1-PF24.
u8 pf(int n);
}  // namespace aid

// Field attribute bits (bits 2-7 of the attribute byte).
namespace attr {
inline constexpr u8 kProtected = 0x20;
inline constexpr u8 kNumeric = 0x10;
inline constexpr u8 kDisplayMask = 0x0C;
inline constexpr u8 kNonDisplay = 0x0C;
inline constexpr u8 kIntensified = 0x08;
inline constexpr u8 kModified = 0x01;  // MDT
}  // namespace attr

class Screen3270 {
 public:
  // A screen of rows x cols (24 x 80 for a 3278-2), and the size an
  // Erase/Write Alternate selects.
  Screen3270(int rows = 24, int cols = 80, int alt_rows = 24, int alt_cols = 80);

  int rows() const { return rows_; }
  int cols() const { return cols_; }
  int size() const { return rows_ * cols_; }
  int cursor() const { return cursor_; }
  u8 aid() const { return aid_; }
  bool keyboard_locked() const { return locked_; }
  bool alarm() const { return alarm_; }
  bool alternate() const { return alternate_; }

  // ---- Outbound: the program writes ------------------------------------------
  // WRITE: the WCC and orders from the current buffer address.
  void write(const u8* data, size_t n);
  // ERASE/WRITE and ERASE/WRITE ALTERNATE: clear to nulls, take the default
  // or alternate size, then write.
  void erase_write(const u8* data, size_t n, bool alternate);
  // Power on (and I/O system reset): the default size, all nulls, the
  // keyboard unlocked, no AID.
  void reset();
  // ERASE ALL UNPROTECTED: unprotected characters to nulls, MDTs reset,
  // the cursor to the first unprotected position, the keyboard restored.
  void erase_all_unprotected();

  // ---- Inbound: the program reads ----------------------------------------------
  std::vector<u8> read_buffer() const;
  // Read Modified; `all` for Read Modified All (no short read).
  std::vector<u8> read_modified(bool all) const;
  // The AID has been read: no attention identifier until the next key.
  void clear_aid() { aid_ = aid::kNone; }

  // ---- The operator -------------------------------------------------------------
  // Types text (EBCDIC) at the cursor; false when input is inhibited (a
  // protected position, a locked keyboard, non-digits in a numeric field).
  bool type(const std::vector<u8>& text);
  // Moves the cursor (keyboard positioning).
  void set_cursor(int address);
  // An attention key: the AID is set and the keyboard locks. CLEAR also
  // clears the screen. False when the keyboard is locked.
  bool press(u8 key);
  // An inbound record from a real terminal (AID, cursor, SBA-addressed
  // modified fields): the buffer takes the fields, as if typed.
  void inbound(const u8* data, size_t n);

  // ---- Views -----------------------------------------------------------------------
  // Each row as ASCII text: attributes and nulls as blanks, non-display
  // fields blank.
  std::vector<std::string> text() const;
  // The whole screen as an outbound ERASE/WRITE data stream (WCC, orders
  // and data): what a newly connected terminal is sent.
  std::vector<u8> whole_screen() const;
  // The field attribute at a buffer address (-1 when the screen is
  // unformatted).
  int field_attribute(int address) const;
  bool is_attribute(int address) const { return is_attr_[static_cast<size_t>(address)]; }
  u8 at(int address) const { return buf_[static_cast<size_t>(address)]; }

  // The 6-bit code of a 12-bit buffer address and of attribute bytes.
  static u8 code(u8 six_bits);
  // Decodes a 2-byte buffer address (12- or 14-bit).
  static int decode_address(u8 b0, u8 b1);

 private:
  void resize(bool alternate);
  void clear();
  void process(const u8* data, size_t n, int address);
  int next(int a) const { return (a + 1) % size(); }
  // Address of the attribute of the field holding `a`, or -1 (unformatted).
  int field_start(int a) const;
  void encode_address(std::vector<u8>& out, int address) const;
  // The whole buffer from address 0: each attribute as SF and its code,
  // each character as itself (READ BUFFER and a client's first screen).
  void append_buffer(std::vector<u8>& out) const;

  int rows_, cols_;
  int def_rows_, def_cols_, alt_rows_, alt_cols_;
  bool alternate_ = false;
  std::vector<u8> buf_;  // characters, or the attribute where is_attr_
  std::vector<bool> is_attr_;
  int cursor_ = 0;
  u8 aid_ = aid::kNone;
  bool locked_ = false;
  bool alarm_ = false;
};

}  // namespace s370::io
