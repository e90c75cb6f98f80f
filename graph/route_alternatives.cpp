// RouteAlternatives (declared in needs_engine.hpp): Yen's algorithm over minimal routes, with
// routes told apart by their node sequences.
//
// A virtual source sigma precedes every route and the target End ends it, so a deviation may
// happen at the very first node (another member of S) as well as anywhere later. Each hop
// weighs what its best parallel edge weighs, so two routes through the same people are one
// route. The spur searches avoid the root's nodes, never enter S and stop at the first member
// of T they settle, exactly as a minimal route must.
#include <algorithm>
#include <queue>
#include <set>

#include "graph/needs_engine.hpp"
#include "graph/needs_net.hpp"

namespace liaison::graph {

namespace {

class Yen {
 public:
  Yen(const detail::NeedsNet& net, Metric metric, const std::vector<Index>& sources,
      const std::vector<Index>& targets)
      : m_net(net),
        m_metric(metric),
        m_marks(net.nodeCount()),
        m_blocked(static_cast<std::size_t>(net.nodeCount()), 0),
        m_nextBlocked(static_cast<std::size_t>(net.nodeCount()), 0),
        m_seen(static_cast<std::size_t>(net.nodeCount()), 0),
        m_done(static_cast<std::size_t>(net.nodeCount()), 0),
        m_dist(static_cast<std::size_t>(net.nodeCount()), kInf),
        m_parent(static_cast<std::size_t>(net.nodeCount()), kNoIndex),
        m_sources(sources) {
    m_marks.set(sources, targets);
  }

  double entryLength(Index i) const {
    switch (m_metric) {
      case Metric::Latency:
        return m_net.latency[static_cast<std::size_t>(i)];
      case Metric::Reliability:
        return m_net.cost[static_cast<std::size_t>(i)];
      case Metric::Hops:
        return 1.0;
    }
    return 1.0;
  }

  // The entry of u's best usable edge to w (least length, then latency, then edge index).
  Index bestEntry(Index u, Index w) const {
    const Adjacency& adj = m_net.adj;
    Index best = kNoIndex;
    for (Index i = adj.offsets[u], end = adj.offsets[u + 1]; i < end; ++i) {
      if (adj.targets[i] != w || !m_net.out[static_cast<std::size_t>(i)]) continue;
      const double l = entryLength(i);
      if (l == kInf) continue;
      if (best == kNoIndex) {
        best = i;
        continue;
      }
      const double bl = entryLength(best);
      const double lat = m_net.latency[static_cast<std::size_t>(i)];
      const double blat = m_net.latency[static_cast<std::size_t>(best)];
      if (l < bl || (l == bl && (lat < blat || (lat == blat && adj.arcs[i] < adj.arcs[best]))))
        best = i;
    }
    return best;
  }

  double routeLength(const std::vector<Index>& route) const {
    double sum = 0.0;
    for (std::size_t h = 0; h + 1 < route.size(); ++h)
      sum += entryLength(bestEntry(route[h], route[h + 1]));
    return sum;
  }

  std::vector<Index> arcsOf(const std::vector<Index>& route) const {
    std::vector<Index> arcs;
    for (std::size_t h = 0; h + 1 < route.size(); ++h)
      arcs.push_back(m_net.adj.arcs[bestEntry(route[h], route[h + 1])]);
    return arcs;
  }

  // Shortest minimal-route continuation from `starts` to T avoiding blocked nodes; the first
  // hop from a start may not go to a node marked in m_nextBlocked. Empty when none.
  std::vector<Index> spur(const std::vector<Index>& starts) {
    ++m_stamp;
    using Item = std::pair<double, Index>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
    for (Index s : starts) {
      m_seen[static_cast<std::size_t>(s)] = m_stamp;
      m_dist[static_cast<std::size_t>(s)] = 0.0;
      m_parent[static_cast<std::size_t>(s)] = kNoIndex;
      queue.push({0.0, s});
    }
    const Adjacency& adj = m_net.adj;
    while (!queue.empty()) {
      const auto [d, v] = queue.top();
      queue.pop();
      const std::size_t uv = static_cast<std::size_t>(v);
      if (m_done[uv] == m_stamp) continue;
      m_done[uv] = m_stamp;
      if (m_marks.isT(v)) {
        std::vector<Index> route;
        for (Index x = v; x != kNoIndex; x = m_parent[static_cast<std::size_t>(x)])
          route.push_back(x);
        std::reverse(route.begin(), route.end());
        return route;
      }
      const bool first = m_parent[uv] == kNoIndex;
      for (Index i = adj.offsets[v], end = adj.offsets[v + 1]; i < end; ++i) {
        const Index w = adj.targets[i];
        const std::size_t uw = static_cast<std::size_t>(w);
        if (!m_net.out[static_cast<std::size_t>(i)] || m_marks.isS(w) || m_done[uw] == m_stamp ||
            m_blocked[uw] == m_blockStamp)
          continue;
        if (first && m_nextBlocked[uw] == m_nextStamp) continue;
        const double l = entryLength(i);
        if (l == kInf) continue;
        const double nd = d + l;
        if (m_seen[uw] == m_stamp && !(nd < m_dist[uw])) continue;
        m_seen[uw] = m_stamp;
        m_dist[uw] = nd;
        m_parent[uw] = v;
        queue.push({nd, w});
      }
    }
    return {};
  }

