// What a Cpu needs from the world around it: the channel subsystem for the
// I/O instructions and I/O interruptions, and whoever answers DIAGNOSE. The
// bare machine implements it with real devices; CP implements it for each
// virtual machine (its privileged instructions, its virtual channel
// subsystem, DIAGNOSE), and the tests implement a tiny fake. The default answers are those of a
// machine with no channels: condition code 3, not operational.
#pragma once

#include "s370/types.h"

namespace s370 {

class Cpu;
struct Interruption;

// The S/370 I/O instructions (Principles of Operation, chapter 13).
enum class IoOp : u8 { SIO, SIOF, TIO, CLRIO, HIO, HDV };

class Host {
 public:
  virtual ~Host() = default;

  // SIO, SIOF, TIO, CLRIO, HIO, HDV on device `device` (channel in bits
  // 0-7 of the 16-bit address). Returns the condition code; stores the CSW
  // through Cpu::real_write when the instruction does.
  virtual int io_instruction(Cpu&, IoOp, u16 /*device*/) { return 3; }
  // TCH on channel `channel`.
  virtual int test_channel(Cpu&, u8 /*channel*/) { return 3; }
  // CLRCH (clear channel) on channel `channel`.
  virtual int clear_channel(Cpu&, u8 /*channel*/) { return 3; }
  // STIDC on channel `channel`; stores the channel ID at X'A8' itself.
  virtual int store_channel_id(Cpu&, u8 /*channel*/) { return 3; }

  // Called by the Cpu at an instruction boundary when it has been told an
  // I/O interruption may be pending (Cpu::signal_io) and its I/O mask is on.
  // If the host has an interruption for a channel that Cpu::channel_enabled
  // accepts, it stores the CSW at X'40', sets `device` and returns true.
  virtual bool accept_io_interrupt(Cpu&, u16& /*device*/) { return false; }

  // A privileged instruction in the problem state, before the privileged-
  // operation exception is recognized (chapter 6). A host that runs this
  // Cpu for a virtual machine (CP) may perform the instruction itself and
  // return true: the trap of trap and emulate, entered here as the real
  // machine's program interruption entered CP. `ip` is the instruction
  // (under EXECUTE its target). False: the exception is taken.
  virtual bool privileged(Cpu&, const u8* /*ip*/) { return false; }

  // An interruption of a class set to exit (Cpu::set_exit), as it is about
  // to leave the Cpu. The host may deal with it at once and return true
  // (CP reflects it to its guest with Cpu::reflect); false: the Cpu stops
  // with the exit. The Interruption is defined in cpu.h.
  virtual bool interruption(Cpu&, const Interruption&) { return false; }

  // DIAGNOSE (X'83') in the supervisor state. The model-dependent function;
  // return false to have the Cpu take a specification exception.
  virtual bool diagnose(Cpu&, int /*r1*/, int /*r3*/, u32 /*address*/) { return false; }
};

}  // namespace s370
