#include "core/store/schema.hpp"

#include <sqlite3.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/store/sqlite_util.hpp"
#include "core/store/store.hpp"

namespace liaison::core::schema {

namespace {

// Version 1. References that may be absent are NULL (never 0) so foreign keys hold; lists
// (contacts, event agencies, task involvement and dependencies) are child tables with an
// ordinal that keeps the user's order. Indexes cover every foreign key used by cascades.
// Task dependencies are checked at COMMIT (a batch may name a task it puts later).
constexpr const char* kV1 = R"SQL(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO meta (key, value) VALUES ('revision', '0'), ('journal_head_seq', '0'),
  ('journal_head_hash', '0000000000000000000000000000000000000000000000000000000000000000');
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE agencies (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (code <> ''),
  name TEXT NOT NULL CHECK (name <> ''),
  type TEXT NOT NULL, role TEXT NOT NULL,
  discipline TEXT NOT NULL DEFAULT '', jurisdiction TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL DEFAULT '', lon REAL, lat REAL,
  agreements TEXT NOT NULL DEFAULT '', resources TEXT NOT NULL DEFAULT '',
  personnel INTEGER NOT NULL DEFAULT 0, condition TEXT NOT NULL DEFAULT '',
  constraints TEXT NOT NULL DEFAULT '', rep_location TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '');

CREATE TABLE representatives (
  id INTEGER PRIMARY KEY,
  agency INTEGER NOT NULL REFERENCES agencies(id),
  name TEXT NOT NULL CHECK (name <> ''),
  position TEXT NOT NULL DEFAULT '', shift TEXT NOT NULL DEFAULT '',
  on_duty INTEGER NOT NULL DEFAULT 1);
CREATE INDEX representatives_agency ON representatives(agency);

CREATE TABLE rep_contacts (
  rep INTEGER NOT NULL REFERENCES representatives(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  kind TEXT NOT NULL, value TEXT NOT NULL, sensitive INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (rep, ordinal)) WITHOUT ROWID;

CREATE TABLE channels (
  id INTEGER PRIMARY KEY,
  from_rep INTEGER REFERENCES representatives(id),
  to_rep INTEGER REFERENCES representatives(id),
  from_agency INTEGER REFERENCES agencies(id),
  to_agency INTEGER REFERENCES agencies(id),
  medium TEXT NOT NULL, identifier TEXT NOT NULL DEFAULT '',
  latency_min REAL NOT NULL CHECK (latency_min >= 0),
  reliability REAL NOT NULL CHECK (reliability >= 0 AND reliability <= 1),
  status TEXT NOT NULL, two_way INTEGER NOT NULL DEFAULT 1, notes TEXT NOT NULL DEFAULT '',
  CHECK ((from_rep IS NOT NULL AND to_rep IS NOT NULL AND from_agency IS NULL AND to_agency IS NULL)
      OR (from_rep IS NULL AND to_rep IS NULL AND from_agency IS NOT NULL AND to_agency IS NOT NULL)));
CREATE INDEX channels_from_rep ON channels(from_rep);
CREATE INDEX channels_to_rep ON channels(to_rep);
CREATE INDEX channels_from_agency ON channels(from_agency);
CREATE INDEX channels_to_agency ON channels(to_agency);

CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (name <> ''),
  number TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT '',
  exercise INTEGER NOT NULL DEFAULT 0, start INTEGER NOT NULL, "end" INTEGER,
  location TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '');

CREATE TABLE periods (
  id INTEGER PRIMARY KEY,
  incident INTEGER NOT NULL REFERENCES incidents(id),
  number INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  objectives TEXT NOT NULL DEFAULT '');
CREATE INDEX periods_incident ON periods(incident);

CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  incident INTEGER REFERENCES incidents(id),
  title TEXT NOT NULL CHECK (title <> ''),
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL, priority TEXT NOT NULL,
  owner_agency INTEGER REFERENCES agencies(id),
  owner_rep INTEGER REFERENCES representatives(id),
  due INTEGER);
CREATE INDEX tasks_incident ON tasks(incident);
CREATE INDEX tasks_owner_agency ON tasks(owner_agency);
CREATE INDEX tasks_owner_rep ON tasks(owner_rep);

CREATE TABLE task_involved (
  task INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  agency INTEGER NOT NULL REFERENCES agencies(id),
  PRIMARY KEY (task, ordinal)) WITHOUT ROWID;
CREATE INDEX task_involved_agency ON task_involved(agency);

CREATE TABLE task_depends (
  task INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  depends_on INTEGER NOT NULL REFERENCES tasks(id) DEFERRABLE INITIALLY DEFERRED,
  PRIMARY KEY (task, ordinal)) WITHOUT ROWID;
CREATE INDEX task_depends_on ON task_depends(depends_on);

CREATE TABLE needs (
  id INTEGER PRIMARY KEY,
  agency_a INTEGER NOT NULL REFERENCES agencies(id),
  agency_b INTEGER NOT NULL REFERENCES agencies(id),
  reason TEXT NOT NULL DEFAULT '', priority TEXT NOT NULL, source TEXT NOT NULL,
  task INTEGER REFERENCES tasks(id),
  CHECK (agency_a <> agency_b));
CREATE INDEX needs_agency_a ON needs(agency_a);
CREATE INDEX needs_agency_b ON needs(agency_b);
CREATE INDEX needs_task ON needs(task);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  incident INTEGER REFERENCES incidents(id),
  time INTEGER NOT NULL, kind TEXT NOT NULL,
  text TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '',
  significant INTEGER NOT NULL DEFAULT 0);
