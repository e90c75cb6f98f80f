// The one way app/ runs work off the frame thread (the basemap's tile decoding, the network
// layout): a thread with start / stop / join semantics. The owner keeps its own queue, mutex
// and condition variable; its body loops until stopping() and waits on the owner's condition
// variable; stop() sets the flag, calls the owner's wake function (which takes the owner's
// lock once and notifies, so a body between its check and its wait cannot miss the wake-up)
// and joins. No ImGui here.
#pragma once

#include <atomic>
#include <functional>
#include <thread>

namespace liaison::app {

class WorkerThread {
 public:
  WorkerThread() = default;
  ~WorkerThread() { stop(); }
  WorkerThread(const WorkerThread&) = delete;
  WorkerThread& operator=(const WorkerThread&) = delete;

  // Runs body on a new thread (once per WorkerThread). wake: see above.
  void start(std::function<void()> body, std::function<void()> wake) {
    m_wake = std::move(wake);
    m_stop = false;
    m_thread = std::thread(std::move(body));
  }
  // Asks the body to return, wakes it and joins. Idempotent; the destructor calls it, but an
  // owner whose body uses its other members calls it first in its own destructor.
  void stop() {
    if (!m_thread.joinable()) return;
    m_stop = true;
    if (m_wake) m_wake();
    m_thread.join();
  }
  // For the body (and its wait predicate): return soon.
  bool stopping() const { return m_stop.load(); }
  bool running() const { return m_thread.joinable(); }

 private:
  std::atomic<bool> m_stop{false};
  std::function<void()> m_wake;
  std::thread m_thread;
};

}  // namespace liaison::app
