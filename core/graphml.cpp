// GraphML reading with pugixml; every error carries the line of the offending element.
#include "graphml.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <ostream>
#include <set>
#include <sstream>
#include <string_view>
#include <unordered_map>

namespace liaison::core {

namespace {
// "file:line: reason", or "file: reason" when no line applies.
std::string locate(const std::string& file, int line, const std::string& reason) {
  std::string out = file;
  if (line > 0) out.append(":").append(std::to_string(line));
  out.append(": ").append(reason);
  return out;
}
}  // namespace

GraphmlError::GraphmlError(std::string file, int line, const std::string& reason)
    : std::runtime_error(locate(file, line, reason)),
      m_file(std::move(file)),
      m_line(line),
      m_reason(reason) {}

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string trim(std::string_view s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// Maps byte offsets to 1-based line numbers.
class LineIndex {
 public:
  explicit LineIndex(const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') m_newlines.push_back(i);
  }
  int line(std::ptrdiff_t offset) const {
    if (offset < 0) return 0;
    auto it =
        std::lower_bound(m_newlines.begin(), m_newlines.end(), static_cast<std::size_t>(offset));
    return static_cast<int>(it - m_newlines.begin()) + 1;
  }

 private:
  std::vector<std::size_t> m_newlines;
};

std::optional<GraphmlType> parseType(const std::string& t) {
  static const std::unordered_map<std::string, GraphmlType> types = {
      {"boolean", GraphmlType::Boolean}, {"int", GraphmlType::Int},
      {"long", GraphmlType::Long},       {"float", GraphmlType::Float},
      {"double", GraphmlType::Double},   {"string", GraphmlType::String}};
  auto it = types.find(lower(t));
  if (it == types.end()) return std::nullopt;
  return it->second;
}

const char* typeName(GraphmlType t) {
  switch (t) {
    case GraphmlType::Boolean:
      return "boolean";
    case GraphmlType::Int:
      return "int";
    case GraphmlType::Long:
      return "long";
    case GraphmlType::Float:
      return "float";
    case GraphmlType::Double:
      return "double";
    case GraphmlType::String:
      return "string";
  }
  return "string";
}

// Parses a typed value; nullopt when the text is not valid for the type.
std::optional<GraphmlValue> parseValue(GraphmlType type, const std::string& raw) {
  if (type == GraphmlType::String) return GraphmlValue{raw};
  std::string text = trim(raw);
  switch (type) {
    case GraphmlType::Boolean: {
      std::string l = lower(text);
      if (l == "true" || l == "1") return GraphmlValue{true};
      if (l == "false" || l == "0") return GraphmlValue{false};
      return std::nullopt;
    }
    case GraphmlType::Int:
    case GraphmlType::Long: {
      std::int64_t v = 0;
      const char* b = text.data();
      const char* e = b + text.size();
      if (!text.empty() && *b == '+') ++b;
      auto [p, ec] = std::from_chars(b, e, v);
      if (ec != std::errc() || p != e || b == e) return std::nullopt;
      return GraphmlValue{v};
    }
    case GraphmlType::Float:
    case GraphmlType::Double: {
      std::string l = lower(text);
      std::string_view body = l;
      bool neg = false;
      if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
        neg = body[0] == '-';
        body.remove_prefix(1);
      }
      if (body == "nan") return GraphmlValue{std::numeric_limits<double>::quiet_NaN()};
      if (body == "inf" || body == "infinity") {
        double inf = std::numeric_limits<double>::infinity();
        return GraphmlValue{neg ? -inf : inf};
      }
      double v = 0;
      const char* b = text.data();
      const char* e = b + text.size();
      if (!text.empty() && *b == '+') ++b;
      auto [p, ec] = std::from_chars(b, e, v);
      if (ec != std::errc() || p != e || b == e) return std::nullopt;
      return GraphmlValue{v};
    }
    case GraphmlType::String:
      break;
  }
  return std::nullopt;
}

// yEd stores labels inside <data> as y:NodeLabel / y:EdgeLabel markup.
std::string yedLabel(pugi::xml_node data) {
  std::string found;
  struct Walker : pugi::xml_tree_walker {
    std::string* out;
    bool for_each(pugi::xml_node& node) override {
      std::string name = node.name();
      auto colon = name.find(':');
      if (colon != std::string::npos) name = name.substr(colon + 1);
      if (name == "NodeLabel" || name == "EdgeLabel") {
        *out = trim(node.child_value());
        return false;
      }
      return true;
    }
  } walker;
  walker.out = &found;
  data.traverse(walker);
  return found;
}

// The element name without its namespace prefix (no copy: one call per element and datum).
std::string_view localName(const char* name) {
  const std::string_view s(name);
  const auto colon = s.find(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

class Reader {
 public:
  Reader(const std::string& text, std::string file)
      : m_text(text), m_file(std::move(file)), m_lines(text) {}

  GraphmlGraph run() {
    pugi::xml_document doc;
    pugi::xml_parse_result res = doc.load_buffer(
        m_text.data(), m_text.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!res) fail(m_lines.line(res.offset), std::string("broken XML: ") + res.description());
    pugi::xml_node root = doc.document_element();
    if (localName(root.name()) != "graphml")
      fail(line(root), "the root element is <" + std::string(root.name()) +
                           ">; a GraphML file starts with <graphml>");
    for (pugi::xml_node key : root.children()) {
      if (localName(key.name()) == "key") readKey(key);
    }
    pugi::xml_node graph;
    for (pugi::xml_node child : root.children())
      if (localName(child.name()) == "graph") {
        graph = child;
        break;
      }
    if (!graph) fail(line(root), "no <graph> element in the file");
    std::string edgedefault = lower(graph.attribute("edgedefault").as_string("directed"));
    if (edgedefault != "directed" && edgedefault != "undirected")
      fail(line(graph), "edgedefault is '" + edgedefault + "'; expected directed or undirected");
    m_graph.directed = edgedefault == "directed";

    for (pugi::xml_node child : graph.children()) {
      if (localName(child.name()) == "node") readNode(child);
    }
    for (pugi::xml_node child : graph.children()) {
      const std::string_view name = localName(child.name());
      if (name == "edge")
        readEdge(child);
      else if (name == "hyperedge")
        fail(line(child), "hyperedges are not supported");
    }
    return std::move(m_graph);
  }

 private:
  [[noreturn]] void fail(int at, const std::string& reason) const {
    throw GraphmlError(m_file, at, reason);
  }
  int line(const pugi::xml_node& n) const { return m_lines.line(n.offset_debug()); }

  void readKey(const pugi::xml_node& node) {
    GraphmlKey key;
    key.id = node.attribute("id").as_string();
    if (key.id.empty()) fail(line(node), "<key> without an id");
    key.domain = lower(node.attribute("for").as_string("all"));
    static const std::set<std::string> domains = {"node", "edge",      "graph", "graphml",
                                                  "all",  "hyperedge", "port",  "endpoint"};
    if (!domains.count(key.domain))
      fail(line(node),
           "key '" + key.id + "' is for '" + key.domain + "'; expected node, edge, graph or all");
    key.name = node.attribute("attr.name").as_string(key.id.c_str());
    if (pugi::xml_attribute t = node.attribute("attr.type")) {
      auto type = parseType(t.as_string());
      if (!type)
        fail(line(node), "key '" + key.id + "' has attr.type '" + t.as_string() +
                             "'; expected boolean, int, long, float, double or string");
      key.type = *type;
    } else if (std::string y = node.attribute("yfiles.type").as_string(); !y.empty()) {
      m_yed[key.id] = y;
    }
    if (pugi::xml_node def = node.child("default")) {
      auto v = parseValue(key.type, def.child_value());
      if (!v)
        fail(line(def), "default '" + std::string(def.child_value()) + "' of key '" + key.id +
                            "' is not a valid " + typeName(key.type));
      key.default_value = *v;
    }
    if (m_keys.count(key.id)) fail(line(node), "key '" + key.id + "' is declared twice");
    m_keys[key.id] = m_graph.keys.size();
    m_graph.keys.push_back(std::move(key));
  }

  // The keys with a default for a domain ("node" or "edge"), listed once rather than per element.
  const std::vector<const GraphmlKey*>& defaultsFor(const std::string& domain) {
    auto& list = domain == "node" ? m_nodeDefaults : m_edgeDefaults;
    if (!list) {
      list.emplace();
      for (const GraphmlKey& k : m_graph.keys)
        if ((k.domain == domain || k.domain == "all") &&
            !std::holds_alternative<std::monostate>(k.default_value))
          list->push_back(&k);
    }
    return *list;
  }

  void applyDefaults(const std::string& domain, std::map<std::string, GraphmlValue>& attrs) {
    for (const GraphmlKey* k : defaultsFor(domain)) attrs[k->name] = k->default_value;
  }

  void readData(const pugi::xml_node& owner, const std::string& domain,
                std::map<std::string, GraphmlValue>& attrs) {
    for (pugi::xml_node data : owner.children()) {
      const std::string_view name = localName(data.name());
      if (name == "graph") fail(line(data), "nested graphs are not supported");
      if (name != "data") continue;
      std::string keyId = data.attribute("key").as_string();
      auto it = m_keys.find(keyId);
      if (it == m_keys.end())
        fail(line(data), "<data> refers to unknown key '" + keyId +
                             "'; declare it with <key id=\"" + keyId + "\" ...> first");
      const GraphmlKey& key = m_graph.keys[it->second];
      if (key.domain != "all" && key.domain != domain)
        fail(line(data),
             "key '" + keyId + "' is declared for " + key.domain + " but used on a " + domain);
      if (m_yed.count(keyId)) {
        std::string label = yedLabel(data);
        if (!label.empty()) attrs["label"] = label;
        continue;
      }
      auto v = parseValue(key.type, data.child_value());
      if (!v)
        fail(line(data), "value '" + std::string(data.child_value()) + "' of attribute '" +
                             key.name + "' is not a valid " + typeName(key.type));
      attrs[key.name] = *v;
    }
  }

  void readNode(const pugi::xml_node& node) {
    GraphmlNode n;
    n.id = node.attribute("id").as_string();
    n.line = line(node);
    if (n.id.empty()) fail(n.line, "<node> without an id");
    if (m_nodeIndex.count(n.id)) fail(n.line, "node id '" + n.id + "' is used twice");
    applyDefaults("node", n.attrs);
    readData(node, "node", n.attrs);
    m_nodeIndex[n.id] = m_graph.nodes.size();
    m_graph.nodes.push_back(std::move(n));
  }

  void readEdge(const pugi::xml_node& node) {
    GraphmlEdge e;
    e.line = line(node);
    e.id = node.attribute("id").as_string();
    std::string s = node.attribute("source").as_string();
    std::string t = node.attribute("target").as_string();
    auto si = m_nodeIndex.find(s), ti = m_nodeIndex.find(t);
    if (s.empty() || t.empty()) fail(e.line, "<edge> needs both a source and a target");
    if (si == m_nodeIndex.end()) fail(e.line, "edge source '" + s + "' is not a node of the graph");
    if (ti == m_nodeIndex.end()) fail(e.line, "edge target '" + t + "' is not a node of the graph");
    e.source = si->second;
    e.target = ti->second;
    e.directed = m_graph.directed;
    if (pugi::xml_attribute d = node.attribute("directed")) {
      std::string v = lower(d.as_string());
      if (v != "true" && v != "false")
        fail(e.line, "edge attribute directed='" + v + "'; expected true or false");
      e.directed = v == "true";
    }
    applyDefaults("edge", e.attrs);
    readData(node, "edge", e.attrs);
    m_graph.edges.push_back(std::move(e));
  }

  const std::string& m_text;
  std::string m_file;
  LineIndex m_lines;
  GraphmlGraph m_graph;
  std::unordered_map<std::string, std::size_t> m_keys;
  std::unordered_map<std::string, std::string> m_yed;
  std::unordered_map<std::string, std::size_t> m_nodeIndex;
  std::optional<std::vector<const GraphmlKey*>> m_nodeDefaults, m_edgeDefaults;
};

std::string formatNumber(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "INF" : "-INF";
  char buf[64];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, p);
}

}  // namespace

std::string GraphmlGraph::displayName(std::size_t node) const {
  const GraphmlNode& n = nodes.at(node);
  for (const char* attr : {"name", "label", "vertex.names"}) {
    auto it = n.attrs.find(attr);
    if (it == n.attrs.end()) continue;
    if (const auto* s = std::get_if<std::string>(&it->second); s && !s->empty()) return *s;
  }
  return n.id;
}

std::optional<double> GraphmlGraph::edgeNumber(std::size_t edge, const std::string& name) const {
  const GraphmlEdge& e = edges.at(edge);
  auto it = e.attrs.find(name);
  if (it == e.attrs.end()) return std::nullopt;
  if (const auto* d = std::get_if<double>(&it->second)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&it->second)) return static_cast<double>(*i);
  if (const auto* b = std::get_if<bool>(&it->second)) return *b ? 1.0 : 0.0;
  return std::nullopt;
}

