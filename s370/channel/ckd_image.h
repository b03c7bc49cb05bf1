// A CKD disk image in Hercules' format, so that images pass between this
// project and Hercules both ways (created by Hercules' dasdinit, used here;
// written here, read by Hercules):
//
//   512-byte device header: "CKD_P370", heads (4 bytes, little endian),
//     track size (4, little endian), device type (1: X'30' 3330, X'50'
//     3350), file sequence (1), highest cylinder in the file (2, little
//     endian; 0 for a single file), zeros.
//   then every track in a slot of `track size` bytes: the home address
//     (flag 0, CC, HH), records (count CCHHRKDD, key, data; record 0
//     first), and eight X'FF' ending the track.
//
// Compressed images (CKD_C370) and images split over several files are
// refused. Every track is checked when the image is opened: a corrupt image
// refuses to attach with a message naming the file.
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "s370/types.h"

namespace s370::io {

// The geometry of a device type, as Hercules' table has it.
struct CkdGeometry {
  const char* name;
  u16 type;        // X'3330', X'3350'
  u8 model;        // device model in SENSE ID
  u32 cylinders;   // primary cylinders
  u32 alternates;  // alternate cylinders (dasdinit -a)
  u32 heads;       // tracks per cylinder
  u32 r1_max;      // largest R1 data length on a track
  u32 track_size;  // bytes per track slot in the image
};

const CkdGeometry* ckd_geometry(const std::string& type);

// All of n bytes at `at` of a file, read or written (retried on EINTR and
// short transfers); false on an error or end of file.
bool pread_all(int fd, u8* buf, size_t n, off_t at);
bool pwrite_all(int fd, const u8* buf, size_t n, off_t at);

class CkdImage {
 public:
  // Opens an image; throws DeviceError naming the file and the problem.
  static std::unique_ptr<CkdImage> open(const std::string& path, const CkdGeometry& geometry);
  // A minidisk: `count` cylinders of the image from cylinder `first`, seen
  // as cylinders 0 to count - 1 (the home addresses, and record 0 where it
  // still names its real cylinder, read relocated; a write goes to the
  // real track). With `read_only` every write is refused (the device gives
  // unit check, command reject). Throws DeviceError when the extent is not
  // within the image.
  static std::unique_ptr<CkdImage> open_extent(const std::string& path, const CkdGeometry& geometry, u32 first,
                                               u32 count, bool read_only);
  // Creates a new image of `cylinders` cylinders formatted as dasdinit -r
  // does (home address and R0 on every track); for the tests and tools.
  static void create(const std::string& path, const CkdGeometry& geometry, u32 cylinders);
  ~CkdImage();
  CkdImage(const CkdImage&) = delete;
  CkdImage& operator=(const CkdImage&) = delete;

  const CkdGeometry& geometry() const { return geo_; }
  u32 cylinders() const { return cylinders_; }
  u32 heads() const { return geo_.heads; }
  u32 track_size() const { return geo_.track_size; }
  const std::string& path() const { return path_; }
  // A minidisk's first real cylinder (0 for a whole volume).
  u32 first_cylinder() const { return first_; }
  bool extent() const { return extent_; }
  bool read_only() const { return read_only_; }

  // Reads a whole track slot; false on a host error.
  bool read_track(u32 track, u8* buf);
  // Writes `n` bytes at `offset` in a track slot, straight to the file.
  bool write(u32 track, u32 offset, const u8* data, u32 n);

 private:
  CkdImage(const std::string& path, const CkdGeometry& geo, int fd, u32 cylinders);
  std::string path_;
  const CkdGeometry& geo_;
  int fd_;
  u32 cylinders_;
  u32 first_ = 0;
  bool extent_ = false;
  bool read_only_ = false;
};

}  // namespace s370::io
