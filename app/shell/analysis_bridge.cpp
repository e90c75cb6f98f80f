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
  const bool setsChanged =
      ctx.whatif_down_reps != m_reps || ctx.whatif_down_channels != m_channels;
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
  ctx.analysis = m_service.latest();
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
