#include "graph/needs_engine.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "graph/active_mask.hpp"
#include "graph/budget_path.hpp"
#include "graph/group_flow.hpp"
#include "graph/needs_net.hpp"
#include "graph/needs_search.hpp"
#include "graph/pair_search.hpp"
#include "graph/parallel_sources.hpp"
#include "graph/worker_pool.hpp"

namespace liaison::graph {

namespace {

// The available members of each distinct End of a run, and each demand's two Ends.
struct EndTable {
  std::vector<std::vector<Index>> members;  // ascending node indices
  std::vector<int> source, target;          // per demand
};

EndTable resolveEnds(const Graph& graph, const ActiveMask& mask,
                     const std::vector<GroupDemand>& demands) {
  EndTable table;
  std::unordered_map<Id, std::vector<Index>> groups;
  bool grouped = false;
  std::map<std::vector<Index>, int> index;
  auto resolve = [&](const End& end) {
    std::vector<Index> members;
    if (end.nodes.empty()) {
      if (!grouped) {
        for (Index v = 0; v < graph.nodeCount(); ++v)
          if (mask.nodeActive(v)) groups[graph.node(v).group].push_back(v);
        grouped = true;
      }
      if (auto it = groups.find(end.group); it != groups.end()) members = it->second;
    } else {
      members = detail::endMembers(graph, mask, 0, end.nodes);
    }
    const auto [it, fresh] =
        index.emplace(std::move(members), static_cast<int>(table.members.size()));
    if (fresh) table.members.push_back(it->first);
    return it->second;
  };
  for (const GroupDemand& d : demands) {
    table.source.push_back(resolve(d.source));
    table.target.push_back(resolve(d.target));
  }
  return table;
}

// The smallest node both Ends share, or kNoIndex.
Index sharedNode(const std::vector<Index>& a, const std::vector<Index>& b) {
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) return a[i];
    if (a[i] < b[j])
      ++i;
    else
      ++j;
  }
  return kNoIndex;
}

// Progress over the items of both phases, serialised, about once per percent.
class Progress {
 public:
  Progress(const RunControl& control, std::size_t total) : m_control(control), m_total(total) {}
  void add(std::size_t items) {
    if (!m_control.progress || m_total == 0) return;
    const std::size_t done = m_done.fetch_add(items) + items;
    const std::size_t step = std::max<std::size_t>(1, m_total / 100);
    if (done / step == (done - items) / step && done != m_total) return;
    // Under the lock, from the shared count: reports never go backwards.
    std::lock_guard<std::mutex> lock(m_mutex);
    const double p =
        std::min(1.0, static_cast<double>(m_done.load()) / static_cast<double>(m_total));
    if (p <= m_last) return;
    m_last = p;
    m_control.progress(p);
  }
  bool cancelled() const {
    return m_control.cancel && m_control.cancel->load(std::memory_order_relaxed);
  }

 private:
  const RunControl& m_control;
  std::size_t m_total;
  std::atomic<std::size_t> m_done{0};
  std::mutex m_mutex;
  double m_last = 0.0;
};

// From this many target Ends on, one search from the source End serves them all (needs_search.hpp);
// below, each pair of Ends gets its own bidirectional searches (pair_search.hpp). Measured on the
// agency graphs: 12 beats 6 and beats pairs only.
constexpr std::size_t kBatchFrom = 12;

// The arcs of a path (each hop's edge, travelled from -> to or back).
std::vector<Index> arcsOf(const Graph& graph, const Path& p) {
  std::vector<Index> arcs;
  for (const Hop& h : p.hops) {
    const Index e = graph.requireEdge(h.edge);
    arcs.push_back(2 * e + (graph.node(graph.edgeFrom(e)).id == h.from ? 0 : 1));
  }
  return arcs;
}

unsigned threadsFor(const RunControl& control, std::size_t items, std::size_t minPerThread) {
  if (items < 2 * minPerThread) return 1;
  return detail::threadCount(control, items / minPerThread);
}

}  // namespace

