// The whole dashboard frame (menu bar, slots, status line) without GL.
#include <catch2/catch.hpp>

#include <memory>

#include "app/panels/analysis_panel.hpp"
#include "app/panels/directory_panel.hpp"
#include "app/panels/inspector_panel.hpp"
#include "app/shell/dashboard.hpp"
#include "app/shell/panel_registry.hpp"
#include "app/shell/theme.hpp"
#include "headless_imgui.hpp"

using namespace liaison;

TEST_CASE("the dashboard draws its panels, hides them from the View flag, and both themes") {
  app::test::HeadlessImGui imgui(1920, 1080);
  app::AppContext ctx;
  auto snap = std::make_shared<core::Snapshot>();
  core::Incident inc;
  inc.id = 1;
  inc.name = "River City Chlorine Release";
  inc.exercise = true;
  snap->incidents.push_back(inc);
  core::Agency a;
  a.id = 1;
  a.code = "RCFD";
  a.name = "River City Fire Department";
  snap->agencies.push_back(a);
  ctx.snapshot = snap;
  ctx.workspace_label = "test.liaison";

  // The application's list holds the directory; the frames below use a registry of the
  // directory alone, so other panels sharing its slot (as tabs) cannot hide it.
  const app::PanelRegistry all = app::PanelRegistry::makeDefault();
  REQUIRE(all.find<app::DirectoryPanel>() != nullptr);
  REQUIRE(all.byName("Directory") == all.find<app::DirectoryPanel>());

  std::vector<std::unique_ptr<app::Panel>> list;
  list.push_back(std::make_unique<app::DirectoryPanel>());
  app::PanelRegistry panels(std::move(list));
  auto* directory = panels.find<app::DirectoryPanel>();
  REQUIRE(directory != nullptr);
  app::Dashboard dashboard;
  const auto frame = [&] { dashboard.drawFrame(ctx, panels); };

  for (app::ThemeKind theme : {app::ThemeKind::Operator, app::ThemeKind::Wall}) {
    ctx.theme = theme;
    app::applyTheme(app::themeData(theme), ImGui::GetFontSize());
    for (int i = 0; i < 3; ++i) imgui.frame(frame);
    CHECK(directory->visibleCount() == 1);
  }

  // Hidden from the View menu: the panel is no longer drawn (its rows stop following).
  ctx.theme = app::ThemeKind::Operator;
  directory->setVisible(false);
  directory->setFilter("nothing-matches");
  for (int i = 0; i < 2; ++i) imgui.frame(frame);
  CHECK(directory->visibleCount() == 1);
  directory->setVisible(true);
  for (int i = 0; i < 2; ++i) imgui.frame(frame);
  CHECK(directory->visibleCount() == 0);
}

TEST_CASE("selecting a person brings the Inspector tab forward beside the analysis",
          "[inspector]") {
  app::test::HeadlessImGui imgui(1920, 1080);
  app::AppContext ctx;
  auto snap = std::make_shared<core::Snapshot>();
  core::Agency a;
  a.id = 1;
  a.code = "RCFD";
  a.name = "River City Fire Department";
  snap->agencies.push_back(a);
  core::Representative r;
  r.id = 11;
  r.agency = 1;
  r.name = "Dana Whitfield";
  snap->representatives.push_back(r);
  ctx.snapshot = snap;

  std::vector<std::unique_ptr<app::Panel>> list;
  list.push_back(std::make_unique<app::AnalysisPanel>());  // first: the tab shown at start
  list.push_back(std::make_unique<app::InspectorPanel>());
  app::PanelRegistry panels(std::move(list));
  auto* inspector = panels.find<app::InspectorPanel>();
  REQUIRE(inspector);
  app::Dashboard dashboard;
  const auto frame = [&] { dashboard.drawFrame(ctx, panels); };
  for (int i = 0; i < 3; ++i) imgui.frame(frame);
  CHECK(inspector->inspector().shownAgency() == 0);  // the analysis tab is in front

  ctx.selection = {core::EntityKind::Representative, 11};  // e.g. a click in the network view
  for (int i = 0; i < 3; ++i) imgui.frame(frame);
  CHECK(inspector->inspector().shownAgency() == 1);

  // A need selected (a path to look at) does not take the analysis away.
  ctx.selection = {core::EntityKind::Need, 5};
  CHECK_FALSE(inspector->wantsFocus(ctx));
}
