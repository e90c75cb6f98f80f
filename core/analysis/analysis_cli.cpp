#include "core/analysis/analysis_cli.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <map>
#include <ostream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "core/analysis/analysis.hpp"
#include "core/model/enums.hpp"
#include "core/formats/graphml.hpp"
#include "core/store/store.hpp"
#include "graph/betweenness.hpp"
#include "graph/biconnected.hpp"
#include "graph/components.hpp"
#include "graph/degree_centrality.hpp"
#include "graph/disjoint_paths.hpp"
#include "graph/distance_matrix.hpp"
#include "graph/k_shortest_paths.hpp"

namespace liaison::core {

namespace fs = std::filesystem;
using graph::Index;
using graph::Metric;
using nlohmann::json;

namespace {

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

// ---- GraphML input -------------------------------------------------------------------------

struct GraphmlNetwork {
  GraphmlGraph gml;
  graph::Graph graph;  // node id = index + 1, edge id = index + 1
};

const GraphmlKey* edgeKey(const GraphmlGraph& g, const std::string& name) {
  for (const auto& k : g.keys)
    if ((k.domain == "edge" || k.domain == "all") && k.name == name) return &k;
  return nullptr;
}

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
                                     : "\"" + std::string(net.gml.edgeId(i)) + "\"");
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

std::string gmlNodeId(const GraphmlNetwork& n, graph::Id id) {
  return n.gml.nodes[static_cast<std::size_t>(id - 1)].id;
}

// ---- structural measures, shared by both inputs ---------------------------------------------

struct Measures {
  std::vector<int> din, dout, deg;
  std::vector<double> bw, bww;
  std::vector<Id> ap, bridges;
  std::vector<std::uint8_t> isAp;
  int weak = 0, strong = 0;
  long diameter = 0;
};

graph::Graph undirectedCopy(const graph::Graph& g) {
  std::vector<graph::EdgeSpec> edges = g.edges();
  for (auto& e : edges) e.twoWay = true;
  return graph::Graph(g.nodes(), std::move(edges));
}

Measures measure(const graph::Graph& g, bool weighted, Metric weightMetric) {
  Measures m;
  graph::DegreeCentrality d(g, {}, graph::DegreeCentrality::Valued::Count);
  d.run();
  m.din = d.in();
  m.dout = d.out();
  m.deg = d.total();
  graph::Betweenness b(g, {});
  b.run();
  m.bw = b.scores();
  if (weighted) {
    graph::BetweennessOptions o;
    o.metric = weightMetric;
    graph::Betweenness bw(g, o);
    bw.run();
    m.bww = bw.scores();
  }
  graph::Biconnected bc(g, {}, false);
  bc.run();
  m.ap = bc.articulationPoints();
  m.bridges = bc.bridges();
  m.isAp.resize(static_cast<std::size_t>(g.nodeCount()));
  for (Index v = 0; v < g.nodeCount(); ++v) m.isAp[v] = bc.isArticulationPoint(v);
  graph::Components c(g);
  c.run();
  m.weak = c.weakCount();
  m.strong = c.strongCount();
  std::vector<graph::Id> all;
  for (const auto& n : g.nodes()) all.push_back(n.id);
  graph::PathOptions po;
  po.metric = Metric::Hops;
  graph::DistanceMatrix dm(g, all, po);
  dm.run();
  double diameter = 0;
  for (std::size_t i = 0; i < dm.rowCount(); ++i)
    for (double x : dm.row(i))
      if (x != graph::kInf) diameter = std::max(diameter, x);
  m.diameter = static_cast<long>(diameter);
  return m;
}

// ---- workspace words --------------------------------------------------------------------------

std::string agencyCode(const Snapshot& s, Id a) {
  const Agency* ag = s.agency(a);
  return ag ? ag->code : "agency " + std::to_string(a);
}

std::string needLabel(const Snapshot& s, const NeedResult& r) {
  return agencyCode(s, r.agency_a) + " - " + agencyCode(s, r.agency_b) + " (need " +
         std::to_string(r.need) + ", " + std::string(toString(r.priority)) + ")";
}

json pathJson(const ExplainedPath& p) {
  if (!p.path.found) return nullptr;
  json channels = json::array();
  for (const auto& h : p.path.hops) channels.push_back(h.edge);
  return {{"nodes", p.path.nodes},       {"channels", channels},
          {"latency_min", p.path.latency}, {"reliability", p.path.reliability},
          {"hops", p.path.hops.size()},  {"explanation", p.sentence}};
}

Metric metricByName(const std::string& by) {
  if (by == "fastest") return Metric::Latency;
  if (by == "reliable") return Metric::Reliability;
  if (by == "hops") return Metric::Hops;
  throw std::runtime_error("--by " + by + ": expected fastest, reliable or hops");
}

Metric workspaceWeight(const std::string& w) {
  if (w == "latency" || w == "latency_min") return Metric::Latency;
  if (w == "reliability") return Metric::Reliability;
  throw std::runtime_error("--weight " + w +
                           ": a workspace's channels have latency (latency_min) or reliability");
}

// ---- analyze ----------------------------------------------------------------------------------

int analyzeGraphml(const AnalyzeRequest& rq, std::ostream& out) {
  GraphmlNetwork net = loadGraphml(rq.input, rq.weight, rq.undirected);
  const graph::Graph& g = net.graph;
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
    for (Id a : m.ap) aps.push_back(gmlNodeId(net, a));
    j["articulation_points"] = aps;
    json br = json::array();
    for (Id e : m.bridges) {
      const auto& ge = net.gml.edges[static_cast<std::size_t>(e - 1)];
      br.push_back({net.gml.nodes[ge.source].id, net.gml.nodes[ge.target].id});
    }
    j["bridges"] = br;
    out << j.dump(2) << "\n";
    return 0;
  }
  out << rq.input << ": " << g.nodeCount() << " nodes, " << g.edgeCount() << " edges, "
      << (g.isUndirected() ? "undirected" : "directed") << "\n";
  out << "components: " << m.weak << " weak, " << m.strong << " strong; diameter " << m.diameter
      << " hops\n\nTop bottlenecks (betweenness" << (rq.weight.empty() ? "" : ", weighted by " + rq.weight)
      << "):\n";
  const auto& score = rq.weight.empty() ? m.bw : m.bww;
  for (const auto& [id, v] : graph::topNodes(g, score, rq.top))
    out << "  " << net.gml.displayName(static_cast<std::size_t>(id - 1)) << "  " << num(v) << "\n";
  out << "\nSingle points of failure (articulation points, direction ignored):";
  if (m.ap.empty()) out << " none";
  out << "\n";
  for (Id a : m.ap) out << "  " << net.gml.displayName(static_cast<std::size_t>(a - 1)) << "\n";
  out << "Bridges:" << (m.bridges.empty() ? " none" : "") << "\n";
  for (Id e : m.bridges) {
    const auto& ge = net.gml.edges[static_cast<std::size_t>(e - 1)];
    out << "  " << net.gml.displayName(ge.source) << " - " << net.gml.displayName(ge.target) << "\n";
  }
  return 0;
}

