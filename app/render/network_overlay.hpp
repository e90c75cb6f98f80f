// The engine's answers (core::AnalysisResult, core::WhatIfResult) as the network view's overlay:
// loads, bottlenecks, single points of failure, bridges, needs without a path, one path.
#pragma once

#include "core/analysis/analysis.hpp"
#include "network_model.hpp"

namespace liaison::app {

// `pathNeed`: the need whose path to draw (0: none); with a what-if, its detour is drawn
// instead, and needs the what-if breaks count as broken. Agencies-level results carry no
// per-person values: only bridges, broken needs and the path's channels are kept.
// `pairPath`: drawn instead when no need is given (a path between any two people or agencies).
NetworkOverlay overlayFromAnalysis(const core::AnalysisResult& result,
                                   const core::WhatIfResult* whatif = nullptr,
                                   core::Id pathNeed = 0, const graph::Path* pairPath = nullptr);

}  // namespace liaison::app
