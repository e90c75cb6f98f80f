// Runs the analysis of the latest snapshot on a worker thread, so the UI frame never waits.
// submit() hands over a snapshot and returns at once; a run still busy with an older snapshot
// is cancelled (the engine's RunControl flag) and the newest one is analysed instead. latest()
// returns the last complete result (tagged with its snapshot version) or nullptr; panels show
// it, marked stale while running() is true. What-if questions go the same way.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "core/analysis/analysis.hpp"

namespace liaison::core {

class AnalysisService {
 public:
  explicit AnalysisService(AnalysisOptions options = {});
  ~AnalysisService();  // cancels the current run and joins the worker
  AnalysisService(const AnalysisService&) = delete;
  AnalysisService& operator=(const AnalysisService&) = delete;

  // Never blocks on analysis work. A snapshot with the same version as the last one submitted
  // is ignored.
  void submit(SnapshotPtr snapshot);
  // What-if on the latest submitted snapshot (or `snapshot` when given). Replaces a pending or
  // running what-if.
  void requestWhatIf(FailureSet failed, SnapshotPtr snapshot = nullptr);

  // Paths between any two agencies or people, on the latest submitted snapshot. Replaces a
  // pending pair question.
  void requestPair(PairQuery query);

  std::shared_ptr<const AnalysisResult> latest() const;
  std::shared_ptr<const PairResult> latestPair() const;
  std::shared_ptr<const WhatIfResult> latestWhatIf() const;
  bool running() const { return m_running.load(); }
  double progress() const { return m_progress.load(); }  // 0..1 of the current run
  // Version of the snapshot being (or last) analysed; latest()->version lags while running.
  std::uint64_t pendingVersion() const;

  // For tests and the command line: waits until nothing is pending or running.
  void waitIdle() const;

 private:
  void loop();

  AnalysisOptions m_options;
  mutable std::mutex m_mutex;
  mutable std::condition_variable m_wake, m_idle;
  SnapshotPtr m_pending, m_lastSubmitted;
  std::optional<std::pair<FailureSet, SnapshotPtr>> m_pendingWhatIf;
  std::shared_ptr<const AnalysisResult> m_latest;
  std::shared_ptr<const WhatIfResult> m_latestWhatIf;
  std::optional<std::pair<PairQuery, SnapshotPtr>> m_pendingPair;
  std::shared_ptr<const PairResult> m_latestPair;
  std::atomic<bool> m_cancel{false}, m_running{false}, m_stop{false};
  std::atomic<double> m_progress{0.0};
  bool m_busy = false;
  std::thread m_worker;
};

}  // namespace liaison::core
