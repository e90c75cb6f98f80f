#include "app_loop.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "analysis_bridge.hpp"
#include "app/panels/directory_panel.hpp"
#include "app/panels/map_view.hpp"
#include "app/panels/network_view.hpp"
#include "app/platform/gl_window.hpp"
#include "app_window.hpp"
#include "core/store/store.hpp"
#include "dashboard.hpp"
#include "frame_loop.hpp"
#include "panel_registry.hpp"
#include "request_applier.hpp"
#include "snapshot_follower.hpp"
#include "station_settings.hpp"

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

int runScreenshot(AppContext& ctx, PanelRegistry& panels, GlWindow& window,
                  const ScreenshotRequest& shot) {
  // A screenshot shows settled results: the engine's overlays and a finished layout.
  AnalysisBridge analysis;
  analysis.settle(ctx);
  Dashboard dashboard;
  FrameSteps steps;
  steps.draw = [&](AppContext& c) { dashboard.drawFrame(c, panels); };
  steps.settle = [&](int frame) {
    // The first frame starts the network layout; let it settle.
    if (frame == 0)
      if (auto* network = panels.find<NetworkView>()) network->waitLayout(10.0);
    // Basemap tiles asked for by this frame are decoded before the next one draws them.
    if (auto* map = panels.find<MapView>()) map->settleTiles(10.0);
  };
  return renderScreenshot(ctx, window, shot, steps,
                          std::to_string(std::max(shot.frames, 1)) + " frames");
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
  ctx.workspace_label = o.workspace.filename().string();
  ctx.read_only = o.read_only;
  ctx.theme = o.theme;
  ctx.actor = stationActor();
  ctx.selection = o.selection;
  const std::filesystem::path settings = stationSettingsPath(o.workspace);
  ctx.ui_settings = readStationSettings(settings);
  SnapshotFollower follower(*store);
  try {
    follower.loadInitial(ctx);
  } catch (const std::exception& e) {
    std::cerr << "error: cannot read workspace " << o.workspace.string() << ": " << e.what()
              << "\n";
    return 1;
  }

  if (!o.whatif.empty()) {
    core::FailureSet failed;
    for (const std::string& t : o.whatif)
      if (std::string err = core::addFailure(*ctx.snapshot, t, failed); !err.empty()) {
        std::cerr << "error: --whatif " << t << ": " << err << "\n";
        return 1;
      }
    for (core::Id a : failed.agencies)
      for (const auto& r : ctx.snapshot->representatives)
        if (r.agency == a) ctx.whatif_down_reps.insert(r.id);
    ctx.whatif_down_reps.insert(failed.representatives.begin(), failed.representatives.end());
    ctx.whatif_down_channels.insert(failed.channels.begin(), failed.channels.end());
    ctx.whatif_down_zones.insert(failed.zones.begin(), failed.zones.end());
    ctx.whatif_down_infra.insert(failed.infrastructure.begin(), failed.infrastructure.end());
    if (!failed.media.empty() || !failed.prefixes.empty()) {
      std::cerr << "error: --whatif takes agencies, rep:, channel:, infra: and zone: targets\n";
      return 1;
    }
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
    return runScreenshot(ctx, panels, *window, *o.screenshot);
  }
  ctx.scale = window->contentScale() * o.scale;
  Dashboard dashboard;
  AnalysisBridge analysis;
  RequestApplier applier(store.get(), &follower, settings);
  FrameSteps steps;
  steps.draw = [&](AppContext& c) { dashboard.drawFrame(c, panels); };
  return runFrameLoop(ctx, *window, follower, analysis, applier, steps);
}

}  // namespace liaison::app
