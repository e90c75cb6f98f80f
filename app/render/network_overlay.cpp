#include "network_overlay.hpp"

#include <algorithm>

namespace liaison::app {

NetworkOverlay overlayFromAnalysis(const core::AnalysisResult& result,
                                   const core::WhatIfResult* whatif, core::Id pathNeed,
                                   const graph::Path* pairPath) {
  NetworkOverlay o;
  o.version = result.version;
  const bool people = result.level == core::NetworkLevel::Representatives;
  if (people) {
    for (const auto& n : result.nodes) {
      if (n.load > 0) o.load[n.id] = n.load;
      if (n.betweenness > 0) o.betweenness[n.id] = n.betweenness;
    }
    for (const auto& b : result.bottlenecks)
      if (b.load > 0) o.bottlenecks.push_back(b.node);
    o.articulation = result.articulationPoints;
  }
  o.bridges = result.bridges;

  auto addBroken = [&](core::Id a, core::Id b) {
    const auto pair = std::make_pair(std::min(a, b), std::max(a, b));
    if (std::find(o.broken_needs.begin(), o.broken_needs.end(), pair) == o.broken_needs.end())
      o.broken_needs.push_back(pair);
  };
  for (const auto& n : result.needs)
    if (n.state == core::NeedState::Broken) addBroken(n.agency_a, n.agency_b);
  const core::NeedImpact* impact = nullptr;
  if (whatif)
    for (const auto& i : whatif->needs) {
      if (i.after == core::NeedState::Broken)
        if (const auto* n = result.need(i.need)) addBroken(n->agency_a, n->agency_b);
      if (i.need == pathNeed) impact = &i;
    }

  if (const auto* need = pathNeed ? result.need(pathNeed) : nullptr) {
    const graph::Path& path =
        impact && whatif && !whatif->failed.empty() ? impact->detour.path : need->fastest.path;
    if (path.found) {
      if (people) o.path_nodes = path.nodes;
      for (const auto& hop : path.hops) o.path_edges.push_back(hop.edge);
    }
  } else if (!pathNeed && pairPath && pairPath->found) {
    if (people) o.path_nodes = pairPath->nodes;
    for (const auto& hop : pairPath->hops) o.path_edges.push_back(hop.edge);
  }
  return o;
}

}  // namespace liaison::app
