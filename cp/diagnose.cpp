// DIAGNOSE (X'83'), the paravirtual interface CP offers its guests, with
// the register conventions of VM/370 Release 6 (System Programmer's Guide,
// "DIAGNOSE Instruction in a Virtual Machine"; docs/CP.md lists each code).
// The function code is the second-operand address; Rx and Ry are the R1
// and R3 fields. Addresses the guest gives are its real addresses. A code
// CP does not know, or registers that break a code's rules, are a
// specification exception, as in VM/370.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "cp/virtual_machine.h"
#include "s370/asm/asm.h"
#include "s370/channel/dasd.h"
#include "s370/channel/ebcdic.h"

namespace cp {

namespace {

// The guest's real storage, bytes at a time (prefixing applied; an
// address outside its storage is an addressing exception).
u8 read_byte(s370::Cpu& cpu, u32 real) {
  const s370::AbsAddr a = cpu.real_to_abs(s370::RealAddr(real & s370::kAddrMask));
  if (!cpu.storage().valid(a)) cpu.program_check(s370::pgm::kAddressing);
  return *cpu.storage().ptr_for_read(a);
}

void store_bytes(s370::Cpu& cpu, u32 real, const std::vector<u8>& bytes) {
  for (std::size_t i = 0; i < bytes.size(); i++) cpu.real_write8(s370::RealAddr(real + static_cast<u32>(i)), bytes[i]);
}

std::vector<u8> ebcdic(const std::string& s, std::size_t width) {
  std::string t = s.substr(0, width);
  t.resize(width, ' ');
  return s370::io::to_ebcdic(t);
}

void append(std::vector<u8>& out, u64 v, int bytes) {
  for (int i = bytes - 1; i >= 0; i--) out.push_back(static_cast<u8>(v >> (8 * i)));
}

}  // namespace

// VM/370's device class and type codes (VDEVTYPC, VDEVTYPE; the CP Data
// Areas manual): terminals X'80' (3215 X'10', 3270 graf X'04'), unit
// record input X'40' (2540 reader X'08'), output X'20' (2540 punch X'08',
// 1403 X'41'), DASD X'04' (3330 X'01', 3350 X'08'); model in the third byte.
DeviceCodes device_codes(std::string_view type) {
  if (type == "3215") return {0x80, 0x10, 0};
  if (type == "3270") return {0x40 | 0x80, 0x04, 2};
  if (type == "2540R") return {0x40, 0x08, 0};
  if (type == "2540P") return {0x20, 0x08, 0};
  if (type == "1403") return {0x20, 0x41, 0};
  if (type == "3330") return {0x04, 0x01, 1};
  if (type == "3350") return {0x04, 0x08, 0};
  return {0, 0, 0};
}

bool VirtualMachine::diagnose(s370::Cpu& cpu, int rx, int ry, u32 address) {
  // The time in CP of a DIAGNOSE the assist let reach CP directly (with
  // it off, privileged() measures the whole trap).
  const bool own = !emulating_;
  const Sample t0 = own ? sample_start() : Sample{};
  host_call(diag_);
  const bool r = diagnose_code(cpu, rx, ry, address);
  if (own) add_time(diag_, t0);
  return r;
}

bool VirtualMachine::diagnose_code(s370::Cpu& cpu, int rx, int ry, u32 address) {
  const u32 code = address & 0xFFFF;
  u32& x = cpu.gpr[rx];
  u32& y = cpu.gpr[ry];
  switch (code) {
    case 0x00: {
      // Store extended-identification code: Rx the buffer (doubleword
      // aligned), Ry its length. Stored: the system name, version, level
      // and PLC, the version code of STORE CPU ID, the MCEL length, the
      // CPU address, the userid, the program-product bit map: as much of
      // the 32 bytes as Ry allows.
      if (x & 7) return false;
      std::vector<u8> id = ebcdic("VM/370", 8);
      append(id, 0x060000, 3);  // Release 6, level 0, PLC 0
      append(id, 0xFD, 1);      // STIDP's version code on this machine
      append(id, 0, 2);         // MCEL length
      append(id, 0, 2);         // CPU address (STAP)
      const std::vector<u8> user = ebcdic(userid_, 8);
      id.insert(id.end(), user.begin(), user.end());
      append(id, 0, 8);  // program products: none
      if (y < id.size()) id.resize(y);
      store_bytes(cpu, x, id);
      return true;
    }
    case 0x08: {
      // Virtual console function: a CP command. Rx the command text, Ry its
      // length (up to 132) with flags in the high-order byte: X'40' asks
      // for the response in a buffer (Rx+1 its address, Ry+1 its length up
      // to 8192; on return Ry+1 the response's length, cc 1 if it did not
      // fit). Ry gets CP's return code. Length 0 enters CP (console) mode.
      // CP runs the command outside the machine: the machine stops here
      // (hold) and CP completes the instruction (System::diag08).
      const u32 len = y & 0xFFFFFF;
      const bool response = (y & 0x40000000) != 0;
      if (len > 132) return false;
      std::string text;
      for (u32 i = 0; i < len; i++) text += static_cast<char>(read_byte(cpu, x + i));
      CpRequest req;
      req.text = s370::io::to_ascii(reinterpret_cast<const u8*>(text.data()), text.size());
      req.ry = ry;
      req.enter_cp = len == 0;
      if (response) {
        req.response = true;
        req.buffer = cpu.gpr[(rx + 1) & 15] & s370::kAddrMask;
        req.buffer_len = std::min<u32>(cpu.gpr[(ry + 1) & 15], 8192);
        // The buffer must be the guest's own storage: an addressing
        // exception now, not a surprise when CP answers.
        if (req.buffer_len) {
          read_byte(cpu, req.buffer);
          read_byte(cpu, req.buffer + req.buffer_len - 1);
        }
      }
      if (!cp_commands_) {
        // No command processor (a machine of s370run --vm): every command
        // is unknown, return code 1, as CP answers one it does not know.
        y = 1;
        if (response) cpu.gpr[(ry + 1) & 15] = 0;
        cpu.psw.cc = 0;
        return true;
      }
      cp_request_ = std::move(req);
      hold();
      return true;
    }
    case 0x0C: {
      // Pseudo timer: at Rx (doubleword aligned) 32 bytes: the date
      // mm/dd/yy and time hh:mm:ss in EBCDIC (the guest's TOD clock,
      // UTC), then the virtual and the total CPU time in microseconds.
      if (x & 7) return false;
      const u64 us = cpu.tod_clock() >> 12;  // since 1900-01-01
      const std::time_t t = static_cast<std::time_t>(us / 1000000 - s370::kEpoch1900To1970);
      std::tm tm{};
      gmtime_r(&t, &tm);
      char buf[64];
      std::snprintf(buf, sizeof buf, "%02d/%02d/%02d%02d:%02d:%02d", (tm.tm_mon + 1) % 100, tm.tm_mday % 100,
                    tm.tm_year % 100, tm.tm_hour % 100, tm.tm_min % 100, tm.tm_sec % 100);
      std::vector<u8> area = s370::io::to_ebcdic(std::string(buf, 16));
      // CPU time: one microsecond per instruction run for the guest (the
      // deterministic clock's measure), CP's traps included in the total.
      const u64 total = cpu.instructions(), virt = total - emulated_;
      append(area, virt, 8);
      append(area, total, 8);
      store_bytes(cpu, x, area);
      return true;
    }
    case 0x10: {
      // Release pages: Rx the first page, Ry the last (4K boundaries);
      // they read as zeros afterwards and their memory is given back (a
      // page of a saved system is no longer mapped). The storage tells
      // the Cpu, which drops what its TLB held of them.
      if ((x & 0xFFF) || (y & 0xFFF) || (x & s370::kAddrMask) > (y & s370::kAddrMask)) return false;
      for (u32 p = x & s370::kAddrMask; p <= (y & s370::kAddrMask); p += 0x1000) {
        const s370::AbsAddr a = cpu.real_to_abs(s370::RealAddr(p));
        if (!storage_.valid(a)) cpu.program_check(s370::pgm::kAddressing);
        storage_.release(a.v >> s370::Storage::kFrameShift);
      }
      return true;
    }
    case 0x18:
      return diag18(cpu, rx, ry);
    case 0x20: {
      // General I/O: Rx the device, Ry a channel program (CCWs in the
      // guest's real storage, key 0), run to its end before DIAGNOSE
      // completes, with no interruption. cc 0 done; cc 1 with R15 = 1 no
      // such device, 5 busy; cc 2 with R15 = 2 unit exception, 3 wrong
      // length; cc 3 with R15 = 13 unit check.
      const u16 dev = static_cast<u16>(x);
      u32& r15 = cpu.gpr[15];
      if (!channels_.find(dev)) {
        r15 = 1;
        cpu.psw.cc = 1;
        return true;
      }
      s370::io::Csw csw;
      switch (run_direct(cpu, dev, y & s370::kAddrMask, csw)) {
        case Direct::Busy:
          r15 = 5;
          cpu.psw.cc = 1;
          return true;
        case Direct::Hung:
          r15 = 13;
          cpu.psw.cc = 3;
          return true;
        case Direct::Done:
          break;
      }
      namespace u = s370::io::unit;
      namespace c = s370::io::chan;
      if ((csw.unit & u::kUnitCheck) || (csw.chan & ~(c::kPci | c::kIncorrectLength))) {
        r15 = 13;  // a unit check, or a check of the channel (program, protection...)
        cpu.psw.cc = 3;
      } else if (csw.unit & u::kUnitException) {
        r15 = 2;
        cpu.psw.cc = 2;
      } else if (csw.chan & c::kIncorrectLength) {
        r15 = 3;
        cpu.psw.cc = 2;
      } else {
        cpu.psw.cc = 0;
      }
      return true;
    }
    case 0x24: {
      // Device type and features: Rx a device address (or -1: the
      // console, whose address is then returned in Rx). Ry: virtual
      // class, type, status, flags; Ry+1: the real device's class, type,
      // model, features. cc 0; cc 3 no such device. The class and type
      // codes are VM/370's VDEVTYPC/VDEVTYPE values (docs/CP.md).
      s370::io::Device* dev = nullptr;
      if (x == 0xFFFFFFFF) {
        for (s370::io::Device* d : channels_.devices())
          if (d->type() == "3215") {
            dev = d;
            break;
          }
        if (dev) x = dev->address();
      } else {
        dev = channels_.find(static_cast<u16>(x));
      }
      if (!dev) {
        cpu.psw.cc = 3;
        return true;
      }
      const DeviceCodes dc = device_codes(dev->type());
      y = u32{dc.cls} << 24 | u32{dc.type} << 16;
      DeviceCodes real = dc;
      if (dev->type() == "3215") {
        // The virtual console's real device is the user's terminal (R6
        // gave its RDEVBLOK's codes): a 3270 display, its model from its
        // size (3278-2 24 rows, -3 32, -4 43, -5 27), or the typewriter.
        const int rows = real_console_rows_.load(std::memory_order_relaxed);
        if (rows > 0) {
          real = device_codes("3270");
          real.model = rows == 32 ? 3 : rows == 43 ? 4 : rows == 27 ? 5 : 2;
        }
      }
      cpu.gpr[(ry + 1) & 15] = u32{real.cls} << 24 | u32{real.type} << 16 | u32{real.model} << 8;
      cpu.psw.cc = 0;
      return true;
    }
    case 0x5C: {
      // Error-message editing: Rx the message `DMSxxxnnnE text`, Ry its
      // length, edited by SET EMSG: ON unchanged, CODE the 10-character
      // code, TEXT the text after it, OFF nothing (length 0).
      switch (emsg_) {
        case Emsg::On:
          break;
        case Emsg::Off:
          y = 0;
          break;
        case Emsg::Code:
          if (y > 10) y = 10;
          break;
        case Emsg::Text:
          if (y > 11) {
            x += 11;
            y -= 11;
          } else {
            y = 0;
          }
          break;
      }
      return true;
    }
    case 0x64: {
      // Named segments: Rx the name (8 bytes, EBCDIC, blank-padded, on a
      // doubleword), Ry the subcode: X'00' LOADSYS shared, X'04' LOADSYS
      // not shared, X'08' PURGESYS, X'0C' FINDSYS. CP answers outside the
      // machine, as for X'08' (System::diag64 has the results).
      if ((x & 7) || (y != 0 && y != 4 && y != 8 && y != 0x0C)) return false;
      std::string name;
      for (u32 i = 0; i < 8; i++) name += static_cast<char>(s370::io::to_ascii(read_byte(cpu, x + i)));
      while (!name.empty() && name.back() == ' ') name.pop_back();
      if (!cp_commands_) {
        // No CP with saved systems (s370run --vm): not found.
        y = 44;
        cpu.psw.cc = 2;
        return true;
      }
      CpRequest req;
      req.text = name;
      req.segment = static_cast<int>(y);
      req.rx = rx;
      req.ry = ry;
      cp_request_ = std::move(req);
      hold();
      return true;
    }
    case 0x58: {
      // 3270 virtual console interface (VM/370 R6 System Programmer's
      // Guide, DIAGNOSE X'58'; the full-screen CCWs as VM/SP added them):
      // Rx the first CCW (a doubleword), Ry the console's address. Each
      // CCW is op, data address, flags, a control byte, count:
      //   X'19' display: the data (EBCDIC, SF orders allowed) in CP's
      //         output area from line ctl&X'3F', the area erased first
      //         with X'80'; ctl X'FF' clears it, X'FE' redraws CP's whole
      //         screen (and ends full-screen use);
      //   X'29' full-screen write: WCC and orders; ctl X'80' ERASE/WRITE,
      //         X'C0' ERASE/WRITE ALTERNATE, else WRITE; X'10' with them:
      //         PA1 is the guest's, not CP's;
      //   X'2A' full-screen read: ctl X'80' READ MODIFIED, else READ
      //         BUFFER, into the data address, at most count bytes; the
      //         CSW (X'40') then has the residual count.
      // Command chaining goes on to the next CCW, data chaining gathers a
      // write's data. CP does the I/O outside the machine (System::diag58);
      // cc 0 done, cc 1 the CSW has a unit check (a CCW CP does not know),
      // cc 3 not the console, or no display behind it.
      if (x & 7) return false;
      s370::io::Device* dev = channels_.find(static_cast<u16>(y & 0xFFFF));
      if (!dev || dev->type() != "3215" || !cp_commands_) {
        cpu.psw.cc = 3;
        return true;
      }
      CpRequest req;
      req.screen = true;
      req.rx = rx;
      req.ry = ry;
      u32 a = x & s370::kAddrMask;
      constexpr std::size_t kMaxData = 16384;
      for (int n = 0; n < 64; n++, a += 8) {
        ScreenOp op;
        op.ccw = a;
        op.op = read_byte(cpu, a);
        op.address = u32{read_byte(cpu, a + 1)} << 16 | u32{read_byte(cpu, a + 2)} << 8 | read_byte(cpu, a + 3);
        u8 flags = read_byte(cpu, a + 4);
        op.ctl = read_byte(cpu, a + 5);
        op.count = u32{read_byte(cpu, a + 6)} << 8 | read_byte(cpu, a + 7);
        if (op.op != 0x2A) {
          // A write's data, its data chain followed (the chained CCWs
          // give only address and count).
          u32 da = op.address, dc = op.count;
          for (int m = 0; m < 64; m++) {
            for (u32 i = 0; i < dc && op.data.size() < kMaxData; i++) op.data.push_back(read_byte(cpu, da + i));
            if (!(flags & 0x80)) break;
            a += 8;
            da = u32{read_byte(cpu, a + 1)} << 16 | u32{read_byte(cpu, a + 2)} << 8 | read_byte(cpu, a + 3);
            flags = read_byte(cpu, a + 4);
            dc = u32{read_byte(cpu, a + 6)} << 8 | read_byte(cpu, a + 7);
          }
        }
        req.screen_ops.push_back(std::move(op));
        if (!(flags & 0x40)) break;
      }
      cp_request_ = std::move(req);
      hold();
      return true;
    }
    case 0x370:
      // This CP's own code (not IBM's): assemble a program for CMS's
      // ASSEMBLE command (docs/CMS.md), since no IBM assembler is here.
      if (x & 7) return false;
      return diag370(cpu, x & s370::kAddrMask);
    case 0x60:
      // Virtual storage size, in bytes, to Rx.
      x = defined_size_;
      return true;
    default:
      return false;
  }
}

// A channel program run to its end for CP's synchronous I/O (DIAGNOSE
// X'18' and X'20'): machine time passes to each device event, and a
// program that never ends (a TIC loop) is halted, as HALT I/O would, after
// 100,000 events, so that it cannot hold CP.
VirtualMachine::Direct VirtualMachine::run_direct(s370::Cpu& cpu, u16 dev, u32 program, s370::io::Csw& csw) {
  if (!channels_.start_direct(dev, program, 0)) return Direct::Busy;
  s370::Clock& clock = cpu.clock();
  int budget = 100000, halts = 0;
  while (channels_.working(dev)) {
    const u64 next = events_.next_time();
    if (next == s370::io::EventQueue::kNever) break;  // a device that waits for input
    if (--budget == 0) {
      if (halts++ == 3) break;  // it would not stop: cc 3 below
      channels_.io_instruction(cpu, s370::IoOp::HIO, dev);
      budget = 1000;  // the halt's own end
    }
    // The machine's time passes to the device's next event (the host's
    // clock: the event is fired now, the guest waiting for nothing).
    if (clock.deterministic()) clock.idle_until(next, cpu.instructions());
    events_.run_due(std::max(next, clock.now_us(cpu.instructions())));
  }
  if (channels_.working(dev) || !channels_.take_final(dev, csw)) return Direct::Hung;
  return Direct::Done;
}

// DIAGNOSE X'18': standard DASD I/O, CMS's disk interface (R6 System
// Programmer's Guide). Rx the virtual disk, Ry a channel program of the
// standard shape, record after record: SEEK (6 bytes BBCCHH), optionally
// SET SECTOR, SEARCH ID EQUAL (5 bytes CCHHR), TIC back to the SEARCH, then
// READ DATA or WRITE DATA (up to 2048 bytes), command-chained to the next
// record's SEEK (or SEARCH, the head unchanged). R15 = the number of READ
// and WRITE CCWs. CP checks the program before it starts: cc 1 with R15 =
// 1 no such device, 2 not a disk, 3 a write to a read-only disk, 4 a
// cylinder beyond the minidisk, 5 busy; cc 2 with R15 = 5 a CCW not on a
// doubleword, 6 a seek or search argument outside storage, 7 a command
// not of the shape, 8 a count of 0, 9 a count over 2048, 10 a buffer
// outside storage, 11 R15 not the number of READs and WRITEs, 12 a search
// for another cylinder than the seek's; then runs it to its end with no
// interruption: cc 0, or cc 3 with R15 = 13 an error of the device.
bool VirtualMachine::diag18(s370::Cpu& cpu, int rx, int ry) {
  const u16 dev = static_cast<u16>(cpu.gpr[rx]);
  u32& r15 = cpu.gpr[15];
  auto fail = [&](int cc, u32 code) {
    r15 = code;
    cpu.psw.cc = static_cast<u8>(cc);
    return true;
  };
  s370::io::Device* d = channels_.find(dev);
  if (!d) return fail(1, 1);
  auto* disk = dynamic_cast<s370::io::CkdDasd*>(d);
  if (!disk) return fail(1, 2);
  const u32 size = storage_.size();
  auto fetch = [&](u32 a, u8* out, u32 n) {
    if (u64{a} + n > size) return false;
    for (u32 i = 0; i < n; i++) out[i] = read_byte(cpu, a + i);
    return true;
  };
  const u32 want = r15;
  u32 ccw_addr = cpu.gpr[ry] & s370::kAddrMask;
  u32 data_ccws = 0;
  u16 seek_cyl = 0;
  bool have_seek = false, writes = false;
  // Walk the chain as the channel will, checking each CCW (at most 4096
  // of them: a chain that loops is refused as not of the shape).
  for (int steps = 0;; steps++) {
    if (steps > 4096) return fail(2, 7);
    if (ccw_addr & 7) return fail(2, 5);
    u8 c[8];
    if (!fetch(ccw_addr, c, 8)) return fail(2, 6);
    const u8 op = c[0];
    const u32 addr = (u32{c[1]} << 16 | u32{c[2]} << 8 | c[3]) & s370::kAddrMask;
    const u8 flags = c[4];
    const u16 count = static_cast<u16>(c[6] << 8 | c[7]);
    if (op == 0x08) {  // TIC: to the SEARCH before it
      ccw_addr = addr;
      continue;
    }
    if (op == 0x07 || op == 0x1B) {  // SEEK, SEEK HEAD
      u8 arg[6];
      if (!fetch(addr, arg, 6)) return fail(2, 6);
      const u16 cyl = static_cast<u16>(arg[2] << 8 | arg[3]);
      if (op == 0x1B && have_seek && cyl != seek_cyl) return fail(2, 12);
      if (cyl >= disk->image().cylinders()) return fail(1, 4);
      seek_cyl = cyl;
      have_seek = true;
    } else if (op == 0x23) {  // SET SECTOR
      u8 arg;
      if (!fetch(addr, &arg, 1)) return fail(2, 6);
    } else if (op == 0x31) {  // SEARCH ID EQUAL
      u8 arg[5];
      if (!fetch(addr, arg, 5)) return fail(2, 6);
      if (!have_seek || static_cast<u16>(arg[0] << 8 | arg[1]) != seek_cyl) return fail(2, 12);
      // The TIC that follows loops back to it until the record comes:
      // skip over it to the data CCW.
      u8 t[8];
      if (!fetch(ccw_addr + 8, t, 8)) return fail(2, 6);
      if (t[0] != 0x08) return fail(2, 7);
      ccw_addr += 16;
      continue;
    } else if (op == 0x06 || op == 0x05) {  // READ DATA, WRITE DATA
      if (count == 0) return fail(2, 8);
      if (count > 2048) return fail(2, 9);
      if (u64{addr} + count > size) return fail(2, 10);
      if (op == 0x05) writes = true;
      data_ccws++;
    } else {
      return fail(2, 7);
    }
    if (!(flags & s370::io::ccw::kChainCommand)) break;
    ccw_addr += 8;
  }
  if (data_ccws != want) return fail(2, 11);
  if (writes && disk->image().read_only()) return fail(1, 3);
  s370::io::Csw csw;
  switch (run_direct(cpu, dev, cpu.gpr[ry] & s370::kAddrMask, csw)) {
    case Direct::Busy:
      return fail(1, 5);
    case Direct::Hung:
      return fail(3, 13);
    case Direct::Done:
      break;
  }
  namespace u = s370::io::unit;
  namespace ch = s370::io::chan;
  if ((csw.unit & (u::kUnitCheck | u::kUnitException)) || (csw.chan & ~(ch::kPci | ch::kIncorrectLength)))
    return fail(3, 13);
  cpu.psw.cc = 0;
  return true;
}

}  // namespace cp

