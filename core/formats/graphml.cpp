// GraphML reading on XmlPull (one pass, no document tree), writing with pugixml. Every error
// carries the line and column of the offending element.
//
// Speed: a DOM of a 3 MB file is about 12 MB of small allocations, which glibc returns to the
// kernel after each read and page-faults back in on the next. Reading events straight into the
// attribute columns keeps the memory to the result itself, and the file is mapped rather than
// copied.
#include "core/formats/graphml.hpp"

#include "core/formats/input_file.hpp"  // excerpt
#include "core/formats/mapped_file.hpp"
#include "core/formats/utf8.hpp"
#include "core/formats/xml_pull.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <ostream>
#include <set>
#include <unordered_map>

namespace liaison::core {

namespace {
// "file:line:column: reason", or "file: reason" when no place applies.
std::string locate(const std::string& file, int line, int column, const std::string& reason) {
  std::string out = file;
  if (line > 0) out.append(":").append(std::to_string(line));
  if (line > 0 && column > 0) out.append(":").append(std::to_string(column));
  out.append(": ").append(reason);
  return out;
}
}  // namespace

GraphmlError::GraphmlError(std::string file, int line, int column, const std::string& reason)
    : std::runtime_error(locate(file, line, column, reason)),
      m_file(std::move(file)),
      m_line(line),
      m_column(column),
      m_reason(reason) {}

namespace {

char lowerChar(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lowerChar(a[i]) != b[i]) return false;  // b is lower case
  return true;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lowerChar(c);
  return out;
}

std::string_view trimmed(std::string_view s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::optional<GraphmlType> parseType(std::string_view t) {
  static constexpr std::pair<std::string_view, GraphmlType> types[] = {
      {"boolean", GraphmlType::Boolean}, {"int", GraphmlType::Int},
      {"long", GraphmlType::Long},       {"float", GraphmlType::Float},
      {"double", GraphmlType::Double},   {"string", GraphmlType::String}};
  for (const auto& [name, type] : types)
    if (iequals(t, name)) return type;
  return std::nullopt;
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

bool parseBool(std::string_view raw, bool& out) {
  const std::string_view text = trimmed(raw);
  if (iequals(text, "true") || text == "1") {
    out = true;
    return true;
  }
  if (iequals(text, "false") || text == "0") {
    out = false;
    return true;
  }
  return false;
}

bool parseInteger(std::string_view raw, std::int64_t& out) {
  const std::string_view text = trimmed(raw);
  const char* b = text.data();
  const char* e = b + text.size();
  if (b != e && *b == '+') ++b;
  auto [p, ec] = std::from_chars(b, e, out);
  return ec == std::errc() && p == e && b != e;
}

bool parseReal(std::string_view raw, double& out) {
  // Numbers as written by programs have no surrounding space: try them as they are first.
  std::string_view text = raw;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  if (!text.empty() && (space(text.front()) || space(text.back()))) text = trimmed(raw);
  const char* b = text.data();
  const char* e = b + text.size();
  if (b != e && *b == '+') ++b;
  auto [p, ec] = std::from_chars(b, e, out);
  if (ec == std::errc() && p == e && b != e) return true;
  // Spellings from_chars does not take: "NaN"/"INF" in any case, "+inf", "-Infinity".
  std::string_view body = text;
  bool neg = false;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    neg = body[0] == '-';
    body.remove_prefix(1);
  }
  if (iequals(body, "nan")) {
    out = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  if (iequals(body, "inf") || iequals(body, "infinity")) {
    const double inf = std::numeric_limits<double>::infinity();
    out = neg ? -inf : inf;
    return true;
  }
  return false;
}

// Parses a typed value into `out`; false when the text is not valid for the type.
bool parseValue(GraphmlType type, std::string_view raw, GraphmlValue& out) {
  switch (type) {
    case GraphmlType::String:
      out.emplace<std::string>(raw);
      return true;
    case GraphmlType::Boolean: {
      bool v = false;
      if (!parseBool(raw, v)) return false;
      out = v;
      return true;
    }
    case GraphmlType::Int:
    case GraphmlType::Long: {
      std::int64_t v = 0;
      if (!parseInteger(raw, v)) return false;
      out = v;
      return true;
    }
    case GraphmlType::Float:
    case GraphmlType::Double: {
      double v = 0;
      if (!parseReal(raw, v)) return false;
      out = v;
      return true;
    }
  }
  return false;
}

std::string formatNumber(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "INF" : "-INF";
  char buf[64];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, p);
}

std::string valueText(const GraphmlValue& value) {
  if (const auto* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  if (const auto* n = std::get_if<std::int64_t>(&value)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&value)) return formatNumber(*d);
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  return {};
}

bool isReal(GraphmlType t) {
  return t == GraphmlType::Boolean || t == GraphmlType::Float || t == GraphmlType::Double;
}
bool isInteger(GraphmlType t) { return t == GraphmlType::Int || t == GraphmlType::Long; }

}  // namespace

std::optional<double> graphmlNumber(const GraphmlValue& v) {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (const auto* b = std::get_if<bool>(&v)) return *b ? 1.0 : 0.0;
  return std::nullopt;
}

GraphmlAttribute::GraphmlAttribute(std::string name, GraphmlType type)
    : m_name(std::move(name)), m_type(type) {}

GraphmlValue GraphmlAttribute::value(std::size_t element) const {
  if (!has(element)) return {};
  switch (m_type) {
    case GraphmlType::Boolean:
      return m_reals[element] != 0;
    case GraphmlType::Int:
    case GraphmlType::Long:
      return m_integers[element];
    case GraphmlType::Float:
    case GraphmlType::Double:
      return m_reals[element];
    case GraphmlType::String:
      return m_dict[m_codes[element]];
  }
  return {};
}

std::optional<double> GraphmlAttribute::number(std::size_t element) const {
  if (!has(element) || m_type == GraphmlType::String) return std::nullopt;
  if (isInteger(m_type)) return static_cast<double>(m_integers[element]);
  return m_reals[element];
}

const std::string* GraphmlAttribute::text(std::size_t element) const {
  return m_type == GraphmlType::String && has(element) ? &m_dict[m_codes[element]] : nullptr;
}

void GraphmlAttribute::setFill(const GraphmlValue& fill) { m_fill = fill; }

std::uint32_t GraphmlAttribute::intern(std::string_view text) {
  if (m_lastCode < m_dict.size() && m_dict[m_lastCode] == text) return m_lastCode;
  auto it = m_lookup.find(std::string(text));
  if (it == m_lookup.end()) {
    it = m_lookup.emplace(std::string(text), static_cast<std::uint32_t>(m_dict.size())).first;
    m_dict.emplace_back(text);
  }
  m_lastCode = it->second;
  return m_lastCode;
}

void GraphmlAttribute::fillSlots(std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) set(i, m_fill);
}

