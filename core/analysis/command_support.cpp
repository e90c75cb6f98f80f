#include "core/analysis/command_support.hpp"

#include <cctype>
#include <cmath>
#include <sstream>
#include <stdexcept>

#include "core/model/printable.hpp"
#include "core/store/store.hpp"

namespace liaison::core::detail {

namespace fs = std::filesystem;
using nlohmann::json;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string num(double v) {
  std::ostringstream o;
  o.precision(4);
  o << v;
  return o.str();
}

SnapshotPtr loadWorkspace(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    throw std::runtime_error("no workspace at " + path.string() + " (the file does not exist)");
  auto store = Store::open(path, OpenMode::ReadOnly);
  return store->load();
}

std::string GraphmlNetwork::name(graph::Id id) const {
  return printable(gml.displayName(static_cast<std::size_t>(id - 1)));
}

std::string GraphmlNetwork::nodeId(graph::Id id) const {
  return gml.nodes[static_cast<std::size_t>(id - 1)].id;
}

namespace {

const GraphmlKey* edgeKey(const GraphmlGraph& g, const std::string& name) {
  for (const auto& k : g.keys)
    if ((k.domain == "edge" || k.domain == "all") && k.name == name) return &k;
  return nullptr;
}

}  // namespace

GraphmlNetwork loadGraphml(const fs::path& path, const std::string& weight, bool undirected) {
  GraphmlNetwork net;
  net.gml = readGraphml(path);
  const std::string file = path.string();
  if (!weight.empty()) {
    const GraphmlKey* key = edgeKey(net.gml, weight);
    if (!key)
      throw std::runtime_error(file + ": no edge attribute \"" + weight +
                               "\" to use as --weight (declared edge attributes: see the <key> "
                               "elements with for=\"edge\")");
    if (key->type == GraphmlType::String)
      throw std::runtime_error(file + ": edge attribute \"" + weight +
                               "\" is a string, not a number; --weight needs a numeric attribute");
  }
  const GraphmlAttribute* weights = weight.empty() ? nullptr : net.gml.edgeAttribute(weight);
  const GraphmlAttribute* reliability = net.gml.edgeAttribute("reliability");
  std::vector<graph::NodeSpec> nodes;
  for (std::size_t i = 0; i < net.gml.nodes.size(); ++i)
    nodes.push_back({static_cast<graph::Id>(i + 1), 0, false});
  std::vector<graph::EdgeSpec> edges;
  for (std::size_t i = 0; i < net.gml.edges.size(); ++i) {
    const GraphmlEdge& e = net.gml.edges[i];
    graph::EdgeSpec s;
    s.id = static_cast<graph::Id>(i + 1);
    s.from = static_cast<graph::Id>(e.source + 1);
    s.to = static_cast<graph::Id>(e.target + 1);
    s.twoWay = undirected || !e.directed;
    if (!weight.empty()) {
      auto w = weights ? weights->number(i) : std::nullopt;
      const std::string where = file + ":" + std::to_string(e.line) + ": edge " +
                                (net.gml.edgeId(i).empty()
                                     ? "#" + std::to_string(i + 1)
                                     : "\"" + printable(net.gml.edgeId(i)) + "\"");
      if (!w) throw std::runtime_error(where + " has no value for the weight \"" + weight + "\"");
      if (std::isnan(*w))
        throw std::runtime_error(where + " has weight \"" + weight +
                                 "\" NaN; a length must be a number > 0");
      if (!std::isfinite(*w) || *w <= 0)
        throw std::runtime_error(where + " has weight \"" + weight + "\" " + num(*w) +
                                 "; a length must be a finite number > 0");
      s.latency = *w;
    }
    if (reliability) {
      auto r = reliability->number(i);
      if (r && *r >= 0 && *r <= 1) s.reliability = *r;
    }
    edges.push_back(s);
  }
  net.graph = graph::Graph(std::move(nodes), std::move(edges));
  return net;
}

std::string agencyCode(const Snapshot& s, Id a) {
  const Agency* ag = s.agency(a);
  return ag ? printable(ag->code) : "agency " + std::to_string(a);
}

json pathJson(const ExplainedPath& p) {
  if (!p.path.found) return nullptr;
  json channels = json::array();
  for (const auto& h : p.path.hops) channels.push_back(h.edge);
  return {{"nodes", p.path.nodes},
          {"channels", channels},
          {"latency_min", p.path.latency},
          {"reliability", p.path.reliability},
          {"hops", p.path.hops.size()},
          {"degraded_channels", p.degradedChannels},
          {"explanation", p.sentence}};
}

graph::Metric metricByName(const std::string& by) {
  if (by == "fastest") return graph::Metric::Latency;
  if (by == "reliable") return graph::Metric::Reliability;
  if (by == "hops") return graph::Metric::Hops;
  throw std::runtime_error("--by " + by + ": expected fastest, reliable or hops");
}

std::vector<std::string> failTokens(const std::vector<std::string>& options) {
  std::vector<std::string> tokens;
  for (const auto& f : options) {
    std::stringstream ss(f);
    std::string t;
    while (std::getline(ss, t, ','))
      if (!t.empty()) tokens.push_back(t);
  }
  if (tokens.empty()) throw std::runtime_error("--fail needs at least one target");
  return tokens;
}

}  // namespace liaison::core::detail
