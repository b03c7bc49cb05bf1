// CKD DASD commands (see dasd.h). Orientation on the track follows the
// hardware: after the home address (index), after a count, key or data
// area, or at the end of the track; searches and reads move it, and an
// end of track returns to the index point (or, multitrack, goes on to the
// next track of the cylinder).
#include "s370/channel/dasd.h"

#include <algorithm>
#include <cstring>

namespace s370::io {

namespace {

constexpr u32 kHa = 5, kCountLen = 8;
const u8 kEndOfTrack[8] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};

// Sense byte 1 of the 3830 ("Sense Information").
constexpr u8 kInvalidTrackFormat = 0x40, kEndOfCylinder = 0x20, kNoRecordFound = 0x08, kFileProtected = 0x04;
// Sense byte 7 message codes for command reject.
constexpr u8 kMsgInvalidCommand = 1, kMsgInvalidSequence = 2, kMsgInvalidLength = 3, kMsgInvalidParameter = 4;

// File mask: write control (bits 0-1) and seek control (bits 3-4).
constexpr u8 kWriteControl = 0xC0, kAllowAllWrites = 0xC0, kInhibitAllWrites = 0x40, kInhibitHaR0 = 0x00;
constexpr u8 kSeekControl = 0x18, kAllowAllSeeks = 0x00, kSeekCylHead = 0x08, kInhibitSeekMt = 0x18;
constexpr u8 kFileMaskReserved = 0x20;

bool is_read(u8 c) {
  return (c & 3) == 2;
}
bool is_write(u8 c) {
  return (c & 3) == 1;
}
bool is_control(u8 c) {
  return (c & 3) == 3;
}
bool is_sense(u8 c) {
  return (c & 0x0F) == 4;
}
bool is_search(u8 c) {
  c &= 0x7F;
  return c == 0x31 || c == 0x51 || c == 0x71 || c == 0x29 || c == 0x49 || c == 0x69;
}

}  // namespace

CkdDasd::CkdDasd(u16 address, std::unique_ptr<CkdImage> image)
    : BasicDevice(address), image_(std::move(image)), buf_(image_->track_size()) {
  sense_count_ = 24;  // 3830 sense length
}

void CkdDasd::reset() {
  BasicDevice::reset();
  begin_program();
}

void CkdDasd::begin_program() {
  // A new channel program: the file mask and the conditions that permit
  // writes are reset; the arm stays where it is, at the index point.
  fmask_ = 0;
  setfm_ = seeked_ = recal_ = rdipl_ = false;
  xmark_ = haeq_ = ideq_ = kyeq_ = wckd_ = wrha_ = false;
  lcount_ = 0;
  if (track_ >= 0) {
    off_ = kHa;
    orient_ = Orient::Index;
  }
}

void CkdDasd::build_sense(u8 sense0, u8 sense1, u8 format, u8 message) {
  sense_.fill(0);
  sense_[0] = sense0;
  sense_[1] = sense1;
  // Byte 4: the physical drive; bytes 5-6: the cylinder and head.
  const u16 a = address();
  sense_[4] = image_->geometry().type == 0x3330 ? static_cast<u8>((a & 7) | ((~a & 7) << 3))
                                                : static_cast<u8>(0x80 >> (a & 7));
  sense_[5] = static_cast<u8>(cyl_);
  sense_[6] = static_cast<u8>(((cyl_ >> 8) << 4) | (head_ & 0x1F));
  sense_[7] = static_cast<u8>((format << 4) | (message & 0x0F));
}

bool CkdDasd::fail(u8 sense0, u8 sense1, u8 format, u8 message) {
  build_sense(sense0, sense1, format, message);
  failure_ = Result{unit::kEnd | unit::kUnitCheck, false, false, 10};
  return false;
}

// ---- Moving on the disk ------------------------------------------------------------

bool CkdDasd::load(u32 cyl, u32 head) {
  const int t = static_cast<int>(cyl * image_->heads() + head);
  if (t != track_) {
    track_ = -1;
    if (!image_->read_track(static_cast<u32>(t), buf_.data())) return fail(sense::kEquipmentCheck, 0, 1, 0);
    // The home address must name this track.
    if (buf_[0] != 0 || load_be16(&buf_[1]) != cyl || load_be16(&buf_[3]) != head)
      return fail(0, kInvalidTrackFormat);
    track_ = t;
  }
  return true;
}

