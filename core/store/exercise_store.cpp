// The exercise tables of schema v2; see exercise_store.hpp.
#include "core/store/exercise_store.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/store/sqlite_util.hpp"

namespace liaison::core {

namespace {

using nlohmann::ordered_json;

template <class T>
ordered_json opt(const std::optional<T>& v) {
  return v ? ordered_json(*v) : ordered_json(nullptr);
}

template <class T>
std::optional<T> optCol(const sql::Stmt& st, int col) {
  if (st.isNull(col)) return std::nullopt;
  return static_cast<T>(st.i64(col));
}

constexpr const char* kInjectColumns =
    "SELECT id, number, offset_s, from_text, to_text, method, subject, message, "
    "expected_action, objective, capability, controller, evaluator_notes, effect FROM injects "
    "ORDER BY id";

Inject readInject(const sql::Stmt& st) {
  Inject i;
  i.id = st.i64(0);
  i.number = st.text(1);
  i.offset = st.i64(2);
  i.from = st.text(3);
  i.to = st.text(4);
  i.method = parseEnum<InjectMethod>(st.text(5)).value_or(InjectMethod::Other);
  i.subject = st.text(6);
  i.message = st.text(7);
  i.expected_action = st.text(8);
  i.objective = st.text(9);
  i.capability = st.text(10);
  i.controller = st.text(11);
  i.evaluator_notes = st.text(12);
  i.effect = parseNetworkEffect(st.text(13)).value_or(NetworkEffect{});
  return i;
}

InjectStatus readStatus(const sql::Stmt& st) {
  InjectStatus s;
  s.inject = st.i64(0);
  s.state = parseEnum<InjectState>(st.text(1)).value_or(InjectState::Pending);
  s.delivered_wall = optCol<TimeUtc>(st, 2);
  s.delivered_s = optCol<ScenarioSeconds>(st, 3);
  s.acked_wall = optCol<TimeUtc>(st, 4);
  s.acked_s = optCol<ScenarioSeconds>(st, 5);
  s.acted_wall = optCol<TimeUtc>(st, 6);
  s.acted_s = optCol<ScenarioSeconds>(st, 7);
  s.overdue_s = optCol<ScenarioSeconds>(st, 8);
  s.action = st.text(9);
  s.responder = st.text(10);
  s.event = st.i64(11);
  s.effect_before = st.text(12);
  return s;
}

ExerciseClock readClock(sqlite3* db) {
  ExerciseClock c;
  sql::Stmt st(db,
               "SELECT started, paused, wall_at_change, scenario_at_change, speed, epoch, "
               "overdue_window_s FROM exercise_clock WHERE id = 1");
  if (st.step()) {
    c.started = st.boolean(0);
    c.paused = st.boolean(1);
    c.wall_at_change = st.i64(2);
    c.scenario_at_change = st.i64(3);
    c.speed = st.i32(4);
    c.epoch = st.i64(5);
    c.overdue_window = st.i64(6);
  }
  return c;
}

std::vector<Inject> readInjects(sqlite3* db) {
  std::vector<Inject> out;
  sql::Stmt st(db, kInjectColumns);
  while (st.step()) out.push_back(readInject(st));
  return out;
}

void insertInject(sqlite3* db, const Inject& i) {
  sql::Stmt st(db,
               "INSERT INTO injects (id, number, offset_s, from_text, to_text, method, subject, "
               "message, expected_action, objective, capability, controller, evaluator_notes, "
               "effect) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, i.id).bind(2, i.number).bind(3, i.offset).bind(4, i.from).bind(5, i.to);
  st.bind(6, toString(i.method)).bind(7, i.subject).bind(8, i.message);
  st.bind(9, i.expected_action).bind(10, i.objective).bind(11, i.capability);
  st.bind(12, i.controller).bind(13, i.evaluator_notes).bind(14, formatNetworkEffect(i.effect));
  st.run();
}

void putStatusRow(sqlite3* db, const InjectStatus& s) {
  sql::Stmt st(db,
               "INSERT OR REPLACE INTO inject_state (inject, state, delivered_wall, delivered_s, "
               "acked_wall, acked_s, acted_wall, acted_s, overdue_s, action, responder, event, "
               "effect_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, s.inject).bind(2, toString(s.state)).bind(3, s.delivered_wall);
  st.bind(4, s.delivered_s).bind(5, s.acked_wall).bind(6, s.acked_s).bind(7, s.acted_wall);
  st.bind(8, s.acted_s).bind(9, s.overdue_s).bind(10, s.action).bind(11, s.responder);
  st.bindRef(12, s.event).bind(13, s.effect_before);
  st.run();
}

}  // namespace

std::string injectJson(const Inject& i) {
  ordered_json j;
  j["id"] = i.id;
  j["number"] = i.number;
  j["scenario_time"] = formatOffset(i.offset);
  j["from"] = i.from;
  j["to"] = i.to;
  j["method"] = toString(i.method);
  j["subject"] = i.subject;
  j["message"] = i.message;
  j["expected_action"] = i.expected_action;
  j["objective"] = i.objective;
  j["capability"] = i.capability;
  j["controller"] = i.controller;
  j["evaluator_notes"] = i.evaluator_notes;
  j["effect"] = formatNetworkEffect(i.effect);
  return j.dump();
}

std::string injectStatusJson(const InjectStatus& s) {
  ordered_json j;
  j["inject"] = s.inject;
  j["state"] = toString(s.state);
  j["delivered_wall"] = opt(s.delivered_wall);
  j["delivered_s"] = opt(s.delivered_s);
  j["acked_wall"] = opt(s.acked_wall);
  j["acked_s"] = opt(s.acked_s);
  j["acted_wall"] = opt(s.acted_wall);
  j["acted_s"] = opt(s.acted_s);
  j["overdue_s"] = opt(s.overdue_s);
  j["action"] = s.action;
  j["responder"] = s.responder;
  j["event"] = s.event;
  j["effect_before"] = s.effect_before;
  return j.dump();
}

std::string clockJson(const ExerciseClock& c) {
  ordered_json j;
  j["started"] = c.started;
  j["paused"] = c.paused;
  j["wall_at_change"] = c.wall_at_change;
  j["scenario_at_change"] = c.scenario_at_change;
  j["speed"] = c.speed;
  j["epoch"] = c.epoch;
  j["overdue_window_s"] = c.overdue_window;
  return j.dump();
}

std::string observationJson(const Observation& o) {
  ordered_json j;
  j["id"] = o.id;
  j["objective"] = o.objective;
  j["capability"] = o.capability;
  j["rating"] = toString(o.rating);
  j["strengths"] = o.strengths;
  j["improvements"] = o.improvements;
  j["analysis"] = o.analysis;
  j["recommendation"] = o.recommendation;
  j["evaluator"] = o.evaluator;
  j["organisation"] = o.organisation;
  j["poc"] = o.poc;
  j["start"] = o.start;
  j["completion"] = o.completion;
  j["time"] = o.time;
  return j.dump();
}

ExerciseState loadExercise(const Store& store) {
  sqlite3* db = store.handle();
  ExerciseState state;
  // A savepoint reads consistently on its own and also works inside a Store::transact body.
  sql::exec(db, "SAVEPOINT exercise_read");
  try {
    state.clock = readClock(db);
    state.injects = readInjects(db);
    {
      sql::Stmt st(db,
                   "SELECT inject, state, delivered_wall, delivered_s, acked_wall, acked_s, "
                   "acted_wall, acted_s, overdue_s, action, responder, event, effect_before "
                   "FROM inject_state ORDER BY inject");
      std::vector<InjectStatus> rows;
      while (st.step()) rows.push_back(readStatus(st));
      for (const Inject& i : state.injects) {
        InjectStatus s;
        s.inject = i.id;
        for (const InjectStatus& r : rows)
          if (r.inject == i.id) s = r;
        state.statuses.push_back(s);
      }
    }
    sql::Stmt st(db,
                 "SELECT id, objective, capability, rating, strengths, improvements, analysis, "
                 "recommendation, evaluator, organisation, poc, start, completion, time "
                 "FROM observations ORDER BY id");
    while (st.step()) {
      Observation o;
      o.id = st.i64(0);
      o.objective = st.text(1);
      o.capability = st.text(2);
      o.rating = parseEnum<Rating>(st.text(3)).value_or(Rating::S);
      o.strengths = st.text(4);
      o.improvements = st.text(5);
      o.analysis = st.text(6);
      o.recommendation = st.text(7);
      o.evaluator = st.text(8);
      o.organisation = st.text(9);
      o.poc = st.text(10);
      o.start = st.text(11);
      o.completion = st.text(12);
      o.time = st.i64(13);
      state.observations.push_back(std::move(o));
    }
  } catch (...) {
    sqlite3_exec(db, "RELEASE exercise_read", nullptr, nullptr, nullptr);
    throw;
  }
  sqlite3_exec(db, "RELEASE exercise_read", nullptr, nullptr, nullptr);
  return state;
}

void writeMsel(Transaction& txn, const std::vector<Inject>& injects) {
  sqlite3* db = txn.handle();
  const std::vector<Inject> old = readInjects(db);
  sql::exec(db, "DELETE FROM inject_state; DELETE FROM injects;");
  for (const Inject& o : old) {
    const bool kept =
        std::any_of(injects.begin(), injects.end(), [&](const Inject& n) { return n.id == o.id; });
    if (!kept)
      txn.record("remove", "inject", o.id, "Removed inject " + o.number + " from the MSEL",
                 injectJson(o), "");
  }
  for (const Inject& i : injects) {
    insertInject(db, i);
    InjectStatus s;
    s.inject = i.id;
    putStatusRow(db, s);
    const Inject* before = nullptr;
    for (const Inject& o : old)
      if (o.id == i.id) before = &o;
    if (before && *before == i) continue;
    txn.record("put", "inject", i.id,
               (before ? "Changed inject " : "Added inject ") + i.number + " at " +
                   formatOffset(i.offset) + " to " + i.to + ": " + i.subject,
               before ? injectJson(*before) : "", injectJson(i));
  }
}

void writeInjectStatus(Transaction& txn, const InjectStatus& status, const std::string& summary) {
  sqlite3* db = txn.handle();
  std::string before;
  {
    sql::Stmt st(db,
                 "SELECT inject, state, delivered_wall, delivered_s, acked_wall, acked_s, "
                 "acted_wall, acted_s, overdue_s, action, responder, event, effect_before "
                 "FROM inject_state WHERE inject = ?");
    st.bind(1, status.inject);
    if (st.step()) before = injectStatusJson(readStatus(st));
  }
  putStatusRow(db, status);
  txn.record("put", "inject_state", status.inject, summary, before, injectStatusJson(status));
}

void writeClock(Transaction& txn, const ExerciseClock& clock, const std::string& summary) {
  sqlite3* db = txn.handle();
  sql::Stmt probe(db, "SELECT 1 FROM exercise_clock WHERE id = 1");
  const bool existed = probe.step();
  const std::string before = existed ? clockJson(readClock(db)) : "";
  sql::Stmt st(
      db,
      "INSERT OR REPLACE INTO exercise_clock (id, started, paused, wall_at_change, "
      "scenario_at_change, speed, epoch, overdue_window_s) VALUES (1, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, clock.started).bind(2, clock.paused).bind(3, clock.wall_at_change);
  st.bind(4, clock.scenario_at_change).bind(5, clock.speed).bind(6, clock.epoch);
  st.bind(7, clock.overdue_window);
  st.run();
  txn.record("put", "exercise_clock", 1, summary, before, clockJson(clock));
}

Id writeObservation(Transaction& txn, Observation o) {
  sqlite3* db = txn.handle();
  if (o.id == 0) {
    sql::Stmt next(db, "SELECT COALESCE(MAX(id), 0) + 1 FROM observations");
    next.step();
    o.id = next.i64(0);
  }
  sql::Stmt st(db,
               "INSERT OR REPLACE INTO observations (id, objective, capability, rating, strengths, "
               "improvements, analysis, recommendation, evaluator, organisation, poc, start, "
               "completion, time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, o.id).bind(2, o.objective).bind(3, o.capability).bind(4, toString(o.rating));
  st.bind(5, o.strengths).bind(6, o.improvements).bind(7, o.analysis);
  st.bind(8, o.recommendation).bind(9, o.evaluator).bind(10, o.organisation).bind(11, o.poc);
  st.bind(12, o.start).bind(13, o.completion).bind(14, o.time);
  st.run();
  txn.record("put", "observation", o.id,
             "Observation on " + o.objective + (o.capability.empty() ? "" : " / " + o.capability) +
                 ": rated " + std::string(toString(o.rating)) +
                 (o.evaluator.empty() ? "" : " by " + o.evaluator),
             "", observationJson(o));
  return o.id;
}

}  // namespace liaison::core