CREATE INDEX events_incident ON events(incident);
CREATE INDEX events_time ON events(time);

CREATE TABLE event_agencies (
  event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  agency INTEGER NOT NULL REFERENCES agencies(id),
  PRIMARY KEY (event, ordinal)) WITHOUT ROWID;
CREATE INDEX event_agencies_agency ON event_agencies(agency);

CREATE TABLE map_features (
  id INTEGER PRIMARY KEY,
  geometry TEXT NOT NULL, kind TEXT NOT NULL, label TEXT NOT NULL DEFAULT '',
  agency INTEGER REFERENCES agencies(id),
  incident INTEGER REFERENCES incidents(id),
  layer TEXT NOT NULL DEFAULT '',
  rings TEXT NOT NULL,            -- JSON [[[lon,lat],...],...]
  properties TEXT NOT NULL DEFAULT '{}');
CREATE INDEX map_features_agency ON map_features(agency);
CREATE INDEX map_features_incident ON map_features(incident);

-- The activity journal (ICS 214). Append-only: the triggers refuse edits through SQL, and the
-- hash chain (see journal.hpp) exposes edits made by anyone who drops the triggers.
CREATE TABLE journal (
  seq INTEGER PRIMARY KEY,
  time INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
  entity TEXT NOT NULL, entity_id INTEGER NOT NULL, summary TEXT NOT NULL,
  before TEXT NOT NULL, after TEXT NOT NULL,
  prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX journal_entity ON journal(entity, entity_id);
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
  BEGIN SELECT RAISE(ABORT, 'the activity journal is append-only'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
  BEGIN SELECT RAISE(ABORT, 'the activity journal is append-only'); END;

PRAGMA application_id = 1279869257;
)SQL";

// Version 2: exercises (HSEEP). The MSEL's injects in script order, each inject's delivery
// state, the exercise clock (one row) and the evaluators' observations. Owned by
// core/store/exercise_store.cpp; every change is journaled through Store::transact.
constexpr const char* kV2 = R"SQL(
CREATE TABLE injects (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE CHECK (number <> ''),
  offset_s INTEGER NOT NULL CHECK (offset_s >= 0),
  from_text TEXT NOT NULL DEFAULT '', to_text TEXT NOT NULL DEFAULT '',
  method TEXT NOT NULL, subject TEXT NOT NULL DEFAULT '', message TEXT NOT NULL DEFAULT '',
  expected_action TEXT NOT NULL DEFAULT '', objective TEXT NOT NULL DEFAULT '',
  capability TEXT NOT NULL DEFAULT '', controller TEXT NOT NULL DEFAULT '',
  evaluator_notes TEXT NOT NULL DEFAULT '', effect TEXT NOT NULL DEFAULT '');

CREATE TABLE inject_state (
  inject INTEGER PRIMARY KEY REFERENCES injects(id) ON DELETE CASCADE,
  state TEXT NOT NULL,
  delivered_wall INTEGER, delivered_s INTEGER,
  acked_wall INTEGER, acked_s INTEGER,
  acted_wall INTEGER, acted_s INTEGER,
  overdue_s INTEGER,
  action TEXT NOT NULL DEFAULT '', responder TEXT NOT NULL DEFAULT '',
  event INTEGER, effect_before TEXT NOT NULL DEFAULT '');

CREATE TABLE exercise_clock (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  started INTEGER NOT NULL DEFAULT 0, paused INTEGER NOT NULL DEFAULT 1,
  wall_at_change INTEGER NOT NULL DEFAULT 0, scenario_at_change INTEGER NOT NULL DEFAULT 0,
  speed INTEGER NOT NULL DEFAULT 1 CHECK (speed BETWEEN 1 AND 60),
  epoch INTEGER NOT NULL DEFAULT 0, overdue_window_s INTEGER NOT NULL DEFAULT 600);

CREATE TABLE observations (
  id INTEGER PRIMARY KEY,
  objective TEXT NOT NULL CHECK (objective <> ''), capability TEXT NOT NULL DEFAULT '',
  rating TEXT NOT NULL CHECK (rating IN ('P', 'S', 'M', 'U')),
  strengths TEXT NOT NULL DEFAULT '', improvements TEXT NOT NULL DEFAULT '',
  analysis TEXT NOT NULL DEFAULT '', recommendation TEXT NOT NULL DEFAULT '',
  evaluator TEXT NOT NULL DEFAULT '', organisation TEXT NOT NULL DEFAULT '',
  poc TEXT NOT NULL DEFAULT '', start TEXT NOT NULL DEFAULT '',
  completion TEXT NOT NULL DEFAULT '', time INTEGER NOT NULL DEFAULT 0);
)SQL";

