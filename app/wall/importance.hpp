// What the wall must name first: the agencies of single points of failure, of broken needs and
// of single-path needs, from the engine's result (the same one the dashboard draws). No ImGui.
#pragma once

#include <unordered_map>

#include "core/analysis/analysis.hpp"

namespace liaison::app::wall {

struct AgencyImportance {
  bool single_point = false;  // holds a person whose loss alone cuts a need
  bool broken = false;        // an endpoint of a need with no working route
  bool single_path = false;   // an endpoint of a need one person or channel can cut
  bool essential() const { return single_point || broken || single_path; }
  // Label priority: 0 single point of failure, 1 broken, 2 single path, 4 the rest.
  int priority() const { return single_point ? 0 : broken ? 1 : single_path ? 2 : 4; }
};

// By agency id; agencies with nothing to report are absent. analysis may be null.
std::unordered_map<core::Id, AgencyImportance> agencyImportance(
    const core::AnalysisResult* analysis);

}  // namespace liaison::app::wall
