// The drill engine; see drill.hpp.
#include "core/exercise/drill.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <ostream>

#include "core/exercise/network_effects.hpp"
#include "core/model/enums.hpp"
#include "core/model/journal_summary.hpp"
#include "core/model/references.hpp"
#include "core/store/exercise_store.hpp"
#include "core/model/values.hpp"

namespace liaison::core {

namespace {

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return "";
  const auto e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

std::string agencyCode(Id id, const Snapshot& snap) {
  const Agency* a = snap.agency(id);
  return a ? a->code : "(other)";
}

// Script order of the clock-driven injects: by offset, then id. Index k is 1-based.
std::vector<const Inject*> clockDriven(const ExerciseState& state) {
  std::vector<const Inject*> out;
  for (const Inject& i : state.injects)
    if (!i.manual()) out.push_back(&i);
  std::stable_sort(out.begin(), out.end(),
                   [](const Inject* a, const Inject* b) { return a->offset < b->offset; });
  return out;
}

constexpr ScenarioSeconds kNever = std::numeric_limits<ScenarioSeconds>::max();

}  // namespace

Id injectAgency(const Inject& inject, const Snapshot& snap) {
  const std::string head = trim(std::string_view(inject.to).substr(0, inject.to.find(':')));
  for (const Agency& a : snap.agencies)
    if (a.code == head) return a.id;
  const std::string whole = trim(inject.to);
  for (const Representative& r : snap.representatives)
    if (r.name == whole) return r.agency;
  return 0;
}

DurationStats durationStats(std::vector<ScenarioSeconds> v) {
  DurationStats s;
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  s.count = static_cast<int>(v.size());
  double sum = 0;
  for (auto x : v) sum += static_cast<double>(x);
  s.mean = sum / static_cast<double>(v.size());
  const std::size_t n = v.size();
  s.median = n % 2 ? static_cast<double>(v[n / 2])
                   : (static_cast<double>(v[n / 2 - 1]) + static_cast<double>(v[n / 2])) / 2.0;
  s.max = v.back();
  return s;
}

namespace {
void accumulate(AgencyResponse& r, const InjectStatus& st, std::vector<ScenarioSeconds>& acks,
                std::vector<ScenarioSeconds>& acts) {
  if (!st.delivered_s) return;
  r.delivered++;
  if (st.acked_s) {
    r.acknowledged++;
    acks.push_back(*st.acked_s - *st.delivered_s);
  }
  if (st.acted_s) {
    r.acted++;
    acts.push_back(*st.acted_s - *st.delivered_s);
  }
  if (st.overdue_s) r.overdue++;
}
}  // namespace

std::vector<AgencyResponse> responseStats(const ExerciseState& state, const Snapshot& snap) {
  struct Acc {
    AgencyResponse r;
    std::vector<ScenarioSeconds> acks, acts;
  };
  std::vector<Acc> accs;
  for (std::size_t k = 0; k < state.injects.size(); ++k) {
    const InjectStatus& st = state.statuses[k];
    if (!st.delivered_s) continue;
    const Id agency = injectAgency(state.injects[k], snap);
    auto it =
        std::find_if(accs.begin(), accs.end(), [&](const Acc& a) { return a.r.agency == agency; });
    if (it == accs.end()) {
      accs.push_back({});
      it = accs.end() - 1;
      it->r.agency = agency;
      it->r.code = agencyCode(agency, snap);
    }
    accumulate(it->r, st, it->acks, it->acts);
  }
  std::vector<AgencyResponse> out;
  for (Acc& a : accs) {
    a.r.ack = durationStats(std::move(a.acks));
    a.r.action = durationStats(std::move(a.acts));
    out.push_back(std::move(a.r));
  }
  std::sort(out.begin(), out.end(), [](const AgencyResponse& a, const AgencyResponse& b) {
    if ((a.agency == 0) != (b.agency == 0)) return b.agency == 0;
    return a.code < b.code;
  });
  return out;
}

AgencyResponse overallResponse(const ExerciseState& state) {
  AgencyResponse r;
  r.code = "all";
  std::vector<ScenarioSeconds> acks, acts;
  for (const InjectStatus& st : state.statuses) accumulate(r, st, acks, acts);
  r.ack = durationStats(std::move(acks));
  r.action = durationStats(std::move(acts));
  return r;
}

ControllerView controllerView(const ExerciseState& state, const Snapshot& snap, TimeUtc wall) {
  ControllerView v;
  v.clock = state.clock;
  v.now = scenarioAt(state.clock, wall);
  v.display_time = displayTime(state.clock, v.now);
  for (std::size_t k = 0; k < state.injects.size(); ++k) {
    ControllerRow row;
    row.inject = state.injects[k];
    row.status = state.statuses[k];
    row.agency_code = agencyCode(injectAgency(row.inject, snap), snap);
    const InjectStatus& st = row.status;
    row.due =
        st.state == InjectState::Pending && !row.inject.manual() && row.inject.offset <= v.now;
    if (st.delivered_s && st.acked_s) row.ack_time = *st.acked_s - *st.delivered_s;
    if (st.delivered_s && st.acted_s) row.action_time = *st.acted_s - *st.delivered_s;
    switch (st.state) {
      case InjectState::Pending:
        v.pending++;
        break;
      case InjectState::Delivered:
        v.delivered++;
        break;
      case InjectState::Acknowledged:
        v.acknowledged++;
        break;
      case InjectState::Acted:
        v.acted++;
        break;
      case InjectState::Overdue:
        v.overdue++;
        break;
    }
    if (st.state == InjectState::Pending && !row.inject.manual() &&
        (!v.next_offset || row.inject.offset < *v.next_offset))
      v.next_offset = row.inject.offset;
    v.rows.push_back(std::move(row));
  }
  v.stats = responseStats(state, snap);
  return v;
}

std::optional<AutoAckPolicy> parseAutoAckPolicy(const std::string& text) {
  AutoAckPolicy p;
  if (text == "none") return p;
  if (text == "all") {
    p.kind = AutoAckPolicy::Kind::All;
    return p;
  }
  if (text.starts_with("agency:")) {
    p.kind = AutoAckPolicy::Kind::Agencies;
    std::string rest = text.substr(7);
    std::size_t pos = 0;
    while (pos <= rest.size()) {
      const auto comma = rest.find(',', pos);
      const std::string code = trim(rest.substr(pos, comma - pos));
      if (code.empty()) return std::nullopt;
      p.codes.push_back(code);
      if (comma == std::string::npos) break;
      pos = comma + 1;
    }
    return p;
  }
  if (text.starts_with("ratio:")) {
    p.kind = AutoAckPolicy::Kind::Ratio;
    try {
      std::size_t used = 0;
      p.ratio = std::stod(text.substr(6), &used);
      if (used != text.size() - 6 || !(p.ratio >= 0.0 && p.ratio <= 1.0)) return std::nullopt;
    } catch (...) {
      return std::nullopt;
    }
    return p;
  }
  return std::nullopt;
}

bool autoAcknowledges(const AutoAckPolicy& p, const std::string& agencyCode, int k) {
  switch (p.kind) {
    case AutoAckPolicy::Kind::None:
      return false;
    case AutoAckPolicy::Kind::All:
      return true;
    case AutoAckPolicy::Kind::Agencies:
      return std::find(p.codes.begin(), p.codes.end(), agencyCode) != p.codes.end();
    case AutoAckPolicy::Kind::Ratio:
      return std::floor(k * p.ratio + 1e-9) > std::floor((k - 1) * p.ratio + 1e-9);
  }
  return false;
}

// ---- Drill ------------------------------------------------------------------------------------

Drill::Drill(Store& store, std::string actor) : m_store(store), m_actor(std::move(actor)) {
  reload();
}

void Drill::reload() {
  m_state = loadExercise(m_store);
  m_snap = m_store.load();
}

const Inject& Drill::injectByNumber(const std::string& number) const {
  const Inject* i = m_state.inject(number);
  if (!i) {
    std::string known;
    for (const Inject& x : m_state.injects) known += (known.empty() ? "" : ", ") + x.number;
    throw DrillError("there is no inject " + number + " in the MSEL" +
                     (known.empty() ? " (no MSEL imported; use liaison drill import)"
                                    : "; its injects are " + known));
  }
  return *i;
}

const InjectStatus& Drill::statusOf(Id inject) const {
  return *m_state.status(inject);
}

void Drill::saveClock(const ExerciseClock& clock, const std::string& summary) {
  m_store.transact(m_actor, [&](Transaction& txn) { writeClock(txn, clock, summary); });
  reload();
}

void Drill::start(TimeUtc wall) {
  ExerciseClock c = startClock(m_state.clock, wall);
  if (c.epoch == 0)
    if (const Incident* inc = m_snap->mainIncident()) c.epoch = inc->start;
  saveClock(c, "EXERCISE clock started (STARTEX) at " + std::to_string(c.speed) + "x");
}

void Drill::pause(TimeUtc wall) {
  const ExerciseClock c = pauseClock(m_state.clock, wall);
  saveClock(c, "EXERCISE clock paused at " + formatOffset(c.scenario_at_change));
}

void Drill::resume(TimeUtc wall) {
  const ExerciseClock c = resumeClock(m_state.clock, wall);
  saveClock(c, "EXERCISE clock resumed at " + formatOffset(c.scenario_at_change) + ", " +
                   std::to_string(c.speed) + "x");
}

void Drill::setSpeed(TimeUtc wall, int speed) {
  if (speed < kMinSpeed || speed > kMaxSpeed)
    throw DrillError("speed " + std::to_string(speed) + " is out of range; expected 1 to 60");
  if (speed == m_state.clock.speed) return;
  const ExerciseClock c = ::liaison::core::setSpeed(m_state.clock, wall, speed);
  saveClock(c, "EXERCISE clock speed " + std::to_string(speed) + "x at " +
                   formatOffset(c.scenario_at_change));
}

void Drill::jump(TimeUtc wall, ScenarioSeconds to) {
  const ScenarioSeconds from = now(wall);
  const ExerciseClock c = jumpClock(m_state.clock, wall, to);
  saveClock(c, std::string("EXERCISE clock ") + (to < from ? "rewound" : "jumped") + " from " +
                   formatOffset(from) + " to " + formatOffset(c.scenario_at_change));
}

void Drill::setOverdueWindow(ScenarioSeconds window) {
  if (window <= 0) throw DrillError("the overdue window must be positive");
  if (window == m_state.clock.overdue_window) return;
  ExerciseClock c = m_state.clock;
  c.overdue_window = window;
  saveClock(c, "EXERCISE overdue window set to " + formatOffset(window));
}

void Drill::reset(TimeUtc) {
  // Undo network effects, latest delivery first, so each target returns to its first state.
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < m_state.injects.size(); ++k)
    if (m_state.statuses[k].delivered_s && !m_state.injects[k].effect.empty()) order.push_back(k);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return *m_state.statuses[a].delivered_s > *m_state.statuses[b].delivered_s;
  });
  // Undone on a working copy, latest first, so a target hit twice ends in its first state.
  Snapshot restored = *m_snap;
  std::vector<std::pair<EntityKind, Id>> touched;
  for (std::size_t k : order) {
    const NetworkEffect& e = m_state.injects[k].effect;
    undoEffectIn(restored, e, m_state.statuses[k].effect_before);
    const std::pair<EntityKind, Id> key{effectTargetKind(e), e.id};
    if (std::find(touched.begin(), touched.end(), key) == touched.end()) touched.push_back(key);
  }
  m_store.transact(m_actor, [&](Transaction& txn) {
    for (const auto& [kind, id] : touched)
      std::visit(
          [&](const auto& tag) {
            using T = std::decay_t<decltype(tag)>;
            if (const T* x = restored.find<T>(id)) txn.run(put(*x));
          },
          entityTag(kind));
    for (std::size_t k = 0; k < m_state.injects.size(); ++k)
      if (m_state.statuses[k].state != InjectState::Pending) {
        InjectStatus fresh;
        fresh.inject = m_state.injects[k].id;
        writeInjectStatus(
            txn, fresh,
            "EXERCISE inject " + m_state.injects[k].number + " back to pending (exercise reset)");
      }
    writeClock(txn, resetClock(m_state.clock), "EXERCISE clock reset to 00:00:00");
  });
  reload();
}

