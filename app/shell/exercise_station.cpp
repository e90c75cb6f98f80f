#include "exercise_station.hpp"

#include <algorithm>
#include <exception>

#include "core/exercise/drill.hpp"
#include "core/store/store.hpp"
#include "core/exercise/exercise_clock.hpp"

namespace liaison::app {
namespace {

void applyOne(core::Drill& drill, const DrillRequest& r, core::TimeUtc wall) {
  using Kind = DrillRequest::Kind;
  switch (r.kind) {
    case Kind::Start:
      drill.start(wall);
      break;
    case Kind::Pause:
      if (!drill.state().clock.paused) drill.pause(wall);
      break;
    case Kind::Resume:
      if (drill.state().clock.paused) drill.resume(wall);
      break;
    case Kind::Speed:
      drill.setSpeed(wall, std::clamp(r.speed, core::kMinSpeed, core::kMaxSpeed));
      break;
    case Kind::Jump:
      drill.jump(wall, std::max<core::ScenarioSeconds>(r.to, 0));
      break;
    case Kind::Rewind:
      drill.jump(wall, std::max<core::ScenarioSeconds>(drill.now(wall) - r.to, 0));
      break;
    case Kind::Reset:
      drill.reset(wall);
      break;
    case Kind::Deliver:
      drill.deliver(r.inject, wall);
      break;
    case Kind::Acknowledge:
      drill.acknowledge(r.inject, wall, r.responder, r.action);
      break;
    case Kind::Act:
      drill.recordAction(r.inject, wall, r.action);
      break;
  }
}

}  // namespace

std::optional<core::ScenarioSeconds> nextDrillEvent(const core::ExerciseState& state) {
  std::optional<core::ScenarioSeconds> best;
  auto consider = [&](core::ScenarioSeconds t) {
    if (!best || t < *best) best = t;
  };
  for (std::size_t k = 0; k < state.injects.size() && k < state.statuses.size(); ++k) {
    const core::Inject& i = state.injects[k];
    const core::InjectStatus& st = state.statuses[k];
    if (st.state == core::InjectState::Pending && !i.manual()) consider(i.offset);
    if (st.state == core::InjectState::Delivered && st.delivered_s)
      consider(*st.delivered_s + state.clock.overdue_window);
  }
  return best;
}

bool ExerciseStation::applyRequests(AppContext& ctx, core::Store& store,
                                    const std::vector<DrillRequest>& requests,
                                    core::TimeUtc wall) {
  if (requests.empty()) return false;
  if (ctx.read_only || store.readOnly()) {
    ctx.status_message = m_error = "read-only: the exercise was not changed";
    return false;
  }
  bool changed = false;
  try {
    core::Drill drill(store, ctx.actor);
    for (const DrillRequest& r : requests) {
      const std::uint64_t before = store.revision();
      applyOne(drill, r, wall);
      changed = changed || store.revision() != before;
    }
  } catch (const std::exception& e) {
    ctx.status_message = m_error = e.what();
  }
  return changed;
}

bool ExerciseStation::tick(AppContext& ctx, core::Store& store, core::TimeUtc wall) {
  if (ctx.read_only || store.readOnly() || !ctx.exercise) return false;
  // A player's station (--station) answers injects; delivering them is the controller's job,
  // so two stations never race to deliver the same one.
  if (ctx.station_agency != 0) return false;
  if (m_stuckAt && *m_stuckAt == ctx.exercise->version) return false;  // failed on this state
  const core::ExerciseState& state = ctx.exercise->state;
  if (!state.clock.started || state.clock.paused) return false;
  const auto next = nextDrillEvent(state);
  if (!next || *next > core::scenarioAt(state.clock, wall)) return false;
  try {
    // The engine re-reads the exercise first, so an inject another station delivered a moment
    // ago is not delivered twice.
    core::Drill drill(store, ctx.actor);
    return !drill.advance(wall).empty();
  } catch (const std::exception& e) {
    // Say so once and wait for the workspace to change rather than retry every frame.
    ctx.status_message = m_error = std::string("exercise clock: ") + e.what();
    m_stuckAt = ctx.exercise->version;
    return false;
  }
}

}  // namespace liaison::app
