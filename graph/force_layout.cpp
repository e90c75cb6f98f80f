#include "graph/force_layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <unordered_map>

namespace liaison::graph {
namespace {

// splitmix64: the same sequence on every platform and standard library (std distributions are not).
std::uint64_t splitmix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

double unit(std::uint64_t& state) {
  return static_cast<double>(splitmix(state) >> 11) * (1.0 / 9007199254740992.0);
}

// A direction for two nodes on top of each other, fixed per pair so runs repeat exactly.
LayoutPoint tieDirection(Index a, Index b) {
  std::uint64_t s = (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32) ^
                    static_cast<std::uint32_t>(b);
  const double angle = unit(s) * 6.283185307179586;
  return {std::cos(angle), std::sin(angle)};
}

// Repulsive push of q on p: k^2 / d along (p - q), times `mass`.
inline void push(LayoutPoint& disp, const LayoutPoint& p, const LayoutPoint& q, double k2,
                 double mass, Index a, Index b) {
  double dx = p.x - q.x, dy = p.y - q.y;
  double d2 = dx * dx + dy * dy;
  if (d2 < 1e-18) {
    const LayoutPoint t = tieDirection(std::min(a, b), std::max(a, b));
    const double sign = a < b ? 1.0 : -1.0;
    dx = t.x * sign * 1e-6;
    dy = t.y * sign * 1e-6;
    d2 = 1e-12;
  }
  const double f = k2 * mass / d2;  // (k^2/d) * (delta/d)
  disp.x += dx * f;
  disp.y += dy * f;
}

}  // namespace

ForceLayout::ForceLayout(Index n, std::vector<std::pair<Index, Index>> edges,
                         ForceLayoutOptions options)
    : m_opt(options),
      m_pos(static_cast<std::size_t>(std::max<Index>(n, 0))),
      m_edges(std::move(edges)),
      m_groups(m_pos.size(), 0),
      m_groupIndex(m_pos.size(), -1),
      m_pinned(m_pos.size(), 0) {
  if (!(m_opt.idealLength > 0)) throw std::invalid_argument("ForceLayout: idealLength must be > 0");
  if (!(m_opt.aspect > 0)) throw std::invalid_argument("ForceLayout: aspect must be > 0");
  for (const auto& [a, b] : m_edges)
    if (a < 0 || b < 0 || a >= n || b >= n)
      throw std::invalid_argument("ForceLayout: edge to an unknown node");
  randomStart();
}

ForceLayout::ForceLayout(const Graph& graph, ForceLayoutOptions options)
    : ForceLayout(graph.nodeCount(), {}, options) {
  m_edges.reserve(static_cast<std::size_t>(graph.edgeCount()));
  for (Index e = 0; e < graph.edgeCount(); ++e)
    m_edges.emplace_back(graph.edgeFrom(e), graph.edgeTo(e));
  std::vector<Id> groups;
  for (const auto& node : graph.nodes()) groups.push_back(node.group);
  setGroups(std::move(groups));
}

void ForceLayout::randomStart() {
  std::uint64_t state = m_opt.seed;
  const double radius = m_opt.idealLength * std::sqrt(static_cast<double>(m_pos.size()) + 1.0);
  for (auto& p : m_pos) {
    p.x = (unit(state) * 2.0 - 1.0) * radius;
    p.y = (unit(state) * 2.0 - 1.0) * radius;
  }
  m_temperature = m_opt.initialTemperature > 0 ? m_opt.initialTemperature * m_opt.idealLength
                                               : std::max(radius * 0.2, m_opt.idealLength);
  m_settled = m_pos.empty();
}

void ForceLayout::setGroups(std::vector<Id> groups) {
  if (groups.size() != m_pos.size()) throw std::invalid_argument("ForceLayout: group count");
  m_groups = std::move(groups);
  // Dense group indices, so each step sums group centroids in arrays rather than a hash map.
  std::unordered_map<Id, int> index;
  m_groupIndex.assign(m_groups.size(), -1);
  for (std::size_t v = 0; v < m_groups.size(); ++v)
    if (m_groups[v] != 0)
      m_groupIndex[v] = index.emplace(m_groups[v], static_cast<int>(index.size())).first->second;
  m_groupCount = static_cast<int>(index.size());
}

void ForceLayout::setEdgeWeights(std::vector<double> weights) {
  if (weights.size() != m_edges.size()) throw std::invalid_argument("ForceLayout: weight count");
  m_weights = std::move(weights);
  m_weightsF.clear();                      // the float copy is remade when the grid is rebuilt,
  m_gridDrift = m_nearDrift = kRebuild;  // which the next step now does
}

void ForceLayout::warmStart(std::span<const LayoutPoint> positions,
                            const std::vector<bool>& known) {
  const std::size_t n = m_pos.size();
  if (positions.size() != n || known.size() != n)
    throw std::invalid_argument("ForceLayout: warm start size");
  std::vector<bool> placed(known);
  for (std::size_t v = 0; v < n; ++v)
    if (known[v]) m_pos[v] = positions[v];

  // Unknown nodes go to the centroid of their placed neighbours (a few rounds reach chains of
  // new nodes), then of their group, with a small deterministic jitter so they can separate.
  std::vector<std::vector<Index>> adj(n);
  for (const auto& [a, b] : m_edges) {
    adj[static_cast<std::size_t>(a)].push_back(b);
    adj[static_cast<std::size_t>(b)].push_back(a);
  }
  std::uint64_t state = m_opt.seed ^ 0xA5A5A5A5ull;
  const double k = m_opt.idealLength;
  for (int round = 0; round < 4; ++round) {
    std::vector<std::size_t> now;
    for (std::size_t v = 0; v < n; ++v) {
      if (placed[v]) continue;
      double sx = 0, sy = 0;
      int c = 0;
      for (Index u : adj[v])
        if (placed[static_cast<std::size_t>(u)]) {
          sx += m_pos[static_cast<std::size_t>(u)].x;
          sy += m_pos[static_cast<std::size_t>(u)].y;
          ++c;
        }
      if (c == 0) continue;
      m_pos[v] = {sx / c + (unit(state) - 0.5) * k, sy / c + (unit(state) - 0.5) * k};
      now.push_back(v);
    }
    for (std::size_t v : now) placed[v] = true;
  }
  std::unordered_map<Id, std::pair<LayoutPoint, int>> groupSum;
  for (std::size_t v = 0; v < n; ++v)
    if (placed[v] && m_groups[v] != 0) {
      auto& [s, c] = groupSum[m_groups[v]];
      s.x += m_pos[v].x;
      s.y += m_pos[v].y;
      ++c;
    }
  for (std::size_t v = 0; v < n; ++v) {
    if (placed[v]) continue;
    const auto it = groupSum.find(m_groups[v]);
    if (it != groupSum.end() && m_groups[v] != 0) {
      const auto& [s, c] = it->second;
      m_pos[v] = {s.x / c + (unit(state) - 0.5) * k, s.y / c + (unit(state) - 0.5) * k};
    }  // else: keep the random start position
  }
  m_temperature = 0.1 * k;
  m_settled = false;
  m_gridDrift = m_nearDrift = kRebuild;
}

void ForceLayout::setPinned(Index v, bool pinned) {
  m_pinned.at(static_cast<std::size_t>(v)) = pinned ? 1 : 0;
}

void ForceLayout::setPosition(Index v, LayoutPoint p) {
  m_pos.at(static_cast<std::size_t>(v)) = p;
  m_gridDrift = m_nearDrift = kRebuild;
}

void ForceLayout::reheat(double t) {
  m_temperature = std::max(m_temperature, t * m_opt.idealLength);
  m_settled = m_pos.empty();
}

void ForceLayout::repulseExact(std::vector<LayoutPoint>& disp) const {
  const double k2 = m_opt.idealLength * m_opt.idealLength;
  const Index n = nodeCount();
  for (Index i = 0; i < n; ++i)
    for (Index j = 0; j < n; ++j)
      if (i != j) push(disp[i], m_pos[i], m_pos[j], k2, 1.0, i, j);
}

namespace {

// The pair loops of the grid, on floats in cell order, eight lanes at a time with GCC's vector
// extensions (on the default x86-64 target a lane group is two SSE registers). With
// target_clones the loader picks an AVX2 build on CPUs that have it. The arrays they read are
// padded by kLanes entries, so a last, partial group is read whole and masked.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define LIAISON_SIMD_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define LIAISON_SIMD_CLONES
#endif

// The helpers below pass 32-byte vectors by value; they are internal and inlined, so the
// "ABI changes with AVX" note GCC gives for the SSE2 build does not apply.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"

constexpr int kLanes = 8;
using f8 = float __attribute__((vector_size(32)));
using i8 = int __attribute__((vector_size(32)));
using f4 = float __attribute__((vector_size(16)));

inline f8 load8(const float* p) {
  f8 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline float sum8(f8 v) {
  const f4 lo = {v[0], v[1], v[2], v[3]}, hi = {v[4], v[5], v[6], v[7]};
  const f4 s = lo + hi;
  return (s[0] + s[2]) + (s[1] + s[3]);
}
constexpr i8 kLaneIndex = {0, 1, 2, 3, 4, 5, 6, 7};

// The far field at point z of the cells in `rows` runs of a level's row-major arrays (run r
// starts at index from[r] and has count[r] cells; cells skipFrom[r]..skipTo[r] of it, adjacent to
// the cell asking, are left out, as are empty cells): H(z) = sum m / (z - w) and
// H'(z) = -sum m / (z - w)^2 (complex; the repulsive force k^2 (z - w) / |z - w|^2 is k^2 conj(H)).
LIAISON_SIMD_CLONES
void farCell(const float* cx, const float* cy, const float* m, const int* from, const int* count,
             const int* skipFrom, const int* skipTo, int rows, float zx, float zy, float* out4) {
  f8 hr = {}, hi = {}, dr = {}, di = {};
  const f8 vzx = f8{} + zx, vzy = f8{} + zy;
  for (int r = 0; r < rows; ++r) {
    const int o = from[r];
    const f8 dx = vzx - load8(cx + o), dy = vzy - load8(cy + o), mass = load8(m + o);
    const i8 use = (kLaneIndex < count[r]) & ((kLaneIndex < skipFrom[r]) | (kLaneIndex > skipTo[r])) &
                   (mass > 0.0f);
    const f8 r2 = use ? dx * dx + dy * dy : f8{} + 1.0f;
    const f8 inv = 1.0f / r2;                 // one division a lane
    const f8 w = use ? mass * inv : f8{};  // m / |d|^2
    // m / d = m conj(d) / |d|^2;  m / d^2 = m conj(d)^2 / |d|^4.
    hr += dx * w;
    hi -= dy * w;
    const f8 w2 = w * inv;
    dr -= (dx * dx - dy * dy) * w2;
    di += 2.0f * dx * dy * w2;
  }
  out4[0] = sum8(hr), out4[1] = sum8(hi), out4[2] = sum8(dr), out4[3] = sum8(di);
}

// The near field of one cell, each pair once: for each member i in [ib, ie), the pairs with
// the points in [i + 1, ea) (the rest of its cell and the next cell of its row) and in
// [bb, eb) (the three cells below), pushing both points.
LIAISON_SIMD_CLONES
void nearCellPairs(const float* xs, const float* ys, const float* jx, const float* jy, int ib,
                   int ie, int ea, int bb, int eb, float k2, float* fxOut, float* fyOut) {
  for (int i = ib; i < ie; ++i) {
    f8 fx = {}, fy = {};
    const f8 vpx = f8{} + xs[i], vpy = f8{} + ys[i], vjx = f8{} + jx[i], vjy = f8{} + jy[i];
    const int from[2] = {i + 1, bb}, to[2] = {ea, eb};
    for (int r = 0; r < 2; ++r) {
      const int e = to[r];
      for (int j = from[r]; j < e; j += kLanes) {
        const f8 tx = vjx - load8(jx + j), ty = vjy - load8(jy + j);
        f8 dx = vpx - load8(xs + j), dy = vpy - load8(ys + j);
        const f8 d2raw = dx * dx + dy * dy;
        const i8 tie = d2raw < 1e-12f;
        dx = tie ? tx : dx;
        dy = tie ? ty : dy;
        const f8 d2 = tie ? tx * tx + ty * ty + 1e-30f : d2raw;
        const i8 live = (kLaneIndex + j) < e;
        const f8 f = live ? k2 / d2 : f8{};
        const f8 px = dx * f, py = dy * f;
        fx += px;
        fy += py;
        const f8 ox = load8(fxOut + j) - px, oy = load8(fyOut + j) - py;
        std::memcpy(fxOut + j, &ox, sizeof ox);
        std::memcpy(fyOut + j, &oy, sizeof oy);
      }
    }
    fxOut[i] += sum8(fx);
    fyOut[i] += sum8(fy);
  }
}

#pragma GCC diagnostic pop

}  // namespace


// Repulsion on a pyramid of square grids. Level 0 has G0 = 2^L cells a side, about four nodes
// an occupied cell; each level above halves the side. Nodes in the same or adjacent level-0
// cells repel exactly. Every other node is felt through the cells: a cell at level l takes the
// cells that are children of its parent's neighbours but not its own neighbours (at most 27),
// as point masses at their centroids; their field and its derivative at the cell's centroid are
// passed down to the children as a first-order expansion (H(z) + H'(z) (z' - z)), and evaluated
// at each node.
void ForceLayout::repulseGrid(std::vector<LayoutPoint>& disp) {
  const std::size_t n = m_pos.size();
  // While every node has moved less than a small part of a finest cell since the grid was built
  // (late in a layout, when the temperature is low), the cells, their masses and their far
  // fields are reused: only the positions in cell order are refreshed, and the near field and
  // the attraction are computed anew. The far field's error from that staleness is below
  // kDriftShare of the nearest far cell's push.
  // Later still, when the nodes have drifted less than kNearDrift k since the repulsion was last
  // found, that repulsion is reused too and only the attraction is computed anew: each node's
  // push then comes from positions at most that far from the current ones.
  if (m_gridDrift < kDriftShare * m_gridCell && m_order.size() == n) {
    for (std::size_t v = 0; v < n; ++v)
      m_p2[v] = {static_cast<float>(m_pos[v].x - m_gridX0), static_cast<float>(m_pos[v].y - m_gridY0)};
    const bool fresh = m_nearDrift >= kNearDrift * m_opt.idealLength;
    if (fresh)
      for (std::size_t i = 0; i < n; ++i) {
        const auto v = static_cast<std::size_t>(m_order[i]);
        m_fx[i] = m_p2[v].x;
        m_fy[i] = m_p2[v].y;
      }
    fieldsAndAttraction(disp, fresh);
    return;
  }
  m_gridDrift = 0.0;
  double x0 = m_pos[0].x, x1 = x0, y0 = m_pos[0].y, y1 = y0;
  for (const auto& p : m_pos) {
    x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
    y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
  }
  const double side = std::max(std::max(x1 - x0, y1 - y0) * (1.0 + 1e-9), 1e-9);
  m_gridX0 = x0, m_gridY0 = y0;
  // The finest level: kept from the last step, one level finer when the occupied cells hold
  // more than six nodes on average, one coarser below two (clustered pictures need finer cells
  // than uniform ones of the same size).
  if (m_gridLevels == 0) {
    m_gridLevels = 2;
    while (m_gridLevels < 9 && (4.0 * (1 << (2 * m_gridLevels))) < static_cast<double>(n)) ++m_gridLevels;
  }
  const int levels = m_gridLevels;
  const int g0 = 1 << levels;
  const double inv = g0 / side;
  m_gridCell = side / g0;
  const std::size_t cells0 = static_cast<std::size_t>(g0) * static_cast<std::size_t>(g0);

  // Level 0: counting sort into cell order, positions as floats relative to the corner.
  m_cellStart.assign(cells0 + 1, 0);
  m_cellOfNode.resize(n);
  for (std::size_t v = 0; v < n; ++v) {
    const int cx = std::min(static_cast<int>((m_pos[v].x - x0) * inv), g0 - 1);
    const int cy = std::min(static_cast<int>((m_pos[v].y - y0) * inv), g0 - 1);
    m_cellOfNode[v] = cy * g0 + cx;
    ++m_cellStart[static_cast<std::size_t>(m_cellOfNode[v]) + 1];
  }
  std::size_t occupied = 0;
  for (std::size_t c = 0; c < cells0; ++c) {
    occupied += m_cellStart[c + 1] > 0;
    m_cellStart[c + 1] += m_cellStart[c];
  }
  const double mean = static_cast<double>(n) / static_cast<double>(std::max<std::size_t>(occupied, 1));
  if (mean > 6.0 && m_gridLevels < 9)
    ++m_gridLevels;
  else if (mean < 2.0 && m_gridLevels > 2)
    --m_gridLevels;

  m_order.resize(n);
  m_fx.resize(n + kLanes), m_fy.resize(n + kLanes), m_fjx.resize(n + kLanes), m_fjy.resize(n + kLanes);
  if (m_jitter.size() != n) {
    m_jitter.resize(n);
    for (std::size_t v = 0; v < n; ++v) {
      std::uint64_t st = 0x6A09E667F3BCC909ull ^ v;
      const double angle = unit(st) * 6.283185307179586;
      m_jitter[v] = {1e-3 * m_opt.idealLength * std::cos(angle),
                     1e-3 * m_opt.idealLength * std::sin(angle)};
    }
  }
  m_p2.resize(n);
  for (std::size_t v = 0; v < n; ++v)
    m_p2[v] = {static_cast<float>(m_pos[v].x - x0), static_cast<float>(m_pos[v].y - y0)};
  if (!m_weights.empty() && m_weightsF.size() != m_weights.size() + kLanes) {
    m_weightsF.assign(m_weights.begin(), m_weights.end());
    m_weightsF.resize(m_weights.size() + kLanes, 0.0f);
  }
  m_fill.assign(m_cellStart.begin(), m_cellStart.end() - 1);
  for (std::size_t v = 0; v < n; ++v) {
    const auto slot = static_cast<std::size_t>(m_fill[static_cast<std::size_t>(m_cellOfNode[v])]++);
    m_order[slot] = static_cast<int>(v);
    m_fx[slot] = m_p2[v].x;
    m_fy[slot] = m_p2[v].y;
    m_fjx[slot] = static_cast<float>(m_jitter[v].x);
    m_fjy[slot] = static_cast<float>(m_jitter[v].y);
  }

  // The pyramid: per level, mass and centroid of each cell (padded by kLanes for farCell).
  m_levels.resize(static_cast<std::size_t>(levels));
  for (int l = 0; l < levels; ++l) {
    const int g = g0 >> l;
    auto& L = m_levels[static_cast<std::size_t>(l)];
    const std::size_t count = static_cast<std::size_t>(g) * static_cast<std::size_t>(g) + kLanes;
    L.cx.assign(count, 0.0f), L.cy.assign(count, 0.0f), L.mass.assign(count, 0.0f);
    L.h.assign(4 * count, 0.0f);
    if (l == 0) {
      for (std::size_t c = 0; c < cells0; ++c) {
        const int b = m_cellStart[c], e = m_cellStart[c + 1];
        if (b == e) continue;
        float sx = 0, sy = 0;
        for (int i = b; i < e; ++i) sx += m_fx[static_cast<std::size_t>(i)], sy += m_fy[static_cast<std::size_t>(i)];
        L.mass[c] = static_cast<float>(e - b);
        L.cx[c] = sx / static_cast<float>(e - b);
        L.cy[c] = sy / static_cast<float>(e - b);
      }
    } else {
      const auto& C = m_levels[static_cast<std::size_t>(l - 1)];
      const int gc = g << 1;
      for (int y = 0; y < g; ++y)
        for (int x = 0; x < g; ++x) {
          float m = 0, sx = 0, sy = 0;
          for (int dy = 0; dy < 2; ++dy)
            for (int dx = 0; dx < 2; ++dx) {
              const auto c = static_cast<std::size_t>((2 * y + dy) * gc + 2 * x + dx);
              m += C.mass[c], sx += C.mass[c] * C.cx[c], sy += C.mass[c] * C.cy[c];
            }
          if (m <= 0) continue;
          const auto c = static_cast<std::size_t>(y * g + x);
          L.mass[c] = m;
          L.cx[c] = sx / m;
          L.cy[c] = sy / m;
        }
    }
  }

  // Each occupied cell's own interaction list, at every level below the top (whose cells are
  // all neighbours), then down the pyramid: each cell adds its parent's expansion, shifted to
  // its own centroid.
  for (int l = levels - 2; l >= 0; --l) {
    const int g = g0 >> l;
    auto& L = m_levels[static_cast<std::size_t>(l)];
    const Level* P = l + 2 < levels ? &m_levels[static_cast<std::size_t>(l + 1)] : nullptr;
    int from[6], count[6], skipFrom[6], skipTo[6];
    for (int cy = 0; cy < g; ++cy)
      for (int cx = 0; cx < g; ++cx) {
        const auto c = static_cast<std::size_t>(cy * g + cx);
        if (L.mass[c] <= 0) continue;
        const int px = cx >> 1, py = cy >> 1;
        const int xa = std::max(2 * (px - 1), 0), xb = std::min(2 * (px + 1) + 1, g - 1);
        const int ya = std::max(2 * (py - 1), 0), yb = std::min(2 * (py + 1) + 1, g - 1);
        int rows = 0;
        for (int y = ya; y <= yb; ++y, ++rows) {
          const bool adjacentRow = y >= cy - 1 && y <= cy + 1;
          from[rows] = y * g + xa;
          count[rows] = xb - xa + 1;
          skipFrom[rows] = adjacentRow ? cx - 1 - xa : 1 << 20;
          skipTo[rows] = adjacentRow ? cx + 1 - xa : -1;
        }
        float* h = &L.h[4 * c];
        farCell(L.cx.data(), L.cy.data(), L.mass.data(), from, count, skipFrom, skipTo, rows,
                L.cx[c], L.cy[c], h);
        if (P) {
          const auto p = static_cast<std::size_t>(py * (g >> 1) + px);
          const float* ph = &P->h[4 * p];
          const float ex = L.cx[c] - P->cx[p], ey = L.cy[c] - P->cy[p];
          h[0] += ph[0] + ph[2] * ex - ph[3] * ey;
          h[1] += ph[1] + ph[2] * ey + ph[3] * ex;
          h[2] += ph[2];
          h[3] += ph[3];
        }
      }
  }

  fieldsAndAttraction(disp, true);
}

// Per node: the near field exactly, the far field from its level-0 cell's expansion, and the
// attraction along its edges.
void ForceLayout::fieldsAndAttraction(std::vector<LayoutPoint>& disp, bool repulsion) {
  const std::size_t n = m_pos.size();
  const int g0 = 1 << static_cast<int>(m_levels.size());
  const std::size_t cells0 = static_cast<std::size_t>(g0) * static_cast<std::size_t>(g0);
  const float k2 = static_cast<float>(m_opt.idealLength * m_opt.idealLength);
  const double k = m_opt.idealLength;
  const auto& L0 = m_levels[0];
  const int* start = m_cellStart.data();
  if (repulsion) {
    m_nearDrift = 0.0;
    m_ffx.assign(n + kLanes, 0.0f), m_ffy.assign(n + kLanes, 0.0f);
  }
  for (int c = 0; repulsion && c < static_cast<int>(cells0); ++c) {
    const auto uc = static_cast<std::size_t>(c);
    if (start[c] == start[c + 1]) continue;
    const int ax = c % g0, ay = c / g0;
    const int xa = std::max(ax - 1, 0), xb = std::min(ax + 1, g0 - 1);
    const int ea = start[ax + 1 < g0 ? c + 2 : c + 1];
    const int bb = ay + 1 < g0 ? start[(ay + 1) * g0 + xa] : 0;
    const int eb = ay + 1 < g0 ? start[(ay + 1) * g0 + xb + 1] : 0;
    nearCellPairs(m_fx.data(), m_fy.data(), m_fjx.data(), m_fjy.data(), start[c], start[c + 1], ea,
                  bb, eb, k2, m_ffx.data(), m_ffy.data());
    const float* h = &L0.h[4 * uc];
    for (int i = start[c]; i < start[c + 1]; ++i) {
      const auto ui = static_cast<std::size_t>(i);
      const float ex = m_fx[ui] - L0.cx[uc], ey = m_fy[ui] - L0.cy[uc];
      // conj(H + H' e), times k^2
      m_ffx[ui] += k2 * (h[0] + h[2] * ex - h[3] * ey);
      m_ffy[ui] -= k2 * (h[1] + h[2] * ey + h[3] * ex);
    }
  }
  // Attraction, once per edge, in floats (the square root is the cost: one per edge, not one per
  // endpoint). Measured faster as one pass than as gather, vector square roots, scatter.
  m_a2.assign(n, Float2{});
  {
    const float invK = static_cast<float>(1.0 / k);
    const Float2* p = m_p2.data();
    const float* w = m_weights.empty() ? nullptr : m_weightsF.data();
    Float2* acc = m_a2.data();
    const std::size_t m = m_edges.size();
    for (std::size_t e = 0; e < m; ++e) {
      const auto a = static_cast<std::size_t>(m_edges[e].first), b = static_cast<std::size_t>(m_edges[e].second);
      const float dx = p[a].x - p[b].x, dy = p[a].y - p[b].y;
      const float f = std::sqrt(dx * dx + dy * dy) * invK * (w ? w[e] : 1.0f);
      acc[a].x -= dx * f, acc[a].y -= dy * f;
      acc[b].x += dx * f, acc[b].y += dy * f;
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const auto v = static_cast<std::size_t>(m_order[i]);
    disp[v].x += static_cast<double>(m_ffx[i] + m_a2[v].x);
    disp[v].y += static_cast<double>(m_ffy[i] + m_a2[v].y);
  }
}

void ForceLayout::attract(std::vector<LayoutPoint>& disp) const {
  const double k = m_opt.idealLength;
  for (std::size_t e = 0; e < m_edges.size(); ++e) {
    const auto [a, b] = m_edges[e];
    if (a == b) continue;
    const auto& pa = m_pos[static_cast<std::size_t>(a)];
    const auto& pb = m_pos[static_cast<std::size_t>(b)];
    const double dx = pa.x - pb.x, dy = pa.y - pb.y;
    const double d = std::sqrt(dx * dx + dy * dy);
    const double f = d / k * (m_weights.empty() ? 1.0 : m_weights[e]);  // (d^2/k) * (delta/d)
    disp[static_cast<std::size_t>(a)].x -= dx * f;
    disp[static_cast<std::size_t>(a)].y -= dy * f;
    disp[static_cast<std::size_t>(b)].x += dx * f;
    disp[static_cast<std::size_t>(b)].y += dy * f;
  }
}

void ForceLayout::gravitate(std::vector<LayoutPoint>& disp) const {
  // Scaled by sqrt(n) so the picture fills about n * k^2, whatever n is.
  const double g = m_opt.gravity * std::sqrt(static_cast<double>(m_pos.size()));
  const bool groups = m_opt.groupGravity > 0 && m_groupCount > 0;
  std::vector<LayoutPoint> centre(groups ? static_cast<std::size_t>(m_groupCount) : 0);
  std::vector<int> count(centre.size(), 0);
  if (groups) {
    for (std::size_t v = 0; v < m_pos.size(); ++v)
      if (const int gi = m_groupIndex[v]; gi >= 0) {
        centre[static_cast<std::size_t>(gi)].x += m_pos[v].x;
        centre[static_cast<std::size_t>(gi)].y += m_pos[v].y;
        ++count[static_cast<std::size_t>(gi)];
      }
    for (std::size_t i = 0; i < centre.size(); ++i)
      centre[i] = {centre[i].x / count[i], centre[i].y / count[i]};
  }
  for (std::size_t v = 0; v < m_pos.size(); ++v) {
    disp[v].x -= g / m_opt.aspect * m_pos[v].x;
    disp[v].y -= g * m_opt.aspect * m_pos[v].y;
    if (!groups || m_groupIndex[v] < 0) continue;
    const LayoutPoint& c = centre[static_cast<std::size_t>(m_groupIndex[v])];
    disp[v].x -= m_opt.groupGravity * (m_pos[v].x - c.x);
    disp[v].y -= m_opt.groupGravity * (m_pos[v].y - c.y);
  }
}

std::vector<LayoutPoint> ForceLayout::forces() {
  std::vector<LayoutPoint> disp(m_pos.size());
  if (nodeCount() > kExactLimit) {
    m_gridDrift = m_nearDrift = kRebuild;
    repulseGrid(disp);
  } else {
    repulseExact(disp);
    attract(disp);
  }
  gravitate(disp);
  return disp;
}

int ForceLayout::step(int iterations) {
  const std::size_t n = m_pos.size();
  std::vector<LayoutPoint> disp(n);
  const bool grid = nodeCount() > kExactLimit;
  int done = 0;
  for (; done < iterations && !m_settled; ++done) {
    std::fill(disp.begin(), disp.end(), LayoutPoint{});
    if (grid) {
      repulseGrid(disp);  // attraction included
    } else {
      repulseExact(disp);
      attract(disp);
    }
    gravitate(disp);
    // Each node moves along its force, by at most the temperature.
    double largest = 0;
    const double temperature = m_temperature;
    for (std::size_t v = 0; v < n; ++v) {
      const double dx = disp[v].x, dy = disp[v].y;
      const double len2 = dx * dx + dy * dy;
      if (m_pinned[v] || !(len2 > 0) || !std::isfinite(len2)) continue;
      const double len = std::sqrt(len2);
      const double move = std::min(len, temperature);
      const double scale = move / len;
      m_pos[v].x += dx * scale;
      m_pos[v].y += dy * scale;
      largest = std::max(largest, move);
    }
    m_lastMax = largest;
    m_gridDrift += largest;
    m_nearDrift += largest;
    m_temperature *= m_opt.cooling;
    ++m_iterations;
    if (largest < m_opt.tolerance * m_opt.idealLength) m_settled = true;
  }
  return done;
}

double ForceLayout::energy() const {
  const double k = m_opt.idealLength, k2 = k * k;
  const std::size_t n = m_pos.size();
  double e = 0;
  for (std::size_t i = 0; i < m_edges.size(); ++i) {
    const auto& pa = m_pos[static_cast<std::size_t>(m_edges[i].first)];
    const auto& pb = m_pos[static_cast<std::size_t>(m_edges[i].second)];
    const double d = std::hypot(pa.x - pb.x, pa.y - pb.y);
    e += d * d * d / (3 * k) * (m_weights.empty() ? 1.0 : m_weights[i]);
  }
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j)
      e -= k2 *
           std::log(std::max(std::hypot(m_pos[i].x - m_pos[j].x, m_pos[i].y - m_pos[j].y), 1e-9));
  const double g = m_opt.gravity * std::sqrt(static_cast<double>(n));
  for (const auto& p : m_pos) e += 0.5 * g * (p.x * p.x / m_opt.aspect + p.y * p.y * m_opt.aspect);
  return e;
}

}  // namespace liaison::graph
