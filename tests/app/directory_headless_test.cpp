// The directory panel driven through real ImGui frames (no GL): typing into its search box
// changes what it lists; sensitive values stay masked; the rows are cached per version/filter.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "app/panels/directory_panel.hpp"
#include "app/shell/app_context.hpp"
#include "headless_imgui.hpp"

using namespace liaison;
using liaison::app::test::HeadlessImGui;

namespace {

core::Representative rep(core::Id id, core::Id agency, std::string name, std::string position,
                         std::vector<core::ContactMethod> contacts, bool on_duty = true) {
  core::Representative r;
  r.id = id;
  r.agency = agency;
  r.name = std::move(name);
  r.position = std::move(position);
  r.on_duty = on_duty;
  r.contacts = std::move(contacts);
  return r;
}

core::Agency agency(core::Id id, std::string code, std::string name, core::AgencyType type,
                    core::AgencyRole role) {
  core::Agency a;
  a.id = id;
  a.code = std::move(code);
  a.name = std::move(name);
  a.type = type;
  a.role = role;
  return a;
}

// Three agencies, one without a representative; one private cell number marked sensitive.
std::shared_ptr<core::Snapshot> makeSnapshot(std::uint64_t version = 7) {
  auto s = std::make_shared<core::Snapshot>();
  s->version = version;
  s->journal_length = 12;
  s->agencies = {
      agency(1, "RCFD", "River City Fire Department", core::AgencyType::Fire,
             core::AgencyRole::Assisting),
      agency(2, "RCPD", "River City Police", core::AgencyType::Law, core::AgencyRole::Assisting),
      agency(3, "ARC", "American Red Cross", core::AgencyType::Ngo, core::AgencyRole::Cooperating),
  };
  s->representatives = {
      rep(101, 1, "Dana Whitfield", "Agency Representative",
          {{core::ContactKind::Radio, "TG 2104 FIRE-OPS", false, ""},
           {core::ContactKind::Cell, "555-0142", true, "personal"}}),
      rep(102, 1, "Marco Okafor", "Safety Officer",
          {{core::ContactKind::Phone, "555-0143", false, ""}}, false),
      rep(201, 2, "Priya Nandakumar", "Liaison Officer",
          {{core::ContactKind::Email, "pnandakumar@rcpd.example", false, ""}}),
  };
  return s;
}

struct Fixture {
  HeadlessImGui imgui;
  app::AppContext ctx;
  app::DirectoryPanel panel;

  Fixture() { ctx.snapshot = makeSnapshot(); }

  void draw() {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("Directory", nullptr, ImGuiWindowFlags_NoDecoration);
    panel.drawContent(ctx);
    ImGui::End();
  }
  std::function<void()> drawer() {
    return [this] { draw(); };
  }
  void frames(int n) {
    for (int i = 0; i < n; ++i) imgui.frame(drawer());
  }
  void clickFilter() {
    const app::ScreenRect r = panel.filterRect();
    REQUIRE(r.x1 > r.x0);
    imgui.click(r.cx(), r.cy(), drawer());
  }
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const app::DirectoryRow* row : panel.visibleRows())
      out.push_back(row->rep_id ? row->name : row->agency_code);
    return out;
  }
};

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("the directory lists every representative, and agencies without one") {
  Fixture f;
  f.frames(3);
  CHECK(f.names() == Names{"ARC", "Dana Whitfield", "Marco Okafor", "Priya Nandakumar"});
  CHECK(f.panel.counts().agencies == 3);
  CHECK(f.panel.counts().representatives == 3);
}

TEST_CASE("typing into the search box filters the directory") {
  Fixture f;
  f.frames(2);
  f.clickFilter();
  f.imgui.type("police", f.drawer());
  f.frames(1);
  CHECK(f.panel.filter() == "police");
  CHECK(f.names() == Names{"Priya Nandakumar"});

  SECTION("backspace widens the search again") {
    for (int i = 0; i < 6; ++i) f.imgui.pressKey(HeadlessImGui::kBackspace, f.drawer());
    f.frames(1);
    CHECK(f.panel.filter().empty());
    CHECK(f.names().size() == 4);
  }
}

