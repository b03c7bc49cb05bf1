// What the simple devices share: sense bytes and the commands every device
// knows (SENSE, SENSE ID, command reject), and an output file written
// through to the host file at once, so that a file is complete whenever the
// I/O interruption of the command that wrote it is presented.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "s370/channel/device.h"

namespace s370::io {

class BasicDevice : public Device {
 public:
  using Device::Device;

 protected:
  // SENSE (X'04'): the sense bytes, which are then reset.
  Result sense(Transfer& t) {
    t.put(sense_.data(), sense_count_);
    sense_.fill(0);
    return Result::end();
  }
  // SENSE ID (X'E4'): X'FF', control unit type and model, device type and
  // model, as Hercules answers for the same device.
  Result sense_id(Transfer& t, const std::vector<u8>& id) {
    t.put(id.data(), static_cast<u32>(id.size()));
    return Result::end();
  }
  // The commands most devices answer alike: NO-OP (X'03') at once, SENSE,
  // SENSE ID with `id`, and a command reject for anything else. A device's
  // execute() sends here the commands it has no case of its own for.
  Result common_command(Transfer& t, const std::vector<u8>& id) {
    switch (t.command()) {
      case 0x03:
        return Result::immediate();
      case 0x04:
        return sense(t);
      case 0xE4:
        return sense_id(t, id);
      default:
        return reject();
    }
  }
  // An invalid command: unit check with command reject, at initiation.
  // Most devices present it with channel end and device end (as Hercules
  // does); `alone` gives unit check alone, as the 1403 does.
  Result reject(bool alone = false) {
    sense_.fill(0);
    sense_[0] = sense::kCommandReject;
    return Result{static_cast<u8>(alone ? unit::kUnitCheck : unit::kEnd | unit::kUnitCheck), true, false, 1};
  }
  // Unit check with the given sense byte 0 (intervention required...).
  Result unit_check(u8 sense0, u8 sense1 = 0) {
    sense_.fill(0);
    sense_[0] = sense0;
    sense_[1] = sense1;
    return Result{unit::kEnd | unit::kUnitCheck, false, false, 1};
  }
  void reset() override { sense_.fill(0); }

  std::array<u8, 32> sense_{};
  u32 sense_count_ = 1;
};

// A host file open for writing, created or truncated when opened.
class OutputFile {
 public:
  OutputFile() = default;
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  // Throws DeviceError naming the file when it cannot be opened.
  void open(const std::string& path);
  // Writes all of `data`; false on a host error.
  bool write(std::string_view data);
  const std::string& path() const { return path_; }

 private:
  int fd_ = -1;
  std::string path_;
};

}  // namespace s370::io