template <class F>
void GraphmlAttribute::onStorage(F&& f) {
  if (isReal(m_type))
    f(m_reals);
  else if (isInteger(m_type))
    f(m_integers);
  else
    f(m_codes);
}

void GraphmlAttribute::reserve(std::size_t count) {
  m_present.reserve(count);
  onStorage([&](auto& v) { v.reserve(count); });
}

void GraphmlAttribute::reach(std::size_t element) {
  const std::size_t old = size();
  if (element < old) return;
  // Geometric growth, but not past reserved room: resize() writes every new slot.
  std::size_t room = 0;
  onStorage([&](auto& v) { room = v.capacity(); });
  std::size_t grown = 2 * old + 64;
  if (room > element) grown = std::min(grown, room);
  grown = std::max(grown, element + 1);
  m_present.resize(grown, false);
  onStorage([&](auto& v) { v.resize(grown); });
  if (!std::holds_alternative<std::monostate>(m_fill)) fillSlots(old, grown);
}

void GraphmlAttribute::resize(std::size_t count) {
  if (count > size()) reach(count - 1);
  m_present.resize(count);
  onStorage([&](auto& v) { v.resize(count); });
}

void GraphmlAttribute::set(std::size_t element, const GraphmlValue& value) {
  reach(element);
  bool ok = true;
  if (std::holds_alternative<std::monostate>(value)) {
    ok = false;
  } else if (m_type == GraphmlType::String) {
    m_codes[element] = intern(valueText(value));
  } else if (const auto* s = std::get_if<std::string>(&value)) {
    ok = parse(element, *s);
  } else if (isInteger(m_type)) {
    const double d = *graphmlNumber(value);
    // Only what fits: converting a larger double to an integer is undefined.
    ok = std::isfinite(d) && std::fabs(d) < 9.2e18;
    m_integers[element] = ok ? static_cast<std::int64_t>(d) : 0;
    if (const auto* i = std::get_if<std::int64_t>(&value)) m_integers[element] = *i;  // exact
  } else {
    m_reals[element] = *graphmlNumber(value);
  }
  m_present[element] = ok;
}

bool GraphmlAttribute::parse(std::size_t element, std::string_view text) {
  reach(element);
  bool ok = true;
  switch (m_type) {
    case GraphmlType::String:
      m_codes[element] = intern(text);
      break;
    case GraphmlType::Boolean: {
      bool b = false;
      ok = parseBool(text, b);
      m_reals[element] = b ? 1 : 0;
      break;
    }
    case GraphmlType::Int:
    case GraphmlType::Long:
      ok = parseInteger(text, m_integers[element]);
      break;
    case GraphmlType::Float:
    case GraphmlType::Double:
      ok = parseReal(text, m_reals[element]);
      break;
  }
  if (ok) m_present[element] = true;
  return ok;
}

namespace {

constexpr std::size_t kNoColumn = static_cast<std::size_t>(-1);
constexpr std::size_t kNoNode = static_cast<std::size_t>(-1);
const std::string kLabel = "label";  // where yEd's label markup goes

std::size_t findColumn(const std::vector<GraphmlAttribute>& cols, std::string_view name) {
  for (std::size_t i = 0; i < cols.size(); ++i)
    if (cols[i].name() == name) return i;
  return kNoColumn;
}

bool isNumeric(GraphmlType t) { return t != GraphmlType::String; }

// The column type of two same-named numeric keys, as NetworkX writes them (one key per Python
// type of the values: long for ints, double for floats, boolean for bools): integers stay
// integers, anything with a real number becomes double.
GraphmlType widen(GraphmlType a, GraphmlType b) {
  if (a == b) return a;
  const bool real = a == GraphmlType::Float || a == GraphmlType::Double ||
                    b == GraphmlType::Float || b == GraphmlType::Double;
  return real ? GraphmlType::Double : GraphmlType::Long;
}

// Reads GraphML from XmlPull events in one pass over the text. Each <data> is parsed straight
// into its attribute's column; an edge's endpoints are looked up when the edge is read, or at the
// end when it names a node declared after it.
class Reader {
 public:
  Reader(std::string_view text, std::string file, const GraphmlReadOptions& options)
      : m_xml(text), m_doc(text), m_file(std::move(file)), m_options(options) {}

  GraphmlGraph run() {
    try {
      read();
    } catch (const XmlSyntaxError& e) {
      throw GraphmlError(m_file, e.line(), e.column(), "broken XML: " + e.reason());
    }
    return std::move(m_graph);
  }

 private:
  using Event = XmlPull::Event;

  // A declared key id and the column it fills in each domain (kNoColumn where it does not
  // apply), with the types it was declared with there: one usually; more when NetworkX's
  // named_key_ids gave several keys the same id.
  struct Domain {
    std::size_t column = kNoColumn;
    std::vector<GraphmlType> types;
  };
  struct KeySlot {
    std::string id, name, domain;
    Domain node, edge;
    bool yed = false;
  };
  // An edge whose endpoint was not yet declared when the edge was read.
  struct PendingEdge {
    std::size_t edge;
    std::string source, target;
  };