TEST_CASE("search is case-insensitive and matches every column") {
  Fixture f;
  f.frames(2);
  f.clickFilter();

  SECTION("a name in capitals") {
    f.imgui.type("DANA", f.drawer());
    CHECK(f.names() == Names{"Dana Whitfield"});
  }
  SECTION("an ICS position") {
    f.imgui.type("safety", f.drawer());
    CHECK(f.names() == Names{"Marco Okafor"});
  }
  SECTION("an agency type and role") {
    f.imgui.type("ngo cooperating", f.drawer());
    CHECK(f.names() == Names{"ARC"});
  }
  SECTION("a talkgroup") {
    f.imgui.type("tg 2104", f.drawer());
    CHECK(f.names() == Names{"Dana Whitfield"});
  }
  SECTION("nothing matches") {
    f.imgui.type("zzzz", f.drawer());
    CHECK(f.names().empty());
    CHECK(f.panel.visibleCount() == 0);
  }
}

TEST_CASE("sensitive contact values stay masked unless revealed, and always on the wall") {
  Fixture f;
  f.frames(2);
  const auto danaContacts = [&] {
    for (const app::DirectoryRow* row : f.panel.visibleRows())
      if (row->rep_id == 101) return row->contacts;
    return std::string();
  };
  CHECK(danaContacts().find("555-0142") == std::string::npos);
  CHECK(danaContacts().find("(sensitive)") != std::string::npos);
  CHECK(danaContacts().find("TG 2104 FIRE-OPS") != std::string::npos);

  // A masked value cannot be found by searching for it either.
  f.panel.setFilter("0142");
  f.frames(1);
  CHECK(f.names().empty());

  f.ctx.ui.show_sensitive = true;
  f.frames(1);
  CHECK(f.names() == Names{"Dana Whitfield"});
  CHECK(danaContacts().find("555-0142") != std::string::npos);

  f.ctx.theme = app::ThemeKind::Wall;
  f.frames(1);
  CHECK(f.names().empty());
  f.panel.setFilter("");
  f.frames(1);
  // On the wall a sensitive method is left out altogether, not even its kind is drawn.
  CHECK(danaContacts() == "Radio TG 2104 FIRE-OPS");
}

TEST_CASE("the rows are recomputed only when the snapshot or the filter changes") {
  Fixture f;
  f.frames(5);
  const auto rebuilds = f.panel.rebuildCount();
  const auto refilters = f.panel.refilterCount();
  CHECK(rebuilds == 1);
  f.frames(5);
  CHECK(f.panel.rebuildCount() == rebuilds);
  CHECK(f.panel.refilterCount() == refilters);

  f.panel.setFilter("river");
  f.frames(3);
  CHECK(f.panel.rebuildCount() == rebuilds);
  CHECK(f.panel.refilterCount() == refilters + 1);

  auto next = makeSnapshot(8);
  next->representatives.push_back(
      f.ctx.snapshot->representatives.front());  // same agency, new person
  next->representatives.back().id = 103;
  next->representatives.back().name = "Lee Ambrose";
  f.ctx.snapshot = next;
  f.frames(2);
  CHECK(f.panel.rebuildCount() == rebuilds + 1);
  CHECK(f.panel.counts().representatives == 4);
  // The filter survives the reload.
  CHECK(f.names() == Names{"Dana Whitfield", "Marco Okafor", "Lee Ambrose", "Priya Nandakumar"});
}

TEST_CASE("an empty workspace draws without rows") {
  Fixture f;
  f.ctx.snapshot = std::make_shared<core::Snapshot>();
  f.frames(3);
  CHECK(f.names().empty());
  CHECK(f.panel.counts().agencies == 0);
}

TEST_CASE("clicking a row selects that representative") {
  Fixture f;
  f.frames(3);
  const app::HitRect* marco = f.panel.hit("row:102");
  REQUIRE(marco);
  f.imgui.click(marco->x0 + 200, marco->cy(), f.drawer());
  CHECK(f.ctx.selection.kind == core::EntityKind::Representative);
  CHECK(f.ctx.selection.id == 102);
}
