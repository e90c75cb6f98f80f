#include "wall_runner.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analysis_bridge.hpp"
#include "app/panels/map_view.hpp"
#include "app/panels/network_view.hpp"
#include "app/platform/gl_window.hpp"
#include "app_window.hpp"
#include "core/store/store.hpp"
#include "frame_loop.hpp"
#include "panel_registry.hpp"
#include "request_applier.hpp"
#include "snapshot_follower.hpp"
#include "station_settings.hpp"

namespace liaison::app {
namespace {

void writeState(const std::filesystem::path& file, const std::string& json) {
  if (file.empty()) return;
  const std::filesystem::path tmp = file.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << json;
    if (!out) return;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, file, ec);
}

// The follower's health beyond what SQLite notices: an open file that was moved or deleted
// still reads fine through its descriptor, so the path itself is checked too.
std::string workspaceProblem(const AppContext& ctx, const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return "The workspace file is gone from " + path.string() + " (moved or deleted).";
  if (ctx.status_message.rfind("cannot read the workspace", 0) == 0) return ctx.status_message;
  return {};
}

void goFullScreen(GlWindow& window, int monitor_1based) {
  int count = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&count);
  if (!monitors || count == 0) return;  // stays a maximised window
  int i = monitor_1based - 1;
  if (i < 0 || i >= count) {
    std::cerr << "liaison wall: no monitor " << monitor_1based << " (there are " << count
              << "); using monitor 1\n";
    i = 0;
  }
  const GLFWvidmode* mode = glfwGetVideoMode(monitors[i]);
  if (!mode) return;
  glfwSetWindowMonitor(window.handle(), monitors[i], 0, 0, mode->width, mode->height,
                       mode->refreshRate);
  glfwSetInputMode(window.handle(), GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
}

}  // namespace

std::string wallStateJson(const core::Snapshot& s, bool read_only, const std::string& error,
                          std::uint64_t reloads) {
  int status[4] = {0, 0, 0, 0};
  for (const auto& t : s.tasks) ++status[static_cast<int>(t.status)];
  int down = 0;
  for (const auto& c : s.channels)
    if (c.status == core::ChannelStatus::Down) ++down;
  std::ostringstream o;
  o << "{\"pid\": " << getpid() << ", \"version\": " << s.version
    << ", \"journal_length\": " << s.journal_length << ", \"events\": " << s.events.size()
    << ", \"tasks\": {\"todo\": " << status[0] << ", \"doing\": " << status[1]
    << ", \"blocked\": " << status[2] << ", \"done\": " << status[3] << "}"
    << ", \"channels_down\": " << down << ", \"read_only\": " << (read_only ? "true" : "false")
    << ", \"reloads\": " << reloads << ", \"error\": " << nlohmann::json(error).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "}\n";
  return o.str();
}

wall::Room wallRoom(const WallRunOptions& o, const core::Store& store) {
  wall::Room room;
  const double dist = o.viewing_distance_m ? *o.viewing_distance_m
                                           : wall::parsePositive(store.setting(wall::kDistanceSetting));
  const double diag = o.diagonal_in ? *o.diagonal_in
                                    : wall::parsePositive(store.setting(wall::kDiagonalSetting));
  if (dist > 0) room.distance_m = dist, room.assumed_distance = false;
  if (diag > 0) room.diagonal_in = diag, room.assumed_diagonal = false;
  return room;
}

int saveWallRoom(const WallRunOptions& o) {
  if (!o.viewing_distance_m && !o.diagonal_in) {
    std::cerr << "error: --save-room needs --viewing-distance or --diagonal\n";
    return 1;
  }
  try {
    auto store = core::Store::open(o.workspace, core::OpenMode::ReadWrite);
    char buf[32];
    if (o.viewing_distance_m) {
      std::snprintf(buf, sizeof buf, "%g", *o.viewing_distance_m);
      store->setSetting(wall::kDistanceSetting, buf);
    }
    if (o.diagonal_in) {
      std::snprintf(buf, sizeof buf, "%g", *o.diagonal_in);
      store->setSetting(wall::kDiagonalSetting, buf);
    }
    std::cout << wall::roomStatus(wallRoom(o, *store)) << ": saved in " << o.workspace.string()
              << "\n";
  } catch (const std::exception& e) {
    std::cerr << "error: cannot save the room in " << o.workspace.string() << ": " << e.what()
              << "\n";
    return 1;
  }
  return 0;
}

