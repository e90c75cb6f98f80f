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
  const bool setsChanged = ctx.whatif_down_reps != m_reps || ctx.whatif_down_channels != m_channels;
  if (setsChanged || (newSnapshot && !(m_reps.empty() && m_channels.empty()))) {
    m_reps = ctx.whatif_down_reps;
    m_channels = ctx.whatif_down_channels;
    if (!m_reps.empty() || !m_channels.empty()) {
      core::FailureSet failed;
      failed.representatives.assign(m_reps.begin(), m_reps.end());
      failed.channels.assign(m_channels.begin(), m_channels.end());
      m_service.requestWhatIf(std::move(failed), ctx.snapshot);
    }
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
  if (m_reps.empty() && m_channels.empty())
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