bool Drill::deliverAt(const Inject& inject, TimeUtc wall, ScenarioSeconds s) {
  const Snapshot& snap = *m_snap;
  InjectStatus st = statusOf(inject.id);
  st.state = InjectState::Delivered;
  st.delivered_wall = wall;
  st.delivered_s = s;
  try {
  m_store.transact(m_actor, [&](Transaction& txn) {
    TimelineEvent ev;
    if (const Incident* inc = snap.mainIncident()) ev.incident = inc->id;
    ev.time = displayTime(m_state.clock, s);
    ev.kind = EventKind::Inject;
    if (Id a = injectAgency(inject, snap)) ev.agencies.push_back(a);
    ev.text = "EXERCISE INJECT " + inject.number + ": " +
              (inject.subject.empty() ? inject.message : inject.subject + " - " + inject.message);
    ev.source = "Exercise control" + (inject.from.empty() ? "" : " (" + inject.from + ")");
    ev.significant = true;
    const std::vector<Id> ids = txn.run(put(ev));
    st.event = ids.empty() ? 0 : ids.front();
    const NetworkEffect& e = inject.effect;
    if (!e.empty()) {
      const std::optional<std::string> before = effectStateBefore(snap, e);
      const std::optional<Entity> after = applyEffect(snap, e);
      if (!before || !after)
        throw DrillError("inject " + inject.number + ": " + kindLabel(effectTargetKind(e)) + " " +
                         std::to_string(e.id) + " no longer exists");
      st.effect_before = *before;
      txn.run(put(*after));
    }
    writeInjectStatus(txn, st,
                      "EXERCISE inject " + inject.number + " delivered to " + inject.to + " at " +
                          formatOffset(s) + (inject.subject.empty() ? "" : ": " + inject.subject) +
                          (e.empty() ? "" : " [" + formatNetworkEffect(e) + "]"));
  });
  } catch (const StaleInjectState& e) {
    m_conflict = e.what();
    reload();
    return false;
  }
  reload();
  return true;
}

