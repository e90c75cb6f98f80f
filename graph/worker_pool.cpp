#include "graph/worker_pool.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace liaison::graph::detail {

namespace {

// How long a helper keeps spinning for the next job before it sleeps.
constexpr auto kSpin = std::chrono::milliseconds(20);

inline void pause() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

class Pool {
 public:
  explicit Pool(unsigned helpers) {
    for (unsigned i = 0; i < helpers; ++i) m_threads.emplace_back([this, i] { loop(i + 1); });
  }
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  unsigned helpers() const { return static_cast<unsigned>(m_threads.size()); }

  // False when another thread is using the pool.
  bool tryRun(unsigned parts, const std::function<void(unsigned)>& job) {
    std::unique_lock busy(m_busy, std::try_to_lock);
    if (!busy.owns_lock()) return false;
    m_job = &job;
    m_parts = parts;
    m_closed.store(false);
    {
      std::lock_guard lock(m_mutex);
      m_generation.fetch_add(1);
    }
    m_wake.notify_all();
    job(0);
    // The caller never waits for a helper that has not started: it closes the job, and then
    // waits only for the helpers already inside it. (A helper that comes later skips the job;
    // the jobs share their work through counters, so nothing is left undone.) Both sides use
    // sequentially consistent operations: either the helper sees the job closed, or the caller
    // sees the helper inside.
    m_closed.store(true);
    while (m_active.load() > 0) pause();
    m_job = nullptr;
    return true;
  }

 private:
  void loop(unsigned part) {
    std::uint64_t seen = 0;
    for (;;) {
      // Spin a while for the next job, then sleep until one comes.
      const auto until = std::chrono::steady_clock::now() + kSpin;
      std::uint64_t gen;
      int polls = 0;
      while ((gen = m_generation.load()) == seen) {
        pause();
        if (++polls % 1024 == 0 && std::chrono::steady_clock::now() > until) {
          std::unique_lock lock(m_mutex);
          m_wake.wait(lock, [&] { return m_generation.load() != seen; });
          polls = 0;
        }
      }
      seen = gen;
      m_active.fetch_add(1);
      if (!m_closed.load() && m_generation.load() == gen && part < m_parts) (*m_job)(part);
      m_active.fetch_sub(1);
    }
  }

  std::mutex m_busy;   // one job at a time
  std::mutex m_mutex;  // with m_wake: sleeping helpers
  std::condition_variable m_wake;
  std::atomic<std::uint64_t> m_generation{0};
  std::atomic<unsigned> m_active{0};  // helpers inside the current job
  std::atomic<bool> m_closed{true};   // the caller has finished its part
  const std::function<void(unsigned)>* m_job = nullptr;
  unsigned m_parts = 0;
  std::vector<std::thread> m_threads;
};

Pool& instance() {
  // Never destroyed: at exit the helpers are spinning or asleep and simply end with the process.
  static Pool* pool = new Pool(std::max(1u, std::thread::hardware_concurrency()) - 1);
  return *pool;
}

}  // namespace

void runOnWorkers(unsigned parts, const std::function<void(unsigned)>& job) {
  if (parts <= 1) {
    job(0);
    return;
  }
  Pool& pool = instance();
  parts = std::min(parts, pool.helpers() + 1);
  if (parts <= 1) {
    job(0);
    return;
  }
  if (pool.tryRun(parts, job)) return;
  // The helpers are busy with another caller's job: start threads for this one.
  std::vector<std::thread> extra;
  for (unsigned p = 1; p < parts; ++p) extra.emplace_back(job, p);
  job(0);
  for (auto& t : extra) t.join();
}

}  // namespace liaison::graph::detail
