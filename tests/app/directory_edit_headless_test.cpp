// Editing the directory through real ImGui frames (no GL) against a real temporary store:
// what the panel emits is applied as the loop would, and the journal and the store are
// checked. Covers the edit form, validation messages, the removal confirmation, undo
// (button and Ctrl+Z) and the inspector's per-value reveal of sensitive contacts.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "tests/core/store/store_test_util.hpp"
#include "app/panels/directory_panel.hpp"
#include "app/shell/app_context.hpp"
#include "core/store/store.hpp"
#include "headless_imgui.hpp"
#include "wall_text_scan.hpp"

using namespace liaison;
using liaison::app::test::DrawnText;
using liaison::app::test::HeadlessImGui;

namespace {

constexpr int kKeyA = 301, kKeyZ = 302;

core::Representative rep(core::Id id, core::Id agency, std::string name,
                         std::vector<core::ContactMethod> contacts) {
  core::Representative r;
  r.id = id;
  r.agency = agency;
  r.name = std::move(name);
  r.position = "Agency Representative";
  r.contacts = std::move(contacts);
  return r;
}

// The store, the context and the panel, as the shell wires them.
struct Fixture {
  HeadlessImGui imgui;
  core::testing::TempDir tmp;
  std::unique_ptr<core::Store> store;
  app::AppContext ctx;
  app::DirectoryPanel panel;

  Fixture() {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_A] = kKeyA;
    io.KeyMap[ImGuiKey_Z] = kKeyZ;
    store = core::Store::create(tmp.file("w.liaison"));
    core::Agency fire = core::testing::makeAgency(1, "RCFD", "River City Fire Department");
    fire.discipline = "ESF-4 Firefighting";
    fire.constraints = "No hazmat entry team until 14:00";
    core::Agency police = core::testing::makeAgency(2, "RCPD", "River City Police");
    police.type = core::AgencyType::Law;
    std::vector<core::Command> seed = {
        core::put(fire),
        core::put(police),
        core::put(rep(101, 1, "Dana Whitfield",
                      {{core::ContactKind::Radio, "TG 2104 FIRE-OPS", false, ""},
                       {core::ContactKind::Cell, "555-0142", true, "personal"}})),
        core::put(rep(201, 2, "Priya Nandakumar",
                      {{core::ContactKind::Email, "pn@rcpd.example", false, ""}})),
        core::put(core::testing::repChannel(1001, 101, 201)),
        core::put(core::testing::makeNeed(1, 1, 2)),
    };
    store->apply(seed, "import");
    ctx.actor = "ana@station-1";
    reload();
  }

  void reload() {
    ctx.snapshot = store->load();
    ctx.journal = std::make_shared<const std::vector<core::JournalEntry>>(store->journal());
  }
  // What the loop does after a frame: apply the batch as this station, then reload.
  void applyPending() {
    REQUIRE_FALSE(ctx.outbox.allCommands().empty());
    for (const app::CommandBatch& b : ctx.outbox.all<app::CommandBatch>())  // as the loop
      store->apply(b.commands, ctx.actor);
    ctx.outbox.clear();
    reload();
  }

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
  void click(const std::string& name) {
    const app::HitRect* r = panel.hit(name);
    INFO("widget " << name);
    REQUIRE(r);
    imgui.click(r->cx(), r->cy(), drawer());
    frames(2);
  }
  void ctrl(int key) {
    ImGui::GetIO().KeyCtrl = true;
    imgui.pressKey(key, drawer());
    ImGui::GetIO().KeyCtrl = false;
    frames(1);
  }
  // Click into a text field and replace what it holds.
  void retype(const std::string& field, const std::string& text) {
    click("field:" + field);
    ctrl(kKeyA);
    if (text.empty())
      imgui.pressKey(HeadlessImGui::kBackspace, drawer());
    else
      imgui.type(text, drawer());
    frames(1);
  }
  std::string drawn() {
    frames(1);
    return DrawnText().scan();
  }
  void selectDana() {
    frames(2);
    click("row:101");
    REQUIRE(ctx.selection.is(core::EntityKind::Representative, 101));
  }
};

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("editing a representative's name emits one journaled put", "[directory][edit]") {
  Fixture f;
  f.selectDana();
  f.click("edit-rep-101");
  REQUIRE(f.panel.editor().editing());
  f.retype("name", "Dana Whitfield-Ortiz");
  f.click("save");
  REQUIRE(f.ctx.outbox.allCommands().size() == 1);
  const std::vector<core::Command> emitted = f.ctx.outbox.allCommands();
  const auto* put = std::get_if<core::PutEntity>(&emitted[0].op);
  REQUIRE(put);
  CHECK(std::get<core::Representative>(put->value).name == "Dana Whitfield-Ortiz");
  CHECK_FALSE(f.panel.editor().editing());

  const auto before = f.store->journalLength();
  f.applyPending();
  CHECK(f.ctx.snapshot->representative(101)->name == "Dana Whitfield-Ortiz");
  const auto added = f.store->journal(before + 1);
  REQUIRE(added.size() == 1);
  CHECK(added[0].actor == "ana@station-1");
  CHECK(added[0].summary ==
        "Changed representative 101: name Dana Whitfield -> Dana Whitfield-Ortiz");
}

