// GraphML as other programs write it that Liaison refused or misread (issue 14), from
// tests/data/graphml (made by scripts/make_reader_fixtures.py with NetworkX) and, for yEd, by
// hand in yEd's own markup; and hostile GraphML: a FIFO, invalid UTF-8, NUL bytes, duplicate
// attributes, deep nesting, each refused at its line and column. The writer writes only
// characters XML 1.0 allows.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "core/formats/graphml.hpp"

using namespace liaison::core;
namespace fs = std::filesystem;

namespace {

const fs::path kData = fs::path(LIAISON_TEST_DATA) / "graphml";

const std::string kHead =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";

std::string refusal(const std::string& text, const GraphmlReadOptions& options = {}) {
  try {
    parseGraphml(text, "t.graphml", options);
  } catch (const GraphmlError& e) {
    return e.what();
  }
  return "accepted";
}

std::size_t nodeIndex(const GraphmlGraph& g, const std::string& id) {
  for (std::size_t i = 0; i < g.nodes.size(); ++i)
    if (g.nodes[i].id == id) return i;
  FAIL("no node " << id);
  return 0;
}

std::vector<std::string> warningTexts(const GraphmlGraph& g) {
  std::vector<std::string> out;
  for (const GraphmlWarning& w : g.warnings)
    out.push_back(std::to_string(w.line) + ":" + std::to_string(w.column) + ": " + w.message);
  return out;
}

// A yEd org chart grouped by agency, as yEd saves it: group nodes hold a nested <graph>, labels
// are y:NodeLabel markup inside <data>, edges run between the nested nodes at the top level.
const std::string kYedGroups = R"(<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <graph edgedefault="directed" id="G">
    <node id="n0" yfiles.foldertype="group">
      <data key="d6"><y:ProxyAutoBoundsNode><y:Realizers active="0"><y:GroupNode>
        <y:Geometry height="200" width="300" x="0" y="0"/>
        <y:NodeLabel alignment="right" autoSizePolicy="node_width">River City Fire</y:NodeLabel>
      </y:GroupNode></y:Realizers></y:ProxyAutoBoundsNode></data>
      <graph edgedefault="directed" id="n0:">
        <node id="n0::n0"><data key="d6"><y:ShapeNode><y:NodeLabel>Chief Ortiz</y:NodeLabel></y:ShapeNode></data></node>
        <node id="n0::n1"><data key="d6"><y:ShapeNode><y:NodeLabel>Capt. Lee</y:NodeLabel></y:ShapeNode></data></node>
      </graph>
    </node>
    <node id="n1" yfiles.foldertype="group">
      <data key="d6"><y:ProxyAutoBoundsNode><y:Realizers active="0"><y:GroupNode>
        <y:NodeLabel>County EMS</y:NodeLabel>
      </y:GroupNode></y:Realizers></y:ProxyAutoBoundsNode></data>
      <graph edgedefault="directed" id="n1:">
        <node id="n1::n0"><data key="d6"><y:ShapeNode><y:NodeLabel>Medic Shaw</y:NodeLabel></y:ShapeNode></data></node>
      </graph>
    </node>
    <node id="n2"><data key="d6"><y:ShapeNode><y:NodeLabel>Liaison Officer</y:NodeLabel></y:ShapeNode></data></node>
    <edge id="e0" source="n0::n0" target="n0::n1"><data key="d10"><y:PolyLineEdge/></data></edge>
    <edge id="e1" source="n0::n0" target="n1::n0"/>
    <edge id="e2" source="n2" target="n0::n0"/>
    <edge id="e3" source="n2" target="n1"/>
  </graph>
</graphml>
)";

}  // namespace

