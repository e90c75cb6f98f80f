// The analysis panel on the engine's real answers for the hand-built network: needs listed
// worst first, a click selects a need, "What if unavailable?" marks a person down, "Add channel"
// emits a channel put, and a stale or missing result is marked as updating.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <variant>

#include "app/panels/analysis_panel.hpp"
#include "app/render/network_overlay.hpp"
#include "app/shell/analysis_bridge.hpp"
#include "app/shell/app_context.hpp"
#include "core/analysis/analysis.hpp"
#include "headless_imgui.hpp"
#include "outbox_testing.hpp"
#include "network_test_data.hpp"

using namespace liaison;

namespace {

std::shared_ptr<core::Snapshot> makeSnapshot() {
  auto s = app::test::makeNetworkSnapshot();
  core::Need fp;  // fire - police: only over the e-mail bridge (single path)
  fp.id = 2;
  fp.agency_a = 1;
  fp.agency_b = 2;
  fp.priority = core::Priority::Critical;
  s->needs.push_back(fp);
  core::Need media;  // the media agency has nobody: broken
  media.id = 3;
  media.agency_a = 2;
  media.agency_b = 4;
  s->needs.push_back(media);
  return s;
}

struct Fixture {
  app::test::HeadlessImGui imgui{1600, 4000};
  app::AppContext ctx;
  app::AnalysisPanel panel;
  std::shared_ptr<const core::AnalysisResult> result;

  Fixture() {
    auto snap = makeSnapshot();
    ctx.snapshot = snap;
    result = std::make_shared<const core::AnalysisResult>(core::analyze(*snap, {}));
    ctx.analysis = result;
  }
  void draw() {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("Analysis");
    panel.drawContent(ctx);
    ImGui::End();
  }
  // As the loop: after each frame the view's own requests (what-if, pair) are applied; the
  // others stay in the outbox for the test.
  void frames(int n = 2) {
    for (int i = 0; i < n; ++i) {
      imgui.frame([&] { draw(); });
      app::test::applyViewRequests(ctx);
    }
  }
  void click(const app::ScreenRect& r) {
    imgui.click(r.cx(), r.cy(), [&] { draw(); });
  }
};

}  // namespace

TEST_CASE("analysis panel lists every need, worst state first", "[analysis]") {
  Fixture f;
  f.frames();
  REQUIRE(f.panel.needOrder().size() == f.result->needs.size());
  CHECK_FALSE(f.panel.showedUpdating());
  int last = -1;
  for (core::Id id : f.panel.needOrder()) {
    const auto* n = f.result->need(id);
    REQUIRE(n);
    // Broken (3) > single path (2) > slow (1) > ok (0) in the enum's reverse order.
    const int rank = 3 - static_cast<int>(n->state);
    CHECK(rank >= last);
    last = rank;
    CHECK(f.panel.needRowRect(id) != nullptr);
  }
  CHECK(f.result->need(f.panel.needOrder().front())->state == core::NeedState::Broken);
}

TEST_CASE("clicking a need selects it for the network view", "[analysis]") {
  Fixture f;
  f.frames();
  const core::Id target = f.panel.needOrder().back();
  const app::ScreenRect* row = f.panel.needRowRect(target);
  REQUIRE(row);
  CHECK_FALSE(f.ctx.selection.is(core::EntityKind::Need, target));
  f.click(*row);
  CHECK(f.ctx.selection.is(core::EntityKind::Need, target));
  f.frames();  // the details of the selected need draw without trouble
}

