// The shell follows the workspace: a change written through another Store (another process,
// in effect) shows up at the next poll, and polls are rate-limited to one per 250 ms; a
// reload is one read transaction, so a writer between its parts never gives a torn view.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "app/shell/snapshot_follower.hpp"
#include "core/store/exercise_store.hpp"
#include "core/store/sqlite_util.hpp"
#include "core/store/store.hpp"

using namespace liaison;
namespace fs = std::filesystem;

namespace {

fs::path tempWorkspace(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "liaison-app-tests";
  fs::create_directories(dir);
  const fs::path p = dir / name;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p.string() + suffix);
  return p;
}

core::Agency agency(const std::string& code) {
  core::Agency a;
  a.code = code;
  a.name = code + " agency";
  a.type = core::AgencyType::Fire;
  a.role = core::AgencyRole::Assisting;
  return a;
}

}  // namespace

TEST_CASE("the follower reloads when another writer moves the revision, at most every 250 ms") {
  const fs::path path = tempWorkspace("follower.liaison");
  auto writer = core::Store::create(path);
  const core::Agency rcfd = agency("RCFD");
  writer->apply(core::put(rcfd), "test");

  auto reader = core::Store::open(path, core::OpenMode::ReadOnly);
  app::AppContext ctx;
  app::SnapshotFollower follower(*reader);
  follower.loadInitial(ctx);
  REQUIRE(ctx.snapshot);
  CHECK(ctx.snapshot->agencies.size() == 1);
  const auto first = ctx.snapshot;

  using Clock = app::SnapshotFollower::Clock;
  auto t = Clock::now();
  CHECK_FALSE(follower.poll(ctx, t));  // nothing changed
  CHECK(ctx.snapshot == first);

  const core::Agency rcpd = agency("RCPD");
  writer->apply(core::put(rcpd), "test");
  CHECK_FALSE(follower.poll(ctx, t + std::chrono::milliseconds(100)));  // too soon to ask
  CHECK(ctx.snapshot == first);
  CHECK(follower.poll(ctx, t + std::chrono::milliseconds(400)));
  CHECK(ctx.snapshot->agencies.size() == 2);
  CHECK(ctx.snapshot->version > first->version);
  CHECK(ctx.status_message.empty());
}

// One read transaction per reload: a writer that commits between the parts of the read (after
// the snapshot, after the journal, after the exercise) must not show up in any later part.
TEST_CASE("a reload is one consistent read: a writer between its parts is never seen") {
  for (const char* between : {"snapshot", "journal", "exercise"}) {
    INFO("the writer commits after the " << between);
    const fs::path path = tempWorkspace(std::string("torn-") + between + ".liaison");
    auto writer = core::Store::create(path);
    writer->apply(core::put(agency("RCFD")), "test");
    writer->transact("test", [](core::Transaction& t) {
      core::sql::exec(t.handle(),
                      "INSERT INTO settings (key, value) VALUES ('basemap.mbtiles', '/old.mbtiles')");
      t.record("put", "basemap", 1, "Basemap set to old.mbtiles", "", "{}");
    });
    auto reader = core::Store::open(path, core::OpenMode::ReadOnly);

    bool wrote = false;
    app::AppContext ctx;
    app::SnapshotFollower follower(*reader);
    follower.setAfterPart([&](const char* part) {
      if (wrote || std::string(part) != between) return;
      wrote = true;
      // Another station: an agency (two journal entries' worth of change), a new basemap and
      // the exercise clock started, each in its own committed transaction.
      writer->apply(core::put(agency("RCPD")), "other");
      writer->transact("other", [](core::Transaction& t) {
        core::sql::exec(t.handle(),
                        "UPDATE settings SET value = '/new.mbtiles' WHERE key = 'basemap.mbtiles'");
        t.record("put", "basemap", 1, "Basemap set to new.mbtiles", "{}", "{}");
      });
      writer->transact("other", [](core::Transaction& t) {
        core::ExerciseClock c;
        c.started = true;
        c.speed = 5;
        core::writeClock(t, c, "EXERCISE clock started");
      });
    });
    follower.loadInitial(ctx);
    REQUIRE(wrote);
    // Everything is as of the first revision: no part saw the other station's writes.
    CHECK(ctx.snapshot->agencies.size() == 1);
    REQUIRE(ctx.journal);
    CHECK(ctx.journal->size() == ctx.snapshot->journal_length);
    CHECK(ctx.journal->back().actor == "test");
    CHECK(ctx.basemap_path == "/old.mbtiles");
    REQUIRE(ctx.exercise);
    CHECK_FALSE(ctx.exercise->state.clock.started);
    CHECK(ctx.exercise->version == ctx.snapshot->version);

    // The next reload sees all of it, again consistently.
    follower.setAfterPart({});
    REQUIRE(follower.reloadNow(ctx));
    CHECK(ctx.snapshot->agencies.size() == 2);
    CHECK(ctx.journal->size() == ctx.snapshot->journal_length);
    CHECK(ctx.journal->back().actor == "other");
    CHECK(ctx.basemap_path == "/new.mbtiles");
    CHECK(ctx.exercise->state.clock.started);
    CHECK(ctx.exercise->state.clock.speed == 5);
  }
}

TEST_CASE("Store::loadStation: the journal tail from a sequence number, and only the settings "
          "asked for") {
  const fs::path path = tempWorkspace("station-read.liaison");
  auto store = core::Store::create(path);
  store->apply(core::put(agency("RCFD")), "test");
  store->apply(core::put(agency("RCPD")), "test");
  store->setSetting("network.positions", "{}");
  core::StationReadOptions o;
  o.journal_from = 2;
  o.settings = {"network.positions", "basemap.mbtiles"};
  const core::StationRead r = store->loadStation(o);
  CHECK(r.snapshot->agencies.size() == 2);
  REQUIRE(r.journal_tail.size() == r.snapshot->journal_length - 1);
  CHECK(r.journal_tail.front().seq == 2);
  CHECK(r.settings.size() == 1);  // the basemap is not set
  CHECK(r.settings.at("network.positions") == "{}");
  CHECK(r.exercise.injects.empty());
}