TEST_CASE("graphml files: NetworkX's two keys of one name (long and double) are one attribute",
          "[graphml][files]") {
  // "key 'staff' is declared twice" / "declared as double, but an earlier key declared it as
  // long" before. Both are read, as NetworkX reads them: 12, 7.5 and 9.
  for (const char* file : {"networkx_mixed_types.graphml", "networkx_named_keys.graphml"}) {
    INFO(file);
    const GraphmlGraph g = readGraphml(kData / file);
    REQUIRE(g.nodes.size() == 4);
    const GraphmlAttribute* staff = g.nodeAttribute("staff");
    REQUIRE(staff);
    CHECK(staff->type() == GraphmlType::Double);
    CHECK(*staff->number(nodeIndex(g, "eoc")) == 12);
    CHECK(*staff->number(nodeIndex(g, "fire")) == 7.5);
    CHECK(*staff->number(nodeIndex(g, "police")) == 9);
    CHECK_FALSE(staff->has(nodeIndex(g, "ems")));
    REQUIRE(g.edges.size() == 3);
    CHECK(*g.edgeNumber(0, "latency") == 1);
    CHECK(*g.edgeNumber(1, "latency") == 2.5);
    CHECK(*g.edgeAttribute("medium")->text(2) == "radio");
    CHECK(g.displayName(nodeIndex(g, "fire")) == "Fire");
  }
  // named_key_ids: the same id declared for two types is said once per id.
  const GraphmlGraph named = readGraphml(kData / "networkx_named_keys.graphml");
  CHECK(warningTexts(named) ==
        std::vector<std::string>{
            "4:1: key 'latency' is declared more than once (NetworkX's named_key_ids); its "
            "declarations are read as one attribute 'latency'",
            "6:1: key 'staff' is declared more than once (NetworkX's named_key_ids); its "
            "declarations are read as one attribute 'staff'"});
  // Integers stay exact when every key is an integer type; a value neither type takes is refused.
  const std::string ints = kHead +
                           "<key id=\"a\" for=\"node\" attr.name=\"n\" attr.type=\"int\"/>\n"
                           "<key id=\"b\" for=\"node\" attr.name=\"n\" attr.type=\"long\"/>\n"
                           "<key id=\"c\" for=\"node\" attr.name=\"ok\" attr.type=\"boolean\"/>\n"
                           "<key id=\"c\" for=\"node\" attr.name=\"ok\" attr.type=\"int\"/>\n"
                           "<graph edgedefault=\"undirected\">\n"
                           "<node id=\"x\"><data key=\"b\">9007199254740993</data>"
                           "<data key=\"c\">true</data></node>\n"
                           "<node id=\"y\"><data key=\"c\">2</data></node>\n</graph></graphml>\n";
  const GraphmlGraph g = parseGraphml(ints, "t");
  CHECK(g.nodeAttribute("n")->type() == GraphmlType::Long);
  CHECK(std::get<std::int64_t>(g.nodeValue(0, "n")) == 9007199254740993);
  CHECK(*g.nodeAttribute("ok")->number(0) == 1);
  CHECK(*g.nodeAttribute("ok")->number(1) == 2);
  CHECK(refusal(kHead + "<key id=\"c\" for=\"node\" attr.name=\"ok\" attr.type=\"boolean\"/>\n"
                        "<key id=\"c\" for=\"node\" attr.name=\"ok\" attr.type=\"int\"/>\n"
                        "<graph>\n<node id=\"x\"><data key=\"c\">maybe</data></node></graph></graphml>") ==
        "t.graphml:6:14: value 'maybe' of attribute 'ok' is not a valid boolean or int");
}

TEST_CASE("graphml files: UTF-16 without a byte-order mark and windows-1252 are read",
          "[graphml][files]") {
  const std::string want = "Caf\xC3\xA9 \xE2\x80\x9CRiverside\xE2\x80\x9D \xE2\x80\x93 \xE2\x82\xAC" "5";
  for (const char* file : {"networkx_utf16le_nobom.graphml", "networkx_cp1252.graphml"}) {
    INFO(file);
    const GraphmlGraph g = readGraphml(kData / file);
    REQUIRE(g.nodes.size() == 2);
    CHECK(g.displayName(0) == want);
    CHECK(g.displayName(1) == "Stra\xC3\x9F" "e");
    CHECK(*g.edgeNumber(0, "weight") == 1.5);
  }
  // Big-endian without a mark too; a broken surrogate is refused where it is.
  const std::string ascii = "<graphml><graph><node id=\"a\"/></graph></graphml>";
  std::string be;
  for (char c : ascii) {
    be += '\0';
    be += c;
  }
  CHECK(parseGraphml(be, "t").nodes.size() == 1);
  std::string le;
  for (char c : std::string("<graphml>\n<graph>")) {
    le += c;
    le += '\0';
  }
  le += std::string("\x00\xD8" "a\0", 4);  // a high surrogate, then 'a'
  CHECK(refusal(le) == "t.graphml:2:8: broken UTF-16: a high surrogate without its low half");
  // An 8-bit file that claims to be UTF-16 is told so.
  CHECK(refusal("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<graphml/>") ==
        "t.graphml:1:31: the file declares encoding 'utf-16' but is not UTF-16 (its declaration "
        "is 8-bit text); save it as UTF-8, or as UTF-16");
}

