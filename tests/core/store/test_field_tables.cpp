// The field tables against the schema the migrations build, and the records they brought in
// (shared infrastructure): stored, journaled, cascaded and imported like everything else.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include <set>

#include "core/formats/record_csv.hpp"
#include "core/formats/scenario.hpp"
#include "core/model/entity_fields.hpp"
#include "core/model/entity_json.hpp"
#include "core/store/record_sql.hpp"
#include "core/store/store.hpp"
#include "tests/core/store/store_test_util.hpp"

using namespace liaison::core;
using namespace liaison::core::testing;

namespace {

std::set<std::string> tableColumns(sqlite3* db, std::string_view table) {
  std::set<std::string> out;
  sqlite3_stmt* st = nullptr;
  const std::string q = "PRAGMA table_info(" + std::string(table) + ")";
  sqlite3_prepare_v2(db, q.c_str(), -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW)
    out.insert(reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
  sqlite3_finalize(st);
  return out;
}

template <class R>
void checkTable(sqlite3* db, bool keyedById = true) {
  INFO(fields::Table<R>::table);
  std::set<std::string> expected;
  for (const std::string& c : sqlrec::columns<R>()) expected.insert(c);
  if (!keyedById) expected.insert("id");
  CHECK(tableColumns(db, fields::Table<R>::table) == expected);
  // Every id list's child table exists with (owner, ordinal, value).
  fields::forEach<R>([&](const auto& f) {
    if (f.kind != fields::Kind::IdList) return;
    INFO(f.rules.child);
    CHECK(tableColumns(db, f.rules.child) ==
          std::set<std::string>{std::string(fields::Table<R>::owner), "ordinal",
                                std::string(f.rules.column)});
  });
}

Infrastructure infra(Id id, std::string name, InfrastructureKind kind, std::vector<Id> deps = {}) {
  Infrastructure x;
  x.id = id;
  x.name = std::move(name);
  x.kind = kind;
  x.depends_on = std::move(deps);
  return x;
}

}  // namespace

TEST_CASE("every field table matches the schema the migrations build", "[store][fields]") {
  TempDir tmp;
  auto store = Store::create(tmp.file("w.liaison"));
  sqlite3* db = store->handle();
  checkTable<Agency>(db);
  checkTable<Representative>(db);
  checkTable<Channel>(db);
  checkTable<Need>(db);
  checkTable<Incident>(db);
  checkTable<OperationalPeriod>(db);
  checkTable<TimelineEvent>(db);
  checkTable<Task>(db);
  checkTable<MapFeature>(db);
  checkTable<Infrastructure>(db);
  checkTable<Message>(db);
  checkTable<PublicItem>(db);
  checkTable<Objective>(db);
  checkTable<Inject>(db);
  checkTable<InjectStatus>(db);
  checkTable<ExerciseClock>(db, /*keyedById=*/false);
  checkTable<Observation>(db);
  std::set<std::string> contacts = {"rep", "ordinal"};
  for (const std::string& c : sqlrec::columns<ContactMethod>()) contacts.insert(c);
  CHECK(tableColumns(db, "rep_contacts") == contacts);
}

TEST_CASE("infrastructure is stored, journaled and carried by channels and people",
          "[store][infrastructure]") {
  TempDir tmp;
  auto store = Store::create(tmp.file("w.liaison"));
  Agency a;
  a.id = 1;
  a.code = "RCFD";
  a.name = "Fire";
  Agency b = a;
  b.id = 2;
  b.code = "RCPD";
  b.name = "Police";
  Representative r1;
  r1.id = 11;
  r1.agency = 1;
  r1.name = "Ann";
  r1.carried_by = {2};
  r1.location = LonLat{-77.2, 41.2};
  Representative r2 = r1;
  r2.id = 21;
  r2.agency = 2;
  r2.name = "Bo";
  r2.carried_by = {};
  Channel c;
  c.id = 100;
  c.from_rep = 11;
  c.to_rep = 21;
  c.carried_by = {1, 2};
  // The tower depends on the power feed put after it in the same batch.
  store->apply(std::vector<Command>{put(a), put(b),
                                    put(infra(1, "County tower", InfrastructureKind::Tower, {2})),
                                    put(infra(2, "Feeder 12", InfrastructureKind::PowerFeed)),
                                    put(r1), put(r2), put(c)},
               "tester");
  SnapshotPtr s = store->load();
  REQUIRE(s->infrastructure.size() == 2);
  CHECK(s->infrastructureItem(1)->depends_on == std::vector<Id>{2});
  CHECK(s->channel(100)->carried_by == std::vector<Id>{1, 2});
  CHECK(s->representative(11)->carried_by == std::vector<Id>{2});
  REQUIRE(s->representative(11)->location);
  CHECK(s->representative(11)->location->lon == -77.2);
  CHECK(entityFromJson(EntityKind::Infrastructure, entityToJson(*s->infrastructureItem(1))) ==
        Entity(*s->infrastructureItem(1)));

  SECTION("unknown infrastructure and cycles are refused") {
    Channel bad = c;
    bad.carried_by = {9};
    CHECK_THROWS_WITH(store->apply(put(bad), "tester"),
                      Catch::Contains("carried_by refers to infrastructure 9, which does not "
                                      "exist"));
    CHECK_THROWS_WITH(
        store->apply(put(infra(2, "Feeder 12", InfrastructureKind::PowerFeed, {1})), "tester"),
        Catch::Contains("depends_on makes a cycle"));
    CHECK(store->load()->version == s->version);
  }

  SECTION("removing infrastructure drops it from what it carried, each change journaled") {
    const auto before = store->journalLength();
    store->apply(remove(EntityKind::Infrastructure, 2), "tester");
    SnapshotPtr after = store->load();
    CHECK(after->channel(100)->carried_by == std::vector<Id>{1});
    CHECK(after->representative(11)->carried_by.empty());
    CHECK(after->infrastructureItem(1)->depends_on.empty());
    CHECK(store->journalLength() == before + 4);  // rep, channel, tower, then the feed itself
  }

  SECTION("a scenario folder round-trips infrastructure and every new column") {
    exportScenario(*s, tmp.file("out"));
    const std::string csv = readBytes(tmp.file("out") / "infrastructure.csv");
    CHECK(csv ==
          "\xEF\xBB\xBF"
          "id,name,kind,status,lat,lon,feature,depends_on,notes\n"
          "1,County tower,tower,up,,,,2,\n"
          "2,Feeder 12,power_feed,up,,,,,\n");
    auto copy = Store::create(tmp.file("copy.liaison"));
    importScenario(tmp.file("out"), *copy);
    SnapshotPtr t = copy->load();
    CHECK(t->infrastructure == s->infrastructure);
    CHECK(t->channels == s->channels);
    CHECK(t->representatives == s->representatives);
  }
}

TEST_CASE("a scenario folder's infrastructure.csv is checked like every other file",
          "[scenario][infrastructure]") {
  TempDir tmp;
  const fs::path dir = tmp.file("folder");
  fs::create_directories(dir);
  writeBytes(dir / "agencies.csv", "id,code,name,type,role\n1,RCFD,Fire,fire,assisting\n");
  auto refuse = [&](const std::string& infraCsv) {
    writeBytes(dir / "infrastructure.csv", infraCsv);
    auto store = Store::create(tmp.file("w" + std::to_string(std::rand()) + ".liaison"));
    try {
      importScenario(dir, *store);
    } catch (const ImportError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK(refuse("id,name,kind\n1,Tower,antenna\n") ==
        "infrastructure.csv:2:3: kind 'antenna' is not a valid infrastructure kind; expected one "
        "of tower, repeater, trunked_system, dispatch_centre, phone_exchange, internet_uplink, "
        "power_feed, building, network or other");
  CHECK(refuse("id,name,kind,depends_on\n1,Tower,tower,2\n2,Feed,power_feed,1\n") ==
        "infrastructure.csv:3:4: depends_on makes a cycle (1 -> 2 -> 1); expected dependencies "
        "without cycles");
  CHECK(refuse("id,name,kind,depends_on\n1,Tower,tower,7\n") ==
        "infrastructure.csv:2:4: unknown infrastructure 7 in depends_on; expected an id in "
        "infrastructure.csv");
  CHECK(refuse("id,name,kind,depends_on\n1,Tower,tower,2\n2,Feed,power_feed,\n").empty());
}

namespace {

// The column names of the table under "## FILE" in docs/scenario-format.md, in order.
std::vector<std::string> documentedColumns(const std::string& doc, std::string_view file) {
  std::vector<std::string> out;
  const std::size_t at = doc.find("## " + std::string(file));
  if (at == std::string::npos) return out;
  std::size_t pos = doc.find("|---", at);
  pos = doc.find('\n', pos) + 1;
  while (pos < doc.size() && doc[pos] == '|') {
    const std::size_t end = doc.find('|', pos + 1);
    std::string name = doc.substr(pos + 1, end - pos - 1);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    out.push_back(name);
    pos = doc.find('\n', pos) + 1;
  }
  return out;
}

template <class R>
void checkDocumented(const std::string& doc) {
  const std::string_view file = fields::Table<R>::csvFile;
  INFO(file);
  std::vector<std::string> expected;
  for (const ColumnSpec& c : csvrec::columns<R>()) expected.push_back(c.name);
  CHECK(documentedColumns(doc, file) == expected);
}

}  // namespace

TEST_CASE("docs/scenario-format.md lists every CSV column of the field tables, in order",
          "[scenario][fields][docs]") {
  const std::string doc =
      readBytes(fs::path(LIAISON_SOURCE_DIR) / "docs" / "scenario-format.md");
  REQUIRE(!doc.empty());
  checkDocumented<Incident>(doc);
  checkDocumented<OperationalPeriod>(doc);
  checkDocumented<Agency>(doc);
  checkDocumented<Representative>(doc);
  checkDocumented<Channel>(doc);
  checkDocumented<Need>(doc);
  checkDocumented<TimelineEvent>(doc);
  checkDocumented<Task>(doc);
  checkDocumented<Infrastructure>(doc);
  checkDocumented<Message>(doc);
  std::vector<std::string> contacts{"representative"};
  for (const ColumnSpec& c : csvrec::columns<ContactMethod>()) contacts.push_back(c.name);
  CHECK(documentedColumns(doc, "contacts.csv") == contacts);
}

TEST_CASE("a task's status change is stamped in its history by the store, whoever makes it",
          "[store][tasks]") {
  TempDir tmp;
  auto store = Store::create(tmp.file("w.liaison"));
  Task t;
  t.id = 1;
  t.title = "Open the shelter";
  t.created_at = 100;
  store->apply(put(t), "tester");
  t.status = TaskStatus::Doing;
  store->apply(put(t), "tester");
  const Task doing = *store->load()->task(1);
  REQUIRE(doing.started_at);
  CHECK(*doing.started_at >= 1'700'000'000);  // the transaction's time (now)
  CHECK_FALSE(doing.done_at);
  // A writer that sets the time itself keeps it (an import of a spreadsheet's history).
  Task done = doing;
  done.status = TaskStatus::Done;
  done.done_at = 12345;
  store->apply(put(done), "tester");
  CHECK(store->load()->task(1)->done_at == 12345);
  CHECK(store->load()->task(1)->started_at == doing.started_at);
  // Nothing is stamped when the status does not change.
  Task renamed = *store->load()->task(1);
  renamed.title = "Open the Northside shelter";
  store->apply(put(renamed), "tester");
  CHECK(*store->load()->task(1) == renamed);
}