// Version 3: shared infrastructure (what carries many channels and people at once) and what
// the engine needs to tell the truth: agencies that are down, where people are, each need's
// service level, the incident's time zone and the history of every task.
constexpr const char* kV3 = R"SQL(
ALTER TABLE agencies ADD COLUMN status TEXT NOT NULL DEFAULT 'up';
ALTER TABLE representatives ADD COLUMN lon REAL;
ALTER TABLE representatives ADD COLUMN lat REAL;
ALTER TABLE needs ADD COLUMN latency_budget REAL CHECK (latency_budget >= 0);
ALTER TABLE needs ADD COLUMN reliability_floor REAL
  CHECK (reliability_floor >= 0 AND reliability_floor <= 1);
ALTER TABLE incidents ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';
ALTER TABLE tasks ADD COLUMN created_at INTEGER;
ALTER TABLE tasks ADD COLUMN started_at INTEGER;
ALTER TABLE tasks ADD COLUMN blocked_at INTEGER;
ALTER TABLE tasks ADD COLUMN done_at INTEGER;

CREATE TABLE infrastructure (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (name <> ''),
  kind TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'up',
  lon REAL, lat REAL,
  feature INTEGER REFERENCES map_features(id),
  notes TEXT NOT NULL DEFAULT '');
CREATE INDEX infrastructure_feature ON infrastructure(feature);

