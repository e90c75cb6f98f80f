// The one-line human summaries of journal entries ("Added agency RFD (River City Fire
// Department)", "Changed channel 1001: status up -> down"), and entity labels for messages.
#pragma once

#include <string>

#include "core/model/model.hpp"

namespace liaison::core {

// "agency", "representative", "operational period", "map feature", ...
std::string kindLabel(EntityKind kind);
// "RFD (River City Fire Department)", "104 (Dana Whitfield)", "1001"
std::string entityLabel(const Entity& e);

std::string summaryAdded(const Entity& after);
// beforeJson/afterJson: entityToJson of the two versions; lists the fields that changed.
std::string summaryChanged(const Entity& after, const std::string& beforeJson,
                           const std::string& afterJson);
// cause: "" or e.g. "with agency RFD" for cascaded removals.
std::string summaryRemoved(const Entity& before, const std::string& cause = "");

}  // namespace liaison::core
