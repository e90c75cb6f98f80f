// The Public information panel through real ImGui frames: items listed under their status,
// each row's button emitting the step's commands into the outbox (never the store), approvals
// and releases naming the chosen approver and channel, the superseded item going with the
// release of its new version, and a read-only station offering no buttons.
#include <catch2/catch.hpp>

#include <memory>

#include "app/panels/public_info_panel.hpp"
#include "app/shell/app_context.hpp"
#include "headless_imgui.hpp"

using namespace liaison;
using liaison::app::test::HeadlessImGui;
using Action = app::PublicInfoPanel::Action;

namespace {

core::PublicItem item(core::Id id, core::PublicStatus status, std::string title) {
  core::PublicItem p;
  p.id = id;
  p.incident = 1;
  p.title = std::move(title);
  p.body = "Shelters: {shelters_open}";
  p.status = status;
  if (status >= core::PublicStatus::Approved) {
    p.approved_by = 7;
    p.approved_at = 1'780'000'000;
  }
  if (status >= core::PublicStatus::Released) {
    p.released_at = 1'780'000'600;
    p.channel = "web";
    p.released_title = p.title;
    p.released_body = "Shelters: none";
  }
  return p;
}

struct Fixture {
  HeadlessImGui imgui;
  app::AppContext ctx;
  app::PublicInfoPanel panel;
  Fixture() {
    auto s = std::make_shared<core::Snapshot>();
    core::Incident inc;
    inc.id = 1;
    inc.name = "Drill";
    s->incidents = {inc};
    core::Representative r;
    r.id = 7;
    r.agency = 1;
    r.name = "Pat Ortiz";
    s->representatives = {r};
    auto v2 = item(4, core::PublicStatus::Approved, "Update v2");
    v2.version = 2;
    v2.supersedes = 3;
    s->public_items = {item(1, core::PublicStatus::Draft, "First statement"),
                       item(2, core::PublicStatus::Checked, "Call-line script"),
                       item(3, core::PublicStatus::Released, "Released one"), v2};
    ctx.snapshot = s;
    ImGui::GetIO().MousePos = ImVec2(-1, -1);
  }
  std::function<void()> drawer() {
    return [this] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
      ImGui::Begin("Public", nullptr, ImGuiWindowFlags_NoDecoration);
      panel.drawContent(ctx);
      ImGui::End();
    };
  }
  core::PublicItem put(std::size_t i) const {
    const auto cmds = ctx.outbox.allCommands();
    REQUIRE(cmds.size() > i);
    return std::get<core::PublicItem>(std::get<core::PutEntity>(cmds[i].op).value);
  }
};

}  // namespace

TEST_CASE("each row's button emits its step into the outbox", "[public_panel]") {
  Fixture f;
  auto draw = f.drawer();
  f.imgui.frame(draw);
  f.imgui.frame(draw);
  CHECK(f.panel.shownStatus().size() == 4);
  CHECK(f.panel.shownStatus().at(3) == core::PublicStatus::Released);
  const auto& b = f.panel.buttonRects();
  REQUIRE(b.count({1, Action::Check}) == 1);
  REQUIRE(b.count({2, Action::Approve}) == 1);
  REQUIRE(b.count({4, Action::Release}) == 1);
  REQUIRE(b.count({3, Action::Supersede}) == 1);
  CHECK(b.count({1, Action::Approve}) == 0);  // no skipping steps

  f.imgui.click(b.at({1, Action::Check}).cx(), b.at({1, Action::Check}).cy(), draw);
  CHECK(f.put(0).status == core::PublicStatus::Checked);
  CHECK(f.put(0).id == 1);
  f.ctx.outbox.clear();

  f.imgui.click(b.at({2, Action::Approve}).cx(), b.at({2, Action::Approve}).cy(), draw);
  CHECK(f.put(0).status == core::PublicStatus::Approved);
  CHECK(f.put(0).approved_by == 7);
  CHECK(f.put(0).approved_at.has_value());
  f.ctx.outbox.clear();

  f.panel.setChannel("radio");
  f.imgui.frame(draw);
  f.imgui.click(f.panel.buttonRects().at({4, Action::Release}).cx(),
                f.panel.buttonRects().at({4, Action::Release}).cy(), draw);
  // One batch: the old version superseded, the new one released with its text filled.
  const auto batches = f.ctx.outbox.all<app::CommandBatch>();
  REQUIRE(batches.size() == 1);
  CHECK(f.put(0).id == 3);
  CHECK(f.put(0).status == core::PublicStatus::Superseded);
  CHECK(f.put(1).status == core::PublicStatus::Released);
  CHECK(f.put(1).channel == "radio");
  CHECK(f.put(1).released_body == "Shelters: none");
  f.ctx.outbox.clear();

  f.imgui.click(f.panel.buttonRects().at({3, Action::Supersede}).cx(),
                f.panel.buttonRects().at({3, Action::Supersede}).cy(), draw);
  CHECK(f.put(0).id == 0);
  CHECK(f.put(0).version == 2);
  CHECK(f.put(0).supersedes == 3);
}

TEST_CASE("a read-only station lists the items without actions", "[public_panel]") {
  Fixture f;
  f.ctx.read_only = true;
  auto draw = f.drawer();
  f.imgui.frame(draw);
  f.imgui.frame(draw);
  CHECK(f.panel.shownStatus().size() == 4);
  CHECK(f.panel.buttonRects().empty());
}