TEST_CASE("'What if unavailable?' adds and removes the person from the what-if set", "[analysis]") {
  Fixture f;
  f.frames();
  core::Id person = 0;
  if (!f.result->singlePoints.empty())
    person = f.result->singlePoints.front().node;
  else if (!f.result->bottlenecks.empty())
    person = f.result->bottlenecks.front().node;
  REQUIRE(person != 0);
  const app::ScreenRect* toggle = f.panel.whatIfToggleRect(person);
  REQUIRE(toggle);
  f.click(*toggle);
  // The click asked for it (one request), and the loop applied it.
  const auto asked = app::test::whatIfChanges(f.ctx);
  REQUIRE(asked.size() == 1);
  CHECK(asked[0].op == app::WhatIfChange::Op::MarkDown);
  CHECK(asked[0].kind == core::EntityKind::Representative);
  CHECK(asked[0].ids == std::vector<core::Id>{person});
  CHECK(f.ctx.whatif_down_reps.empty());  // not inside the frame
  app::test::applyViewRequests(f.ctx);
  CHECK(f.ctx.whatif_down_reps.count(person) == 1);

  // The what-if section now lists the person; a what-if answer shows what breaks.
  core::FailureSet failed;
  failed.representatives = {person};
  f.ctx.whatif = std::make_shared<const core::WhatIfResult>(core::whatIf(*f.ctx.snapshot, failed));
  f.frames();
  REQUIRE(f.panel.resetRect().x1 > f.panel.resetRect().x0);

  toggle = f.panel.whatIfToggleRect(person);
  REQUIRE(toggle);
  f.click(*toggle);
  REQUIRE(app::test::whatIfChanges(f.ctx).size() == 1);
  CHECK(app::test::whatIfChanges(f.ctx)[0].op == app::WhatIfChange::Op::Restore);
  app::test::applyViewRequests(f.ctx);
  CHECK(f.ctx.whatif_down_reps.count(person) == 0);

  f.ctx.whatif_down_reps.insert(person);
  f.ctx.whatif_down_channels.insert(3);
  f.frames();
  f.click(f.panel.resetRect());
  REQUIRE(app::test::whatIfChanges(f.ctx).size() == 1);
  CHECK(app::test::whatIfChanges(f.ctx)[0].op == app::WhatIfChange::Op::Clear);
  app::test::applyViewRequests(f.ctx);
  CHECK(f.ctx.whatif_down_reps.empty());
  CHECK(f.ctx.whatif_down_channels.empty());
}

TEST_CASE("'Add channel' on a recommendation emits a channel put", "[analysis]") {
  Fixture f;
  f.frames();
  const auto& recs = f.result->recommendations;
  REQUIRE(f.panel.recommendationButtons().size() == recs.size());
  for (std::size_t i = 0; i < recs.size(); ++i)
    CHECK(f.panel.recommendationButtons()[i] == std::make_pair(recs[i].from, recs[i].to));
  if (recs.empty()) return;
  f.click(f.panel.addChannelRects().front());
  REQUIRE(f.ctx.outbox.allCommands().size() == 1);
  const std::vector<core::Command> emitted = f.ctx.outbox.allCommands();
  const auto* put = std::get_if<core::PutEntity>(&emitted[0].op);
  REQUIRE(put);
  const auto* ch = std::get_if<core::Channel>(&put->value);
  REQUIRE(ch);
  CHECK(ch->from_rep == recs.front().from);
  CHECK(ch->to_rep == recs.front().to);
  // The channel is the one the engine evaluated: its medium, latency and reliability.
  CHECK(ch->medium == recs.front().medium);
  CHECK(ch->identifier == (recs.front().identifier.empty() ? "proposed" : recs.front().identifier));
  CHECK(ch->latency_min == recs.front().latency);
  CHECK(ch->reliability == recs.front().reliability);
  CHECK(ch->two_way);
  // A second click does not queue the same channel again.
  f.click(f.panel.addChannelRects().front());
  CHECK(f.ctx.outbox.allCommands().size() == 1);
}

TEST_CASE("read-only stations cannot add channels", "[analysis]") {
  Fixture f;
  f.ctx.read_only = true;
  f.frames();
  if (f.panel.addChannelRects().empty()) return;
  f.click(f.panel.addChannelRects().front());
  CHECK(f.ctx.outbox.allCommands().empty());
}

TEST_CASE("no analysis or an older one is shown as updating", "[analysis]") {
  Fixture f;
  f.ctx.analysis.reset();
  f.frames();
  CHECK(f.panel.showedUpdating());
  CHECK(f.panel.needOrder().empty());

  f.ctx.analysis = f.result;
  auto newer = std::make_shared<core::Snapshot>(*f.ctx.snapshot);
  newer->version = f.result->version + 1;
  f.ctx.snapshot = newer;
  f.frames();
  CHECK(f.panel.showedUpdating());
  CHECK(f.panel.needOrder().size() == f.result->needs.size());  // the last result stays
}

TEST_CASE("a pair of agencies with a need shows its paths, one without says so", "[analysis]") {
  Fixture f;
  f.panel.setPair(2, 1);
  f.frames();  // reversed order still finds need 2: no question for the worker
  CHECK_FALSE(f.ctx.pair_query);
  f.panel.setPair(1, 4);
  f.frames();  // no need recorded: the pair goes to the worker
  REQUIRE(f.ctx.pair_query);
  CHECK(f.ctx.pair_query->from == core::Endpoint{core::EntityKind::Agency, 1});
  CHECK(f.ctx.pair_query->to == core::Endpoint{core::EntityKind::Agency, 4});
}

