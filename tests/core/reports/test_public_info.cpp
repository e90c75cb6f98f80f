// Public information items: the workflow the store enforces (one step at a time, a released
// item frozen, versions that supersede), placeholders refused at save time with their position
// and filled at release, EXERCISE in every output of an exercise, the journal of every step.
#include <catch2/catch.hpp>

#include "core/model/enums.hpp"
#include "core/model/public_info.hpp"
#include "core/reports/public_info.hpp"
#include "tests/core/store/store_test_util.hpp"

using namespace liaison::core;

namespace {

struct Ws {
  testing::TempDir tmp;
  std::unique_ptr<Store> store;
  explicit Ws(bool exercise = false) {
    store = Store::create(tmp.file("p.liaison"));
    Incident inc;
    inc.id = 1;
    inc.name = "Riverside chlorine release";
    inc.start = 1'780'000'000;
    inc.exercise = exercise;
    Agency a;
    a.id = 1;
    a.code = "PIO";
    a.name = "County PIO";
    Representative r;
    r.id = 7;
    r.agency = 1;
    r.name = "Pat Ortiz";
    MapFeature shelter;
    shelter.id = 5;
    shelter.kind = FeatureKind::Shelter;
    shelter.label = "Lincoln High gym";
    shelter.rings = {{{-90.1, 38.6}}};
    store->apply({put(inc), put(a), put(r), put(shelter)}, "setup");
  }
  SnapshotPtr snap() const { return store->load(); }
  Id draft(std::string body = "Shelter open: {shelters_open}.") {
    PublicItem p;
    p.kind = PublicKind::PressRelease;
    p.title = "Update on the {incident}";
    p.body = std::move(body);
    return store->apply(put(p), "pio").ids.at(0);
  }
  PublicItem item(Id id) const { return *snap()->find<PublicItem>(id); }
};

}  // namespace

