// End-to-end: `liaison analyze / path / whatif / export --graphml` on GraphML written by igraph
// and NetworkX (compared with igraph's reference values, tests/data/graphml, made by
// scripts/make_graphml_fixtures.py), on malformed GraphML, and on the demo workspace.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>
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

const fs::path kGraphml = fs::path(LIAISON_TEST_DATA) / "graphml";
const fs::path kDemo = fs::path(LIAISON_SOURCE_DIR) / "assets" / "demo";

void compareWithIgraph(const std::string& stem, const std::string& mode) {
  std::vector<std::string> args = {"analyze", (kGraphml / (stem + ".graphml")).string(), "--json"};
  if (mode == "undirected") args.push_back("--undirected");
  if (mode == "undirected_each") args.push_back("--undirected=each");
  if (mode == "weighted") args.insert(args.end(), {"--weight", "weight"});
  auto r = run(args);
  INFO(stem << " " << mode << "\n" << r.err);
  REQUIRE(r.code == 0);
  const json got = json::parse(r.out);
  const json want = json::parse(readFile(kGraphml / (stem + "." + mode + ".json")));
  REQUIRE(got["nodes"].size() == want["nodes"].size());
  for (std::size_t i = 0; i < want["nodes"].size(); ++i) {
    const json& g = got["nodes"][i];
    const json& w = want["nodes"][i];
    INFO("node " << w["id"]);
    CHECK(g["id"] == w["id"]);
    CHECK(g["name"] == w["name"]);
    CHECK(g["degree_in"] == w["degree_in"]);
    CHECK(g["degree_out"] == w["degree_out"]);
    CHECK(g["degree"] == w["degree"]);
    CHECK(g["betweenness"].get<double>() == Approx(w["betweenness"].get<double>()).margin(1e-6));
    if (w.contains("betweenness_weighted"))
      CHECK(g["betweenness_weighted"].get<double>() ==
            Approx(w["betweenness_weighted"].get<double>()).margin(1e-6));
    CHECK(g["articulation_point"] == w["articulation_point"]);
  }
  CHECK(got["components"] == want["components"]);
  CHECK(got["diameter"] == want["diameter"]);
  CHECK(got["articulation_points"] == want["articulation_points"]);
  CHECK(got["bridges"] == want["bridges"]);
}

std::string importDemo(const TempDir& dir) {
  const std::string ws = (dir.path() / "demo.liaison").string();
  auto r = run({"import", kDemo.string(), "--into", ws});
  INFO(r.err);
  REQUIRE(r.code == 0);
  return ws;
}

}  // namespace

TEST_CASE("analyze --json equals igraph on GraphML from igraph and NetworkX", "[e2e][analyze]") {
  for (std::string stem : {"undirected_networkx", "directed_igraph", "directed_multi_networkx"})
    for (std::string mode : {"plain", "undirected", "undirected_each", "weighted"})
      compareWithIgraph(stem, mode);
}

TEST_CASE("analyze refuses bad weights with the edge's line", "[e2e][analyze]") {
  auto r = run({"analyze", (kGraphml / "nan_weight.graphml").string(), "--weight", "weight"});
  CHECK(r.code == 1);
  CHECK(r.err.find("nan_weight.graphml:12:") != std::string::npos);
  CHECK(r.err.find("NaN") != std::string::npos);
  r = run({"analyze", (kGraphml / "directed_igraph.graphml").string(), "--weight", "nosuch"});
  CHECK(r.code == 1);
  CHECK(r.err.find("no edge attribute \"nosuch\"") != std::string::npos);
  r = run({"analyze", (kGraphml / "undirected_networkx.graphml").string(), "--weight", "medium"});
  CHECK(r.code == 1);
  CHECK(r.err.find("not a number") != std::string::npos);
}

TEST_CASE("malformed GraphML is refused with the line and the reason", "[e2e][analyze]") {
  TempDir dir;
  const std::string head =
      "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
      "<graph edgedefault=\"undirected\">\n<node id=\"a\"/>\n<node id=\"b\"/>\n";
  struct Case {
    std::string name, body;
    int line;
  };
  const std::vector<Case> cases = {
      {"broken_xml", head + "<edge source=\"a\" target=\"b\">\n</graph>\n</graphml>\n", 8},
      {"unknown_key", head + "<edge source=\"a\" target=\"b\">\n<data key=\"zz\">1</data>\n</edge>\n</graph>\n</graphml>\n", 8},
      {"missing_node", head + "<edge source=\"a\" target=\"c\"/>\n</graph>\n</graphml>\n", 7},
      {"not_a_number", head + "<edge source=\"a\" target=\"b\">\n<data key=\"w\">fast</data>\n</edge>\n</graph>\n</graphml>\n", 8},
  };
  for (const Case& c : cases) {
    const fs::path file = dir.path() / (c.name + ".graphml");
    writeFile(file, c.body);
    auto r = run({"analyze", file.string()});
    INFO(c.name << ": " << r.err);
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find(c.name + ".graphml:" + std::to_string(c.line)) != std::string::npos);
  }
}