TEST_CASE("an invalid value shows its message next to the field and emits nothing",
          "[directory][edit]") {
  Fixture f;
  f.selectDana();

  SECTION("an empty name") {
    f.click("edit-rep-101");
    f.retype("name", "");
    CHECK(f.panel.editor().shownProblems() ==
          std::vector<std::string>{"name is empty; it needs a value"});
    CHECK(has(f.drawn(), "nameisempty;itneedsavalue"));
    // The message sits right under the name field.
    const app::HitRect* field = f.panel.hit("field:name");
    REQUIRE(field);
    f.click("save");
    CHECK(f.ctx.outbox.allCommands().empty());
    CHECK(f.panel.editor().editing());
    CHECK(f.panel.editor().message() == "Not saved: 1 problem to fix");
  }
  SECTION("a duplicate agency code") {
    f.click("new-agency");
    f.retype("code", "RCPD");
    f.retype("name", "Second police");
    CHECK(has(f.drawn(), "code\"RCPD\"isalreadyusedbyagency2;agencycodesmustbeunique"));
    f.click("save");
    CHECK(f.ctx.outbox.allCommands().empty());
  }
  SECTION("a channel's reliability above 1") {
    f.click("edit-channel-1001");
    f.retype("reliability", "1.5");
    CHECK(f.panel.editor().shownProblems() ==
          std::vector<std::string>{"reliability is 1.5; it must be a number from 0 to 1"});
    f.click("save");
    CHECK(f.ctx.outbox.allCommands().empty());
  }
  CHECK(f.store->load()->representatives == f.ctx.snapshot->representatives);
}

TEST_CASE("Ctrl+Z emits the inverse and the store is back to the original", "[directory][undo]") {
  Fixture f;
  const auto original = f.store->load();
  f.selectDana();
  f.click("edit-rep-101");
  f.retype("name", "D. Whitfield");
  f.click("save");
  f.applyPending();
  REQUIRE(f.ctx.snapshot->representative(101)->name == "D. Whitfield");

  f.frames(1);
  f.ctrl(kKeyZ);
  REQUIRE(f.ctx.outbox.allCommands().size() == 2);  // the "undo: ..." note and the put
  CHECK(f.ctx.outbox.all<app::CommandBatch>().size() == 1);  // in one transaction
  const std::vector<core::Command> emitted = f.ctx.outbox.allCommands();
  const auto* note = std::get_if<core::LogNote>(&emitted[0].op);
  REQUIRE(note);
  CHECK(note->text.rfind("undo: Changed representative 101: name Dana Whitfield -> D. Whitfield",
                         0) == 0);
  const auto before = f.store->journalLength();
  f.applyPending();
  CHECK(f.store->load()->representatives == original->representatives);
  const auto added = f.store->journal(before + 1);
  REQUIRE(added.size() == 2);
  CHECK(added[0].summary.rfind("undo: ", 0) == 0);
  CHECK(added[1].summary ==
        "Changed representative 101: name D. Whitfield -> Dana Whitfield");
  CHECK(f.store->verify().ok);

  // Nothing of this station's is left to undo: a second Ctrl+Z says so and emits nothing.
  f.frames(1);
  f.ctrl(kKeyZ);
  CHECK(f.ctx.outbox.allCommands().empty());
  CHECK(f.panel.editor().message().rfind("Nothing to undo", 0) == 0);
}

TEST_CASE("removing an agency asks first, names what goes, and undo brings it all back",
          "[directory][remove][undo]") {
  Fixture f;
  const auto original = f.store->load();
  f.selectDana();
  f.click("remove-agency");
  f.frames(2);  // the modal sizes itself
  const std::string shown = f.drawn();
  CHECK(has(shown, "RemoveagencyRCFD(RiverCityFireDepartment)?"));
  CHECK(has(shown, "Thisalsoremoves:"));
  CHECK(has(shown, "representativeDanaWhitfield"));
  CHECK(has(shown, "channel1001"));
  CHECK(has(shown, "need1(RCFD-RCPD"));
  CHECK(f.ctx.outbox.allCommands().empty());

  f.click("confirm-remove");
  REQUIRE(f.ctx.outbox.allCommands().size() == 1);
  const std::vector<core::Command> emitted = f.ctx.outbox.allCommands();
  const auto* rm = std::get_if<core::RemoveEntity>(&emitted[0].op);
  REQUIRE(rm);
  CHECK(rm->kind == core::EntityKind::Agency);
  CHECK(rm->id == 1);
  f.applyPending();
  CHECK(f.ctx.snapshot->agency(1) == nullptr);
  CHECK(f.ctx.snapshot->channels.empty());
  CHECK(f.ctx.snapshot->needs.empty());

  f.frames(1);
  f.click("undo");
  f.applyPending();
  const auto now = f.store->load();
  CHECK(now->agencies == original->agencies);
  CHECK(now->representatives == original->representatives);
  CHECK(now->channels == original->channels);
  CHECK(now->needs == original->needs);
}