  struct Place {
    int line = 0, column = 0;
  };
  // The place of an offset, for messages and for each node and edge. Columns are counted from
  // the place asked before (offsets come in document order), so a file on one long line costs
  // no more than one with a line per element.
  Place placeOf(std::size_t offset) {
    offset = std::min(offset, m_doc.size());
    const int line = m_xml.lineAt(offset);
    if (offset < m_colOffset) {
      m_colOffset = offset;
      m_col = m_xml.columnAt(offset);
      return {line, m_col};
    }
    const char* base = m_doc.data();
    const void* nl = memrchrSafe(base + m_colOffset, offset - m_colOffset);
    std::size_t from = m_colOffset;
    int column = m_col;
    if (nl) {
      from = static_cast<std::size_t>(static_cast<const char*>(nl) - base) + 1;
      column = 1;
    }
    for (std::size_t i = from; i < offset; ++i)
      if ((static_cast<unsigned char>(base[i]) & 0xC0) != 0x80) ++column;
    m_colOffset = offset;
    m_col = column;
    return {line, column};
  }
  static const void* memrchrSafe(const char* p, std::size_t n) {
    return n == 0 ? nullptr : ::memrchr(p, '\n', n);
  }
  Place here() { return placeOf(m_xml.offset()); }

  [[noreturn]] void fail(Place at, const std::string& reason) const {
    throw GraphmlError(m_file, at.line, at.column, reason);
  }
  [[noreturn]] void failHere(const std::string& reason) { fail(here(), reason); }

  void warn(Place at, std::string message) {
    if (m_graph.warnings.size() >= kMaxGraphmlWarnings) {
      ++m_graph.warnings_dropped;
      return;
    }
    m_graph.warnings.push_back({at.line, at.column, std::move(message)});
  }

  std::string attr(std::string_view name, std::string_view fallback = {}) const {
    const std::string_view* v = m_xml.attribute(name);
    return std::string(v ? *v : fallback);
  }

  // The events of the current element's content up to its end tag; `onStart` sees each child
  // element (and must consume it), text is ignored.
  template <class OnStart>
  void children(OnStart&& onStart) {
    for (;;) {
      const Event ev = m_xml.next();
      if (ev == Event::EndElement) return;
      if (ev == Event::StartElement) onStart(m_xml.localName());
    }
  }

  void read() {
    Event ev = m_xml.next();
    while (ev == Event::Text) ev = m_xml.next();
    const Place root = here();
    if (m_xml.localName() != "graphml")
      fail(root, "the root element is <" + excerpt(m_xml.name()) +
                     ">; a GraphML file starts with <graphml>");
    bool graphSeen = false;
    children([&](std::string_view name) {
      if (name == "key") {
        readKey();
      } else if (name == "graph" && !graphSeen) {
        graphSeen = true;
        readGraph(true);
      } else {
        m_xml.skipElement();
      }
    });
    while (m_xml.next() != Event::EndDocument) {
    }
    if (!graphSeen) fail(root, "no <graph> element in the file");
    for (const PendingEdge& p : m_pending) {
      GraphmlEdge& e = m_graph.edges[p.edge];
      const Place at{e.line, e.column};
      e.source = findNode(p.source);
      if (e.source == kNoNode)
        fail(at, "edge source '" + excerpt(p.source) + "' is not a node of the graph");
      e.target = findNode(p.target);
      if (e.target == kNoNode)
        fail(at, "edge target '" + excerpt(p.target) + "' is not a node of the graph");
    }
    for (GraphmlAttribute& a : m_graph.node_attributes) a.resize(m_graph.nodes.size());
    for (GraphmlAttribute& a : m_graph.edge_attributes) a.resize(m_graph.edges.size());
    if (!m_graph.edge_ids.empty()) m_graph.edge_ids.resize(m_graph.edges.size());
    if (!m_groups.empty()) dissolveGroups();
  }

  void readKey() {
    const Place at = here();
    GraphmlKey key;
    key.id = attr("id");
    if (key.id.empty()) fail(at, "<key> without an id");
    key.domain = lower(attr("for", "all"));
    static constexpr std::string_view domains[] = {"node", "edge", "graph", "graphml",
                                                   "all",  "hyperedge", "port", "endpoint"};
    if (std::find(std::begin(domains), std::end(domains), key.domain) == std::end(domains))
      fail(at, "key '" + excerpt(key.id) + "' is for '" + excerpt(key.domain) +
                   "'; expected node, edge, graph or all");
    key.name = attr("attr.name", key.id);
    bool yed = false;
    if (const std::string_view* t = m_xml.attribute("attr.type")) {
      auto type = parseType(*t);
      if (!type)
        fail(at, "key '" + excerpt(key.id) + "' has attr.type '" + excerpt(*t) +
                     "'; expected boolean, int, long, float, double or string");
      key.type = *type;
    } else if (const std::string_view* y = m_xml.attribute("yfiles.type"); y && !y->empty()) {
      yed = true;
    }
    // One id declared more than once: NetworkX's named_key_ids gives the keys of one attribute
    // (its node and edge keys, or one per Python type) the attribute's name as id. Merged when
    // they name the same attribute; else refused, as the id could not say which is meant.
    KeySlot* slot = nullptr;
    for (KeySlot& s : m_slots)
      if (s.id == key.id) slot = &s;
    if (slot && (slot->name != key.name || slot->yed || yed))
      fail(at, "key '" + excerpt(key.id) + "' is declared twice, for attributes '" +
                   excerpt(slot->name) + "' and '" + excerpt(key.name) +
                   "'; expected each key id once (or for one attribute)");
    if (slot && !m_mergedWarned.contains(key.id)) {
      m_mergedWarned.insert(key.id);
      warn(at, "key '" + excerpt(key.id) +
                   "' is declared more than once (NetworkX's named_key_ids); its declarations "
                   "are read as one attribute '" + excerpt(key.name) + "'");
    }
    bool hasDefault = false;
    children([&](std::string_view name) {
      if (name != "default" || hasDefault) return m_xml.skipElement();
      hasDefault = true;
      const Place defAt = here();
      const std::string text = elementText();
      if (!parseValue(key.type, text, key.default_value))
        fail(defAt, "default '" + excerpt(text) + "' of key '" + excerpt(key.id) +
                        "' is not a valid " + typeName(key.type));
    });
    if (!slot) {
      m_slots.push_back(KeySlot{key.id, key.name, key.domain, {}, {}, yed});
      slot = &m_slots.back();
    } else if (slot->domain != key.domain) {
      slot->domain += "/" + key.domain;
    }
    for (const bool forNodes : {true, false}) {
      if (key.domain != (forNodes ? "node" : "edge") && key.domain != "all") continue;
      auto& cols = forNodes ? m_graph.node_attributes : m_graph.edge_attributes;
      const std::string& name = yed ? kLabel : key.name;
      const GraphmlType type = yed ? GraphmlType::String : key.type;
      std::size_t col = findColumn(cols, name);
      if (col == kNoColumn) {
        col = cols.size();
        cols.emplace_back(name, type);
      } else if (cols[col].type() != type) {
        // Same-named keys of different numeric types (NetworkX writes one per Python type):
        // one column of the wider type. A string and a number cannot share a column.
        if (!isNumeric(type) || !isNumeric(cols[col].type()))
          fail(at, "key '" + excerpt(key.id) + "' declares " + (forNodes ? "node" : "edge") +
                       " attribute '" + excerpt(name) + "' as " + typeName(type) +
                       ", but an earlier key declared it as " + typeName(cols[col].type()));
        const GraphmlType wide = widen(type, cols[col].type());
        if (wide != cols[col].type()) {
          GraphmlAttribute widened(name, wide);
          widened.setFill(cols[col].fill());
          cols[col] = std::move(widened);
        }
      }
      if (!yed && !std::holds_alternative<std::monostate>(key.default_value) &&
          std::holds_alternative<std::monostate>(cols[col].fill()))
        cols[col].setFill(key.default_value);
      Domain& d = forNodes ? slot->node : slot->edge;
      d.column = col;
      if (std::find(d.types.begin(), d.types.end(), type) == d.types.end()) d.types.push_back(type);
    }
    m_graph.keys.push_back(std::move(key));
  }