CREATE TABLE infrastructure_depends (
  infrastructure INTEGER NOT NULL REFERENCES infrastructure(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  depends_on INTEGER NOT NULL REFERENCES infrastructure(id) DEFERRABLE INITIALLY DEFERRED,
  PRIMARY KEY (infrastructure, ordinal)) WITHOUT ROWID;
CREATE INDEX infrastructure_depends_on ON infrastructure_depends(depends_on);

CREATE TABLE channel_carried_by (
  channel INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  infrastructure INTEGER NOT NULL REFERENCES infrastructure(id),
  PRIMARY KEY (channel, ordinal)) WITHOUT ROWID;
CREATE INDEX channel_carried_by_infrastructure ON channel_carried_by(infrastructure);

CREATE TABLE rep_carried_by (
  rep INTEGER NOT NULL REFERENCES representatives(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  infrastructure INTEGER NOT NULL REFERENCES infrastructure(id),
  PRIMARY KEY (rep, ordinal)) WITHOUT ROWID;
CREATE INDEX rep_carried_by_infrastructure ON rep_carried_by(infrastructure);
)SQL";

// ---- migration: the message log (issue 16) ------------------------------------------------
// Version 4: the messages actually passed (who to whom, when, over what), beside the needs and
// channels they are compared with (core/analysis/communications.hpp).
constexpr const char* kV4Messages = R"SQL(
CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  time INTEGER NOT NULL,
  from_rep INTEGER REFERENCES representatives(id),
  from_agency INTEGER REFERENCES agencies(id),
  channel INTEGER REFERENCES channels(id),
  medium TEXT NOT NULL, kind TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '', text TEXT NOT NULL DEFAULT '',
  need INTEGER REFERENCES needs(id),
  task INTEGER REFERENCES tasks(id),
  reply_to INTEGER REFERENCES messages(id) DEFERRABLE INITIALLY DEFERRED,
  recorded_by TEXT NOT NULL DEFAULT '',
  sensitive INTEGER NOT NULL DEFAULT 0);
CREATE INDEX messages_time ON messages(time);
CREATE INDEX messages_from_rep ON messages(from_rep);
CREATE INDEX messages_from_agency ON messages(from_agency);
CREATE INDEX messages_channel ON messages(channel);
CREATE INDEX messages_need ON messages(need);
CREATE INDEX messages_task ON messages(task);
CREATE INDEX messages_reply_to ON messages(reply_to);

CREATE TABLE message_to_reps (
  message INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  representative INTEGER NOT NULL REFERENCES representatives(id),
  PRIMARY KEY (message, ordinal)) WITHOUT ROWID;
CREATE INDEX message_to_reps_representative ON message_to_reps(representative);

CREATE TABLE message_to_agencies (
  message INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  agency INTEGER NOT NULL REFERENCES agencies(id),
  PRIMARY KEY (message, ordinal)) WITHOUT ROWID;
CREATE INDEX message_to_agencies_agency ON message_to_agencies(agency);
)SQL";
// ---- end of the message log's migration ------------------------------------------------------
// ---- migration 5: public information items (issue 18) --------------------------------------
// Press releases, social posts, call-line scripts, FAQs, rumour control and public alerts,
// with their workflow (draft, checked, approved, released, superseded, cancelled), the text as
// released, versions (supersedes) and the CAP 1.2 fields of an alert. Self-contained: renumber
// freely at merge.
constexpr const char* kPublicItems = R"SQL(
CREATE TABLE public_items (
  id INTEGER PRIMARY KEY,
  incident INTEGER REFERENCES incidents(id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL CHECK (title <> ''),
  body TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft',
  checked_by INTEGER REFERENCES representatives(id),
  approved_by INTEGER REFERENCES representatives(id),
  approved_at INTEGER,
  channel TEXT NOT NULL DEFAULT '',
  released_at INTEGER,
  released_title TEXT NOT NULL DEFAULT '',
  released_body TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  supersedes INTEGER REFERENCES public_items(id) DEFERRABLE INITIALLY DEFERRED,
  event TEXT NOT NULL DEFAULT '',
  urgency TEXT NOT NULL DEFAULT 'unknown',
  severity TEXT NOT NULL DEFAULT 'unknown',
  certainty TEXT NOT NULL DEFAULT 'unknown',
  category TEXT NOT NULL DEFAULT 'other',
  instruction TEXT NOT NULL DEFAULT '',
  area INTEGER REFERENCES map_features(id));
CREATE INDEX public_items_incident ON public_items(incident);
CREATE INDEX public_items_checked_by ON public_items(checked_by);
CREATE INDEX public_items_approved_by ON public_items(approved_by);
CREATE INDEX public_items_supersedes ON public_items(supersedes);
CREATE INDEX public_items_area ON public_items(area);
)SQL";
// ---- end of migration: public information items ----------------------------------------------

// ---- migration 6: ICS 202 objectives with a status (issue 18) ---------------------------------
// Self-contained: renumber freely at merge.
constexpr const char* kObjectives = R"SQL(
CREATE TABLE objectives (
  id INTEGER PRIMARY KEY,
  period INTEGER NOT NULL REFERENCES periods(id),
  number INTEGER NOT NULL DEFAULT 1 CHECK (number >= 1),
  text TEXT NOT NULL CHECK (text <> ''),
  status TEXT NOT NULL DEFAULT 'not_started',
  notes TEXT NOT NULL DEFAULT '');
