#include "core/analysis/analysis.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

#include "core/model/enums.hpp"
#include "graph/betweenness.hpp"
#include "graph/biconnected.hpp"
#include "graph/components.hpp"
#include "graph/degree_centrality.hpp"
#include "graph/demand_load.hpp"
#include "graph/link_recommender.hpp"
#include "graph/targeted_search.hpp"

namespace liaison::core {

using graph::Index;
using graph::kInf;
using graph::kNoIndex;
using graph::Metric;

const char* toString(NeedState s) {
  switch (s) {
    case NeedState::Ok:
      return "ok";
    case NeedState::Slow:
      return "slow";
    case NeedState::SinglePath:
      return "single_path";
    case NeedState::Broken:
      return "broken";
  }
  return "?";
}

const NodeResult* AnalysisResult::node(Id id) const {
  for (const auto& n : nodes)
    if (n.id == id) return &n;
  return nullptr;
}

const NeedResult* AnalysisResult::need(Id id) const {
  for (const auto& n : needs)
    if (n.need == id) return &n;
  return nullptr;
}

bool NeedImpact::degraded() const {
  if (broken()) return false;
  if (after == NeedState::Broken) return false;
  return graph::compareLengths(latencyAfter, latencyBefore) > 0 ||
         graph::compareLengths(reliabilityAfter, reliabilityBefore) < 0 ||
         (after == NeedState::SinglePath && before != NeedState::SinglePath &&
          before != NeedState::Broken);
}

std::string describeNode(const Snapshot& snapshot, NetworkLevel level, Id node) {
  if (level == NetworkLevel::Agencies) {
    const Agency* a = snapshot.agency(node);
    return a ? a->code : "agency " + std::to_string(node);
  }
  const Representative* r = snapshot.representative(node);
  if (!r) return "representative " + std::to_string(node);
  const Agency* a = snapshot.agency(r->agency);
  std::string role = a ? a->code : std::string();
  if (!r->position.empty()) role += (role.empty() ? "" : " ") + r->position;
  return role.empty() ? r->name : r->name + " (" + role + ")";
}

namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

bool isSensitive(const Snapshot& s, Id rep, const std::string& value) {
  const Representative* r = s.representative(rep);
  if (!r || value.empty()) return false;
  for (const auto& c : r->contacts)
    if (c.sensitive && c.value == value) return true;
  return false;
}

std::string channelWords(const Snapshot& s, const graph::Hop& hop) {
  const Channel* c = s.channel(hop.edge);
  std::string medium = c ? std::string(toString(c->medium)) : "channel";
  std::replace(medium.begin(), medium.end(), '_', ' ');
  std::string ident = c ? c->identifier : std::string();
  if (c && (isSensitive(s, hop.from, ident) || isSensitive(s, hop.to, ident)))
    ident = "(private number)";
  std::string words = medium;
  if (!ident.empty()) words += " " + ident;
  words += " [channel " + std::to_string(hop.edge) + "]";
  if (c && c->status == ChannelStatus::Degraded) words += " (degraded)";
  if (c && !c->betweenReps()) words += " (agency line, via primary contacts)";
  return words + " (" + number(hop.latency) + " min, " + number(hop.reliability) + ")";
}

ExplainedPath explain(const Snapshot& s, NetworkLevel level, graph::Path path) {
  ExplainedPath out;
  out.path = std::move(path);
  if (!out.path.found) {
    out.sentence = "no working path";
    return out;
  }
  for (std::size_t i = 0; i < out.path.hops.size(); ++i) {
    const graph::Hop& h = out.path.hops[i];
    std::string step = i == 0 ? describeNode(s, level, h.from) + " calls " : "who relays to ";
    step += describeNode(s, level, h.to) + " on " + channelWords(s, h);
    out.steps.push_back(step);
    out.sentence += (i == 0 ? "" : ", ") + step;
  }
  if (out.path.hops.empty()) out.sentence = describeNode(s, level, out.path.nodes.front());
  out.sentence += "; total " + number(out.path.latency) + " min, reliability " +
                  number(out.path.reliability) + ", " + std::to_string(out.path.hops.size()) +
                  " hops";
  return out;
}

graph::Failures toFailures(const Network& net, const FailureSet& f) {
  graph::Failures out;
  out.nodes = f.representatives;
  for (Id a : f.agencies) {
    auto it = net.members.find(a);
    if (it != net.members.end())
      out.nodes.insert(out.nodes.end(), it->second.begin(), it->second.end());
  }
  out.edges = f.channels;
  return out;
}

bool cancelled(const AnalysisOptions& o) {
  return o.control.cancel && o.control.cancel->load(std::memory_order_relaxed);
}

void progress(const AnalysisOptions& o, double p) {
  if (o.control.progress) o.control.progress(p);
}

// Paths and independent path counts of every need, under a failure set.
struct NeedPass {
  std::vector<NeedResult> needs;
  std::vector<graph::Demand> demands;  // fewest-hop pair per need (primary pair when unrouted)
  bool cancelled = false;
};

NeedPass runNeeds(const Snapshot& s, const Network& net, const GroupRouter& router,
                  const graph::Failures& failures, const AnalysisOptions& opt, double p0,
                  double p1) {
  NeedPass out;
  const graph::Graph& aug = router.augmented();
  graph::ActiveMask mask(aug, failures);
  // One single-source run per source agency and metric.
  std::map<Id, std::vector<std::size_t>> bySource;
  for (std::size_t i = 0; i < s.needs.size(); ++i) {
    const Need& n = s.needs[i];
    NeedResult r;
    r.need = n.id;
    r.agency_a = n.agency_a;
    r.agency_b = n.agency_b;
    r.priority = n.priority;
    r.reason = n.reason;
    out.needs.push_back(std::move(r));
    if (router.sourceOf(n.agency_a) != kNoIndex && router.sinkOf(n.agency_b) != kNoIndex &&
        n.agency_a != n.agency_b)
      bySource[n.agency_a].push_back(i);
  }
  const Metric metrics[3] = {Metric::Latency, Metric::Reliability, Metric::Hops};
  // One search per source agency and metric, stopped once that agency's targets are settled.
  const graph::TargetedSearch searches[3] = {
      {aug, mask, metrics[0]}, {aug, mask, metrics[1]}, {aug, mask, metrics[2]}};
  // Source agencies are independent: each writes only its own needs' results. They are shared
  // among worker threads (RunControl::threads, 0 = all cores); progress is serialised.
  std::vector<const std::pair<const Id, std::vector<std::size_t>>*> sources;
  for (const auto& entry : bySource) sources.push_back(&entry);
  const bool exact = net.graph.nodeCount() <= opt.exactIndependentPathsUpTo;
  std::atomic<std::size_t> nextSource{0};
  std::atomic<bool> stop{false};
  std::mutex progressMutex;
  std::size_t done = 0;
  auto worker = [&] {
    graph::TargetedSearch::Searcher searchers[3] = {graph::TargetedSearch::Searcher(searches[0]),
                                                    graph::TargetedSearch::Searcher(searches[1]),
                                                    graph::TargetedSearch::Searcher(searches[2])};
    std::vector<Index> targets;
    for (;;) {
      const std::size_t k = nextSource.fetch_add(1, std::memory_order_relaxed);
      if (k >= sources.size() || stop.load(std::memory_order_relaxed)) return;
      if (cancelled(opt)) {
        stop = true;
        return;
      }
      const Id src = sources[k]->first;
      const std::vector<std::size_t>& list = sources[k]->second;
      const Index si = router.sourceOf(src);
      targets.clear();
      for (std::size_t i : list) targets.push_back(router.sinkOf(s.needs[i].agency_b));
      for (int m = 0; m < 3; ++m) {
        graph::TargetedSearch::Searcher& sp = searchers[m];
        sp.run(si, targets);
        for (std::size_t i : list) {
          const Index ti = router.sinkOf(s.needs[i].agency_b);
          if (!sp.reached(ti)) continue;
          graph::Path p = router.realPath(si, sp.arcsTo(ti), metrics[m]);
          ExplainedPath e = explain(s, net.level, std::move(p));
          NeedResult& r = out.needs[i];
          (m == 0 ? r.fastest : m == 1 ? r.reliable : r.fewestHops) = std::move(e);
        }
      }
      for (std::size_t i : list) {
        NeedResult& r = out.needs[i];
        if (!r.fastest.path.found) continue;
        if (exact) {
          r.independentPaths = router.independentPaths(r.agency_a, r.agency_b, mask);
        } else {
          r.independentPaths = 2;  // refined by the single points of failure
          r.independentPathsAtLeast = true;
        }
      }
      std::lock_guard<std::mutex> lock(progressMutex);
      done += list.size();
      progress(opt,
               p0 + (p1 - p0) * double(done) / double(std::max<std::size_t>(1, s.needs.size())));
    }
  };
  unsigned threads =
      opt.control.threads ? opt.control.threads : std::thread::hardware_concurrency();
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(sources.size())));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (stop.load() || (cancelled(opt) && nextSource.load() < sources.size())) {
    out.cancelled = true;
    return out;
  }
  for (NeedResult& r : out.needs) {
    if (!r.fastest.path.found)
      r.state = NeedState::Broken;
    else if (r.independentPaths <= 1)
      r.state = NeedState::SinglePath;
    else if (r.fastest.path.latency > opt.slowMinutes)
      r.state = NeedState::Slow;
    else
      r.state = NeedState::Ok;
    graph::Demand d;
    if (r.fewestHops.path.found && !r.fewestHops.path.nodes.empty()) {
      d.source = r.fewestHops.path.nodes.front();
      d.target = r.fewestHops.path.nodes.back();
    } else {
      auto a = net.members.find(r.agency_a), b = net.members.find(r.agency_b);
      if (net.level == NetworkLevel::Agencies) {
        d.source = r.agency_a;
        d.target = r.agency_b;
      } else {
        auto pa = net.primary.find(r.agency_a), pb = net.primary.find(r.agency_b);
        d.source = pa != net.primary.end()
                       ? pa->second
                       : (a != net.members.end() && !a->second.empty() ? a->second.front() : 0);
        d.target = pb != net.primary.end()
                       ? pb->second
                       : (b != net.members.end() && !b->second.empty() ? b->second.front() : 0);
      }
    }
    out.demands.push_back(d);
  }
  return out;
}

