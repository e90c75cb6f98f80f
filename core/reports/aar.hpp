// The After-Action Report / Improvement Plan (HSEEP) of an exercise, built from what the
// workspace recorded (the MSEL and each inject's delivery, acknowledgement and action, the
// evaluators' observations, the timeline and the directory): first a plain model (testable),
// then one self-contained HTML document with print CSS and inline SVG figures.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/exercise/drill.hpp"
#include "core/model/exercise.hpp"
#include "core/model/snapshot.hpp"

namespace liaison::core {

// The communication network at one point of the exercise (before it, at the end of each
// operational period, and just after each delivered network effect, in time order): the
// workspace with the injected network effects delivered by then.
struct NetworkPoint {
  std::string label;  // "Before the exercise", "End of period 1", "Inject 3 at 00:20:00: down
                      // channel:1001", ...
  TimeUtc time = 0;
  int channels = 0, channels_down = 0, reps_off_duty = 0;
  int needs = 0, needs_without_path = 0;  // no chain of working channels between the agencies
  std::vector<std::string> broken_needs;  // "RCFD - TVRR", ...
  std::vector<std::string> bottlenecks;   // filled by the analysis hook when there is one
};

// Hook for the network analysis engine (core/analysis*): given the network at a point, fill in
// bottlenecks or replace the simple path count. Without it, a breadth-first check over the
// working channels counts the needs without a path.
using NetworkPointHook = std::function<void(const Snapshot& network, NetworkPoint& point)>;

struct AarCapabilityRow {
  std::string objective, capability;
  std::optional<Rating> rating;  // the lowest rating observed; nullopt: not rated
  int injects = 0, observations = 0;
};
struct AarObjective {
  std::string objective;
  std::vector<const Observation*> strengths, improvements;  // observations with that text
};
struct AarImprovementItem {
  std::string issue, corrective_action, capability, organisation, poc, start, completion;
};
struct AarParticipant {
  std::string agency_code, agency_name, name, position;
};

struct AarModel {
  // Overview.
  std::string name, number, location, scope, scenario, dates;
  std::vector<std::string> objectives;     // in order of first appearance (MSEL, observations)
  std::vector<std::string> organisations;  // "CODE - name (assisting)", by code
  ScenarioSeconds duration = 0;            // scenario time the exercise ran (clock reading)
  // Analysis.
  std::vector<AarCapabilityRow> capabilities;
  std::vector<AarObjective> per_objective;
  std::vector<AarImprovementItem> improvement_plan;
  std::vector<AarParticipant> participants;
  // Inject results and the timeline.
  std::vector<ControllerRow> injects;  // script order
  AgencyResponse overall;
  std::vector<AgencyResponse> per_agency;
  std::vector<const TimelineEvent*> timeline;  // the incident timeline, time order
  std::vector<NetworkPoint> network;
  ExerciseClock clock;
};

struct AarOptions {
  NetworkPointHook network_hook;  // optional
  TimeUtc generated = 0;          // shown in the footer; 0: not shown (stable output)
};

// snap and state must outlive the model (it points into them).
AarModel buildAar(const Snapshot& snap, const ExerciseState& state, const AarOptions& options = {});

std::string renderAarHtml(const AarModel& model, const AarOptions& options = {});

// The network at each point, with the simple path check (and the hook when given).
std::vector<NetworkPoint> networkOverExercise(const Snapshot& snap, const ExerciseState& state,
                                              const NetworkPointHook& hook = {});

// The analysis engine (core/analysis/analysis.hpp) as the hook: needs without a path are the needs it
// finds broken (off-duty people unreachable, as a "down rep:" inject intends), and the three
// busiest go-betweens are the bottlenecks.
NetworkPointHook engineNetworkHook();

class Store;
// The whole report for a workspace: loads its snapshot and exercise state; uses
// engineNetworkHook() unless options give another hook.
std::string aarHtml(const Store& store, const AarOptions& options = {});

}  // namespace liaison::core
