// The exit codes the README documents: 0 success (also --help and --version), 1 an error,
// 2 a usage error (never CLI11's own numbers such as 106), 3 no window for a command that
// needs one.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "cli_runner.hpp"

namespace fs = std::filesystem;
using liaison::test::run;
using liaison::test::TempDir;

namespace {

const fs::path kDemo = fs::path(LIAISON_SOURCE_DIR) / "assets" / "demo";

}  // namespace

TEST_CASE("a usage error exits 2: unknown option, missing argument, unknown command", "[e2e]") {
  const auto unknownOption = run({"verify", "x.liaison", "--no-such-option"});
  CHECK(unknownOption.code == 2);
  CHECK_THAT(unknownOption.err, Catch::Contains("--no-such-option"));

  const auto missingArgument = run({"verify"});
  CHECK(missingArgument.code == 2);
  CHECK_THAT(missingArgument.err, Catch::Contains("WORKSPACE"));

  const auto missingOption = run({"import", kDemo.string()});  // --into is required
  CHECK(missingOption.code == 2);
  CHECK_THAT(missingOption.err, Catch::Contains("--into"));

  const auto badValue = run({"analyze", kDemo.string(), "--level", "planets"});
  CHECK(badValue.code == 2);

  const auto unknownRootOption = run({"--no-such-option"});
  CHECK(unknownRootOption.code == 2);

  const auto drillWithoutSubcommand = run({"drill"});
  CHECK(drillWithoutSubcommand.code == 2);
}

TEST_CASE("--help and --version exit 0, also for a command", "[e2e]") {
  const auto help = run({"--help"});
  CHECK(help.code == 0);
  CHECK_THAT(help.out, Catch::Contains("analyze"));
  const auto version = run({"--version"});
  CHECK(version.code == 0);
  CHECK_FALSE(version.out.empty());
  for (const char* cmd : {"import", "export", "verify", "analyze", "path", "whatif", "report",
                          "drill", "screenshot", "wall"}) {
    INFO(cmd);
    const auto r = run({cmd, "--help"});
    CHECK(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("Usage"));
  }
}

TEST_CASE("an error exits 1 with the file named", "[e2e]") {
  TempDir tmp;
  const auto r = run({"verify", (tmp.path() / "missing.liaison").string()});
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains("missing.liaison"));
}

TEST_CASE("window commands without a window exit 3 and say what works instead", "[e2e]") {
  TempDir tmp;
  const fs::path ws = tmp.path() / "ws.liaison";
  REQUIRE(run({"import", kDemo.string(), "--into", ws.string()}).code == 0);
  // No display: the window build cannot open one; the build without the window has none.
  ::unsetenv("DISPLAY");
  ::unsetenv("WAYLAND_DISPLAY");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"screenshot", ws.string(), "--out",
                                 (tmp.path() / "shot.png").string()},
        std::vector<std::string>{"wall", ws.string()}, std::vector<std::string>{ws.string()}}) {
    INFO(args.front());
    const auto r = run(args);
    CHECK(r.code == 3);
    if (liaison::test::windowBuild()) {
      CHECK_THAT(r.err, Catch::Contains("cannot open a window"));
    } else {
      CHECK_THAT(r.err, Catch::Contains("this build of liaison has no window (built with "
                                        "-DLIAISON_BUILD_APP=OFF)"));
      CHECK_THAT(r.err, Catch::Contains("analyze"));
    }
  }
  CHECK_FALSE(fs::exists(tmp.path() / "shot.png"));
}
