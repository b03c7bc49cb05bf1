// The S/370 channel subsystem (Principles of Operation, chapters 12 and 13):
// START I/O, START I/O FAST RELEASE, TEST I/O, CLEAR I/O, HALT I/O, HALT
// DEVICE, TEST CHANNEL and STORE CHANNEL ID; the CAW at X'48' and the CSW at
// X'40'; format-0 channel programs with command and data chaining, skipping,
// program-controlled interruptions, suppression of incorrect length,
// indirect data addressing and transfer in channel; the program, protection
// and incorrect-length checks; pending I/O interruptions presented by
// channel mask.
//
// The model: every device has a subchannel of its own (as on a byte
// multiplexer channel with unshared subchannels). A subchannel is available,
// working (a channel program runs) or interruption pending (its final status
// waits for the CPU); a device may also hold status of its own (attention),
// presented once its subchannel is available. Each command moves its data
// when it starts and ends after the time the device says it takes, as an
// event on the machine's EventQueue. docs/MACHINE.md lists the choices made
// where the Principles leave the model open.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "s370/channel/device.h"
#include "s370/channel/events.h"
#include "s370/clock.h"
#include "s370/host.h"
#include "s370/storage.h"

namespace s370 {
class Cpu;
}

namespace s370::io {

// A channel command word, format 0.
struct Ccw {
  u8 command = 0;
  u32 data = 0;  // data address (24 bits)
  u8 flags = 0;
  u16 count = 0;
  u32 where = 0;  // where the CCW was fetched
};

// An interruption condition as it appears in a CSW.
struct Csw {
  u8 key = 0;
  u32 address = 0;  // CCW address field: last CCW used + 8
  u8 unit = 0;
  u8 chan = 0;
  u16 count = 0;
  u64 raw() const {
    return (u64{key} << 60) | (u64{address & kAddrMask} << 32) | (u64{unit} << 24) | (u64{chan} << 16) |
           count;
  }
};

class ChainTransfer;

class ChannelSubsystem final : public Host, public DeviceEvents {
 public:
  ChannelSubsystem(Storage& storage, EventQueue& events, Clock& clock);
  ~ChannelSubsystem() override;

  // The Cpu is made after the channel subsystem (it needs the Host); it
  // gives the time and receives the I/O-pending hint.
  void attach_cpu(Cpu& cpu) { cpu_ = &cpu; }

  // Adds a device; throws DeviceError when the address is taken.
  Device& add(std::unique_ptr<Device> device);
  Device* find(u16 address);
  // Takes a device away (CP's DETACH): a channel program in progress is
  // cancelled and any interruption condition of it is dropped, as when
  // the device is switched off line. Null when there is no such device.
  std::unique_ptr<Device> remove(u16 address);
  std::vector<Device*> devices();

  // ---- Host: the I/O instructions ------------------------------------------
  int io_instruction(Cpu& cpu, IoOp op, u16 address) override;
  int test_channel(Cpu& cpu, u8 channel) override;
  int store_channel_id(Cpu& cpu, u8 channel) override;
  int clear_channel(Cpu& cpu, u8 channel) override;
  bool accept_io_interrupt(Cpu& cpu, u16& address) override;

  // ---- Machine support ---------------------------------------------------
  // I/O system reset: every subchannel available, every device reset, no
  // interruption pending.
  void reset();
  // I/O reset of the subchannels and devices of one channel.
  void reset_channel(u8 channel);
  // Starts the IPL channel program on `address` (a READ of 24 bytes at 0
  // with command chaining, from a CCW at absolute 0, key 0). False when the
  // device does not exist.
  bool start_ipl(u16 address);
  // Starts the channel program at `ccw` (protection key `key`) on
  // `address` with no I/O instruction and, at its end, no interruption:
  // CP's synchronous I/O for its guest (DIAGNOSE X'20'). The caller runs
  // the events until !working() and takes the status with take_final().
  // False when the device does not exist or its subchannel is not
  // available.
  bool start_direct(u16 address, u32 ccw, u8 key);
  // The device's channel program is still running.
  bool working(u16 address);
  // Takes the final status of a concluded channel program without an
  // interruption (the end of IPL). False if none is pending.
  bool take_final(u16 address, Csw& csw);
  // Any interruption condition pending, whatever the masks.
  bool interruption_pending() const;
  // Polls every device for outside input (between CPU slices).
  void poll_devices();
  bool waiting_for_input();

  // ---- DeviceEvents ---------------------------------------------------------
  void attention(u16 address, u8 status) override;
  void ready(u16 address) override;

  // Machine time now, in microseconds.
  u64 now() const;

 private:
  friend class ChainTransfer;

  enum class State : u8 { Available, Working, Pending };

  struct Subchannel {
    std::unique_ptr<Device> dev;
    State state = State::Available;
    // The channel program.
    u8 key = 0;
    bool ipl = false;
    bool halted = false;
    bool waiting = false;  // the device answered wait
    Ccw first;             // first CCW of the current command (a data chain)
    Ccw last;              // CCW now in use (last of the data chain so far)
    u32 next = 0;          // CCW address for the CSW: CCW in question + 8
    u8 prev_command = 0;
    bool chained = false;  // the current command came by command chaining
    EventQueue::Id event = 0;
    // The result of the current command, acted on when it ends.
    u8 unit = 0;
    u8 chan = 0;
    u16 residual = 0;
    bool immediate = false;
    u64 duration = 1;  // machine time the current command takes
    // Interruption conditions, with the order they arose in.
    Csw final_csw;
    u64 final_seq = 0;
    bool pci = false;
    u64 pci_seq = 0;
    u8 device_status = 0;  // status held in the device (attention...)
    u64 device_seq = 0;
  };

  // What starting one command (or failing to) came to.
  enum class Start : u8 {
    Running,    // the command runs; its end is an event
    Waiting,    // the device waits for outside input
    Concluded,  // concluded at initiation: check, rejection or immediate command
  };

  Subchannel* sub(u16 address);
  int start_io(Cpu& cpu, Subchannel& sc);
  int test_io(Cpu& cpu, Subchannel& sc);
  int clear_io(Cpu& cpu, Subchannel& sc);
  int halt_io(Cpu& cpu, Subchannel& sc);

  // Begins a channel program at CCW address `addr` with `key`.
  Start begin(Subchannel& sc, u8 key, u32 addr, bool caw_valid);
  // Fetches the CCW at addr (after a TIC unless it is the first CCW),
  // validates it and starts the command.
  Start initiate(Subchannel& sc, u32 addr, bool first);
  Start execute(Subchannel& sc);
  // Fetches a CCW, following a TIC when allowed; returns false with
  // sc.chan set on a check.
  bool fetch(Subchannel& sc, u32 addr, Ccw& out, bool allow_tic);
  // The current command ended: chain or conclude.
  void command_end(u16 address);
  bool chains(const Subchannel& sc) const;
  void conclude(Subchannel& sc);
  void schedule_end(Subchannel& sc, u64 us);
  void post_pci(Subchannel& sc);
  void update_pending();
  void cancel(Subchannel& sc);
  void reset_subchannel(Subchannel& sc);

  Storage& storage_;
  EventQueue& events_;
  Clock& clock_;
  Cpu* cpu_ = nullptr;
  std::map<u16, Subchannel> subs_;
  u64 seq_ = 0;
};

}  // namespace s370::io
