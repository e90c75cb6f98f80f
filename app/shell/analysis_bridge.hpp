// Connects the shell to the engine: hands every new snapshot and every change of the what-if
// sets to the analysis service (a worker thread), and each frame publishes the latest results
// into the AppContext for the panels. Never waits on the engine, except when asked to settle
// before a screenshot.
#pragma once

#include <cstdint>
#include <memory>
#include <set>

#include "app_context.hpp"
#include "core/analysis/analysis_service.hpp"

namespace liaison::app {

class AnalysisBridge {
 public:
  AnalysisBridge() = default;

  // Call once per frame, before drawing.
  void update(AppContext& ctx);
  // Blocks until the current snapshot (and what-if) has been analysed; for screenshots.
  void settle(AppContext& ctx);

 private:
  core::AnalysisService m_service;
  std::uint64_t m_submitted = 0;
  bool m_hasSubmitted = false;
  core::FailureSet m_failed;  // the what-if last asked (empty: none)
  std::shared_ptr<const core::PairQuery> m_pairAsked;
};

}  // namespace liaison::app