TEST_CASE("graphml files: yEd group nodes are read as groups with the groups option",
          "[graphml][files]") {
  // Refused before ("nested graphs are not supported"); without the option, with the hint.
  CHECK(refusal(kYedGroups) ==
        "t.graphml:11:7: a nested <graph> inside node 'n0' (a yEd group node); read groups as "
        "agencies with the groups option (liaison analyze --groups), or ungroup them in yEd");
  GraphmlReadOptions groups;
  groups.groups = true;
  const GraphmlGraph g = parseGraphml(kYedGroups, "t.graphml", groups);
  // The group nodes leave the network; their members are analysed as one graph.
  REQUIRE(g.nodes.size() == 4);
  CHECK(g.nodes[0].id == "n0::n0");
  CHECK(g.nodes[3].id == "n2");
  CHECK(g.displayName(0) == "Chief Ortiz");
  CHECK(g.displayName(2) == "Medic Shaw");
  const GraphmlAttribute* agency = g.nodeAttribute("agency");
  REQUIRE(agency);
  CHECK(*agency->text(0) == "River City Fire");
  CHECK(*agency->text(1) == "River City Fire");
  CHECK(*agency->text(2) == "County EMS");
  CHECK_FALSE(agency->has(3));  // not in a group
  REQUIRE(g.edges.size() == 3);
  CHECK(g.edgeId(0) == "e0");
  CHECK(g.edges[1].source == 0);
  CHECK(g.edges[1].target == 2);
  CHECK(g.edgeId(2) == "e2");
  CHECK(g.edges[2].source == 3);
  CHECK(warningTexts(g) ==
        std::vector<std::string>{"28:5: an edge to group 'County EMS' skipped: with groups read "
                                 "as agencies, a group is no node of the network"});
  CHECK(g.nodes[2].line == 21);
  CHECK(g.nodes[2].column == 9);
}

TEST_CASE("graphml files: hyperedges and ports are skipped with a warning at their place",
          "[graphml][files]") {
  // From the GraphML primer (sections 3.4.1 and 3.4.2): refused before.
  const std::string text = kHead +
                           "<graph id=\"G\" edgedefault=\"undirected\">\n"
                           "  <node id=\"n0\"><port name=\"North\"/><port name=\"South\"/></node>\n"
                           "  <node id=\"n1\"/>\n  <node id=\"n2\"/>\n"
                           "  <hyperedge><endpoint node=\"n0\"/><endpoint node=\"n1\"/>"
                           "<endpoint node=\"n2\"/></hyperedge>\n"
                           "  <edge source=\"n0\" target=\"n1\" sourceport=\"North\"/>\n"
                           "</graph></graphml>\n";
  const GraphmlGraph g = parseGraphml(text, "t");
  CHECK(g.nodes.size() == 3);
  REQUIRE(g.edges.size() == 1);
  CHECK(g.edges[0].target == 1);
  CHECK(warningTexts(g) ==
        std::vector<std::string>{
            "4:17: a <port> of node 'n0' skipped: edges are read between nodes, whatever port "
            "they name",
            "4:37: a <port> of node 'n0' skipped: edges are read between nodes, whatever port "
            "they name",
            "7:3: a <hyperedge> skipped: it joins more than two nodes, and Liaison analyses links "
            "between two"});
  // Warnings are bounded; the rest are counted.
  std::string many = kHead + "<graph edgedefault=\"directed\">\n";
  for (int i = 0; i < 150; ++i) many += "<hyperedge/>\n";
  const GraphmlGraph m = parseGraphml(many + "</graph></graphml>", "t");
  CHECK(m.warnings.size() == kMaxGraphmlWarnings);
  CHECK(m.warnings_dropped == 50);
}

TEST_CASE("graphml files: without edgedefault the graph is directed, and the reader says so",
          "[graphml][files]") {
  const GraphmlGraph g = parseGraphml(
      kHead + "<graph id=\"G\">\n<node id=\"a\"/><node id=\"b\"/><edge source=\"a\" "
              "target=\"b\"/></graph></graphml>",
      "t");
  CHECK(g.directed);
  CHECK(g.edges[0].directed);
  CHECK(warningTexts(g) == std::vector<std::string>{
                               "3:1: <graph> has no edgedefault: read as directed, the GraphML "
                               "default (write edgedefault=\"undirected\" for an undirected "
                               "network)"});
  CHECK(parseGraphml(kHead + "<graph edgedefault=\"directed\"/></graphml>", "t").warnings.empty());
}

