// A GraphML reader and writer for networks as other programs write them (igraph, NetworkX,
// R, Gephi, yEd): typed <key>s (boolean, int, long, float, double, string) with defaults,
// edgedefault directed or undirected, per-edge "directed" overrides, NaN and infinities in
// numeric attributes. Malformed input is refused with the line number and the reason.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace liaison::core {

class GraphmlError : public std::runtime_error {
 public:
  GraphmlError(std::string file, int line, const std::string& reason);
  const std::string& file() const { return m_file; }
  int line() const { return m_line; }  // 1-based; 0 when the whole file is at fault
  const std::string& reason() const { return m_reason; }

 private:
  std::string m_file;
  int m_line;
  std::string m_reason;
};

enum class GraphmlType { Boolean, Int, Long, Float, Double, String };

using GraphmlValue = std::variant<std::monostate, bool, std::int64_t, double, std::string>;

struct GraphmlKey {
  std::string id;       // the key's id attribute, as <data key="..."> refers to it
  std::string domain;   // "node", "edge", "graph" or "all"
  std::string name;     // attr.name (falls back to the id)
  GraphmlType type = GraphmlType::String;
  GraphmlValue default_value;  // monostate when there is no <default>
};

struct GraphmlNode {
  std::string id;
  std::map<std::string, GraphmlValue> attrs;  // by attribute name
  int line = 0;
};

struct GraphmlEdge {
  std::string id;  // may be empty
  std::size_t source = 0, target = 0;  // indices into GraphmlGraph::nodes
  bool directed = false;
  std::map<std::string, GraphmlValue> attrs;
  int line = 0;
};

struct GraphmlGraph {
  bool directed = false;  // edgedefault
  std::vector<GraphmlKey> keys;
  std::vector<GraphmlNode> nodes;
  std::vector<GraphmlEdge> edges;

  // The node's display name: its "name", "label" or "vertex.names" attribute when present and a
  // non-empty string, else its id.
  std::string displayName(std::size_t node) const;
  // A numeric attribute of an edge (bool/int/double), or nullopt when absent or not numeric.
  std::optional<double> edgeNumber(std::size_t edge, const std::string& name) const;
  bool hasEdgeAttribute(const std::string& name) const;
};

GraphmlGraph readGraphml(const std::filesystem::path& path);
GraphmlGraph parseGraphml(const std::string& text, const std::string& file_label);

// Writes a graph with the given node and edge attributes; keys are declared from the values
// (bool -> boolean, int64 -> long, double -> double, string -> string).
void writeGraphml(std::ostream& out, const GraphmlGraph& graph);

}  // namespace liaison::core
