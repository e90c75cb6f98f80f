// The communications panel on a small hand-made log: it names the silent need and the emergent
// coordinator, computes only when the snapshot's version or the window changes (not every
// frame), and "Add channel" / "Add need" on an unplanned link emit puts through the outbox.
#include <catch2/catch.hpp>

#include <memory>
#include <variant>

#include "app/panels/communications_panel.hpp"
#include "app/panels/quick_entry.hpp"
#include "app/shell/app_context.hpp"
#include "headless_imgui.hpp"

using namespace liaison;

namespace {

constexpr core::TimeUtc T0 = 1'778'760'000;

std::shared_ptr<core::Snapshot> makeLog() {
  auto s = std::make_shared<core::Snapshot>();
  s->version = 1;
  for (core::Id i = 1; i <= 4; ++i) {
    core::Agency a;
    a.id = i;
    a.code = std::string(1, static_cast<char>('A' + i - 1));
    a.name = a.code + " agency";
    s->agencies.push_back(a);
  }
  const auto rep = [&](core::Id id, core::Id ag, const char* name, const char* pos) {
    core::Representative r;
    r.id = id;
    r.agency = ag;
    r.name = name;
    r.position = pos;
    s->representatives.push_back(r);
  };
  rep(11, 1, "Ann", "Agency Representative");
  rep(21, 2, "Bea", "Liaison Officer");
  rep(30, 3, "Cal", "Shift Supervisor");  // C's primary contact
  rep(31, 3, "Cy", "Dispatcher");
  rep(41, 4, "Dee", "Agency Representative");
  core::Need n;
  n.id = 1;
  n.agency_a = 1;
  n.agency_b = 2;
  n.priority = core::Priority::Critical;
  s->needs.push_back(n);
  const auto msg = [&](core::Id id, int minute, core::Id from, core::Id to) {
    core::Message m;
    m.id = id;
    m.time = T0 + 60 * minute;
    m.from_rep = from;
    m.to_reps = {to};
    m.medium = core::Medium::Radio;
    s->messages.push_back(m);
  };
  msg(1, 0, 11, 21);
  msg(2, 20, 11, 31);
  msg(3, 25, 31, 41);
  msg(4, 30, 41, 31);
  msg(5, 40, 31, 11);
  msg(6, 50, 31, 21);
  msg(7, 60, 31, 41);
  msg(8, 70, 41, 31);
  msg(9, 80, 31, 11);
  msg(10, 90, 11, 31);
  msg(11, 100, 31, 41);
  return s;
}

struct Fixture {
  app::test::HeadlessImGui imgui{1600, 2000};
  app::AppContext ctx;
  app::CommunicationsPanel panel;
  Fixture() { ctx.snapshot = makeLog(); }
  void draw() {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("Communications");
    panel.drawContent(ctx);
    ImGui::End();
  }
  void frames(int n = 2) {
    for (int i = 0; i < n; ++i) imgui.frame([&] { draw(); });
  }
  void click(const app::ScreenRect& r) { imgui.click(r.cx(), r.cy(), [&] { draw(); }); }
};

}  // namespace

TEST_CASE("the communications panel names the silent need and the coordinator",
          "[communications]") {
  Fixture f;
  f.frames(5);
  REQUIRE(f.panel.result());
  CHECK(f.panel.computations() == 1);  // five frames, one computation
  const core::CommunicationsResult& r = *f.panel.result();
  REQUIRE(r.silent.size() == 1);
  CHECK(r.silent[0].need == 1);
  CHECK(r.silent[0].text.find("last contact 1 h 40 min ago, via radio") != std::string::npos);
  REQUIRE(r.coordinators.size() == 1);
  CHECK(r.coordinators[0].rep == 31);

  // A new snapshot version recomputes once; a window change recomputes once.
  auto next = std::make_shared<core::Snapshot>(*f.ctx.snapshot);
  next->version = 2;
  f.ctx.snapshot = next;
  f.frames(3);
  CHECK(f.panel.computations() == 2);
  f.panel.setPeriod(1);  // no such period: the panel says so
  f.frames(2);
  CHECK(f.panel.computations() == 3);
  CHECK_FALSE(f.panel.result());
  f.panel.setPeriod(std::nullopt);
  f.frames(2);
  CHECK(f.panel.computations() == 4);
  REQUIRE(f.panel.result());
}

TEST_CASE("'Add channel' and 'Add need' on an unplanned link emit puts", "[communications]") {
  Fixture f;
  f.frames();
  const core::CommunicationsResult& r = *f.panel.result();
  REQUIRE_FALSE(r.unplanned.empty());
  const core::UnplannedLink u = r.unplanned.front();  // A - C or C - D: neither channel nor need
  CHECK_FALSE(u.has_channel);
  CHECK_FALSE(u.has_need);
  REQUIRE(f.panel.addChannelRects().size() == r.unplanned.size());
  f.click(f.panel.addChannelRects().front());
  auto cmds = f.ctx.outbox.allCommands();
  REQUIRE(cmds.size() == 1);
  const auto* ch = std::get_if<core::Channel>(&std::get<core::PutEntity>(cmds[0].op).value);
  REQUIRE(ch);
  CHECK(ch->from_rep != 0);
  f.click(f.panel.addChannelRects().front());  // once only
  CHECK(f.ctx.outbox.allCommands().size() == 1);
  f.click(f.panel.addNeedRects().front());
  cmds = f.ctx.outbox.allCommands();
  REQUIRE(cmds.size() == 2);
  const auto* need = std::get_if<core::Need>(&std::get<core::PutEntity>(cmds[1].op).value);
  REQUIRE(need);
  CHECK(need->agency_a == u.agency_a);
  CHECK(need->agency_b == u.agency_b);

  Fixture ro;
  ro.ctx.read_only = true;
  ro.frames();
  ro.click(ro.panel.addNeedRects().front());
  CHECK(ro.ctx.outbox.allCommands().empty());
}

TEST_CASE("the quick-entry line logs 'A>B medium: text' as a message", "[communications]") {
  app::AppContext ctx;
  ctx.snapshot = makeLog();
  ctx.actor = "tester@EOC";
  app::QuickEntry qe;
  qe.open(T0 + 600);
  qe.text = "A>Cy radio: staging moved to lot B";
  const auto m = qe.parseMessage(ctx);
  REQUIRE(m);
  CHECK(m->from_agency == 1);
  CHECK(m->to_reps == std::vector<core::Id>{31});
  CHECK(m->medium == core::Medium::Radio);
  CHECK(m->kind == core::MessageKind::Radio);
  CHECK(m->time == T0 + 600);
  CHECK(m->text == "staging moved to lot B");
  CHECK(m->recorded_by == "tester@EOC");
  qe.text = "A>B: no medium given";
  REQUIRE(qe.parseMessage(ctx));
  CHECK(qe.parseMessage(ctx)->medium == core::Medium::Phone);
  qe.text = "A>Nobody phone: x";
  CHECK_THROWS_AS(qe.parseMessage(ctx), std::invalid_argument);
  qe.text = "temperature > 30: heat advisory";  // no sender: an ordinary event
  CHECK_FALSE(qe.parseMessage(ctx));
  qe.text = "A>B phone: x";
  qe.agencies = "A";  // agencies given: an event
  CHECK_FALSE(qe.parseMessage(ctx));
  CHECK(app::QuickEntry::completeLast("A>Be", {"Bea", "A"}) == "A>Bea ");
}