namespace cp {

// The members of a CMS macro library (a MACLIB file's 80-byte records,
// docs/CMS.md "Macro libraries"), name and text (ASCII lines), in its
// directory's order. R6's layout: record 1 C'LIBPDS', H the record the
// directory begins at (records counted from 1), F the directory's bytes;
// the directory's 12-byte entries CL8 name, H the member's first record,
// H its records; each member ends with a record beginning X'61FFFF61'.
// The later 32-bit layout (+6 zero, F the directory's record at +12,
// 16-byte entries with F the first record at +12) is read too, so a
// library from a later CMS works as well. Anything out of range ends the
// list: a damaged library gives what it can, never a fault.
static std::vector<std::pair<std::string, std::string>> maclib_members(const std::vector<u8>& lib) {
  std::vector<std::pair<std::string, std::string>> out;
  const std::size_t nrec = lib.size() / 80;
  const std::vector<u8> ident = s370::io::to_ebcdic("LIBPDS");
  if (nrec < 1 || !std::equal(ident.begin(), ident.end(), lib.begin())) return out;
  auto half = [&](std::size_t at) { return static_cast<u32>(lib[at] << 8 | lib[at + 1]); };
  auto word = [&](std::size_t at) { return half(at) << 16 | half(at + 2); };
  const bool scp = half(6) != 0;
  const u32 dir = scp ? half(6) : word(12), dirsize = word(8), entsize = scp ? 12 : 16;
  if (dir < 2 || dir > nrec) return out;
  const std::size_t dir_at = (dir - 1) * 80;
  for (std::size_t e = 0; e + entsize <= dirsize && dir_at + e + entsize <= lib.size(); e += entsize) {
    const std::size_t at = dir_at + e;
    if (lib[at] == 0) break;  // (a directory padded with zeros)
    std::string name = s370::io::to_ascii(&lib[at], 8);
    while (!name.empty() && name.back() == ' ') name.pop_back();
    const u32 first = scp ? half(at + 8) : word(at + 12);
    const u32 size = scp ? half(at + 10) : 0xFFFFFFFF;
    if (first < 2 || first >= dir) continue;
    std::string text;
    for (u32 r = first; r < dir && r - first < size; r++) {
      const u8* rec = &lib[(r - 1) * 80];
      if (rec[0] == 0x61 && rec[1] == 0xFF && rec[2] == 0xFF && rec[3] == 0x61) break;
      std::string line = s370::io::to_ascii(rec, 80);
      while (!line.empty() && line.back() == ' ') line.pop_back();
      text += line;
      text += '\n';
    }
    out.emplace_back(std::move(name), std::move(text));
  }
  return out;
}

// DIAGNOSE X'370': Rx a parameter block of 32 bytes on a doubleword: +0
// the source (80-byte EBCDIC records back to back), +4 their number, +8
// an output area, +12 its size. CP assembles the source with asm370's
// library (the CMS macro library searched for macros and COPY members)
// and fills the output area: the object deck (80-byte cards), then the
// listing, then the messages, each line a halfword length and its EBCDIC
// text. CP sets +16 the number of cards, +20 the listing's bytes, +24
// the messages' bytes, +28 the return code: 0, 4 warnings, 8 errors, 12
// the output area is too small (nothing else is valid), 16 too many
// records (at most 100,000). cc 0. An area outside storage is an
// addressing exception. The work is the machine's own: it runs on the
// worker that runs the machine, like any instruction.
//
// The extended block (X'80000000' in the word at +4, beside the number of
// records): 48 bytes, +32 the address of the macro libraries CMS read for
// GLOBAL MACLIB, +36 their bytes, +40 and +44 reserved (zero). Each
// library there is F its number of 80-byte records, CL8 its name, F
// reserved, then the MACLIB file's records (maclib_members above). Their
// members are searched, libraries in the order given, before the system
// macro library, for macros and COPY members alike: CMS reads the user's
// files, CP never reads a minidisk behind its back. A 32-byte block
// (that bit zero) is assembled as before.
bool VirtualMachine::diag370(s370::Cpu& cpu, u32 block) {
  auto word = [&](u32 a) {
    u32 v = 0;
    for (int i = 0; i < 4; i++) v = v << 8 | read_byte(cpu, a + static_cast<u32>(i));
    return v;
  };
  auto put_word = [&](u32 a, u32 v) {
    for (int i = 0; i < 4; i++) cpu.real_write8(s370::RealAddr(a + static_cast<u32>(i)), static_cast<u8>(v >> (24 - 8 * i)));
  };
  const u32 src = word(block) & s370::kAddrMask, n = word(block + 4) & 0x7FFFFFFF;
  const bool extended = word(block + 4) & 0x80000000;
  const u32 out = word(block + 8) & s370::kAddrMask, size = word(block + 12);
  for (u32 a = block + 16; a < block + 32; a += 4) put_word(a, 0);
  cpu.psw.cc = 0;
  if (n > 100000) {
    put_word(block + 28, 16);
    return true;
  }
  std::string text;
  text.reserve(static_cast<std::size_t>(n) * 81);
  std::vector<u8> rec(80);
  for (u32 i = 0; i < n; i++) {
    for (u32 k = 0; k < 80; k++) rec[k] = read_byte(cpu, src + i * 80 + k);
    std::string line = s370::io::to_ascii(rec.data(), rec.size());
    while (!line.empty() && line.back() == ' ') line.pop_back();
    text += line;
    text += '\n';
  }
  s370::as::Options opt;
  if (!maclib_.empty()) opt.include_dirs.push_back(maclib_);
  // The user's libraries: the first library (and in it the first entry)
  // that has a name wins, as in R6.
  std::map<std::string, std::string> members;
  if (extended) {
    u32 at = word(block + 32) & s370::kAddrMask;
    const u32 end = at + word(block + 36);
    while (at + 16 <= end) {
      const u32 recs = word(at);
      if (recs > 100000 || at + 16 + recs * 80 > end) break;
      std::vector<u8> lib(static_cast<std::size_t>(recs) * 80);
      for (std::size_t i = 0; i < lib.size(); i++) lib[i] = read_byte(cpu, at + 16 + static_cast<u32>(i));
      for (auto& [mname, mtext] : maclib_members(lib)) members.emplace(mname, std::move(mtext));
      at += 16 + recs * 80;
    }
    opt.find_member = [&members](const std::string& name, std::string& body) {
      auto it = members.find(name);
      if (it == members.end()) return false;
      body = it->second;
      return true;
    };
  }
  opt.want_listing = true;
  opt.want_deck = true;
  const s370::as::Result r = s370::as::assemble_text("SOURCE", text, opt);
  std::vector<u8> o;
  for (const auto& card : r.deck) o.insert(o.end(), card.begin(), card.end());
  auto lines = [&](const std::string& t) {
    const std::size_t start = o.size();
    std::size_t at = 0;
    while (at < t.size()) {
      std::size_t nl = t.find('\n', at);
      if (nl == std::string::npos) nl = t.size();
      std::string l = t.substr(at, std::min<std::size_t>(nl - at, 132));
      if (l.empty()) l = " ";
      const std::vector<u8> e = s370::io::to_ebcdic(l);
      o.push_back(static_cast<u8>(e.size() >> 8));
      o.push_back(static_cast<u8>(e.size()));
      o.insert(o.end(), e.begin(), e.end());
      at = nl + 1;
    }
    return static_cast<u32>(o.size() - start);
  };
  const u32 listing = lines(r.listing);
  std::string msgs;
  bool warnings = false;
  for (const auto& d : r.diags) {
    warnings = warnings || d.warning;
    msgs += "LINE " + std::to_string(d.line) + (d.warning ? " WARNING: " : ": ") + d.msg + "\n";
  }
  const u32 messages = lines(msgs);
  if (o.size() > size) {
    put_word(block + 28, 12);
    return true;
  }
  store_bytes(cpu, out, o);
  put_word(block + 16, static_cast<u32>(r.deck.size()));
  put_word(block + 20, listing);
  put_word(block + 24, messages);
  put_word(block + 28, !r.ok ? 8 : warnings ? 4 : 0);
  return true;
}

}  // namespace cp