bool CkdDasd::seek(u32 cyl, u32 head) {
  if (!load(cyl, head)) return false;
  cyl_ = cyl;
  head_ = head;
  rec_ = kl_ = 0;
  dl_ = 0;
  orient_ = Orient::Index;
  off_ = kHa;
  return true;
}

bool CkdDasd::mt_advance() {
  // Multitrack: on to the next track of the cylinder, unless the file mask
  // inhibits it or the cylinder ends.
  if (lcount_ == 0 && (fmask_ & kSeekControl) == kInhibitSeekMt) return fail(0, kFileProtected);
  if (lcount_ == 0 && head_ + 1 >= image_->heads()) return fail(0, kEndOfCylinder);
  u32 cyl = cyl_, head = head_ + 1;
  if (head >= image_->heads()) head = 0, cyl++;
  if (cyl >= image_->cylinders()) return fail(0, kFileProtected);
  return seek(cyl, head);
}

void CkdDasd::skip_record() {
  if (orient_ == Orient::Count)
    off_ += kl_ + dl_;
  else if (orient_ == Orient::Key)
    off_ += dl_;
}

bool CkdDasd::read_count(u8 code, u8* count) {
  // Record zero is passed over except by READ R0 and SEARCH ID.
  const u8 c7 = code & 0x7F;
  const bool skip_r0 = c7 != 0x16 && c7 != 0x31 && c7 != 0x51 && c7 != 0x71;
  if (track_ < 0 && !seek(cyl_, head_)) return false;
  if (orient_ == Orient::Eot && !mt_advance()) return false;
  for (;;) {
    skip_record();
    if (off_ + kCountLen >= buf_.size()) return fail(sense::kEquipmentCheck, 0, 1, 0);
    std::memcpy(count, &buf_[off_], kCountLen);
    off_ += kCountLen;
    rec_ = count[4];
    kl_ = count[5];
    dl_ = load_be16(count + 6);
    orient_ = Orient::Count;
    if (skip_r0 && rec_ == 0) continue;
    if (std::memcmp(count, kEndOfTrack, 8) != 0) return true;
    orient_ = Orient::Eot;
    if (code == 0x5E) return true;
    // The index point a second time without a read of data in between:
    // no record found (except multitrack reads and key searches, which go
    // on through the cylinder).
    const bool mt_read =
        lcount_ == 0 && ((is_read(code) && (code & 0x80)) || code == 0xA9 || code == 0xC9 || code == 0xE9);
    if (xmark_ && !mt_read) return fail(0, kNoRecordFound);
    if (!(code & 0x80)) {
      // Single track: back to the index point of the same track.
      if (!seek(cyl_, head_)) return false;
      xmark_ = true;
    } else {
      if (!mt_advance()) return false;
      if (!is_search(code)) xmark_ = true;
    }
  }
}

bool CkdDasd::read_key(u8 code, u8* key) {
  if (orient_ != Orient::Count) {
    u8 count[kCountLen];
    if (!read_count(code, count)) return false;
  }
  if (kl_ > 0) {
    if (buf_.size() - off_ < kl_) return fail(sense::kEquipmentCheck, 0, 1, 0);
    std::memcpy(key, &buf_[off_], kl_);
    off_ += kl_;
  }
  orient_ = Orient::Key;
  return true;
}

bool CkdDasd::read_data(u8 code, u8* data) {
  if (orient_ != Orient::Count && orient_ != Orient::Key) {
    u8 count[kCountLen];
    if (!read_count(code, count)) return false;
  }
  if (orient_ == Orient::Count) off_ += kl_;
  if (dl_ > 0) {
    if (off_ + dl_ >= buf_.size()) return fail(sense::kEquipmentCheck, 0, 1, 0);
    std::memcpy(data, &buf_[off_], dl_);
    off_ += dl_;
  }
  orient_ = Orient::Data;
  return true;
}

bool CkdDasd::write_image(u32 offset, const u8* data, u32 n) {
  // A read-only minidisk refuses every write: unit check, command reject
  // (nothing is written, the track buffer is untouched).
  if (image_->read_only()) return fail(sense::kCommandReject, 0);
  // Into the track buffer and straight on to the image file.
  std::memcpy(&buf_[offset], data, n);
  if (!image_->write(static_cast<u32>(track_), offset, data, n)) return fail(sense::kEquipmentCheck, 0, 1, 0);
  return true;
}