  // The text directly inside the current element (nested elements skipped), up to its end tag.
  std::string elementText() {
    std::string out;
    for (;;) {
      const Event ev = m_xml.next();
      if (ev == Event::EndElement) return out;
      if (ev == Event::StartElement) {
        m_xml.skipElement();
      } else {
        out.append(m_xml.text());
        if (out.size() > kMaxGraphmlValueBytes)
          failHere("a value of more than " + std::to_string(kMaxGraphmlValueBytes) +
                   " bytes; expected at most that much in one <default>");
      }
    }
  }

  // The top-level <graph>, or (with the groups option) one nested in a yEd group node.
  void readGraph(bool top) {
    const Place at = here();
    if (top) {
      const std::string_view* ed = m_xml.attribute("edgedefault");
      const std::string edgedefault(ed ? *ed : "directed");
      if (!iequals(edgedefault, "directed") && !iequals(edgedefault, "undirected"))
        fail(at, "edgedefault is '" + excerpt(edgedefault) + "'; expected directed or undirected");
      m_graph.directed = iequals(edgedefault, "directed");
      // The schema's default; igraph reads such a file as directed, NetworkX as undirected.
      if (!ed)
        warn(at, "<graph> has no edgedefault: read as directed, the GraphML default "
                 "(write edgedefault=\"undirected\" for an undirected network)");
    }
    children([&](std::string_view name) {
      if (xmlNameEquals(name, "edge")) {
        readEdge();
      } else if (xmlNameEquals(name, "node")) {
        readNode();
      } else if (name == "hyperedge") {
        warn(here(), "a <hyperedge> skipped: it joins more than two nodes, and Liaison analyses "
                     "links between two");
        m_xml.skipElement();
      } else {
        m_xml.skipElement();
      }
    });
  }

  void readNode() {
    const Place at = here();
    const std::string_view* idv = m_xml.attribute("id");
    if (!idv || idv->empty()) fail(at, "<node> without an id");
    const std::size_t index = m_graph.nodes.size();
    m_graph.nodes.push_back({std::string(*idv), at.line, at.column});
    const std::string& id = m_graph.nodes.back().id;
    if (m_dense && !extendsPattern(id, index)) {
      // The ids stop following "prefix + index": index them all by hash from here on.
      m_dense = false;
      m_nodeIndex.reserve(2 * index + 16);
      for (std::size_t i = 0; i < index; ++i) m_nodeIndex.emplace(m_graph.nodes[i].id, i);
    }
    if (!m_dense && !m_nodeIndex.emplace(id, index).second)
      fail(at, "node id '" + excerpt(id) + "' is used twice");
    if (!m_groupStack.empty()) {
      m_groupOf.resize(index + 1, kNoNode);
      m_groupOf[index] = m_groupStack.back();
    }
    readData(true, index);
  }

  // Node ids as igraph and NetworkX write them are a common prefix and the node's position
  // ("n0", "n1", ... or "0", "1", ...). While every id fits that pattern, an edge's endpoint is
  // found by reading its number, with no hashing.
  bool extendsPattern(std::string_view id, std::size_t index) {
    char digits[24];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, index);
    const std::string_view number(digits, static_cast<std::size_t>(end - digits));
    if (id.size() < number.size() || id.substr(id.size() - number.size()) != number) return false;
    const std::string_view prefix = id.substr(0, id.size() - number.size());
    if (index == 0) {
      m_prefix = prefix;
      return true;
    }
    return prefix == m_prefix;
  }

