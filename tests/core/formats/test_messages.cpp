// The message log as an entity: stored, journaled and validated like every other record,
// read from messages.csv all or nothing with located errors, written back by export.
#include <catch2/catch.hpp>

#include "core/formats/scenario.hpp"
#include "core/model/command.hpp"
#include "core/model/entity_json.hpp"
#include "core/model/errors.hpp"
#include "core/model/values.hpp"
#include "core/store/store.hpp"
#include "tests/core/store/store_test_util.hpp"

using namespace liaison::core;
using namespace liaison::core::testing;

namespace {

const fs::path kValid = fs::path(LIAISON_TEST_DATA) / "scenarios" / "valid";

void copyFolder(const fs::path& from, const fs::path& to) {
  fs::create_directories(to);
  for (const auto& e : fs::directory_iterator(from)) fs::copy_file(e.path(), to / e.path().filename());
}

}  // namespace

TEST_CASE("messages.csv imports in time order with every value in place", "[scenario][messages]") {
  TempDir tmp;
  auto store = Store::create(tmp.file("w.liaison"));
  const ImportSummary sum = importScenario(kValid, *store);
  CHECK(sum.messages == 3);
  SnapshotPtr s = store->load();
  REQUIRE(s->messages.size() == 3);
  const Message* m1 = s->message(1);
  REQUIRE(m1);
  CHECK(m1->time == *parseTime("2026-05-14T09:12:00Z"));
  CHECK(m1->from_rep == 101);
  CHECK(m1->to_reps == std::vector<Id>{201});
  CHECK(m1->channel == 1001);
  CHECK(m1->medium == Medium::Radio);
  CHECK(m1->kind == MessageKind::Radio);
  CHECK(m1->subject == "Traffic control");
  CHECK(m1->recorded_by == "EOC liaison desk");
  const Message* m2 = s->message(2);
  REQUIRE(m2);
  CHECK(m2->reply_to == 1);  // listed before message 1 in the file: put after it
  const Message* m3 = s->message(3);
  REQUIRE(m3);
  CHECK(m3->time == *parseTime("2026-05-14T08:20:00Z"));
  CHECK(m3->from_agency == 3);
  CHECK(m3->from_rep == 0);
  CHECK(m3->to_agencies == std::vector<Id>{1});
  CHECK(m3->need == 1);
  CHECK(m3->task == 2);
  CHECK(m3->sensitive);
  const auto byTime = s->messagesByTime();
  CHECK(byTime.front()->id == 3);
  CHECK(byTime.back()->id == 2);
  // Journaled like everything else: the image reads back to the same message.
  CHECK(std::get<Message>(entityFromJson(EntityKind::Message, entityToJson(Entity(*m3)))) == *m3);

  SECTION("export writes messages.csv and reads back the same") {
    exportScenario(*s, tmp.file("out"));
    const std::string csv = readBytes(tmp.file("out") / "messages.csv");
    CHECK(csv.rfind("\xEF\xBB\xBF" "id,time,from_representative,from_agency,to_representatives,to_agencies,"
                    "channel,medium,kind,subject,text,need,task,reply_to,recorded_by,sensitive\n"
                    "1,2026-05-14T09:12:00Z,101,,201,,1001,radio,radio,Traffic control,Need TCP-3 "
                    "at Main and 5th,,,,EOC liaison desk,false\n",
                    0) == 0);
    auto copy = Store::create(tmp.file("copy.liaison"));
    importScenario(tmp.file("out"), *copy);
    CHECK(copy->load()->messages == s->messages);
  }
  SECTION("removing a representative clears them from the messages they sent or received") {
    store->apply(remove(EntityKind::Representative, 201), "tester");
    SnapshotPtr t = store->load();
    REQUIRE(t->message(1));
    CHECK(t->message(1)->to_reps.empty());
    CHECK(t->message(2)->from_rep == 0);
  }
}