TEST_CASE("a statement goes draft, checked, approved, released, each step journaled",
          "[public]") {
  Ws ws;
  const Id id = ws.draft();
  ws.store->apply(publicCheck(*ws.snap(), id, 7), "pio");
  CHECK(ws.item(id).status == PublicStatus::Checked);
  ws.store->apply(publicApprove(*ws.snap(), id, 7, 1'780'000'600), "pio");
  CHECK(ws.item(id).approved_at == 1'780'000'600);
  ws.store->apply(publicRelease(*ws.snap(), id, "press conference", 1'780'001'200), "pio");
  const PublicItem p = ws.item(id);
  CHECK(p.status == PublicStatus::Released);
  CHECK(p.released_at == 1'780'001'200);
  CHECK(p.released_title == "Update on the Riverside chlorine release");
  CHECK(p.released_body == "Shelter open: Lincoln High gym.");
  CHECK(p.body == "Shelter open: {shelters_open}.");  // the template stays
  int steps = 0;
  for (const JournalEntry& e : ws.store->journal())
    if (e.entity == "public_item") ++steps;
  CHECK(steps == 4);  // added, checked, approved, released
}

TEST_CASE("the store refuses a skipped step and changes nothing", "[public]") {
  Ws ws;
  const Id id = ws.draft();
  const auto before = ws.store->journalLength();
  CHECK_THROWS_WITH(ws.store->apply(publicApprove(*ws.snap(), id, 7, 100), "pio"),
                    Catch::Contains("cannot go from draft to approved; one step at a time"));
  CHECK_THROWS_WITH(ws.store->apply(publicRelease(*ws.snap(), id, "web", 100), "pio"),
                    Catch::Contains("cannot go from draft to released"));
  CHECK(ws.item(id).status == PublicStatus::Draft);
  CHECK(ws.store->journalLength() == before);
  // A checked item's text cannot change without going back to draft.
  ws.store->apply(publicCheck(*ws.snap(), id, 7), "pio");
  PublicItem edited = ws.item(id);
  edited.body = "Changed after the check";
  CHECK_THROWS_WITH(ws.store->apply(put(edited), "pio"),
                    Catch::Contains("its text changes only as a draft"));
  ws.store->apply(publicRedraft(*ws.snap(), id), "pio");
  edited = ws.item(id);
  edited.body = "Changed as a draft";
  ws.store->apply(put(edited), "pio");
  CHECK(ws.item(id).body == "Changed as a draft");
}

TEST_CASE("a released item is frozen; an update is a new version that supersedes it",
          "[public]") {
  Ws ws;
  const Id id = ws.draft();
  ws.store->apply(publicCheck(*ws.snap(), id, 7), "pio");
  ws.store->apply(publicApprove(*ws.snap(), id, 7, 100), "pio");
  ws.store->apply(publicRelease(*ws.snap(), id, "web", 200), "pio");
  PublicItem edited = ws.item(id);
  edited.body = "a quiet correction";
  CHECK_THROWS_WITH(ws.store->apply(put(edited), "pio"),
                    Catch::Contains("is released and frozen; to change it, make a new version"));
  CHECK_THROWS_WITH(ws.store->apply(remove(EntityKind::PublicItem, id), "pio"),
                    Catch::Contains("stays on record; cancel it instead"));
  CHECK_THROWS_WITH(ws.store->apply(publicRedraft(*ws.snap(), id), "pio"),
                    Catch::Contains("is released and frozen"));
  PublicItem back = ws.item(id);
  back.status = PublicStatus::Approved;
  CHECK_THROWS_WITH(ws.store->apply(put(back), "pio"),
                    Catch::Contains("cannot go from released to approved"));

  const Id v2 = ws.store->apply(publicSupersede(*ws.snap(), id), "pio").ids.at(0);
  PublicItem next = ws.item(v2);
  CHECK(next.version == 2);
  CHECK(next.supersedes == id);
  CHECK(next.status == PublicStatus::Draft);
  next.body = "Two shelters open: {shelters_open}.";
  ws.store->apply(put(next), "pio");
  CHECK(ws.item(id).status == PublicStatus::Released);  // still in force until v2 goes out
  ws.store->apply(publicCheck(*ws.snap(), v2, 7), "pio");
  ws.store->apply(publicApprove(*ws.snap(), v2, 7, 300), "pio");
  ws.store->apply(publicRelease(*ws.snap(), v2, "web", 400), "pio");
  CHECK(ws.item(id).status == PublicStatus::Superseded);
  CHECK(ws.item(v2).status == PublicStatus::Released);
  // Superseded is final.
  PublicItem old = ws.item(id);
  old.status = PublicStatus::Released;
  CHECK_THROWS_WITH(ws.store->apply(put(old), "pio"), Catch::Contains("can no longer change"));
  const std::string html = publicViewHtml(*ws.snap(), 500);
  CHECK(html.find("Two shelters open: Lincoln High gym.") < html.find("No longer in force"));
  CHECK(html.find("<b>superseded</b>") != std::string::npos);
  CHECK(html.find("EXERCISE") == std::string::npos);  // not an exercise
}

TEST_CASE("unknown placeholders are refused at save time with their position", "[public]") {
  CHECK(placeholderProblem("Hello {incident}, {{literal}}") == std::nullopt);
  CHECK(placeholderProblem("Line one\nsee {shelter} now") ==
        std::optional<std::string>(
            "2:5: unknown placeholder {shelter}; known: {incident}, {incident_number}, "
            "{location}, {period}, {period_start}, {period_end}, {time}, {shelters_open}, "
            "{road_closures}, {objectives}"));
  CHECK(placeholderProblem("open {incident")->starts_with("1:6: placeholder not closed"));
  CHECK(placeholderProblem("a } b")->starts_with("1:3: a lone '}'"));

  Ws ws;
  PublicItem p;
  p.title = "Update";
  p.body = "Roads closed:\n  {road_closure}";
  CHECK_THROWS_WITH(ws.store->apply(put(p), "pio"),
                    Catch::Contains("body at 2:3: unknown placeholder {road_closure}"));
  CHECK(ws.snap()->public_items.empty());
}

TEST_CASE("an exercise puts EXERCISE in every output", "[public]") {
  Ws ws(/*exercise=*/true);
  const Id id = ws.draft("Stay indoors.");
  ws.store->apply(publicCheck(*ws.snap(), id, 7), "pio");
  ws.store->apply(publicApprove(*ws.snap(), id, 7, 100), "pio");
  ws.store->apply(publicRelease(*ws.snap(), id, "web", 200), "pio");
  const PublicItem p = ws.item(id);
  CHECK(p.released_title == "EXERCISE: Update on the Riverside chlorine release");
  CHECK(p.released_body == "EXERCISE EXERCISE EXERCISE\nStay indoors.\nEXERCISE EXERCISE EXERCISE");
  const std::string html = publicViewHtml(*ws.snap(), 300);
  CHECK(html.find("<title>EXERCISE - ") != std::string::npos);
  CHECK(html.find("<div class=\"exercise\">EXERCISE</div>") != std::string::npos);
}

TEST_CASE("an approved or released item says who and when", "[public]") {
  Ws ws;
  const Id id = ws.draft();
  ws.store->apply(publicCheck(*ws.snap(), id, 7), "pio");
  CHECK_THROWS_WITH(ws.store->apply(publicApprove(*ws.snap(), id, 0, 100), "pio"),
                    Catch::Contains("approved_by is not set"));
  ws.store->apply(publicApprove(*ws.snap(), id, 7, 100), "pio");
  CHECK_THROWS_WITH(ws.store->apply(publicRelease(*ws.snap(), id, " ", 200), "pio"),
                    Catch::Contains("channel is empty"));
  PublicItem alert;
  alert.kind = PublicKind::PublicAlert;
  alert.title = "Shelter in place";
  const Id a = ws.store->apply(put(alert), "pio").ids.at(0);
  CHECK_THROWS_WITH(ws.store->apply(publicCheck(*ws.snap(), a, 7), "pio"),
                    Catch::Contains("event is empty; a public alert names its event"));
}
