// engine_peer: Liaison's graph engine as a peer of ../shared/bench/peers_bench.py.
// Usage: engine_peer TASK GRAPH_BASE REPEATS CUTOFF_S   (see ../shared/bench/README.md)
// Prints JSON lines {"event":"loaded"|"run"|"done",...}; exit 2 for unsupported tasks.
// Check digests are computed exactly as igraph_bench.c does, so the driver can compare them.
// Extra tasks (outside the shared protocol; igraph has no counterpart):
//  analysis    structure plus the needs engine on n/5 person-to-person needs
//  needs       the needs engine on n/5 agency-to-agency needs (agencies from GRAPH_BASE.graphml);
//              bench/needs_peers.py times the peers' equivalent on the same needs
//  needs_list  prints those needs (source agency, target agency, budget), one per line
// LIAISON_THREADS=N limits betweenness and the needs engine to N threads (default: all cores).
// LIAISON_NEEDS=N sets the number of needs. Linked to liaison_graph only: the files are read
// here, with no GraphML reader (load_graphml is left to core's own benchmarks).
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <set>
#include "graph/betweenness.hpp"
#include "graph/biconnected.hpp"
#include "graph/components.hpp"
#include "graph/degree_centrality.hpp"
#include "graph/demand_load.hpp"
#include "graph/disjoint_paths.hpp"
#include "graph/distance_matrix.hpp"
#include "graph/force_layout.hpp"
#include "graph/needs_engine.hpp"
#include "graph/shortest_paths.hpp"

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

// A read-only mapping of a whole file.
class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0) {
      if (fd >= 0) ::close(fd);
      return;
    }
    m_size = static_cast<std::size_t>(st.st_size);
    if (m_size > 0) {
      void* p = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) m_data = static_cast<const char*>(p);
    }
    ::close(fd);
    m_ok = m_size == 0 || m_data != nullptr;
  }
  ~MappedFile() {
    if (m_data) ::munmap(const_cast<char*>(m_data), m_size);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  bool ok() const { return m_ok; }
  std::string_view view() const { return {m_data ? m_data : "", m_size}; }

 private:
  const char* m_data = nullptr;
  std::size_t m_size = 0;
  bool m_ok = false;
};

// Reads source,target,latency_min,reliability (one header line). Node ids are 0..max id.
bool loadCsv(const std::string& path, Graph& out) {
  const MappedFile file(path);
  if (!file.ok()) {
    std::fprintf(stderr, "%s: cannot read\n", path.c_str());
    return false;
  }
  const std::string_view text = file.view();
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
      edges.reserve(64 + static_cast<std::size_t>(1.05 * static_cast<double>(end - p) / perLine) +
                    16);
    }
  }
  std::vector<NodeSpec> nodes(static_cast<std::size_t>(maxId + 1));
  for (std::size_t i = 0; i < nodes.size(); ++i) nodes[i].id = static_cast<Id>(i);
  out = Graph(std::move(nodes), std::move(edges));
  return true;
}

