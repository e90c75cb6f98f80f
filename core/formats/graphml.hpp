// A GraphML reader and writer for networks as other programs write them (igraph, NetworkX,
// R, Gephi, yEd): typed <key>s (boolean, int, long, float, double, string) with defaults,
// edgedefault directed or undirected, per-edge "directed" overrides, NaN and infinities in
// numeric attributes. Same-named keys of different numeric types (NetworkX writes one per
// Python type) are merged into one column; yEd group nodes are read as groups on request;
// hyperedges and ports are skipped with a warning. Malformed input is refused with the line,
// the column and the reason.
//
// Attributes are stored by column: one GraphmlAttribute per (domain, attribute name), holding
// one value per node (or edge). Reading a 5,000-node file therefore allocates a handful of
// vectors rather than a map per element. The reader is a single pass of XmlPull events over the
// mapped file (see xml_pull.hpp); the text may be UTF-8, UTF-16 (with a byte order mark, or
// recognised by its "<?xml" without one), or ISO-8859-1 or windows-1252 as declared.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

namespace liaison::core {

// "file:line:column: reason" ("file: reason" when the whole file is at fault).
class GraphmlError : public std::runtime_error {
 public:
  GraphmlError(std::string file, int line, int column, const std::string& reason);
  const std::string& file() const { return m_file; }
  int line() const { return m_line; }      // 1-based; 0 when the whole file is at fault
  int column() const { return m_column; }  // 1-based, in characters; 0 with line 0
  const std::string& reason() const { return m_reason; }

 private:
  std::string m_file;
  int m_line, m_column;
  std::string m_reason;
};

// Something read with a remark: skipped (a hyperedge, a port) or assumed (no edgedefault).
struct GraphmlWarning {
  int line = 0, column = 0;  // 0 when it concerns the whole file
  std::string message;
};

struct GraphmlReadOptions {
  // yEd group nodes (a <node> holding a nested <graph>): false refuses them with a hint; true
  // reads every nested node into the one graph with its innermost group's label (else id) as
  // its "agency" attribute (when it has none), and drops the group nodes themselves (edges to a
  // group are skipped with a warning). The CLI's --groups.
  bool groups = false;
};

// Limits (docs/scenario-format.md, "Files and limits"), besides XmlPull's.
inline constexpr std::size_t kMaxGraphmlValueBytes = 1 << 20;  // one <data> or <default> value
inline constexpr std::size_t kMaxGraphmlWarnings = 100;        // kept; the rest only counted

enum class GraphmlType { Boolean, Int, Long, Float, Double, String };

// monostate: no value (no <data> and no <default>).
using GraphmlValue = std::variant<std::monostate, bool, std::int64_t, double, std::string>;

struct GraphmlKey {
  std::string id;       // the key's id attribute, as <data key="..."> refers to it
  std::string domain;   // "node", "edge", "graph" or "all"
  std::string name;     // attr.name (falls back to the id)
  GraphmlType type = GraphmlType::String;
  GraphmlValue default_value;  // monostate when there is no <default>
};

// A bool, integer or double value as a number (NaN included); nullopt for strings and no value.
std::optional<double> graphmlNumber(const GraphmlValue& value);

// One attribute over the nodes (or the edges) of a graph: one slot per element, stored by type
// (doubles for boolean, float and double; 64-bit integers for int and long; strings), so that a
// column of 20,000 latencies is 160 KB rather than 20,000 variants.
class GraphmlAttribute {
 public:
  GraphmlAttribute(std::string name, GraphmlType type);

  const std::string& name() const { return m_name; }
  GraphmlType type() const { return m_type; }
  std::size_t size() const { return m_present.size(); }

  bool has(std::size_t element) const { return element < size() && m_present[element]; }
  GraphmlValue value(std::size_t element) const;  // monostate when the element has none
  std::optional<double> number(std::size_t element) const;  // graphmlNumber(value(element))
  const std::string* text(std::size_t element) const;  // a string attribute's value, or nullptr

  // The value of elements given none (a key's <default>); monostate for none.
  void setFill(const GraphmlValue& fill);
  const GraphmlValue& fill() const { return m_fill; }
  // Sets one element's value, growing the column with the fill value. A value of another kind
  // is converted to the attribute's type (a number to text, a bool or integer to a number);
  // monostate clears the slot.
  void set(std::size_t element, const GraphmlValue& value);
  // Parses text as the attribute's type into one element; false when the text is not valid.
  bool parse(std::size_t element, std::string_view text);
  // Exactly `count` slots: cut, or filled with the fill value.
  void resize(std::size_t count);
  // Room for `count` slots without reallocating (the column still grows past it if needed).
  void reserve(std::size_t count);