  std::size_t findNode(std::string_view id) const {
    if (!m_dense) {
      auto it = m_nodeIndex.find(std::string(id));
      return it == m_nodeIndex.end() ? kNoNode : it->second;
    }
    if (id.size() <= m_prefix.size() || id.substr(0, m_prefix.size()) != m_prefix) return kNoNode;
    const std::string_view number = id.substr(m_prefix.size());
    if (number.size() > 1 && number[0] == '0') return kNoNode;  // "n01" is not "n1"
    std::size_t index = 0;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), index);
    if (ec != std::errc() || end != number.data() + number.size()) return kNoNode;
    return index < m_graph.nodes.size() ? index : kNoNode;
  }

  void readEdge() {
    GraphmlEdge e;
    const Place at = here();
    e.line = at.line;
    e.column = at.column;
    e.directed = m_graph.directed;
    std::string_view s, t, id;
    for (const XmlAttribute& a : m_xml.attributes()) {
      if (xmlNameEquals(a.name, "source")) {
        s = a.value;
      } else if (xmlNameEquals(a.name, "target")) {
        t = a.value;
      } else if (xmlNameEquals(a.name, "id")) {
        id = a.value;
      } else if (xmlNameEquals(a.name, "directed")) {
        if (!iequals(a.value, "true") && !iequals(a.value, "false"))
          fail(at, "edge attribute directed='" + excerpt(a.value) + "'; expected true or false");
        e.directed = iequals(a.value, "true");
      }
    }
    if (s.empty() || t.empty()) fail(at, "<edge> needs both a source and a target");
    e.source = findNode(s);
    e.target = findNode(t);
    const std::size_t index = m_graph.edges.size();
    if (index == 0) m_firstEdge = m_xml.offset();
    if (index == kSampleEdges) reserveEdges();
    if (e.source == kNoNode || e.target == kNoNode)
      m_pending.push_back({index, std::string(s), std::string(t)});
    m_graph.edges.push_back(e);
    if (!id.empty()) m_graph.setEdgeId(index, std::string(id));
    readData(false, index);
  }

  // Edges usually fill most of the file, each written alike: after the first few, the bytes
  // left tell how many edges are coming. Reserving for them saves growing (and page-faulting)
  // the edge list and every edge column several times over.
  static constexpr std::size_t kSampleEdges = 64;
  void reserveEdges() {
    const std::size_t used = m_xml.offset() - m_firstEdge;
    if (used == 0) return;
    const double perEdge = static_cast<double>(used) / kSampleEdges;
    const double left = static_cast<double>(m_doc.size() - m_xml.offset());
    const auto estimate = static_cast<std::size_t>(kSampleEdges + 1.05 * left / perEdge + 16);
    m_graph.edges.reserve(estimate);
    for (GraphmlAttribute& a : m_graph.edge_attributes) a.reserve(estimate);
  }

  std::size_t findKey(std::string_view id) {
    // <data> usually follows the key order, so try the key after the last one found first.
    const std::size_t n = m_slots.size();
    for (std::size_t step = 0; step < n; ++step) {
      std::size_t i = m_hint + step;
      if (i >= n) i -= n;
      if (xmlNameEquals(m_slots[i].id, id)) {
        m_hint = i + 1 == n ? 0 : i + 1;
        return i;
      }
    }
    return kNoColumn;
  }

  bool inDocument(std::string_view v) const {
    return v.data() >= m_doc.data() && v.data() + v.size() <= m_doc.data() + m_doc.size();
  }

  // The children of a <node> or <edge>: its <data>, parsed into the columns; in a node, a
  // nested <graph> (a yEd group) and <port>s.
  void readData(bool forNode, std::size_t element) {
    children([&](std::string_view name) {
      if (!xmlNameEquals(name, "data")) {
        if (forNode && xmlNameEquals(name, "graph")) return readGroup(element);
        if (forNode && name == "port")
          warn(here(), "a <port> of node '" + excerpt(m_graph.nodes[element].id) +
                           "' skipped: edges are read between nodes, whatever port they name");
        return m_xml.skipElement();
      }
      // The place only when it is needed (a <data> is the most frequent element).
      const std::size_t dataOffset = m_xml.offset();
      const auto at = [&] { return placeOf(dataOffset); };
      const std::string_view* keyId = m_xml.attribute("key");
      const std::string_view id = keyId ? *keyId : std::string_view();
      const std::size_t k = findKey(id);
      if (k == kNoColumn)
        fail(at(), "<data> refers to unknown key '" + excerpt(id) + "'; declare it with <key id=\"" +
                     excerpt(id) + "\" ...> first");
      const KeySlot& slot = m_slots[k];
      const Domain& domain = forNode ? slot.node : slot.edge;
      if (domain.column == kNoColumn)
        fail(at(), "key '" + excerpt(slot.id) + "' is declared for " + slot.domain +
                     " but used on a " + (forNode ? "node" : "edge"));
      auto& column = (forNode ? m_graph.node_attributes : m_graph.edge_attributes)[domain.column];
      if (slot.yed) {
        std::string label = yedLabel();
        if (!label.empty()) column.set(element, label);
        return;
      }
      // Usually text only: parse it where it lies; else gather the text pieces.
      std::string_view text;
      m_value.clear();
      bool gathered = false;
      if (!m_xml.simpleContent(text)) for (;;) {
        const Event ev = m_xml.next();
        if (ev == Event::EndElement) break;
        if (ev == Event::StartElement) {
          m_xml.skipElement();
          continue;
        }
        if (!gathered && text.empty() && inDocument(m_xml.text())) {
          text = m_xml.text();
          continue;
        }
        if (!gathered) {
          m_value.assign(text);
          gathered = true;
        }
        m_value.append(m_xml.text());
        if (m_value.size() > kMaxGraphmlValueBytes) break;
      }
      if (gathered) text = m_value;
      if (text.size() > kMaxGraphmlValueBytes)
        fail(at(), "the value of attribute '" + excerpt(slot.name) + "' is " +
                     std::to_string(text.size()) + " bytes long; expected at most " +
                     std::to_string(kMaxGraphmlValueBytes) + " bytes");
      if (domain.types.size() == 1 && domain.types[0] == column.type()) {
        if (!column.parse(element, text)) invalidValue(at(), slot, domain, text);
        return;
      }
      // A merged attribute: the text is read as the type of a key that takes it.
      GraphmlValue value;
      for (const GraphmlType type : domain.types)
        if (parseValue(type, text, value)) {
          column.set(element, value);
          return;
        }
      invalidValue(at(), slot, domain, text);
    });
  }

  [[noreturn]] void invalidValue(Place at, const KeySlot& slot, const Domain& domain,
                                 std::string_view text) const {
    std::string types;
    for (std::size_t i = 0; i < domain.types.size(); ++i)
      types += std::string(i == 0 ? "" : " or ") + typeName(domain.types[i]);
    fail(at, "value '" + excerpt(text) + "' of attribute '" + excerpt(slot.name) +
                 "' is not a valid " + types);
  }

  // A <graph> inside a <node>: a yEd group (or any nested graph). With the groups option its
  // nodes join the one graph, each remembering its group; without, refused with the hint.
  void readGroup(std::size_t group) {
    if (!m_options.groups)
      failHere("a nested <graph> inside node '" + excerpt(m_graph.nodes[group].id) +
               "' (a yEd group node); read groups as agencies with the groups option (liaison "
               "analyze --groups), or ungroup them in yEd");
    if (m_groups.empty() || m_groups.back() != group) m_groups.push_back(group);
    m_groupStack.push_back(group);
    readGraph(false);
    m_groupStack.pop_back();
  }

  // With the groups option, at the end: every node of a group gets the group's name as its
  // "agency" (when it has none), the group nodes leave the graph, and edges to them are skipped.
  void dissolveGroups() {
    const std::size_t n = m_graph.nodes.size();
    m_groupOf.resize(n, kNoNode);
    std::vector<bool> isGroup(n, false);
    for (std::size_t g : m_groups) isGroup[g] = true;
    std::vector<std::string> agency(n);
    for (std::size_t i = 0; i < n; ++i)
      if (m_groupOf[i] != kNoNode) agency[i] = m_graph.displayName(m_groupOf[i]);
    std::vector<std::size_t> keptEdges;
    for (std::size_t e = 0; e < m_graph.edges.size(); ++e) {
      const GraphmlEdge& edge = m_graph.edges[e];
      if (!isGroup[edge.source] && !isGroup[edge.target]) {
        keptEdges.push_back(e);
        continue;
      }
      const std::size_t g = isGroup[edge.source] ? edge.source : edge.target;
      warn({edge.line, edge.column},
           "an edge to group '" + excerpt(m_graph.displayName(g)) +
               "' skipped: with groups read as agencies, a group is no node of the network");
    }
    std::vector<std::size_t> newIndex(n, kNoNode);
    GraphmlGraph out;
    out.directed = m_graph.directed;
    out.keys = std::move(m_graph.keys);
    out.warnings = std::move(m_graph.warnings);
    out.warnings_dropped = m_graph.warnings_dropped;
    for (std::size_t i = 0; i < n; ++i)
      if (!isGroup[i]) {
        newIndex[i] = out.nodes.size();
        out.nodes.push_back(m_graph.nodes[i]);
      }
    for (std::size_t e : keptEdges) {
      GraphmlEdge edge = m_graph.edges[e];
      edge.source = newIndex[edge.source];
      edge.target = newIndex[edge.target];
      out.edges.push_back(edge);
    }
    const auto keep = [](const std::vector<GraphmlAttribute>& cols, const std::vector<std::size_t>& from) {
      std::vector<GraphmlAttribute> result;
      for (const GraphmlAttribute& c : cols) {
        GraphmlAttribute copy(c.name(), c.type());
        copy.setFill(c.fill());
        copy.resize(from.size());
        for (std::size_t i = 0; i < from.size(); ++i) copy.set(i, c.value(from[i]));
        result.push_back(std::move(copy));
      }
      return result;
    };
    std::vector<std::size_t> keptNodes;
    for (std::size_t i = 0; i < n; ++i)
      if (!isGroup[i]) keptNodes.push_back(i);
    out.node_attributes = keep(m_graph.node_attributes, keptNodes);
    out.edge_attributes = keep(m_graph.edge_attributes, keptEdges);
    if (!m_graph.edge_ids.empty())
      for (std::size_t k = 0; k < keptEdges.size(); ++k)
        if (const std::string_view id = m_graph.edgeId(keptEdges[k]); !id.empty())
          out.setEdgeId(k, std::string(id));
    if (!out.edge_ids.empty()) out.edge_ids.resize(out.edges.size());
    for (std::size_t k = 0; k < keptNodes.size(); ++k) {
      const std::string& a = agency[keptNodes[k]];
      if (a.empty()) continue;
      const GraphmlAttribute* existing = out.nodeAttribute("agency");
      if (existing && existing->has(k) && existing->type() == GraphmlType::String &&
          !existing->text(k)->empty())
        continue;
      out.setNodeValue(k, "agency", a);
    }
    for (GraphmlAttribute& c : out.node_attributes) c.resize(out.nodes.size());
    m_graph = std::move(out);
  }

  // yEd keeps a label as markup inside <data>: the text of the first y:NodeLabel or y:EdgeLabel.
  std::string yedLabel() {
    const std::size_t dataDepth = m_xml.depth();
    std::size_t labelDepth = 0;
    bool done = false;
    std::string label;
    for (;;) {
      const Event ev = m_xml.next();
      if (ev == Event::EndElement) {
        if (m_xml.depth() < dataDepth) break;
        if (labelDepth && m_xml.depth() < labelDepth) {
          labelDepth = 0;
          done = true;
        }
      } else if (ev == Event::StartElement) {
        const std::string_view n = m_xml.localName();
        if (!done && !labelDepth && (n == "NodeLabel" || n == "EdgeLabel"))
          labelDepth = m_xml.depth();
      } else if (ev == Event::Text && labelDepth && m_xml.depth() == labelDepth &&
                 label.size() < kMaxGraphmlValueBytes) {
        label.append(m_xml.text());
      }
    }
    return std::string(trimmed(label));
  }

  XmlPull m_xml;
  std::string_view m_doc;
  std::string m_file;
  GraphmlReadOptions m_options;
  GraphmlGraph m_graph;
  std::vector<KeySlot> m_slots;  // one per key id
  std::set<std::string> m_mergedWarned;
  std::size_t m_hint = 0;
  bool m_dense = true;  // every node id so far is m_prefix + its index
  std::string m_prefix;
  std::unordered_map<std::string, std::size_t> m_nodeIndex;  // once not dense
  std::vector<PendingEdge> m_pending;
  std::string m_value;
  std::size_t m_firstEdge = 0;  // where the first <edge> starts
  std::size_t m_colOffset = 0;  // placeOf: the offset asked last and its column
  int m_col = 1;
  // Groups option: group nodes in file order, the groups open now, each node's group.
  std::vector<std::size_t> m_groups, m_groupStack, m_groupOf;
};