TEST_CASE("graphml files: hostile files are refused at their line and column", "[graphml][files]") {
  // A FIFO named .graphml hung `analyze`.
  const fs::path fifo =
      fs::temp_directory_path() / ("liaison-fifo-" + std::to_string(std::random_device()()) + ".graphml");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  try {
    readGraphml(fifo);
    FAIL("read a FIFO");
  } catch (const GraphmlError& e) {
    CHECK(std::string(e.what()) ==
          fifo.string() + ": not a regular file (a FIFO); expected a GraphML file");
  }
  fs::remove(fifo);
  // Invalid UTF-8 (then --json failed with a JSON library exception) and NUL bytes.
  const std::string key = "<key id=\"n\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n";
  CHECK(refusal(kHead + key + "<graph>\n<node id=\"a\"><data key=\"n\">Caf\xE9</data></node>"
                              "</graph></graphml>") ==
        "t.graphml:5:31: broken XML: invalid UTF-8 (byte 0xE9); expected UTF-8 text (save the "
        "file as UTF-8, or declare its encoding in <?xml ... encoding=\"...\"?>)");
  CHECK(refusal(kHead + std::string("<graph>\n<node id=\"a\0\"/></graph></graphml>", 40))
            .starts_with("t.graphml:4:12: broken XML: a NUL byte (0x00)"));
  // Duplicate attributes (which one is the node's id?).
  CHECK(refusal(kHead + "<graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"a\" source=\"b\"/>"
                        "</graph></graphml>") ==
        "t.graphml:5:29: broken XML: attribute 'source' appears twice in <edge>; XML allows each "
        "attribute once per element");
  std::string deep = kHead + "<graph>\n<node id=\"a\">";
  for (int i = 0; i < 400; ++i) deep += "<x>";
  CHECK(refusal(deep) == "t.graphml:4:773: broken XML: elements nest deeper than 256 levels here; expected at most 256");
  // A value larger than the limit.
  CHECK(refusal(kHead + key + "<graph>\n<node id=\"a\"><data key=\"n\">" +
                std::string(kMaxGraphmlValueBytes + 1, 'v') + "</data></node></graph></graphml>") ==
        "t.graphml:5:14: the value of attribute 'name' is 1048577 bytes long; expected at most "
        "1048576 bytes");
  // Names from the file are quoted short and without control characters.
  CHECK(refusal(kHead + "<graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"\x1b[2J" +
                std::string(100, 'x') + "\"/></graph></graphml>") ==
        "t.graphml:5:1: edge target '?[2Jxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' is not a node "
        "of the graph");
}

TEST_CASE("graphml files: the writer writes only characters XML 1.0 allows", "[graphml][files]") {
  // pugixml wrote an escape character as "&#27;", which NetworkX refuses.
  GraphmlGraph g;
  g.nodes = {{"a\x01", 0}, {"b", 0}};
  g.edges.push_back({0, 1, 0, false});
  g.setNodeValue(0, "name", std::string("Fire\x1b[31m \xEF\xBF\xBE ok\ttab\nline \xFF"));
  std::ostringstream out;
  writeGraphml(out, g);
  const std::string text = out.str();
  CHECK(text.find("&#") == std::string::npos);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("Fire\xEF\xBF\xBD[31m \xEF\xBF\xBD ok\ttab\nline \xEF\xBF\xBD") != std::string::npos);
  CHECK(text.find("id=\"a\xEF\xBF\xBD\"") != std::string::npos);
  const GraphmlGraph back = parseGraphml(text, "round");
  CHECK(back.edges[0].source == 0);
  CHECK(xmlLegal("plain \xC3\xA9") == "plain \xC3\xA9");
  // And NetworkX itself reads it, when Debian's python3-networkx is there.
  if (std::system("/usr/bin/python3 -c 'import networkx' 2>/dev/null") != 0) {
    WARN("python3-networkx is not installed; NetworkX's reading not checked");
    return;
  }
  const fs::path file =
      fs::temp_directory_path() / ("liaison-writer-" + std::to_string(std::random_device()()) + ".graphml");
  {
    std::ofstream f(file, std::ios::binary);
    f << text;
  }
  const std::string cmd = "/usr/bin/python3 -c 'import sys, networkx; g = networkx.read_graphml(sys.argv[1]); "
                          "sys.exit(0 if g.number_of_nodes() == 2 else 1)' " + file.string();
  CHECK(std::system(cmd.c_str()) == 0);
  fs::remove(file);
}
