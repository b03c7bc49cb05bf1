// The JSON configuration: what it accepts, and a one-line error naming the
// file for each malformed one.
#include "machine_fixture.h"
#include "s370/channel/config.h"

namespace s370::test {

namespace {

std::string error_of(const std::string& text) {
  try {
    parse_config(text, "m.json");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("configuration: the issue's example") {
  const MachineConfig mc = parse_config(R"({"mainsize": 16, "ipl": "00C",
 "devices": [
  {"address": "009", "type": "3215"},
  {"address": "00C", "type": "2540R", "file": "deck.bin", "mode": "ebcdic"},
  {"address": "00D", "type": "2540P", "file": "punch.bin"},
  {"address": "00E", "type": "1403",  "file": "print.txt"},
  {"address": "190", "type": "3350",  "file": "/abs/disk.ckd"},
  {"address": "0C0", "type": "3270", "model": 4}]})",
                                        "/etc/m/m.json");
  CHECK(mc.mainsize_mb == 16);
  CHECK(mc.ipl == u16{0x00C});
  REQUIRE(mc.devices.size() == 6);
  CHECK(mc.devices[1].file == "/etc/m/deck.bin");  // relative to the configuration
  CHECK(mc.devices[4].file == "/abs/disk.ckd");
  CHECK(mc.devices[5].address == 0x0C0);
  CHECK(mc.devices[5].model == 4);
  CHECK(mc.devices[0].model == 2);
}

TEST_CASE("configuration: each malformed configuration has its one-line error") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{", "m.json: not valid JSON: "},
      {"[]", "m.json: the configuration must be a JSON object"},
      {R"({"mainsize": 17})", "m.json: \"mainsize\" must be an integer from 1 to 16 (megabytes)"},
      {R"({"mainsize": "16"})", "m.json: \"mainsize\" must be an integer from 1 to 16 (megabytes)"},
      {R"({"ipl": 12})", "m.json: \"ipl\" must be a device address"},
      {R"({"ipl": "00C"})", "m.json: \"ipl\": no device at address 00C"},
      {R"({"disks": []})", "m.json: unknown key \"disks\""},
      {R"({"devices": {}})", "m.json: \"devices\" must be an array, not an object"},
      {R"({"devices": [3]})", "m.json: device 1: must be an object, not an integer"},
      {R"({"devices": [{"type": "3215"}]})", "m.json: device 1: needs \"address\""},
      {R"({"devices": [{"address": "XYZ", "type": "3215"}]})", "m.json: device 1: bad address \"XYZ\""},
      {R"({"devices": [{"address": "009", "type": "3215"}, {"address": "9", "type": "3215"}]})",
       "m.json: device 009: the address is used twice"},
      {R"({"devices": [{"address": "009"}]})", "m.json: device 009: needs \"type\""},
      {R"({"devices": [{"address": "009", "type": "3211"}]})",
       "m.json: device 009: unknown device type \"3211\""},
      {R"({"devices": [{"address": "00E", "type": "1403"}]})", "m.json: device 00E (1403): needs \"file\""},
      {R"({"devices": [{"address": "00E", "type": "1403", "file": ""}]})",
       "m.json: device 00E (1403): \"file\" must be a file name"},
      {R"({"devices": [{"address": "00E", "type": "1403", "file": "p", "mode": "ascii"}]})",
       "m.json: device 00E (1403): unknown key \"mode\""},
      {R"({"devices": [{"address": "00C", "type": "2540R", "file": "d", "mode": "utf8"}]})",
       "m.json: device 00C (2540R): \"mode\" must be"},
      {R"({"devices": [{"address": "00C", "type": "2540R", "file": "d", "eof": 1}]})",
       "m.json: device 00C (2540R): \"eof\" must be true or false"},
      {R"({"devices": [{"address": "0C0", "type": "3270", "model": 6}]})",
       "m.json: device 0C0 (3270): \"model\" must be 2, 3, 4 or 5"},
      {R"({"devices": [{"address": "0C0", "type": "3270", "model": 4294967298}]})",
       "m.json: device 0C0 (3270): \"model\" must be 2, 3, 4 or 5"},
  };
  for (const auto& [text, want] : cases) {
    CAPTURE(text);
    const std::string e = error_of(text);
    CHECK(e.rfind(want, 0) == 0);
    CHECK(e.find('\n') == std::string::npos);
  }
}

TEST_CASE("configuration: a missing deck or image names the configuration, the device and the file") {
  const MachineConfig mc =
      parse_config(R"({"devices": [{"address": "00C", "type": "2540R", "file": "/nonexistent/deck"},
    {"address": "190", "type": "3330", "file": "/nonexistent/disk"}]})",
                   "m.json");
  for (const DeviceConfig& dc : mc.devices) {
    try {
      make_device(mc, dc, Operator{});
      FAIL("attached");
    } catch (const ConfigError& e) {
      const std::string s = e.what();
      CHECK(s.rfind("m.json: device " + device_name(dc.address), 0) == 0);
      CHECK(s.find(dc.file) != std::string::npos);
    }
  }
  // A 3270 needs nothing from outside.
  const MachineConfig d = parse_config(R"({"devices": [{"address": "0C0", "type": "3270"}]})", "m.json");
  CHECK(make_device(d, d.devices[0], Operator{})->type() == "3270");
}

}  // namespace s370::test
