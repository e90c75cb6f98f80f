#include "core/analysis/analysis_service.hpp"

namespace liaison::core {

AnalysisService::AnalysisService(AnalysisOptions options) : m_options(std::move(options)) {
  m_options.control.cancel = &m_cancel;
  m_options.control.progress = [this](double p) { m_progress.store(p); };
  m_worker = std::thread([this] { loop(); });
}

AnalysisService::~AnalysisService() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
    m_cancel = true;
  }
  m_wake.notify_all();
  if (m_worker.joinable()) m_worker.join();
}

void AnalysisService::submit(SnapshotPtr snapshot) {
  if (!snapshot) return;
  {
    std::lock_guard lock(m_mutex);
    if (m_lastSubmitted && m_lastSubmitted->version == snapshot->version) return;
    m_lastSubmitted = snapshot;
    m_pending = std::move(snapshot);
    if (m_busy) m_cancel = true;  // the worker picks the newer one up right after
  }
  m_wake.notify_all();
}

void AnalysisService::requestWhatIf(FailureSet failed, SnapshotPtr snapshot) {
  {
    std::lock_guard lock(m_mutex);
    if (!snapshot) snapshot = m_lastSubmitted;
    if (!snapshot) return;
    m_pendingWhatIf.emplace(std::move(failed), std::move(snapshot));
  }
  m_wake.notify_all();
}

void AnalysisService::requestPair(PairQuery query) {
  {
    std::lock_guard lock(m_mutex);
    if (!m_lastSubmitted) return;
    m_pendingPair.emplace(std::move(query), m_lastSubmitted);
  }
  m_wake.notify_all();
}

std::shared_ptr<const PairResult> AnalysisService::latestPair() const {
  std::lock_guard lock(m_mutex);
  return m_latestPair;
}

std::shared_ptr<const AnalysisResult> AnalysisService::latest() const {
  std::lock_guard lock(m_mutex);
  return m_latest;
}

std::shared_ptr<const WhatIfResult> AnalysisService::latestWhatIf() const {
  std::lock_guard lock(m_mutex);
  return m_latestWhatIf;
}

std::uint64_t AnalysisService::pendingVersion() const {
  std::lock_guard lock(m_mutex);
  return m_lastSubmitted ? m_lastSubmitted->version : 0;
}

void AnalysisService::waitIdle() const {
  std::unique_lock lock(m_mutex);
  m_idle.wait(lock, [this] { return !m_busy && !m_pending && !m_pendingWhatIf && !m_pendingPair; });
}

void AnalysisService::loop() {
  for (;;) {
    SnapshotPtr snap;
    std::optional<std::pair<FailureSet, SnapshotPtr>> what;
    std::optional<std::pair<PairQuery, SnapshotPtr>> pair;
    {
      std::unique_lock lock(m_mutex);
      m_busy = false;
      m_idle.notify_all();
      m_wake.wait(lock, [this] { return m_stop || m_pending || m_pendingWhatIf || m_pendingPair; });
      if (m_stop) return;
      // A pair question first (one click, answered in milliseconds), then the newest snapshot;
      // a what-if waits for the analysis it sits beside.
      if (m_pendingPair)
        pair = std::move(m_pendingPair);
      else if (m_pending)
        snap = std::move(m_pending);
      else
        what = std::move(m_pendingWhatIf);
      m_pendingPair.reset();
      if (!pair) m_pending.reset();
      if (what) m_pendingWhatIf.reset();
      m_busy = true;
      m_cancel = false;
    }
    m_running = true;
    m_progress = 0.0;
    if (pair) {
      auto result = std::make_shared<PairResult>(pairPaths(*pair->second, pair->first, m_options));
      std::lock_guard lock(m_mutex);
      m_latestPair = std::move(result);
    } else if (snap) {
      auto result = std::make_shared<AnalysisResult>(analyze(*snap, m_options));
      std::lock_guard lock(m_mutex);
      if (!result->cancelled) m_latest = std::move(result);
    } else if (what) {
      auto result = std::make_shared<WhatIfResult>(whatIf(*what->second, what->first, m_options));
      std::lock_guard lock(m_mutex);
      if (!result->cancelled) m_latestWhatIf = std::move(result);
    }
    m_running = false;
  }
}

}  // namespace liaison::core
