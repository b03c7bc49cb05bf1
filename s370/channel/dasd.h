// CKD direct-access storage, 3330 and 3350 on a 3830 control unit, in a
// Hercules CKD image (ckd_image.h). The commands of the 3830 (IBM 3830
// Storage Control Reference): SEEK, SEEK CYLINDER, SEEK HEAD, RECALIBRATE,
// RESTORE, SET FILE MASK, SET/READ SECTOR, SEARCH ID and KEY (equal, high,
// high or equal), SEARCH HOME ADDRESS, READ HOME ADDRESS, READ R0, READ
// COUNT, READ DATA, READ KEY AND DATA, READ COUNT KEY AND DATA, READ
// MULTIPLE CKD, READ IPL, WRITE HOME ADDRESS, WRITE R0, WRITE CKD, WRITE
// DATA, WRITE KEY AND DATA, ERASE, SENSE, SENSE ID, NO-OP; multitrack
// operation (bit 0 of the command). Behaviour, status and sense bytes follow
// Hercules 3.13 for the same channel programs (orientation on the track,
// "no record found" on the second index point, end of cylinder, the file
// mask). A write goes to the image file before the command ends.
#pragma once

#include <memory>
#include <vector>

#include "s370/channel/basic_device.h"
#include "s370/channel/ckd_image.h"

namespace s370::io {

class CkdDasd final : public BasicDevice {
 public:
  CkdDasd(u16 address, std::unique_ptr<CkdImage> image);
  std::string_view type() const override { return image_->geometry().name; }
  Result execute(Transfer& t) override;
  void begin_program() override;
  void reset() override;
  CkdImage& image() { return *image_; }

 private:
  enum class Orient : u8 { None, Index, Count, Key, Data, Eot };
  // A failed step leaves its unit check here and returns false.
  bool fail(u8 sense0, u8 sense1, u8 format = 0, u8 message = 0);
  Result reject(u8 message) {
    fail(sense::kCommandReject, 0, 0, message);
    return failure_;
  }
  void build_sense(u8 sense0, u8 sense1, u8 format, u8 message);

  Result dispatch(u8 code, Transfer& t);
  bool load(u32 cyl, u32 head);
  bool seek(u32 cyl, u32 head);
  bool mt_advance();
  bool read_count(u8 code, u8* count);
  bool read_key(u8 code, u8* key);
  bool read_data(u8 code, u8* data);
  bool write_image(u32 offset, const u8* data, u32 n);
  bool write_ckd(Transfer& t);
  void skip_record();
  Result read_status(u64 bytes) const;

  std::unique_ptr<CkdImage> image_;
  // The track under the heads and the position on it.
  std::vector<u8> buf_;
  int track_ = -1;
  u32 off_ = 0;
  u32 cyl_ = 0, head_ = 0;
  u8 rec_ = 0, kl_ = 0;
  u16 dl_ = 0;
  Orient orient_ = Orient::None;
  // State of the channel program (reset when one starts).
  u8 fmask_ = 0;
  bool setfm_ = false, seeked_ = false, recal_ = false, rdipl_ = false;
  bool xmark_ = false;  // an index point passed since the last read of data
  bool haeq_ = false, ideq_ = false, kyeq_ = false, wckd_ = false, wrha_ = false;
  int lcount_ = 0;  // commands left in the domain READ IPL opens
  Result failure_;
};

}  // namespace s370::io