TEST_CASE("a bad messages.csv is refused where it is wrong and changes nothing",
          "[scenario][messages]") {
  TempDir tmp;
  const fs::path dir = tmp.file("folder");
  copyFolder(kValid, dir);
  const std::string header =
      "id,time,from_representative,from_agency,to_representatives,to_agencies,channel,medium,"
      "kind,text,reply_to\n";
  int n = 0;
  auto refuse = [&](const std::string& rows) {
    writeBytes(dir / "messages.csv", header + rows);
    auto store = Store::create(tmp.file("w" + std::to_string(++n) + ".liaison"));
    const auto before = store->revision();
    try {
      importScenario(dir, *store);
    } catch (const ImportError& e) {
      CHECK(store->revision() == before);
      CHECK(store->load()->agencies.empty());
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK(refuse("1,2026-05-14T09:00Z,101,,201,,,radio,radio,x,\n").empty());
  CHECK(refuse("1,2026-05-14T09:00Z,101,,201,,,pigeon,radio,x,\n") ==
        "messages.csv:2:8: medium 'pigeon' is not a valid medium; expected one of radio, phone, "
        "email, in_person or data_link");
  CHECK(refuse("1,2026-05-14T09:00Z,101,,201,,,radio,telex,x,\n") ==
        "messages.csv:2:9: kind 'telex' is not a valid message kind; expected one of call, radio, "
        "email, in_person, chat or ics213");
  CHECK(refuse("1,2026-05-14T09:00Z,,,201,,,radio,radio,x,\n") ==
        "messages.csv:2:3: no sender; expected from_representative, or from_agency when the "
        "person is not known");
  CHECK(refuse("1,2026-05-14T09:00Z,101,1,201,,,radio,radio,x,\n") ==
        "messages.csv:2:4: both from_representative and from_agency are set; expected one of "
        "them");
  CHECK(refuse("1,2026-05-14T09:00Z,101,,,,,radio,radio,x,\n") ==
        "messages.csv:2:5: no recipient; expected to_representatives or to_agencies");
  CHECK(refuse("1,2026-05-14T09:00Z,101,,201;101,,,radio,radio,x,\n") ==
        "messages.csv:2:5: representative 101 is both the sender and a recipient; expected "
        "other recipients");
  CHECK(refuse("1,2026-05-14T09:00Z,101,,999,,,radio,radio,x,\n") ==
        "messages.csv:2:5: unknown representative 999 in to_representatives; expected an id in "
        "representatives.csv");
  CHECK(refuse("1,2026-05-14T09:00Z,101,,201,,,radio,radio,x,2\n"
               "2,2026-05-14T09:05Z,201,,101,,,radio,radio,y,\n") ==
        "messages.csv:2:11: reply_to 2 is not an earlier message (2026-05-14T09:05:00Z); "
        "expected an earlier message");
  CHECK(refuse("1,2026-05-14T09:00Z,101,,201,,,radio,radio,x,1\n") ==
        "messages.csv:2:11: reply_to 1 is the message itself; expected an earlier message");
  CHECK(refuse("1,not a time,101,,201,,,radio,radio,x,\n").rfind("messages.csv:2:2: ", 0) == 0);
}

TEST_CASE("the store refuses a message without a sender or recipients", "[store][messages]") {
  TempDir tmp;
  auto store = Store::create(tmp.file("w.liaison"));
  importScenario(kValid, *store);
  Message m;
  m.time = 100;
  m.from_rep = 101;
  CHECK_THROWS_AS(store->apply(put(m), "tester"), ValidationError);
  m.to_agencies = {2};
  m.from_agency = 1;
  CHECK_THROWS_AS(store->apply(put(m), "tester"), ValidationError);
  m.from_agency = 0;
  const ApplyResult r = store->apply(put(m), "tester");
  REQUIRE(r.ids.size() == 1);
  CHECK(store->load()->message(r.ids[0])->to_agencies == std::vector<Id>{2});
}
