// Undo from the journal (undo.hpp): the inverse of puts, removes and cascades, applied to a
// real store, brings the workspace back; undo batches are journaled and skipped next time.
#include <catch2/catch.hpp>

#include "core/model/entity_json.hpp"
#include "core/store/undo.hpp"
#include "tests/core/store/store_test_util.hpp"

using namespace liaison::core;
using namespace liaison::core::testing;

namespace {

// The directory and what refers to it, for before/after comparisons.
struct State {
  std::vector<Agency> agencies;
  std::vector<Representative> reps;
  std::vector<Channel> channels;
  std::vector<Need> needs;
  std::vector<TimelineEvent> events;
  std::vector<Task> tasks;
  bool operator==(const State&) const = default;
};

State stateOf(const Store& store) {
  const auto s = store.load();
  return {s->agencies, s->representatives, s->channels, s->needs, s->events, s->tasks};
}

std::set<std::int64_t> starts;  // what a station records from ApplyResult (per test, cleared)

ApplyResult applyAs(Store& store, const std::vector<Command>& commands, const std::string& who) {
  ApplyResult r = store.apply(commands, who);
  if (r.first_seq) starts.insert(r.first_seq);
  return r;
}

UndoPlan undoOf(Store& store, const std::string& who) {
  return planUndo(store.journal(), *store.load(), who, starts);
}

JournalEntry entry(std::int64_t seq, std::string action, std::string entity, Id id,
                   std::string before, std::string after, std::string actor = "ana",
                   TimeUtc time = 100) {
  JournalEntry e;
  e.seq = seq;
  e.time = time;
  e.actor = std::move(actor);
  e.action = std::move(action);
  e.entity = std::move(entity);
  e.entity_id = id;
  e.summary = e.action + " " + e.entity + " " + std::to_string(id);
  e.before = std::move(before);
  e.after = std::move(after);
  return e;
}

}  // namespace

TEST_CASE("inverse of a put: restore before, or remove what was new", "[undo]") {
  const Representative old = makeRep(101, 1, "Dana Whitfield");
  Representative renamed = old;
  renamed.name = "Dana W.";
  const std::vector<JournalEntry> group = {
      entry(5, "put", "representative", 101, entityToJson(old), entityToJson(renamed)),
      entry(6, "put", "agency", 4, "", entityToJson(makeAgency(4, "MEMS", "Metro EMS"))),
  };
  const auto inv = inverseCommands(group);
  REQUIRE(inv.size() == 2);
  const auto* p = std::get_if<PutEntity>(&inv[0].op);
  REQUIRE(p);
  CHECK(std::get<Representative>(p->value) == old);
  const auto* r = std::get_if<RemoveEntity>(&inv[1].op);
  REQUIRE(r);
  CHECK(r->kind == EntityKind::Agency);
  CHECK(r->id == 4);
}

TEST_CASE("inverse of a cascade puts agencies back before representatives and channels",
          "[undo]") {
  // As the store journals an agency removal: the cascade first, the agency last.
  const std::vector<JournalEntry> group = {
      entry(10, "remove", "channel", 1001, entityToJson(repChannel(1001, 101, 102)), ""),
      entry(11, "remove", "representative", 101, entityToJson(makeRep(101, 1, "Dana")), ""),
      entry(12, "remove", "need", 1, entityToJson(makeNeed(1, 1, 2)), ""),
      entry(13, "remove", "agency", 1, entityToJson(makeAgency(1, "RCFD", "Fire")), ""),
      entry(14, "note", "", 0, "", ""),
  };
  const auto inv = inverseCommands(group);
  std::vector<EntityKind> kinds;
  for (const Command& c : inv) kinds.push_back(kindOf(std::get<PutEntity>(c.op).value));
  CHECK(kinds == std::vector<EntityKind>{EntityKind::Agency, EntityKind::Representative,
                                         EntityKind::Channel, EntityKind::Need});
}