// Single points of failure per need, groups included (direction ignored): a node whose loss
// alone leaves no representative of A connected to a representative of B.
void findSinglePoints(const Network& net, const std::vector<Id>& articulation,
                      std::vector<NeedResult>& needs) {
  const graph::Graph& g = net.graph;
  graph::ActiveMask mask(g);
  const graph::Adjacency adj = g.undirected();
  const Index n = g.nodeCount();
  auto label = [&](Index skip, std::vector<int>& comp) {
    comp.assign(n, -1);
    std::vector<Index> stack;
    int next = 0;
    for (Index v = 0; v < n; ++v) {
      if (comp[v] >= 0 || v == skip || !mask.nodeActive(v)) continue;
      comp[v] = next;
      stack.push_back(v);
      while (!stack.empty()) {
        Index u = stack.back();
        stack.pop_back();
        for (Index i = adj.offsets[u]; i < adj.offsets[u + 1]; ++i) {
          const Index w = adj.targets[i];
          if (w == skip || comp[w] >= 0 || !mask.arcActive(adj.arcs[i], w)) continue;
          comp[w] = next;
          stack.push_back(w);
        }
      }
      ++next;
    }
  };
  auto indices = [&](Id group) {
    std::vector<Index> out;
    auto it = net.members.find(group);
    if (it == net.members.end()) return out;
    for (Id id : it->second) {
      Index v = g.nodeIndex(id);
      if (v != kNoIndex && mask.nodeActive(v)) out.push_back(v);
    }
    return out;
  };
  std::vector<int> base;
  label(kNoIndex, base);
  struct Pending {
    std::size_t need;
    int comp;
    std::vector<Index> a, b;
  };
  std::vector<Pending> pending;
  for (std::size_t i = 0; i < needs.size(); ++i) {
    auto a = indices(needs[i].agency_a), b = indices(needs[i].agency_b);
    std::set<int> ca, shared;
    for (Index v : a) ca.insert(base[v]);
    for (Index v : b)
      if (ca.count(base[v])) shared.insert(base[v]);
    if (shared.size() != 1) continue;  // none: already cut; two or more: no single node cuts it
    const int k = *shared.begin();
    Pending p{i, k, {}, {}};
    for (Index v : a)
      if (base[v] == k) p.a.push_back(v);
    for (Index v : b)
      if (base[v] == k) p.b.push_back(v);
    if (p.a.size() == 1) needs[i].singlePoints.push_back(g.node(p.a[0]).id);
    if (p.b.size() == 1) needs[i].singlePoints.push_back(g.node(p.b[0]).id);
    pending.push_back(std::move(p));
  }
  if (pending.empty()) return;
  std::vector<int> comp;
  for (Id apId : articulation) {
    const Index c = g.nodeIndex(apId);
    bool relevant = false;
    for (const Pending& p : pending) relevant |= p.comp == base[c];
    if (!relevant) continue;
    label(c, comp);
    for (const Pending& p : pending) {
      if (p.comp != base[c]) continue;
      auto& sp = needs[p.need].singlePoints;
      if (std::find(sp.begin(), sp.end(), apId) != sp.end()) continue;
      std::set<int> ca;
      for (Index v : p.a)
        if (v != c) ca.insert(comp[v]);
      bool joined = false;
      for (Index v : p.b)
        if (v != c && ca.count(comp[v])) joined = true;
      if (!joined) sp.push_back(apId);
    }
  }
  for (auto& r : needs) std::sort(r.singlePoints.begin(), r.singlePoints.end());
}

