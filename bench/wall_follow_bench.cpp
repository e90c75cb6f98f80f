// wall_follow_bench: how fast `liaison wall` (read-only, under Xvfb) follows changes another
// process writes into the workspace: a new event, a task moved, a channel down, each repeated,
// then the workspace file moved away (the wall says so). Prints the latencies (from the
// writer's commit to the wall's state file showing it); never passes or fails. The README
// promises "within a second". tests/e2e/test_wall_follow.cpp checks that the changes arrive.
//   wall_follow_bench [ROUNDS]        (default 5; needs xvfb-run and a build with the window)
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/model/values.hpp"
#include "core/store/store.hpp"

using namespace liaison;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

long field(const std::string& json, const std::string& name) {
  std::smatch m;
  const std::regex re("\"" + name + "\": (-?[0-9]+)");
  return std::regex_search(json, m, re) ? std::stol(m[1]) : -1;
}

pid_t run(const std::vector<std::string>& args, const fs::path& log, bool group) {
  const pid_t pid = fork();
  if (pid != 0) return pid;
  if (group) setpgid(0, 0);
  if (!freopen(log.c_str(), "w", stdout) || !freopen(log.c_str(), "a", stderr)) _exit(126);
  std::vector<std::string> copy = args;
  std::vector<char*> argv;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  execvp(argv[0], argv.data());
  _exit(127);
}

void stop(pid_t pid) {
  kill(-pid, SIGTERM);
  int status = 0;
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (Clock::now() > deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

template <class Pred>
double waitFor(const fs::path& state, Clock::time_point since, double limit_s, Pred pred) {
  for (;;) {
    std::error_code ec;
    if (fs::exists(state, ec) && pred(readFile(state)))
      return std::chrono::duration<double>(Clock::now() - since).count();
    if (std::chrono::duration<double>(Clock::now() - since).count() > limit_s) return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

void report(const char* what, std::vector<double> s) {
  std::vector<double> ok;
  for (double v : s)
    if (v >= 0) ok.push_back(v);
  std::sort(ok.begin(), ok.end());
  if (ok.empty()) {
    std::printf("%-14s %zu rounds, none arrived within 5 s\n", what, s.size());
    return;
  }
  std::printf("%-14s %zu/%zu arrived  median %6.0f ms  max %6.0f ms\n", what, ok.size(), s.size(),
              1000 * ok[ok.size() / 2], 1000 * ok.back());
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 5;
  if (argc > 1) {
    const auto n = core::parseInteger(argv[1]);
    if (!n || *n < 1 || *n > 1000) {
      std::fprintf(stderr, "usage: wall_follow_bench [ROUNDS 1..1000]\n");
      return 2;
    }
    rounds = static_cast<int>(*n);
  }
  if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) {
    std::printf("wall_follow_bench: skipped (xvfb-run is not installed)\n");
    return 0;
  }
  std::random_device rd;
  const fs::path dir = fs::temp_directory_path() / ("liaison-wall-bench-" + std::to_string(rd()));
  fs::create_directories(dir);
  const fs::path ws = dir / "follow.liaison", state = dir / "state.json";
  const pid_t imp = run({LIAISON_EXE, "import", LIAISON_SOURCE_DIR "/assets/demo", "--into",
                         ws.string()},
                        dir / "import.log", false);
  int status = 0;
  waitpid(imp, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::printf("wall_follow_bench: the demo import failed: %s\n",
                readFile(dir / "import.log").c_str());
    return 0;
  }
  auto writer = core::Store::open(ws, core::OpenMode::ReadWrite);
  const pid_t wall = run({"xvfb-run", "-a", "-s", "-screen 0 1280x720x24", LIAISON_EXE, "wall",
                          ws.string(), "--state-file", state.string()},
                         dir / "wall.log", true);
  const double started = waitFor(state, Clock::now(), 60.0, [&](const std::string& j) {
    return field(j, "version") == static_cast<long>(writer->revision());
  });
  if (started < 0) {
    std::printf("wall_follow_bench: the wall did not start: %s\n",
                readFile(dir / "wall.log").c_str());
    stop(wall);
    fs::remove_all(dir);
    return 0;
  }
  std::printf("wall_follow_bench: the wall started in %.1f s; %d rounds\n", started, rounds);

  std::vector<double> events, tasks, channels;
  for (int r = 0; r < rounds; ++r) {
    const core::SnapshotPtr s = writer->load();
    core::TimelineEvent e;
    e.incident = s->mainIncident() ? s->mainIncident()->id : 0;
    e.time = core::nowUtc();
    e.kind = core::EventKind::Report;
    e.text = "Wall follow benchmark " + std::to_string(r);
    auto t0 = Clock::now();
    auto rev = writer->apply(core::put(e), "bench").revision;
    events.push_back(waitFor(state, t0, 5.0, [&](const std::string& j) {
      return field(j, "version") == static_cast<long>(rev);
    }));

    core::Task task;
    for (const auto& t : s->tasks)
      if (t.status == core::TaskStatus::Todo || t.status == core::TaskStatus::Doing) task = t;
    if (task.id) {
      task.status = task.status == core::TaskStatus::Todo ? core::TaskStatus::Doing
                                                          : core::TaskStatus::Todo;
      t0 = Clock::now();
      rev = writer->apply(core::put(task), "bench").revision;
      tasks.push_back(waitFor(state, t0, 5.0, [&](const std::string& j) {
        return field(j, "version") == static_cast<long>(rev);
      }));
    }

    core::Channel channel;
    for (const auto& c : s->channels)
      if (c.status != core::ChannelStatus::Degraded) channel = c;
    if (channel.id) {
      channel.status = channel.status == core::ChannelStatus::Up ? core::ChannelStatus::Down
                                                                 : core::ChannelStatus::Up;
      t0 = Clock::now();
      rev = writer->apply(core::put(channel), "bench").revision;
      channels.push_back(waitFor(state, t0, 5.0, [&](const std::string& j) {
        return field(j, "version") == static_cast<long>(rev);
      }));
    }
  }
  fs::rename(ws, dir / "moved.liaison");
  const double gone = waitFor(state, Clock::now(), 5.0, [](const std::string& j) {
    return j.find("\"error\": \"The workspace file is gone") != std::string::npos;
  });
  stop(wall);
  report("event", events);
  report("task moved", tasks);
  report("channel", channels);
  report("file moved", {gone});
  fs::remove_all(dir);
  return 0;
}
