// Runs the real `liaison` executable (path compiled in as LIAISON_EXE) with arguments,
// capturing its exit code, standard output and standard error, plus small file helpers.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace liaison::test {

struct RunResult {
  int code = -1;
  std::string out, err;
};

// Arguments are passed without a shell (fork/exec), so paths need no quoting.
RunResult run(const std::vector<std::string>& args, double timeout_s = 120.0);

std::string readFile(const std::filesystem::path& p);
void writeFile(const std::filesystem::path& p, const std::string& text);

// CTest counts a test that exits with this code as skipped (SKIP_RETURN_CODE in CMakeLists).
inline constexpr int kSkipCode = 77;
// Ends this test process as skipped, saying why. For a test that cannot run here (no window
// in this build, no xvfb-run on this machine), so it is never counted as passed.
[[noreturn]] void skipTest(const std::string& why);
// Whether this build's `liaison` has the window (built with -DLIAISON_BUILD_APP=ON).
constexpr bool windowBuild() {
  return LIAISON_HAS_WINDOW != 0;
}
// skipTest() unless this build has the window.
void requireWindowBuild();

// A fresh temporary directory, removed with everything in it at the end of the scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
};

}  // namespace liaison::test
