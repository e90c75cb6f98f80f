// Exercises and drills (HSEEP): the MSEL's injects and their delivery state, evaluators'
// observations, and the exercise clock as plain values (the clock's arithmetic is in
// core/exercise/exercise_clock.hpp), so the drill engine, the controller view and the AAR all
// read the same state and tests need no clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/enums.hpp"
#include "core/model/model.hpp"

namespace liaison::core {

// Scenario time: seconds since the exercise's start (STARTEX), as the MSEL writes offsets.
using ScenarioSeconds = std::int64_t;

enum class InjectMethod { Phone, Radio, Email, InPerson, Media, Other };
enum class InjectState { Pending, Delivered, Acknowledged, Acted, Overdue };
enum class Rating { P, S, M, U };  // performed without / with some / with major challenges, unable

// An inject's optional network event: take a channel, a representative (off duty), a piece of
// infrastructure or a whole agency down, degrade it, or bring it back up.
struct NetworkEffect {
  enum class Target { None, Channel, Representative, Infrastructure, Agency };
  enum class Change { Up, Down, Degraded };  // Degraded for channels and infrastructure
  Target target = Target::None;
  Change change = Change::Down;
  Id id = 0;
  bool empty() const { return target == Target::None; }
  bool operator==(const NetworkEffect&) const = default;
};
// "down channel:1326", "up rep:183", "degraded channel:1001", "down infra:2", "down agency:5";
// "" is no effect.
std::optional<NetworkEffect> parseNetworkEffect(std::string_view text);
std::string formatNetworkEffect(const NetworkEffect& e);
// The kind of record an effect changes (only for a non-empty effect).
EntityKind effectTargetKind(const NetworkEffect& e);

// One line of the MSEL.
struct Inject {
  Id id = 0;                   // its place in the script (1, 2, ...), stable across export
  std::string number;          // the controller's inject number, e.g. "3" or "3a"; unique
  ScenarioSeconds offset = 0;  // 0 = manual: delivered by the controller, not by the clock
  std::string from;            // usually exercise control on behalf of someone
  std::string to;              // intended player: agency code, role or person
  InjectMethod method = InjectMethod::Other;
  std::string subject, message, expected_action, objective, capability, controller, evaluator_notes;
  NetworkEffect effect;
  bool manual() const { return offset == 0; }
  bool operator==(const Inject&) const = default;
};

// What happened to an inject. Times are kept twice: wall (UTC seconds when it happened) and
// scenario (the exercise clock's reading), since display time may run faster than wall time.
// Response times are measured in scenario time.
struct InjectStatus {
  Id inject = 0;
  InjectState state = InjectState::Pending;
  std::optional<TimeUtc> delivered_wall, acked_wall, acted_wall;
  std::optional<ScenarioSeconds> delivered_s, acked_s, acted_s, overdue_s;
  std::string action;         // the action taken, as recorded
  std::string responder;      // who acknowledged
  Id event = 0;               // the timeline event created on delivery
  std::string effect_before;  // the target's state before the effect ("up", "true", ...)
  bool operator==(const InjectStatus&) const = default;
};

// An evaluator's observation (Exercise Evaluation Guide), with the improvement-plan fields.
struct Observation {
  Id id = 0;
  std::string objective, capability;
  Rating rating = Rating::S;
  std::string strengths, improvements, analysis, recommendation, evaluator;
  std::string organisation, poc, start, completion;  // improvement plan: who fixes it, when
  TimeUtc time = 0;
  bool operator==(const Observation&) const = default;
};

// The exercise clock. Scenario time runs at `speed` times wall time while not paused; every
// change (start, pause, resume, speed, jump, rewind) records the wall time and scenario time
// at that moment, so the reading at any wall time is a pure function of this struct, and a
// restarted process resumes exactly where the saved state says.
struct ExerciseClock {
  bool started = false;
  bool paused = true;
  TimeUtc wall_at_change = 0;
  ScenarioSeconds scenario_at_change = 0;
  int speed = 1;      // 1 to 60
  TimeUtc epoch = 0;  // the UTC display time of scenario time 0 (the incident's start)
  ScenarioSeconds overdue_window = 600;  // not acknowledged within this: overdue
  bool operator==(const ExerciseClock&) const = default;
};

inline constexpr int kMinSpeed = 1, kMaxSpeed = 60;

// Everything about the exercise in one plain value: what the controller view reads.
struct ExerciseState {
  ExerciseClock clock;
  std::vector<Inject> injects;         // script order (by id)
  std::vector<InjectStatus> statuses;  // same order and size as injects
  std::vector<Observation> observations;
  const Inject* inject(std::string_view number) const;
  const InjectStatus* status(Id inject) const;
};

// "HH:MM:SS" (hours may exceed 99); negative clamps to 0.
std::string formatOffset(ScenarioSeconds s);
// "HH:MM:SS" or "HH:MM" (hours 0 to 9999, minutes and seconds 00 to 59).
std::optional<ScenarioSeconds> parseOffset(std::string_view text);

template <>
struct EnumTable<InjectMethod> {
  static constexpr std::pair<InjectMethod, std::string_view> values[] = {
      {InjectMethod::Phone, "phone"}, {InjectMethod::Radio, "radio"},
      {InjectMethod::Email, "email"}, {InjectMethod::InPerson, "in_person"},
      {InjectMethod::Media, "media"}, {InjectMethod::Other, "other"}};
};
template <>
struct EnumTable<InjectState> {
  static constexpr std::pair<InjectState, std::string_view> values[] = {
      {InjectState::Pending, "pending"},
      {InjectState::Delivered, "delivered"},
      {InjectState::Acknowledged, "acknowledged"},
      {InjectState::Acted, "acted"},
      {InjectState::Overdue, "overdue"}};
};
template <>
struct EnumTable<Rating> {
  static constexpr std::pair<Rating, std::string_view> values[] = {
      {Rating::P, "P"}, {Rating::S, "S"}, {Rating::M, "M"}, {Rating::U, "U"}};
};

}  // namespace liaison::core