bool Drill::markOverdue(const Inject& inject, ScenarioSeconds s) {
  InjectStatus st = statusOf(inject.id);
  st.state = InjectState::Overdue;
  st.overdue_s = s;
  try {
    m_store.transact(m_actor, [&](Transaction& txn) {
      writeInjectStatus(txn, st,
                        "EXERCISE inject " + inject.number + " overdue at " + formatOffset(s) +
                            ": not acknowledged by " + inject.to + " within " +
                            formatOffset(m_state.clock.overdue_window));
    });
  } catch (const StaleInjectState& e) {
    m_conflict = e.what();
    reload();
    return false;
  }
  reload();
  return true;
}

std::vector<std::string> Drill::advance(TimeUtc wall, std::optional<ScenarioSeconds> upTo) {
  const ScenarioSeconds limit = upTo ? *upTo : now(wall);
  std::vector<std::string> changed;
  for (;;) {
    // The earliest event at or before the limit: a delivery or an overdue mark.
    ScenarioSeconds best = kNever;
    const Inject* which = nullptr;
    bool overdue = false;
    for (std::size_t k = 0; k < m_state.injects.size(); ++k) {
      const Inject& i = m_state.injects[k];
      const InjectStatus& st = m_state.statuses[k];
      if (st.state == InjectState::Pending && !i.manual() && i.offset < best) {
        best = i.offset;
        which = &i;
        overdue = false;
      } else if (st.state == InjectState::Delivered && st.delivered_s) {
        const ScenarioSeconds due = *st.delivered_s + m_state.clock.overdue_window;
        if (due < best) {
          best = due;
          which = &i;
          overdue = true;
        }
      }
    }
    if (!which || best > limit) break;
    const Inject inject = *which;
    // False: another controller changed it first; the state is reloaded and the loop goes on
    // from what that controller wrote.
    if (overdue ? markOverdue(inject, best) : deliverAt(inject, wall, best))
      changed.push_back(inject.number);
  }
  return changed;
}

