// What a Cpu needs from the world around it: the channel subsystem for the
// I/O instructions and I/O interruptions, and whoever answers DIAGNOSE. The
// bare machine implements it with real devices; CP never reaches it for a
// guest (the guest runs in the problem state, so these instructions trap),
// and the tests implement a tiny fake. The default answers are those of a
// machine with no channels: condition code 3, not operational.
#pragma once

#include "s370/types.h"

namespace s370 {

class Cpu;

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

  // DIAGNOSE (X'83') in the supervisor state. The model-dependent function;
  // return false to have the Cpu take a specification exception.
  virtual bool diagnose(Cpu&, int /*r1*/, int /*r3*/, u32 /*address*/) { return false; }
};

}  // namespace s370
