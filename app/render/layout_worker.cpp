#include "layout_worker.hpp"

#include <chrono>

#include "graph/force_layout.hpp"

namespace liaison::app {

LayoutWorker::LayoutWorker() {
  m_thread.start([this] { loop(); }, [this] {
    { std::lock_guard lock(m_mutex); }
    m_wake.notify_all();
  });
}

LayoutWorker::~LayoutWorker() {
  m_thread.stop();
}

void LayoutWorker::submit(LayoutJob job) {
  {
    std::lock_guard lock(m_mutex);
    m_pendingJob = std::move(job);
    m_pins.clear();
    m_idle = false;
  }
  m_wake.notify_all();
}

void LayoutWorker::pin(int node, Vec2f position, bool pinned) {
  {
    std::lock_guard lock(m_mutex);
    m_pins.push_back({node, position, pinned});
    m_idle = false;
  }
  m_wake.notify_all();
}

std::shared_ptr<const LayoutFrame> LayoutWorker::latest() const {
  std::lock_guard lock(m_mutex);
  return m_latest;
}

bool LayoutWorker::waitSettled(double seconds) const {
  std::unique_lock lock(m_mutex);
  return m_settledCv.wait_for(lock, std::chrono::duration<double>(seconds),
                              [&] { return m_idle && !m_pendingJob && m_pins.empty(); });
}

void LayoutWorker::loop() {
  using Clock = std::chrono::steady_clock;
  std::unique_ptr<graph::ForceLayout> layout;
  std::uint64_t generation = 0;
  Clock::time_point started{};
  auto toVec = [](const std::vector<graph::LayoutPoint>& p) {
    std::vector<Vec2f> v(p.size());
    for (std::size_t i = 0; i < p.size(); ++i)
      v[i] = {static_cast<float>(p[i].x), static_cast<float>(p[i].y)};
    return v;
  };

  for (;;) {
    std::optional<LayoutJob> job;
    std::vector<PinRequest> pins;
    {
      std::unique_lock lock(m_mutex);
      m_wake.wait(lock, [&] {
        return m_thread.stopping() || m_pendingJob || !m_pins.empty() ||
               (layout && !layout->settled());
      });
      if (m_thread.stopping()) return;
      job.swap(m_pendingJob);
      pins.swap(m_pins);
      m_busy = true;
    }
    if (job) {
      std::vector<std::pair<graph::Index, graph::Index>> edges(job->edges.begin(),
                                                               job->edges.end());
      layout = std::make_unique<graph::ForceLayout>(
          job->nodeCount, std::move(edges),
          graph::ForceLayoutOptions{.seed = job->seed, .aspect = job->aspect});
      if (job->weights.size() == job->edges.size()) layout->setEdgeWeights(job->weights);
      if (job->groups.size() == static_cast<std::size_t>(job->nodeCount))
        layout->setGroups(job->groups);
      if (job->start.size() == static_cast<std::size_t>(job->nodeCount) &&
          job->known.size() == job->start.size()) {
        std::vector<graph::LayoutPoint> start(job->start.size());
        bool any = false;
        for (std::size_t i = 0; i < start.size(); ++i) {
          start[i] = {job->start[i].x, job->start[i].y};
          any = any || job->known[i];
        }
        if (any) layout->warmStart(start, job->known);
      }
      for (std::size_t i = 0;
           i < job->pinned.size() && i < static_cast<std::size_t>(job->nodeCount); ++i)
        if (job->pinned[i]) layout->setPinned(static_cast<graph::Index>(i), true);
      generation = job->generation;
      started = Clock::now();
    }
    if (layout) {
      for (const auto& p : pins) {
        if (p.node < 0 || p.node >= layout->nodeCount()) continue;
        layout->setPosition(p.node, {p.position.x, p.position.y});
        layout->setPinned(p.node, p.pinned);
      }
      if (!pins.empty()) layout->reheat(0.15);
      // Chunks of roughly 10 ms so a newer job or a pin is picked up quickly.
      const int chunk = layout->nodeCount() <= graph::ForceLayout::kExactLimit ? 10 : 2;
      layout->step(chunk);
      auto frame = std::make_shared<LayoutFrame>();
      frame->generation = generation;
      frame->positions = toVec(layout->positions());
      frame->settled = layout->settled();
      frame->iterations = layout->iterations();
      frame->seconds = std::chrono::duration<double>(Clock::now() - started).count();
      std::lock_guard lock(m_mutex);
      m_latest = std::move(frame);
      if (layout->settled() && !m_pendingJob && m_pins.empty()) m_idle = true;
    } else {
      std::lock_guard lock(m_mutex);
      m_idle = true;
    }
    m_busy = false;
    m_settledCv.notify_all();
  }
}

}  // namespace liaison::app
