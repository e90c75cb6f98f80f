// engine_peer: Liaison's graph engine as a peer of ../shared/bench/peers_bench.py.
// Usage: engine_peer TASK GRAPH_BASE REPEATS CUTOFF_S   (see ../shared/bench/README.md)
// Prints JSON lines {"event":"loaded"|"run"|"done",...}; exit 2 for unsupported tasks.
// Check digests are computed exactly as igraph_bench.c does, so the driver can compare them.
// Extra task "analysis" (outside the shared protocol) times the full needs analysis.
// LIAISON_THREADS=N limits betweenness to N threads (default: all cores).
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <optional>
#include <string>
#include <vector>

#include "core/formats/graphml.hpp"
#include "core/formats/mapped_file.hpp"
#include "graph/betweenness.hpp"
#include "graph/biconnected.hpp"
#include "graph/components.hpp"
#include "graph/degree_centrality.hpp"
#include "graph/demand_load.hpp"
#include "graph/disjoint_paths.hpp"
#include "graph/distance_matrix.hpp"
#include "graph/force_layout.hpp"
#include "graph/need_connectivity.hpp"
#include "graph/need_paths.hpp"
#include "graph/shortest_paths.hpp"
#include "graph/single_points_of_failure.hpp"

using namespace liaison::graph;

namespace {

double now() {
  using clock = std::chrono::steady_clock;
  return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
}

// Decimal "123.456" by Clinger's fast path (integer mantissa < 2^53 divided by an exact power
// of ten is correctly rounded, so the value equals strtod's); anything else goes to from_chars.
const char* parseDouble(const char* p, const char* end, double& out) {
  static const double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                  1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                  1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  const char* q = p;
  std::uint64_t mant = 0;
  int digits = 0, frac = 0;
  while (q < end && *q >= '0' && *q <= '9') mant = mant * 10 + std::uint64_t(*q++ - '0'), ++digits;
  if (q < end && *q == '.') {
    ++q;
    while (q < end && *q >= '0' && *q <= '9')
      mant = mant * 10 + std::uint64_t(*q++ - '0'), ++digits, ++frac;
  }
  const bool simple = digits > 0 && digits <= 15 && (q == end || (*q != 'e' && *q != 'E'));
  if (simple) {
    out = static_cast<double>(mant) / kPow10[frac];
    return q;
  }
  auto r = std::from_chars(p, end, out);
  return r.ec == std::errc() ? r.ptr : nullptr;
}

// Reads source,target,latency_min,reliability (one header line). Node ids are 0..max id.
bool loadCsv(const std::string& path, Graph& out) {
  std::optional<liaison::core::MappedFile> file;
  try {
    file.emplace(path);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", path.c_str(), e.what());
    return false;
  }
  const std::string_view text = file->view();
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end && *p != '\n') ++p;  // header
  std::vector<EdgeSpec> edges;
  edges.reserve(64);
  const char* first = p;
  Id maxId = -1;
  auto skipSep = [&]() {
    while (p < end && (*p == ',' || *p == '\n' || *p == '\r' || *p == ' ')) ++p;
  };
  for (;;) {
    skipSep();
    if (p >= end) break;
    EdgeSpec e;
    e.id = static_cast<Id>(edges.size());
    auto r1 = std::from_chars(p, end, e.from);
    p = r1.ptr;
    skipSep();
    auto r2 = std::from_chars(p, end, e.to);
    p = r2.ptr;
    skipSep();
    p = parseDouble(p, end, e.latency);
    if (!p) return false;
    skipSep();
    p = parseDouble(p, end, e.reliability);
    if (!p || r1.ec != std::errc() || r2.ec != std::errc()) return false;
    maxId = std::max({maxId, e.from, e.to});
    edges.push_back(e);
    if (edges.size() == 64) {  // reserve for the rest from the bytes per line so far
      const double perLine = static_cast<double>(p - first) / 64.0;
      edges.reserve(64 + static_cast<std::size_t>(1.05 * static_cast<double>(end - p) / perLine) + 16);
    }
  }
  std::vector<NodeSpec> nodes(static_cast<std::size_t>(maxId + 1));
  for (std::size_t i = 0; i < nodes.size(); ++i) nodes[i].id = static_cast<Id>(i);
  out = Graph(std::move(nodes), std::move(edges));
  return true;
}

