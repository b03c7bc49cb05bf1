// The real DASD volumes of the system: CKD images in Hercules' format in one
// folder (DIR/volumes), one file per volume serial: VOLSER.3350 (or .3330).
// The minidisks of the directory are cylinder ranges of these volumes.
//
// A volume named by the directory that does not exist is created (full
// device size of primary cylinders, formatted as dasdinit does) with its
// volume label on cylinder 0 track 0 record 3, as OS and VM put it: key
// "VOL1", 80 bytes of data beginning "VOL1" and the volume serial, in
// EBCDIC. Records 1 and 2 are the IPL records dasdinit writes (24 and 144
// bytes, keys "IPL1" and "IPL2"; IPL of the empty volume ends in a disabled
// wait), so Hercules' tools see an ordinary volume.
#pragma once

#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace cp {

class Directory;

class Volumes {
 public:
  explicit Volumes(std::string folder);  // creates the folder if missing
  // Path of a volume's image; creates it (with its label) if missing, for devtype "3350" or "3330".
  // Throws s370::io::DeviceError / std::runtime_error with a message naming the volume on failure.
  std::string ensure(const std::string& volser, const std::string& devtype);
  // The image's path (whether it exists or not); throws std::runtime_error
  // for a volume serial or device type that cannot name one.
  std::string path(const std::string& volser, const std::string& devtype) const;
  bool exists(const std::string& volser, const std::string& devtype) const;
  // Read the volume serial from an image's label (empty string if none).
  // Throws s370::io::DeviceError when the file cannot be read or is not a
  // CKD image at all.
  static std::string read_label(const std::string& image_path);
  // Every volume (volser, devtype) found in the folder, sorted.
  std::vector<std::pair<std::string, std::string>> list() const;
  // Creates every volume the directory names (minidisk entries).
  void ensure_all(const Directory& d);

 private:
  std::string folder_;
  // Two threads ensuring one volume must not both create it. Another
  // process is kept off by how the image comes into place (volumes.cpp).
  std::mutex mutex_;
};

}  // namespace cp
