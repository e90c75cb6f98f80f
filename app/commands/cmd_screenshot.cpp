// liaison screenshot [WORKSPACE] --out FILE.png: render real frames offscreen and write a PNG.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "app/shell/app_loop.hpp"
#include "app/shell/wall_runner.hpp"
#include "core/model/values.hpp"
#include "window_commands.hpp"
#include "cli/workspace_paths.hpp"

namespace liaison::app {
namespace {

// "1920x1080" -> 1920, 1080: each side a whole number from 64 to 16384.
bool parseSize(const std::string& text, int& w, int& h) {
  const auto x = text.find_first_of("xX");
  if (x == std::string::npos) return false;
  const auto width = core::parseInteger(std::string_view(text).substr(0, x));
  const auto height = core::parseInteger(std::string_view(text).substr(x + 1));
  if (!width || !height || *width < 64 || *height < 64 || *width > 16384 || *height > 16384)
    return false;
  w = static_cast<int>(*width);
  h = static_cast<int>(*height);
  return true;
}

// "need:12" -> {Need, 12}; nullopt when the kind is unknown or the id not a valid id.
std::optional<Selection> parseSelection(const std::string& text) {
  const auto colon = text.find(':');
  if (colon == std::string::npos) return std::nullopt;
  const std::string kind = text.substr(0, colon);
  const auto id = core::parseId(std::string_view(text).substr(colon + 1));
  if (!id) return std::nullopt;
  static const std::pair<const char*, core::EntityKind> kinds[] = {
      {"need", core::EntityKind::Need},          {"agency", core::EntityKind::Agency},
      {"rep", core::EntityKind::Representative}, {"channel", core::EntityKind::Channel},
      {"task", core::EntityKind::Task},          {"feature", core::EntityKind::MapFeature},
      {"public", core::EntityKind::PublicItem}};
  for (const auto& [name, k] : kinds)
    if (kind == name) return Selection{k, *id};
  return std::nullopt;
}

}  // namespace

void registerScreenshotCommand(CLI::App& root, cli::CliResult& result) {
  struct Args {
    std::string workspace, out, size = "1920x1080", filter, theme = "operator";
    std::string layout = "dashboard", wall_layout = "quad", panel, select;
    std::vector<std::string> whatif;
    int frames = 3;
    float scale = 1.0f;
    double distance = 0, diagonal = 0;
    bool show_legibility = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = root.add_subcommand(
      "screenshot",
      "Render the dashboard without showing a window and write it as a PNG (works under Xvfb: "
      "xvfb-run -a -s \"-screen 0 1920x1080x24\" liaison screenshot ...)");
  cmd->add_option("WORKSPACE", args->workspace,
                  "Workspace file to render (default: the demo exercise)");
  cmd->add_option("--out", args->out, "PNG file to write")->required();
  cmd->add_option("--size", args->size, "Picture size in pixels, WIDTHxHEIGHT")
      ->capture_default_str();
  cmd->add_option("--frames", args->frames, "Frames to render before capturing")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--scale", args->scale, "Multiply the size of text and widgets")
      ->capture_default_str()
      ->check(CLI::Range(0.25f, 8.0f));
  cmd->add_option("--filter", args->filter, "Text to put in the directory's search box");
  cmd->add_option("--panel", args->panel,
                  "Show only this panel, using the whole window (e.g. Directory, Network, "
                  "Timeline, \"Task board\", Map, \"Activity log\")");
  cmd->add_option("--whatif", args->whatif,
                  "Mark these down for the what-if first, as liaison whatif --fail spells them: "
                  "an agency code, rep:ID, channel:ID, infra:ID or zone:ID (comma-separated)")
      ->delimiter(',');
  cmd->add_option("--select", args->select,
                  "Select something first, as a click would: need:ID (its path is drawn in the "
                  "network view), agency:ID, rep:ID, channel:ID, task:ID, feature:ID or public:ID");
  cmd->add_option("--theme", args->theme, "Look: operator or wall")
      ->capture_default_str()
      ->check(CLI::IsMember({"operator", "wall"}));
  cmd->add_option("--layout", args->layout,
                  "dashboard (the workstation) or wall (the situation-room wall display)")
      ->capture_default_str()
      ->check(CLI::IsMember({"dashboard", "wall"}));
  cmd->add_option("--wall-layout", args->wall_layout, "With --layout wall: quad, focus or rotate")
      ->capture_default_str()
      ->check(CLI::IsMember({"quad", "focus", "rotate"}));
  cmd->add_option("--viewing-distance", args->distance,
                  "With --layout wall: metres to the farthest reader (as liaison wall)")
      ->check(CLI::Range(0.5, 100.0));
  cmd->add_option("--diagonal", args->diagonal,
                  "With --layout wall: the panel's diagonal in inches (as liaison wall)")
      ->check(CLI::Range(10.0, 1000.0));
  cmd->add_flag("--show-legibility", args->show_legibility,
                "With --layout wall: overlay the arc-minutes of each text size in use");

  cmd->callback([&result, args] {
    cli::runGuarded(result, [&] {
      RunOptions o;
      ScreenshotRequest shot;
      if (!parseSize(args->size, shot.width, shot.height)) {
        std::cerr << "error: --size " << args->size
                  << " is not valid; expected WIDTHxHEIGHT, each 64 to 16384, e.g. 1920x1080\n";
        return 1;
      }
      shot.out = args->out;
      shot.frames = args->frames;
      o.screenshot = shot;
      if (!args->workspace.empty()) cli::requireWorkspaceFile(args->workspace);
      o.workspace = args->workspace.empty() ? cli::ensureDemoWorkspace(std::cerr)
                                            : std::filesystem::path(args->workspace);
      o.scale = args->scale;
      if (args->layout == "wall") {
        WallRunOptions w;
        w.workspace = o.workspace;
        w.layout = parseWallLayout(args->wall_layout).value_or(WallLayoutKind::Quad);
        w.scale = args->scale;
        if (args->distance > 0) w.viewing_distance_m = args->distance;
        if (args->diagonal > 0) w.diagonal_in = args->diagonal;
        w.show_legibility = args->show_legibility;
        w.screenshot = shot;
        return runWall(w);
      }
      o.read_only = true;  // a screenshot never writes
      o.directory_filter = args->filter;
      o.only_panel = args->panel;
      if (!args->select.empty()) {
        const auto sel = parseSelection(args->select);
        if (!sel) {
          std::cerr << "error: --select " << args->select
                    << " is not valid; expected KIND:ID with KIND one of need, agency, rep, "
                       "channel, task, feature (e.g. need:12)\n";
          return 1;
        }
        o.selection = *sel;
      }
      o.whatif = args->whatif;
      o.theme = args->theme == "wall" ? ThemeKind::Wall : ThemeKind::Operator;
      return runDashboard(o);
    });
  });
}

}  // namespace liaison::app
