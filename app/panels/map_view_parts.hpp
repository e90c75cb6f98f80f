// What the three files of the map view share (map_view.cpp: the view, basemap, pan and zoom;
// map_view_draw.cpp: features, agencies and highlights; map_view_edit.cpp: the editing tools
// and picking). Private to them.
#pragma once

#include <imgui.h>

#include <array>
#include <vector>

#include "core/model/model.hpp"

namespace liaison::app::map_view_parts {

// The demo's vector basemap layer, drawn muted and under the operations.
inline bool isBasemap(const core::MapFeature& f) {
  return f.layer == "basemap";
}

inline ImU32 colour(const ImVec4& c, float alpha = 1.0f) {
  return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, c.w * alpha));
}

// Whether box (x0, y0, x1, y1) overlaps one of boxes (labels already drawn).
inline bool overlapsAny(const std::array<float, 4>& b,
                        const std::vector<std::array<float, 4>>& boxes) {
  for (const auto& o : boxes)
    if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) return true;
  return false;
}

}  // namespace liaison::app::map_view_parts
