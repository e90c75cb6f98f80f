// The wall's change detection: a pure diff of two snapshots by id, and the highlight window.
#include <catch2/catch.hpp>

#include <memory>

#include "app/shell/change_tracker.hpp"

using namespace liaison;

namespace {

std::shared_ptr<core::Snapshot> base() {
  auto s = std::make_shared<core::Snapshot>();
  s->version = 1;
  core::Agency a{};
  a.id = 1;
  a.code = "RCFD";
  core::Agency b{};
  b.id = 2;
  b.code = "RCPD";
  s->agencies = {a, b};
  core::Channel c{};
  c.id = 10;
  c.from_agency = 1;
  c.to_agency = 2;
  c.medium = core::Medium::Radio;
  c.identifier = "555-0199";  // a number: never part of the change text
  s->channels = {c};
  core::Task t{};
  t.id = 20;
  t.title = "Open shelter";
  s->tasks = {t};
  core::TimelineEvent e{};
  e.id = 30;
  e.text = "First report";
  s->events = {e};
  return s;
}

}  // namespace

TEST_CASE("diffSnapshots: new event, task moved, channel down") {
  auto before = base();
  auto after = std::make_shared<core::Snapshot>(*before);
  after->version = 2;
  CHECK(app::diffSnapshots(*before, *after).empty());

  core::TimelineEvent e{};
  e.id = 31;
  e.kind = core::EventKind::Alert;
  e.text = "Wind shift";
  after->events.push_back(e);
  after->tasks[0].status = core::TaskStatus::Doing;
  after->channels[0].status = core::ChannelStatus::Down;
  const auto changes = app::diffSnapshots(*before, *after);
  REQUIRE(changes.size() == 3);
  CHECK(changes[0].kind == app::ChangeKind::NewEvent);
  CHECK(changes[0].id == 31);
  CHECK(changes[0].text.find("Wind shift") != std::string::npos);
  CHECK(changes[0].alarming);
  CHECK(changes[1].kind == app::ChangeKind::TaskStatus);
  CHECK(changes[1].text.find("TODO") != std::string::npos);
  CHECK(changes[1].text.find("DOING") != std::string::npos);
  CHECK(changes[2].kind == app::ChangeKind::ChannelStatus);
  CHECK(changes[2].alarming);
  CHECK(changes[2].text.find("RCFD") != std::string::npos);
  CHECK(changes[2].text.find("555") == std::string::npos);

  // Edits that are not status moves (a title) are not "moves"; a removed event is not new.
  auto third = std::make_shared<core::Snapshot>(*after);
  third->tasks[0].title = "Open shelter now";
  third->events.pop_back();
  CHECK(app::diffSnapshots(*after, *third).empty());
  // A new task is reported as such.
  core::Task t{};
  t.id = 21;
  t.title = "Buses";
  third->tasks.push_back(t);
  const auto more = app::diffSnapshots(*after, *third);
  REQUIRE(more.size() == 1);
  CHECK(more[0].kind == app::ChangeKind::NewTask);
}

TEST_CASE("ChangeTracker: first snapshot is the baseline; highlights fade") {
  app::ChangeTracker tracker;
  auto before = base();
  CHECK(tracker.update(before, 0.0) == 0);
  CHECK(tracker.update(before, 1.0) == 0);  // same snapshot again
  auto after = std::make_shared<core::Snapshot>(*before);
  after->version = 2;
  after->channels[0].status = core::ChannelStatus::Down;
  CHECK(tracker.update(after, 10.0) == 1);
  CHECK(tracker.highlighted(app::ChangeKind::ChannelStatus, 10, 11.0));
  CHECK(tracker.highlighted(app::ChangeKind::ChannelStatus, 0, 11.0));
  CHECK_FALSE(tracker.highlighted(app::ChangeKind::ChannelStatus, 11, 11.0));
  CHECK_FALSE(tracker.highlighted(app::ChangeKind::NewEvent, 0, 11.0));
  CHECK(tracker.pulse(app::ChangeKind::ChannelStatus, 10.0) == Approx(1.0));
  CHECK(tracker.pulse(app::ChangeKind::ChannelStatus,
                      10.0 + app::ChangeTracker::kHighlightSeconds) == 0.0);
  CHECK_FALSE(tracker.highlighted(app::ChangeKind::ChannelStatus, 10,
                                  10.0 + app::ChangeTracker::kHighlightSeconds + 1));
  // Still listed in the strip after the highlight is over.
  REQUIRE(tracker.recent().size() == 1);
  CHECK(tracker.recent().front().change.id == 10);
}