GraphmlType typeOf(const GraphmlValue& v) {
  if (std::holds_alternative<bool>(v)) return GraphmlType::Boolean;
  if (std::holds_alternative<std::int64_t>(v)) return GraphmlType::Long;
  if (std::holds_alternative<double>(v)) return GraphmlType::Double;
  return GraphmlType::String;
}

GraphmlValue valueIn(const std::vector<GraphmlAttribute>& cols, std::size_t element,
                     std::string_view name) {
  const std::size_t c = findColumn(cols, name);
  return c == kNoColumn ? GraphmlValue{} : cols[c].value(element);
}

void setIn(std::vector<GraphmlAttribute>& cols, std::size_t element, std::string_view name,
           const GraphmlValue& value) {
  std::size_t c = findColumn(cols, name);
  if (c == kNoColumn) {
    c = cols.size();
    cols.emplace_back(std::string(name), typeOf(value));
  }
  cols[c].set(element, value);
}

}  // namespace

GraphmlValue GraphmlGraph::nodeValue(std::size_t node, std::string_view name) const {
  return valueIn(node_attributes, node, name);
}

GraphmlValue GraphmlGraph::edgeValue(std::size_t edge, std::string_view name) const {
  return valueIn(edge_attributes, edge, name);
}

void GraphmlGraph::setNodeValue(std::size_t node, std::string_view name, GraphmlValue value) {
  setIn(node_attributes, node, name, value);
}