 private:
  void reach(std::size_t element);  // makes the slot exist (grows geometrically)
  template <class F>
  void onStorage(F&& f);  // f(the vector that holds this type's values)
  void fillSlots(std::size_t from, std::size_t to);

  std::string m_name;
  GraphmlType m_type;
  GraphmlValue m_fill;
  std::vector<double> m_reals;           // Boolean (0/1), Float, Double
  std::vector<std::int64_t> m_integers;  // Int, Long
  // String: each element holds a code into m_dict, so a column of a few repeated values
  // ("intra", "liaison") costs four bytes an element. m_lookup finds a text's code.
  std::vector<std::uint32_t> m_codes;
  std::vector<std::string> m_dict;
  std::unordered_map<std::string, std::uint32_t> m_lookup;
  std::uint32_t m_lastCode = 0;  // the code last interned: runs of one value skip the hash
  std::uint32_t intern(std::string_view text);
  std::vector<bool> m_present;
};

struct GraphmlNode {
  std::string id;
  int line = 0;  // where the element starts in the file read; 0 for a graph built in memory
  int column = 0;
};

struct GraphmlEdge {
  std::size_t source = 0, target = 0;  // indices into GraphmlGraph::nodes
  int line = 0;  // where the element starts in the file read; 0 for a graph built in memory
  bool directed = false;
  int column = 0;  // with line, in characters
};

struct GraphmlGraph {
  bool directed = false;  // edgedefault
  std::vector<GraphmlKey> keys;  // as declared in the file (empty for a graph built in memory)
  std::vector<GraphmlNode> nodes;
  std::vector<GraphmlEdge> edges;
  std::vector<GraphmlAttribute> node_attributes, edge_attributes;
  // Edge ids, when any edge has one (most files give none): one per edge, "" where absent.
  std::vector<std::string> edge_ids;
  // What the reader skipped or assumed, in file order (at most kMaxGraphmlWarnings), and how
  // many more there were.
  std::vector<GraphmlWarning> warnings;
  std::size_t warnings_dropped = 0;

  std::string_view edgeId(std::size_t edge) const {
    return edge < edge_ids.size() ? std::string_view(edge_ids[edge]) : std::string_view();
  }
  void setEdgeId(std::size_t edge, std::string id);

  // An attribute by name; nullptr when the graph has none of that name. Look it up once and
  // index it per element when reading many elements.
  const GraphmlAttribute* nodeAttribute(std::string_view name) const;
  const GraphmlAttribute* edgeAttribute(std::string_view name) const;
  // The value of a node's (edge's) attribute; monostate when the graph has no such attribute
  // or the element has no value.
  GraphmlValue nodeValue(std::size_t node, std::string_view name) const;
  GraphmlValue edgeValue(std::size_t edge, std::string_view name) const;
  // Sets a value, adding the attribute (typed from the value) when it is new.
  void setNodeValue(std::size_t node, std::string_view name, GraphmlValue value);
  void setEdgeValue(std::size_t edge, std::string_view name, GraphmlValue value);

  // The node's display name: its "name", "label" or "vertex.names" attribute when present and a
  // non-empty string, else its id.
  std::string displayName(std::size_t node) const;
  // A numeric attribute of an edge (bool/int/double, NaN included), or nullopt when absent or
  // not numeric.
  std::optional<double> edgeNumber(std::size_t edge, std::string_view name) const;
  bool hasEdgeAttribute(std::string_view name) const;
};

// Reads a GraphML file: a regular file of at most kMaxGraphmlBytes (input_file.hpp).
GraphmlGraph readGraphml(const std::filesystem::path& path, const GraphmlReadOptions& options = {});
// Parses GraphML text; file_label names the input in error messages.
GraphmlGraph parseGraphml(std::string_view text, const std::string& file_label,
                          const GraphmlReadOptions& options = {});

// Writes a graph with its node and edge attributes; keys are declared from the attributes'
// types (boolean, long for int/long, double for float/double, string). Text that XML 1.0
// cannot hold (control characters other than tab and line breaks, U+FFFE, U+FFFF, invalid
// UTF-8) is written as U+FFFD, never as a character reference other readers refuse.
void writeGraphml(std::ostream& out, const GraphmlGraph& graph);

// The text with every character XML 1.0 cannot hold replaced by U+FFFD (see writeGraphml).
std::string xmlLegal(std::string_view text);

}  // namespace liaison::core