TEST_CASE("groups: same actor and time, split at undo notes and known batch starts", "[undo]") {
  const std::string a = entityToJson(makeAgency(1, "RCFD", "Fire"));
  std::vector<JournalEntry> j = {
      entry(1, "put", "agency", 1, "", a, "import", 50),
      entry(2, "put", "agency", 1, a, a, "ana", 100),
      entry(3, "put", "agency", 1, a, a, "ana", 100),
      entry(4, "put", "agency", 1, a, a, "bob", 100),
  };
  auto g = lastUndoableGroup(j, "ana");
  REQUIRE(g.size() == 2);
  CHECK(g.front().seq == 2);
  g = lastUndoableGroup(j, "ana", {2, 3});
  REQUIRE(g.size() == 1);
  CHECK(g.front().seq == 3);
  CHECK(lastUndoableGroup(j, "carol").empty());

  // An undo of #3 hides both itself and #3: the next undo reverts #2.
  JournalEntry n = entry(5, "note", "", 0, "", "", "ana", 100);
  n.summary = undoNote("Changed agency RCFD", 3, 3);
  j.push_back(n);
  j.push_back(entry(6, "put", "agency", 1, a, a, "ana", 100));
  g = lastUndoableGroup(j, "ana", {2, 3});
  REQUIRE(g.size() == 1);
  CHECK(g.front().seq == 2);
}

TEST_CASE("undo notes carry the reverted range", "[undo]") {
  CHECK(undoNote("Changed x", 4, 4) == "undo: Changed x (journal #4)");
  CHECK(undoNote("Removed y", 7, 12) == "undo: Removed y (journal #7-#12)");
  CHECK(parseUndoNote("undo: Removed y (journal #7-#12)") == std::make_pair(std::int64_t{7},
                                                                            std::int64_t{12}));
  CHECK(parseUndoNote("undo: a (b) (journal #4)") == std::make_pair(std::int64_t{4},
                                                                     std::int64_t{4}));
  CHECK_FALSE(parseUndoNote("Removed y (journal #7-#12)"));
  CHECK_FALSE(parseUndoNote("undo: y (journal #x)"));
  CHECK_FALSE(parseUndoNote("undo: y (journal #9-#3)"));
}

TEST_CASE("undo of an edit restores the representative and is journaled as undo", "[undo]") {
  starts.clear();
  TempDir tmp;
  auto store = Store::create(tmp.file("w.liaison"));
  seed(*store);
  const State original = stateOf(*store);

  Representative r = *store->load()->representative(101);
  r.name = "Dana W.";
  r.contacts.pop_back();
  applyAs(*store, {put(r)}, "ana");
  REQUIRE(stateOf(*store) != original);

  const UndoPlan plan = undoOf(*store, "ana");
  REQUIRE(plan.ok());
  CHECK(plan.summary.rfind("undo: Changed representative 101: name Dana Whitfield -> Dana W.", 0) ==
        0);
  const auto length = store->journalLength();
  applyAs(*store, plan.commands, "ana");
  CHECK(stateOf(*store) == original);
  const auto added = store->journal(length + 1);
  REQUIRE(added.size() == 2);
  CHECK(added[0].action == "note");
  CHECK(added[0].summary == "undo: " + plan.summary.substr(6) + " (journal #" +
                                std::to_string(plan.first_seq) + ")");
  CHECK(added[1].entity == "representative");
  CHECK(store->verify().ok);

  // The undo itself is not undone again, and nothing else by ana remains.
  CHECK_FALSE(undoOf(*store, "ana").ok());
  CHECK(undoOf(*store, "ana").refusal.find("nothing to undo") != std::string::npos);
}