int analyzeWorkspace(const AnalyzeRequest& rq, std::ostream& out) {
  SnapshotPtr snap = loadWorkspace(rq.input);
  const Snapshot& s = *snap;
  AnalysisOptions opt;
  opt.network.level = rq.level;
  opt.topCount = rq.top;
  opt.allPairsBetweenness = true;  // the command line reports every measure, whatever the size
  AnalysisResult res = analyze(s, opt);
  Network net = buildNetwork(s, opt.network);
  const bool weighted = !rq.weight.empty();
  const Metric wm = weighted ? workspaceWeight(rq.weight) : Metric::Hops;
  graph::Graph ug = rq.undirected ? undirectedCopy(net.graph) : graph::Graph{};
  const graph::Graph& g = rq.undirected ? ug : net.graph;
  Measures m = measure(g, weighted, wm);

  if (rq.json) {
    json j;
    j["input"] = rq.input;
    j["version"] = res.version;
    j["level"] = rq.level == NetworkLevel::Agencies ? "agencies" : "representatives";
    j["directed"] = !g.isUndirected();
    json nodes = json::array();
    for (Index v = 0; v < g.nodeCount(); ++v) {
      const NodeResult& nr = res.nodes[v];
      json n = {{"id", nr.id},
                {"name", nr.name},
                {"agency", agencyCode(s, nr.agency)},
                {"degree_in", m.din[v]},
                {"degree_out", m.dout[v]},
                {"degree", m.deg[v]},
                {"betweenness", m.bw[v]},
                {"load", nr.load},
                {"articulation_point", m.isAp[v] != 0},
                {"brokerage",
                 {{"coordinator", nr.brokerage.coordinator},
                  {"itinerant", nr.brokerage.itinerant},
                  {"representative", nr.brokerage.representative},
                  {"gatekeeper", nr.brokerage.gatekeeper},
                  {"liaison", nr.brokerage.liaison}}}};
      if (weighted) n["betweenness_weighted"] = m.bww[v];
      nodes.push_back(std::move(n));
    }
    j["nodes"] = std::move(nodes);
    j["components"] = {{"weak", m.weak}, {"strong", m.strong}};
    j["diameter"] = m.diameter;
    j["articulation_points"] = m.ap;
    json br = json::array(), brc = json::array();
    for (Id e : m.bridges) {
      const auto& spec = g.edge(g.requireEdge(e));
      br.push_back({spec.from, spec.to});
      brc.push_back(e);
    }
    j["bridges"] = br;
    j["bridge_channels"] = brc;
    json needs = json::array();
    for (const NeedResult& r : res.needs)
      needs.push_back({{"id", r.need},
                       {"agencies", {agencyCode(s, r.agency_a), agencyCode(s, r.agency_b)}},
                       {"priority", toString(r.priority)},
                       {"reason", r.reason},
                       {"status", toString(r.state)},
                       {"independent_paths", r.independentPaths},
                       {"independent_paths_at_least", r.independentPathsAtLeast},
                       {"single_points", r.singlePoints},
                       {"fastest", pathJson(r.fastest)},
                       {"most_reliable", pathJson(r.reliable)},
                       {"fewest_hops", pathJson(r.fewestHops)}});
    j["needs"] = std::move(needs);
    json bn = json::array();
    for (const auto& b : res.bottlenecks)
      bn.push_back({{"id", b.node}, {"name", describeNode(s, rq.level, b.node)}, {"load", b.load},
                    {"betweenness", b.betweenness}, {"needs", b.needs}});
    j["bottlenecks"] = bn;
    json sp = json::array();
    for (const auto& p : res.singlePoints)
      sp.push_back({{"id", p.node}, {"name", describeNode(s, rq.level, p.node)}, {"needs", p.needs}});
    j["single_points_of_failure"] = sp;
    json rec = json::array();
    for (const auto& l : res.recommendations)
      rec.push_back({{"from", l.from}, {"to", l.to}, {"text", l.text},
                     {"unrouted_before", l.unroutedBefore}, {"unrouted_after", l.unroutedAfter},
                     {"spof_before", l.valueBefore}, {"spof_after", l.valueAfter}});
    j["recommendations"] = rec;
    out << j.dump(2) << "\n";
    return 0;
  }

  out << rq.input << " (version " << res.version << "): " << g.nodeCount()
      << (rq.level == NetworkLevel::Agencies ? " agencies, " : " representatives, ")
      << g.edgeCount() << " channels, " << s.needs.size() << " needs; " << m.weak
      << " weak components, diameter " << m.diameter << " hops\n\n";
  out << "Top bottlenecks (load over the needs' fewest-hop paths):\n";
  for (const auto& b : res.bottlenecks) {
    out << "  " << describeNode(s, rq.level, b.node) << "  load " << num(b.load)
        << ", betweenness " << num(b.betweenness) << "; carries";
    for (Id n : b.needs) out << " " << n;
    out << "\n";
  }
  out << "\nSingle points of failure (their loss alone cuts a need):\n";
  if (res.singlePoints.empty()) out << "  none\n";
  for (const auto& p : res.singlePoints) {
    out << "  " << describeNode(s, rq.level, p.node) << " cuts " << p.needs.size() << " need"
        << (p.needs.size() == 1 ? "" : "s") << ":";
    for (Id n : p.needs) out << " " << needLabel(s, *res.need(n)) << ";";
    out << "\n";
  }
  out << "Articulation points:";
  for (Id a : m.ap) out << " " << describeNode(s, rq.level, a) << ";";
  out << "\nBridges (channels):";
  for (Id e : m.bridges) out << " " << e;
  out << "\n\nNeeds without a working path:\n";
  bool any = false;
  for (const auto& r : res.needs)
    if (r.state == NeedState::Broken) {
      out << "  " << needLabel(s, r) << "\n";
      any = true;
    }
  if (!any) out << "  none\n";
  out << "\nNeeds (fastest path):\n";
  for (const auto& r : res.needs) {
    out << "  [" << toString(r.state) << "] " << needLabel(s, r) << ", "
        << (r.independentPathsAtLeast ? "at least " : "") << r.independentPaths
        << " independent path" << (r.independentPaths == 1 ? "" : "s") << "\n";
    if (r.fastest.path.found) out << "      " << r.fastest.sentence << "\n";
  }
  if (!res.recommendations.empty()) {
    out << "\nRecommended new links:\n";
    for (const auto& l : res.recommendations)
      out << "  " << l.text << " (needs without a path " << num(l.unroutedBefore) << " -> "
          << num(l.unroutedAfter) << ", single points of failure " << num(l.valueBefore) << " -> "
          << num(l.valueAfter) << ")\n";
  }
  return 0;
}

