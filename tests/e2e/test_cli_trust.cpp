// End-to-end: answers a liaison can trust, on the demo and its drill. analyze, path, whatif and
// the AAR report the same broken needs; no reported route uses a person or channel that is out;
// path listings agree with their own counts; the top recommendation keeps its promise when the
// link is added; shared infrastructure and map zones break what they carry.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "cli_runner.hpp"

namespace fs = std::filesystem;
using liaison::test::readFile;
using liaison::test::run;
using liaison::test::TempDir;
using liaison::test::writeFile;
using nlohmann::json;

namespace {

const fs::path kDemo = fs::path(LIAISON_SOURCE_DIR) / "assets" / "demo";
const fs::path kDemoMsel = fs::path(LIAISON_SOURCE_DIR) / "assets" / "msel" / "chlorine-drill.csv";

std::string importDemo(const TempDir& dir, const std::string& name = "demo.liaison") {
  const std::string ws = (dir.path() / name).string();
  auto r = run({"import", kDemo.string(), "--into", ws});
  INFO(r.err);
  REQUIRE(r.code == 0);
  return ws;
}

json analyzeJson(const std::string& ws) {
  auto r = run({"analyze", ws, "--json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  return json::parse(r.out);
}

std::set<long long> brokenNeeds(const json& analysis) {
  std::set<long long> out;
  for (const json& n : analysis["needs"])
    if (n["status"] == "broken") out.insert(n["id"].get<long long>());
  return out;
}

std::set<long long> brokenByWhatIf(const std::string& ws, const std::string& fail) {
  auto r = run({"whatif", ws, "--fail", fail, "--json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const json w = json::parse(r.out);
  std::set<long long> out;
  for (const json& n : w["needs"])
    if (n["broken"].get<bool>()) out.insert(n["id"].get<long long>());
  return out;
}

// Every route the analysis reports avoids the people and channels it says are out.
void checkRoutesAvoidOutages(const json& a) {
  std::set<long long> out, down;
  for (const json& p : a["availability"]["people_out"]) out.insert(p.get<long long>());
  for (const json& c : a["availability"]["channels_down"]) down.insert(c.get<long long>());
  REQUIRE_FALSE(out.empty());
  for (const json& n : a["needs"])
    for (const char* key : {"fastest", "most_reliable", "most_reliable_within_budget", "fewest_hops",
                            "recommended"}) {
      const json& p = n[key];
      if (p.is_null()) continue;
      INFO("need " << n["id"] << " " << key);
      for (const json& v : p["nodes"]) CHECK(out.count(v.get<long long>()) == 0);
      for (const json& c : p["channels"]) CHECK(down.count(c.get<long long>()) == 0);
    }
}

// The routes a `path --k` listing prints, as sets of channel ids, and its edge-disjoint count.
struct Listing {
  std::vector<std::set<long long>> routes;
  int edgeDisjoint = -1;
};

Listing pathListing(const std::string& ws, const std::string& from, const std::string& to) {
  auto r = run({"path", ws, from, to, "--k", "5"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  Listing l;
  const std::regex route(R"(^  \d+\. )"), channel(R"(\[channel (\d+)\])"),
      counts(R"(Edge-disjoint paths: (\d+))");
  std::size_t start = 0;
  while (start < r.out.size()) {
    const std::size_t end = r.out.find('\n', start);
    const std::string line = r.out.substr(start, end - start);
    if (std::regex_search(line, route)) l.routes.emplace_back();
    for (auto it = std::sregex_iterator(line.begin(), line.end(), channel);
         it != std::sregex_iterator(); ++it)
      if (!l.routes.empty()) l.routes.back().insert(std::stoll((*it)[1]));
    std::smatch m;
    if (std::regex_search(line, m, counts)) l.edgeDisjoint = std::stoi(m[1]);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return l;
}

}  // namespace

TEST_CASE("the demo drill through inject 8: every answer reports the same broken needs",
          "[e2e][trust]") {
  TempDir dir;
  const std::string ws = importDemo(dir);
  // Before the drill: nothing is broken, yet off-duty people are out and never routes.
  const json before = analyzeJson(ws);
  CHECK(brokenNeeds(before).empty());
  checkRoutesAvoidOutages(before);
  // Inject 8 takes the TCEMA duty officer (183) off duty; the what-if says in advance what the
  // drill will then show.
  const std::set<long long> predicted = brokenByWhatIf(ws, "rep:183");
  CHECK(predicted == std::set<long long>{1, 2, 3, 38});

  auto r = run({"drill", "import", ws, kDemoMsel.string()});
  REQUIRE(r.code == 0);
  r = run({"drill", "run", ws, "--speed", "60", "--simulate", "--until", "01:35:00", "--auto-ack",
           "all"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const json after = analyzeJson(ws);
  CHECK(brokenNeeds(after) == predicted);
  checkRoutesAvoidOutages(after);
  for (const json& n : after["needs"])
    if (n["status"] == "broken") CHECK(n["fastest"].is_null());

  // path agrees: no working path for a broken need.
  r = run({"path", ws, "RCFD", "TVRR"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("no working path") != std::string::npos);

  // The AAR's point after inject 8 names the same needs.
  const std::string aar = (dir.path() / "aar.html").string();
  r = run({"report", ws, "--aar", aar});
  REQUIRE(r.code == 0);
  const std::string html = readFile(aar);
  CHECK(html.find("<tr><td>Inject 8 at 01:30:00: down rep:183</td>") != std::string::npos);
  CHECK(html.find("4 of 41</td><td>RCFD - TVRR, HAZ14 - TVRR, NECA - TVRR, TVRR - TCEMA</td>") !=
        std::string::npos);
}

TEST_CASE("'County radio tower fails' breaks what the tower carries; whatif infra: says so first",
          "[e2e][trust][infrastructure]") {
  TempDir dir;
  const std::string ws = importDemo(dir);
  const std::set<long long> predicted = brokenByWhatIf(ws, "infra:1");  // the tower's power feed
  CHECK(predicted == std::set<long long>{12, 13, 14, 15});
  CHECK(brokenByWhatIf(ws, "infra:2") == predicted);  // the tower itself
  auto r = run({"drill", "import", ws, kDemoMsel.string()});
  REQUIRE(r.code == 0);
  r = run({"drill", "run", ws, "--speed", "60", "--simulate", "--until", "00:25:00"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const json a = analyzeJson(ws);
  CHECK(brokenNeeds(a) == predicted);
  CHECK(a["availability"]["infrastructure_down"] == json::array({1, 2}));
  CHECK(a["availability"]["channels_down"].size() == 80);  // 79 talkgroups and the one down
}

TEST_CASE("whatif --fail zone: lists what lies inside the plume and what breaks",
          "[e2e][trust][zone]") {
  TempDir dir;
  const std::string ws = importDemo(dir);
  auto r = run({"whatif", ws, "--fail", "zone:53", "--json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const json w = json::parse(r.out);
  CHECK(w["in_zones"]["infrastructure"] == json::array({7, 8}));  // yard office, exchange
  CHECK(w["in_zones"]["agencies"] == json::array({14}));          // TVRR's post
  CHECK(w["in_zones"]["representatives"].size() == 3);
  std::set<long long> broken;
  for (const json& n : w["needs"])
    if (n["broken"].get<bool>()) broken.insert(n["id"].get<long long>());
  CHECK(broken == std::set<long long>{1, 2, 3, 38});
  r = run({"whatif", ws, "--fail", "zone:1"});  // the incident site is a point, not an area
  CHECK(r.code == 1);
  CHECK(r.err.find("is not an area") != std::string::npos);
}

TEST_CASE("path listings agree with their own counts on every need of the demo",
          "[e2e][trust][path]") {
  TempDir dir;
  const std::string ws = importDemo(dir);
  const json a = analyzeJson(ws);
  int pairs = 0;
  for (const json& n : a["needs"]) {
    const std::string from = n["agencies"][0], to = n["agencies"][1];
    const Listing l = pathListing(ws, from, to);
    INFO(from << " -> " << to);
    REQUIRE(l.edgeDisjoint >= 0);
    for (std::size_t i = 0; i < l.routes.size(); ++i)
      for (std::size_t j = i + 1; j < l.routes.size(); ++j) {
        CHECK(l.routes[i] != l.routes[j]);  // distinct routes, not the same one twice
        bool shared = false;
        for (long long c : l.routes[j]) shared |= l.routes[i].count(c) > 0;
        if (!shared) {
          CHECK(l.edgeDisjoint >= 2);
          ++pairs;
        }
      }
  }
  CHECK(pairs > 10);
  // The issue's example: Victor Rasmussen (RCFD) to the hospital.
  const Listing v = pathListing(ws, "Victor Rasmussen", "RCGH");
  CHECK(v.routes.size() == 5);
  CHECK(v.edgeDisjoint >= 2);
}

TEST_CASE("the top recommendation's promise equals a fresh analysis with the link added",
          "[e2e][trust][recommend]") {
  TempDir dir;
  const std::string ws = importDemo(dir);
  const json a = analyzeJson(ws);
  REQUIRE_FALSE(a["recommendations"].empty());
  const json& top = a["recommendations"][0];
  // Add the channel as "Add channel" would, through a scenario folder of one channel.
  const fs::path folder = dir.path() / "link";
  fs::create_directories(folder);
  writeFile(folder / "agencies.csv", "id,code,name,type,role\n");
  writeFile(folder / "channels.csv",
            "id,from_representative,to_representative,medium,identifier,latency_min,reliability\n"
            "9001," + std::to_string(top["from"].get<long long>()) + "," +
                std::to_string(top["to"].get<long long>()) + "," + top["medium"].get<std::string>() +
                "," + top["identifier"].get<std::string>() + "," +
                std::to_string(top["latency_min"].get<double>()) + "," +
                std::to_string(top["reliability"].get<double>()) + "\n");
  auto r = run({"import", folder.string(), "--into", ws});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const json fresh = analyzeJson(ws);
  CHECK(fresh["need_counts"]["broken"] == top["unrouted_after"]);
  CHECK(fresh["need_counts"]["single_path"] == top["single_path_after"]);
  CHECK(fresh["single_points_of_failure"].size() == top["spof_after"].get<std::size_t>());
}
