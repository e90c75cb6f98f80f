// Triangulation of simple polygons with holes (ear clipping, holes bridged to the outer ring),
// done once per snapshot so the map can fill concave zones with AddTriangleFilled-free meshes.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace liaison::app {

struct TriPoint {
  double x = 0, y = 0;
};

// rings[0] is the outer ring, the others holes; a closing point equal to the first is ignored;
// any winding. Returns triangles as index triples into the rings flattened in order (ring 0's
// points first, then ring 1's, ...; the dropped closing points are not counted). Degenerate
// input (fewer than 3 distinct points) gives no triangles; self-intersecting input gives a
// best-effort result, never an endless loop.
std::vector<std::array<std::uint32_t, 3>> triangulate(
    const std::vector<std::vector<TriPoint>>& rings);

// The points triangulate() indexes: rings flattened without their closing points.
std::vector<TriPoint> flattenRings(const std::vector<std::vector<TriPoint>>& rings);

}  // namespace liaison::app