void GraphmlGraph::setEdgeValue(std::size_t edge, std::string_view name, GraphmlValue value) {
  setIn(edge_attributes, edge, name, value);
}

void GraphmlGraph::setEdgeId(std::size_t edge, std::string id) {
  if (edge_ids.size() <= edge) edge_ids.resize(std::max(edge + 1, edges.size()));
  edge_ids[edge] = std::move(id);
}

std::string GraphmlGraph::displayName(std::size_t node) const {
  const GraphmlNode& n = nodes.at(node);
  for (const char* attr : {"name", "label", "vertex.names"}) {
    const GraphmlAttribute* a = nodeAttribute(attr);
    if (const std::string* s = a ? a->text(node) : nullptr; s && !s->empty()) return *s;
  }
  return n.id;
}

const GraphmlAttribute* GraphmlGraph::nodeAttribute(std::string_view name) const {
  const std::size_t c = findColumn(node_attributes, name);
  return c == kNoColumn ? nullptr : &node_attributes[c];
}

const GraphmlAttribute* GraphmlGraph::edgeAttribute(std::string_view name) const {
  const std::size_t c = findColumn(edge_attributes, name);
  return c == kNoColumn ? nullptr : &edge_attributes[c];
}

std::optional<double> GraphmlGraph::edgeNumber(std::size_t edge, std::string_view name) const {
  const GraphmlAttribute* a = edgeAttribute(name);
  return a ? a->number(edge) : std::nullopt;
}

bool GraphmlGraph::hasEdgeAttribute(std::string_view name) const {
  return findColumn(edge_attributes, name) != kNoColumn;
}

namespace {

// UTF-16 to UTF-8, from byte `from` (past a byte order mark). A broken surrogate pair is
// refused where it is (the place in the converted text: the same line and column).
std::string utf16ToUtf8(std::string_view raw, bool bigEndian, std::size_t from,
                        const std::string& file) {
  std::string out;
  out.reserve(raw.size() / 2);
  auto unit = [&](std::size_t i) {
    const auto a = static_cast<unsigned char>(raw[i]), b = static_cast<unsigned char>(raw[i + 1]);
    return bigEndian ? static_cast<unsigned>(a << 8 | b) : static_cast<unsigned>(b << 8 | a);
  };
  const auto broken = [&](const std::string& what) {
    const LineColumn at = lineColumnAt(out, out.size());
    throw GraphmlError(file, at.line, at.column, "broken UTF-16: " + what);
  };
  std::size_t i = from;
  for (; i + 1 < raw.size(); i += 2) {
    unsigned long cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      const unsigned low = i + 3 < raw.size() ? unit(i + 2) : 0;
      if (low < 0xDC00 || low > 0xDFFF) broken("a high surrogate without its low half");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      broken("a low surrogate without its high half");
    }
    appendUtf8(out, cp);
  }
  if (i < raw.size()) broken("the file ends in the middle of a character (an odd number of bytes)");
  return out;
}

// windows-1252's 0x80..0x9F (the rest is ISO-8859-1); the five unassigned bytes map to the C1
// controls of the same value, as browsers read them.
constexpr unsigned kCp1252[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

// The text as UTF-8: UTF-8 and ASCII as they are; UTF-16 converted, known by its byte order
// mark or, without one, by the "<?xml" (or "<") its first two bytes spell; ISO-8859-1 and
// windows-1252 converted as the XML declaration says; any other declared encoding refused.
std::string_view asUtf8(std::string_view raw, std::string& storage, const std::string& file) {
  if (raw.size() >= 2 && (raw.substr(0, 2) == "\xFF\xFE" || raw.substr(0, 2) == "\xFE\xFF")) {
    storage = utf16ToUtf8(raw, raw[0] == '\xFE', 2, file);
    return storage;
  }
  if (raw.size() >= 2 && raw[0] == '<' && raw[1] == '\0') {  // "<\0?\0x\0m\0l\0": UTF-16LE
    storage = utf16ToUtf8(raw, false, 0, file);
    return storage;
  }
  if (raw.size() >= 2 && raw[0] == '\0' && raw[1] == '<') {  // "\0<\0?\0x\0m\0l": UTF-16BE
    storage = utf16ToUtf8(raw, true, 0, file);
    return storage;
  }
  if (raw.substr(0, 5) != "<?xml") return raw;
  const std::string_view decl = raw.substr(0, raw.find("?>"));
  const std::size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return raw;
  const std::size_t q = decl.find_first_of("\"'", at);
  if (q == std::string_view::npos) return raw;
  const std::size_t qe = decl.find(decl[q], q + 1);
  const std::string enc = lower(decl.substr(q + 1, qe == std::string_view::npos ? 0 : qe - q - 1));
  const LineColumn place = lineColumnAt(raw, q + 1);
  if (enc == "utf-8" || enc == "utf8" || enc == "us-ascii" || enc == "ascii") return raw;
  const bool latin1 = enc == "iso-8859-1" || enc == "latin1" || enc == "latin-1" ||
                      enc == "iso8859-1" || enc == "iso_8859-1";
  const bool cp1252 = enc == "windows-1252" || enc == "cp1252" || enc == "x-cp1252";
  if (latin1 || cp1252) {
    storage.clear();
    storage.reserve(raw.size() + raw.size() / 8);
    for (const char c : raw) {
      const auto u = static_cast<unsigned char>(c);
      if (u < 0x80)
        storage.push_back(c);
      else
        appendUtf8(storage, cp1252 && u < 0xA0 ? kCp1252[u - 0x80] : u);
    }
    return storage;
  }
  if (enc == "utf-16" || enc == "utf16" || enc == "utf-16le" || enc == "utf-16be")
    throw GraphmlError(file, place.line, place.column,
                       "the file declares encoding '" + excerpt(enc) +
                           "' but is not UTF-16 (its declaration is 8-bit text); save it as "
                           "UTF-8, or as UTF-16");
  throw GraphmlError(file, place.line, place.column,
                     "the file declares encoding '" + excerpt(enc) +
                         "'; Liaison reads UTF-8, UTF-16, ISO-8859-1 and windows-1252 (save it "
                         "as UTF-8)");
}

}  // namespace