std::vector<Bottleneck> rankBottlenecks(const Network& net, const std::vector<double>& load,
                                        const std::vector<double>& betweenness,
                                        const std::vector<NeedResult>& needs, std::size_t top) {
  std::vector<Index> order;
  for (Index v = 0; v < net.graph.nodeCount(); ++v)
    if (load[v] > 0) order.push_back(v);
  std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) {
    if (load[a] != load[b]) return load[a] > load[b];
    return !betweenness.empty() && betweenness[a] > betweenness[b];
  });
  if (order.size() > top) order.resize(top);
  std::vector<Bottleneck> out;
  for (Index v : order) {
    Bottleneck b;
    b.node = net.graph.node(v).id;
    b.load = load[v];
    b.betweenness = betweenness.empty() ? 0.0 : betweenness[v];
    for (const NeedResult& r : needs) {
      const auto& nodes = r.fewestHops.path.nodes;
      if (nodes.size() > 2 &&
          std::find(nodes.begin() + 1, nodes.end() - 1, b.node) != nodes.end() - 1)
        b.needs.push_back(r.need);
    }
    out.push_back(std::move(b));
  }
  return out;
}

std::vector<LinkSuggestion> recommend(const Snapshot& s, const Network& net,
                                      const std::vector<NeedResult>& needs,
                                      const std::vector<graph::Demand>& demands,
                                      const AnalysisOptions& opt) {
  std::vector<graph::CandidateLink> candidates;
  std::set<std::pair<Id, Id>> seen;
  for (std::size_t i = 0; i < needs.size() && candidates.size() < opt.maxCandidates; ++i) {
    const NeedResult& r = needs[i];
    if (r.state != NeedState::Broken && r.state != NeedState::SinglePath) continue;
    Id a = r.agency_a, b = r.agency_b;
    if (net.level == NetworkLevel::Representatives) {
      auto pa = net.primary.find(a), pb = net.primary.find(b);
      if (pa == net.primary.end() || pb == net.primary.end()) continue;
      a = pa->second;
      b = pb->second;
    }
    if (a == b || !seen.insert({std::min(a, b), std::max(a, b)}).second) continue;
    candidates.push_back({a, b, 1.0, 0.95, true});
  }
  std::vector<LinkSuggestion> out;
  if (candidates.empty() || opt.recommendations <= 0) return out;
  std::vector<graph::Demand> usable;
  for (const auto& d : demands)
    if (d.source != 0 && d.target != 0) usable.push_back(d);
  graph::RecommendOptions ro;
  ro.objective = graph::RecommendOptions::Objective::SinglePointsOfFailure;
  ro.k = opt.recommendations;
  graph::LinkRecommender rec(net.graph, usable, candidates, ro);
  rec.run();
  for (const auto& step : rec.chosen()) {
    LinkSuggestion l;
    l.from = step.link.from;
    l.to = step.link.to;
    l.text =
        "link " + describeNode(s, net.level, l.from) + " and " + describeNode(s, net.level, l.to);
    l.unroutedBefore = step.before.unrouted;
    l.unroutedAfter = step.after.unrouted;
    l.valueBefore = step.before.value;
    l.valueAfter = step.after.value;
    out.push_back(std::move(l));
  }
  return out;
}

