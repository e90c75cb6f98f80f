// liaison wall [WORKSPACE]: the situation-room wall display, full-screen, read-only, following
// changes written by other stations (the demo exercise when WORKSPACE is omitted).
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "app/shell/wall_runner.hpp"
#include "window_commands.hpp"
#include "cli/workspace_paths.hpp"

namespace liaison::app {

void registerWallCommand(CLI::App& root, cli::CliResult& result) {
  struct Args {
    std::string workspace, layout = "quad", state_file;
    int monitor = 1;
    float scale = 1.0f;
    double interval = 20.0;
    double distance = 0, diagonal = 0;
    bool show_legibility = false, save_room = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = root.add_subcommand(
      "wall",
      "Situation-room wall display: full-screen, borderless, read-only, high contrast; follows "
      "changes made at the workstations within a second. Keys: 1-4 pick the pane, Tab/space "
      "cycle, L switches layout, Ctrl+Q quits.");
  cmd->add_option("WORKSPACE", args->workspace,
                  "Workspace file to show (default: the demo exercise)");
  cmd->add_option("--layout", args->layout,
                  "quad (2x2 large panes), focus (one pane and the key figures) or rotate "
                  "(one pane at a time, cycling)")
      ->capture_default_str()
      ->check(CLI::IsMember({"quad", "focus", "rotate"}));
  cmd->add_option("--monitor", args->monitor, "Monitor to fill, 1 = primary")
      ->capture_default_str()
      ->check(CLI::Range(1, 16));
  cmd->add_option("--viewing-distance", args->distance,
                  "Metres from the wall to the farthest reader (default: the workspace's "
                  "setting, else 5): text is sized so capitals subtend 20 arc-minutes there, "
                  "nothing below 16")
      ->check(CLI::Range(0.5, 100.0));
  cmd->add_option("--diagonal", args->diagonal,
                  "The panel's diagonal in inches (default: the workspace's setting, else 55)")
      ->check(CLI::Range(10.0, 1000.0));
  cmd->add_flag("--save-room", args->save_room,
                "Save --viewing-distance and --diagonal in the workspace's settings, so every "
                "wall of the incident uses them, and exit");
  cmd->add_flag("--show-legibility", args->show_legibility,
                "Overlay the arc-minutes of each text size in use");
  cmd->add_option("--scale", args->scale,
                  "Multiply the size of text (never below the room's 20 arc-minutes)")
      ->capture_default_str()
      ->check(CLI::Range(0.25f, 8.0f));
  cmd->add_option("--interval", args->interval, "Rotate layout: seconds per pane")
      ->capture_default_str()
      ->check(CLI::Range(2.0, 3600.0));
  // For tests and monitoring: the follower's state as JSON after every reload
  // ({"version", "journal_length", "events", "tasks": {...}, "channels_down", "read_only",
  // "reloads", "error"}). Hidden from --help.
  cmd->add_option("--state-file", args->state_file, "")->group("");

  cmd->callback([&result, args] {
    cli::runGuarded(result, [&] {
      WallRunOptions o;
      if (!args->workspace.empty()) cli::requireWorkspaceFile(args->workspace);
      o.workspace = args->workspace.empty() ? cli::ensureDemoWorkspace(std::cout)
                                            : std::filesystem::path(args->workspace);
      o.layout = parseWallLayout(args->layout).value_or(WallLayoutKind::Quad);
      o.monitor = args->monitor;
      o.scale = args->scale;
      o.interval_s = args->interval;
      o.state_file = args->state_file;
      if (args->distance > 0) o.viewing_distance_m = args->distance;
      if (args->diagonal > 0) o.diagonal_in = args->diagonal;
      o.show_legibility = args->show_legibility;
      if (args->save_room) return saveWallRoom(o);
      return runWall(o);
    });
  });
}

}  // namespace liaison::app