  std::vector<std::vector<Index>> run(int k) {
    std::vector<std::vector<Index>> accepted;
    struct Candidate {
      double length;
      std::size_t order;
      std::vector<Index> route;
      bool operator<(const Candidate& o) const {
        return length != o.length ? length < o.length : order < o.order;
      }
    };
    std::set<Candidate> candidates;
    std::set<std::vector<Index>> seen;
    std::size_t discovered = 0;
    auto offer = [&](std::vector<Index> route) {
      if (route.empty() || !seen.insert(route).second) return;
      candidates.insert({routeLength(route), discovered++, std::move(route)});
    };
    ++m_blockStamp;
    ++m_nextStamp;
    offer(spur(m_sources));
    while (static_cast<int>(accepted.size()) < k && !candidates.empty()) {
      accepted.push_back(candidates.begin()->route);
      candidates.erase(candidates.begin());
      if (static_cast<int>(accepted.size()) == k) break;
      const std::vector<Index>& last = accepted.back();
      // Deviation at sigma: a first node no accepted route starts with.
      ++m_blockStamp;
      ++m_nextStamp;
      for (const auto& r : accepted) m_nextBlocked[static_cast<std::size_t>(r[0])] = m_nextStamp;
      std::vector<Index> starts;
      for (Index s : m_sources)
        if (m_nextBlocked[static_cast<std::size_t>(s)] != m_nextStamp) starts.push_back(s);
      offer(spur(starts));
      // Deviation after last[i]: the root last[0..i], then a hop no accepted route with that
      // root takes.
      for (std::size_t i = 0; i + 1 < last.size(); ++i) {
        ++m_blockStamp;
        ++m_nextStamp;
        for (std::size_t j = 0; j < i; ++j)
          m_blocked[static_cast<std::size_t>(last[j])] = m_blockStamp;
        for (const auto& r : accepted)
          if (r.size() > i + 1 &&
              std::equal(last.begin(), last.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                         r.begin()))
            m_nextBlocked[static_cast<std::size_t>(r[i + 1])] = m_nextStamp;
        std::vector<Index> tail = spur({last[i]});
        if (tail.empty()) continue;
        std::vector<Index> route(last.begin(), last.begin() + static_cast<std::ptrdiff_t>(i));
        route.insert(route.end(), tail.begin(), tail.end());
        offer(std::move(route));
      }
    }
    return accepted;
  }

 private:
  const detail::NeedsNet& m_net;
  Metric m_metric;
  detail::EndMarks m_marks;
  std::vector<std::uint32_t> m_blocked, m_nextBlocked, m_seen, m_done;
  std::uint32_t m_stamp = 0, m_blockStamp = 0, m_nextStamp = 0;
  std::vector<double> m_dist;
  std::vector<Index> m_parent;
  std::vector<Index> m_sources;
};

}  // namespace

RouteAlternatives::RouteAlternatives(const Graph& graph, End source, End target, int k,
                                     Metric metric, bool ignoreDirection, Failures failed)
    : m_graph(graph),
      m_source(std::move(source)),
      m_target(std::move(target)),
      m_k(k),
      m_metric(metric),
      m_ignoreDirection(ignoreDirection),
      m_failed(std::move(failed)) {}

void RouteAlternatives::run() {
  m_paths.clear();
  m_exhausted = false;
  if (m_k <= 0) return;
  const ActiveMask mask(m_graph, m_failed);
  const std::vector<Index> sources =
      detail::endMembers(m_graph, mask, m_source.group, m_source.nodes);
  const std::vector<Index> targets =
      detail::endMembers(m_graph, mask, m_target.group, m_target.nodes);
  if (sources.empty() || targets.empty()) {
    m_exhausted = true;
    return;
  }
  for (Index s : sources)
    if (std::binary_search(targets.begin(), targets.end(), s)) {
      // Overlapping Ends: the one route is the zero-hop route at the first shared node.
      m_paths.push_back(makePath(m_graph, s, {}, m_metric));
      m_exhausted = m_k > 1;
      return;
    }
  const detail::NeedsNet net(m_graph, mask, m_ignoreDirection);
  Yen yen(net, m_metric, sources, targets);
  for (const auto& route : yen.run(m_k))
    m_paths.push_back(makePath(m_graph, route[0], yen.arcsOf(route), m_metric));
  m_exhausted = static_cast<int>(m_paths.size()) < m_k;
}

}  // namespace liaison::graph
