#include "core/analysis/timeline_query.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <numeric>

#include "core/analysis/analysis.hpp"
#include "core/model/entity_json.hpp"
#include "core/model/enums.hpp"

namespace liaison::core {
namespace {

constexpr TimeUtc kBaseline = std::numeric_limits<TimeUtc>::min();

bool containsNoCase(const std::string& hay, const std::string& lowerNeedle) {
  if (lowerNeedle.empty()) return true;
  if (hay.size() < lowerNeedle.size()) return false;
  auto it =
      std::search(hay.begin(), hay.end(), lowerNeedle.begin(), lowerNeedle.end(),
                  [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
  return it != hay.end();
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool matchesLower(const Snapshot& s, const TimelineEvent& e, const EventFilter& f,
                  const std::string& needle) {
  if (f.significant_only && !e.significant) return false;
  if (f.from && e.time < *f.from) return false;
  if (f.to && e.time > *f.to) return false;
  if (!f.kinds.empty() && std::find(f.kinds.begin(), f.kinds.end(), e.kind) == f.kinds.end())
    return false;
  if (!f.agencies.empty()) {
    bool any = false;
    for (Id a : e.agencies)
      if (std::find(f.agencies.begin(), f.agencies.end(), a) != f.agencies.end()) any = true;
    if (!any) return false;
  }
  if (needle.empty()) return true;
  if (containsNoCase(e.text, needle) || containsNoCase(e.source, needle)) return true;
  for (Id a : e.agencies)
    if (const Agency* ag = s.agency(a); ag && containsNoCase(ag->code, needle)) return true;
  return false;
}

// Sorts by (time, id) so that the order is total whatever the input.
void sortByTime(std::vector<const TimelineEvent*>& v) {
  std::sort(v.begin(), v.end(), [](const TimelineEvent* a, const TimelineEvent* b) {
    return a->time != b->time ? a->time < b->time : a->id < b->id;
  });
}

}  // namespace

std::vector<const TimelineEvent*> filterEvents(const Snapshot& s, const EventFilter& f) {
  const std::string needle = lower(f.text);
  std::vector<const TimelineEvent*> out;
  for (const TimelineEvent& e : s.events)
    if (matchesLower(s, e, f, needle)) out.push_back(&e);
  sortByTime(out);
  return out;
}

std::vector<Lane> buildLanes(const Snapshot& s, const std::vector<const TimelineEvent*>& events,
                             LaneMode mode) {
  std::vector<Lane> lanes;
  if (mode == LaneMode::Kind) {
    for (const auto& [kind, name] : EnumTable<EventKind>::values) {
      Lane lane;
      lane.label = std::string(name);
      lane.kind = kind;
      for (const TimelineEvent* e : events)
        if (e->kind == kind) lane.events.push_back(e);
      if (!lane.events.empty()) lanes.push_back(std::move(lane));
    }
    return lanes;
  }
  std::map<Id, std::vector<const TimelineEvent*>> byAgency;
  std::vector<const TimelineEvent*> none;
  for (const TimelineEvent* e : events) {
    if (e->agencies.empty()) none.push_back(e);
    for (Id a : e->agencies) {
      auto& v = byAgency[a];
      if (v.empty() || v.back() != e) v.push_back(e);
    }
  }
  for (const Agency& a : s.agencies) {
    auto it = byAgency.find(a.id);
    if (it == byAgency.end()) continue;
    lanes.push_back(Lane{a.code, a.id, EventKind::Note, std::move(it->second)});
    byAgency.erase(it);
  }
  for (auto& [id, v] : byAgency)  // agencies the snapshot no longer has
    lanes.push_back(
        Lane{std::string("#").append(std::to_string(id)), id, EventKind::Note, std::move(v)});
  if (!none.empty()) lanes.push_back(Lane{"(no agency)", 0, EventKind::Note, std::move(none)});
  return lanes;
}

const OperationalPeriod* periodAt(const Snapshot& s, TimeUtc t) {
  for (const OperationalPeriod& p : s.periods)
    if (t >= p.start && t < p.end) return &p;
  return nullptr;
}

std::pair<TimeUtc, TimeUtc> timelineExtent(const Snapshot& s) {
  bool any = false;
  TimeUtc lo = 0, hi = 0;
  auto widen = [&](TimeUtc t) {
    lo = any ? std::min(lo, t) : t;
    hi = any ? std::max(hi, t) : t;
    any = true;
  };
  for (const OperationalPeriod& p : s.periods) {
    widen(p.start);
    widen(p.end);
  }
  if (any) return {lo, hi};
  if (const Incident* inc = s.mainIncident()) {
    widen(inc->start);
    if (inc->end) {
      widen(*inc->end);
    } else {
      for (const TimelineEvent& e : s.events)
        if (e.time >= inc->start) widen(e.time);
    }
    return {lo, hi};
  }
  for (const TimelineEvent& e : s.events) widen(e.time);
  return {lo, hi};
}

std::pair<int, int> eventsOutside(const Snapshot& s, std::pair<TimeUtc, TimeUtc> extent) {
  std::pair<int, int> out{0, 0};
  for (const TimelineEvent& e : s.events) {
    if (e.time < extent.first) ++out.first;
    if (e.time > extent.second) ++out.second;
  }
  return out;
}

// ---- reachability -------------------------------------------------------------------------------

std::vector<Id> taskAgencies(const Task& t) {
  std::vector<Id> out;
  if (t.owner_agency) out.push_back(t.owner_agency);
  for (Id a : t.involved)
    if (a && std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
  return out;
}

PairNeeds::PairNeeds(const AnalysisResult* engine, const WhatIfResult* whatif) {
  if (!engine) return;
  m_known = true;
  std::map<Id, bool> cutByWhatIf;
  const bool what = whatif && !whatif->failed.empty();
  if (what)
    for (const NeedImpact& impact : whatif->needs)
      if (impact.after == NeedState::Broken) cutByWhatIf[impact.need] = true;
  for (const NeedResult& n : engine->needs) {
    Entry e;
    e.need = n.need;
    e.broken = n.state == NeedState::Broken;
    e.brokenByWhatIf = !e.broken && cutByWhatIf.count(n.need) > 0;
    m_pairs[{std::min(n.agency_a, n.agency_b), std::max(n.agency_a, n.agency_b)}].push_back(e);
  }
  for (const PairReach& p : engine->taskPairs) m_taskPairs[{p.a, p.b}] = {p.reachable, p.reachable};
  if (what)
    for (const PairReach& p : whatif->taskPairsAfter)
      if (auto it = m_taskPairs.find({p.a, p.b}); it != m_taskPairs.end())
        it->second.second = p.reachable;
}

const std::vector<PairNeeds::Entry>* PairNeeds::find(Id a, Id b) const {
  const auto it = m_pairs.find({std::min(a, b), std::max(a, b)});
  return it == m_pairs.end() ? nullptr : &it->second;
}

int PairNeeds::reachable(Id a, Id b, bool* byWhatIf) const {
  const auto it = m_taskPairs.find({std::min(a, b), std::max(a, b)});
  if (it == m_taskPairs.end()) return -1;
  if (byWhatIf) *byWhatIf = it->second.first && !it->second.second;
  return it->second.first && it->second.second ? 1 : 0;
}

CoordinationRisk coordinationRisk(const Task& t, const PairNeeds& needs) {
  CoordinationRisk out;
  if (t.status == TaskStatus::Done || !needs.known()) return out;
  const std::vector<Id> agencies = taskAgencies(t);
  bool whatIfOnly = true, any = false;
  for (std::size_t i = 0; i < agencies.size(); ++i)
    for (std::size_t j = i + 1; j < agencies.size(); ++j) {
      const Id a = agencies[i], b = agencies[j];
      if (a == b) continue;
      const std::vector<PairNeeds::Entry>* recorded = needs.find(a, b);
      if (!recorded) {
        bool byWhatIf = false;
        if (needs.reachable(a, b, &byWhatIf) == 0) {
          out.unreachable.emplace_back(a, b);
          any = true;
          whatIfOnly &= byWhatIf;
        }
        continue;
      }
      for (const PairNeeds::Entry& e : *recorded) {
        if (!e.broken && !e.brokenByWhatIf) continue;
        out.brokenNeeds.push_back(e.need);
        any = true;
        whatIfOnly &= e.brokenByWhatIf;
      }
    }
  out.atRisk = any;
  out.whatIfOnly = any && whatIfOnly;
  return out;
}

CoordinationRisk coordinationRisk(const Task& t, const AnalysisResult* engine,
                                  const WhatIfResult* whatif) {
  return coordinationRisk(t, PairNeeds(engine, whatif));
}

// ---- state at a past time -----------------------------------------------------------------------

bool StateIndex::isImport(const std::string& actor) const {
  return std::find(m_importActors.begin(), m_importActors.end(), actor) != m_importActors.end();
}

void StateIndex::update(const std::vector<JournalEntry>& journal) {
  // The journal is sorted by seq; skip what was consumed already.
  auto it = std::upper_bound(journal.begin(), journal.end(), m_lastSeq,
                             [](std::int64_t seq, const JournalEntry& e) { return seq < e.seq; });
  for (; it != journal.end(); ++it) {
    const JournalEntry& e = *it;
    m_lastSeq = e.seq;
    m_lastTime = std::max(m_lastTime, e.time);  // keep each track's times non-decreasing
    if (e.action != "put" && e.action != "remove") continue;
    const auto kind = parseEnum<EntityKind>(e.entity);
    // Events and messages are placed by their own time.
    if (!kind || *kind == EntityKind::Event || *kind == EntityKind::Message) continue;
    Track& track = m_tracks[{*kind, e.entity_id}];
    Version v;
    v.time = (track.empty() && isImport(e.actor)) ? kBaseline : m_lastTime;
    if (!track.empty() && track.back().time == kBaseline && isImport(e.actor))
      v.time = kBaseline;  // the import rewrote its own record
    if (e.action == "put") {
      try {
        v.value = entityFromJson(*kind, e.after);
      } catch (const std::exception&) {
        continue;
      }
    }
    track.push_back(std::move(v));
  }
}

std::shared_ptr<Snapshot> StateIndex::stateAt(const Snapshot& live, TimeUtc t) const {
  auto out = std::make_shared<Snapshot>();
  out->version = live.version;
  out->journal_length = live.journal_length;
  out->path = live.path;

  auto rebuild = [&](EntityKind kind, const auto& liveVec) {
    using T = typename std::decay_t<decltype(liveVec)>::value_type;
    std::vector<T>& dst = out->all<T>();
    auto lo = m_tracks.lower_bound({kind, std::numeric_limits<Id>::min()});
    auto hi = m_tracks.lower_bound({kind, std::numeric_limits<Id>::max()});
    // Merge the journal's tracks (sorted by id) with live entities it never mentions.
    auto li = liveVec.begin();
    auto emitTrack = [&](const Track& track) {
      auto v = std::upper_bound(track.begin(), track.end(), t,
                                [](TimeUtc x, const Version& ver) { return x < ver.time; });
      if (v == track.begin()) return;  // did not exist yet
      --v;
      if (v->value) dst.push_back(std::get<T>(*v->value));
    };
    for (auto ti = lo; ti != hi; ++ti) {
      const Id id = ti->first.second;
      while (li != liveVec.end() && li->id < id) dst.push_back(*li++);
      if (li != liveVec.end() && li->id == id) ++li;
      emitTrack(ti->second);
    }
    while (li != liveVec.end()) dst.push_back(*li++);
  };
  rebuild(EntityKind::Agency, live.agencies);
  rebuild(EntityKind::Representative, live.representatives);
  rebuild(EntityKind::Channel, live.channels);
  rebuild(EntityKind::Need, live.needs);
  rebuild(EntityKind::Incident, live.incidents);
  rebuild(EntityKind::OperationalPeriod, live.periods);
  rebuild(EntityKind::Task, live.tasks);
  rebuild(EntityKind::MapFeature, live.features);
  rebuild(EntityKind::Infrastructure, live.infrastructure);
  rebuild(EntityKind::PublicItem, live.public_items);
  rebuild(EntityKind::Objective, live.objectives);
  // Tasks that carry their own history (imported ones have no journal of their own past):
  // absent before they were created, and in the status their times say.
  std::erase_if(out->tasks, [&](const Task& x) { return x.created_at && *x.created_at > t; });
  for (Task& x : out->tasks) {
    if (!x.started_at && !x.blocked_at && !x.done_at && !x.created_at) continue;
    if (x.done_at && *x.done_at <= t)
      x.status = TaskStatus::Done;
    else if (x.blocked_at && *x.blocked_at <= t && (!x.started_at || *x.blocked_at >= *x.started_at))
      x.status = TaskStatus::Blocked;
    else if (x.started_at && *x.started_at <= t)
      x.status = TaskStatus::Doing;
    else
      x.status = TaskStatus::Todo;
  }
  out->events.reserve(live.events.size());
  for (const TimelineEvent& e : live.events)
    if (e.time <= t) out->events.push_back(e);
  for (const Message& m : live.messages)
    if (m.time <= t) out->messages.push_back(m);
  return out;
}

SnapshotPtr TimeTravel::at(const SnapshotPtr& live, const std::vector<JournalEntry>* journal,
                           std::optional<TimeUtc> t) {
  if (!t || !live) return live;
  if (journal) m_index.update(*journal);
  if (m_cached && m_live == live.get() && m_liveVersion == live->version && m_time == t)
    return m_cached;
  m_cached = m_index.stateAt(*live, *t);
  m_live = live.get();
  m_liveVersion = live->version;
  m_time = t;
  ++m_recomputes;
  return m_cached;
}

}  // namespace liaison::core
