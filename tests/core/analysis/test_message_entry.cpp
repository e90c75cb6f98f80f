// Entering a message by names (core/analysis/message_entry), as `liaison log` and the window's
// quick-entry line do: codes, ids and names resolve, ambiguous and unknown ones list the
// candidates, medium and kind fill each other, the one channel between the two ends is found.
#include <catch2/catch.hpp>

#include "core/analysis/message_entry.hpp"

using namespace liaison::core;

TEST_CASE("message entry: names resolve, ambiguous and unknown ones list candidates",
          "[messages][entry]") {
  Snapshot s;
  Agency a1;
  a1.id = 1;
  a1.code = "RCFD";
  a1.name = "River City Fire";
  Agency a2;
  a2.id = 2;
  a2.code = "TVRR";
  a2.name = "Tamarack Valley Railroad";
  s.agencies = {a1, a2};
  Representative r1;
  r1.id = 11;
  r1.agency = 1;
  r1.name = "Ann Lee";
  Representative r2 = r1;
  r2.id = 12;
  r2.name = "Ann Marsh";
  Representative r3 = r1;
  r3.id = 21;
  r3.agency = 2;
  r3.name = "Bo Diaz";
  s.representatives = {r1, r2, r3};
  Channel c;
  c.id = 5;
  c.from_agency = 1;
  c.to_agency = 2;
  c.medium = Medium::Phone;
  s.channels = {c};

  CHECK(resolveParty(s, "rcfd").id == 1);
  CHECK(resolveParty(s, "rep:12").id == 12);
  CHECK(resolveParty(s, "21").kind == EntityKind::Representative);
  CHECK(resolveParty(s, "ann lee").id == 11);
  CHECK(resolveParty(s, "Marsh").id == 12);
  CHECK(resolveParty(s, "Railroad").id == 2);
  try {
    resolveParty(s, "Ann");
    FAIL("ambiguous name accepted");
  } catch (const PartyError& e) {
    CHECK(std::string(e.what()) == "\"Ann\" is ambiguous: 2 match; use an agency code or rep:ID");
    CHECK(e.candidates == std::vector<std::string>{"rep 11 Ann Lee (RCFD)", "rep 12 Ann Marsh (RCFD)"});
  }
  try {
    resolveParty(s, "Rxx");
    FAIL("unknown name accepted");
  } catch (const PartyError& e) {
    CHECK(e.candidates == std::vector<std::string>{"RCFD (River City Fire)"});
  }
  CHECK_THROWS_AS(resolveParty(s, "rep:99"), PartyError);

  MessageDraft d;
  d.from = "Ann Lee";
  d.to = {"TVRR"};
  d.medium = Medium::Phone;
  d.time = 1000;
  d.text = "Rail traffic stopped";
  Message m = buildMessage(s, d);
  CHECK(m.from_rep == 11);
  CHECK(m.to_agencies == std::vector<Id>{2});
  CHECK(m.channel == 5);  // the one phone channel between RCFD and TVRR
  CHECK(m.kind == MessageKind::Call);
  d.medium.reset();
  d.kind = MessageKind::Radio;
  m = buildMessage(s, d);
  CHECK(m.medium == Medium::Radio);
  CHECK(m.channel == 0);
  d.kind.reset();
  CHECK_THROWS_AS(buildMessage(s, d), std::invalid_argument);
  d.kind = MessageKind::Chat;
  d.to = {"rep:11"};
  CHECK_THROWS_AS(buildMessage(s, d), std::invalid_argument);  // the sender itself
}

TEST_CASE("message entry: the quick-entry line", "[messages][entry]") {
  auto q = parseQuickEntry("RCFD>TVRR phone: rail traffic stopped at MP 12");
  REQUIRE(q);
  CHECK(q->from == "RCFD");
  CHECK(q->to == std::vector<std::string>{"TVRR"});
  CHECK(q->medium == Medium::Phone);
  CHECK(q->text == "rail traffic stopped at MP 12");
  q = parseQuickEntry("Ann Lee > TVRR, PD ics213: form sent: see attachment");
  REQUIRE(q);
  CHECK(q->from == "Ann Lee");
  CHECK(q->to == std::vector<std::string>{"TVRR", "PD"});
  CHECK_FALSE(q->medium);
  CHECK(q->kind == MessageKind::Ics213);
  CHECK(q->text == "form sent: see attachment");
  q = parseQuickEntry("RCFD>TVRR: hello");
  REQUIRE(q);
  CHECK_FALSE(q->medium);
  CHECK(q->to == std::vector<std::string>{"TVRR"});
  CHECK_FALSE(parseQuickEntry("just a note"));
  CHECK_FALSE(parseQuickEntry(">TVRR phone: x"));
}