// ---- endpoints ------------------------------------------------------------------------------

// A workspace endpoint: an agency code (its representatives), a representative id or name.
std::vector<Id> resolveWorkspace(const Snapshot& s, const Network& net, const std::string& text) {
  for (const Agency& a : s.agencies)
    if (lower(a.code) == lower(text)) return net.members.at(a.id);
  std::string t = text.rfind("rep:", 0) == 0 ? text.substr(4) : text;
  if (!t.empty() && std::all_of(t.begin(), t.end(), ::isdigit)) {
    const Id id = std::stoll(t);
    if (net.level == NetworkLevel::Agencies) {
      if (s.agency(id)) return {id};
      if (const Representative* r = s.representative(id)) return {r->agency};
    } else if (s.representative(id)) {
      return {id};
    }
  }
  for (const Representative& r : s.representatives)
    if (lower(r.name) == lower(text))
      return {net.level == NetworkLevel::Agencies ? r.agency : r.id};
  throw std::runtime_error("\"" + text +
                           "\" is neither an agency code, a representative id nor a name");
}

Id resolveGraphmlNode(const GraphmlNetwork& net, const std::string& text) {
  for (std::size_t i = 0; i < net.gml.nodes.size(); ++i)
    if (net.gml.nodes[i].id == text) return static_cast<Id>(i + 1);
  for (std::size_t i = 0; i < net.gml.nodes.size(); ++i)
    if (net.gml.displayName(i) == text) return static_cast<Id>(i + 1);
  throw std::runtime_error("\"" + text + "\" is neither a node id nor a node name in the file");
}

}  // namespace

