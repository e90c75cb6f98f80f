#include "agency_style.hpp"

#include <algorithm>

namespace liaison::app {

// One colour per AgencyType, in enum order; distinguishable on dark and black backgrounds.
const AgencyTypeStyle& agencyTypeStyle(int type) {
  static const AgencyTypeStyle kStyles[] = {
      {"Fire", IM_COL32(239, 83, 60, 255)},
      {"Law", IM_COL32(66, 135, 245, 255)},
      {"EMS", IM_COL32(245, 205, 60, 255)},
      {"Hospital", IM_COL32(240, 115, 180, 255)},
      {"Public health", IM_COL32(170, 120, 240, 255)},
      {"Public works", IM_COL32(240, 150, 40, 255)},
      {"Utility", IM_COL32(120, 205, 85, 255)},
      {"School", IM_COL32(80, 205, 210, 255)},
      {"Transit", IM_COL32(150, 170, 205, 255)},
      {"NGO", IM_COL32(220, 70, 130, 255)},
      {"Media", IM_COL32(210, 210, 210, 255)},
      {"Government", IM_COL32(50, 190, 150, 255)},
      {"Military", IM_COL32(150, 165, 90, 255)},
      {"Private", IM_COL32(190, 145, 100, 255)},
      {"Other", IM_COL32(140, 140, 150, 255)},
  };
  return kStyles[std::clamp(type, 0, 14)];
}

}  // namespace liaison::app
