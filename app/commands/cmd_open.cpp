// liaison [WORKSPACE]: open the dashboard window (the demo exercise when WORKSPACE is omitted).
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "app/shell/app_loop.hpp"
#include "window_commands.hpp"
#include "cli/workspace_paths.hpp"

namespace liaison::app {

void registerOpenCommand(CLI::App& root, cli::CliResult& result) {
  struct Args {
    std::string workspace;
    float scale = 1.0f;
    bool read_only = false;
    std::string theme = "operator";
    std::string station;
  };
  auto args = std::make_shared<Args>();
  root.add_option("WORKSPACE", args->workspace,
                  "Workspace file (.liaison) to open. Without one, the demo exercise is created "
                  "on first run in $XDG_DATA_HOME/liaison/demo.liaison and opened.");
  root.add_option("--scale", args->scale,
                  "Multiply the size of text and widgets (on top of the monitor's DPI scale)")
      ->check(CLI::Range(0.25f, 8.0f));
  root.add_flag("--read-only", args->read_only,
                "Open read-only and follow changes written by other stations");
  root.add_option("--theme", args->theme, "Look: operator (desk) or wall (high contrast)")
      ->check(CLI::IsMember({"operator", "wall"}));
  root.add_option("--station", args->station,
                  "This station is a drill player for the agency with this code: the EXERCISE "
                  "notice shows only the injects addressed to it (default: all injects)");

  root.callback([&root, &result, args] {
    if (!root.get_subcommands().empty()) return;  // a subcommand ran instead
    cli::runGuarded(result, [&] {
      RunOptions o;
      if (!args->workspace.empty()) cli::requireWorkspaceFile(args->workspace);
      o.workspace = args->workspace.empty() ? cli::ensureDemoWorkspace(std::cout)
                                            : std::filesystem::path(args->workspace);
      o.scale = args->scale;
      o.read_only = args->read_only;
      o.station_agency = args->station;
      o.theme = args->theme == "wall" ? ThemeKind::Wall : ThemeKind::Operator;
      return runDashboard(o);
    });
  });
}

void registerWindowCommands(CLI::App& root, cli::CliResult& result) {
  registerOpenCommand(root, result);
  registerScreenshotCommand(root, result);
  registerWallCommand(root, result);
}

}  // namespace liaison::app