bool isGraphmlInput(const fs::path& input) {
  const std::string ext = lower(input.extension().string());
  if (ext == ".graphml" || ext == ".xml") return true;
  if (ext == ".liaison") return false;
  std::ifstream f(input, std::ios::binary);
  char c = 0;
  while (f.get(c))
    if (!std::isspace(static_cast<unsigned char>(c))) return c == '<';
  return false;
}

int runAnalyze(const AnalyzeRequest& rq, std::ostream& out) {
  return isGraphmlInput(rq.input) ? analyzeGraphml(rq, out) : analyzeWorkspace(rq, out);
}

int runPath(const PathRequest& rq, std::ostream& out) {
  const Metric metric = metricByName(rq.by);
  if (rq.k < 1) throw std::runtime_error("--k must be at least 1");
  if (isGraphmlInput(rq.input)) {
    GraphmlNetwork net = loadGraphml(rq.input, rq.weight, false);
    const Id a = resolveGraphmlNode(net, rq.from), b = resolveGraphmlNode(net, rq.to);
    PathAnswer ans = pathsBetween(net.graph, {a}, {b}, metric, rq.k);
    auto name = [&](Id id) { return net.gml.displayName(static_cast<std::size_t>(id - 1)); };
    out << (rq.by == "hops" ? "Fewest-hop" : rq.by == "reliable" ? "Most reliable" : "Fastest")
        << " paths from " << name(a) << " to " << name(b) << ":\n";
    if (ans.paths.empty()) out << "  no path\n";
    for (std::size_t i = 0; i < ans.paths.size(); ++i) {
      const auto& p = ans.paths[i];
      out << "  " << i + 1 << ". " << name(p.nodes.front());
      for (const auto& h : p.hops) {
        out << " -> " << name(h.to);
        if (const auto id = net.gml.edgeId(static_cast<std::size_t>(h.edge - 1)); !id.empty())
          out << " (edge " << id << ")";
      }
      out << "; " << p.hops.size() << " hops, length " << num(p.latency) << ", reliability "
          << num(p.reliability) << "\n";
    }
    out << "Edge-disjoint paths: " << ans.edgeDisjoint << "; node-disjoint paths: "
        << ans.nodeDisjoint << "\n";
    return 0;
  }
  SnapshotPtr snap = loadWorkspace(rq.input);
  NetworkOptions no;
  no.level = rq.level;
  Network net = buildNetwork(*snap, no);
  const auto from = resolveWorkspace(*snap, net, rq.from), to = resolveWorkspace(*snap, net, rq.to);
  PathAnswer ans = pathsBetween(net.graph, from, to, metric, rq.k);
  out << (rq.by == "hops" ? "Fewest-hop" : rq.by == "reliable" ? "Most reliable" : "Fastest")
      << " ways for " << rq.from << " to reach " << rq.to << ":\n";
  if (ans.paths.empty()) out << "  no working path\n";
  for (std::size_t i = 0; i < ans.paths.size(); ++i) {
    const graph::Path& p = ans.paths[i];
    out << "  " << i + 1 << ". " << p.hops.size() << " hops, " << num(p.latency)
        << " min, reliability " << num(p.reliability) << "\n";
    if (p.hops.empty()) continue;
    for (std::size_t h = 0; h < p.hops.size(); ++h) {
      const auto& hop = p.hops[h];
      const Channel* c = snap->channel(hop.edge);
      std::string ident = c ? c->identifier : std::string();
      bool sensitive = false;
      for (Id rep : {hop.from, hop.to})
        if (const Representative* r = snap->representative(rep))
          for (const auto& cm : r->contacts) sensitive |= cm.sensitive && cm.value == ident;
      if (sensitive) ident = "(private number)";
      std::string medium = c ? std::string(toString(c->medium)) : "channel";
      std::replace(medium.begin(), medium.end(), '_', ' ');
      out << "     " << (h == 0 ? describeNode(*snap, rq.level, hop.from) + " calls "
                                 : std::string("who relays to "))
          << describeNode(*snap, rq.level, hop.to) << " on " << medium
          << (ident.empty() ? "" : " " + ident) << " [channel " << hop.edge << "]"
          << (c && c->status == ChannelStatus::Degraded ? " (degraded)" : "") << " ("
          << num(hop.latency) << " min, " << num(hop.reliability) << ")\n";
    }
  }
  out << "Edge-disjoint paths: " << ans.edgeDisjoint << "; node-disjoint paths: "
      << ans.nodeDisjoint << "\n";
  return 0;
}