TEST_CASE("undo of an agency removal brings back its cascade", "[undo]") {
  starts.clear();
  TempDir tmp;
  auto store = Store::create(tmp.file("w.liaison"));
  seed(*store);
  TimelineEvent ev;
  ev.id = 1;
  ev.time = 1700000000;
  ev.text = "Fire and police at the scene";
  ev.agencies = {1, 2};
  Task t;
  t.id = 1;
  t.title = "Close River Road";
  t.owner_agency = 1;
  t.owner_rep = 101;
  t.involved = {2, 1};
  store->apply(std::vector<Command>{put(ev), put(t)}, "tester");
  const State original = stateOf(*store);

  applyAs(*store, {remove(EntityKind::Agency, 1)}, "ana");
  REQUIRE(store->load()->agency(1) == nullptr);
  const UndoPlan plan = undoOf(*store, "ana");
  REQUIRE(plan.ok());
  CHECK(plan.summary == "undo: Removed agency RCFD (River City Fire Department) and 7 more");
  applyAs(*store, plan.commands, "ana");
  CHECK(stateOf(*store) == original);
  CHECK(store->verify().ok);
}

TEST_CASE("undo of an addition removes it; two undos walk back two changes", "[undo]") {
  starts.clear();
  TempDir tmp;
  auto store = Store::create(tmp.file("w.liaison"));
  seed(*store);
  const State original = stateOf(*store);
  applyAs(*store, {put(makeAgency(0, "MEMS2", "Second EMS"))}, "ana");
  const State withAgency = stateOf(*store);
  Need n = makeNeed(0, 1, 3);
  applyAs(*store, {put(n)}, "ana");

  UndoPlan plan = undoOf(*store, "ana");
  REQUIRE(plan.ok());
  applyAs(*store, plan.commands, "ana");
  CHECK(stateOf(*store) == withAgency);
  plan = undoOf(*store, "ana");
  REQUIRE(plan.ok());
  CHECK(plan.summary == "undo: Added agency MEMS2 (Second EMS)");
  applyAs(*store, plan.commands, "ana");
  CHECK(stateOf(*store) == original);
}

TEST_CASE("undo refuses to overwrite a later change, and ignores other stations", "[undo]") {
  starts.clear();
  TempDir tmp;
  auto store = Store::create(tmp.file("w.liaison"));
  seed(*store);
  Representative r = *store->load()->representative(102);
  r.position = "Liaison Officer";
  applyAs(*store, {put(r)}, "ana");
  Agency a = *store->load()->agency(3);
  a.notes = "staging at the fairground";
  applyAs(*store, {put(a)}, "bob");

  // bob's later change is not ana's to undo: ana's own change is.
  UndoPlan plan = undoOf(*store, "ana");
  REQUIRE(plan.ok());
  CHECK(plan.summary.find("representative 102") != std::string::npos);

  r.shift = "07:00-19:00";
  applyAs(*store, {put(r)}, "bob");
  plan = undoOf(*store, "ana");
  CHECK_FALSE(plan.ok());
  CHECK(plan.refusal.find("representative 102 has been changed since") != std::string::npos);
  CHECK(plan.commands.empty());
}

TEST_CASE("undo compares with the store's own reading: lists keep their order", "[undo]") {
  starts.clear();
  TempDir tmp;
  auto store = Store::create(tmp.file("w.liaison"));
  seed(*store);
  Task first;
  first.id = 1;
  first.title = "Open shelter";
  Task t;
  t.id = 2;
  t.title = "Close River Road";
  t.involved = {3, 1, 2};
  t.depends_on = {1};
  t.due = 1700000000;
  applyAs(*store, {put(first), put(t)}, "ana");
  t.involved = {2, 3};
  t.status = TaskStatus::Doing;
  applyAs(*store, {put(t)}, "ana");
  const UndoPlan plan = undoOf(*store, "ana");
  REQUIRE(plan.ok());
  applyAs(*store, plan.commands, "ana");
  REQUIRE(store->load()->task(2) != nullptr);
  CHECK(store->load()->task(2)->involved == std::vector<Id>{3, 1, 2});
  CHECK(store->load()->task(2)->status == TaskStatus::Todo);
}
