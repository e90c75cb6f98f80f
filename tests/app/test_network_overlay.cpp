// The engine's real answers on the hand-built network, turned into the network view's overlay:
// cut points, bridges, loads, a need's path, and needs a what-if breaks; then drawn by the panel.
#include <catch2/catch.hpp>

#include <memory>

#include "app/panels/network_view.hpp"
#include "app/render/network_overlay.hpp"
#include "app/shell/app_context.hpp"
#include "core/analysis/analysis.hpp"
#include "headless_imgui.hpp"
#include "network_test_data.hpp"

using namespace liaison;

TEST_CASE("network overlay from the analysis: cut points, bridges, loads, a need's path",
          "[network]") {
  const auto snap = app::test::makeNetworkSnapshot();
  const core::AnalysisResult result = core::analyze(*snap);
  const app::NetworkOverlay o = app::overlayFromAnalysis(result, nullptr, 1);
  CHECK(o.version == snap->version);
  CHECK(o.articulation == result.articulationPoints);
  CHECK(o.bridges == result.bridges);
  // A chain of people: someone in the middle is a cut point, and the fire-police e-mail a bridge.
  CHECK_FALSE(o.articulation.empty());
  CHECK(std::find(o.bridges.begin(), o.bridges.end(), 3) != o.bridges.end());
  for (const auto& [id, load] : o.load) CHECK(load > 0);
  // Need 1 (RCFD - ARC): drawn hop by hop from a fire representative to the Red Cross.
  const auto* need = result.need(1);
  REQUIRE(need);
  if (need->fastest.path.found) {
    REQUIRE(o.path_nodes.size() >= 2);
    CHECK(o.path_edges.size() + 1 == o.path_nodes.size());
    CHECK(snap->representative(o.path_nodes.front())->agency == 1);
    CHECK(snap->representative(o.path_nodes.back())->agency == 3);
  } else {
    CHECK(o.broken_needs == std::vector<std::pair<core::Id, core::Id>>{{1, 3}});
  }
}

TEST_CASE("network overlay from a what-if: the needs it breaks are drawn as broken", "[network]") {
  const auto snap = app::test::makeNetworkSnapshot();
  const core::AnalysisResult result = core::analyze(*snap);
  core::FailureSet failed;
  failed.representatives = {201};  // the only police contact of the fire department
  const core::WhatIfResult whatif = core::whatIf(*snap, failed);
  const app::NetworkOverlay o = app::overlayFromAnalysis(result, &whatif, 1);
  CHECK(std::find(o.broken_needs.begin(), o.broken_needs.end(),
                  std::make_pair<core::Id, core::Id>(1, 3)) != o.broken_needs.end());
  CHECK(o.path_nodes.empty());  // no detour exists
}

TEST_CASE("network view draws the analysis the shell puts in the context", "[network]") {
  app::test::HeadlessImGui imgui;
  app::AppContext ctx;
  ctx.snapshot = app::test::makeNetworkSnapshot();
  app::NetworkView panel;
  auto draw = [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("Network", nullptr, ImGuiWindowFlags_NoDecoration);
    panel.drawContent(ctx);
    ImGui::End();
  };
  imgui.frame(draw);
  REQUIRE(panel.waitLayout(20.0));
  ctx.analysis = std::make_shared<const core::AnalysisResult>(core::analyze(*ctx.snapshot));
  ctx.selection = app::Selection{core::EntityKind::Need, 1};
  imgui.frame(draw);
  imgui.frame(draw);
  CHECK(panel.overlay().articulation == ctx.analysis->articulationPoints);
  int cutPoints = 0;
  for (const auto& n : panel.drawList().nodes) cutPoints += (n.flags & app::kNodeArticulation) != 0;
  CHECK(cutPoints == static_cast<int>(ctx.analysis->articulationPoints.size()));
  bool bridge = false;
  for (const auto& e : panel.drawList().edges) bridge = bridge || (e.flags & app::kEdgeBridge);
  CHECK(bridge);
  if (ctx.analysis->need(1)->fastest.path.found) CHECK_FALSE(panel.drawList().pathHops.empty());
}