bool GraphmlGraph::hasEdgeAttribute(const std::string& name) const {
  for (const GraphmlKey& k : keys)
    if (k.name == name && (k.domain == "edge" || k.domain == "all")) return true;
  return false;
}

GraphmlGraph parseGraphml(const std::string& text, const std::string& file_label) {
  return Reader(text, file_label).run();
}

GraphmlGraph readGraphml(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw GraphmlError(path.string(), 0, "cannot open the file");
  // Read straight into one string of the file's size (no stream buffer copy).
  std::string text;
  const std::streamoff size = in.tellg();
  if (size > 0) {
    text.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    in.read(text.data(), size);
    text.resize(static_cast<std::size_t>(in.gcount()));
  }
  return parseGraphml(text, path.string());
}

void writeGraphml(std::ostream& out, const GraphmlGraph& graph) {
  // Declare one key per attribute name and domain, typed from the first value seen.
  struct KeyOut {
    std::string id, name, type, domain;
  };
  std::vector<KeyOut> keys;
  std::map<std::pair<std::string, std::string>, std::string> keyId;  // (domain, name) -> id
  auto declare = [&](const std::string& domain, const std::map<std::string, GraphmlValue>& attrs) {
    for (const auto& [name, value] : attrs) {
      if (std::holds_alternative<std::monostate>(value) || keyId.count({domain, name})) continue;
      std::string type = std::holds_alternative<bool>(value)           ? "boolean"
                         : std::holds_alternative<std::int64_t>(value) ? "long"
                         : std::holds_alternative<double>(value)       ? "double"
                                                                       : "string";
      // Not "d" + to_string(): GCC 12 at -O2 raises a false -Wrestrict on that expression.
      std::string id = std::to_string(keys.size());
      id.insert(0, 1, 'd');
      keyId[{domain, name}] = id;
      keys.push_back({id, name, type, domain});
    }
  };
  for (const auto& n : graph.nodes) declare("node", n.attrs);
  for (const auto& e : graph.edges) declare("edge", e.attrs);

  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto root = doc.append_child("graphml");
  root.append_attribute("xmlns") = "http://graphml.graphdrawing.org/xmlns";
  root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
  root.append_attribute("xsi:schemaLocation") =
      "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";
  for (const auto& k : keys) {
    auto key = root.append_child("key");
    key.append_attribute("id") = k.id.c_str();
    key.append_attribute("for") = k.domain.c_str();
    key.append_attribute("attr.name") = k.name.c_str();
    key.append_attribute("attr.type") = k.type.c_str();
  }
  auto g = root.append_child("graph");
  g.append_attribute("id") = "G";
  g.append_attribute("edgedefault") = graph.directed ? "directed" : "undirected";
  auto writeData = [&](pugi::xml_node owner, const std::string& domain,
                       const std::map<std::string, GraphmlValue>& attrs) {
    for (const auto& [name, value] : attrs) {
      if (std::holds_alternative<std::monostate>(value)) continue;
      auto data = owner.append_child("data");
      data.append_attribute("key") = keyId.at({domain, name}).c_str();
      std::string text;
      if (const auto* b = std::get_if<bool>(&value))
        text = *b ? "true" : "false";
      else if (const auto* i = std::get_if<std::int64_t>(&value))
        text = std::to_string(*i);
      else if (const auto* d = std::get_if<double>(&value))
        text = formatNumber(*d);
      else
        text = std::get<std::string>(value);
      data.text().set(text.c_str());
    }
  };
  for (const auto& n : graph.nodes) {
    auto node = g.append_child("node");
    node.append_attribute("id") = n.id.c_str();
    writeData(node, "node", n.attrs);
  }
  for (const auto& e : graph.edges) {
    auto edge = g.append_child("edge");
    if (!e.id.empty()) edge.append_attribute("id") = e.id.c_str();
    edge.append_attribute("source") = graph.nodes.at(e.source).id.c_str();
    edge.append_attribute("target") = graph.nodes.at(e.target).id.c_str();
    if (e.directed != graph.directed)
      edge.append_attribute("directed") = e.directed ? "true" : "false";
    writeData(edge, "edge", e.attrs);
  }
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
}

}  // namespace liaison::core