TEST_CASE("analyze on the demo finds the built-in single points of failure", "[e2e][analyze]") {
  TempDir dir;
  const std::string ws = importDemo(dir);
  auto r = run({"analyze", ws, "--json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const json j = json::parse(r.out);
  auto aps = j["articulation_points"].get<std::vector<long long>>();
  // Nadia Ellsworth (183): the railroad; Emmett Kettering (162) and Wade Bellamy (165): the
  // school district, through bridge channel 1325.
  for (long long id : {183LL, 162LL, 165LL})
    CHECK(std::find(aps.begin(), aps.end(), id) != aps.end());
  CHECK(j["bridge_channels"] == json::array({1325}));
  bool railroadCut = false;
  for (const auto& sp : j["single_points_of_failure"])
    if (sp["id"] == 183) railroadCut = sp["needs"].size() == 4;
  CHECK(railroadCut);
  for (const auto& n : j["needs"]) {
    CHECK(n["status"].is_string());
    if (n["status"] != "broken") CHECK(n["fastest"]["explanation"].is_string());
  }
  r = run({"analyze", ws});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("Single points of failure") != std::string::npos);
  CHECK(r.out.find("Nadia Ellsworth (TCEMA Duty Officer) cuts 4 needs") != std::string::npos);
  CHECK(r.out.find("Top bottlenecks") != std::string::npos);
  // Never a sensitive cell number (the demo's cells are all sensitive).
  {
    std::istringstream contacts(readFile(kDemo / "contacts.csv"));
    std::string line;
    int sensitive = 0;
    while (std::getline(contacts, line)) {
      if (line.find(",true,") == std::string::npos) continue;
      const auto a = line.find(',', line.find(',') + 1), b = line.find(',', a + 1);
      const std::string value = line.substr(a + 1, b - a - 1);
      ++sensitive;
      INFO(value);
      CHECK(r.out.find(value) == std::string::npos);
    }
    CHECK(sensitive == 59);
  }
  r = run({"analyze", ws, "--level", "agencies", "--json"});
  REQUIRE(r.code == 0);
  CHECK(json::parse(r.out)["nodes"].size() == 33);
}

TEST_CASE("path between two agencies is explained hop by hop", "[e2e][path]") {
  TempDir dir;
  const std::string ws = importDemo(dir);
  auto r = run({"path", ws, "RCFD", "TVRR", "--k", "2"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find(" calls ") != std::string::npos);
  CHECK(r.out.find("who relays to Nadia Ellsworth (TCEMA Duty Officer)") != std::string::npos);
  CHECK(r.out.find("node-disjoint paths: 1") != std::string::npos);
  r = run({"path", ws, "RCFD", "TVRR", "--by", "reliable"});
  CHECK(r.code == 0);
  r = run({"path", ws, "RCFD", "NOSUCH"});
  CHECK(r.code == 1);
  r = run({"path", (kGraphml / "directed_igraph.graphml").string(), "Fire", "Hospital", "--k", "3"});
  CHECK(r.code == 0);
  CHECK(r.out.find("1. Fire -> EMS -> Hospital; 2 hops") != std::string::npos);
  CHECK(r.out.find("2. Fire -> ICP -> Police -> EMS -> Hospital") != std::string::npos);
}

TEST_CASE("whatif: losing the county duty officer cuts the railroad off", "[e2e][whatif]") {
  TempDir dir;
  const std::string ws = importDemo(dir);
  auto r = run({"whatif", ws, "--fail", "183", "--json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const json j = json::parse(r.out);
  int broken = 0;
  for (const auto& n : j["needs"])
    if (n["broken"] == true) ++broken;
  CHECK(broken == 4);  // RCFD, HAZ14, NECA and TCEMA with TVRR
  r = run({"whatif", ws, "--fail", "rep:183,channel:1325"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("RCFD - TVRR") != std::string::npos);
  r = run({"whatif", ws, "--fail", "TCTA"});
  CHECK(r.code == 0);
  CHECK(r.out.find("ARC - RCASD") != std::string::npos);
  r = run({"whatif", ws, "--fail", "nosuch"});
  CHECK(r.code == 1);
  r = run({"whatif", (kGraphml / "directed_igraph.graphml").string(), "--fail", "n0"});
  CHECK(r.code == 0);
  CHECK(r.out.find("Weak components: 1 -> 3") != std::string::npos);
}

TEST_CASE("export --graphml writes the network with measures, readable again", "[e2e][export]") {
  TempDir dir;
  const std::string ws = importDemo(dir);
  const std::string file = (dir.path() / "net.graphml").string();
  auto r = run({"export", ws, "--graphml", file});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const std::string text = readFile(file);
  for (const char* attr : {"betweenness", "articulation_point", "available", "latency_min",
                           "reliability", "identifier", "medium", "status", "usable", "agency"})
    CHECK(text.find(std::string("attr.name=\"") + attr + "\"") != std::string::npos);
  r = run({"analyze", file, "--json"});
  REQUIRE(r.code == 0);
  const json j = json::parse(r.out);
  CHECK(j["nodes"].size() == 120);
  CHECK(j["directed"] == true);  // directions survive: one-way channels stay one arc
  auto aps = j["articulation_points"].get<std::vector<std::string>>();
  CHECK(std::find(aps.begin(), aps.end(), "183") != aps.end());
}