int runWhatIf(const WhatIfRequest& rq, std::ostream& out) {
  std::vector<std::string> tokens;
  for (const auto& f : rq.fail) {
    std::stringstream ss(f);
    std::string t;
    while (std::getline(ss, t, ','))
      if (!t.empty()) tokens.push_back(t);
  }
  if (tokens.empty()) throw std::runtime_error("--fail needs at least one id");
  if (isGraphmlInput(rq.input)) {
    GraphmlNetwork net = loadGraphml(rq.input, "", false);
    graph::Failures f;
    std::vector<std::string> names;
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
      if (!found) throw std::runtime_error("\"" + t + "\" is neither a node nor an edge id");
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
    auto name = [&](Id id) { return net.gml.displayName(static_cast<std::size_t>(id - 1)); };
    if (rq.json) {
      json j;
      j["components_before"] = {{"weak", before.weakCount()}, {"strong", before.strongCount()}};
      j["components_after"] = {{"weak", after.weakCount()}, {"strong", after.strongCount()}};
      json top = json::array();
      for (const auto& [id, v] : bw.top(10)) top.push_back({{"id", gmlNodeId(net, id)}, {"betweenness", v}});
      j["top_betweenness_after"] = top;
      json aps = json::array();
      for (Id a : bc.articulationPoints()) aps.push_back(gmlNodeId(net, a));
      j["articulation_points_after"] = aps;
      out << j.dump(2) << "\n";
      return 0;
    }
    out << "Weak components: " << before.weakCount() << " -> " << after.weakCount()
        << "; strong components: " << before.strongCount() << " -> " << after.strongCount() << "\n";
    out << "Top betweenness after the failure:\n";
    for (const auto& [id, v] : bw.top(5)) out << "  " << name(id) << "  " << num(v) << "\n";
    out << "Articulation points after the failure:";
    for (Id a : bc.articulationPoints()) out << " " << name(a);
    out << "\n";
    return 0;
  }

  SnapshotPtr snap = loadWorkspace(rq.input);
  const Snapshot& s = *snap;
  FailureSet fs;
  for (const auto& t : tokens) {
    if (t.rfind("channel:", 0) == 0) {
      const std::string body = t.substr(8);
      if (body.empty() || !std::all_of(body.begin(), body.end(), ::isdigit) ||
          !s.channel(std::stoll(body)))
        throw std::runtime_error("no channel " + body);
      fs.channels.push_back(std::stoll(body));
      continue;
    }
    bool agency = false;
    for (const Agency& a : s.agencies)
      if (lower(a.code) == lower(t)) {
        fs.agencies.push_back(a.id);
        agency = true;
      }
    if (agency) continue;
    const std::string body = t.rfind("rep:", 0) == 0 ? t.substr(4) : t;
    if (body.empty() || !std::all_of(body.begin(), body.end(), ::isdigit) ||
        !s.representative(std::stoll(body)))
      throw std::runtime_error("\"" + t +
                               "\" is not an agency code, rep:ID, channel:ID or representative id");
    fs.representatives.push_back(std::stoll(body));
  }
  AnalysisOptions opt;
  opt.network.level = rq.level;
  WhatIfResult w = whatIf(s, fs, opt);
  auto needOf = [&](Id id) { return s.need(id); };
  auto label = [&](Id id) {
    const Need* n = needOf(id);
    return agencyCode(s, n->agency_a) + " - " + agencyCode(s, n->agency_b) + " (need " +
           std::to_string(id) + ", " + std::string(toString(n->priority)) + ")";
  };
  if (rq.json) {
    json j, needs = json::array();
    for (const auto& n : w.needs)
      needs.push_back({{"id", n.need},
                       {"before", toString(n.before)},
                       {"after", toString(n.after)},
                       {"broken", n.broken()},
                       {"degraded", n.degraded()},
                       {"latency_before", n.latencyBefore == graph::kInf ? json(nullptr) : json(n.latencyBefore)},
                       {"latency_after", n.latencyAfter == graph::kInf ? json(nullptr) : json(n.latencyAfter)},
                       {"reliability_before", n.reliabilityBefore},
                       {"reliability_after", n.reliabilityAfter},
                       {"detour", pathJson(n.detour)}});
    j["needs"] = needs;
    auto top = [&](const std::vector<Bottleneck>& v) {
      json a = json::array();
      for (const auto& b : v) a.push_back({{"id", b.node}, {"name", describeNode(s, rq.level, b.node)}, {"load", b.load}});
      return a;
    };
    j["top_load_before"] = top(w.topBefore);
    j["top_load_after"] = top(w.topAfter);
    out << j.dump(2) << "\n";
    return 0;
  }
  out << "If";
  for (Id r : fs.representatives) out << " " << describeNode(s, NetworkLevel::Representatives, r) << ";";
  for (Id a : fs.agencies) out << " all of " << agencyCode(s, a) << ";";
  for (Id c : fs.channels) out << " channel " << c << ";";
  out << " fail:\n\nNeeds that lose every working path:\n";
  int broken = 0;
  for (const auto& n : w.needs)
    if (n.broken()) {
      out << "  " << label(n.need) << " (was " << toString(n.before) << ", fastest "
          << num(n.latencyBefore) << " min)\n";
      ++broken;
    }
  if (broken == 0) out << "  none\n";
  out << "\nNeeds that degrade:\n";
  int degraded = 0;
  for (const auto& n : w.needs)
    if (n.degraded()) {
      out << "  " << label(n.need) << ": " << toString(n.before) << " -> " << toString(n.after)
          << ", fastest " << num(n.latencyBefore) << " -> " << num(n.latencyAfter)
          << " min, reliability " << num(n.reliabilityBefore) << " -> "
          << num(n.reliabilityAfter) << "\n";
      if (n.detour.path.found) out << "      detour: " << n.detour.sentence << "\n";
      ++degraded;
    }
  if (degraded == 0) out << "  none\n";
  out << "\nTop loads before -> after:\n";
  for (std::size_t i = 0; i < std::max(w.topBefore.size(), w.topAfter.size()); ++i) {
    out << "  ";
    out << (i < w.topBefore.size() ? describeNode(s, rq.level, w.topBefore[i].node) + " " + num(w.topBefore[i].load) : "-");
    out << "  |  ";
    out << (i < w.topAfter.size() ? describeNode(s, rq.level, w.topAfter[i].node) + " " + num(w.topAfter[i].load) : "-");
    out << "\n";
  }
  return 0;
}

