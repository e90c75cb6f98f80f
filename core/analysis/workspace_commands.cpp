// `liaison analyze`, `path` and `whatif` on a workspace: the engine's answers (analysis.hpp)
// in words and JSON, every name made safe for a terminal. GraphML files are
// graphml_commands.cpp.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <ostream>
#include <stdexcept>

#include "core/analysis/analysis_cli.hpp"
#include "core/analysis/command_support.hpp"
#include "core/analysis/communications.hpp"
#include "core/model/enums.hpp"
#include "core/model/printable.hpp"
#include "core/model/values.hpp"

namespace liaison::core {

namespace detail {
int analyzeGraphml(const AnalyzeRequest& rq, std::ostream& out);
int pathGraphml(const PathRequest& rq, std::ostream& out);
int whatIfGraphml(const WhatIfRequest& rq, const std::vector<std::string>& tokens,
                  std::ostream& out);
}  // namespace detail

namespace fs = std::filesystem;
using graph::Index;
using graph::Metric;
using nlohmann::json;
using namespace detail;

namespace {

std::string name(const Snapshot& s, NetworkLevel level, Id node) {
  return printable(describeNode(s, level, node));
}

std::string needLabel(const Snapshot& s, const NeedResult& r) {
  return agencyCode(s, r.agency_a) + " - " + agencyCode(s, r.agency_b) + " (need " +
         std::to_string(r.need) + ", " + std::string(toString(r.priority)) + ")";
}

std::string needLabel(const Snapshot& s, Id id) {
  const Need* n = s.need(id);
  if (!n) return "need " + std::to_string(id);
  return agencyCode(s, n->agency_a) + " - " + agencyCode(s, n->agency_b) + " (need " +
         std::to_string(id) + ", " + std::string(toString(n->priority)) + ")";
}

std::string plural(std::size_t n, const char* word) {
  if (std::string_view(word) == "person") return std::to_string(n) + (n == 1 ? " person" : " people");
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

Metric workspaceWeight(const std::string& w) {
  if (w == "latency" || w == "latency_min") return Metric::Latency;
  if (w == "reliability") return Metric::Reliability;
  throw std::runtime_error("--weight " + printable(w) +
                           ": a workspace's channels have latency (latency_min) or reliability");
}

std::string countsText(const NeedResult& r) {
  const std::string least = r.countsAtLeast ? "at least " : "";
  return least + plural(static_cast<std::size_t>(r.nodeDisjoint), "independent path") +
         " (no shared person), " + least + std::to_string(r.edgeDisjoint) + " with no shared channel";
}

json needJson(const Snapshot& s, const NeedResult& r) {
  return {{"id", r.need},
          {"agencies", {agencyCode(s, r.agency_a), agencyCode(s, r.agency_b)}},
          {"priority", toString(r.priority)},
          {"reason", r.reason},
          {"status", toString(r.state)},
          {"why", r.why},
          {"latency_budget_min", r.level.latencyBudget},
          {"reliability_floor", r.level.reliabilityFloor},
          {"independent_paths", r.nodeDisjoint},
          {"node_disjoint", r.nodeDisjoint},
          {"edge_disjoint", r.edgeDisjoint},
          {"independent_paths_at_least", r.countsAtLeast},
          {"single_points", r.singlePoints},
          {"single_channels", r.singleChannels},
          {"fastest", pathJson(r.fastest)},
          {"most_reliable", pathJson(r.reliable)},
          {"most_reliable_within_budget", pathJson(r.reliableInBudget)},
          {"fewest_hops", pathJson(r.fewestHops)},
          {"recommended", pathJson(r.recommended)}};
}

CommunicationsOptions communicationsOptions(const AnalyzeRequest& rq) {
  CommunicationsOptions o;
  const auto time = [](const std::string& text, const char* option) -> std::optional<TimeUtc> {
    if (text.empty()) return std::nullopt;
    if (auto t = parseTime(text)) return t;
    throw std::invalid_argument(std::string(option) + " " + printable(text) +
                                " is not a time; expected ISO 8601 with a zone, e.g. "
                                "2026-05-14T09:12:00Z");
  };
  o.from = time(rq.comm_from, "--from");
  o.to = time(rq.comm_to, "--to");
  o.as_of = time(rq.comm_as_of, "--as-of");
  o.period = rq.comm_period;
  o.silent_after = rq.silent_after;
  o.now = rq.now;
  return o;
}

int analyzeWorkspace(const AnalyzeRequest& rq, std::ostream& out) {
  SnapshotPtr snap = loadWorkspace(rq.input);
  const Snapshot& s = *snap;
  const CommunicationsResult comm = analyzeCommunications(s, communicationsOptions(rq));
  AnalysisOptions opt;
  opt.network.level = rq.level;
  opt.topCount = rq.top;
  opt.allPairsBetweenness = true;  // the command line reports every measure, whatever the size
  AnalysisResult res = analyze(s, opt);
  Network net = buildNetwork(s, opt.network);
  const bool weighted = !rq.weight.empty();
  const Metric wm = weighted ? workspaceWeight(rq.weight) : Metric::Hops;
  const graph::Graph ug =
      rq.undirected != Undirected::No ? undirectedCopy(net.graph, rq.undirected) : graph::Graph{};
  const graph::Graph& g = rq.undirected != Undirected::No ? ug : net.graph;
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
                {"available", nr.available},
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
    j["availability"] = {{"people_out", res.peopleOut},
                         {"channels_down", res.channelsDown},
                         {"channels_degraded", res.channelsDegraded},
                         {"infrastructure_down", res.infrastructureDown}};
    json needs = json::array();
    for (const NeedResult& r : res.needs) needs.push_back(needJson(s, r));
    j["needs"] = std::move(needs);
    json counts;
    for (NeedState st : {NeedState::Broken, NeedState::SinglePath, NeedState::Degraded,
                         NeedState::Slow, NeedState::Ok})
      counts[toString(st)] = res.count(st);
    j["need_counts"] = counts;
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
      rec.push_back({{"from", l.from},
                     {"to", l.to},
                     {"medium", toString(l.medium)},
                     {"identifier", l.identifier},
                     {"latency_min", l.latency},
                     {"reliability", l.reliability},
                     {"text", l.text},
                     {"unrouted_before", l.unroutedBefore},
                     {"unrouted_after", l.unroutedAfter},
                     {"spof_before", l.spofBefore},
                     {"spof_after", l.spofAfter},
                     {"single_path_before", l.singlePathBefore},
                     {"single_path_after", l.singlePathAfter}});
    j["recommendations"] = rec;
    j["communications"] = communicationsJson(s, comm);
    out << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
    return 0;
  }

  out << printable(rq.input) << " (version " << res.version << "): " << g.nodeCount()
      << (rq.level == NetworkLevel::Agencies ? " agencies, " : " representatives, ")
      << g.edgeCount() << " channels, " << s.needs.size() << " needs; " << m.weak
      << (m.weak == 1 ? " weak component" : " weak components") << ", diameter " << m.diameter << " hops\n";
  out << "Out now: " << plural(res.peopleOut.size(), "person") << ", "
      << plural(res.channelsDown.size(), "channel") << " down, "
      << res.channelsDegraded.size() << " degraded, "
      << plural(res.infrastructureDown.size(), "infrastructure element") << " down\n";
  out << "Needs: " << res.count(NeedState::Broken) << " broken, "
      << res.count(NeedState::SinglePath) << " single path, " << res.count(NeedState::Degraded)
      << " degraded, " << res.count(NeedState::Slow) << " slow, " << res.count(NeedState::Ok)
      << " ok\n\n";
  out << "Top bottlenecks (load over the needs' fewest-hop routes):\n";
  if (res.bottlenecks.empty()) out << "  none\n";
  for (const auto& b : res.bottlenecks) {
    out << "  " << name(s, rq.level, b.node) << "  load " << num(b.load) << ", betweenness "
        << num(b.betweenness) << "; carries";
    for (Id n : b.needs) out << " " << n;
    out << "\n";
  }
  out << "\nSingle points of failure (their loss alone cuts a need): "
      << res.singlePoints.size() << "\n";
  if (res.singlePoints.empty()) out << "  none\n";
  for (const auto& p : res.singlePoints) {
    out << "  " << name(s, rq.level, p.node) << " cuts " << plural(p.needs.size(), "need")
        << ":";
    for (Id n : p.needs) out << " " << needLabel(s, n) << ";";
    out << "\n";
  }
  out << "Articulation points:";
  for (Id a : m.ap) out << " " << name(s, rq.level, a) << ";";
  out << "\nBridges (channels):";
  for (Id e : m.bridges) out << " " << e;
  out << "\n\nNeeds without a working path:\n";
  bool any = false;
  for (const auto& r : res.needs)
    if (r.state == NeedState::Broken) {
      out << "  " << needLabel(s, r) << ": " << printable(r.why) << "\n";
      any = true;
    }
  if (!any) out << "  none\n";
  out << "\nSilent needs (no message between the agencies for longer than the priority's "
         "interval, as of "
      << formatTime(comm.as_of) << ", " << comm.messages << " messages in the window):\n";
  if (comm.silent.empty()) out << "  none\n";
  for (const SilentNeed& x : comm.silent) out << "  " << x.text << "\n";
  if (!comm.coordinators.empty()) {
    out << "Emergent coordinators (traffic far above what their formal role predicts):\n";
    for (const EmergentCoordinator& c : comm.coordinators) out << "  " << c.text << "\n";
  }
  out << "\nNeeds (recommended route, within the latency budget when one is):\n";
  for (const auto& r : res.needs) {
    out << "  [" << toString(r.state) << "] " << needLabel(s, r);
    if (r.state != NeedState::Broken) out << ", " << countsText(r);
    out << "\n";
    if (!r.why.empty() && r.state != NeedState::Broken) out << "      " << printable(r.why) << "\n";
    if (r.recommended.path.found) out << "      " << printable(r.recommended.sentence) << "\n";
  }
  if (!res.recommendations.empty()) {
    out << "\nRecommended new links (figures of a fresh analysis with the link added):\n";
    for (const auto& l : res.recommendations)
      out << "  " << printable(l.text) << ": needs without a path " << l.unroutedBefore << " -> "
          << l.unroutedAfter << ", single points of failure " << l.spofBefore << " -> "
          << l.spofAfter << ", single-path needs " << l.singlePathBefore << " -> "
          << l.singlePathAfter << "\n";
  }
  return 0;
}

// A workspace endpoint: an agency code (any of its people), a representative id or name.
Endpoint resolveWorkspace(const Snapshot& s, const std::string& text) {
  for (const Agency& a : s.agencies)
    if (lower(a.code) == lower(text)) return {EntityKind::Agency, a.id};
  std::string t = text.rfind("rep:", 0) == 0 ? text.substr(4) : text;
  if (!t.empty() && std::all_of(t.begin(), t.end(), ::isdigit))
    if (const Representative* r = s.representative(std::stoll(t)))
      return {EntityKind::Representative, r->id};
  for (const Representative& r : s.representatives)
    if (lower(r.name) == lower(text)) return {EntityKind::Representative, r.id};
  throw std::runtime_error("\"" + printable(text) +
                           "\" is neither an agency code, a representative id nor a name");
}

void printRoute(std::ostream& out, const ExplainedPath& p, const char* indent) {
  for (const std::string& step : p.steps) out << indent << printable(step) << "\n";
}

int pathWorkspace(const PathRequest& rq, std::ostream& out) {
  SnapshotPtr snap = loadWorkspace(rq.input);
  const Snapshot& s = *snap;
  AnalysisOptions opt;
  opt.network.level = rq.level;
  PairQuery q;
  q.from = resolveWorkspace(s, rq.from);
  q.to = resolveWorkspace(s, rq.to);
  q.alternatives = rq.k;
  q.latencyBudget = rq.budget;
  PairResult res = pairPaths(s, q, opt);
  if (!res.error.empty()) throw std::runtime_error(res.error);
  const std::string from = printable(rq.from), to = printable(rq.to);
  if (rq.by == "fastest") {
    out << "Fastest ways for " << from << " to reach " << to << ":\n";
    if (res.alternatives.empty()) out << "  no working path\n";
    for (std::size_t i = 0; i < res.alternatives.size(); ++i) {
      const graph::Path& p = res.alternatives[i].path;
      out << "  " << i + 1 << ". " << p.hops.size() << " hops, " << num(p.latency)
          << " min, reliability " << num(p.reliability) << "\n";
      printRoute(out, res.alternatives[i], "     ");
    }
    if (res.fewerAlternatives && rq.k > 1)
      out << "  (only " << plural(res.alternatives.size(), "distinct route")
          << " exist: routes differ in at least one relay person)\n";
  } else {
    const bool reliable = rq.by == "reliable";
    const ExplainedPath& p =
        reliable ? (res.budget ? res.reliableInBudget : res.reliable) : res.fewestHops;
    out << (reliable ? "Most reliable" : "Fewest-hop") << " way for " << from << " to reach "
        << to;
    if (reliable && res.budget) out << " within " << num(*res.budget) << " min";
    out << ":\n";
    if (!p.path.found) {
      out << "  no working path";
      if (reliable && res.budget && res.reliable.path.found)
        out << " within the budget; the most reliable route takes "
            << num(res.reliable.path.latency) << " min";
      out << "\n";
    } else {
      out << "  " << p.path.hops.size() << " hops, " << num(p.path.latency)
          << " min, reliability " << num(p.path.reliability) << "\n";
      printRoute(out, p, "     ");
    }
  }
  out << "Edge-disjoint paths: " << res.edgeDisjoint << "; node-disjoint paths: "
      << res.nodeDisjoint << "\n";
  if (!res.singlePoints.empty() || !res.singleChannels.empty()) {
    out << "Single points of failure:";
    for (Id v : res.singlePoints) out << " " << name(s, rq.level, v) << ";";
    for (Id c : res.singleChannels) out << " channel " << c << ";";
    out << "\n";
  }
  return 0;
}

int whatIfWorkspace(const WhatIfRequest& rq, const std::vector<std::string>& tokens,
                    std::ostream& out) {
  SnapshotPtr snap = loadWorkspace(rq.input);
  const Snapshot& s = *snap;
  FailureSet fs;
  for (const auto& t : tokens)
    if (std::string err = addFailure(s, t, fs); !err.empty())
      throw std::runtime_error("--fail " + printable(t) + ": " + printable(err));
  AnalysisOptions opt;
  opt.network.level = rq.level;
  WhatIfResult w = whatIf(s, fs, opt);
  auto ids = [](const std::vector<Id>& v) { return v; };
  if (rq.json) {
    json j, needs = json::array();
    auto orNull = [](double v) { return v == graph::kInf ? json(nullptr) : json(v); };
    for (const auto& n : w.needs)
      needs.push_back({{"id", n.need},
                       {"before", toString(n.before)},
                       {"after", toString(n.after)},
                       {"broken", n.broken()},
                       {"degraded", n.degraded()},
                       {"latency_before", orNull(n.latencyBefore)},
                       {"latency_after", orNull(n.latencyAfter)},
                       {"reliability_before", n.reliabilityBefore},
                       {"reliability_after", n.reliabilityAfter},
                       {"paths_before", n.pathsBefore},
                       {"paths_after", n.pathsAfter},
                       {"detour", pathJson(n.detour)}});
    j["failed"] = w.failedWords;
    j["needs"] = needs;
    j["unchanged"] = w.unchanged;
    j["channels_lost"] = ids(w.channelsLost);
    j["people_lost"] = ids(w.peopleLost);
    j["in_zones"] = {{"infrastructure", w.inZones.infrastructure},
                     {"representatives", w.inZones.representatives},
                     {"agencies", w.inZones.agencies}};
    auto top = [&](const std::vector<Bottleneck>& v) {
      json a = json::array();
      for (const auto& b : v)
        a.push_back({{"id", b.node}, {"name", describeNode(s, rq.level, b.node)}, {"load", b.load}});
      return a;
    };
    j["top_load_before"] = top(w.topBefore);
    j["top_load_after"] = top(w.topAfter);
    out << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
    return 0;
  }
  out << "If " << printable(w.failedWords) << " fail"
      << (w.failed.representatives.size() + w.failed.agencies.size() +
                      w.failed.channels.size() + w.failed.infrastructure.size() +
                      w.failed.media.size() + w.failed.prefixes.size() + w.failed.zones.size() ==
                  1
              ? "s"
              : "")
      << ":\n";
  if (!w.failed.zones.empty()) {
    out << "\nInside the zone:";
    if (w.inZones.infrastructure.empty() && w.inZones.representatives.empty() &&
        w.inZones.agencies.empty())
      out << " nothing of the workspace";
    out << "\n";
    for (Id i : w.inZones.infrastructure)
      if (const Infrastructure* x = s.infrastructureItem(i))
        out << "  infrastructure " << printable(x->name) << " (" << toString(x->kind) << ")\n";
    for (Id a : w.inZones.agencies) out << "  post of " << agencyCode(s, a) << "\n";
    for (Id r : w.inZones.representatives)
      out << "  " << name(s, NetworkLevel::Representatives, r) << "\n";
  }
  out << "\nOut: " << plural(w.peopleLost.size(), "person") << ", "
      << plural(w.channelsLost.size(), "channel") << "\n";
  out << "\nNeeds that lose every working path:\n";
  int broken = 0;
  for (const auto& n : w.needs)
    if (n.broken()) {
      out << "  " << needLabel(s, n.need) << " (was " << toString(n.before);
      if (n.latencyBefore != graph::kInf) out << ", fastest " << num(n.latencyBefore) << " min";
      out << ")\n";
      ++broken;
    }
  if (broken == 0) out << "  none\n";
  out << "\nNeeds that change:\n";
  int changed = 0;
  for (const auto& n : w.needs) {
    if (n.broken()) continue;
    out << "  " << needLabel(s, n.need) << ": " << toString(n.before) << " -> "
        << toString(n.after);
    if (graph::compareLengths(n.latencyBefore, n.latencyAfter) != 0)
      out << ", fastest " << num(n.latencyBefore) << " -> " << num(n.latencyAfter) << " min";
    if (graph::compareLengths(n.reliabilityBefore, n.reliabilityAfter) != 0)
      out << ", reliability " << num(n.reliabilityBefore) << " -> " << num(n.reliabilityAfter);
    if (n.pathsBefore != n.pathsAfter)
      out << ", independent paths " << n.pathsBefore << " -> " << n.pathsAfter;
    out << "\n";
    if (n.detour.path.found) out << "      route now: " << printable(n.detour.sentence) << "\n";
    ++changed;
  }
  if (changed == 0) out << "  none\n";
  out << "(" << plural(static_cast<std::size_t>(w.unchanged), "need") << " unchanged)\n";
  out << "\nTop loads before -> after:\n";
  for (std::size_t i = 0; i < std::max(w.topBefore.size(), w.topAfter.size()); ++i) {
    out << "  ";
    out << (i < w.topBefore.size()
                ? name(s, rq.level, w.topBefore[i].node) + " " + num(w.topBefore[i].load)
                : "-");
    out << "  |  ";
    out << (i < w.topAfter.size()
                ? name(s, rq.level, w.topAfter[i].node) + " " + num(w.topAfter[i].load)
                : "-");
    out << "\n";
  }
  return 0;
}

}  // namespace

bool isGraphmlInput(const fs::path& input) {
  const std::string ext = lower(input.extension().string());
  if (ext == ".graphml" || ext == ".xml") return true;
  if (ext == ".liaison") return false;
  std::error_code ec;
  if (!fs::is_regular_file(input, ec)) return false;  // the loader says what is wrong
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
  metricByName(rq.by);
  if (rq.k < 1) throw std::runtime_error("--k must be at least 1");
  return isGraphmlInput(rq.input) ? pathGraphml(rq, out) : pathWorkspace(rq, out);
}

int runWhatIf(const WhatIfRequest& rq, std::ostream& out) {
  const std::vector<std::string> tokens = failTokens(rq.fail);
  return isGraphmlInput(rq.input) ? whatIfGraphml(rq, tokens, out)
                                  : whatIfWorkspace(rq, tokens, out);
}

}  // namespace liaison::core
