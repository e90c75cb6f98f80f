// Timeline queries without any UI: filtering events (time range, agency, kind, text), grouping
// them into lanes, coordination reachability between agencies, and the state of the workspace
// at a past time reconstructed from the activity journal's before/after records.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/store/journal.hpp"
#include "core/model/snapshot.hpp"

namespace liaison::core {

struct AnalysisResult;
struct WhatIfResult;

// ---- event filters and lanes --------------------------------------------------------------------

struct EventFilter {
  std::optional<TimeUtc> from, to;  // inclusive bounds
  std::vector<Id> agencies;         // any of them; empty: every agency
  std::vector<EventKind> kinds;     // any of them; empty: every kind
  std::string text;                 // case-insensitive, in text, source and agency codes
  bool significant_only = false;
  bool empty() const {
    return !from && !to && agencies.empty() && kinds.empty() && text.empty() && !significant_only;
  }
};

// The events that match, in time order (ties by id).
std::vector<const TimelineEvent*> filterEvents(const Snapshot& s, const EventFilter& f);

enum class LaneMode { Agency, Kind };

struct Lane {
  std::string label;                         // agency code, kind spelling, or "(no agency)"
  Id agency = 0;                             // LaneMode::Agency (0: events without an agency)
  EventKind kind = EventKind::Note;          // LaneMode::Kind
  std::vector<const TimelineEvent*> events;  // time order
};

// One lane per agency (in snapshot order, only agencies with events; an event naming several
// agencies appears in each of their lanes; events without agency in a last lane) or per kind
// (in enumeration order, only kinds present). `events` must be in time order.
std::vector<Lane> buildLanes(const Snapshot& s, const std::vector<const TimelineEvent*>& events,
                             LaneMode mode);

// The operational period containing t (nullptr when none does).
const OperationalPeriod* periodAt(const Snapshot& s, TimeUtc t);
// The time span worth showing: the operational periods (first start to last end); without
// periods the incident (start to end, or to its last event); without either, first to last
// event ((0, 0) when there are none). A quick entry stamped with an odd date never squashes
// the axis: such events lie outside it, and eventsOutside() counts them.
std::pair<TimeUtc, TimeUtc> timelineExtent(const Snapshot& s);
// Events before and after an extent.
std::pair<int, int> eventsOutside(const Snapshot& s, std::pair<TimeUtc, TimeUtc> extent);

// ---- coordination at risk ----------------------------------------------------------------------

// The agencies a task needs to coordinate: its owner and the involved ones, without duplicates.
std::vector<Id> taskAgencies(const Task& t);

// "Coordination at risk" from the engine: a pair of the task's agencies whose recorded need the
// analysis finds broken, or (pairs without a recorded need) that cannot reach each other both
// ways (AnalysisResult::taskPairs); the same engine and availability rules as every other
// answer. Without an engine result nothing is at risk yet (the board says it is checking).
struct CoordinationRisk {
  bool atRisk = false;
  bool whatIfOnly = false;  // at risk only because of the what-if (people or channels marked down)
  std::vector<Id> brokenNeeds;                 // the engine's broken needs between its agencies
  std::vector<std::pair<Id, Id>> unreachable;  // pairs without a need that cannot reach each other
};
// The engine's verdict on each recorded need and task pair, by pair of agencies (either order):
// built once per result, so that asking about many tasks does not scan every need for every task.
class PairNeeds {
 public:
  // With a what-if result, needs it breaks count as broken too (brokenByWhatIf).
  PairNeeds(const AnalysisResult* engine, const WhatIfResult* whatif = nullptr);
  struct Entry {
    Id need = 0;
    bool broken = false;          // by the analysis itself
    bool brokenByWhatIf = false;  // only under the what-if
  };
  // nullptr when no need is recorded between a and b.
  const std::vector<Entry>* find(Id a, Id b) const;
  // For a pair without a recorded need: 1 reachable, 0 not, -1 not known (no result). byWhatIf:
  // reachable now, cut by the what-if.
  int reachable(Id a, Id b, bool* byWhatIf = nullptr) const;
  bool known() const { return m_known; }

 private:
  bool m_known = false;
  std::map<std::pair<Id, Id>, std::vector<Entry>> m_pairs;
  std::map<std::pair<Id, Id>, std::pair<bool, bool>> m_taskPairs;  // (reachable, after what-if)
};

CoordinationRisk coordinationRisk(const Task& t, const PairNeeds& needs);
// The same, building the index for one question.
CoordinationRisk coordinationRisk(const Task& t, const AnalysisResult* engine,
                                  const WhatIfResult* whatif = nullptr);

// ---- state at a past time -----------------------------------------------------------------------

// Per entity, its versions over time as recorded in the journal. Entities created by a
// scenario import (actors "import" and "demo-setup") count as present since before any time:
// the import is the exercise's starting state, written when the file was made, not during it.
// Append-only like the journal: update() consumes only entries it has not seen.
class StateIndex {
 public:
  explicit StateIndex(std::vector<std::string> import_actors = {"import", "demo-setup"})
      : m_importActors(std::move(import_actors)) {}

  // Consumes the entries with seq above the last one seen (the journal is append-only).
  void update(const std::vector<JournalEntry>& journal);
  std::int64_t lastSeq() const { return m_lastSeq; }

  // The workspace as it was at time t: agencies, representatives, channels, needs, tasks,
  // periods, incidents and map features from the journal (entities the journal never
  // mentions are taken from `live`), events that exist now and happened at or before t.
  // Entries whose JSON cannot be read are skipped (the journal is checked by verify).
  std::shared_ptr<Snapshot> stateAt(const Snapshot& live, TimeUtc t) const;

 private:
  struct Version {
    TimeUtc time = 0;             // kBaseline for imported entities
    std::optional<Entity> value;  // nullopt: removed
  };
  using Track = std::vector<Version>;  // in journal order, times non-decreasing
  std::map<std::pair<EntityKind, Id>, Track> m_tracks;
  std::int64_t m_lastSeq = 0;
  TimeUtc m_lastTime = 0;
  std::vector<std::string> m_importActors;
  bool isImport(const std::string& actor) const;
};

// Keeps the reconstructed snapshot for the current scrub position: the index is updated when
// the journal grows, the state recomputed only when the time or the live snapshot changes.
class TimeTravel {
 public:
  // live when t is nullopt; otherwise the (cached) state at *t.
  SnapshotPtr at(const SnapshotPtr& live, const std::vector<JournalEntry>* journal,
                 std::optional<TimeUtc> t);
  std::uint64_t recomputeCount() const { return m_recomputes; }

 private:
  StateIndex m_index;
  const Snapshot* m_live = nullptr;
  std::uint64_t m_liveVersion = 0;
  std::optional<TimeUtc> m_time;
  SnapshotPtr m_cached;
  std::uint64_t m_recomputes = 0;
};

}  // namespace liaison::core