void Drill::deliver(const std::string& number, TimeUtc wall) {
  const Inject& i = injectByNumber(number);
  if (statusOf(i.id).state != InjectState::Pending)
    throw DrillError("inject " + number + " was already delivered");
  const Inject copy = i;
  if (!deliverAt(copy, wall, now(wall))) throw DrillError(takeConflict());
}

void Drill::acknowledge(const std::string& number, TimeUtc wall, const std::string& responder,
                        const std::string& action, std::optional<ScenarioSeconds> at) {
  const Inject inject = injectByNumber(number);
  InjectStatus st = statusOf(inject.id);
  if (st.state == InjectState::Pending)
    throw DrillError("inject " + number + " has not been delivered yet");
  if (st.acked_s)
    throw DrillError("inject " + number + " was already acknowledged at " +
                     formatOffset(*st.acked_s));
  const ScenarioSeconds s = std::max(at ? *at : now(wall), *st.delivered_s);
  st.state = action.empty() ? InjectState::Acknowledged : InjectState::Acted;
  st.acked_wall = wall;
  st.acked_s = s;
  st.responder = responder;
  if (!action.empty()) {
    st.acted_wall = wall;
    st.acted_s = s;
    st.action = action;
  }
  m_store.transact(m_actor, [&](Transaction& txn) {
    writeInjectStatus(txn, st,
                      "EXERCISE inject " + number + " acknowledged" +
                          (responder.empty() ? "" : " by " + responder) + " at " + formatOffset(s) +
                          " (" + formatOffset(s - *st.delivered_s) + " after delivery)" +
                          (action.empty() ? "" : "; action: " + action));
  });
  reload();
}

