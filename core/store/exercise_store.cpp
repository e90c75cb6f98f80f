// The exercise tables of schema v2; see exercise_store.hpp.
#include "core/store/exercise_store.hpp"

#include <sqlite3.h>

#include <algorithm>

#include "core/model/entity_json.hpp"
#include "core/store/record_sql.hpp"
#include "core/store/sqlite_util.hpp"

namespace liaison::core {

namespace {

// Statements for one of the exercise's tables, from its field table.
template <class R>
struct Sql {
  std::string cols = sqlrec::columnList<R>();
  std::string table = sqlrec::ident(fields::Table<R>::table);
  std::string selectAll = "SELECT " + cols + " FROM " + table + " ORDER BY " +
                          sqlrec::ident(sqlrec::idColumn<R>());
  std::string insert = [this] {
    std::string params;
    for (std::size_t i = 0; i < sqlrec::columns<R>().size(); ++i) params += i ? ", ?" : "?";
    return "INSERT OR REPLACE INTO " + table + " (" + cols + ") VALUES (" + params + ")";
  }();
};

template <class R>
const Sql<R>& sqlOf() {
  static const Sql<R> s;
  return s;
}

template <class R>
std::vector<R> readAll(sqlite3* db, const std::string& where = "") {
  std::vector<R> out;
  sql::Stmt st(db, where.empty() ? sqlOf<R>().selectAll
                                 : "SELECT " + sqlOf<R>().cols + " FROM " + sqlOf<R>().table +
                                       " " + where);
  while (st.step()) {
    R r;
    sqlrec::read(st, 0, r, st.i64(0));
    out.push_back(std::move(r));
  }
  return out;
}

template <class R>
void insert(sqlite3* db, const R& r) {
  sql::Stmt st(db, sqlOf<R>().insert);
  sqlrec::bind(st, 1, r);
  st.run();
}

// The clock is one row with id 1.
ExerciseClock readClock(sqlite3* db) {
  sql::Stmt st(db, "SELECT " + sqlOf<ExerciseClock>().cols + " FROM exercise_clock WHERE id = 1");
  ExerciseClock c;
  if (st.step()) sqlrec::read(st, 0, c, 1);
  return c;
}

std::vector<Inject> readInjects(sqlite3* db) {
  return readAll<Inject>(db);
}

}  // namespace

std::string injectJson(const Inject& i) {
  return recordToJson(i);
}

std::string injectStatusJson(const InjectStatus& s) {
  return recordToJson(s);
}

std::string clockJson(const ExerciseClock& c) {
  return recordToJson(c);
}

std::string observationJson(const Observation& o) {
  return recordToJson(o);
}

ExerciseState loadExercise(const Store& store) {
  sqlite3* db = store.handle();
  ExerciseState state;
  // A savepoint reads consistently on its own and also works inside a Store::transact body.
  sql::exec(db, "SAVEPOINT exercise_read");
  try {
    state.clock = readClock(db);
    state.injects = readInjects(db);
    const std::vector<InjectStatus> rows = readAll<InjectStatus>(db);
    for (const Inject& i : state.injects) {
      InjectStatus s;
      s.inject = i.id;
      for (const InjectStatus& r : rows)
        if (r.inject == i.id) s = r;
      state.statuses.push_back(s);
    }
    state.observations = readAll<Observation>(db);
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
    insert(db, i);
    InjectStatus s;
    s.inject = i.id;
    insert(db, s);
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
  const std::vector<InjectStatus> old =
      readAll<InjectStatus>(db, "WHERE inject = " + std::to_string(status.inject));
  if (!old.empty()) {
    const InjectStatus& was = old.front();
    before = injectStatusJson(was);
    // Only pending -> delivered is a delivery; an inject already delivered is delivered again
    // only after a reset has set it back to pending.
    if (was.delivered_wall && status.state == InjectState::Delivered)
      throw StaleInjectState("inject " + std::to_string(status.inject) +
                             " was already delivered (at scenario time " +
                             formatOffset(was.delivered_s.value_or(0)) +
                             ") by another exercise controller; is a second controller running?");
    if (was.acked_s && status.acked_s && *was.acked_s != *status.acked_s)
      throw StaleInjectState("inject " + std::to_string(status.inject) +
                             " was already acknowledged (at scenario time " +
                             formatOffset(*was.acked_s) + ") by another station");
    if (was.acked_s && status.state == InjectState::Overdue)
      throw StaleInjectState("inject " + std::to_string(status.inject) +
                             " was acknowledged meanwhile; it is not overdue");
  }
  insert(db, status);
  txn.record("put", "inject_state", status.inject, summary, before, injectStatusJson(status));
}

void writeClock(Transaction& txn, const ExerciseClock& clock, const std::string& summary) {
  sqlite3* db = txn.handle();
  sql::Stmt probe(db, "SELECT 1 FROM exercise_clock WHERE id = 1");
  const bool existed = probe.step();
  const std::string before = existed ? clockJson(readClock(db)) : "";
  std::string params;
  for (std::size_t i = 0; i < sqlrec::columns<ExerciseClock>().size(); ++i) params += ", ?";
  sql::Stmt st(db, "INSERT OR REPLACE INTO exercise_clock (id, " + sqlOf<ExerciseClock>().cols +
                       ") VALUES (1" + params + ")");
  sqlrec::bind(st, 1, clock);
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
  insert(db, o);
  txn.record("put", "observation", o.id,
             "Observation on " + o.objective + (o.capability.empty() ? "" : " / " + o.capability) +
                 ": rated " + std::string(toString(o.rating)) +
                 (o.evaluator.empty() ? "" : " by " + o.evaluator),
             "", observationJson(o));
  return o.id;
}

}  // namespace liaison::core
