#include "core/geo/polygon.hpp"

#include <algorithm>
#include <cmath>

namespace liaison::core::geo {

namespace {

double cross(const LonLat& o, const LonLat& a, const LonLat& b) {
  return (a.lon - o.lon) * (b.lat - o.lat) - (a.lat - o.lat) * (b.lon - o.lon);
}

bool onSegment(const LonLat& a, const LonLat& b, const LonLat& p) {
  constexpr double kEps = 1e-12;
  if (std::fabs(cross(a, b, p)) > kEps * std::max(1.0, std::fabs(b.lon - a.lon) + std::fabs(b.lat - a.lat)))
    return false;
  return p.lon >= std::min(a.lon, b.lon) - kEps && p.lon <= std::max(a.lon, b.lon) + kEps &&
         p.lat >= std::min(a.lat, b.lat) - kEps && p.lat <= std::max(a.lat, b.lat) + kEps;
}

// -1 outside, 0 on the boundary, 1 inside (even-odd rule).
int ringSide(const Ring& ring, const LonLat& p) {
  const std::size_t n = ring.size();
  if (n < 3) return -1;
  bool inside = false;
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const LonLat& a = ring[i];
    const LonLat& b = ring[j];
    if (onSegment(a, b, p)) return 0;
    if ((a.lat > p.lat) != (b.lat > p.lat)) {
      const double x = a.lon + (p.lat - a.lat) * (b.lon - a.lon) / (b.lat - a.lat);
      if (p.lon < x) inside = !inside;
    }
  }
  return inside ? 1 : -1;
}

bool segmentsCross(const LonLat& p1, const LonLat& p2, const LonLat& q1, const LonLat& q2) {
  const double d1 = cross(q1, q2, p1), d2 = cross(q1, q2, p2);
  const double d3 = cross(p1, p2, q1), d4 = cross(p1, p2, q2);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
    return true;
  return onSegment(q1, q2, p1) || onSegment(q1, q2, p2) || onSegment(p1, p2, q1) ||
         onSegment(p1, p2, q2);
}

}  // namespace

bool contains(const std::vector<Ring>& polygon, const LonLat& p) {
  if (polygon.empty() || ringSide(polygon.front(), p) < 0) return false;
  for (std::size_t h = 1; h < polygon.size(); ++h)
    if (ringSide(polygon[h], p) > 0) return false;
  return true;
}

bool intersects(const std::vector<Ring>& a, const std::vector<Ring>& b) {
  if (a.empty() || b.empty()) return false;
  for (const Ring& ra : a)
    for (std::size_t i = 0; i + 1 < ra.size(); ++i)
      for (const Ring& rb : b)
        for (std::size_t k = 0; k + 1 < rb.size(); ++k)
          if (segmentsCross(ra[i], ra[i + 1], rb[k], rb[k + 1])) return true;
  // No boundaries cross: one lies inside the other, or they are apart.
  return (!a.front().empty() && contains(b, a.front().front())) ||
         (!b.front().empty() && contains(a, b.front().front()));
}

}  // namespace liaison::core::geo
