#include "network_model.hpp"

#include <algorithm>
#include <cctype>

namespace liaison::app {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

template <class Map>
int lookup(const Map& map, core::Id id) {
  const auto it = map.find(id);
  return it == map.end() ? -1 : it->second;
}

}  // namespace

int NetworkModel::nodeOfRep(core::Id id) const {
  return lookup(repIndex, id);
}
int NetworkModel::clusterOfAgency(core::Id id) const {
  return lookup(agencyCluster, id);
}
int NetworkModel::edgeOfChannel(core::Id id) const {
  return lookup(channelEdge, id);
}

std::vector<std::pair<int, int>> NetworkModel::layoutEdges() const {
  std::vector<std::pair<int, int>> out;
  out.reserve(edges.size() + nodes.size());
  for (const auto& e : edges) out.emplace_back(e.a, e.b);
  for (const auto& c : clusters)
    for (int m : c.members) out.emplace_back(c.hub, m);
  return out;
}

std::vector<double> NetworkModel::layoutWeights() const {
  std::vector<double> out;
  out.reserve(edges.size() + nodes.size());
  for (const auto& e : edges) {
    const bool inside = nodes[static_cast<std::size_t>(e.a)].cluster ==
                        nodes[static_cast<std::size_t>(e.b)].cluster;
    out.push_back(e.agencyLevel ? 0.3 : inside ? 1.0 : 0.15);
  }
  for (const auto& c : clusters) out.insert(out.end(), c.members.size(), 1.5);
  return out;
}

std::vector<std::int64_t> NetworkModel::layoutGroups() const {
  std::vector<std::int64_t> out;
  out.reserve(nodes.size());
  for (const auto& n : nodes)
    out.push_back(n.cluster >= 0 ? clusters[static_cast<std::size_t>(n.cluster)].agency : 0);
  return out;
}

NetworkModel buildNetworkModel(const core::Snapshot& snap) {
  NetworkModel m;
  m.version = snap.version;
  m.clusters.reserve(snap.agencies.size());
  for (const auto& a : snap.agencies) {
    m.agencyCluster[a.id] = static_cast<int>(m.clusters.size());
    NetCluster c;
    c.agency = a.id;
    c.colour = static_cast<int>(a.type);
    c.code = a.code.empty() ? a.name : a.code;
    c.name = a.name;
    m.clusters.push_back(std::move(c));
  }
  m.nodes.reserve(snap.representatives.size() + snap.agencies.size());
  for (const auto& r : snap.representatives) {
    NetNode n;
    n.id = r.id;
    n.cluster = m.clusterOfAgency(r.agency);
    n.label = r.name;
    std::string agencyText;
    if (n.cluster >= 0) {
      auto& c = m.clusters[static_cast<std::size_t>(n.cluster)];
      n.colour = c.colour;
      c.members.push_back(static_cast<int>(m.nodes.size()));
      agencyText = c.code + " " + c.name;
    } else {
      n.colour = static_cast<int>(core::AgencyType::Other);
    }
    n.search = lower(r.name + " " + r.position + " " + agencyText);
    m.repIndex[r.id] = static_cast<int>(m.nodes.size());
    m.nodes.push_back(std::move(n));
  }
  for (std::size_t ci = 0; ci < m.clusters.size(); ++ci) {
    auto& c = m.clusters[ci];
    c.hub = static_cast<int>(m.nodes.size());
    NetNode n;
    n.id = c.agency;
    n.cluster = static_cast<int>(ci);
    n.hub = true;
    n.colour = c.colour;
    n.label = c.code;
    n.search = lower(c.code + " " + c.name);
    m.nodes.push_back(std::move(n));
  }
  for (const auto& ch : snap.channels) {
    int a = -1, b = -1;
    const bool agencyLevel = !ch.betweenReps();
    if (agencyLevel) {
      const int ca = m.clusterOfAgency(ch.from_agency), cb = m.clusterOfAgency(ch.to_agency);
      if (ca >= 0) a = m.clusters[static_cast<std::size_t>(ca)].hub;
      if (cb >= 0) b = m.clusters[static_cast<std::size_t>(cb)].hub;
    } else {
      a = m.nodeOfRep(ch.from_rep);
      b = m.nodeOfRep(ch.to_rep);
    }
    if (a < 0 || b < 0) continue;
    m.channelEdge[ch.id] = static_cast<int>(m.edges.size());
    m.edges.push_back({ch.id, a, b, ch.medium, ch.status, agencyLevel});
    m.nodes[static_cast<std::size_t>(a)].degree += 1;
    if (b != a) m.nodes[static_cast<std::size_t>(b)].degree += 1;
  }
  return m;
}