bool CkdDasd::write_ckd(Transfer& t) {
  // A new record after the current one; the rest of the track is erased
  // (an end-of-track marker follows it).
  skip_record();
  u8 rec[kCountLen + 255 + 65535];
  std::memset(rec, 0, kCountLen);
  t.get(rec, kCountLen);
  const u8 kl = rec[5];
  const u16 dl = load_be16(rec + 6);
  const u32 len = kCountLen + kl + dl;
  if (off_ + len + 8 >= buf_.size()) return fail(0, kInvalidTrackFormat);
  const u32 n = t.get(rec + kCountLen, kl + dl);
  std::memset(rec + kCountLen + n, 0, kl + dl - n);  // short data is padded with zeros
  if (!write_image(off_, rec, len)) return false;
  off_ += len;
  if (!write_image(off_, kEndOfTrack, 8)) return false;
  rec_ = rec[4];
  kl_ = kl;
  dl_ = dl;
  orient_ = Orient::Data;
  return true;
}

Result CkdDasd::read_status(u64 bytes) const {
  // A record with no data ends with unit exception.
  return Result{static_cast<u8>(dl_ == 0 ? unit::kEnd | unit::kUnitException : unit::kEnd), false, false,
                20 + bytes / 4};
}

// ---- Commands ------------------------------------------------------------------------

Result CkdDasd::execute(Transfer& t) {
  const u8 code = t.command();
  // Data chaining only on reads (as Hercules).
  if ((t.flags() & ccw::kChainData) && !is_read(code)) return reject(kMsgInvalidCommand);
  // The index-point flag is reset by sense and control commands, writes
  // other than searches, and reads other than single-track READ COUNT and
  // READ SECTOR.
  if (is_sense(code) || is_control(code) || (is_write(code) && !is_search(code)) ||
      (is_read(code) && code != 0x12 && (code & 0x7F) != 0x22))
    xmark_ = false;

  Result r = dispatch(code, t);

  // The conditions for writes last only to the next command.
  const u8 c7 = code & 0x7F;
  if (c7 != 0x39 && c7 != 0x19) haeq_ = false;
  if (c7 != 0x31 && c7 != 0x0E && c7 != 0x0D && c7 != 0x06 && c7 != 0x05) ideq_ = false;
  if (c7 != 0x29 && c7 != 0x06 && c7 != 0x05) kyeq_ = false;
  if (code != 0x15 && code != 0x1D) wckd_ = false;
  // READ IPL opens a domain of two commands; the second must be chained.
  if (lcount_ > 0) {
    lcount_--;
    if (lcount_ > 0 && !(t.flags() & ccw::kChainCommand) && code != 0x02) {
      build_sense(sense::kCommandReject | 0x01, 0, 0, 0);
      r = Result{unit::kEnd | unit::kUnitCheck, false, false, r.duration_us};
    }
  }
  return r;
}

