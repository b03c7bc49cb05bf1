// The interface between the channel subsystem and the I/O devices
// (Principles of Operation, chapter 12, "Input/Output Operations"). A device
// is shaped like the channel that drives it: it is offered one command at a
// time, moves its data through a Transfer that hides data chaining, skipping
// and storage checks, and answers with unit status. It can be halted, reset,
// and can raise status of its own (attention). Devices never block and own
// no threads: a command that cannot proceed (a console read with no input)
// answers "wait" and the device calls DeviceEvents::ready() later.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "s370/types.h"

namespace s370::io {

// Unit status, CSW bits 32-39 (chapter 13, "Unit Status Conditions").
namespace unit {
inline constexpr u8 kAttention = 0x80;
inline constexpr u8 kStatusModifier = 0x40;
inline constexpr u8 kControlUnitEnd = 0x20;
inline constexpr u8 kBusy = 0x10;
inline constexpr u8 kChannelEnd = 0x08;
inline constexpr u8 kDeviceEnd = 0x04;
inline constexpr u8 kUnitCheck = 0x02;
inline constexpr u8 kUnitException = 0x01;
inline constexpr u8 kEnd = kChannelEnd | kDeviceEnd;
}  // namespace unit

// Channel status, CSW bits 40-47 ("Channel Status Conditions").
namespace chan {
inline constexpr u8 kPci = 0x80;
inline constexpr u8 kIncorrectLength = 0x40;
inline constexpr u8 kProgramCheck = 0x20;
inline constexpr u8 kProtectionCheck = 0x10;
inline constexpr u8 kChannelDataCheck = 0x08;
inline constexpr u8 kChannelControlCheck = 0x04;
inline constexpr u8 kInterfaceControlCheck = 0x02;
inline constexpr u8 kChainingCheck = 0x01;
}  // namespace chan

// CCW flags, bits 32-37 of a format-0 CCW ("Channel Command Word").
namespace ccw {
inline constexpr u8 kChainData = 0x80;
inline constexpr u8 kChainCommand = 0x40;
inline constexpr u8 kSuppressLength = 0x20;
inline constexpr u8 kSkip = 0x10;
inline constexpr u8 kPci = 0x08;
inline constexpr u8 kIndirect = 0x04;
inline constexpr u8 kReserved = 0x03;  // bits 38-39 must be zero
inline constexpr u8 kTic = 0x08;       // command code of TRANSFER IN CHANNEL
}  // namespace ccw

// Sense byte 0, common to most devices ("Basic Sense").
namespace sense {
inline constexpr u8 kCommandReject = 0x80;
inline constexpr u8 kInterventionRequired = 0x40;
inline constexpr u8 kBusOutCheck = 0x20;
inline constexpr u8 kEquipmentCheck = 0x10;
inline constexpr u8 kDataCheck = 0x08;
inline constexpr u8 kOverrun = 0x04;
}  // namespace sense

// The data path of one command, as the device sees it. The channel walks
// data-chained CCWs, skips, checks addresses and keys behind it; the device
// only moves bytes.
class Transfer {
 public:
  virtual ~Transfer() = default;
  // The command code of the operation (of the first CCW of a data chain).
  virtual u8 command() const = 0;
  // Flags of the CCW now in use.
  virtual u8 flags() const = 0;
  // The count of the first CCW.
  virtual u16 count() const = 0;
  // Whether this command was reached by command chaining, and the command
  // that preceded it in the chain (0 when first).
  virtual bool chained() const = 0;
  virtual u8 previous() const = 0;
  // Input (read, sense): moves up to n bytes toward storage. Returns how many
  // the channel took; fewer when the counts of the chain ran out (the
  // device had more: incorrect length unless suppressed) or a program or
  // protection check stopped the transfer.
  virtual u32 put(const u8* data, u32 n) = 0;
  // Output (write, control): fetches up to n bytes from storage. Returns how
  // many there were; fewer when the chain ran out or a check stopped it.
  virtual u32 get(u8* data, u32 n) = 0;
  // The device needed more output data than the counts provided
  // (incorrect length unless suppressed).
  virtual void short_output() = 0;
};

// What a device answers for one command.
struct Result {
  u8 status = 0;         // unit status
  bool initial = false;  // presented as initial status: no data moved (an
                         // immediate command, or a command rejected at once)
  bool wait = false;     // cannot proceed yet: call execute() again after ready()
  u64 duration_us = 1;   // machine time the command takes

  static Result end(u64 us = 1) { return Result{unit::kEnd, false, false, us}; }
  static Result immediate(u64 us = 1) { return Result{unit::kEnd, true, false, us}; }
  static Result pending() { return Result{0, false, true, 0}; }
};

// What the channel subsystem offers devices: status they raise on their own,
// and the end of a wait.
class DeviceEvents {
 public:
  virtual ~DeviceEvents() = default;
  // Unsolicited status (attention, device end after becoming ready).
  virtual void attention(u16 address, u8 status) = 0;
  // A command that answered wait can now be executed again.
  virtual void ready(u16 address) = 0;
};

class Device {
 public:
  explicit Device(u16 address) : address_(address) {}
  virtual ~Device() = default;
  Device(const Device&) = delete;
  Device& operator=(const Device&) = delete;

  u16 address() const { return address_; }
  // The device type as the configuration names it ("3215", "2540R"...).
  virtual std::string_view type() const = 0;

  void connect(DeviceEvents* events) { events_ = events; }

  // A channel program starts on the device (START I/O or IPL).
  virtual void begin_program() {}
  // Executes one command; all its data moves through `t` before it returns.
  virtual Result execute(Transfer& t) = 0;
  // HALT I/O, HALT DEVICE, CLEAR I/O: the current operation is terminated.
  virtual void halt() {}
  // I/O system reset (IPL, system reset).
  virtual void reset() {}
  // Called between slices of CPU time: look for outside input.
  virtual void poll() {}
  // True while a command waits for input from outside (a console read):
  // the machine may then block for input instead of ending an idle run.
  virtual bool waiting_for_input() const { return false; }

 protected:
  DeviceEvents* events() const { return events_; }

 private:
  u16 address_;
  DeviceEvents* events_ = nullptr;
};

// A device that is not ready for use: the configuration names the file and
// what is wrong in one line.
struct DeviceError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace s370::io
