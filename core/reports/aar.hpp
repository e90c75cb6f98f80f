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
  // By the availability rules (core/analysis/availability.hpp), as `liaison analyze` counts:
  // channels that carry no traffic, people who cannot be reached, infrastructure down.
  int channels = 0, channels_down = 0, people_out = 0, infrastructure_down = 0;
  int needs = 0, needs_without_path = 0;  // no chain of working channels between the agencies
  std::vector<std::string> broken_needs;  // "RCFD - TVRR", ...
  std::vector<std::string> bottlenecks;   // filled by the analysis hook when there is one
};

// An optional hook given the network at a point after the engine has filled it in (tests).
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
  std::string zone;  // the incident's time zone: every time of the report is shown in it
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

// The network at each point, analysed by the engine (core/analysis/analysis.hpp) under the one
// set of availability rules: needs without a path are the needs it finds broken, the three
// busiest go-betweens are the bottlenecks. The hook, when given, may add to each point.
std::vector<NetworkPoint> networkOverExercise(const Snapshot& snap, const ExerciseState& state,
                                              const NetworkPointHook& hook = {});

class Store;
// The whole report for a workspace: loads its snapshot and exercise state.
std::string aarHtml(const Store& store, const AarOptions& options = {});

}  // namespace liaison::core
