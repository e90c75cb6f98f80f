#include "analysis_bridge.hpp"

namespace liaison::app {

void AnalysisBridge::update(AppContext& ctx) {
  const bool newSnapshot =
      ctx.snapshot && (!m_hasSubmitted || ctx.snapshot->version != m_submitted);
  if (newSnapshot) {
    m_service.submit(ctx.snapshot);
    m_submitted = ctx.snapshot->version;
    m_hasSubmitted = true;
  }
  core::FailureSet failures = ctx.whatifFailures();
  const bool setsChanged = !(failures == m_failed);
  if (setsChanged || (newSnapshot && !m_failed.empty())) {
    m_failed = failures;
    if (!m_failed.empty()) m_service.requestWhatIf(std::move(failures), ctx.snapshot);
  }
  // A pair question: asked again when it changes or the snapshot does.
  if (ctx.pair_query && (newSnapshot || !m_pairAsked || !(*m_pairAsked == *ctx.pair_query))) {
    m_pairAsked = ctx.pair_query;
    m_service.requestPair(*ctx.pair_query);
  }
  if (!ctx.pair_query) m_pairAsked.reset();
  ctx.pair = ctx.pair_query ? m_service.latestPair() : nullptr;
  ctx.analysis = m_service.latest();
  ctx.analysis_progress = m_service.running() ? m_service.progress() : -1.0;
  // An answer for sets the user has since cleared must not linger on screen.
  if (m_failed.empty())
    ctx.whatif.reset();
  else
    ctx.whatif = m_service.latestWhatIf();
}

void AnalysisBridge::settle(AppContext& ctx) {
  update(ctx);
  m_service.waitIdle();
  update(ctx);
}

}  // namespace liaison::app
