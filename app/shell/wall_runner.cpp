#include "wall_runner.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <unistd.h>

#include <cfloat>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/panels/map_view.hpp"
#include "app/platform/gl_window.hpp"
#include "app/platform/offscreen_target.hpp"
#include "analysis_bridge.hpp"
#include "app_window.hpp"
#include "core/store/store.hpp"
#include "fonts.hpp"
#include "panel_registry.hpp"
#include "snapshot_follower.hpp"
#include "theme.hpp"

namespace liaison::app {
namespace {

void setupWallLook(AppContext& ctx, float screen_height) {
  const Theme& theme = themeData(ThemeKind::Wall);
  const float px = fontPixels(theme, ctx.scale, screen_height);
  ctx.fonts = loadFonts(px, theme.large_factor);
  applyTheme(theme, px);
}

std::string jsonEscape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (static_cast<unsigned char>(ch) < 0x20) {
      out += ' ';
    } else {
      out += ch;
    }
  }
  return out;
}

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

int screenshotWall(AppContext& ctx, const PanelRegistry& panels, WallLayout& wall, GlWindow& window,
                   const ScreenshotRequest& shot) {
  std::unique_ptr<OffscreenTarget> target;
  try {
    target = std::make_unique<OffscreenTarget>(shot.width, shot.height);
  } catch (const PlatformError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  const ImVec4 bg = themeData(ThemeKind::Wall).background;
  for (int i = 0; i < std::max(shot.frames, 1); ++i) {
    window.newFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(shot.width), static_cast<float>(shot.height));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    wall.drawFrame(ctx, panels, ImGui::GetTime());
    ImGui::Render();
    target->render(bg.x, bg.y, bg.z);
    // Basemap tiles asked for by this frame are decoded before the next one draws them.
    if (auto* map = panels.find<MapView>()) map->settleTiles(10.0);
  }
  if (!writePng(shot.out.c_str(), shot.width, shot.height, target->readPixels())) {
    std::cerr << "error: cannot write " << shot.out << "\n";
    return 1;
  }
  std::cout << "wrote " << shot.out.string() << " (" << shot.width << "x" << shot.height
            << ", wall " << wallLayoutName(wall.layout()) << ")\n";
  return 0;
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
    << ", \"reloads\": " << reloads << ", \"error\": \"" << jsonEscape(error) << "\"}\n";
  return o.str();
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
  ctx.store = store.get();
  ctx.workspace_label = o.workspace.filename().string();
  ctx.read_only = true;
  ctx.theme = ThemeKind::Wall;
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
  if (o.screenshot) {
    analysis.settle(ctx);  // a picture for a report shows the engine's figures
    ctx.scale = o.scale;
    setupWallLook(ctx, static_cast<float>(o.screenshot->height));
    return screenshotWall(ctx, panels, wall, *window, *o.screenshot);
  }

  goFullScreen(*window, o.monitor);
  ctx.scale = window->contentScale() * o.scale;
  int fw = 0, fh = 0;
  window->framebufferSize(fw, fh);
  setupWallLook(ctx, static_cast<float>(fh));
  int built_for = fh;

  std::string last_error;
  while (!window->shouldClose() && !ctx.ui.request_quit) {
    // The wall redraws a few times a second (clock, pulses) and never waits long for input.
    window->waitEvents(0.1);
    if (follower.poll(ctx, SnapshotFollower::Clock::now())) {
      ++reloads;
      writeState(o.state_file, wallStateJson(*ctx.snapshot, store->readOnly(), "", reloads));
    }
    const std::string problem = workspaceProblem(ctx, o.workspace);
    if (problem != last_error) {
      last_error = problem;
      wall.setReadError(problem);
      writeState(o.state_file, wallStateJson(*ctx.snapshot, store->readOnly(), problem, reloads));
    }
    window->framebufferSize(fw, fh);
    if (fh > 0 && fh != built_for) {  // moved to another monitor, or the mode changed
      built_for = fh;
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      setupWallLook(ctx, static_cast<float>(fh));
      ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    analysis.update(ctx);
    window->newFrame();
    ImGui::NewFrame();
    wall.drawFrame(ctx, panels, ImGui::GetTime());
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl && ImGui::IsKeyPressed('Q', false)) ctx.ui.request_quit = true;
    ImGui::Render();
    const ImVec4 bg = themeData(ThemeKind::Wall).background;
    window->renderAndPresent(bg.x, bg.y, bg.z);
    ctx.pending_commands.clear();  // read-only: a wall pane can never change the workspace
  }
  return 0;
}

}  // namespace liaison::app
