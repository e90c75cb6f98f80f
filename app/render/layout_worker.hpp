// Runs the network view's force layout on a worker thread and publishes positions as it goes:
// the frame reads the latest published picture and never waits for the layout. A new job (the
// network changed) replaces the running one and warm-starts from known positions; pins from
// drags are queued and applied between steps.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "app/shell/worker_thread.hpp"
#include "network_draw.hpp"

namespace liaison::app {

struct LayoutJob {
  std::uint64_t generation = 0;  // echoed in the frames computed for this job
  int nodeCount = 0;
  std::vector<std::pair<int, int>> edges;
  std::vector<double> weights;       // attraction per edge; empty: all 1
  std::vector<std::int64_t> groups;  // group gravity (agency per node); empty: none
  std::vector<Vec2f> start;          // warm start; empty: random start
  std::vector<bool> known;           // which start positions are meaningful
  std::vector<bool> pinned;          // per node; empty: none
  std::uint64_t seed = 1;
  double aspect = 1.0;  // width / height of the view the picture should fill
};

struct LayoutFrame {
  std::uint64_t generation = 0;
  std::vector<Vec2f> positions;
  bool settled = false;
  int iterations = 0;
  double seconds = 0;  // since the job was taken up
};

class LayoutWorker {
 public:
  LayoutWorker();
  ~LayoutWorker();
  LayoutWorker(const LayoutWorker&) = delete;
  LayoutWorker& operator=(const LayoutWorker&) = delete;

  void submit(LayoutJob job);
  // Move a node and pin or unpin it (applies to the current job), then let the rest adapt.
  void pin(int node, Vec2f position, bool pinned);
  std::shared_ptr<const LayoutFrame> latest() const;
  bool busy() const { return m_busy.load(); }
  // Tests and benchmarks: blocks until the current job settles or the time runs out.
  bool waitSettled(double seconds) const;

 private:
  struct PinRequest {
    int node;
    Vec2f position;
    bool pinned;
  };
  void loop();

  mutable std::mutex m_mutex;
  mutable std::condition_variable m_wake, m_settledCv;
  std::optional<LayoutJob> m_pendingJob;
  std::vector<PinRequest> m_pins;
  std::shared_ptr<const LayoutFrame> m_latest;
  std::atomic<bool> m_busy{false};
  bool m_idle = true;
  WorkerThread m_thread;
};

}  // namespace liaison::app