std::pair<std::size_t, std::size_t> exportAnalysisGraphml(const fs::path& workspace,
                                                          const fs::path& file) {
  SnapshotPtr snap = loadWorkspace(workspace);
  const Snapshot& s = *snap;
  AnalysisOptions opt;
  opt.recommendations = 0;
  opt.allPairsBetweenness = true;  // the GraphML export carries betweenness for every size
  AnalysisResult res = analyze(s, opt);
  Network net = buildNetwork(s, opt.network);
  GraphmlGraph out;
  out.directed = false;
  for (const NodeResult& n : res.nodes) {
    const std::size_t i = out.nodes.size();
    out.nodes.push_back({std::to_string(n.id), 0});
    const Representative* r = s.representative(n.id);
    out.setNodeValue(i, "name", r ? r->name : n.name);
    out.setNodeValue(i, "position", r ? r->position : std::string());
    out.setNodeValue(i, "agency", agencyCode(s, n.agency));
    out.setNodeValue(i, "on_duty", r ? r->on_duty : true);
    out.setNodeValue(i, "betweenness", n.betweenness);
    out.setNodeValue(i, "load", n.load);
    out.setNodeValue(i, "articulation_point", n.articulationPoint);
  }
  for (const auto& e : net.graph.edges()) {
    const Channel* c = s.channel(e.id);
    GraphmlEdge ge;
    ge.source = static_cast<std::size_t>(net.graph.nodeIndex(e.from));
    ge.target = static_cast<std::size_t>(net.graph.nodeIndex(e.to));
    std::string ident = c ? c->identifier : std::string();
    for (Id rep : {e.from, e.to})
      if (const Representative* r = s.representative(rep))
        for (const auto& cm : r->contacts)
          if (cm.sensitive && cm.value == ident) ident = "(private number)";
    const std::size_t i = out.edges.size();
    out.edges.push_back(ge);
    out.setEdgeId(i, std::to_string(e.id));
    out.setEdgeValue(i, "channel", static_cast<std::int64_t>(e.id));
    out.setEdgeValue(i, "medium", c ? std::string(toString(c->medium)) : std::string());
    out.setEdgeValue(i, "identifier", ident);
    out.setEdgeValue(i, "latency_min", e.latency);
    out.setEdgeValue(i, "reliability", e.reliability);
    out.setEdgeValue(i, "status", c ? std::string(toString(c->status)) : std::string("up"));
    out.setEdgeValue(i, "two_way", e.twoWay);
  }
  std::ofstream f(file, std::ios::binary);
  if (!f) throw std::runtime_error("cannot write " + file.string());
  writeGraphml(f, out);
  if (!f) throw std::runtime_error("cannot write " + file.string());
  return {out.nodes.size(), out.edges.size()};
}

}  // namespace liaison::core