int runWall(const WallRunOptions& o) {
  std::unique_ptr<core::Store> store;
  AppContext ctx;
  try {
    store = core::Store::open(o.workspace, core::OpenMode::ReadOnly);
  } catch (const std::exception& e) {
    std::cerr << "error: cannot open workspace " << o.workspace.string() << ": " << e.what()
              << "\n";
    return 1;
  }
  ctx.workspace_label = o.workspace.filename().string();
  ctx.read_only = true;
  ctx.theme = ThemeKind::Wall;
  ctx.wall_room = wallRoom(o, *store);
  ctx.show_legibility = o.show_legibility;
  // The network layout the workstation saved (the wall reads it, never writes it).
  ctx.ui_settings = readStationSettings(stationSettingsPath(o.workspace));
  SnapshotFollower follower(*store);
  try {
    follower.loadInitial(ctx);
  } catch (const std::exception& e) {
    std::cerr << "error: cannot read workspace " << o.workspace.string() << ": " << e.what()
              << "\n";
    return 1;
  }
  std::uint64_t reloads = 0;
  writeState(o.state_file, wallStateJson(*ctx.snapshot, store->readOnly(), "", reloads));

  std::unique_ptr<GlWindow> window =
      openAppWindow(o.screenshot, "Liaison wall \xE2\x80\x94 " + ctx.workspace_label,
                    o.workspace.string() + " --layout wall --out wall.png");
  if (!window) return 3;
  PanelRegistry panels = PanelRegistry::makeDefault();
  WallLayout wall(o.layout, o.interval_s);

  // The engine's broken needs and single points of failure, off the frame thread (the same
  // bridge as the dashboard's: each new snapshot goes to the worker, results come back).
  AnalysisBridge analysis;
  FrameSteps steps;
  steps.draw = [&](AppContext& c) { wall.drawFrame(c, panels, ImGui::GetTime()); };
  if (o.screenshot) {
    analysis.settle(ctx);  // a picture for a report shows the engine's figures
    ctx.scale = o.scale;
    // Basemap tiles asked for by a frame are decoded before the next one draws them.
    // The network settles too: a picture for a report (and every start) shows the same layout.
    steps.settle = [&](int) {
      if (auto* map = panels.find<MapView>()) map->settleTiles(10.0);
      if (auto* net = panels.find<NetworkView>()) net->waitLayout(20.0);
    };
    return renderScreenshot(ctx, *window, *o.screenshot, steps,
                            std::string("wall ") + wallLayoutName(wall.layout()));
  }

  goFullScreen(*window, o.monitor);
  // The room's sizing counts physical pixels already: the monitor's content scale adds nothing.
  ctx.scale = o.scale;
  // The wall redraws a few times a second (clock, pulses) and never waits long for input.
  steps.redraw_always = true;
  std::string last_error;
  steps.after_poll = [&](AppContext& c, bool reloaded) {
    if (reloaded) {
      ++reloads;
      writeState(o.state_file, wallStateJson(*c.snapshot, store->readOnly(), "", reloads));
    }
    const std::string problem = workspaceProblem(c, o.workspace);
    if (problem != last_error) {
      last_error = problem;
      wall.setReadError(problem);
      writeState(o.state_file, wallStateJson(*c.snapshot, store->readOnly(), problem, reloads));
    }
  };
  // Read-only: whatever a pane asks for is refused by the applier; the view's own requests
  // (none on the wall today) would still apply.
  RequestApplier applier(store.get(), &follower);
  return runFrameLoop(ctx, *window, follower, analysis, applier, steps);
}

}  // namespace liaison::app
