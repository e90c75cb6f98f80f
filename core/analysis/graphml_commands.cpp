// `liaison analyze`, `path` and `whatif` on a GraphML file (as igraph, NetworkX, R, Gephi or
// yEd write it): the network's structure, paths between two nodes, and what a failure does to
// it. Workspaces are workspace_commands.cpp.
#include <nlohmann/json.hpp>

#include <ostream>
#include <stdexcept>

#include "core/analysis/analysis_cli.hpp"
#include "core/analysis/command_support.hpp"
#include "core/model/printable.hpp"
#include "graph/betweenness.hpp"
#include "graph/biconnected.hpp"
#include "graph/components.hpp"
#include "graph/needs_engine.hpp"

namespace liaison::core::detail {

using graph::Index;
using graph::Metric;
using nlohmann::json;

int analyzeGraphml(const AnalyzeRequest& rq, std::ostream& out) {
  GraphmlNetwork net = loadGraphml(rq.input, rq.weight, false);
  const graph::Graph ug =
      rq.undirected != Undirected::No ? undirectedCopy(net.graph, rq.undirected) : graph::Graph{};
  const graph::Graph& g = rq.undirected != Undirected::No ? ug : net.graph;
  Measures m = measure(g, !rq.weight.empty(), Metric::Latency);
  if (rq.json) {
    json j;
    j["input"] = rq.input;
    j["directed"] = !g.isUndirected();
    j["node_count"] = g.nodeCount();
    j["edge_count"] = g.edgeCount();
    json nodes = json::array();
    for (Index v = 0; v < g.nodeCount(); ++v) {
      json n = {{"id", net.gml.nodes[v].id},    {"name", net.gml.displayName(v)},
                {"degree_in", m.din[v]},        {"degree_out", m.dout[v]},
                {"degree", m.deg[v]},           {"betweenness", m.bw[v]},
                {"articulation_point", m.isAp[v] != 0}};
      if (!rq.weight.empty()) n["betweenness_weighted"] = m.bww[v];
      nodes.push_back(std::move(n));
    }
    j["nodes"] = std::move(nodes);
    j["components"] = {{"weak", m.weak}, {"strong", m.strong}};
    j["diameter"] = m.diameter;
    json aps = json::array();
    for (Id a : m.ap) aps.push_back(net.nodeId(a));
    j["articulation_points"] = aps;
    json br = json::array();
    for (Id e : m.bridges) {
      const auto& spec = g.edge(g.requireEdge(e));
      br.push_back({net.nodeId(spec.from), net.nodeId(spec.to)});
    }
    j["bridges"] = br;
    out << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
    return 0;
  }
  out << printable(rq.input) << ": " << g.nodeCount() << " nodes, " << g.edgeCount() << " edges, "
      << (g.isUndirected() ? "undirected" : "directed") << "\n";
  out << "components: " << m.weak << " weak, " << m.strong << " strong; diameter " << m.diameter
      << " hops\n\nTop bottlenecks (betweenness"
      << (rq.weight.empty() ? "" : ", weighted by " + printable(rq.weight)) << "):\n";
  const auto& score = rq.weight.empty() ? m.bw : m.bww;
  for (const auto& [id, v] : graph::topNodes(g, score, rq.top))
    out << "  " << net.name(id) << "  " << num(v) << "\n";
  out << "\nSingle points of failure (articulation points, direction ignored):";
  if (m.ap.empty()) out << " none";
  out << "\n";
  for (Id a : m.ap) out << "  " << net.name(a) << "\n";
  out << "Bridges:" << (m.bridges.empty() ? " none" : "") << "\n";
  for (Id e : m.bridges) {
    const auto& spec = g.edge(g.requireEdge(e));
    out << "  " << net.name(spec.from) << " - " << net.name(spec.to) << "\n";
  }
  return 0;
}

namespace {

Id resolveGraphmlNode(const GraphmlNetwork& net, const std::string& text) {
  for (std::size_t i = 0; i < net.gml.nodes.size(); ++i)
    if (net.gml.nodes[i].id == text) return static_cast<Id>(i + 1);
  for (std::size_t i = 0; i < net.gml.nodes.size(); ++i)
    if (net.gml.displayName(i) == text) return static_cast<Id>(i + 1);
  throw std::runtime_error("\"" + printable(text) +
                           "\" is neither a node id nor a node name in the file");
}

}  // namespace

int pathGraphml(const PathRequest& rq, std::ostream& out) {
  const Metric metric = metricByName(rq.by);
  GraphmlNetwork net = loadGraphml(rq.input, rq.weight, false);
  const Id a = resolveGraphmlNode(net, rq.from), b = resolveGraphmlNode(net, rq.to);
  graph::RouteAlternatives alts(net.graph, graph::End::ofNode(a), graph::End::ofNode(b), rq.k,
                                metric);
  alts.run();
  graph::GroupDemand d;
  d.id = 1;
  d.source = graph::End::ofNode(a);
  d.target = graph::End::ofNode(b);
  graph::NeedsOptions o;
  o.paths = o.budgetPaths = o.load = false;
  graph::NeedsEngine engine(net.graph, {d}, o);
  engine.run();
  const graph::NeedAnswer& ans = engine.answers().front();
  out << (rq.by == "hops" ? "Fewest-hop" : rq.by == "reliable" ? "Most reliable" : "Fastest")
      << " paths from " << net.name(a) << " to " << net.name(b) << ":\n";
  if (alts.paths().empty()) out << "  no path\n";
  for (std::size_t i = 0; i < alts.paths().size(); ++i) {
    const auto& p = alts.paths()[i];
    out << "  " << i + 1 << ". " << net.name(p.nodes.front());
    for (const auto& h : p.hops) {
      out << " -> " << net.name(h.to);
      if (const auto id = net.gml.edgeId(static_cast<std::size_t>(h.edge - 1)); !id.empty())
        out << " (edge " << printable(id) << ")";
    }
    out << "; " << p.hops.size() << " hops, length " << num(p.latency) << ", reliability "
        << num(p.reliability) << "\n";
  }
  if (alts.exhausted() && rq.k > 1)
    out << "  (only " << alts.paths().size() << " distinct path"
        << (alts.paths().size() == 1 ? "" : "s") << " exist)\n";
  out << "Edge-disjoint paths: " << ans.edgeDisjoint << "; node-disjoint paths: "
      << ans.nodeDisjoint << "\n";
  return 0;
}

int whatIfGraphml(const WhatIfRequest& rq, const std::vector<std::string>& tokens,
                  std::ostream& out) {
  GraphmlNetwork net = loadGraphml(rq.input, "", false);
  graph::Failures f;
  for (const auto& t : tokens) {
    std::string body = t.rfind("edge:", 0) == 0 ? t.substr(5) : t;
    bool found = false;
    if (t.rfind("edge:", 0) != 0)
      for (std::size_t i = 0; i < net.gml.nodes.size() && !found; ++i)
        if (net.gml.nodes[i].id == t || net.gml.displayName(i) == t) {
          f.nodes.push_back(static_cast<Id>(i + 1));
          found = true;
        }
    for (std::size_t i = 0; i < net.gml.edges.size() && !found; ++i)
      if (!net.gml.edgeId(i).empty() && net.gml.edgeId(i) == body) {
        f.edges.push_back(static_cast<Id>(i + 1));
        found = true;
      }
    if (!found)
      throw std::runtime_error("\"" + printable(t) + "\" is neither a node nor an edge id");
  }
  graph::Components before(net.graph), after(net.graph, f);
  before.run();
  after.run();
  graph::BetweennessOptions bo;
  bo.failed = f;
  graph::Betweenness bw(net.graph, bo);
  bw.run();
  graph::Biconnected bc(net.graph, f, false);
  bc.run();
  if (rq.json) {
    json j;
    j["components_before"] = {{"weak", before.weakCount()}, {"strong", before.strongCount()}};
    j["components_after"] = {{"weak", after.weakCount()}, {"strong", after.strongCount()}};
    json top = json::array();
    for (const auto& [id, v] : bw.top(10))
      top.push_back({{"id", net.nodeId(id)}, {"betweenness", v}});
    j["top_betweenness_after"] = top;
    json aps = json::array();
    for (Id a : bc.articulationPoints()) aps.push_back(net.nodeId(a));
    j["articulation_points_after"] = aps;
    out << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
    return 0;
  }
  out << "Weak components: " << before.weakCount() << " -> " << after.weakCount()
      << "; strong components: " << before.strongCount() << " -> " << after.strongCount() << "\n";
  out << "Top betweenness after the failure:\n";
  for (const auto& [id, v] : bw.top(5)) out << "  " << net.name(id) << "  " << num(v) << "\n";
  out << "Articulation points after the failure:";
  for (Id a : bc.articulationPoints()) out << " " << net.name(a);
  out << "\n";
  return 0;
}

}  // namespace liaison::core::detail
