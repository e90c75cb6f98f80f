// Plane geometry on longitude/latitude for the questions a map zone asks: is a place inside
// it, does a footprint touch it. Zones are small (a plume, a flood extent, an outage area), so
// lon/lat are treated as plane coordinates; rings follow RFC 7946 (the first ring is the outer
// boundary, the others are holes; a ring's last point may repeat its first).
#pragma once

#include <vector>

#include "core/model/model.hpp"

namespace liaison::core::geo {

using Ring = std::vector<LonLat>;

// Inside the outer ring and outside every hole. Points on the boundary count as inside.
bool contains(const std::vector<Ring>& polygon, const LonLat& p);

// Whether two polygons share any point (one inside the other, or boundaries that cross).
bool intersects(const std::vector<Ring>& a, const std::vector<Ring>& b);

}  // namespace liaison::core::geo
