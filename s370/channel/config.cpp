// The JSON machine configuration and the registry of device types.
#include "s370/channel/config.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>

#include "s370/channel/cards2540.h"
#include "s370/channel/console3215.h"
#include "s370/channel/dasd.h"
#include "s370/channel/display3270.h"
#include "s370/channel/printer1403.h"

namespace s370::io {

namespace {

using json = nlohmann::json;

// One registered device type: the keys it takes besides "address" and
// "type", whether it needs a file, and how to make it.
struct DeviceType {
  const char* name;
  const char* what;
  std::vector<const char*> keys;
  bool needs_file;
  std::unique_ptr<Device> (*make)(const DeviceConfig&, const Operator&);
};

std::unique_ptr<Device> make_console(const DeviceConfig& dc, const Operator& op) {
  return std::make_unique<Console3215>(dc.address, op.input, op.output);
}
std::unique_ptr<Device> make_reader(const DeviceConfig& dc, const Operator&) {
  const DeckMode mode = dc.mode == "ascii"    ? DeckMode::Ascii
                        : dc.mode == "ebcdic" ? DeckMode::Ebcdic
                                              : DeckMode::Auto;
  return std::make_unique<CardReader2540>(dc.address, load_deck(dc.file, mode), dc.eof);
}
std::unique_ptr<Device> make_punch(const DeviceConfig& dc, const Operator&) {
  return std::make_unique<CardPunch2540>(dc.address, dc.file);
}
std::unique_ptr<Device> make_printer(const DeviceConfig& dc, const Operator&) {
  return std::make_unique<Printer1403>(dc.address, dc.file);
}
std::unique_ptr<Device> make_display(const DeviceConfig& dc, const Operator&) {
  return std::make_unique<Display3270>(dc.address, dc.model);
}
std::unique_ptr<Device> make_dasd(const DeviceConfig& dc, const Operator&) {
  return std::make_unique<CkdDasd>(dc.address, CkdImage::open(dc.file, *ckd_geometry(dc.type)));
}

const std::vector<DeviceType>& registry() {
  static const std::vector<DeviceType> types = {
      {"1403", "printer", {"file"}, true, make_printer},
      {"2540P", "card punch", {"file"}, true, make_punch},
      {"2540R", "card reader", {"file", "mode", "eof"}, true, make_reader},
      {"3215", "console", {}, false, make_console},
      {"3270", "display", {"model"}, false, make_display},
      {"3330", "disk", {"file"}, true, make_dasd},
      {"3350", "disk", {"file"}, true, make_dasd},
  };
  return types;
}

const DeviceType* find_type(const std::string& name) {
  for (const DeviceType& t : registry())
    if (name == t.name) return &t;
  return nullptr;
}

// Parses 1-4 hex digits; nullopt when it is not that.
std::optional<u16> parse_address(const std::string& s) {
  if (s.empty() || s.size() > 4) return std::nullopt;
  u32 v = 0;
  for (char c : s) {
    int d;
    if (c >= '0' && c <= '9')
      d = c - '0';
    else if (c >= 'a' && c <= 'f')
      d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
      d = c - 'A' + 10;
    else
      return std::nullopt;
    v = v * 16 + static_cast<u32>(d);
  }
  return static_cast<u16>(v);
}

std::string type_name(const json& j) {
  switch (j.type()) {
    case json::value_t::string:
      return "a string";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "an integer";
    case json::value_t::number_float:
      return "a number";
    case json::value_t::boolean:
      return "true/false";
    case json::value_t::array:
      return "an array";
    case json::value_t::object:
      return "an object";
    case json::value_t::null:
      return "null";
    default:
      return "something else";
  }
}

}  // namespace

std::string device_name(u16 address) {
  char b[8];
  std::snprintf(b, sizeof b, "%03X", address);
  return b;
}

std::string known_types() {
  std::string s;
  for (const DeviceType& t : registry()) s += (s.empty() ? "" : ", ") + std::string(t.name);
  return s;
}

MachineConfig read_config(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw ConfigError("cannot read configuration " + path + ": " + std::strerror(errno));
  const std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  return parse_config(text, path);
}

MachineConfig parse_config(const std::string& text, const std::string& path) {
  auto fail = [&](const std::string& what) -> ConfigError { return ConfigError(path + ": " + what); };
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    // nlohmann's message names the line and column; keep it to one line.
    std::string m = e.what();
    const auto p = m.find("parse error");
    throw fail("not valid JSON: " + (p == std::string::npos ? m : m.substr(p)));
  }
  if (!j.is_object()) throw fail("the configuration must be a JSON object");

