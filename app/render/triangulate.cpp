#include "triangulate.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace liaison::app {
namespace {

using Index = std::uint32_t;

std::size_t openSize(const std::vector<TriPoint>& r) {
  std::size_t n = r.size();
  if (n >= 2 && r.front().x == r.back().x && r.front().y == r.back().y) --n;
  return n;
}

double cross(const TriPoint& o, const TriPoint& a, const TriPoint& b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

double signedArea(const std::vector<TriPoint>& pts, const std::vector<Index>& ring) {
  double a = 0;
  for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
    const TriPoint& p = pts[ring[i]];
    const TriPoint& q = pts[ring[(i + 1) % n]];
    a += p.x * q.y - q.x * p.y;
  }
  return a / 2;
}

bool samePos(const TriPoint& a, const TriPoint& b) {
  return a.x == b.x && a.y == b.y;
}

// Proper intersection of segments ab and cd (shared endpoints do not count).
bool segmentsCross(const TriPoint& a, const TriPoint& b, const TriPoint& c, const TriPoint& d) {
  if (samePos(a, c) || samePos(a, d) || samePos(b, c) || samePos(b, d)) return false;
  const double d1 = cross(a, b, c), d2 = cross(a, b, d), d3 = cross(c, d, a), d4 = cross(c, d, b);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

bool ringCrosses(const std::vector<TriPoint>& pts, const std::vector<Index>& ring,
                 const TriPoint& a, const TriPoint& b) {
  for (std::size_t i = 0, n = ring.size(); i < n; ++i)
    if (segmentsCross(a, b, pts[ring[i]], pts[ring[(i + 1) % n]])) return true;
  return false;
}

// Splices a hole (clockwise) into the outer ring (counter-clockwise) through a bridge from the
// hole's rightmost point to the nearest outer vertex it can see.
void bridgeHole(const std::vector<TriPoint>& pts, std::vector<Index>& outer,
                const std::vector<Index>& hole, const std::vector<std::vector<Index>>& others) {
  std::size_t hm = 0;
  for (std::size_t i = 1; i < hole.size(); ++i)
    if (pts[hole[i]].x > pts[hole[hm]].x) hm = i;
  const TriPoint& m = pts[hole[hm]];
  std::vector<std::size_t> order(outer.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto dist = [&](std::size_t i) {
    const TriPoint& p = pts[outer[i]];
    return (p.x - m.x) * (p.x - m.x) + (p.y - m.y) * (p.y - m.y);
  };
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return dist(a) < dist(b); });
  std::size_t best = order.empty() ? 0 : order.front();
  for (std::size_t i : order) {
    const TriPoint& v = pts[outer[i]];
    if (ringCrosses(pts, outer, m, v) || ringCrosses(pts, hole, m, v)) continue;
    bool blocked = false;
    for (const auto& o : others)
      if (ringCrosses(pts, o, m, v)) blocked = true;
    if (blocked) continue;
    best = i;
    break;
  }
  std::vector<Index> spliced;
  spliced.reserve(outer.size() + hole.size() + 2);
  spliced.insert(spliced.end(), outer.begin(), outer.begin() + static_cast<long>(best) + 1);
  for (std::size_t k = 0; k <= hole.size(); ++k) spliced.push_back(hole[(hm + k) % hole.size()]);
  spliced.insert(spliced.end(), outer.begin() + static_cast<long>(best), outer.end());
  outer = std::move(spliced);
}

bool insideTriangle(const TriPoint& a, const TriPoint& b, const TriPoint& c, const TriPoint& p) {
  return cross(a, b, p) >= 0 && cross(b, c, p) >= 0 && cross(c, a, p) >= 0;
}

bool isEar(const std::vector<TriPoint>& pts, const std::vector<Index>& poly, std::size_t i) {
  const std::size_t n = poly.size();
  const TriPoint& a = pts[poly[(i + n - 1) % n]];
  const TriPoint& b = pts[poly[i]];
  const TriPoint& c = pts[poly[(i + 1) % n]];
  if (cross(a, b, c) <= 0) return false;  // reflex or flat
  for (std::size_t k = 0; k < n; ++k) {
    const TriPoint& p = pts[poly[k]];
    if (samePos(p, a) || samePos(p, b) || samePos(p, c)) continue;
    if (insideTriangle(a, b, c, p)) return false;
  }
  return true;
}

}  // namespace

