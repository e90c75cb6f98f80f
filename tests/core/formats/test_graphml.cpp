// The GraphML reader and writer: typed columns, defaults, id lookup (fast and hashed), edges
// naming later nodes, yEd labels, encodings, refusals with the line, and a write/read round trip.
#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>

#include "core/formats/graphml.hpp"

using namespace liaison::core;

namespace {

const std::string kHead =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";

std::string refusal(const std::string& text) {
  try {
    parseGraphml(text, "t.graphml");
  } catch (const GraphmlError& e) {
    return e.what();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("graphml: typed attributes, defaults and the 'all' domain", "[graphml]") {
  const std::string text = kHead +
                           "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\">"
                           "<default>2.5</default></key>\n"
                           "<key id=\"n\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
                           "<key id=\"c\" for=\"node\" attr.name=\"count\" attr.type=\"long\"/>\n"
                           "<key id=\"b\" for=\"all\" attr.name=\"flag\" attr.type=\"boolean\"/>\n"
                           "<graph edgedefault=\"undirected\">\n"
                           "<node id=\"a\"><data key=\"n\">Fire</data><data key=\"c\"> 9007199254740993 "
                           "</data><data key=\"b\">TRUE</data></node>\n"
                           "<node id=\"b\"/>\n"
                           "<edge source=\"a\" target=\"b\"><data key=\"w\">NaN</data></edge>\n"
                           "<edge source=\"b\" target=\"a\" directed=\"true\"><data key=\"b\">0</data></edge>\n"
                           "<edge source=\"a\" target=\"a\"><data key=\"w\">-INF</data></edge>\n"
                           "<edge source=\"a\" target=\"b\"/>\n"
                           "</graph></graphml>\n";
  const GraphmlGraph g = parseGraphml(text, "t");
  REQUIRE(g.nodes.size() == 2);
  REQUIRE(g.edges.size() == 4);
  CHECK_FALSE(g.directed);
  CHECK(g.nodes[0].line == 8);
  CHECK(g.edges[1].line == 11);
  CHECK(g.displayName(0) == "Fire");
  CHECK(g.displayName(1) == "b");  // no name: the id
  const GraphmlAttribute* count = g.nodeAttribute("count");
  REQUIRE(count);
  CHECK(std::get<std::int64_t>(count->value(0)) == 9007199254740993);  // exact, not via double
  CHECK_FALSE(count->has(1));
  CHECK(std::get<bool>(g.nodeValue(0, "flag")));
  CHECK(std::holds_alternative<std::monostate>(g.nodeValue(1, "flag")));
  CHECK(std::holds_alternative<std::monostate>(g.nodeValue(0, "nosuch")));
  CHECK(std::isnan(*g.edgeNumber(0, "weight")));
  CHECK(*g.edgeNumber(1, "weight") == 2.5);  // the key's default
  CHECK(std::isinf(*g.edgeNumber(2, "weight")));
  CHECK(*g.edgeNumber(3, "weight") == 2.5);
  CHECK(*g.edgeNumber(1, "flag") == 0.0);
  CHECK_FALSE(g.edges[0].directed);
  CHECK(g.edges[1].directed);
  CHECK(g.hasEdgeAttribute("weight"));
  CHECK_FALSE(g.hasEdgeAttribute("name"));
}

TEST_CASE("graphml: edges may name nodes declared after them, with any ids", "[graphml]") {
  // Ids that follow "prefix + position" are looked up by number; "n01" is not "n1".
  const std::string dense = kHead + "<graph edgedefault=\"directed\">\n"
                                    "<edge source=\"n0\" target=\"n2\"/>\n"
                                    "<node id=\"n0\"/><node id=\"n1\"/><node id=\"n2\"/>\n"
                                    "<edge source=\"n2\" target=\"n1\"/>\n"
                                    "</graph></graphml>\n";
  const GraphmlGraph g = parseGraphml(dense, "t");
  REQUIRE(g.edges.size() == 2);
  CHECK(g.edges[0].source == 0);
  CHECK(g.edges[0].target == 2);
  CHECK(g.edges[1].source == 2);
  CHECK(g.edges[1].target == 1);
  CHECK(g.directed);
  CHECK(refusal(kHead + "<graph><node id=\"n0\"/><node id=\"n1\"/>\n<edge source=\"n01\" "
                        "target=\"n0\"/></graph></graphml>") ==
        "t.graphml:4:1: edge source 'n01' is not a node of the graph");

  // Ids that break the pattern switch to a hash lookup, keeping the earlier nodes.
  const std::string mixed = kHead + "<graph>\n<node id=\"n0\"/><node id=\"n1\"/>"
                                    "<node id=\"Fire\"/><node id=\"n3\"/>\n"
                                    "<edge source=\"Fire\" target=\"n1\"/><edge source=\"n3\" "
                                    "target=\"n0\"/></graph></graphml>\n";
  const GraphmlGraph m = parseGraphml(mixed, "t");
  CHECK(m.edges[0].source == 2);
  CHECK(m.edges[0].target == 1);
  CHECK(m.edges[1].source == 3);
  CHECK(m.edges[1].target == 0);
  CHECK(refusal(kHead + "<graph>\n<node id=\"x\"/>\n<node id=\"x\"/></graph></graphml>") ==
        "t.graphml:5:1: node id 'x' is used twice");
}

TEST_CASE("graphml: many edges (past the size estimate) keep every value", "[graphml]") {
  std::string text = kHead +
                     "<key id=\"l\" for=\"edge\" attr.name=\"latency\" attr.type=\"double\">"
                     "<default>7</default></key>\n"
                     "<key id=\"k\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
                     "<key id=\"nm\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
                     "<graph edgedefault=\"undirected\">\n";
  for (int i = 0; i < 50; ++i)  // unique names (a string column of distinct values)
    text += "<node id=\"" + std::to_string(i) + "\"><data key=\"nm\">node " +
            std::to_string(i % 7 == 0 ? 0 : i) + "</data></node>\n";
  // Short edges first, then long ones: the estimate taken after 64 edges is too small.
  for (int i = 0; i < 500; ++i) {
    text += "<edge source=\"" + std::to_string(i % 50) + "\" target=\"" +
            std::to_string((i * 7) % 50) + "\">";
    if (i % 3 == 0) text += "<data key=\"l\">" + std::to_string(i) + ".5</data>";
    if (i >= 64) text += "<data key=\"k\">kind-" + std::string(i % 5 + 1, 'x') + "</data>";
    text += "</edge>\n";
  }
  text += "</graph></graphml>\n";
  const GraphmlGraph g = parseGraphml(text, "t");
  REQUIRE(g.edges.size() == 500);
  for (int i = 0; i < 50; ++i)
    CHECK(g.displayName(static_cast<std::size_t>(i)) ==
          "node " + std::to_string(i % 7 == 0 ? 0 : i));
  const GraphmlAttribute* latency = g.edgeAttribute("latency");
  const GraphmlAttribute* kind = g.edgeAttribute("kind");
  REQUIRE(latency);
  REQUIRE(kind);
  CHECK(latency->size() == 500);
  CHECK(kind->size() == 500);
  for (std::size_t i = 0; i < 500; ++i) {
    INFO(i);
    CHECK(*latency->number(i) == (i % 3 == 0 ? static_cast<double>(i) + 0.5 : 7.0));
    CHECK(g.edges[i].source == i % 50);
    CHECK(g.edges[i].target == (i * 7) % 50);
    if (i >= 64)
      CHECK(*kind->text(i) == "kind-" + std::string(i % 5 + 1, 'x'));
    else
      CHECK_FALSE(kind->has(i));
  }
}

TEST_CASE("graphml: yEd labels, entities and CDATA in values", "[graphml]") {
  const std::string text =
      kHead +
      "<key id=\"d6\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n"
      "<key id=\"s\" for=\"node\" attr.name=\"note\" attr.type=\"string\"/>\n"
      "<graph edgedefault=\"directed\">\n"
      "<node id=\"n0\"><data key=\"d6\"><y:ShapeNode><y:Geometry x=\"1\"/>"
      "<y:NodeLabel visible=\"true\">\n  Police &amp; Fire </y:NodeLabel></y:ShapeNode></data>"
      "<data key=\"s\">a &lt;b&gt; <![CDATA[<raw>]]> c</data></node>\n"
      "<node id=\"n1\"/></graph></graphml>\n";
  const GraphmlGraph g = parseGraphml(text, "t");
  CHECK(g.displayName(0) == "Police & Fire");
  CHECK(g.displayName(1) == "n1");
  CHECK(*g.nodeAttribute("note")->text(0) == "a <b> <raw> c");
}

TEST_CASE("graphml: UTF-16 and ISO-8859-1 files are read as UTF-8", "[graphml]") {
  const std::string body =
      "<graphml><key id=\"n\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>"
      "<graph><node id=\"a\"><data key=\"n\">Caf\xC3\xA9</data></node></graph></graphml>";
  std::string utf16 = "\xFF\xFE";  // little-endian, with its byte order mark
  for (std::size_t i = 0; i < body.size(); ++i) {
    const auto c = static_cast<unsigned char>(body[i]);
    if (c == 0xC3) {  // "é" is U+00E9
      utf16 += '\xE9';
      utf16 += '\0';
      ++i;
    } else {
      utf16 += static_cast<char>(c);
      utf16 += '\0';
    }
  }
  CHECK(parseGraphml(utf16, "t").displayName(0) == "Caf\xC3\xA9");
  const std::string latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" +
                             std::string(body).replace(body.find("\xC3\xA9"), 2, "\xE9");
  CHECK(parseGraphml(latin1, "t").displayName(0) == "Caf\xC3\xA9");
  CHECK(refusal("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>" + body) ==
        "t.graphml:1:31: the file declares encoding 'shift_jis'; Liaison reads UTF-8, UTF-16, "
        "ISO-8859-1 and windows-1252 (save it as UTF-8)");
}

TEST_CASE("graphml: malformed files are refused with the line, the column and the reason",
          "[graphml]") {
  const std::string key = "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n";
  CHECK(refusal(kHead + key + "<graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"a\">"
                              "<data key=\"w\">fast</data></edge></graph></graphml>") ==
        "t.graphml:6:29: value 'fast' of attribute 'weight' is not a valid double");
  CHECK(refusal(kHead + key + "<graph>\n<node id=\"a\">\n<data key=\"w\">1</data></node>"
                              "</graph></graphml>") ==
        "t.graphml:6:1: key 'w' is declared for edge but used on a node");
  CHECK(refusal(kHead + "<graph>\n<node id=\"a\"><data key=\"zz\">1</data></node></graph></graphml>") ==
        "t.graphml:4:14: <data> refers to unknown key 'zz'; declare it with <key id=\"zz\" ...> first");
  CHECK(refusal(kHead + "<graph edgedefault=\"sideways\"></graph></graphml>") ==
        "t.graphml:3:1: edgedefault is 'sideways'; expected directed or undirected");
  CHECK(refusal(kHead + "<graph>\n<node id=\"a\"><graph/></node></graph></graphml>") ==
        "t.graphml:4:14: a nested <graph> inside node 'a' (a yEd group node); read groups as "
        "agencies with the groups option (liaison analyze --groups), or ungroup them in yEd");
  CHECK(refusal(kHead + "<graph>\n<node/></graph></graphml>") ==
        "t.graphml:4:1: <node> without an id");
  CHECK(refusal(kHead + "<graph>\n<node id=\"a\"/>\n<edge source=\"a\"/></graph></graphml>") ==
        "t.graphml:5:1: <edge> needs both a source and a target");
  CHECK(refusal(kHead + "<graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"a\" "
                        "directed=\"maybe\"/></graph></graphml>") ==
        "t.graphml:5:1: edge attribute directed='maybe'; expected true or false");
  CHECK(refusal(kHead + "<key id=\"k\" for=\"node\" attr.type=\"complex\"/></graphml>") ==
        "t.graphml:3:1: key 'k' has attr.type 'complex'; expected boolean, int, long, float, double "
        "or string");
  CHECK(refusal(kHead + "<key id=\"k\" attr.type=\"int\">\n<default>x</default></key></graphml>") ==
        "t.graphml:4:1: default 'x' of key 'k' is not a valid int");
  CHECK(refusal(kHead + "<key id=\"k\"/>\n<key id=\"k\" attr.name=\"other\"/></graphml>") ==
        "t.graphml:4:1: key 'k' is declared twice, for attributes 'k' and 'other'; expected each "
        "key id once (or for one attribute)");
  CHECK(refusal(kHead + "<key id=\"a\" for=\"node\" attr.name=\"x\" attr.type=\"int\"/>\n"
                        "<key id=\"b\" for=\"node\" attr.name=\"x\" attr.type=\"string\"/></graphml>") ==
        "t.graphml:4:1: key 'b' declares node attribute 'x' as string, but an earlier key declared it "
        "as int");
  CHECK(refusal(kHead + "</graphml>") == "t.graphml:2:1: no <graph> element in the file");
  CHECK(refusal("<?xml version=\"1.0\"?>\n<gexf/>") ==
        "t.graphml:2:1: the root element is <gexf>; a GraphML file starts with <graphml>");
  CHECK(refusal(kHead + "<graph>\n<node id=\"a\">\n</graph></graphml>") ==
        "t.graphml:5:1: broken XML: </graph> does not match <node> opened on line 4");
}

TEST_CASE("graphml: what the writer writes reads back the same", "[graphml]") {
  GraphmlGraph g;
  g.directed = true;
  g.nodes = {{"a", 0}, {"b", 0}, {"c", 0}};
  g.edges.push_back({0, 1, 0, true});
  g.edges.push_back({1, 2, 0, false});
  g.setEdgeId(0, "e0");
  g.setNodeValue(0, "name", std::string("Fire & <EMS>"));
  g.setNodeValue(2, "load", 1.25);
  g.setNodeValue(1, "on_duty", false);
  g.setEdgeValue(0, "channel", std::int64_t{42});
  g.setEdgeValue(1, "latency_min", std::nan(""));
  std::ostringstream out;
  writeGraphml(out, g);
  const GraphmlGraph r = parseGraphml(out.str(), "round");
  REQUIRE(r.nodes.size() == 3);
  REQUIRE(r.edges.size() == 2);
  CHECK(r.directed);
  CHECK(r.displayName(0) == "Fire & <EMS>");
  CHECK(*r.nodeAttribute("load")->number(2) == 1.25);
  CHECK_FALSE(r.nodeAttribute("load")->has(0));
  CHECK(std::get<bool>(r.nodeValue(1, "on_duty")) == false);
  CHECK(std::get<std::int64_t>(r.edgeValue(0, "channel")) == 42);
  CHECK(std::isnan(*r.edgeNumber(1, "latency_min")));
  CHECK(r.edgeId(0) == "e0");
  CHECK(r.edgeId(1).empty());
  CHECK(r.edges[0].directed);
  CHECK_FALSE(r.edges[1].directed);
  CHECK(r.edges[1].source == 1);
  CHECK(r.edges[1].target == 2);
}