// Reads the GraphML with core's reader (the one `liaison analyze` uses: typed keys, line
// numbers for errors) and builds the graph with latency_min / reliability as lengths.
bool loadGraphml(const std::string& path, Graph& out) {
  liaison::core::GraphmlGraph gml;
  try {
    gml = liaison::core::readGraphml(path);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return false;
  }
  std::vector<NodeSpec> nodes(gml.nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) nodes[i].id = static_cast<Id>(i);
  std::vector<EdgeSpec> edges;
  edges.reserve(gml.edges.size());
  const auto* latency = gml.edgeAttribute("latency_min");
  const auto* reliability = gml.edgeAttribute("reliability");
  for (std::size_t i = 0; i < gml.edges.size(); ++i) {
    const auto& ge = gml.edges[i];
    EdgeSpec e;
    e.id = static_cast<Id>(i);
    e.from = static_cast<Id>(ge.source);
    e.to = static_cast<Id>(ge.target);
    e.latency = latency ? latency->number(i).value_or(1.0) : 1.0;
    e.reliability = reliability ? reliability->number(i).value_or(1.0) : 1.0;
    e.twoWay = !ge.directed;
    edges.push_back(e);
  }
  out = Graph(std::move(nodes), std::move(edges));
  return true;
}

std::string fmt(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", x);
  return buf;
}

std::vector<std::pair<Id, Id>> pairsFor(Index n) {
  std::vector<std::pair<Id, Id>> out;
  for (int i = 0; i < 10; ++i) {
    const Id s = static_cast<Id>(static_cast<long long>(i) * n / 10);
    out.emplace_back(s, (s + n / 2 + 1) % n);
  }
  return out;
}

// Deterministic needs for the "analysis" task: n/5 pairs (or $LIAISON_NEEDS) from a fixed linear
// congruential sequence (not part of the shared protocol; igraph has no counterpart).
std::vector<Demand> makeNeeds(Index n) {
  std::vector<Demand> needs;
  std::uint64_t x = 12345;
  auto next = [&]() {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<Id>((x >> 33) % static_cast<std::uint64_t>(n));
  };
  Index count = n / 5;
  if (const char* env = std::getenv("LIAISON_NEEDS")) count = static_cast<Index>(std::atoi(env));
  while (static_cast<Index>(needs.size()) < count && n > 1) {
    const Id a = next(), b = next();
    if (a != b) needs.push_back({a, b, 1.0 + static_cast<double>(a % 3)});
  }
  return needs;
}

// The liaison's full analysis of a network with needs: degree, components, cut points and
// bridges, each need's fastest path and independent path counts, demand-weighted load and the
// single points of failure for the needs.
std::string fullAnalysis(const Graph& g) {
  const std::vector<Demand> needs = makeNeeds(g.nodeCount());
  double t0 = now();
  auto lap = [&](const char* what) {  // stage timings on stderr (the driver reads stdout only)
    const double t = now();
    std::fprintf(stderr, "  %-12s %8.2f ms\n", what, (t - t0) * 1e3);
    t0 = t;
  };
  DegreeCentrality deg(g);
  deg.run();
  Components comp(g);
  comp.run();
  Biconnected bic(g, Failures{}, false);
  bic.run();
  lap("structure");
  NeedConnectivity reach(g, needs);
  reach.run();
  lap("disjoint");
  NeedPaths fastest(g, needs, Metric::Latency);
  fastest.run();
  double sumLatency = 0;
  for (const Path& p : fastest.paths()) sumLatency += p.latency;
  lap("paths");
  DemandLoad load(g, needs);
  load.run();
  lap("load");
  SinglePointsOfFailure spof(g, needs);
  spof.run();
  lap("spof");
  int disjoint = 0;
  for (const auto& st : reach.results()) disjoint += st.edgeDisjoint + st.nodeDisjoint;
  std::string out = "{\"needs\":" + std::to_string(needs.size());
  out += ",\"unreachable\":" + std::to_string(reach.unreachableCount());
  out += ",\"disjoint\":" + std::to_string(disjoint);
  out += ",\"latency\":" + fmt(sumLatency);
  out += ",\"max_load\":" + fmt(load.maxScore());
  out += ",\"spof\":" + std::to_string(spof.ranking().size());
  out += ",\"articulation_points\":" + std::to_string(bic.articulationPoints().size());
  return out + "}";
}

