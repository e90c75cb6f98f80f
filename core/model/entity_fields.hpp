// The field table of every record the workspace keeps (see fields.hpp for what drives what).
// Order matters: it is the order of the JSON keys in the journal's images (so existing keys
// keep their place and new fields go last) and of the scenario CSV columns.
#pragma once

#include "core/model/exercise.hpp"
#include "core/model/fields.hpp"

namespace liaison::core::fields {

using K = EntityKind;

template <>
struct Table<Agency> {
  static constexpr std::string_view table = "agencies", csvFile = "agencies.csv", owner = "";
  static constexpr auto fields = std::make_tuple(
      id(&Agency::id), text("code", &Agency::code, {.required = true}),
      text("name", &Agency::name, {.required = true}),
      enumeration("type", &Agency::type, "agency type", {.required = true}),
      enumeration("role", &Agency::role, "agency role", {.required = true}),
      text("discipline", &Agency::discipline), text("jurisdiction", &Agency::jurisdiction),
      text("location", &Agency::location), position("position", &Agency::position),
      text("agreements", &Agency::agreements), text("resources", &Agency::resources),
      integer("personnel", &Agency::personnel, {.min = 0, .valid = "a whole number, 0 or more"}),
      text("condition", &Agency::condition), text("constraints", &Agency::constraints),
      text("rep_location", &Agency::rep_location), text("notes", &Agency::notes),
      enumeration("status", &Agency::status, "agency status"));
};

template <>
struct Table<ContactMethod> {
  static constexpr std::string_view table = "rep_contacts", csvFile = "contacts.csv",
                                    owner = "rep";
  static constexpr auto fields = std::make_tuple(
      enumeration("kind", &ContactMethod::kind, "contact kind", {.required = true}),
      text("value", &ContactMethod::value, {.required = true}),
      flag("sensitive", &ContactMethod::sensitive), text("note", &ContactMethod::note));
};

template <>
struct Table<Representative> {
  static constexpr std::string_view table = "representatives", csvFile = "representatives.csv",
                                    owner = "rep";
  static constexpr auto fields = std::make_tuple(
      id(&Representative::id),
      ref("agency", &Representative::agency, K::Agency, {.required = true}),
      text("name", &Representative::name, {.required = true}),
      text("position", &Representative::position), text("shift", &Representative::shift),
      flag("on_duty", &Representative::on_duty),
      custom("contacts", &Representative::contacts, {.sql = kNone, .csv = kNone}),
      position("location", &Representative::location),
      idList("carried_by", &Representative::carried_by, K::Infrastructure, "rep_carried_by",
             "infrastructure"));
};

template <>
struct Table<Channel> {
  static constexpr std::string_view table = "channels", csvFile = "channels.csv",
                                    owner = "channel";
  static constexpr auto fields = std::make_tuple(
      id(&Channel::id),
      ref("from_rep", &Channel::from_rep, K::Representative,
          {.csv = "from_representative", .removeWith = true}),
      ref("to_rep", &Channel::to_rep, K::Representative,
          {.csv = "to_representative", .removeWith = true}),
      ref("from_agency", &Channel::from_agency, K::Agency, {.removeWith = true}),
      ref("to_agency", &Channel::to_agency, K::Agency, {.removeWith = true}),
      enumeration("medium", &Channel::medium, "medium", {.required = true}),
      text("identifier", &Channel::identifier),
      real("latency_min", &Channel::latency_min,
           {.required = true, .min = 0, .max = 1e9, .valid = "a number of minutes, 0 or more"}),
      real("reliability", &Channel::reliability,
           {.required = true, .min = 0, .max = 1, .valid = "a number from 0 to 1"}),
      enumeration("status", &Channel::status, "channel status"),
      flag("two_way", &Channel::two_way, {.csv = "direction", .yes = "two_way", .no = "one_way"}),
      text("notes", &Channel::notes),
      idList("carried_by", &Channel::carried_by, K::Infrastructure, "channel_carried_by",
             "infrastructure"));
};

template <>
struct Table<Need> {
  static constexpr std::string_view table = "needs", csvFile = "needs.csv", owner = "";
  static constexpr auto fields = std::make_tuple(
      id(&Need::id), ref("agency_a", &Need::agency_a, K::Agency, {.required = true}),
      ref("agency_b", &Need::agency_b, K::Agency, {.required = true}),
      text("reason", &Need::reason), enumeration("priority", &Need::priority, "priority"),
      enumeration("source", &Need::source, "need source"), ref("task", &Need::task, K::Task),
      optReal("latency_budget", &Need::latency_budget,
              {.min = 0, .max = 1e9, .valid = "a number of minutes, 0 or more"}),
      optReal("reliability_floor", &Need::reliability_floor,
              {.min = 0, .max = 1, .valid = "a number from 0 to 1"}));
};

template <>
struct Table<Incident> {
  static constexpr std::string_view table = "incidents", csvFile = "incidents.csv", owner = "";
  static constexpr auto fields = std::make_tuple(
      id(&Incident::id), text("name", &Incident::name, {.required = true}),
      text("number", &Incident::number), text("kind", &Incident::kind),
      flag("exercise", &Incident::exercise), time("start", &Incident::start, {.required = true}),
      optTime("end", &Incident::end), text("location", &Incident::location),
      text("description", &Incident::description), text("time_zone", &Incident::time_zone));
};

template <>
struct Table<OperationalPeriod> {
  static constexpr std::string_view table = "periods", csvFile = "periods.csv", owner = "";
  static constexpr auto fields = std::make_tuple(
      id(&OperationalPeriod::id),
      ref("incident", &OperationalPeriod::incident, K::Incident, {.required = true}),
      integer("number", &OperationalPeriod::number,
              {.required = true, .min = 1, .valid = "a whole number, 1 or more"}),
      time("start", &OperationalPeriod::start, {.required = true}),
      time("end", &OperationalPeriod::end, {.required = true}),
      text("objectives", &OperationalPeriod::objectives));
};

template <>
struct Table<TimelineEvent> {
  static constexpr std::string_view table = "events", csvFile = "events.csv", owner = "event";
  static constexpr auto fields = std::make_tuple(
      id(&TimelineEvent::id),
      ref("incident", &TimelineEvent::incident, K::Incident, {.csvRequired = true}),
      time("time", &TimelineEvent::time, {.required = true}),
      enumeration("kind", &TimelineEvent::kind, "event kind", {.required = true}),
      idList("agencies", &TimelineEvent::agencies, K::Agency, "event_agencies", "agency"),
      text("text", &TimelineEvent::text, {.required = true}),
      text("source", &TimelineEvent::source), flag("significant", &TimelineEvent::significant));
};

template <>
struct Table<Task> {
  static constexpr std::string_view table = "tasks", csvFile = "tasks.csv", owner = "task";
  static constexpr auto fields = std::make_tuple(
      id(&Task::id), ref("incident", &Task::incident, K::Incident, {.csvRequired = true}),
      text("title", &Task::title, {.required = true}), text("description", &Task::description),
      enumeration("status", &Task::status, "task status"),
      enumeration("priority", &Task::priority, "priority"),
      ref("owner_agency", &Task::owner_agency, K::Agency),
      ref("owner_rep", &Task::owner_rep, K::Representative, {.csv = "owner_representative"}),
      idList("involved", &Task::involved, K::Agency, "task_involved", "agency"),
      optTime("due", &Task::due),
      idList("depends_on", &Task::depends_on, K::Task, "task_depends", "depends_on"),
      optTime("created_at", &Task::created_at), optTime("started_at", &Task::started_at),
      optTime("blocked_at", &Task::blocked_at), optTime("done_at", &Task::done_at));
};

template <>
struct Table<MapFeature> {
  static constexpr std::string_view table = "map_features", csvFile = "", owner = "";
  static constexpr auto fields = std::make_tuple(
      id(&MapFeature::id),
      enumeration("geometry", &MapFeature::geometry, "geometry", {.required = true}),
      enumeration("kind", &MapFeature::kind, "feature kind", {.required = true}),
      text("label", &MapFeature::label), ref("agency", &MapFeature::agency, K::Agency),
      ref("incident", &MapFeature::incident, K::Incident), text("layer", &MapFeature::layer),
      custom("rings", &MapFeature::rings, {.csv = kNone}),
      text("properties_json", &MapFeature::properties_json, {.sql = "properties", .csv = kNone}));
};

template <>
struct Table<Infrastructure> {
  static constexpr std::string_view table = "infrastructure", csvFile = "infrastructure.csv",
                                    owner = "infrastructure";
  static constexpr auto fields = std::make_tuple(
      id(&Infrastructure::id), text("name", &Infrastructure::name, {.required = true}),
      enumeration("kind", &Infrastructure::kind, "infrastructure kind", {.required = true}),
      enumeration("status", &Infrastructure::status, "infrastructure status"),
      position("position", &Infrastructure::position),
      ref("feature", &Infrastructure::feature, K::MapFeature),
      idList("depends_on", &Infrastructure::depends_on, K::Infrastructure,
             "infrastructure_depends", "depends_on"),
      text("notes", &Infrastructure::notes));
};

template <>
struct Table<Message> {
  static constexpr std::string_view table = "messages", csvFile = "messages.csv",
                                    owner = "message";
  static constexpr auto fields = std::make_tuple(
      id(&Message::id), time("time", &Message::time, {.required = true}),
      ref("from_rep", &Message::from_rep, K::Representative, {.csv = "from_representative"}),
      ref("from_agency", &Message::from_agency, K::Agency),
      idList("to_reps", &Message::to_reps, K::Representative, "message_to_reps",
             "representative", {.csv = "to_representatives"}),
      idList("to_agencies", &Message::to_agencies, K::Agency, "message_to_agencies", "agency"),
      ref("channel", &Message::channel, K::Channel),
      enumeration("medium", &Message::medium, "medium", {.required = true}),
      enumeration("kind", &Message::kind, "message kind", {.required = true}),
      text("subject", &Message::subject), text("text", &Message::text),
      ref("need", &Message::need, K::Need), ref("task", &Message::task, K::Task),
      ref("reply_to", &Message::reply_to, K::Message),
      text("recorded_by", &Message::recorded_by), flag("sensitive", &Message::sensitive));
};

template <>
struct Table<PublicItem> {
  static constexpr std::string_view table = "public_items", csvFile = "", owner = "";
  static constexpr auto fields = std::make_tuple(
      id(&PublicItem::id), ref("incident", &PublicItem::incident, K::Incident),
      enumeration("kind", &PublicItem::kind, "public item kind", {.required = true}),
      text("title", &PublicItem::title, {.required = true}), text("body", &PublicItem::body),
      enumeration("status", &PublicItem::status, "public item status"),
      ref("checked_by", &PublicItem::checked_by, K::Representative),
      ref("approved_by", &PublicItem::approved_by, K::Representative),
      optTime("approved_at", &PublicItem::approved_at),
      text("channel", &PublicItem::channel), optTime("released_at", &PublicItem::released_at),
      text("released_title", &PublicItem::released_title),
      text("released_body", &PublicItem::released_body),
      integer("version", &PublicItem::version,
              {.min = 1, .valid = "a whole number, 1 or more"}),
      ref("supersedes", &PublicItem::supersedes, K::PublicItem),
      text("event", &PublicItem::event),
      enumeration("urgency", &PublicItem::urgency, "CAP urgency"),
      enumeration("severity", &PublicItem::severity, "CAP severity"),
      enumeration("certainty", &PublicItem::certainty, "CAP certainty"),
      enumeration("category", &PublicItem::category, "CAP category"),
      text("instruction", &PublicItem::instruction),
      ref("area", &PublicItem::area, K::MapFeature));
};

template <>
struct Table<Objective> {
  static constexpr std::string_view table = "objectives", csvFile = "", owner = "objective";
  static constexpr auto fields = std::make_tuple(
      id(&Objective::id),
      ref("period", &Objective::period, K::OperationalPeriod, {.required = true}),
      integer("number", &Objective::number, {.min = 1, .valid = "a whole number, 1 or more"}),
      text("text", &Objective::text, {.required = true}),
      enumeration("status", &Objective::status, "objective status"),
      idList("tasks", &Objective::tasks, K::Task, "objective_tasks", "task"),
      idList("needs", &Objective::needs, K::Need, "objective_needs", "need"),
      text("notes", &Objective::notes));
};

// ---- the exercise's records (store/exercise_store.cpp) ----------------------------------------

inline std::string formatEffectText(const NetworkEffect& e) {
  return formatNetworkEffect(e);
}
inline std::string formatOffsetText(const ScenarioSeconds& s) {
  return formatOffset(s);
}

template <>
struct Table<Inject> {
  static constexpr std::string_view table = "injects", csvFile = "", owner = "";
  static constexpr auto fields = std::make_tuple(
      id(&Inject::id), text("number", &Inject::number, {.required = true}),
      Field<Inject, ScenarioSeconds>{"scenario_time", &Inject::offset, Kind::Integer,
                                     Rules{.sql = "offset_s", .min = 0},
                                     Spelling<ScenarioSeconds>{&formatOffsetText, &parseOffset}},
      text("from", &Inject::from, {.sql = "from_text"}),
      text("to", &Inject::to, {.sql = "to_text"}),
      enumeration("method", &Inject::method, "method"), text("subject", &Inject::subject),
      text("message", &Inject::message), text("expected_action", &Inject::expected_action),
      text("objective", &Inject::objective), text("capability", &Inject::capability),
      text("controller", &Inject::controller),
      text("evaluator_notes", &Inject::evaluator_notes),
      spelled("effect", &Inject::effect,
              Spelling<NetworkEffect>{&formatEffectText, &parseNetworkEffect}));
};

template <>
struct Table<InjectStatus> {
  static constexpr std::string_view table = "inject_state", csvFile = "", owner = "";
  static constexpr auto fields = std::make_tuple(
      id(&InjectStatus::inject, "inject"),
      enumeration("state", &InjectStatus::state, "inject state"),
      optInteger("delivered_wall", &InjectStatus::delivered_wall),
      optInteger("delivered_s", &InjectStatus::delivered_s),
      optInteger("acked_wall", &InjectStatus::acked_wall),
      optInteger("acked_s", &InjectStatus::acked_s),
      optInteger("acted_wall", &InjectStatus::acted_wall),
      optInteger("acted_s", &InjectStatus::acted_s),
      optInteger("overdue_s", &InjectStatus::overdue_s), text("action", &InjectStatus::action),
      text("responder", &InjectStatus::responder),
      ref("event", &InjectStatus::event, K::Event),
      text("effect_before", &InjectStatus::effect_before));
};

template <>
struct Table<ExerciseClock> {
  static constexpr std::string_view table = "exercise_clock", csvFile = "", owner = "";
  static constexpr auto fields = std::make_tuple(
      flag("started", &ExerciseClock::started), flag("paused", &ExerciseClock::paused),
      integer("wall_at_change", &ExerciseClock::wall_at_change),
      integer("scenario_at_change", &ExerciseClock::scenario_at_change),
      integer("speed", &ExerciseClock::speed, {.min = kMinSpeed, .max = kMaxSpeed}),
      integer("epoch", &ExerciseClock::epoch),
      integer("overdue_window_s", &ExerciseClock::overdue_window));
};

template <>
struct Table<Observation> {
  static constexpr std::string_view table = "observations", csvFile = "", owner = "";
  static constexpr auto fields = std::make_tuple(
      id(&Observation::id), text("objective", &Observation::objective, {.required = true}),
      text("capability", &Observation::capability),
      enumeration("rating", &Observation::rating, "rating"),
      text("strengths", &Observation::strengths), text("improvements", &Observation::improvements),
      text("analysis", &Observation::analysis),
      text("recommendation", &Observation::recommendation),
      text("evaluator", &Observation::evaluator),
      text("organisation", &Observation::organisation), text("poc", &Observation::poc),
      text("start", &Observation::start), text("completion", &Observation::completion),
      integer("time", &Observation::time));
};

}  // namespace liaison::core::fields
