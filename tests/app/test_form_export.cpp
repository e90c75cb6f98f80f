// File > Export ICS 205A / ICS 203 reps: the files written next to the workspace (names, the
// selected agency only, masking), and the menu itself driven by clicks in headless frames.
#include <imgui_internal.h>  // FindWindowByName: where the menu popups are
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "app/shell/dashboard.hpp"
#include "app/shell/form_export.hpp"
#include "app/shell/panel_registry.hpp"
#include "app/shell/request_applier.hpp"
#include "core/store/store.hpp"
#include "headless_imgui.hpp"

using namespace liaison;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("liaison-form-export-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)) + "-" +
            std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::shared_ptr<core::Snapshot> directory(const fs::path& workspace) {
  auto s = std::make_shared<core::Snapshot>();
  s->path = workspace.string();
  core::Agency rfd;
  rfd.id = 1;
  rfd.code = "RFD";
  rfd.name = "River Fire";
  core::Agency cty = rfd;
  cty.id = 2;
  cty.code = "CTY";
  cty.name = "County OEM";
  s->agencies = {rfd, cty};
  core::Representative ana;
  ana.id = 10;
  ana.agency = 1;
  ana.name = "Ana Zed";
  ana.position = "Agency Representative";
  ana.contacts = {{core::ContactKind::Phone, "555-0100", false, ""},
                  {core::ContactKind::Cell, "555-0199", true, ""}};
  core::Representative cy = ana;
  cy.id = 12;
  cy.agency = 2;
  cy.name = "Cy Lee";
  cy.contacts = {{core::ContactKind::Email, "cy@county.example", false, ""}};
  s->representatives = {ana, cy};
  core::Incident inc;
  inc.id = 1;
  inc.name = "Yard Fire";
  s->incidents = {inc};
  return s;
}

}  // namespace

TEST_CASE("form exports are written beside the workspace, selected agency and masking",
          "[form_export]") {
  TempDir dir;
  const auto s = directory(dir.path / "yard.liaison");
  app::FormExport what;
  const fs::path all = app::writeFormExport(*s, what);
  CHECK(all == dir.path / "yard-ics205a.csv");
  const std::string csv = slurp(all);
  CHECK(csv.find("Cy Lee") != std::string::npos);
  CHECK(csv.find("555-0199") == std::string::npos);
  CHECK(csv.find(core::kWithheldSensitive) != std::string::npos);

  what.form = core::IcsForm::Ics203Reps;
  what.format = core::ReportFormat::Html;
  what.agency = 1;
  const fs::path one = app::writeFormExport(*s, what);
  CHECK(one == dir.path / "yard-ics203-reps-RFD.html");
  const std::string html = slurp(one);
  CHECK(html.find("Ana Zed") != std::string::npos);
  CHECK(html.find("Cy Lee") == std::string::npos);

  what.form = core::IcsForm::Ics205a;
  what.include_sensitive = true;
  CHECK(slurp(app::writeFormExport(*s, what)).find("555-0199") != std::string::npos);

  what.agency = 99;
  CHECK_THROWS(app::writeFormExport(*s, what));
}

TEST_CASE("an agency code is never a path: the export stays beside the workspace",
          "[form_export]") {
  TempDir dir;
  auto snap = directory(dir.path / "yard.liaison");
  snap->agencies[0].code = "x/../../somewhere";
  app::FormExport what;
  what.agency = snap->agencies[0].id;
  const fs::path out = app::writeFormExport(*snap, what);
  CHECK(out.parent_path() == dir.path);
  CHECK(out.filename() == "yard-ics205a-x_.._.._somewhere.csv");
  CHECK(fs::exists(out));
}

TEST_CASE("the selection names an agency directly or through one of its people", "[form_export]") {
  const auto s = directory("x.liaison");
  CHECK(app::selectedAgency(*s, {core::EntityKind::Agency, 2}) == 2);
  CHECK(app::selectedAgency(*s, {core::EntityKind::Representative, 10}) == 1);
  CHECK(app::selectedAgency(*s, {core::EntityKind::Channel, 10}) == 0);
  CHECK(app::selectedAgency(*s, {core::EntityKind::Agency, 0}) == 0);
  CHECK(app::selectedAgency(*s, {core::EntityKind::Agency, 7}) == 0);
}

TEST_CASE("File menu: Export ICS 205A > selected agency only writes the file and says where",
          "[form_export]") {
  TempDir dir;
  app::test::HeadlessImGui imgui(1600, 900);
  app::AppContext ctx;
  ctx.snapshot = directory(dir.path / "yard.liaison");
  ctx.selection = {core::EntityKind::Representative, 12};  // Cy Lee of CTY
  app::PanelRegistry panels(std::vector<std::unique_ptr<app::Panel>>{});
  app::Dashboard dashboard;
  const auto frame = [&] { dashboard.drawFrame(ctx, panels); };
  imgui.frame(frame);

  // The centre of row `row` of an open menu popup.
  const auto itemAt = [](const char* window, int row) {
    const ImGuiWindow* w = ImGui::FindWindowByName(window);
    REQUIRE(w != nullptr);
    REQUIRE(w->Active);
    const ImGuiStyle& st = ImGui::GetStyle();
    const float line = ImGui::GetFontSize() + st.ItemSpacing.y;
    return ImVec2(
        w->Pos.x + st.WindowPadding.x + 2 * ImGui::GetFontSize(),
        w->Pos.y + st.WindowPadding.y + static_cast<float>(row) * line + ImGui::GetFontSize() / 2);
  };
  const auto hover = [&](ImVec2 p) {
    ImGui::GetIO().MousePos = p;
    for (int i = 0; i < 3; ++i) imgui.frame(frame);
  };

  // File (first in the menu bar), then the first submenu, then its items: CSV, HTML,
  // separator, CSV selected agency only (CTY), ...
  imgui.click(ImGui::GetStyle().FramePadding.x + ImGui::CalcTextSize("File").x / 2,
              ImGui::GetFrameHeight() / 2, frame);
  hover(itemAt("##Menu_00", 0));
  const ImGuiWindow* sub = ImGui::FindWindowByName("##Menu_01");
  REQUIRE(sub != nullptr);
  REQUIRE(sub->Active);
  // The separator takes ItemSpacing.y plus one pixel; aim at the label's middle row instead.
  const ImVec2 first = itemAt("##Menu_01", 0);
  const float line = ImGui::GetFontSize() + ImGui::GetStyle().ItemSpacing.y;
  const ImVec2 selectedCsv(first.x, first.y + 2 * line + ImGui::GetStyle().ItemSpacing.y + 1);
  hover(selectedCsv);
  imgui.click(selectedCsv.x, selectedCsv.y, frame);

  // The menu asked for the export (nothing written inside the frame); the loop writes it.
  const fs::path expected = dir.path / "yard-ics205a-CTY.csv";
  const auto asked = ctx.outbox.all<app::FormExport>();
  REQUIRE(asked.size() == 1);
  CHECK(asked[0].form == core::IcsForm::Ics205a);
  CHECK(asked[0].format == core::ReportFormat::Csv);
  CHECK(asked[0].agency == 2);
  CHECK_FALSE(fs::exists(expected));
  app::RequestApplier loop;
  loop.afterFrame(ctx, core::nowUtc());
  CHECK(ctx.outbox.empty());
  INFO(ctx.status_message);
  CHECK(ctx.status_message == "Wrote " + expected.string());
  REQUIRE(fs::exists(expected));
  const std::string csv = slurp(expected);
  CHECK(csv.find("Cy Lee") != std::string::npos);
  CHECK(csv.find("Ana Zed") == std::string::npos);
}
