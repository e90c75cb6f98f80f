// The shell follows the workspace: a change written through another Store (another process,
// in effect) shows up at the next poll, and polls are rate-limited to one per 250 ms.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "app/shell/snapshot_follower.hpp"
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