void Drill::recordAction(const std::string& number, TimeUtc wall, const std::string& action,
                         std::optional<ScenarioSeconds> at) {
  const Inject inject = injectByNumber(number);
  InjectStatus st = statusOf(inject.id);
  if (st.state == InjectState::Pending)
    throw DrillError("inject " + number + " has not been delivered yet");
  if (action.find_first_not_of(" \t") == std::string::npos)
    throw DrillError("the action is empty; describe the action taken");
  const ScenarioSeconds s = std::max(at ? *at : now(wall), *st.delivered_s);
  if (!st.acked_s) {
    st.acked_s = s;
    st.acked_wall = wall;
  }
  st.state = InjectState::Acted;
  st.acted_wall = wall;
  st.acted_s = s;
  st.action = action;
  m_store.transact(m_actor, [&](Transaction& txn) {
    writeInjectStatus(txn, st,
                      "EXERCISE inject " + number + " action recorded at " + formatOffset(s) +
                          " (" + formatOffset(s - *st.delivered_s) + " after delivery): " + action);
  });
  reload();
}

// ---- headless runs -----------------------------------------------------------------------------

namespace {

struct AutoEvent {
  ScenarioSeconds at = kNever;
  std::string number;
  bool act = false;  // else acknowledge
};

AutoEvent nextAutoEvent(const ExerciseState& state, const Snapshot& snap,
                        const AutoAckPolicy& policy) {
  AutoEvent best;
  if (policy.kind == AutoAckPolicy::Kind::None) return best;
  const auto order = clockDriven(state);
  for (std::size_t k = 0; k < order.size(); ++k) {
    const Inject& i = *order[k];
    const InjectStatus& st = *state.status(i.id);
    if (!st.delivered_s) continue;
    if (!autoAcknowledges(policy, agencyCode(injectAgency(i, snap), snap), static_cast<int>(k + 1)))
      continue;
    if (!st.acked_s) {
      const ScenarioSeconds t = *st.delivered_s + policy.ack_delay;
      if (t < best.at) best = {t, i.number, false};
    } else if (!st.acted_s && st.responder == kAutoResponder) {
      const ScenarioSeconds t = *st.delivered_s + std::max(policy.act_delay, policy.ack_delay);
      if (t < best.at) best = {t, i.number, true};
    }
  }
  return best;
}

ScenarioSeconds nextEngineEvent(const ExerciseState& state) {
  ScenarioSeconds best = kNever;
  for (std::size_t k = 0; k < state.injects.size(); ++k) {
    const Inject& i = state.injects[k];
    const InjectStatus& st = state.statuses[k];
    if (st.state == InjectState::Pending && !i.manual()) best = std::min(best, i.offset);
    if (st.state == InjectState::Delivered && st.delivered_s)
      best = std::min(best, *st.delivered_s + state.clock.overdue_window);
  }
  return best;
}

}  // namespace