CREATE INDEX objectives_period ON objectives(period);
CREATE TABLE objective_tasks (
  objective INTEGER NOT NULL REFERENCES objectives(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  task INTEGER NOT NULL REFERENCES tasks(id),
  PRIMARY KEY (objective, ordinal)) WITHOUT ROWID;
CREATE INDEX objective_tasks_task ON objective_tasks(task);
CREATE TABLE objective_needs (
  objective INTEGER NOT NULL REFERENCES objectives(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  need INTEGER NOT NULL REFERENCES needs(id),
  PRIMARY KEY (objective, ordinal)) WITHOUT ROWID;
CREATE INDEX objective_needs_need ON objective_needs(need);
)SQL";
// ---- end of migration: objectives --------------------------------------------------------------

constexpr Migration kMigrations[] = {
    {1, kV1},
    {2, kV2},
    {3, kV3},
    {4, kV4Messages},
    {5, kPublicItems},
    {6, kObjectives},
};

int userVersion(sqlite3* db) {
  sql::Stmt st(db, "PRAGMA user_version");
  st.step();
  return st.i32(0);
}

}  // namespace

static_assert(kApplicationId == 1279869257, "keep the literal in kV1 in step");

std::span<const Migration> migrations() {
  return kMigrations;
}

int latestVersion() {
  return kMigrations[std::size(kMigrations) - 1].to_version;
}

namespace {

struct SchemaObject {
  std::string type, sql;
};

// name -> (type, sql) of the schema objects a file of `version` holds when Liaison made it
// (SQLite's own objects, such as automatic indexes, left out). Built once per version by
// running the migrations on an in-memory database.
std::map<std::string, SchemaObject> readObjects(sqlite3* db) {
  std::map<std::string, SchemaObject> out;
  sql::Stmt st(db,
               "SELECT type, name, COALESCE(sql, '') FROM sqlite_schema "
               "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
  while (st.step()) out[st.text(1)] = {st.text(0), st.text(2)};
  return out;
}

const std::map<std::string, SchemaObject>& expectedObjects(int version) {
  static std::mutex mutex;
  static std::map<int, std::map<std::string, SchemaObject>> cache;
  std::lock_guard lock(mutex);
  auto it = cache.find(version);
  if (it != cache.end()) return it->second;
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    sqlite3_close(raw);
    throw StoreError("cannot open an in-memory database to compare the schema with");
  }
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> db(raw, sqlite3_close);
  for (const Migration& m : kMigrations) {
    if (m.to_version > version) break;
    sql::exec(db.get(), m.sql);
  }
  return cache[version] = readObjects(db.get());
}

}  // namespace

std::vector<std::string> schemaDifferences(sqlite3* db, int version) {
  const auto& expected = expectedObjects(version);
  const auto found = readObjects(db);
  std::vector<std::string> out;
  for (const auto& [name, obj] : found) {
    const auto it = expected.find(name);
    if (it == expected.end())
      out.push_back("an unexpected " + obj.type + " " + name);
    else if (it->second.type != obj.type)
      out.push_back("a " + obj.type + " " + name + " where Liaison has a " + it->second.type);
    else if (it->second.sql != obj.sql)
      out.push_back("the " + obj.type + " " + name + " defined differently from Liaison's");
  }
  for (const auto& [name, obj] : expected)
    if (!found.count(name) && obj.type != "trigger")  // dropped triggers: verify says so
      out.push_back("no " + obj.type + " " + name);
  return out;
}

void migrate(sqlite3* db) {
  for (const Migration& m : kMigrations) {
    if (userVersion(db) >= m.to_version) continue;
    sql::exec(db, "BEGIN IMMEDIATE");
    try {
      sql::exec(db, m.sql);
      sql::exec(db, ("PRAGMA user_version = " + std::to_string(m.to_version)).c_str());
      sql::exec(db, "COMMIT");
    } catch (...) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }
}

}  // namespace liaison::core::schema