ResolvedOverlay resolveOverlay(const NetworkModel& model, const NetworkOverlay& overlay,
                               const std::set<core::Id>& downReps,
                               const std::set<core::Id>& downChannels) {
  ResolvedOverlay r;
  const std::size_t n = model.nodes.size();
  r.nodeFlags.assign(n, 0);
  r.edgeFlags.assign(model.edges.size(), 0);
  r.load.assign(n, 0.0f);
  r.betweenness.assign(n, 0.0f);
  for (const auto& [id, v] : overlay.load)
    if (int i = model.nodeOfRep(id); i >= 0)
      r.load[static_cast<std::size_t>(i)] = static_cast<float>(v);
  for (const auto& [id, v] : overlay.betweenness)
    if (int i = model.nodeOfRep(id); i >= 0)
      r.betweenness[static_cast<std::size_t>(i)] = static_cast<float>(v);
  for (float v : r.load) r.loadMax = std::max(r.loadMax, v);
  for (float v : r.betweenness) r.betweennessMax = std::max(r.betweennessMax, v);
  for (core::Id id : overlay.bottlenecks)
    if (int i = model.nodeOfRep(id); i >= 0)
      r.nodeFlags[static_cast<std::size_t>(i)] |= kNodeBottleneck;
  for (core::Id id : overlay.articulation)
    if (int i = model.nodeOfRep(id); i >= 0)
      r.nodeFlags[static_cast<std::size_t>(i)] |= kNodeArticulation;
  for (core::Id id : overlay.path_nodes)
    if (int i = model.nodeOfRep(id); i >= 0) {
      r.nodeFlags[static_cast<std::size_t>(i)] |= kNodePath;
      r.pathNodes.push_back(i);
    }
  for (core::Id id : downReps)
    if (int i = model.nodeOfRep(id); i >= 0) r.nodeFlags[static_cast<std::size_t>(i)] |= kNodeDown;
  for (core::Id id : overlay.bridges)
    if (int e = model.edgeOfChannel(id); e >= 0)
      r.edgeFlags[static_cast<std::size_t>(e)] |= kEdgeBridge;
  for (core::Id id : overlay.path_edges)
    if (int e = model.edgeOfChannel(id); e >= 0) {
      r.edgeFlags[static_cast<std::size_t>(e)] |= kEdgePath;
      r.pathEdges.push_back(e);
    }
  for (std::size_t e = 0; e < model.edges.size(); ++e) {
    const auto& edge = model.edges[e];
    if (edge.agencyLevel) r.edgeFlags[e] |= kEdgeAgency;
    if (downChannels.count(edge.channel) ||
        (r.nodeFlags[static_cast<std::size_t>(edge.a)] & kNodeDown) ||
        (r.nodeFlags[static_cast<std::size_t>(edge.b)] & kNodeDown))
      r.edgeFlags[e] |= kEdgeDown;
  }
  for (const auto& [a, b] : overlay.broken_needs) {
    const int ca = model.clusterOfAgency(a), cb = model.clusterOfAgency(b);
    if (ca >= 0 && cb >= 0) r.brokenNeeds.emplace_back(ca, cb);
  }
  return r;
}

}  // namespace liaison::app