DrillRunReport runDrill(Drill& drill, const DrillRunOptions& options,
                        const std::function<TimeUtc()>& now, const std::function<void()>& sleep,
                        std::ostream& log) {
  TimeUtc wall = now();
  if (!drill.state().clock.started) drill.start(wall);
  drill.setSpeed(wall, options.speed);
  if (drill.state().clock.paused) drill.resume(wall);
  ScenarioSeconds last = drill.now(wall);
  const bool alreadyPast = options.until && last >= *options.until;
  bool finished = false;
  while (!finished && !(options.until && last >= *options.until)) {
    ScenarioSeconds s = drill.now(wall);
    if (options.until) s = std::min(s, *options.until);
    for (;;) {
      const ExerciseState& st = drill.state();
      const ScenarioSeconds tEngine = nextEngineEvent(st);
      const AutoEvent tAuto = nextAutoEvent(st, *drill.snapshot(), options.policy);
      const ScenarioSeconds t = std::min(tEngine, tAuto.at);
      if (t == kNever) {
        finished = !options.until;
        break;
      }
      if (t > s) break;
      if (tEngine <= tAuto.at) {
        for (const std::string& n : drill.advance(wall, tEngine)) {
          const InjectStatus* is = drill.state().status(drill.state().inject(n)->id);
          log << formatOffset(tEngine) << "  inject " << n << " " << toString(is->state) << "\n";
        }
        if (const std::string c = drill.takeConflict(); !c.empty())
          log << "warning: " << c << "\n";
      } else {
        try {
          if (tAuto.act) {
            drill.recordAction(tAuto.number, wall, "(rehearsal) expected action taken", tAuto.at);
            log << formatOffset(tAuto.at) << "  inject " << tAuto.number << " acted (auto)\n";
          } else {
            drill.acknowledge(tAuto.number, wall, kAutoResponder, "", tAuto.at);
            log << formatOffset(tAuto.at) << "  inject " << tAuto.number
                << " acknowledged (auto)\n";
          }
        } catch (const StaleInjectState& e) {
          // Another station answered first: go on from what it wrote.
          log << "warning: " << e.what() << "\n";
          drill.reload();
        }
      }
      last = t;
    }
    if (finished) break;
    if (options.until && s >= *options.until) {
      last = *options.until;
      break;
    }
    if (options.simulate) {
      // Jump the virtual wall clock to the next thing that can happen (or the end).
      const ExerciseState& st = drill.state();
      ScenarioSeconds next =
          std::min(nextEngineEvent(st), nextAutoEvent(st, *drill.snapshot(), options.policy).at);
      if (options.until) next = std::min(next, *options.until);
      const auto w = wallWhen(st.clock, next);
      wall = w && *w > wall ? *w : wall + 1;
    } else {
      sleep();
      wall = now();
    }
  }
  // Stop the clock exactly where the run ended.
  const ScenarioSeconds end = options.until && last >= *options.until ? *options.until : last;
  if (!alreadyPast && end != drill.now(wall)) drill.jump(wall, end);
  drill.pause(wall);
  DrillRunReport report;
  report.ended_at = drill.now(wall);
  for (const InjectStatus& st : drill.state().statuses) {
    if (st.delivered_s) report.delivered++;
    if (st.acked_s) report.acknowledged++;
    if (st.acted_s) report.acted++;
    if (st.overdue_s) report.overdue++;
  }
  return report;
}

}  // namespace liaison::core