std::vector<double> loads(const Network& net, const std::vector<graph::Demand>& demands,
                          const graph::Failures& failed, const AnalysisOptions& opt) {
  std::vector<graph::Demand> usable;
  for (const auto& d : demands)
    if (d.source != 0 && d.target != 0) usable.push_back(d);
  graph::LoadOptions lo;
  lo.failed = failed;
  lo.control.cancel = opt.control.cancel;
  lo.control.threads = opt.control.threads;
  graph::DemandLoad dl(net.graph, usable, lo);
  if (!dl.run()) return {};
  return dl.scores();
}

}  // namespace

AnalysisResult analyze(const Snapshot& s, const AnalysisOptions& opt) {
  const auto t0 = std::chrono::steady_clock::now();
  AnalysisResult res;
  auto lap = t0;
  auto phase = [&](const char* name) {
    const auto now = std::chrono::steady_clock::now();
    res.phases.emplace_back(name, std::chrono::duration<double>(now - lap).count());
    lap = now;
  };
  res.version = s.version;
  res.level = opt.network.level;
  Network net = buildNetwork(s, opt.network);
  res.droppedChannels = net.dropped;
  const graph::Graph& g = net.graph;
  GroupRouter router(g, net.members);
  progress(opt, 0.02);
  phase("network");

  NeedPass pass = runNeeds(s, net, router, {}, opt, 0.02, 0.4);
  if (pass.cancelled) {
    res.cancelled = true;
    return res;
  }
  res.needs = std::move(pass.needs);
  phase("needs");

  const bool wantBetweenness = opt.allPairsBetweenness.value_or(
      static_cast<long long>(g.nodeCount()) <= opt.allPairsBetweennessUpTo);
  res.betweennessSkipped = !wantBetweenness;
  std::vector<double> betweenness;
  if (wantBetweenness) {
    graph::BetweennessOptions bo;
    bo.control.cancel = opt.control.cancel;
    bo.control.threads = opt.control.threads;
    graph::Betweenness bw(g, bo);
    if (!bw.run()) {
      res.cancelled = true;
      return res;
    }
    betweenness = bw.scores();
  } else {
    betweenness.assign(g.nodeCount(), 0.0);
  }
  progress(opt, 0.7);
  phase("betweenness");
  std::vector<double> load = loads(net, pass.demands, {}, opt);
  if (load.empty() && g.nodeCount() > 0) {
    res.cancelled = true;
    return res;
  }
  progress(opt, 0.8);
  phase("load");

  graph::Biconnected bc(g, {}, false);
  bc.run();
  res.articulationPoints = bc.articulationPoints();
  res.bridges = bc.bridges();
  graph::Components comps(g);
  comps.run();
  res.weakComponents = comps.weakCount();
  res.strongComponents = comps.strongCount();
  graph::DegreeCentrality deg(g);
  deg.run();
  graph::Brokerage brok(g);
  brok.run();

  for (Index v = 0; v < g.nodeCount(); ++v) {
    NodeResult n;
    n.id = g.node(v).id;
    n.agency = g.node(v).group;
    n.name = describeNode(s, net.level, n.id);
    n.degreeIn = deg.in()[v];
    n.degreeOut = deg.out()[v];
    n.degree = deg.total()[v];
    n.betweenness = betweenness[v];
    n.load = load[v];
    n.articulationPoint = bc.isArticulationPoint(v);
    n.brokerage = brok.roles()[v];
    res.nodes.push_back(std::move(n));
  }
  phase("structure");

  findSinglePoints(net, res.articulationPoints, res.needs);
  for (NeedResult& r : res.needs)
    if (r.state != NeedState::Broken && !r.singlePoints.empty()) {
      r.state = NeedState::SinglePath;
      if (r.independentPathsAtLeast) {
        r.independentPaths = 1;
        r.independentPathsAtLeast = false;
      }
    }
  std::map<Id, std::vector<Id>> cuts;
  for (const NeedResult& r : res.needs)
    for (Id v : r.singlePoints) cuts[v].push_back(r.need);
  for (auto& [v, list] : cuts) res.singlePoints.push_back({v, list});
  std::stable_sort(
      res.singlePoints.begin(), res.singlePoints.end(),
      [](const SinglePoint& a, const SinglePoint& b) { return a.needs.size() > b.needs.size(); });
  res.bottlenecks = rankBottlenecks(
      net, load, wantBetweenness ? betweenness : std::vector<double>{}, res.needs, opt.topCount);
  progress(opt, 0.9);
  phase("single points");
  if (cancelled(opt)) {
    res.cancelled = true;
    return res;
  }
  res.recommendations = recommend(s, net, res.needs, pass.demands, opt);
  progress(opt, 1.0);
  phase("recommendations");
  res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return res;
}