// The node attribute "agency" of GRAPH_BASE.graphml (gen_graphs.py: nodes n0..n{N-1}, a key
// for="node" attr.name="agency"): a scan for the key's id, then for each <node id="nK"> the
// <data key="ID"> inside it. No XML parser: this reads the generator's files, nothing else.
bool loadAgencies(const std::string& path, std::vector<Id>& agency) {
  const MappedFile file(path);
  if (!file.ok()) return false;
  const std::string_view t = file.view();
  std::string key;
  for (std::size_t at = t.find("<key "); at != std::string_view::npos;
       at = t.find("<key ", at + 1)) {
    const std::size_t end = t.find('>', at);
    const std::string_view tag = t.substr(at, end - at);
    if (tag.find("attr.name=\"agency\"") == std::string_view::npos ||
        tag.find("for=\"node\"") == std::string_view::npos)
      continue;
    const std::size_t id = tag.find(" id=\"");
    if (id == std::string_view::npos) continue;
    key = std::string(tag.substr(id + 5, tag.find('"', id + 5) - id - 5));
    break;
  }
  if (key.empty()) return false;
  const std::string data = "<data key=\"" + key + "\">";
  for (std::size_t at = t.find("<node id=\"n"); at != std::string_view::npos;
       at = t.find("<node id=\"n", at + 1)) {
    std::size_t node = 0;
    const char* p = t.data() + at + 11;  // after <node id="n
    auto r = std::from_chars(p, t.data() + t.size(), node);
    if (r.ec != std::errc()) return false;
    const std::size_t close = t.find("</node>", at);
    const std::size_t d = t.find(data, at);
    if (d == std::string_view::npos || d > close) continue;
    long long value = 0;
    const char* q = t.data() + d + data.size();
    if (std::from_chars(q, t.data() + t.size(), value).ec != std::errc()) return false;
    if (node >= agency.size()) agency.resize(node + 1, -1);
    agency[node] = static_cast<Id>(value);
  }
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

// A fixed linear congruential sequence for the generated needs (not part of the shared
// protocol; bench/needs_peers.py reads the needs from `needs_list`, it never regenerates them).
class Lcg {
 public:
  std::uint64_t next() {
    m_x = m_x * 6364136223846793005ULL + 1442695040888963407ULL;
    return m_x >> 33;
  }
  Id below(std::size_t n) { return static_cast<Id>(next() % static_cast<std::uint64_t>(n)); }

 private:
  std::uint64_t m_x = 12345;
};

std::size_t needCount(Index n) {
  std::size_t count = static_cast<std::size_t>(n / 5);
  if (const char* env = std::getenv("LIAISON_NEEDS"))
    count = static_cast<std::size_t>(std::atoll(env));
  return count;
}

unsigned threadsFromEnv() {
  const char* t = std::getenv("LIAISON_THREADS");
  return t ? static_cast<unsigned>(std::atoi(t)) : 0u;
}

// Needs for the "analysis" task: n/5 person-to-person pairs.
std::vector<GroupDemand> makePersonNeeds(Index n) {
  std::vector<GroupDemand> needs;
  Lcg rng;
  const std::size_t count = needCount(n);
  while (needs.size() < count && n > 1) {
    const Id a = rng.below(static_cast<std::size_t>(n)), b = rng.below(static_cast<std::size_t>(n));
    if (a != b)
      needs.push_back({static_cast<Id>(needs.size()), End::ofNode(a), End::ofNode(b), kInf,
                       1.0 + static_cast<double>(a % 3)});
  }
  return needs;
}

// Needs for the "needs" task: n/5 agency-to-agency needs. The GraphML carries no regions, so
// the rule is: 90% go to an agency the source agency has a direct link with (the generator puts
// most liaison links inside a region), 10% to any other agency. Budgets 20..59 min.
std::vector<GroupDemand> makeAgencyNeeds(const Graph& g) {
  std::map<Id, std::set<Id>> linked;
  for (Index v = 0; v < g.nodeCount(); ++v) linked[g.node(v).group];
  for (Index e = 0; e < g.edgeCount(); ++e) {
    const Id a = g.node(g.edgeFrom(e)).group, b = g.node(g.edgeTo(e)).group;
    if (a != b) {
      linked[a].insert(b);
      linked[b].insert(a);
    }
  }
  std::vector<Id> agencies;
  for (const auto& [a, near] : linked) agencies.push_back(a);
  std::vector<GroupDemand> needs;
  if (agencies.size() < 2) return needs;
  Lcg rng;
  const std::size_t count = needCount(g.nodeCount());
  while (needs.size() < count) {
    const Id a = agencies[static_cast<std::size_t>(rng.below(agencies.size()))];
    const std::set<Id>& near = linked[a];
    Id b;
    if (rng.next() % 10 != 0 && !near.empty())
      b = *std::next(near.begin(), static_cast<std::ptrdiff_t>(rng.below(near.size())));
    else
      b = agencies[static_cast<std::size_t>(rng.below(agencies.size()))];
    if (a == b) continue;
    const double budget = 20.0 + static_cast<double>(rng.next() % 40);
    needs.push_back({static_cast<Id>(needs.size()), End::ofGroup(a), End::ofGroup(b), budget,
                     1.0 + static_cast<double>(a % 3)});
  }
  return needs;
}

// Digest of a needs run: the three figures the peers also compute, then the engine's own.
std::string needsDigest(const NeedsEngine& e) {
  double latency = 0.0;
  long reachable = 0, nodeDisjoint = 0, edgeDisjoint = 0, budgetFound = 0;
  std::set<Id> cutNodes;
  long cutNeeds = 0;
  for (const NeedAnswer& a : e.answers()) {
    if (!a.reachable) continue;
    ++reachable;
    latency += a.fastest.latency;
    nodeDisjoint += a.nodeDisjoint;
    edgeDisjoint += a.edgeDisjoint;
    budgetFound += a.reliableWithinBudget.found;
    cutNodes.insert(a.cutNodes.begin(), a.cutNodes.end());
    cutNeeds += !a.cutNodes.empty();
  }
  double maxLoad = 0.0;
  for (double x : e.load()) maxLoad = std::max(maxLoad, x);
  std::string out = "{\"latency\":" + fmt(latency);
  out += ",\"reachable\":" + std::to_string(reachable);
  out += ",\"node_disjoint\":" + std::to_string(nodeDisjoint);
  out += ",\"edge_disjoint\":" + std::to_string(edgeDisjoint);
  out += ",\"budget_found\":" + std::to_string(budgetFound);
  out += ",\"cut_needs\":" + std::to_string(cutNeeds);
  out += ",\"spof\":" + std::to_string(cutNodes.size());
  out += ",\"max_load\":" + fmt(maxLoad);
  return out + "}";
}

// LIAISON_NEEDS_PARTS=1: time each part of the engine alone on stderr (paths, budget paths,
// counts, counts with cuts, load), to see where the time goes.
void needsParts(const Graph& g, const std::vector<GroupDemand>& needs) {
  struct Part {
    const char* name;
    bool paths, budget, counts, cuts, load;
  };
  const Part parts[] = {{"paths", true, false, false, false, false},
                        {"budget", false, true, false, false, false},
                        {"counts", false, false, true, false, false},
                        {"cuts", false, false, false, true, false},
                        {"load", false, false, false, false, true}};
  for (const Part& p : parts) {
    NeedsOptions opt;
    opt.paths = p.paths;
    opt.budgetPaths = p.budget;
    opt.counts = p.counts;
    opt.cuts = p.cuts;
    opt.load = p.load;
    opt.control.threads = threadsFromEnv();
    const double t0 = now();
    NeedsEngine e(g, needs, opt);
    e.run();
    std::fprintf(stderr, "  %-8s %8.2f ms\n", p.name, (now() - t0) * 1e3);
  }
}

std::string runNeeds(const Graph& g, const std::vector<GroupDemand>& needs) {
  NeedsOptions opt;
  opt.control.threads = threadsFromEnv();
  NeedsEngine e(g, needs, opt);
  e.run();
  return needsDigest(e);
}

// The liaison's full analysis of a network with person needs: degree, components, cut points
// and bridges, then the needs engine (paths, counts, cuts, load) with the people themselves
// not counted as single points of failure (endpointsCanFail = false, as the person panel).
std::string fullAnalysis(const Graph& g, const std::vector<GroupDemand>& needs) {
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
  NeedsOptions opt;
  opt.endpointsCanFail = false;
  opt.budgetPaths = false;
  opt.control.threads = threadsFromEnv();
  NeedsEngine engine(g, needs, opt);
  engine.run();
  lap("needs");
  int unreachable = 0, disjoint = 0;
  double latency = 0.0;
  std::set<Id> spof;
  for (const NeedAnswer& a : engine.answers()) {
    unreachable += !a.reachable;
    disjoint += a.edgeDisjoint + a.nodeDisjoint;
    latency += a.fastest.latency;
    spof.insert(a.cutNodes.begin(), a.cutNodes.end());
  }
  double maxLoad = 0.0;
  for (double x : engine.load()) maxLoad = std::max(maxLoad, x);
  std::string out = "{\"needs\":" + std::to_string(needs.size());
  out += ",\"unreachable\":" + std::to_string(unreachable);
  out += ",\"disjoint\":" + std::to_string(disjoint);
  out += ",\"latency\":" + fmt(latency);
  out += ",\"max_load\":" + fmt(maxLoad);
  out += ",\"spof\":" + std::to_string(spof.size());
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
      "analysis", "layout_fr",   "needs",           "needs_list"};
  bool known = false;
  for (const char* t : kTasks) known = known || task == t;
  if (!known) return 2;

  if (task == "load_csv") {
    for (int i = 0; i < repeats; ++i) {
      Graph g;
      const double t0 = now();
      if (!loadCsv(base + ".csv", g)) return 1;
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
  const bool agencyNeeds = task == "needs" || task == "needs_list";
  if (agencyNeeds) {  // the agencies become the nodes' groups
    std::vector<Id> agency;
    if (!loadAgencies(base + ".graphml", agency)) {
      std::fprintf(stderr, "%s.graphml: no node attribute \"agency\"\n", base.c_str());
      return 1;
    }
    std::vector<NodeSpec> nodes = g.nodes();
    for (NodeSpec& v : nodes)
      v.group = static_cast<std::size_t>(v.id) < agency.size()
                    ? agency[static_cast<std::size_t>(v.id)]
                    : -1;
    g = Graph(std::move(nodes), g.edges());
  }
  const std::vector<GroupDemand> needs = agencyNeeds          ? makeAgencyNeeds(g)
                                         : task == "analysis" ? makePersonNeeds(g.nodeCount())
                                                              : std::vector<GroupDemand>{};
  if (task == "needs_list") {
    for (const GroupDemand& d : needs)
      std::printf("%lld,%lld,%.17g\n", static_cast<long long>(d.source.group),
                  static_cast<long long>(d.target.group), d.latencyBudget);
    return 0;
  }
  std::printf("{\"event\":\"loaded\",\"seconds\":%.6f,\"n\":%d,\"m\":%d}\n", now() - t0,
              g.nodeCount(), g.edgeCount());
  if (task == "needs" && std::getenv("LIAISON_NEEDS_PARTS")) needsParts(g, needs);
  for (int i = 0; i < repeats; ++i) {
    const double t1 = now();
    const std::string check = task == "needs"      ? runNeeds(g, needs)
                              : task == "analysis" ? fullAnalysis(g, needs)
                                                   : runTask(task, g);
    const double dt = now() - t1;
    std::printf("{\"event\":\"run\",\"i\":%d,\"seconds\":%.6f,\"check\":%s}\n", i, dt,
                check.c_str());
    flushIfLong(dt);
    if (dt > cutoff) break;
  }
  std::printf("{\"event\":\"done\"}\n");
  return 0;
}