// Returns the check JSON, or "" for an unsupported task.
std::string runTask(const std::string& task, const Graph& g) {
  const Index n = g.nodeCount();
  if (task == "betweenness" || task == "betweenness_w") {
    BetweennessOptions opt;
    opt.metric = task == "betweenness" ? Metric::Hops : Metric::Latency;
    if (const char* t = std::getenv("LIAISON_THREADS"))
      opt.control.threads = unsigned(std::atoi(t));
    Betweenness bc(g, opt);
    bc.run();
    double sum = 0, mx = 0;
    for (double x : bc.scores()) {
      sum += x;
      mx = std::max(mx, x);
    }
    std::string out = "{\"sum\":";
    out += fmt(sum);
    out += ",\"max\":";
    out += fmt(mx);
    return out + "}";
  }
  if (task == "articulation_points" || task == "bridges") {
    Biconnected bc(g, Failures{}, false);
    bc.run();
    const std::size_t c = task == "bridges" ? bc.bridges().size() : bc.articulationPoints().size();
    return "{\"count\":" + std::to_string(c) + "}";
  }
  if (task == "dijkstra_10" || task == "dijkstra_rel_10") {
    std::vector<Id> sources;
    for (auto& pr : pairsFor(n)) sources.push_back(pr.first);
    PathOptions opt;
    opt.metric = task == "dijkstra_10" ? Metric::Latency : Metric::Reliability;
    DistanceMatrix dm(g, sources, opt);
    dm.run();
    double sum = 0;
    long reached = 0;
    for (std::size_t i = 0; i < dm.rowCount(); ++i)
      for (double d : dm.row(i))
        if (std::isfinite(d)) {
          sum += d;
          ++reached;
        }
    return "{\"sum\":" + fmt(sum) + ",\"reached\":" + std::to_string(reached) + "}";
  }
  if (task == "analysis") return fullAnalysis(g);
  if (task == "layout_fr") {
    // Fruchterman-Reingold, 500 iterations, seed 42, as igraph's task (no early stop).
    ForceLayoutOptions opt;
    opt.seed = 42;
    opt.tolerance = 0.0;
    ForceLayout layout(g, opt);
    layout.step(500);
    return "{\"rows\":" + std::to_string(layout.nodeCount()) + "}";
  }
  if (task == "edge_disjoint_10") {
    std::string out = "{\"paths\":[";
    const ActiveMask mask(g);
    DisjointOptions opt;
    opt.nodeDisjoint = false;
    int i = 0;
    for (auto& [s, t] : pairsFor(n)) {
      DisjointPaths dp(g, g.requireNode(s), g.requireNode(t), mask, opt);
      dp.run();
      if (i++) out += ',';
      out += std::to_string(dp.edgeDisjoint());
    }
    return out + "]}";
  }
  return "";
}

}  // namespace

// The event lines of short runs stay in stdout's buffer until the process ends: writing them
// to the driver's pipe wakes the driver, whose parsing then lands on a core the next timed run
// is using (two-thread tasks of a few milliseconds measured up to 40% slower that way). Runs
// over a second are reported at once, so the driver's per-run timeout still sees progress.
static void flushIfLong(double seconds) {
  if (seconds > 1.0) std::fflush(stdout);
}

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: %s TASK GRAPH_BASE REPEATS CUTOFF_S\n", argv[0]);
    return 2;
  }
  const std::string task = argv[1], base = argv[2];
  const int repeats = std::atoi(argv[3]);
  const double cutoff = std::atof(argv[4]);
  static const char* kTasks[] = {
      "load_csv", "betweenness", "betweenness_w",   "articulation_points",
      "bridges",  "dijkstra_10", "dijkstra_rel_10", "edge_disjoint_10",
      "analysis", "layout_fr",   "load_graphml"};
  bool known = false;
  for (const char* t : kTasks) known = known || task == t;
  if (!known) return 2;

  if (task == "load_csv" || task == "load_graphml") {
    const bool gml = task == "load_graphml";
    for (int i = 0; i < repeats; ++i) {
      Graph g;
      const double t0 = now();
      if (!(gml ? loadGraphml(base + ".graphml", g) : loadCsv(base + ".csv", g))) return 1;
      const double dt = now() - t0;
      std::printf("{\"event\":\"run\",\"i\":%d,\"seconds\":%.6f,\"check\":{\"n\":%d,\"m\":%d}}\n",
                  i, dt, g.nodeCount(), g.edgeCount());
      flushIfLong(dt);
      if (dt > cutoff) break;
    }
    std::printf("{\"event\":\"done\"}\n");
    return 0;
  }

  Graph g;
  const double t0 = now();
  if (!loadCsv(base + ".csv", g)) return 1;
  std::printf("{\"event\":\"loaded\",\"seconds\":%.6f,\"n\":%d,\"m\":%d}\n", now() - t0,
              g.nodeCount(), g.edgeCount());
  for (int i = 0; i < repeats; ++i) {
    const double t1 = now();
    const std::string check = runTask(task, g);
    const double dt = now() - t1;
    std::printf("{\"event\":\"run\",\"i\":%d,\"seconds\":%.6f,\"check\":%s}\n", i, dt,
                check.c_str());
    flushIfLong(dt);
    if (dt > cutoff) break;
  }
  std::printf("{\"event\":\"done\"}\n");
  return 0;
}