TEST_CASE("the inspector shows the checklist, people, channels and needs; sensitive values "
          "are revealed one at a time and never on the wall",
          "[directory][inspector]") {
  Fixture f;
  f.selectDana();
  CHECK(f.panel.inspector().shownAgency() == 1);
  std::string shown = f.drawn();
  CHECK(has(shown, "ESF-4Firefighting"));
  CHECK(has(shown, "Nohazmatentryteamuntil14:00"));
  CHECK(has(shown, "Representatives(1)"));
  CHECK(has(shown, "TG2104FIRE-OPS"));
  CHECK(has(shown, "Channels(1)"));
  CHECK(has(shown, "Needs(1)"));
  CHECK_FALSE(has(shown, "555-0142"));

  f.click("reveal:101:1");
  CHECK(has(f.drawn(), "555-0142"));
  f.click("reveal:101:1");  // hide again
  CHECK_FALSE(has(f.drawn(), "555-0142"));
  f.click("reveal:101:1");
  REQUIRE(has(f.drawn(), "555-0142"));

  // The wall: no inspector, no edit bar, and the revealed value is not drawn.
  f.ctx.theme = app::ThemeKind::Wall;
  shown = f.drawn();
  CHECK_FALSE(has(shown, "555-0142"));
  CHECK_FALSE(has(shown, "Liaisonchecklist"));
  CHECK_FALSE(has(shown, "Undolastchange"));
  CHECK(f.panel.inspector().shownAgency() == 0);
}

TEST_CASE("a read-only station offers no editing", "[directory][edit]") {
  Fixture f;
  f.ctx.read_only = true;
  f.selectDana();
  CHECK(f.panel.hit("edit-rep-101") == nullptr);
  CHECK(f.panel.hit("new-agency") == nullptr);
  CHECK(has(f.drawn(), "Read-onlystation"));
}

TEST_CASE("a form warns when another station changed its entity meanwhile", "[directory][edit]") {
  Fixture f;
  f.selectDana();
  f.click("edit-rep-101");
  CHECK_FALSE(has(f.drawn(), "Changedelsewhere"));
  core::Representative other = *f.ctx.snapshot->representative(101);
  other.shift = "19:00-07:00";
  f.store->apply(core::put(other), "bob@station-2");
  f.reload();
  CHECK(has(f.drawn(), "Changedelsewheresincethisformopened"));
  f.store->apply(core::remove(core::EntityKind::Representative, 101), "bob@station-2");
  f.reload();
  CHECK(has(f.drawn(), "Removedsincethisformopened"));
}

TEST_CASE("infrastructure: added from the directory, journaled, and edited back",
          "[directory][edit][infrastructure]") {
  Fixture f;
  f.frames(2);
  f.click("new-infrastructure");
  REQUIRE(f.panel.editor().editing());
  f.retype("name", "County radio tower");
  f.click("save");
  f.applyPending();
  REQUIRE(f.ctx.snapshot->infrastructure.size() == 1);
  const core::Infrastructure tower = f.ctx.snapshot->infrastructure[0];
  CHECK(tower.name == "County radio tower");
  CHECK(tower.status == core::Status::Up);
  CHECK(f.store->journal().back().entity == "infrastructure");
  CHECK(f.store->journal().back().actor == "ana@station-1");

  // Once there is some, the directory lists it for editing; the form opens on it.
  f.frames(2);
  REQUIRE(f.panel.hit("edit-infrastructure") != nullptr);
  CHECK(has(f.drawn(), "+Infrastructure"));
  f.panel.editor().startEdit(tower);
  f.frames(2);
  CHECK_FALSE(has(f.drawn(), "Carriedby"));  // the infrastructure form, not a channel's
  CHECK(has(f.drawn(), "Dependson"));
  f.retype("name", "County tower (Hill Rd)");
  f.click("save");
  f.applyPending();
  CHECK(f.ctx.snapshot->infrastructure.at(0).name == "County tower (Hill Rd)");
}
