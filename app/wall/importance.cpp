#include "importance.hpp"

namespace liaison::app::wall {

std::unordered_map<core::Id, AgencyImportance> agencyImportance(
    const core::AnalysisResult* analysis) {
  std::unordered_map<core::Id, AgencyImportance> out;
  if (!analysis || analysis->cancelled) return out;
  for (const auto& sp : analysis->singlePoints)
    if (const core::NodeResult* n = analysis->node(sp.node)) {
      // At the agencies level the node is the agency itself.
      const core::Id agency =
          analysis->level == core::NetworkLevel::Agencies ? n->id : n->agency;
      if (agency) out[agency].single_point = true;
    }
  for (const auto& need : analysis->needs) {
    if (need.state == core::NeedState::Broken) {
      out[need.agency_a].broken = true;
      out[need.agency_b].broken = true;
    } else if (need.state == core::NeedState::SinglePath) {
      out[need.agency_a].single_path = true;
      out[need.agency_b].single_path = true;
    }
  }
  out.erase(0);
  return out;
}

}  // namespace liaison::app::wall