WhatIfResult whatIf(const Snapshot& s, const FailureSet& failed, const AnalysisOptions& opt) {
  WhatIfResult res;
  res.version = s.version;
  res.failed = failed;
  Network net = buildNetwork(s, opt.network);
  GroupRouter router(net.graph, net.members);
  const graph::Failures f = toFailures(net, failed);
  NeedPass before = runNeeds(s, net, router, {}, opt, 0.0, 0.4);
  NeedPass after = before.cancelled ? NeedPass{} : runNeeds(s, net, router, f, opt, 0.4, 0.8);
  if (before.cancelled || after.cancelled) {
    res.cancelled = true;
    return res;
  }
  for (std::size_t i = 0; i < before.needs.size(); ++i) {
    const NeedResult& b = before.needs[i];
    const NeedResult& a = after.needs[i];
    NeedImpact imp;
    imp.need = b.need;
    imp.before = b.state;
    imp.after = a.state;
    if (b.fastest.path.found) imp.latencyBefore = b.fastest.path.latency;
    if (a.fastest.path.found) imp.latencyAfter = a.fastest.path.latency;
    if (b.reliable.path.found) imp.reliabilityBefore = b.reliable.path.reliability;
    if (a.reliable.path.found) imp.reliabilityAfter = a.reliable.path.reliability;
    imp.detour = a.fastest;
    res.needs.push_back(std::move(imp));
  }
  std::vector<double> lb = loads(net, before.demands, {}, opt);
  std::vector<double> la = loads(net, after.demands, f, opt);
  if ((lb.empty() || la.empty()) && net.graph.nodeCount() > 0) {
    res.cancelled = true;
    return res;
  }
  res.topBefore = rankBottlenecks(net, lb, {}, before.needs, 5);
  res.topAfter = rankBottlenecks(net, la, {}, after.needs, 5);
  progress(opt, 1.0);
  return res;
}

