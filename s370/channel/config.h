// A machine described in JSON (the interface of `s370 --config`, see
// docs/MACHINE.md):
//   {"mainsize": 16, "ipl": "00C",
//    "devices": [{"address": "009", "type": "3215"},
//                {"address": "00C", "type": "2540R", "file": "deck.bin", "mode": "ebcdic"}, ...]}
// Device types come from a registry: each type names the keys it takes and
// makes its device. Relative file names are relative to the configuration
// file. Every error is one line naming the file and what is wrong.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "s370/channel/console3215.h"
#include "s370/channel/device.h"

namespace s370::io {

struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct DeviceConfig {
  u16 address = 0;
  std::string type;
  std::string file;  // resolved against the configuration's folder
  std::string mode;  // reader: "ebcdic", "ascii" or "auto"
  bool eof = false;  // reader: unit exception at the end of the deck
  int model = 2;     // 3270: the 3278 model (2-5), its alternate size
};

struct MachineConfig {
  std::string path;  // the configuration file
  u32 mainsize_mb = 16;
  std::optional<u16> ipl;
  std::vector<DeviceConfig> devices;
};

// Reads and checks a configuration file.
MachineConfig read_config(const std::string& path);
// The same from text (`path` names it in messages and anchors relative
// file names).
MachineConfig parse_config(const std::string& text, const std::string& path);

// What devices that talk to an operator are connected to.
struct Operator {
  LineInput* input = nullptr;
  LineOutput output;
};

// Makes the device a configuration entry describes (the registry by device
// type); throws ConfigError naming the configuration, the device and the
// problem (a missing deck, a corrupt disk image...).
std::unique_ptr<Device> make_device(const MachineConfig& config, const DeviceConfig& dc, const Operator& op);

// The device types the registry knows, for messages.
std::string known_types();

// "00C" from 0x00C.
std::string device_name(u16 address);

}  // namespace s370::io
