// The window commands of a build without the window (-DLIAISON_BUILD_APP=OFF). They take the
// same positionals and options as the real ones (so a usage error is still exit 2), and then
// say that this build has no window, with what works instead, and exit 3.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli.hpp"

namespace liaison::cli {
namespace {

int noWindow(const char* what) {
  std::cerr << "liaison: " << what
            << " needs a window, and this build of liaison has no window (built with "
               "-DLIAISON_BUILD_APP=OFF); use the commands that need none (import, export, "
               "verify, analyze, path, whatif, report, drill: see liaison --help), or a "
               "build with the window (-DLIAISON_BUILD_APP=ON) for the dashboard, "
               "screenshots and the wall.\n";
  return kExitNoDisplay;
}

}  // namespace

void registerNoWindowCommands(CLI::App& root, CliResult& result) {
  root.description(
      "Liaison: an operations dashboard for liaison officers. This build has no window "
      "(built with -DLIAISON_BUILD_APP=OFF): every command below except screenshot and wall "
      "works.");
  auto values = std::make_shared<std::vector<std::string>>(16);
  auto flag = std::make_shared<bool>(false);
  root.add_option("WORKSPACE", (*values)[0], "Workspace file (the dashboard: not in this build)");
  root.add_option("--scale", (*values)[1], "(the dashboard: not in this build)");
  root.add_flag("--read-only", *flag, "(the dashboard: not in this build)");
  root.add_option("--theme", (*values)[2], "(the dashboard: not in this build)");
  root.add_option("--station", (*values)[3], "(the dashboard: not in this build)");
  root.callback([&root, &result, values, flag] {
    if (!root.get_subcommands().empty()) return;  // a subcommand ran instead
    result.exit_code = noWindow("the dashboard");
  });

  // screenshot and wall: any arguments are accepted; the answer is the same.
  for (const char* name : {"screenshot", "wall"}) {
    CLI::App* cmd = root.add_subcommand(
        name, std::string(name == std::string("wall") ? "The situation-room wall display"
                                                       : "Render the dashboard as a PNG") +
                  ": not in this build (it has no window; built with -DLIAISON_BUILD_APP=OFF)");
    cmd->allow_extras();
    cmd->callback([&result, name] {
      result.exit_code = noWindow(name == std::string("wall") ? "liaison wall"
                                                              : "liaison screenshot");
    });
  }
}

}  // namespace liaison::cli