TEST_CASE("any two people: the worker answers, and the path can be shown in the network view",
          "[analysis][pair]") {
  Fixture f;
  app::AnalysisBridge bridge;
  // Lee Chang (RCFD) to Sam Ortiz (RCPD): only over the e-mail bridge, 103-102-101-201-202.
  f.panel.setPair({core::EntityKind::Representative, 103}, {core::EntityKind::Representative, 202});
  f.frames();
  REQUIRE(f.ctx.pair_query);
  CHECK(f.panel.pairShowRect().x1 == 0);  // nothing answered yet: no button
  bridge.settle(f.ctx);
  f.ctx.analysis = f.result;  // the bridge published its own (equal) result; keep the fixture's
  REQUIRE(f.ctx.pair);
  CHECK(f.ctx.pair->fastest.path.nodes == std::vector<core::Id>{103, 102, 101, 201, 202});
  CHECK(f.ctx.pair->nodeDisjoint == 1);
  f.frames();
  REQUIRE(f.panel.pairShowRect().x1 > 0);
  CHECK_FALSE(f.ctx.show_pair_path);
  f.click(f.panel.pairShowRect());
  CHECK(f.ctx.show_pair_path);
  const auto overlay = app::overlayFromAnalysis(*f.result, nullptr, 0, &f.ctx.pair->fastest.path);
  CHECK(overlay.path_edges == std::vector<core::Id>{2, 1, 3, 4});
  // Unpicking one end withdraws the question.
  f.panel.setPair({core::EntityKind::Representative, 103}, {});
  f.frames();
  CHECK_FALSE(f.ctx.pair_query);
}

TEST_CASE("what-if: marking a whole agency down marks every one of its people", "[analysis]") {
  Fixture f;
  f.panel.setDownPick({core::EntityKind::Agency, 2});  // RCPD: 201, 202, 203
  f.frames();
  REQUIRE(f.panel.markDownRect().x1 > 0);
  f.click(f.panel.markDownRect());
  REQUIRE(app::test::whatIfChanges(f.ctx).size() == 1);  // one request for the whole agency
  CHECK(app::test::whatIfChanges(f.ctx)[0].ids == std::vector<core::Id>{201, 202, 203});
  app::test::applyViewRequests(f.ctx);
  CHECK(f.ctx.whatif_down_reps == std::set<core::Id>{201, 202, 203});
  f.panel.setDownPick({core::EntityKind::Representative, 301});
  f.frames();
  f.click(f.panel.markDownRect());
  app::test::applyViewRequests(f.ctx);
  CHECK(f.ctx.whatif_down_reps.count(301) == 1);
}

TEST_CASE("what-if: infrastructure marked down fails every channel it carries", "[analysis]") {
  Fixture f;
  auto snap = makeSnapshot();
  core::Infrastructure mail;
  mail.id = 50;
  mail.name = "Corporate mail server";
  mail.kind = core::InfrastructureKind::Network;
  snap->infrastructure.push_back(mail);
  for (auto& c : snap->channels)
    if (c.id == 3) c.carried_by = {50};  // the fire-police e-mail bridge rides on it
  f.ctx.snapshot = snap;
  f.ctx.analysis = std::make_shared<const core::AnalysisResult>(core::analyze(*snap, {}));
  f.panel.setDownInfrastructure(50);
  f.frames();
  REQUIRE(f.panel.markInfrastructureRect().x1 > 0);
  f.click(f.panel.markInfrastructureRect());
  const auto changes = app::test::whatIfChanges(f.ctx);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].kind == core::EntityKind::Infrastructure);
  app::test::applyViewRequests(f.ctx);
  CHECK(f.ctx.whatif_down_infra == std::set<core::Id>{50});
  // The question the bridge asks is the one the command line asks (whatif --fail infra:50),
  // and the fire-police need breaks with its only channel.
  const core::FailureSet asked = f.ctx.whatifFailures();
  CHECK(asked.infrastructure == std::vector<core::Id>{50});
  const core::WhatIfResult r = core::whatIf(*snap, asked);
  const auto it = std::find_if(r.needs.begin(), r.needs.end(),
                               [](const core::NeedImpact& n) { return n.need == 2; });
  REQUIRE(it != r.needs.end());
  CHECK(it->broken());
  f.ctx.whatif = std::make_shared<const core::WhatIfResult>(r);
  f.frames();  // draws the answer and what the zone holds (none here) under the sanitizers
}