  MachineConfig mc;
  mc.path = path;
  const std::filesystem::path base = std::filesystem::path(path).parent_path();
  for (auto& [k, v] : j.items()) {
    if (k == "mainsize") {
      if (!v.is_number_integer() || v.get<long long>() < 1 || v.get<long long>() > 16)
        throw fail("\"mainsize\" must be an integer from 1 to 16 (megabytes)");
      mc.mainsize_mb = v.get<u32>();
    } else if (k == "ipl") {
      std::optional<u16> a;
      if (v.is_string()) a = parse_address(v.get<std::string>());
      if (!a) throw fail("\"ipl\" must be a device address of 1-4 hex digits, as a string (\"00C\")");
      mc.ipl = a;
    } else if (k == "devices") {
      if (!v.is_array()) throw fail("\"devices\" must be an array, not " + type_name(v));
    } else {
      throw fail("unknown key \"" + k + "\" (known: mainsize, ipl, devices)");
    }
  }

  std::set<u16> used;
  if (j.contains("devices")) {
    size_t index = 0;
    for (const json& d : j["devices"]) {
      ++index;
      const std::string where = "device " + std::to_string(index);
      if (!d.is_object()) throw fail(where + ": must be an object, not " + type_name(d));
      if (!d.contains("address") || !d["address"].is_string())
        throw fail(where + ": needs \"address\", 1-4 hex digits as a string (\"00C\")");
      const auto addr = parse_address(d["address"].get<std::string>());
      if (!addr)
        throw fail(where + ": bad address \"" + d["address"].get<std::string>() + "\" (1-4 hex digits)");
      DeviceConfig dc;
      dc.address = *addr;
      const std::string name = "device " + device_name(dc.address);
      if (!used.insert(dc.address).second) throw fail(name + ": the address is used twice");
      if (!d.contains("type") || !d["type"].is_string())
        throw fail(name + ": needs \"type\" (one of " + known_types() + ")");
      dc.type = d["type"].get<std::string>();
      const DeviceType* t = find_type(dc.type);
      if (!t) throw fail(name + ": unknown device type \"" + dc.type + "\" (known: " + known_types() + ")");
      const std::string named = name + " (" + dc.type + ")";
      for (auto& [k, v] : d.items()) {
        if (k == "address" || k == "type") continue;
        if (std::find_if(t->keys.begin(), t->keys.end(), [&](const char* x) { return k == x; }) ==
            t->keys.end()) {
          std::string keys = "address, type";
          for (const char* x : t->keys) keys += std::string(", ") + x;
          throw fail(named + ": unknown key \"" + k + "\" (a " + t->what + " takes " + keys + ")");
        }
        if (k == "file") {
          if (!v.is_string() || v.get<std::string>().empty())
            throw fail(named + ": \"file\" must be a file name");
          std::filesystem::path p = v.get<std::string>();
          dc.file = (p.is_absolute() || base.empty() ? p : base / p).string();
        } else if (k == "mode") {
          if (!v.is_string() || (v != "ebcdic" && v != "ascii" && v != "auto"))
            throw fail(named + ": \"mode\" must be \"ebcdic\", \"ascii\" or \"auto\"");
          dc.mode = v.get<std::string>();
        } else if (k == "model") {
          int r, c;
          if (!v.is_number_integer() || v.get<long long>() < 2 || v.get<long long>() > 5 ||
              !Display3270::alternate_size(v.get<int>(), r, c))
            throw fail(named + ": \"model\" must be 2, 3, 4 or 5 (a 3278 model)");
          dc.model = v.get<int>();
        } else if (k == "eof") {
          if (!v.is_boolean()) throw fail(named + ": \"eof\" must be true or false");
          dc.eof = v.get<bool>();
        }
      }
      if (t->needs_file && dc.file.empty()) throw fail(named + ": needs \"file\"");
      mc.devices.push_back(dc);
    }
  }
  if (mc.ipl && !used.count(*mc.ipl)) throw fail("\"ipl\": no device at address " + device_name(*mc.ipl));
  return mc;
}

std::unique_ptr<Device> make_device(const MachineConfig& config, const DeviceConfig& dc, const Operator& op) {
  const DeviceType* t = find_type(dc.type);
  const std::string named = config.path + ": device " + device_name(dc.address) + " (" + dc.type + ")";
  if (!t) throw ConfigError(named + ": unknown device type");
  try {
    return t->make(dc, op);
  } catch (const DeviceError& e) {
    throw ConfigError(named + ": " + e.what());
  }
}

}  // namespace s370::io