std::vector<TriPoint> flattenRings(const std::vector<std::vector<TriPoint>>& rings) {
  std::vector<TriPoint> pts;
  for (const auto& r : rings)
    pts.insert(pts.end(), r.begin(), r.begin() + static_cast<long>(openSize(r)));
  return pts;
}

std::vector<std::array<Index, 3>> triangulate(const std::vector<std::vector<TriPoint>>& rings) {
  std::vector<std::array<Index, 3>> out;
  if (rings.empty()) return out;
  const std::vector<TriPoint> pts = flattenRings(rings);
  std::vector<std::vector<Index>> idx;
  Index next = 0;
  for (const auto& r : rings) {
    std::vector<Index> ring;
    for (std::size_t i = 0, n = openSize(r); i < n; ++i) ring.push_back(next++);
    idx.push_back(std::move(ring));
  }
  if (idx[0].size() < 3) return out;
  std::vector<Index> poly = idx[0];
  if (signedArea(pts, poly) < 0) std::reverse(poly.begin(), poly.end());
  std::vector<std::vector<Index>> holes;
  for (std::size_t h = 1; h < idx.size(); ++h) {
    if (idx[h].size() < 3) continue;
    std::vector<Index> hole = idx[h];
    if (signedArea(pts, hole) > 0) std::reverse(hole.begin(), hole.end());
    holes.push_back(std::move(hole));
  }
  // Rightmost holes first, so later bridges never have to cross earlier ones' interiors.
  auto maxX = [&](const std::vector<Index>& r) {
    double m = -HUGE_VAL;
    for (Index i : r) m = std::max(m, pts[i].x);
    return m;
  };
  std::sort(holes.begin(), holes.end(),
            [&](const auto& a, const auto& b) { return maxX(a) > maxX(b); });
  for (std::size_t h = 0; h < holes.size(); ++h) {
    std::vector<std::vector<Index>> rest(holes.begin() + static_cast<long>(h) + 1, holes.end());
    bridgeHole(pts, poly, holes[h], rest);
  }

  std::size_t guard = poly.size() * poly.size() + 16;
  std::size_t i = 0;
  while (poly.size() > 3 && guard-- > 0) {
    const std::size_t n = poly.size();
    bool clipped = false;
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t j = (i + k) % n;
      if (!isEar(pts, poly, j)) continue;
      out.push_back({poly[(j + n - 1) % n], poly[j], poly[(j + 1) % n]});
      poly.erase(poly.begin() + static_cast<long>(j));
      i = j;
      clipped = true;
      break;
    }
    if (!clipped) {
      // Self-intersecting or degenerate remainder: drop a flat vertex, else clip anyway.
      std::size_t j = 0;
      for (std::size_t k = 0; k < n; ++k) {
        const TriPoint& a = pts[poly[(k + n - 1) % n]];
        const TriPoint& c = pts[poly[(k + 1) % n]];
        if (std::fabs(cross(a, pts[poly[k]], c)) == 0) {
          j = k;
          break;
        }
        if (cross(a, pts[poly[k]], c) > 0) j = k;
      }
      const TriPoint& a = pts[poly[(j + n - 1) % n]];
      const TriPoint& c = pts[poly[(j + 1) % n]];
      if (std::fabs(cross(a, pts[poly[j]], c)) > 0)
        out.push_back({poly[(j + n - 1) % n], poly[j], poly[(j + 1) % n]});
      poly.erase(poly.begin() + static_cast<long>(j));
    }
  }
  if (poly.size() == 3 && cross(pts[poly[0]], pts[poly[1]], pts[poly[2]]) > 0)
    out.push_back({poly[0], poly[1], poly[2]});
  return out;
}

}  // namespace liaison::app