GraphmlGraph parseGraphml(std::string_view text, const std::string& file_label,
                          const GraphmlReadOptions& options) {
  std::string converted;
  return Reader(asUtf8(text, converted, file_label), file_label, options).run();
}

GraphmlGraph readGraphml(const std::filesystem::path& path, const GraphmlReadOptions& options) {
  std::optional<MappedFile> bytes;
  try {
    bytes.emplace(path, "expected a GraphML file", kMaxGraphmlBytes);
  } catch (const std::runtime_error& e) {
    throw GraphmlError(path.string(), 0, 0, e.what());
  }
  return parseGraphml(bytes->view(), path.string(), options);
}

std::string xmlLegal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    const std::size_t len = utf8SequenceLength(text, i);
    bool legal = len > 0;
    if (len == 1) legal = b >= 0x20 || b == '\t' || b == '\n' || b == '\r';
    // U+FFFE and U+FFFF: EF BF BE, EF BF BF.
    if (len == 3 && b == 0xEF && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
        static_cast<unsigned char>(text[i + 2]) >= 0xBE)
      legal = false;
    if (legal)
      out.append(text.substr(i, len));
    else
      out.append("\xEF\xBF\xBD");  // U+FFFD
    i += len == 0 ? 1 : len;
  }
  return out;
}

void writeGraphml(std::ostream& out, const GraphmlGraph& graph) {
  // One key per attribute column that holds at least one value.
  struct KeyOut {
    std::string id;
    const GraphmlAttribute* column;
  };
  std::vector<KeyOut> nodeKeys, edgeKeys;
  std::size_t next = 0;
  auto declare = [&](const std::vector<GraphmlAttribute>& cols, std::vector<KeyOut>& keys) {
    for (const GraphmlAttribute& c : cols) {
      bool any = false;
      for (std::size_t i = 0; i < c.size() && !any; ++i) any = c.has(i);
      if (!any) continue;
      // Not "d" + to_string(): GCC 12 at -O2 raises a false -Wrestrict on that expression.
      std::string id = std::to_string(next++);
      id.insert(0, 1, 'd');
      keys.push_back({std::move(id), &c});
    }
  };
  declare(graph.node_attributes, nodeKeys);
  declare(graph.edge_attributes, edgeKeys);

  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto root = doc.append_child("graphml");
  root.append_attribute("xmlns") = "http://graphml.graphdrawing.org/xmlns";
  root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
  root.append_attribute("xsi:schemaLocation") =
      "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";
  auto declareKeys = [&](const std::vector<KeyOut>& keys, const char* domain) {
    for (const auto& k : keys) {
      auto key = root.append_child("key");
      key.append_attribute("id") = k.id.c_str();
      key.append_attribute("for") = domain;
      key.append_attribute("attr.name") = xmlLegal(k.column->name()).c_str();
      const GraphmlType t = k.column->type();
      key.append_attribute("attr.type") = t == GraphmlType::Boolean ? "boolean"
                                          : (t == GraphmlType::Int || t == GraphmlType::Long)
                                              ? "long"
                                          : (t == GraphmlType::Float || t == GraphmlType::Double)
                                              ? "double"
                                              : "string";
    }
  };
  declareKeys(nodeKeys, "node");
  declareKeys(edgeKeys, "edge");
  auto g = root.append_child("graph");
  g.append_attribute("id") = "G";
  g.append_attribute("edgedefault") = graph.directed ? "directed" : "undirected";
  auto writeData = [&](pugi::xml_node owner, const std::vector<KeyOut>& keys, std::size_t i) {
    for (const auto& k : keys) {
      if (!k.column->has(i)) continue;
      auto data = owner.append_child("data");
      data.append_attribute("key") = k.id.c_str();
      data.text().set(xmlLegal(valueText(k.column->value(i))).c_str());
    }
  };
  for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
    auto node = g.append_child("node");
    node.append_attribute("id") = xmlLegal(graph.nodes[i].id).c_str();
    writeData(node, nodeKeys, i);
  }
  for (std::size_t i = 0; i < graph.edges.size(); ++i) {
    const GraphmlEdge& e = graph.edges[i];
    auto edge = g.append_child("edge");
    if (const std::string_view id = graph.edgeId(i); !id.empty())
      edge.append_attribute("id") = xmlLegal(id).c_str();
    edge.append_attribute("source") = xmlLegal(graph.nodes.at(e.source).id).c_str();
    edge.append_attribute("target") = xmlLegal(graph.nodes.at(e.target).id).c_str();
    if (e.directed != graph.directed)
      edge.append_attribute("directed") = e.directed ? "true" : "false";
    writeData(edge, edgeKeys, i);
  }
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
}

}  // namespace liaison::core