Result CkdDasd::dispatch(u8 code, Transfer& t) {
  u8 count[kCountLen];
  switch (code) {
    case 0x02: {  // READ IPL: cylinder 0 head 0, the data of record 1
      if (setfm_ || lcount_ > 0) return reject(kMsgInvalidSequence);
      setfm_ = true;
      lcount_ = 2;
      if (!seek(0, 0) || !read_count(code, count)) return failure_;
      std::vector<u8> d(dl_);
      if (!read_data(code, d.data())) return failure_;
      t.put(d.data(), dl_);
      rdipl_ = true;
      return read_status(dl_);
    }
    case 0x03:  // NO-OP
      if (lcount_ > 0 && t.previous() != 0x02) return reject(kMsgInvalidSequence);
      return Result::immediate();
    case 0x17:  // RESTORE: nothing to do
      if (lcount_ > 0) return reject(kMsgInvalidSequence);
      return Result::end();

    case 0x07:    // SEEK
    case 0x0B:    // SEEK CYLINDER
    case 0x1B: {  // SEEK HEAD
      if (lcount_ > 0) return reject(kMsgInvalidSequence);
      const u8 sk = fmask_ & kSeekControl;
      if ((code == 0x07 && sk != kAllowAllSeeks) ||
          (code == 0x0B && sk != kAllowAllSeeks && sk != kSeekCylHead) ||
          (code == 0x1B && sk == kInhibitSeekMt)) {
        fail(0, kFileProtected);
        return failure_;
      }
      u8 a[6];
      if (t.get(a, 6) < 6) return reject(kMsgInvalidLength);
      const u32 bin = load_be16(a), cyl = code == 0x1B ? cyl_ : load_be16(a + 2), head = load_be16(a + 4);
      if (bin != 0 || cyl >= image_->cylinders() || head >= image_->heads())
        return reject(kMsgInvalidParameter);
      if (!seek(cyl, head)) return failure_;
      seeked_ = true;
      return Result::end(100);
    }
    case 0x13:  // RECALIBRATE
      if (lcount_ > 0) return reject(kMsgInvalidSequence);
      if ((fmask_ & kSeekControl) != kAllowAllSeeks) {
        fail(0, kFileProtected);
        return failure_;
      }
      if (!seek(0, 0)) return failure_;
      recal_ = true;
      return Result::end(100);
    case 0x1F: {  // SET FILE MASK
      if (setfm_ || lcount_ > 0) return reject(kMsgInvalidSequence);
      u8 m;
      if (t.get(&m, 1) < 1) return reject(kMsgInvalidLength);
      fmask_ = m;
      if (m & kFileMaskReserved) return reject(kMsgInvalidParameter);
      setfm_ = true;
      return Result::end();
    }
    case 0x22: {  // READ SECTOR: always sector 0
      if (lcount_ > 0) return reject(kMsgInvalidSequence);
      const u8 s = 0;
      t.put(&s, 1);
      return Result::end();
    }
    case 0x23: {  // SET SECTOR
      if (lcount_ > 0) return reject(kMsgInvalidSequence);
      u8 s;
      if (t.get(&s, 1) < 1) return reject(kMsgInvalidLength);
      return Result::end();
    }

    case 0x31:
    case 0xB1:  // SEARCH ID EQUAL
    case 0x51:
    case 0xD1:  // SEARCH ID HIGH
    case 0x71:
    case 0xF1: {  // SEARCH ID EQUAL OR HIGH
      if (lcount_ > 0) return reject(kMsgInvalidSequence);
      if (!read_count(code, count)) return failure_;
      u8 arg[5];
      const u32 n = t.get(arg, 5);
      count[0] &= 0x7F;  // the track-overflow flag is not compared
      const int rc = std::memcmp(count, arg, n);
      ideq_ = rc == 0 && n == 5 && (code & 0x7F) == 0x31;
      // Satisfied: status modifier, the next CCW (a TIC back) is skipped.
      const bool hit = ((code & 0x20) && rc == 0) || ((code & 0x40) && rc > 0);
      return Result{static_cast<u8>(unit::kEnd | (hit ? unit::kStatusModifier : 0)), false, false, 20};
    }
    case 0x29:
    case 0xA9:  // SEARCH KEY EQUAL
    case 0x49:
    case 0xC9:  // SEARCH KEY HIGH
    case 0x69:
    case 0xE9: {  // SEARCH KEY EQUAL OR HIGH
      if (lcount_ > 0) return reject(kMsgInvalidSequence);
      u8 key[255];
      if (!read_key(code, key)) return failure_;
      u8 arg[255];
      const u32 n = t.get(arg, kl_);
      if (kl_ == 0) return Result::end(20);
      const int rc = std::memcmp(key, arg, n);
      kyeq_ = rc == 0 && n == kl_ && (code & 0x7F) == 0x29;
      const bool hit = ((code & 0x20) && rc == 0) || ((code & 0x40) && rc > 0);
      return Result{static_cast<u8>(unit::kEnd | (hit ? unit::kStatusModifier : 0)), false, false, 20};
    }
    case 0x39:
    case 0xB9: {  // SEARCH HOME ADDRESS EQUAL
      if (lcount_ > 0) return reject(kMsgInvalidSequence);
      if ((code & 0x80) && !mt_advance()) return failure_;
      if (!seek(cyl_, head_)) return failure_;
      u8 arg[4];
      const u32 n = t.get(arg, 4);
      const int rc = std::memcmp(&buf_[1], arg, n);
      haeq_ = rc == 0 && n == 4;
      return Result{static_cast<u8>(unit::kEnd | (rc == 0 ? unit::kStatusModifier : 0)), false, false, 20};
    }

    case 0x06:
    case 0x86: {  // READ DATA
      if (orient_ != Orient::Count && orient_ != Orient::Key && !read_count(code, count)) return failure_;
      std::vector<u8> d(dl_);
      if (!read_data(code, d.data())) return failure_;
      t.put(d.data(), static_cast<u32>(d.size()));
      return read_status(d.size());
    }
    case 0x0E:
    case 0x8E: {  // READ KEY AND DATA
      if (orient_ != Orient::Count && !read_count(code, count)) return failure_;
      std::vector<u8> d(kl_ + dl_);
      if (!read_key(code, d.data()) || !read_data(code, d.data() + kl_)) return failure_;
      t.put(d.data(), static_cast<u32>(d.size()));
      return read_status(d.size());
    }
    case 0x12:
    case 0x92: {  // READ COUNT
      if (!read_count(code, count)) return failure_;
      count[0] &= 0x7F;
      t.put(count, kCountLen);
      return Result::end(20);
    }
    case 0x16:
    case 0x96:  // READ R0
    case 0x1E:
    case 0x9E: {  // READ COUNT KEY AND DATA
      if ((code & 0x7F) == 0x16) {
        if ((code & 0x80) && lcount_ == 0 && !mt_advance()) return failure_;
        if (!seek(cyl_, head_)) return failure_;
      }
      if (!read_count(code, count)) return failure_;
      std::vector<u8> d(kCountLen + kl_ + dl_);
      std::memcpy(d.data(), count, kCountLen);
      d[0] &= 0x7F;
      if (!read_key(code, d.data() + kCountLen) || !read_data(code, d.data() + kCountLen + kl_))
        return failure_;
      t.put(d.data(), static_cast<u32>(d.size()));
      return read_status(d.size());
    }
    case 0x1A:
    case 0x9A: {  // READ HOME ADDRESS
      if ((code & 0x80) && lcount_ == 0 && !mt_advance()) return failure_;
      if (!seek(cyl_, head_)) return failure_;
      t.put(buf_.data(), kHa);
      return Result::end(20);
    }
    case 0x5E: {  // READ MULTIPLE CKD: the rest of the track
      if (lcount_ > 0) return reject(kMsgInvalidSequence);
      std::vector<u8> d;
      for (;;) {
        if (!read_count(code, count)) return failure_;
        if (std::memcmp(count, kEndOfTrack, 8) == 0) break;
        const size_t at = d.size();
        d.resize(at + kCountLen + kl_ + dl_);
        std::memcpy(&d[at], count, kCountLen);
        d[at] &= 0x7F;
        if (!read_key(code, &d[at + kCountLen]) || !read_data(code, &d[at + kCountLen + kl_]))
          return failure_;
      }
      t.put(d.data(), static_cast<u32>(d.size()));
      return Result::end(20 + d.size() / 4);
    }

    case 0x05: {  // WRITE DATA: after a search ID or key equal
      if (cyl_ >= image_->cylinders()) return reject(kMsgInvalidSequence);
      if (lcount_ == 0 && !ideq_ && !kyeq_) return reject(kMsgInvalidSequence);
      if ((fmask_ & kWriteControl) == kInhibitAllWrites || lcount_ > 0) return reject(kMsgInvalidSequence);
      if (dl_ == 0) return Result{unit::kEnd | unit::kUnitException, false, false, 10};
      if (orient_ != Orient::Count && orient_ != Orient::Key) return reject(kMsgInvalidSequence);
      if (orient_ == Orient::Count) off_ += kl_;
      std::vector<u8> d(dl_, 0);
      t.get(d.data(), dl_);
      if (!write_image(off_, d.data(), dl_)) return failure_;
      off_ += dl_;
      orient_ = Orient::Data;
      return Result::end(20 + dl_ / 4);
    }
    case 0x0D: {  // WRITE KEY AND DATA: after a search ID equal
      if (cyl_ >= image_->cylinders()) return reject(kMsgInvalidSequence);
      if (lcount_ == 0 && !ideq_) return reject(kMsgInvalidSequence);
      if ((fmask_ & kWriteControl) == kInhibitAllWrites || lcount_ > 0) return reject(kMsgInvalidSequence);
      if (dl_ == 0) return Result{unit::kEnd | unit::kUnitException, false, false, 10};
      if (orient_ != Orient::Count) return reject(kMsgInvalidSequence);
      std::vector<u8> d(kl_ + dl_, 0);
      t.get(d.data(), static_cast<u32>(d.size()));
      if (!write_image(off_, d.data(), static_cast<u32>(d.size()))) return failure_;
      off_ += static_cast<u32>(d.size());
      orient_ = Orient::Data;
      return Result::end(20 + d.size() / 4);
    }
    case 0x1D: {  // WRITE COUNT KEY AND DATA
      if (cyl_ >= image_->cylinders()) return reject(kMsgInvalidSequence);
      if (lcount_ == 0 && !ideq_ && !kyeq_ && !wckd_) return reject(kMsgInvalidSequence);
      const u8 wc = fmask_ & kWriteControl;
      if ((wc != kAllowAllWrites && wc != kInhibitHaR0) || lcount_ > 0) return reject(kMsgInvalidSequence);
      if (!write_ckd(t)) return failure_;
      wckd_ = lcount_ == 0;
      return Result::end(20 + (kCountLen + kl_ + dl_) / 4);
    }
    case 0x15: {  // WRITE R0: after a search home address equal
      if (cyl_ >= image_->cylinders()) return reject(kMsgInvalidSequence);
      if (lcount_ == 0 && !haeq_ && !wrha_) return reject(kMsgInvalidSequence);
      if ((fmask_ & kWriteControl) != kAllowAllWrites || lcount_ > 0) return reject(kMsgInvalidSequence);
      if (!write_ckd(t)) return failure_;
      wckd_ = lcount_ == 0;
      return Result::end(20);
    }
    case 0x19: {  // WRITE HOME ADDRESS: accepted, the address is kept
      if (lcount_ > 0) return reject(kMsgInvalidSequence);
      // Not on a minidisk: the home addresses are the volume's.
      if (image_->extent()) return reject(0);
      if ((fmask_ & kWriteControl) != kAllowAllWrites) {
        fail(0, kFileProtected);
        return failure_;
      }
      if (!seek(cyl_, head_)) return failure_;
      std::vector<u8> d(t.count());
      t.get(d.data(), t.count());
      wrha_ = true;
      return Result::end(20);
    }
    case 0x11: {  // ERASE: the rest of the track from here
      if (cyl_ >= image_->cylinders()) return reject(kMsgInvalidSequence);
      if (lcount_ == 0 && !ideq_ && !kyeq_ && !wckd_) return reject(kMsgInvalidSequence);
      const u8 wc = fmask_ & kWriteControl;
      if ((wc != kAllowAllWrites && wc != kInhibitHaR0) || lcount_ > 0) return reject(kMsgInvalidSequence);
      skip_record();
      u8 rec[kCountLen + 255 + 65535];
      std::memset(rec, 0, kCountLen);
      t.get(rec, kCountLen);
      const u32 len = kCountLen + rec[5] + load_be16(rec + 6);
      if (off_ + len + 8 >= buf_.size()) {
        fail(0, kInvalidTrackFormat);
        return failure_;
      }
      t.get(rec + kCountLen, len - kCountLen);
      if (!write_image(off_, kEndOfTrack, 8)) return failure_;
      orient_ = Orient::Data;
      return Result::end(20);
    }

    case 0x04:  // SENSE
      if (lcount_ > 0) return reject(kMsgInvalidSequence);
      // With no error to report, the sense shows where the arm is.
      if (sense_[0] == 0 && sense_[1] == 0) build_sense(0, 0, 0, 0);
      return sense(t);
    case 0xE4: {  // SENSE ID: control unit 3830-2, the device type and model
      if (lcount_ > 0) return reject(kMsgInvalidSequence);
      const CkdGeometry& g = image_->geometry();
      return sense_id(
          t, {0xFF, 0x38, 0x30, 0x02, static_cast<u8>(g.type >> 8), static_cast<u8>(g.type), g.model});
    }
    default:
      return reject(kMsgInvalidCommand);
  }
}

}  // namespace s370::io
