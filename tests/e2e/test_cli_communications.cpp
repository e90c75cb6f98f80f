// End-to-end: `analyze` on the demo's message log names the planted silent critical need and
// the planted emergent coordinator (assets/README.md), as text and in the `communications`
// section of --json, for the whole log and for an operational period.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "cli_runner.hpp"

namespace fs = std::filesystem;
using liaison::test::run;
using liaison::test::TempDir;
using nlohmann::json;

namespace {

const fs::path kDemo = fs::path(LIAISON_SOURCE_DIR) / "assets" / "demo";

std::string importInto(const fs::path& folder, const TempDir& dir, const std::string& name) {
  const std::string ws = (dir.path() / name).string();
  auto r = run({"import", folder.string(), "--into", ws});
  INFO(r.err);
  REQUIRE(r.code == 0);
  return ws;
}

}  // namespace

TEST_CASE("analyze on the demo names the planted silent need and emergent coordinator",
          "[e2e][messages]") {
  TempDir dir;
  const std::string ws = importInto(kDemo, dir, "demo.liaison");
  auto r = run({"analyze", ws, "--json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const json c = json::parse(r.out)["communications"];
  CHECK(c["as_of"] == "2026-05-15T12:25:00Z");  // the log's last message (ENDEX)
  CHECK(c["messages"].get<int>() > 300);
  // The one silent critical need: ARC - RCASD (need 12), 2 h 10 min.
  REQUIRE_FALSE(c["silent_needs"].empty());
  const json& first = c["silent_needs"][0];
  CHECK(first["need"] == 12);
  CHECK(first["agencies"] == json({"ARC", "RCASD"}));
  CHECK(first["priority"] == "critical");
  CHECK(first["silent_min"].get<double>() == Approx(130));
  int critical = 0;
  for (const json& x : c["silent_needs"]) critical += x["priority"] == "critical";
  CHECK(critical == 1);
  // The emergent coordinator: Luis Pettibone, Fire/EMS Dispatcher (TC911, 131), first by load.
  REQUIRE_FALSE(c["emergent_coordinators"].empty());
  CHECK(c["emergent_coordinators"][0]["id"] == 131);
  CHECK(c["emergent_coordinators"][0]["agency"] == "TC911");
  CHECK(c["emergent_coordinators"][0]["by_load"] == true);

  r = run({"analyze", ws});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("ARC - RCASD (need 12, critical): last contact 2 h 10 min ago, via") !=
        std::string::npos);
  CHECK(r.out.find("Luis Pettibone, Fire/EMS Dispatcher (TC911, rep 131)") != std::string::npos);

  // An operational period as the window: period 1 of the demo, judged at its end.
  r = run({"analyze", ws, "--json", "--period", "1"});
  REQUIRE(r.code == 0);
  const json p1 = json::parse(r.out)["communications"];
  CHECK(p1["to"] == "2026-05-15T00:30:00Z");
  CHECK(p1["as_of"] == "2026-05-15T00:30:00Z");
  CHECK(p1["messages"].get<int>() < c["messages"].get<int>());
  r = run({"analyze", ws, "--json", "--period", "7"});
  CHECK(r.code == 1);
  CHECK(r.err.find("no operational period 7") != std::string::npos);
  r = run({"analyze", ws, "--as-of", "yesterday"});
  CHECK(r.code == 1);
  CHECK(r.err.find("--as-of yesterday is not a time") != std::string::npos);
}