PairResult pairPaths(const Snapshot& s, const PairQuery& q, const AnalysisOptions& opt) {
  PairResult res;
  res.version = s.version;
  res.query = q;
  Network net = buildNetwork(s, opt.network);
  auto nodesOf = [&](const Endpoint& e, std::vector<Id>& out) -> bool {
    if (e.kind == EntityKind::Agency) {
      auto it = net.members.find(e.id);
      if (it == net.members.end()) return false;
      out = it->second;
      return true;
    }
    const Representative* r =
        e.kind == EntityKind::Representative ? s.representative(e.id) : nullptr;
    if (!r) return false;
    out = {net.level == NetworkLevel::Agencies ? r->agency : r->id};
    return true;
  };
  std::vector<Id> from, to;
  if (!nodesOf(q.from, from) || !nodesOf(q.to, to)) {
    res.error = "unknown agency or representative";
    return res;
  }
  if (from.empty() || to.empty()) {
    res.error = "an agency without representatives has no one to call";
    return res;
  }
  const PathAnswer fast =
      pathsBetween(net.graph, from, to, Metric::Latency, std::max(1, q.alternatives));
  for (const graph::Path& p : fast.paths) res.alternatives.push_back(explain(s, net.level, p));
  if (!res.alternatives.empty()) res.fastest = res.alternatives.front();
  res.edgeDisjoint = fast.edgeDisjoint;
  res.nodeDisjoint = fast.nodeDisjoint;
  const PathAnswer rel = pathsBetween(net.graph, from, to, Metric::Reliability, 1);
  if (!rel.paths.empty()) res.reliable = explain(s, net.level, rel.paths.front());
  const PathAnswer hops = pathsBetween(net.graph, from, to, Metric::Hops, 1);
  if (!hops.paths.empty()) res.fewestHops = explain(s, net.level, hops.paths.front());
  return res;
}

}  // namespace liaison::core
