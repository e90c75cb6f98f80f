#include "core/analysis/network_builder.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "graph/disjoint_paths.hpp"
#include "graph/k_shortest_paths.hpp"

namespace liaison::core {

namespace {

bool containsNoCase(const std::string& text, const std::string& word) {
  auto it = std::search(text.begin(), text.end(), word.begin(), word.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
  return it != text.end();
}

graph::EdgeSpec edgeOf(const Channel& c, Id from, Id to) {
  graph::EdgeSpec e;
  e.id = c.id;
  e.from = from;
  e.to = to;
  e.latency = c.latency_min;
  e.reliability = c.reliability;
  e.twoWay = c.two_way;
  e.down = c.status == ChannelStatus::Down;
  return e;
}

}  // namespace

Id primaryContact(const Snapshot& snapshot, Id agency) {
  Id firstOnDuty = 0, lowest = 0;
  for (const Representative& r : snapshot.representatives) {  // sorted by id
    if (r.agency != agency) continue;
    if (lowest == 0) lowest = r.id;
    if (!r.on_duty) continue;
    if (containsNoCase(r.position, "agency representative") ||
        containsNoCase(r.position, "liaison"))
      return r.id;
    if (firstOnDuty == 0) firstOnDuty = r.id;
  }
  return firstOnDuty != 0 ? firstOnDuty : lowest;
}

Network buildNetwork(const Snapshot& snapshot, NetworkOptions options) {
  Network net;
  net.level = options.level;
  std::vector<graph::NodeSpec> nodes;
  std::vector<graph::EdgeSpec> edges;
  for (const Agency& a : snapshot.agencies) net.members[a.id];

  if (options.level == NetworkLevel::Agencies) {
    for (const Agency& a : snapshot.agencies) {
      nodes.push_back({a.id, a.id, false});
      net.members[a.id].push_back(a.id);
    }
    for (const Channel& c : snapshot.channels) {
      Id from = c.from_agency, to = c.to_agency;
      if (c.betweenReps()) {
        const Representative* a = snapshot.representative(c.from_rep);
        const Representative* b = snapshot.representative(c.to_rep);
        from = a ? a->agency : 0;
        to = b ? b->agency : 0;
      }
      if (from == 0 || to == 0 || from == to) {
        net.dropped.push_back(c.id);
        continue;
      }
      edges.push_back(edgeOf(c, from, to));
    }
  } else {
    for (const Representative& r : snapshot.representatives) {
      nodes.push_back({r.id, r.agency, options.offDutyDown && !r.on_duty});
      net.members[r.agency].push_back(r.id);
    }
    for (const Agency& a : snapshot.agencies)
      if (Id p = primaryContact(snapshot, a.id)) net.primary[a.id] = p;
    for (const Channel& c : snapshot.channels) {
      Id from = c.from_rep, to = c.to_rep;
      if (!c.betweenReps()) {
        auto fa = net.primary.find(c.from_agency), ta = net.primary.find(c.to_agency);
        from = fa == net.primary.end() ? 0 : fa->second;
        to = ta == net.primary.end() ? 0 : ta->second;
      }
      if (from == 0 || to == 0) {
        net.dropped.push_back(c.id);
        continue;
      }
      edges.push_back(edgeOf(c, from, to));
    }
  }
  net.graph = graph::Graph(std::move(nodes), std::move(edges));
  return net;
}

// ---- GroupRouter --------------------------------------------------------------------------

GroupRouter::GroupRouter(const graph::Graph& real,
                         const std::unordered_map<Id, std::vector<Id>>& groups)
    : m_real(real) {
  std::vector<graph::NodeSpec> nodes = real.nodes();
  std::vector<graph::EdgeSpec> edges = real.edges();
  Id nextNode = 1, nextEdge = 1;
  for (const auto& n : nodes) nextNode = std::max(nextNode, n.id + 1);
  for (const auto& e : edges) nextEdge = std::max(nextEdge, e.id + 1);
  std::vector<Id> order;
  for (const auto& [g, m] : groups)
    if (!m.empty()) order.push_back(g);
  std::sort(order.begin(), order.end());
  std::unordered_map<Id, std::pair<Id, Id>> superIds;
  for (Id g : order) {
    const Id s = nextNode++, t = nextNode++;
    superIds[g] = {s, t};
    nodes.push_back({s, g, false});
    nodes.push_back({t, g, false});
    for (Id member : groups.at(g)) {
      edges.push_back({nextEdge++, s, member, 0.0, 1.0, false, false});
      edges.push_back({nextEdge++, member, t, 0.0, 1.0, false, false});
    }
  }
  m_aug = graph::Graph(std::move(nodes), std::move(edges));
  for (const auto& [g, st] : superIds)
    m_super[g] = {m_aug.nodeIndex(st.first), m_aug.nodeIndex(st.second)};
}

graph::Index GroupRouter::sourceOf(Id group) const {
  auto it = m_super.find(group);
  return it == m_super.end() ? graph::kNoIndex : it->second.first;
}

graph::Index GroupRouter::sinkOf(Id group) const {
  auto it = m_super.find(group);
  return it == m_super.end() ? graph::kNoIndex : it->second.second;
}

graph::Path GroupRouter::realPath(graph::Index superSource, const std::vector<graph::Index>& arcs,
                                  graph::Metric metric) const {
  if (arcs.size() < 2) return {};
  // Real edges keep their indices in the augmented graph, so the inner arcs are real arcs.
  const graph::Index firstEdge = graph::arcEdge(arcs.front());
  const graph::Index start = m_aug.edgeTo(firstEdge);
  (void)superSource;
  std::vector<graph::Index> inner(arcs.begin() + 1, arcs.end() - 1);
  return graph::makePath(m_real, start, inner, metric);
}

int GroupRouter::independentPaths(Id groupA, Id groupB, const graph::ActiveMask& mask) const {
  const graph::Index s = sourceOf(groupA), t = sinkOf(groupB);
  if (s == graph::kNoIndex || t == graph::kNoIndex || groupA == groupB) return 0;
  graph::DisjointOptions o;
  o.edgeDisjoint = false;
  o.nodeDisjoint = true;
  graph::DisjointPaths dp(m_aug, s, t, mask, o);
  dp.run();
  return dp.nodeDisjoint();
}

namespace {

// Strips the super edges of a path found on GroupRouter::augmented().
graph::Path stripSuper(const graph::Path& p, graph::Metric metric) {
  graph::Path r;
  if (!p.found || p.hops.size() < 2) return r;
  r.found = true;
  r.nodes.assign(p.nodes.begin() + 1, p.nodes.end() - 1);
  r.hops.assign(p.hops.begin() + 1, p.hops.end() - 1);
  for (const auto& h : r.hops) {
    r.latency += h.latency;
    r.reliability *= h.reliability;
    r.length += metric == graph::Metric::Hops      ? 1.0
                : metric == graph::Metric::Latency ? h.latency
                                                   : -std::log(h.reliability);
  }
  return r;
}

}  // namespace

PathAnswer pathsBetween(const graph::Graph& g, const std::vector<Id>& from,
                        const std::vector<Id>& to, graph::Metric metric, int k) {
  PathAnswer a;
  if (from.size() == 1 && to.size() == 1) {
    graph::KShortestPaths ksp(g, from[0], to[0], k, metric);
    ksp.run();
    a.paths = ksp.paths();
    graph::DisjointPaths dp(g, from[0], to[0]);
    dp.run();
    a.edgeDisjoint = dp.edgeDisjoint();
    a.nodeDisjoint = dp.nodeDisjoint();
    return a;
  }
  std::unordered_map<Id, std::vector<Id>> groups{{-1, from}, {-2, to}};
  GroupRouter router(g, groups);
  const graph::Graph& aug = router.augmented();
  const Id s = aug.node(router.sourceOf(-1)).id, t = aug.node(router.sinkOf(-2)).id;
  graph::KShortestPaths ksp(aug, s, t, k, metric);
  ksp.run();
  for (const auto& p : ksp.paths()) a.paths.push_back(stripSuper(p, metric));
  graph::DisjointPaths dp(aug, s, t);
  dp.run();
  a.edgeDisjoint = dp.edgeDisjoint();
  a.nodeDisjoint = dp.nodeDisjoint();
  return a;
}

}  // namespace liaison::core
