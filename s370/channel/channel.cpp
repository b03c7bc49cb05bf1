// The channel subsystem: I/O instructions, channel programs, interruptions
// (Principles of Operation, chapters 12-13). See channel.h for the model.
#include "s370/channel/channel.h"

#include <algorithm>
#include <cstdio>

#include "s370/cpu.h"

namespace s370::io {

namespace {

// Permanent storage assignments (chapter 3): CSW, CAW, channel ID.
constexpr u32 kCsw = 0x40, kCswStatus = 0x44, kCaw = 0x48, kChannelId = 0xA8;

// Channel ID words for STORE CHANNEL ID (chapter 13): bits 0-3 give the
// channel type. Channel 0 is a byte multiplexer, the others block
// multiplexers, as on Hercules.
constexpr u32 kByteMultiplexer = 0x10000000, kBlockMultiplexer = 0x20000000;

constexpr u32 kBlock = 1u << Storage::kBlockShift;  // storage-key block, 2K

}  // namespace

// ---- The data path of one command -------------------------------------------------

// Walks the CCWs of a data chain for a device: counts, data chaining, skip,
// indirect data addressing, and the addressing and protection checks that
// stop a transfer (chapter 12, "Chaining", "Skipping", "Indirect Data
// Addressing", "Channel Status Conditions").
class ChainTransfer final : public Transfer {
 public:
  ChainTransfer(ChannelSubsystem& cs, ChannelSubsystem::Subchannel& sc) : cs_(cs), sc_(sc) { start_ida(); }

  u8 command() const override { return sc_.first.command; }
  u8 flags() const override { return sc_.last.flags; }
  u16 count() const override { return sc_.first.count; }
  bool chained() const override { return sc_.chained; }
  u8 previous() const override { return sc_.prev_command; }
  u32 put(const u8* data, u32 n) override { return move(const_cast<u8*>(data), n, true); }
  u32 get(u8* data, u32 n) override { return move(data, n, false); }
  void short_output() override { more_ = true; }

  // Residual count of the CCW in use, after the device returned.
  u16 residual() const { return static_cast<u16>(sc_.last.count - pos_); }
  bool more() const { return more_; }
  bool moved() const { return moved_; }

 private:
  u32 move(u8* p, u32 n, bool input);
  u32 move_storage(u8* p, u32 n, bool input);
  bool chain_data();
  void start_ida() {
    ida_next_ = sc_.last.data;
    ida_left_ = 0;
    ida_first_ = true;
  }
  bool next_idaw();
  void check(u8 bits) {
    sc_.chan |= bits;
    stopped_ = true;
  }

