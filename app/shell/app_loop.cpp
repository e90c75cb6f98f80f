#include "app_loop.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <unistd.h>

#include <cfloat>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "analysis_bridge.hpp"
#include "app_window.hpp"
#include "app/panels/directory_panel.hpp"
#include "app/panels/map_view.hpp"
#include "app/panels/network_view.hpp"
#include "app/platform/gl_window.hpp"
#include "app/platform/offscreen_target.hpp"
#include "core/store/store.hpp"
#include "dashboard.hpp"
#include "exercise_station.hpp"
#include "fonts.hpp"
#include "panel_registry.hpp"
#include "snapshot_follower.hpp"
#include "theme.hpp"

namespace liaison::app {
namespace {

std::string stationActor() {
  const char* user = std::getenv("USER");
  char host[256] = {0};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = 0;
  std::string actor = (user && *user) ? user : "liaison";
  if (host[0]) actor += std::string("@") + host;
  return actor;
}

// Fonts and style for the context's theme and scale. Outside a frame only.
void setupLook(AppContext& ctx, float screen_height, bool recreate_texture) {
  const Theme& theme = themeData(ctx.theme);
  const float px = fontPixels(theme, ctx.scale, screen_height);
  if (recreate_texture) ImGui_ImplOpenGL3_DestroyFontsTexture();
  ctx.fonts = loadFonts(px, theme.large_factor);
  if (recreate_texture) ImGui_ImplOpenGL3_CreateFontsTexture();
  applyTheme(theme, px);
}

void applyPendingCommands(AppContext& ctx, core::Store& store, SnapshotFollower& follower) {
  if (ctx.pending_commands.empty()) return;
  if (ctx.read_only) {
    ctx.status_message = "read-only: the change was not saved";
  } else {
    try {
      store.apply(ctx.pending_commands, ctx.actor);
      follower.reloadNow(ctx);
    } catch (const core::StoreError& e) {
      ctx.status_message = e.what();
    }
  }
  ctx.pending_commands.clear();
}

int runScreenshot(AppContext& ctx, PanelRegistry& panels, GlWindow& window,
                  const ScreenshotRequest& shot) {
  // A screenshot shows settled results: the engine's overlays and a finished layout.
  AnalysisBridge analysis;
  analysis.settle(ctx);
  bool layoutStarted = false;
  std::unique_ptr<OffscreenTarget> target;
  try {
    target = std::make_unique<OffscreenTarget>(shot.width, shot.height);
  } catch (const PlatformError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  Dashboard dashboard;
  const ImVec4 bg = themeData(ctx.theme).background;
  for (int i = 0; i < std::max(shot.frames, 1); ++i) {
    window.newFrame();
    // The picture is the requested size, whatever the (hidden) window and the screen are.
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(shot.width), static_cast<float>(shot.height));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    dashboard.drawFrame(ctx, panels);
    ImGui::Render();
    target->render(bg.x, bg.y, bg.z);
    if (!layoutStarted) {  // the first frame starts the network layout; let it settle
      layoutStarted = true;
      if (auto* network = panels.find<NetworkView>()) network->waitLayout(10.0);
    }
    // Basemap tiles asked for by this frame are decoded before the next one draws them.
    if (auto* map = panels.find<MapView>()) map->settleTiles(10.0);
  }
  const auto pixels = target->readPixels();
  if (!writePng(shot.out.c_str(), shot.width, shot.height, pixels)) {
    std::cerr << "error: cannot write " << shot.out << "\n";
    return 1;
  }
  std::cout << "wrote " << shot.out.string() << " (" << shot.width << "x" << shot.height << ", "
            << shot.frames << " frames)\n";
  return 0;
}

int runInteractive(AppContext& ctx, PanelRegistry& panels, GlWindow& window, core::Store& store,
                   SnapshotFollower& follower) {
  Dashboard dashboard;
  AnalysisBridge analysis;
  ExerciseStation exercise;  // applies drill requests and runs the exercise clock
  int burst = 3;  // frames to draw without waiting, so ImGui settles after each input
  while (!window.shouldClose() && !ctx.ui.request_quit) {
    const double timeout = burst > 0 ? 0.0 : 0.1;
    const double before = glfwGetTime();
    window.waitEvents(timeout);
    if (burst > 0)
      --burst;
    else if (glfwGetTime() - before < timeout * 0.9)
      burst = 3;  // woken by an event

    follower.poll(ctx, SnapshotFollower::Clock::now());
    if (ctx.ui.theme_request) {
      ctx.theme = *ctx.ui.theme_request;
      ctx.ui.theme_request.reset();
      int w = 0, h = 0;
      window.framebufferSize(w, h);
      setupLook(ctx, static_cast<float>(h), true);
    }

    analysis.update(ctx);
    window.newFrame();
    ImGui::NewFrame();
    dashboard.drawFrame(ctx, panels);
    ImGui::Render();
    const ImVec4 bg = themeData(ctx.theme).background;
    window.renderAndPresent(bg.x, bg.y, bg.z);
    if (ImGui::IsAnyItemActive() || ImGui::IsMouseDown(ImGuiMouseButton_Left)) burst = 3;

    applyPendingCommands(ctx, store, follower);
    exercise.afterFrame(ctx, store, follower, core::nowUtc());
  }
  return 0;
}

}  // namespace

int runDashboard(const RunOptions& o) {
  std::unique_ptr<core::Store> store;
  AppContext ctx;
  try {
    store = core::Store::open(o.workspace,
                              o.read_only ? core::OpenMode::ReadOnly : core::OpenMode::ReadWrite);
  } catch (const std::exception& e) {
    std::cerr << "error: cannot open workspace " << o.workspace.string() << ": " << e.what()
              << "\n";
    return 1;
  }
  ctx.store = store.get();
  ctx.workspace_label = o.workspace.filename().string();
  ctx.read_only = o.read_only;
  ctx.theme = o.theme;
  ctx.actor = stationActor();
  ctx.selection = o.selection;
  SnapshotFollower follower(*store);
  try {
    follower.loadInitial(ctx);
  } catch (const std::exception& e) {
    std::cerr << "error: cannot read workspace " << o.workspace.string() << ": " << e.what()
              << "\n";
    return 1;
  }

  if (!o.station_agency.empty()) {
    const core::Agency* station = nullptr;
    for (const auto& a : ctx.snapshot->agencies)
      if (a.code == o.station_agency) station = &a;
    if (!station) {
      std::cerr << "error: --station " << o.station_agency << " is not an agency of "
                << o.workspace.string() << "; expected one of:";
      for (const auto& a : ctx.snapshot->agencies) std::cerr << " " << a.code;
      std::cerr << "\n";
      return 1;
    }
    ctx.station_agency = station->id;
    ctx.actor += "@" + station->code;  // the journal says which player answered
  }
  std::unique_ptr<GlWindow> window =
      openAppWindow(o.screenshot, "Liaison \xE2\x80\x94 " + ctx.workspace_label,
                    o.workspace.string() + " --out dashboard.png");
  if (!window) return 3;

  PanelRegistry panels = PanelRegistry::makeDefault();
  if (!o.directory_filter.empty())
    if (auto* directory = panels.find<DirectoryPanel>()) directory->setFilter(o.directory_filter);
  if (!o.only_panel.empty()) {
    if (!panels.byName(o.only_panel.c_str())) {
      std::cerr << "error: there is no panel named '" << o.only_panel << "'; panels are:";
      for (const auto& p : panels.panels()) std::cerr << " '" << p->name() << "'";
      std::cerr << "\n";
      return 1;
    }
    for (const auto& p : panels.panels()) p->setVisible(o.only_panel == p->name());
  }

  if (o.screenshot) {
    ctx.scale = o.scale;
    setupLook(ctx, static_cast<float>(o.screenshot->height), false);
    return runScreenshot(ctx, panels, *window, *o.screenshot);
  }
  ctx.scale = window->contentScale() * o.scale;
  int fw = 0, fh = 0;
  window->framebufferSize(fw, fh);
  setupLook(ctx, static_cast<float>(fh), false);
  return runInteractive(ctx, panels, *window, *store, follower);
}

}  // namespace liaison::app
