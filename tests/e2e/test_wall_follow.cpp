// Two processes on one workspace: this test writes (a new event, a task moved, a channel
// down) through the core Store; `liaison wall --state-file F` follows read-only under Xvfb.
// Each change must reach the follower (seen by polling F, never a fixed sleep; how fast is
// bench/wall_follow_bench's figure, not a pass/fail here), nothing may move while nobody
// writes, and the follower must never write: the journal and the revision move only by the
// writer's own changes, and the follower reports a read-only store. Skipped (exit 77) without
// xvfb-run or in a build without the window.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <regex>
#include <thread>

#include "cli_runner.hpp"
#include "core/store/store.hpp"

using namespace liaison;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
constexpr double kArrived = 5.0;  // seconds: the limit each waitFor below is given

namespace {

bool onPath(const char* exe) {
  const std::string cmd = std::string("command -v ") + exe + " >/dev/null 2>&1";
  return std::system(cmd.c_str()) == 0;
}

long field(const std::string& json, const std::string& name) {
  std::smatch m;
  const std::regex re("\"" + name + "\": (-?[0-9]+)");
  return std::regex_search(json, m, re) ? std::stol(m[1]) : -1;
}

// The follower in its own process group, so the test can stop xvfb-run, Xvfb and liaison.
pid_t startFollower(const fs::path& ws, const fs::path& state, const fs::path& log) {
  const pid_t pid = fork();
  if (pid != 0) return pid;
  setpgid(0, 0);
  const std::string out = log.string();
  if (!freopen(out.c_str(), "w", stdout) || !freopen(out.c_str(), "a", stderr)) _exit(126);
  std::vector<std::string> args = {"xvfb-run",    "-a",   "-s",        "-screen 0 1280x720x24",
                                   LIAISON_EXE,   "wall", ws.string(), "--state-file",
                                   state.string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  execvp("xvfb-run", argv.data());
  _exit(127);
}

void stopFollower(pid_t pid) {
  kill(-pid, SIGTERM);
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (Clock::now() > deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

// Polls the state file until pred holds; returns the seconds it took (or a large value).
template <class Pred>
double waitFor(const fs::path& state, Clock::time_point since, double limit_s, Pred pred) {
  while (true) {
    std::error_code ec;
    if (fs::exists(state, ec)) {
      const std::string json = test::readFile(state);
      if (pred(json)) return std::chrono::duration<double>(Clock::now() - since).count();
    }
    if (std::chrono::duration<double>(Clock::now() - since).count() > limit_s) return 1e9;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));  // a poll tick, not a wait
  }
}

}  // namespace

TEST_CASE("wall follows another process's changes and never writes") {
  test::requireWindowBuild();
  if (!onPath("xvfb-run")) test::skipTest("xvfb-run is not installed");
  test::TempDir dir;
  const fs::path ws = dir.path() / "follow.liaison";
  const fs::path state = dir.path() / "wall-state.json";
  const auto imported =
      test::run({"import", (fs::path(LIAISON_SOURCE_DIR) / "assets" / "demo").string(), "--into",
                 ws.string()});
  REQUIRE(imported.code == 0);

  auto writer = core::Store::open(ws, core::OpenMode::ReadWrite);
  const std::uint64_t rev0 = writer->revision();
  const std::int64_t journal0 = writer->journalLength();

  const pid_t follower = startFollower(ws, state, dir.path() / "wall.log");
  REQUIRE(follower > 0);
  const double started = waitFor(state, Clock::now(), 60.0, [&](const std::string& j) {
    return field(j, "version") == static_cast<long>(rev0);
  });
  if (started > 60.0) {
    stopFollower(follower);
    FAIL("the wall did not start: " << test::readFile(dir.path() / "wall.log"));
  }
  const std::string first = test::readFile(state);
  CHECK(first.find("\"read_only\": true") != std::string::npos);
  // A few of its own poll cycles (250 ms each) while nobody writes: the state it reports must
  // not move (no reload, same version), and a follower that wrote would move the revision.
  const double moved = waitFor(state, Clock::now(), 0.8, [&](const std::string& j) {
    return field(j, "version") != static_cast<long>(rev0) || field(j, "reloads") != 0;
  });
  CHECK(moved > 0.8);  // waitFor's "never" (1e9): the predicate did not hold within 0.8 s
  CHECK(writer->revision() == rev0);
  CHECK(writer->journalLength() == journal0);

  const core::SnapshotPtr s0 = writer->load();
  const long events0 = field(first, "events"), down0 = field(first, "channels_down"),
             doing0 = field(first, "doing");

  // 1. A new event.
  core::TimelineEvent e;
  e.incident = s0->mainIncident() ? s0->mainIncident()->id : 0;
  e.time = core::nowUtc();
  e.kind = core::EventKind::Report;
  e.text = "Wall follow test: plume moving east";
  auto t0 = Clock::now();
  const auto r1 = writer->apply(core::put(e), "test-writer");
  const double lat_event = waitFor(state, t0, kArrived, [&](const std::string& j) {
    return field(j, "version") == static_cast<long>(r1.revision) &&
           field(j, "events") == events0 + 1;
  });

  // 2. A task moved from todo to doing.
  core::Task task;
  for (const auto& t : s0->tasks)
    if (t.status == core::TaskStatus::Todo) {
      task = t;
      break;
    }
  REQUIRE(task.id != 0);
  task.status = core::TaskStatus::Doing;
  t0 = Clock::now();
  const auto r2 = writer->apply(core::put(task), "test-writer");
  const double lat_task = waitFor(state, t0, kArrived, [&](const std::string& j) {
    return field(j, "version") == static_cast<long>(r2.revision) && field(j, "doing") == doing0 + 1;
  });

  // 3. A channel down.
  core::Channel channel;
  for (const auto& c : s0->channels)
    if (c.status == core::ChannelStatus::Up) {
      channel = c;
      break;
    }
  REQUIRE(channel.id != 0);
  channel.status = core::ChannelStatus::Down;
  t0 = Clock::now();
  const auto r3 = writer->apply(core::put(channel), "test-writer");
  const double lat_channel = waitFor(state, t0, kArrived, [&](const std::string& j) {
    return field(j, "version") == static_cast<long>(r3.revision) &&
           field(j, "channels_down") == down0 + 1;
  });

  // The file moved away: the wall says so (instead of freezing on the last numbers).
  fs::rename(ws, dir.path() / "moved.liaison");
  t0 = Clock::now();
  const double lat_error = waitFor(state, t0, kArrived, [](const std::string& j) {
    return j.find("\"error\": \"The workspace file is gone") != std::string::npos;
  });
  CHECK(lat_error < kArrived);
  fs::rename(dir.path() / "moved.liaison", ws);

  stopFollower(follower);
  // Each change arrived (waitFor gives 1e9 when it did not within its 5 s); how fast is
  // bench/wall_follow_bench's figure.
  CHECK(lat_event < kArrived);
  CHECK(lat_task < kArrived);
  CHECK(lat_channel < kArrived);

  // Only the writer wrote: its three changes are the whole difference.
  CHECK(writer->revision() == r3.revision);
  const auto journal = writer->journal(journal0 + 1);
  CHECK(!journal.empty());
  for (const auto& entry : journal) CHECK(entry.actor == "test-writer");
  CHECK(field(test::readFile(state), "reloads") >= 3);
}