NeedsEngine::NeedsEngine(const Graph& graph, std::vector<GroupDemand> demands, NeedsOptions options)
    : m_graph(graph), m_demands(std::move(demands)), m_options(std::move(options)) {}

bool NeedsEngine::run() {
  const Index n = m_graph.nodeCount();
  const Index m = m_graph.edgeCount();
  const NeedsOptions& opt = m_options;
  m_answers.assign(m_demands.size(), NeedAnswer{});
  m_load.assign(static_cast<std::size_t>(n), 0.0);
  m_edgeLoad.assign(static_cast<std::size_t>(m), 0.0);
  m_unrouted = 0.0;
  for (std::size_t i = 0; i < m_demands.size(); ++i) m_answers[i].id = m_demands[i].id;

  const ActiveMask mask(m_graph, opt.failed);
  const detail::NeedsNet net(m_graph, mask, opt.ignoreDirection);
  const EndTable ends = resolveEnds(m_graph, mask, m_demands);

  // Degenerate demands are answered here; the rest are batched by source End.
  std::map<int, std::vector<std::size_t>> bySource;
  std::vector<std::uint8_t> routed(m_demands.size(), 0);
  for (std::size_t d = 0; d < m_demands.size(); ++d) {
    const auto& src = ends.members[static_cast<std::size_t>(ends.source[d])];
    const auto& tgt = ends.members[static_cast<std::size_t>(ends.target[d])];
    if (src.empty() || tgt.empty()) continue;
    if (const Index x = sharedNode(src, tgt); x != kNoIndex) {
      NeedAnswer& a = m_answers[d];
      a.reachable = a.overlap = true;
      routed[d] = 1;
      if (opt.paths) {
        a.fastest = makePath(m_graph, x, {}, Metric::Latency);
        a.mostReliable = makePath(m_graph, x, {}, Metric::Reliability);
        a.fewestHops = makePath(m_graph, x, {}, Metric::Hops);
      }
      if (opt.budgetPaths && detail::withinBudget(0.0, m_demands[d].latencyBudget))
        a.reliableWithinBudget = makePath(m_graph, x, {}, Metric::Reliability);
      continue;
    }
    bySource[ends.source[d]].push_back(d);
  }
  const std::vector<std::pair<int, std::vector<std::size_t>>> groups(bySource.begin(),
                                                                     bySource.end());
  Progress progress(opt.control, groups.size() + m_demands.size());
  std::atomic<bool> cancelled{false};

  // Phase 1, per source End: the three best paths and the load, per pair of Ends or for all of
  // the End's targets at once. Sources are cut into fixed blocks, each summing its load into its
  // own buffers, added in block order: the same sums whatever the number of threads.
  const bool wantSearchPaths = opt.paths || opt.budgetPaths;
  const std::size_t blocks = std::min<std::size_t>(groups.size(), 16);
  std::vector<std::vector<double>> nodeAcc(blocks), edgeAcc(blocks);
  std::atomic<std::size_t> nextBlock{0};
  auto phase1 = [&](unsigned) {
    // Scratch per thread, made on first use.
    detail::PairSearch pair(net);
    detail::EndMarks marks(n);
    std::unique_ptr<detail::TargetSet> targetSet;
    std::unique_ptr<detail::PathSearch> batched;
    std::unique_ptr<detail::LoadSearch> load;
    std::unique_ptr<detail::PairLoad> pairLoad;
    std::vector<Index> arcs;
    std::vector<int> slot(ends.members.size(), -1);
    std::vector<const std::vector<Index>*> targetEnds;
    std::vector<int> targetEndIds;
    std::vector<double> weights;
    std::vector<std::uint8_t> loadRouted;
    for (std::size_t blk; (blk = nextBlock.fetch_add(1)) < blocks;) {
      if (opt.load) {
        nodeAcc[blk].assign(static_cast<std::size_t>(n), 0.0);
        edgeAcc[blk].assign(static_cast<std::size_t>(m), 0.0);
      }
      const std::size_t lo = blk * groups.size() / blocks, hi = (blk + 1) * groups.size() / blocks;
      for (std::size_t g = lo; g < hi; ++g) {
        if (cancelled.load(std::memory_order_relaxed) || progress.cancelled()) {
          cancelled = true;
          return;
        }
        const auto& [srcEnd, demands] = groups[g];
        const std::vector<Index>& sources = ends.members[static_cast<std::size_t>(srcEnd)];
        targetEnds.clear();
        targetEndIds.clear();
        for (std::size_t d : demands) {
          const int t = ends.target[d];
          if (slot[static_cast<std::size_t>(t)] < 0) {
            slot[static_cast<std::size_t>(t)] = static_cast<int>(targetEnds.size());
            targetEnds.push_back(&ends.members[static_cast<std::size_t>(t)]);
            targetEndIds.push_back(t);
          }
        }
        if (targetEnds.size() < kBatchFrom) {
          // Few target Ends: a bidirectional search per pair of Ends.
          for (std::size_t j = 0; j < targetEnds.size(); ++j) {
            const std::vector<Index>& tgt = *targetEnds[j];
            marks.set(sources, tgt);
            auto pairPath = [&](detail::SearchKind kind, Metric metric, Path& out) {
              Index source;
              if (!pair.run(kind, sources, tgt, marks, source, arcs)) return false;
              out = makePath(m_graph, source, arcs, metric);
              return true;
            };
            Path fast, safe, hops;
            bool reach;
            if (wantSearchPaths) {
              reach = pairPath(detail::SearchKind::Latency, Metric::Latency, fast);
              if (reach) pairPath(detail::SearchKind::Reliability, Metric::Reliability, safe);
            } else {
              reach = pairPath(detail::SearchKind::Reach, Metric::Hops, hops);
            }
            if (reach && opt.paths) pairPath(detail::SearchKind::FewestHops, Metric::Hops, hops);
            for (std::size_t d : demands) {
              if (slot[static_cast<std::size_t>(ends.target[d])] != static_cast<int>(j)) continue;
              NeedAnswer& a = m_answers[d];
              a.reachable = reach;
              a.fastest = fast;
              a.mostReliable = safe;
              a.fewestHops = hops;
            }
          }
        } else {
          // Many target Ends: one search per metric from S serves them all.
          if (!batched) {
            targetSet = std::make_unique<detail::TargetSet>(n);
            batched = std::make_unique<detail::PathSearch>(net);
          }
          detail::TargetSet& targets = *targetSet;
          detail::PathSearch& search = *batched;
          targets.set(targetEnds);
          auto each = [&](auto&& fn) {
            for (std::size_t d : demands) {
              const Index v = search.hit(slot[static_cast<std::size_t>(ends.target[d])]);
              if (v != kNoIndex) fn(m_answers[d], v);
            }
          };
          auto pathTo = [&](Index v, Metric metric) {
            Index source;
            const std::vector<Index> route = search.arcsTo(v, source);
            return makePath(m_graph, source, route, metric);
          };
          if (wantSearchPaths) {
            search.run(detail::SearchKind::Latency, sources, targets);
            each([&](NeedAnswer& a, Index v) {
              a.reachable = true;
              a.fastest = pathTo(v, Metric::Latency);
            });
            search.run(detail::SearchKind::Reliability, sources, targets);
            each([&](NeedAnswer& a, Index v) { a.mostReliable = pathTo(v, Metric::Reliability); });
          } else {
            search.run(detail::SearchKind::Reach, sources, targets);
            each([&](NeedAnswer& a, Index) { a.reachable = true; });
          }
          if (opt.paths) {
            search.run(detail::SearchKind::FewestHops, sources, targets);
            each([&](NeedAnswer& a, Index v) { a.fewestHops = pathTo(v, Metric::Hops); });
          }
        }
        if (opt.load && opt.loadMetric == Metric::Hops && targetEnds.size() < kBatchFrom) {
          // Hop-count load per pair of Ends, bidirectionally.
          if (!pairLoad) pairLoad = std::make_unique<detail::PairLoad>(net);
          for (std::size_t j = 0; j < targetEnds.size(); ++j) {
            double weight = 0.0;
            for (std::size_t d : demands)
              if (slot[static_cast<std::size_t>(ends.target[d])] == static_cast<int>(j))
                weight += m_demands[d].weight;
            marks.set(sources, *targetEnds[j]);
            const bool ok = pairLoad->run(sources, *targetEnds[j], marks, weight,
                                          nodeAcc[blk].data(), edgeAcc[blk].data());
            for (std::size_t d : demands)
              if (slot[static_cast<std::size_t>(ends.target[d])] == static_cast<int>(j))
                routed[d] = ok;
          }
        } else if (opt.load) {
          weights.assign(targetEnds.size(), 0.0);
          for (std::size_t d : demands)
            weights[static_cast<std::size_t>(slot[static_cast<std::size_t>(ends.target[d])])] +=
                m_demands[d].weight;
          if (!load) load = std::make_unique<detail::LoadSearch>(net, opt.loadMetric);
          if (!targetSet) targetSet = std::make_unique<detail::TargetSet>(n);
          if (targetEnds.size() < kBatchFrom) targetSet->set(targetEnds);
          load->run(sources, *targetSet, targetEnds, weights, nodeAcc[blk].data(),
                    edgeAcc[blk].data(), loadRouted);
          for (std::size_t d : demands)
            routed[d] = loadRouted[static_cast<std::size_t>(
                slot[static_cast<std::size_t>(ends.target[d])])];
        }
        for (int t : targetEndIds) slot[static_cast<std::size_t>(t)] = -1;
        progress.add(1);
      }
    }
  };
  detail::runOnWorkers(threadsFor(opt.control, groups.size(), 4), phase1);
  if (cancelled) {
    m_answers.clear();
    return false;
  }
  if (opt.load) {
    for (std::size_t blk = 0; blk < blocks; ++blk) {
      for (Index v = 0; v < n; ++v)
        m_load[static_cast<std::size_t>(v)] += nodeAcc[blk][static_cast<std::size_t>(v)];
      for (Index e = 0; e < m; ++e)
        m_edgeLoad[static_cast<std::size_t>(e)] += edgeAcc[blk][static_cast<std::size_t>(e)];
    }
  }
  nodeAcc.clear();
  edgeAcc.clear();

  // Phase 2, per demand: the budget path, the counts and the cuts.
  std::vector<std::size_t> work;
  if (opt.budgetPaths || opt.counts || opt.cuts)
    for (const auto& [src, demands] : groups)
      for (std::size_t d : demands)
        if (m_answers[d].reachable) work.push_back(d);
  std::sort(work.begin(), work.end());
  // Counts and cuts depend on the pair of Ends alone: one demand per pair computes them, the
  // others copy them afterwards.
  std::vector<std::size_t> sameEnds(m_demands.size(), SIZE_MAX);  // the demand that computes
  {
    std::map<std::pair<int, int>, std::size_t> first;
    for (std::size_t d : work) {
      const auto [it, fresh] = first.emplace(std::make_pair(ends.source[d], ends.target[d]), d);
      if (!fresh) sameEnds[d] = it->second;
    }
  }
  std::atomic<std::size_t> next{0};
  auto phase2 = [&](unsigned) {
    detail::EndMarks marks(n);
    std::unique_ptr<detail::BudgetSearch> budget;
    std::unique_ptr<detail::GroupFlow> flow;
    detail::GroupFlow::Result result;
    std::vector<detail::GroupFlow::Seed> seeds;
    std::vector<Index> arcs;
    for (std::size_t k; (k = next.fetch_add(1)) < work.size();) {
      if (cancelled.load(std::memory_order_relaxed) || progress.cancelled()) {
        cancelled = true;
        return;
      }
      const std::size_t d = work[k];
      NeedAnswer& a = m_answers[d];
      const auto& sources = ends.members[static_cast<std::size_t>(ends.source[d])];
      const auto& targets = ends.members[static_cast<std::size_t>(ends.target[d])];
      marks.set(sources, targets);
      if (opt.budgetPaths) {
        const double limit = m_demands[d].latencyBudget;
        if (a.mostReliable.found && detail::withinBudget(a.mostReliable.latency, limit)) {
          a.reliableWithinBudget = a.mostReliable;
        } else if (a.mostReliable.found && detail::withinBudget(a.fastest.latency, limit)) {
          if (!budget) budget = std::make_unique<detail::BudgetSearch>(net);
          auto route = [&](const Path& p) {
            detail::Route r;
            r.source = m_graph.nodeIndex(p.nodes[0]);
            r.arcs = arcsOf(m_graph, p);
            budget->measure(r);
            return r;
          };
          detail::Route best;
          if (budget->run(sources, targets, marks, limit, route(a.fastest), route(a.mostReliable),
                          best))
            a.reliableWithinBudget = makePath(m_graph, best.source, best.arcs, Metric::Reliability);
        }
      }
      if ((opt.counts || opt.cuts) && sameEnds[d] == SIZE_MAX) {
        if (!flow) flow = std::make_unique<detail::GroupFlow>(net);
        detail::GroupFlow::Request request;
        request.endpointsCanFail = opt.endpointsCanFail;
        request.cap = opt.counts ? opt.countCap : 2;
        request.cutNodes = request.cutEdges = opt.cuts;
        seeds.clear();
        for (const Path* p : {&a.fastest, &a.mostReliable, &a.fewestHops}) {
          if (!p->found || p->hops.empty()) continue;
          detail::GroupFlow::Seed seed{m_graph.nodeIndex(p->nodes[0]), arcsOf(m_graph, *p)};
          bool repeat = false;
          for (const auto& other : seeds) repeat = repeat || other.arcs == seed.arcs;
          if (!repeat) seeds.push_back(std::move(seed));
        }
        request.seeds = &seeds;
        flow->solve(sources, targets, marks, request, result);
        if (opt.counts) {
          a.edgeDisjoint = result.edgeDisjoint;
          a.nodeDisjoint = result.nodeDisjoint;
          a.countsAtLeast = opt.countCap > 0 && result.edgeDisjoint >= opt.countCap;
        }
        for (Index v : result.cutNodes) a.cutNodes.push_back(m_graph.node(v).id);
        for (Index e : result.cutEdges) a.cutEdges.push_back(m_graph.edge(e).id);
        std::sort(a.cutNodes.begin(), a.cutNodes.end());
        std::sort(a.cutEdges.begin(), a.cutEdges.end());
      }
      progress.add(1);
    }
  };
  detail::runOnWorkers(threadsFor(opt.control, work.size(), 8), phase2);
  if (cancelled) {
    m_answers.clear();
    return false;
  }
  for (std::size_t d : work)
    if (const std::size_t from = sameEnds[d]; from != SIZE_MAX) {
      const NeedAnswer& a = m_answers[from];
      NeedAnswer& b = m_answers[d];
      b.edgeDisjoint = a.edgeDisjoint;
      b.nodeDisjoint = a.nodeDisjoint;
      b.countsAtLeast = a.countsAtLeast;
      b.cutNodes = a.cutNodes;
      b.cutEdges = a.cutEdges;
    }
  if (!opt.paths)
    for (NeedAnswer& a : m_answers) {
      if (a.overlap) continue;
      a.fastest = a.mostReliable = a.fewestHops = Path{};
    }
  for (std::size_t d = 0; d < m_demands.size(); ++d) {
    const bool ok = opt.load ? routed[d] != 0 : m_answers[d].reachable;
    if (!ok) m_unrouted += m_demands[d].weight;
  }
  progress.add(m_demands.size() - work.size());
  return true;
}

}  // namespace liaison::graph
