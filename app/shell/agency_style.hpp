// The colour and legend label of each agency type, shared by every view that draws agencies
// (the network view's dots and legend, the map's agency symbols), so a type has one colour.
#pragma once

#include <imgui.h>

#include "core/model/model.hpp"

namespace liaison::app {

struct AgencyTypeStyle {
  const char* label;  // legend text, e.g. "Public works"
  ImU32 colour;
};

// By static_cast<int>(core::AgencyType); out-of-range values give "Other".
const AgencyTypeStyle& agencyTypeStyle(int type);
inline const AgencyTypeStyle& agencyTypeStyle(core::AgencyType type) {
  return agencyTypeStyle(static_cast<int>(type));
}

}  // namespace liaison::app
