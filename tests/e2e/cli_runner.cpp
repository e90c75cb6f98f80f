#include "cli_runner.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace liaison::test {

namespace fs = std::filesystem;

RunResult run(const std::vector<std::string>& args, double timeout_s) {
  TempDir io;
  fs::path out = io.path() / "out", err = io.path() / "err";
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int in = open("/dev/null", O_RDONLY);
    dup2(in, 0);
    dup2(o, 1);
    dup2(e, 2);
    std::vector<char*> argv;
    std::string exe = LIAISON_EXE;
    argv.push_back(exe.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(exe.c_str(), argv.data());
    _exit(127);
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return {-1, readFile(out), readFile(err) + "\n[killed: timeout]"};
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  RunResult r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = readFile(out);
  r.err = readFile(err);
  return r;
}

void skipTest(const std::string& why) {
  std::cout << "SKIPPED: " << why << std::endl;
  std::exit(kSkipCode);
}

void requireWindowBuild() {
  if (!windowBuild())
    skipTest("this build of liaison has no window (built with -DLIAISON_BUILD_APP=OFF)");
}

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void writeFile(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
}

TempDir::TempDir() {
  std::random_device rd;
  m_path = fs::temp_directory_path() /
           ("liaison-e2e-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
  fs::create_directories(m_path);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(m_path, ec);
}

}  // namespace liaison::test