  ChannelSubsystem& cs_;
  ChannelSubsystem::Subchannel& sc_;
  u32 pos_ = 0;        // bytes of the CCW in use already transferred
  bool more_ = false;  // the device had (or wanted) more than the counts
  bool stopped_ = false;
  bool moved_ = false;
  // Indirect data addressing: the next IDAW and the piece of storage the
  // current one designates.
  u32 ida_next_ = 0;
  u32 ida_addr_ = 0;
  u32 ida_left_ = 0;
  bool ida_first_ = true;
};

u32 ChainTransfer::move(u8* p, u32 n, bool input) {
  moved_ = true;
  u32 done = 0;
  while (done < n && !stopped_) {
    if (pos_ == sc_.last.count) {
      // Count exhausted: data chaining fetches the next CCW; otherwise, on
      // input, the device has more than the program asked for (on output a
      // device that needs more says so with short_output()).
      if (sc_.last.flags & ccw::kChainData) {
        if (!chain_data()) stopped_ = true;
        continue;
      }
      if (input) more_ = true;
      break;
    }
    u32 k = std::min<u32>(n - done, sc_.last.count - pos_);
    // Skip: on input the data is counted but not placed in storage.
    if (!(input && (sc_.last.flags & ccw::kSkip))) k = move_storage(p + done, k, input);
    pos_ += k;
    done += k;
  }
  return done;
}

u32 ChainTransfer::move_storage(u8* p, u32 n, bool input) {
  Storage& st = cs_.storage_;
  const u8 key = sc_.key;
  u32 done = 0;
  while (done < n) {
    u32 addr, room;
    if (sc_.last.flags & ccw::kIndirect) {
      if (ida_left_ == 0 && !next_idaw()) return done;
      addr = ida_addr_;
      room = ida_left_;
    } else {
      addr = (sc_.last.data + pos_ + done) & kAddrMask;
      room = kBlock - (addr & (kBlock - 1));
    }
    const u32 k = std::min({n - done, room, kBlock - (addr & (kBlock - 1))});
    // Invalid data address: the location is not in storage (program check);
    // the key in the CAW must match the storage key, for fetches only when
    // the block is fetch protected (protection check).
    if (u64{addr} + k > st.size()) {
      check(chan::kProgramCheck);
      return done;
    }
    u8& skey = st.key(AbsAddr(addr));
    if (key != 0 && (skey >> 4) != key && (input || (skey & kKeyFetch))) {
      check(chan::kProtectionCheck);
      return done;
    }
    if (input) {
      st.write(AbsAddr(addr), p + done, k);
      skey |= kKeyRef | kKeyChange;
    } else {
      st.read(AbsAddr(addr), p + done, k);
      skey |= kKeyRef;
    }
    if (sc_.last.flags & ccw::kIndirect) {
      ida_addr_ += k;
      ida_left_ -= k;
    }
    done += k;
  }
  return done;
}

bool ChainTransfer::next_idaw() {
  // An IDAW is a word with a 24-bit address in bits 8-31; the first may
  // point anywhere, the others must point at the start of a 2K block; each
  // covers storage up to the end of its block ("Indirect Data Addressing").
  Storage& st = cs_.storage_;
  const u32 a = ida_next_ & kAddrMask;
  if ((a & 3) || a + 4 > st.size()) {
    check(chan::kProgramCheck);
    return false;
  }
  u8& skey = st.key(AbsAddr(a));
  if (sc_.key != 0 && (skey >> 4) != sc_.key && (skey & kKeyFetch)) {
    check(chan::kProtectionCheck);
    return false;
  }
  skey |= kKeyRef;
  u8 w[4];
  st.read(AbsAddr(a), w, 4);
  const u32 idaw = load_be32(w);
  if ((idaw >> 24) != 0 || (!ida_first_ && (idaw & (kBlock - 1)) != 0)) {
    check(chan::kProgramCheck);
    return false;
  }
  ida_first_ = false;
  ida_next_ = a + 4;
  ida_addr_ = idaw;
  ida_left_ = kBlock - (idaw & (kBlock - 1));
  return true;
}

bool ChainTransfer::chain_data() {
  // Data chaining (chapter 12, "Data Chaining"): the next CCW (possibly
  // through one TIC) continues the same operation; its command code is
  // ignored, its count, address and flags take over. A count of zero or
  // nonzero bits 38-39 in it is a program check that ends the operation.
  Ccw c;
  if (!cs_.fetch(sc_, (sc_.last.where + 8) & kAddrMask, c, true)) return false;
  if (c.count == 0 || (c.flags & ccw::kReserved)) {
    sc_.chan |= chan::kProgramCheck;
    return false;
  }
  sc_.last = c;
  pos_ = 0;
  start_ida();
  if ((c.flags & ccw::kPci) && !sc_.ipl) cs_.post_pci(sc_);
  return true;
}

// ---- Devices ---------------------------------------------------------------------

ChannelSubsystem::ChannelSubsystem(Storage& storage, EventQueue& events, Clock& clock)
    : storage_(storage), events_(events), clock_(clock) {}

ChannelSubsystem::~ChannelSubsystem() = default;

Device& ChannelSubsystem::add(std::unique_ptr<Device> device) {
  const u16 a = device->address();
  if (subs_.count(a)) {
    char b[8];
    std::snprintf(b, sizeof b, "%03X", a);
    throw DeviceError(std::string("device address ") + b + " is used twice");
  }
  device->connect(this);
  Subchannel& sc = subs_[a];
  sc.dev = std::move(device);
  return *sc.dev;
}

std::unique_ptr<Device> ChannelSubsystem::remove(u16 address) {
  auto it = subs_.find(address);
  if (it == subs_.end()) return nullptr;
  cancel(it->second);
  std::unique_ptr<Device> dev = std::move(it->second.dev);
  subs_.erase(it);
  dev->connect(nullptr);
  update_pending();
  return dev;
}

Device* ChannelSubsystem::find(u16 address) {
  auto it = subs_.find(address);
  return it == subs_.end() ? nullptr : it->second.dev.get();
}

std::vector<Device*> ChannelSubsystem::devices() {
  std::vector<Device*> v;
  for (auto& [a, sc] : subs_) v.push_back(sc.dev.get());
  return v;
}

ChannelSubsystem::Subchannel* ChannelSubsystem::sub(u16 address) {
  auto it = subs_.find(address);
  return it == subs_.end() ? nullptr : &it->second;
}

u64 ChannelSubsystem::now() const {
  return clock_.now_us(cpu_ ? cpu_->instructions() : 0);
}

// ---- The I/O instructions (chapter 13) ---------------------------------------------

int ChannelSubsystem::io_instruction(Cpu& cpu, IoOp op, u16 address) {
  Subchannel* sc = sub(address);
  // No device at the address: not operational.
  if (!sc) return 3;
  switch (op) {
    case IoOp::SIO:
    case IoOp::SIOF:  // SIOF may act as SIO ("Start I/O Fast Release")
      return start_io(cpu, *sc);
    case IoOp::TIO:
      return test_io(cpu, *sc);
    case IoOp::CLRIO:
      return clear_io(cpu, *sc);
    case IoOp::HIO:
    case IoOp::HDV:  // one subchannel per device: the two act alike
      return halt_io(cpu, *sc);
  }
  return 3;
}

int ChannelSubsystem::start_io(Cpu& cpu, Subchannel& sc) {
  // A subchannel working, or holding the status of a concluded operation:
  // condition code 2 ("Condition-Code Settings", state AIX/AWX).
  if (sc.state != State::Available) return 2;
  // An interruption condition held in the device: the status is stored
  // with busy, and the condition is cleared (condition code 1).
  if (sc.device_status) {
    cpu.real_write16(RealAddr(kCswStatus), static_cast<u16>((sc.device_status | unit::kBusy) << 8));
    sc.device_status = 0;
    update_pending();
    return 1;
  }
  const u32 caw = cpu.real_read32(RealAddr(kCaw));
  sc.ipl = false;
  const Start s = begin(sc, static_cast<u8>(caw >> 28), caw & kAddrMask, (caw & 0x0F000000) == 0);
  if (s == Start::Concluded && !chains(sc)) {
    // Concluded at initiation (a check in the CAW or first CCW, a command
    // rejected, or an immediate command without chaining): START I/O stores
    // the status portion of the CSW and sets condition code 1; nothing stays
    // pending. The PCI bit appears if the first CCW had the PCI flag.
    u8 chanst = sc.chan;
    if (sc.pci) chanst |= chan::kPci;
    sc.pci = false;
    sc.state = State::Available;
    // (Hercules gives condition code 0 and an interruption here instead;
    // docs/MACHINE.md.)
    cpu.real_write16(RealAddr(kCswStatus), static_cast<u16>((sc.unit << 8) | chanst));
    update_pending();
    return 1;
  }
  sc.state = State::Working;
  if (s != Start::Waiting) schedule_end(sc, sc.duration);
  update_pending();
  return 0;
}

int ChannelSubsystem::test_io(Cpu& cpu, Subchannel& sc) {
  switch (sc.state) {
    case State::Working:
      return 2;
    case State::Pending:
      // The status of the concluded operation: the whole CSW is stored and
      // the condition cleared.
      cpu.real_write64(RealAddr(kCsw), sc.final_csw.raw());
      sc.state = State::Available;
      update_pending();
      return 1;
    case State::Available:
      if (sc.device_status) {
        // Status held in the device: key, address and count are zero.
        cpu.real_write64(RealAddr(kCsw), Csw{0, 0, sc.device_status, 0, 0}.raw());
        sc.device_status = 0;
        update_pending();
        return 1;
      }
      return 0;
  }
  return 0;
}

int ChannelSubsystem::clear_io(Cpu& cpu, Subchannel& sc) {
  switch (sc.state) {
    case State::Working: {
      // The operation is terminated and the subchannel made available at
      // once; the CSW shows where the program was (condition code 1).
      cpu.real_write64(RealAddr(kCsw), Csw{sc.key, sc.next, 0, 0, sc.residual}.raw());
      cancel(sc);
      sc.state = State::Available;
      update_pending();
      return 1;
    }
    case State::Pending:
      cpu.real_write64(RealAddr(kCsw), sc.final_csw.raw());
      sc.state = State::Available;
      update_pending();
      return 1;
    case State::Available:
      // Status held in the device is not affected (state AAI: code 0).
      return 0;
  }
  return 0;
}

int ChannelSubsystem::halt_io(Cpu& cpu, Subchannel& sc) {
  switch (sc.state) {
    case State::Pending:
      // The subchannel holds an interruption for this device: nothing to
      // halt (condition code 0).
      return 0;
    case State::Working:
      // The device is signaled to terminate; data transfer stops, and the
      // subchannel stays working until the device ends, which gives an
      // interruption. The status portion of the CSW is stored as zeros.
      sc.halted = true;
      sc.dev->halt();
      if (sc.waiting) {
        sc.waiting = false;
        sc.unit = unit::kEnd;
        sc.chan = 0;
        sc.residual = sc.last.count;
        schedule_end(sc, 1);
      }
      cpu.real_write16(RealAddr(kCswStatus), 0);
      return 1;
    case State::Available:
      // The device is selected and told to stop what it is not doing:
      // condition code 1 with zeros in the status portion.
      cpu.real_write16(RealAddr(kCswStatus), 0);
      return 1;
  }
  return 0;
}

int ChannelSubsystem::test_channel(Cpu&, u8 channel) {
  bool any = false, pending = false;
  for (auto& [a, sc] : subs_) {
    if ((a >> 8) != channel) continue;
    any = true;
    // A multiplexer channel is interruption pending while any of its
    // subchannels is.
    if (sc.pci || sc.state == State::Pending) pending = true;
  }
  if (!any) return 3;
  return pending ? 1 : 0;
}

int ChannelSubsystem::store_channel_id(Cpu& cpu, u8 channel) {
  bool any = false;
  for (auto& [a, sc] : subs_)
    if ((a >> 8) == channel) any = true;
  if (!any) return 3;
  cpu.real_write32(RealAddr(kChannelId), channel == 0 ? kByteMultiplexer : kBlockMultiplexer);
  return 0;
}

int ChannelSubsystem::clear_channel(Cpu&, u8 channel) {
  // CLEAR CHANNEL: an I/O system reset of the addressed channel; every
  // operation on it ends and no interruption condition remains (condition
  // code 0), or the channel does not exist (3). No channel-available
  // interruption is generated here (docs/MACHINE.md).
  bool any = false;
  for (auto& [a, sc] : subs_)
    if ((a >> 8) == channel) any = true;
  if (!any) return 3;
  reset_channel(channel);
  return 0;
}

bool ChannelSubsystem::accept_io_interrupt(Cpu& cpu, u16& address) {
  // Among the channels the masks enable, the lowest-numbered channel first;
  // within a channel, the condition that arose first.
  Subchannel* best = nullptr;
  int kind = 0;  // 1 PCI, 2 final status, 3 device status
  u64 best_seq = 0;
  int best_channel = -1;
  for (auto& [a, sc] : subs_) {
    const int ch = a >> 8;
    if (best && ch != best_channel) break;
    if (!cpu.channel_enabled(static_cast<u8>(ch))) continue;
    auto consider = [&](int k, u64 seq) {
      if (!best || seq < best_seq) {
        best = &sc;
        kind = k;
        best_seq = seq;
        best_channel = ch;
      }
    };
    if (sc.pci) consider(1, sc.pci_seq);
    if (sc.state == State::Pending) consider(2, sc.final_seq);
    if (sc.state == State::Available && sc.device_status) consider(3, sc.device_seq);
  }
  if (!best) return false;
  switch (kind) {
    case 1: {
      // The PCI condition is carried along the chain: the CSW shows the CCW
      // in use now (+ 8) and any check found so far; the count is
      // unpredictable (zero, as Hercules), the unit status zero.
      const u8 checks = best->chan & (chan::kProgramCheck | chan::kProtectionCheck | chan::kChannelDataCheck);
      cpu.real_write64(
          RealAddr(kCsw),
          Csw{best->key, (best->last.where + 8) & kAddrMask, 0, u8(chan::kPci | checks), 0}.raw());
      best->pci = false;
      break;
    }
    case 2:
      cpu.real_write64(RealAddr(kCsw), best->final_csw.raw());
      best->state = State::Available;
      break;
    default:
      cpu.real_write64(RealAddr(kCsw), Csw{0, 0, best->device_status, 0, 0}.raw());
      best->device_status = 0;
      break;
  }
  address = best->dev->address();
  update_pending();
  return true;
}

// ---- Channel programs --------------------------------------------------------------

bool ChannelSubsystem::fetch(Subchannel& sc, u32 addr, Ccw& out, bool allow_tic) {
  // Fetches the CCW at addr, following one TRANSFER IN CHANNEL. The CSW
  // address becomes the CCW in question + 8 (the TIC's own for errors the
  // TIC causes). Checks ("Program Check", "Protection Check"): a CCW not in
  // storage, a TIC to an address not on a doubleword boundary, a TIC to a
  // TIC, a TIC as the CCW the CAW designates, and a CCW in a
  // fetch-protected block whose key differs from the CAW key.
  bool after_tic = false;
  for (;;) {
    addr &= kAddrMask;
    if (!after_tic) sc.next = (addr + 8) & kAddrMask;
    if ((addr & 7) || u64{addr} + 8 > storage_.size()) {
      sc.chan |= chan::kProgramCheck;
      return false;
    }
    u8& skey = storage_.key(AbsAddr(addr));
    if (sc.key != 0 && (skey & kKeyFetch) && (skey >> 4) != sc.key) {
      sc.next = (addr + 8) & kAddrMask;
      sc.chan |= chan::kProtectionCheck;
      return false;
    }
    skey |= kKeyRef;
    u8 b[8];
    storage_.read(AbsAddr(addr), b, 8);
    sc.next = (addr + 8) & kAddrMask;
    if ((b[0] & 0x0F) == ccw::kTic) {
      if (!allow_tic || after_tic) {
        sc.chan |= chan::kProgramCheck;
        return false;
      }
      after_tic = true;
      addr = load_be32(b) & kAddrMask;
      if (addr & 7) {
        sc.chan |= chan::kProgramCheck;
        return false;
      }
      continue;
    }
    out.command = b[0];
    out.data = load_be32(b) & kAddrMask;
    out.flags = b[4];
    out.count = load_be16(b + 6);
    out.where = addr;
    return true;
  }
}

ChannelSubsystem::Start ChannelSubsystem::begin(Subchannel& sc, u8 key, u32 addr, bool caw_valid) {
  sc.key = key;
  sc.halted = sc.waiting = sc.pci = false;
  sc.chained = false;
  sc.prev_command = 0;
  sc.unit = sc.chan = 0;
  sc.residual = 0;
  sc.first = sc.last = Ccw{};
  sc.next = (addr + 8) & kAddrMask;
  sc.dev->begin_program();
  // The CAW: bits 4-7 must be zero, the CCW address on a doubleword
  // boundary (program check).
  if (!caw_valid || (addr & 7)) {
    sc.chan = chan::kProgramCheck;
    return Start::Concluded;
  }
  return initiate(sc, addr, true);
}

ChannelSubsystem::Start ChannelSubsystem::initiate(Subchannel& sc, u32 addr, bool first) {
  sc.unit = sc.chan = 0;
  sc.immediate = true;
  Ccw c;
  // The CCW the CAW designates may not be a TIC.
  if (!fetch(sc, addr, c, !first)) return Start::Concluded;
  sc.first = sc.last = c;
  sc.residual = c.count;
  // Invalid command code (bits 4-7 zero), a count of zero, or bits 38-39
  // not zero: program check, the command is not started.
  if ((c.command & 0x0F) == 0 || c.count == 0 || (c.flags & ccw::kReserved)) {
    sc.chan = chan::kProgramCheck;
    return Start::Concluded;
  }
  // A PCI flag makes an interruption condition as the CCW takes effect (the
  // flag is ignored during IPL).
  if ((c.flags & ccw::kPci) && !sc.ipl) post_pci(sc);
  return execute(sc);
}

ChannelSubsystem::Start ChannelSubsystem::execute(Subchannel& sc) {
  ChainTransfer t(*this, sc);
  const Result r = sc.dev->execute(t);
  if (r.wait && !t.moved()) {
    sc.waiting = true;
    return Start::Waiting;
  }
  sc.waiting = false;
  sc.unit = r.status;
  sc.immediate = r.initial;
  const u8 f = sc.last.flags;
  if (r.initial) {
    // Nothing was transferred: the count is the original one, and incorrect
    // length is not indicated for an immediate operation.
    sc.residual = sc.last.count;
  } else {
    sc.residual = t.residual();
    // A program or protection check ended the transfer: that, not the
    // length, is what the CSW reports.
    if (sc.chan & (chan::kProgramCheck | chan::kProtectionCheck)) {
      sc.duration = std::max<u64>(1, r.duration_us);
      return Start::Running;
    }
    // Incorrect length ("Chaining", the table of actions on exhaustion of
    // count or receipt of channel end): the device ended before the count
    // was exhausted, or had more than the counts allowed. SLI suppresses
    // it unless data chaining is specified in the CCW in use.
    const bool short_count = sc.residual != 0 && ((f & ccw::kChainData) || !(f & ccw::kSuppressLength));
    const bool long_data = t.more() && !(f & ccw::kChainData) && !(f & ccw::kSuppressLength);
    if (short_count || long_data) sc.chan |= chan::kIncorrectLength;
  }
  sc.duration = std::max<u64>(1, r.duration_us);
  return r.initial ? Start::Concluded : Start::Running;
}

bool ChannelSubsystem::chains(const Subchannel& sc) const {
  // Command chaining: the CC flag of the CCW in use (ignored with CD), no
  // unusual condition in the channel (incorrect length included), and
  // channel end and device end alone, possibly with status modifier.
  if (sc.halted) return false;
  const u8 f = sc.last.flags;
  if (!(f & ccw::kChainCommand) || (f & ccw::kChainData)) return false;
  if (sc.chan != 0) return false;
  return (sc.unit & ~unit::kStatusModifier) == unit::kEnd;
}

void ChannelSubsystem::schedule_end(Subchannel& sc, u64 us) {
  if (sc.event) events_.cancel(sc.event);
  const u16 a = sc.dev->address();
  sc.event = events_.schedule(now() + std::max<u64>(us, 1), [this, a] { command_end(a); });
}

void ChannelSubsystem::command_end(u16 address) {
  Subchannel* scp = sub(address);
  if (!scp) return;
  Subchannel& sc = *scp;
  sc.event = 0;
  if (sc.state != State::Working || sc.waiting) return;
  if (!chains(sc)) {
    conclude(sc);
    return;
  }
  // Command chaining: status modifier skips one CCW (a search that is
  // satisfied skips its TIC back).
  u32 addr = sc.next;
  if (sc.unit & unit::kStatusModifier) addr = (addr + 8) & kAddrMask;
  sc.prev_command = sc.first.command;
  sc.chained = true;
  const Start s = initiate(sc, addr, false);
  if (s == Start::Waiting) return;
  if (s == Start::Concluded && sc.unit == 0) {
    // A check while starting the new command: the chain ends at once, with
    // neither channel end nor device end in the CSW.
    conclude(sc);
    return;
  }
  schedule_end(sc, sc.duration);
}

void ChannelSubsystem::conclude(Subchannel& sc) {
  Csw c{sc.key, sc.next, sc.unit, sc.chan, sc.residual};
  // A PCI not yet presented is presented with the final status.
  if (sc.pci) {
    c.chan |= chan::kPci;
    sc.pci = false;
  }
  if (sc.event) events_.cancel(sc.event);
  sc.event = 0;
  sc.final_csw = c;
  sc.final_seq = ++seq_;
  sc.state = State::Pending;
  update_pending();
}

void ChannelSubsystem::post_pci(Subchannel& sc) {
  // The PCI condition (chapter 12, "Program-Controlled Interruption"):
  // conditions are not stacked, a second PCI before the first is presented
  // makes no second interruption.
  if (!sc.pci) sc.pci_seq = ++seq_;
  sc.pci = true;
  update_pending();
}

void ChannelSubsystem::cancel(Subchannel& sc) {
  if (sc.event) events_.cancel(sc.event);
  sc.event = 0;
  sc.waiting = false;
  sc.pci = false;
  sc.dev->halt();
}

// ---- Machine support ---------------------------------------------------------------

void ChannelSubsystem::reset() {
  for (auto& [a, sc] : subs_) reset_subchannel(sc);
  update_pending();
}

void ChannelSubsystem::reset_channel(u8 channel) {
  for (auto& [a, sc] : subs_)
    if ((a >> 8) == channel) reset_subchannel(sc);
  update_pending();
}

void ChannelSubsystem::reset_subchannel(Subchannel& sc) {
  cancel(sc);
  sc.state = State::Available;
  sc.device_status = 0;
  sc.halted = false;
  sc.dev->reset();
}

bool ChannelSubsystem::start_ipl(u16 address) {
  Subchannel* sc = sub(address);
  if (!sc) return false;
  // The IPL CCW: READ 24 bytes into absolute 0, command chaining and SLI,
  // fetched from absolute 0 with key 0 ("Initial Program Loading").
  const u8 ipl_ccw[8] = {0x02, 0, 0, 0, ccw::kChainCommand | ccw::kSuppressLength, 0, 0, 24};
  storage_.write(AbsAddr(0), ipl_ccw, 8);
  sc->ipl = true;
  const Start s = begin(*sc, 0, 0, true);
  if (s == Start::Concluded && !chains(*sc)) {
    conclude(*sc);
    sc->ipl = false;
    return true;
  }
  sc->state = State::Working;
  if (s != Start::Waiting) schedule_end(*sc, sc->duration);
  return true;
}

bool ChannelSubsystem::start_direct(u16 address, u32 ccw, u8 key) {
  Subchannel* sc = sub(address);
  if (!sc || sc->state != State::Available || sc->device_status) return false;
  sc->ipl = false;
  const Start s = begin(*sc, key, ccw & kAddrMask, true);
  if (s == Start::Concluded && !chains(*sc)) {
    conclude(*sc);
    return true;
  }
  sc->state = State::Working;
  if (s != Start::Waiting) schedule_end(*sc, sc->duration);
  return true;
}

bool ChannelSubsystem::working(u16 address) {
  Subchannel* sc = sub(address);
  return sc && sc->state == State::Working;
}

bool ChannelSubsystem::take_final(u16 address, Csw& csw) {
  Subchannel* sc = sub(address);
  if (!sc || sc->state != State::Pending) return false;
  csw = sc->final_csw;
  sc->state = State::Available;
  sc->ipl = false;
  sc->pci = false;
  update_pending();
  return true;
}

bool ChannelSubsystem::interruption_pending() const {
  for (auto& [a, sc] : subs_)
    if (sc.pci || sc.state == State::Pending || (sc.state == State::Available && sc.device_status))
      return true;
  return false;
}

void ChannelSubsystem::update_pending() {
  if (cpu_) cpu_->set_io_pending(interruption_pending());
}

void ChannelSubsystem::poll_devices() {
  for (auto& [a, sc] : subs_) sc.dev->poll();
}

bool ChannelSubsystem::waiting_for_input() {
  for (auto& [a, sc] : subs_)
    if (sc.dev->waiting_for_input()) return true;
  return false;
}

void ChannelSubsystem::attention(u16 address, u8 status) {
  Subchannel* sc = sub(address);
  if (!sc || status == 0) return;
  // Status the device raises on its own is held in the device (stacked)
  // until its subchannel is available to present it.
  if (!sc->device_status) sc->device_seq = ++seq_;
  sc->device_status |= status;
  update_pending();
}

void ChannelSubsystem::ready(u16 address) {
  Subchannel* sc = sub(address);
  if (!sc || sc->state != State::Working || !sc->waiting) return;
  // Execute the waiting command again a moment later, on the CPU thread.
  events_.schedule(now() + 1, [this, address] {
    Subchannel* s = sub(address);
    if (!s || s->state != State::Working || !s->waiting) return;
    if (execute(*s) == Start::Waiting) return;
    schedule_end(*s, s->duration);
  });
}

}  // namespace s370::io
