// The dispatcher: virtual machines on a small pool of host threads
// (docs/CP.md, "Dispatcher").
//
// Each worker thread takes the runnable virtual machine that has had the
// least virtual CPU so far (fair share by virtual CPU time) and runs it for
// one time slice, a budget of instructions. A machine in an enabled wait
// is parked until its next timer event (or until wake()), and costs no host
// CPU while parked; on the deterministic clock its time skips ahead
// instead. A machine that loads a disabled wait PSW is ended, and CP is
// told (on_end). A machine can be stopped (its state then read and
// altered by the caller) and started again. No machine delays the others
// by more than a slice.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "cp/virtual_machine.h"
#include "s370/clock.h"

namespace cp {

class Dispatcher {
 public:
  enum class State : u8 {
    Runnable,  // waiting for a worker
    Running,   // a worker runs it now
    Waiting,   // enabled wait: parked until its timer or wake()
    Stopped,   // stop(): not dispatched until start()
    Ended,     // disabled wait (or a wait nothing can end): CP was told
    Removed,   // remove(): gone for good
  };
  struct Status {
    State state = State::Runnable;
    u64 slices = 0;        // time slices it was given
    u64 instructions = 0;  // its virtual CPU: instructions run by the dispatcher
    // Read off the machine at the end of each slice, while its worker
    // still owns it, so that others (the operator's panel) see them
    // without stopping it.
    u64 traps = 0;
    u32 private_frames = 0, shared_frames = 0;
  };
  using Id = std::size_t;

  // `threads` workers (at least 1); `slice` instructions a time slice.
  explicit Dispatcher(unsigned threads, u64 slice = 50000);
  ~Dispatcher();
  Dispatcher(const Dispatcher&) = delete;
  Dispatcher& operator=(const Dispatcher&) = delete;

  // A machine to dispatch, runnable at once (or stopped, until start()).
  // `clock` is the clock it runs on (an InstructionClock skips its
  // waits). Thread-safe.
  Id add(std::shared_ptr<VirtualMachine> vm, s370::Clock& clock, bool runnable = true);
  // An interruption for a parked machine is due (console input, I/O):
  // runnable again. Thread-safe; no effect on a machine not waiting.
  void wake(Id id);
  // Stops a machine and returns once no worker runs it; true when it was
  // active (runnable, running or in an enabled wait), so that a caller
  // who only looks at it stopped starts it again only then (not one that
  // ended or asked CP for a service meanwhile). Thread-safe.
  bool stop(Id id);
  // Makes a stopped (or ended) machine runnable again. Thread-safe. No
  // effect on a machine held for CP (on_hold) until CP has answered:
  // only resume() or cancel_hold() end a hold, so that a command that
  // stops and starts the machine meanwhile cannot run it past a DIAGNOSE
  // whose results CP has not yet given.
  void start(Id id);
  // CP has answered a held machine: it runs again.
  void resume(Id id);
  // A hold CP will not answer (the machine was reset or IPLed meanwhile):
  // the machine stays stopped, and start() works again.
  void cancel_hold(Id id);
  // The machine waits for CP's answer to its hold.
  bool held(Id id);
  // Stops a machine for good and lets go of it (LOGOFF). Thread-safe.
  void remove(Id id);
  Status status(Id id);
  // Every machine's status at one instant, by Id.
  std::vector<Status> snapshot();
  // Called, on a worker thread and without the dispatcher's lock, when a
  // machine ends.
  std::function<void(Id, const s370::Psw&)> on_end;
  // Called the same way when a machine has stopped itself to ask CP for a
  // service that CP gives outside the machine (VirtualMachine::hold(): a
  // CP command by DIAGNOSE X'08'); CP answers and calls start().
  std::function<void(Id)> on_hold;
  // Waits until no machine is runnable or running (all waiting, stopped or
  // ended), at most `ms` milliseconds; true if that state was reached.
  bool wait_quiet(unsigned ms);

 private:
  struct Entry {
    std::shared_ptr<VirtualMachine> vm;
    s370::Clock* clock;
    Status st;
    u64 wake_at_us = 0;  // Waiting: the clock time of its next timer event (0: none)
    bool stop_requested = false;
    // wake() came while the machine ran: its coming wait ends at once
    // (the console line that ends it is already there).
    bool wake_pending = false;
    // Stopped for CP's answer to a hold (VirtualMachine::hold()).
    bool held = false;
  };
  void worker();
  void halt(std::unique_lock<std::mutex>& lk, Entry& e);
  // The runnable entry with the least virtual CPU, or -1.
  long pick();

  std::mutex mu_;
  // Workers sleep on cv_ (woken by add, wake, start and the destructor);
  // stop() and wait_quiet() on changed_ (told after every slice). Apart,
  // so that a slice's end does not wake the idle workers: 10,000 needless
  // wake-ups a second cost 9% of a core.
  std::condition_variable cv_;
  std::condition_variable changed_;
  std::vector<std::unique_ptr<Entry>> vms_;
  bool quit_ = false;
  std::vector<std::thread> threads_;
  u64 slice_;
};

}  // namespace cp
