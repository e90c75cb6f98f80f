#include "graph/force_layout.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <thread>
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
      m_pinned(m_pos.size(), false) {
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
}

void ForceLayout::setEdgeWeights(std::vector<double> weights) {
  if (weights.size() != m_edges.size()) throw std::invalid_argument("ForceLayout: weight count");
  m_weights = std::move(weights);
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
}

void ForceLayout::setPinned(Index v, bool pinned) {
  m_pinned.at(static_cast<std::size_t>(v)) = pinned;
}

void ForceLayout::setPosition(Index v, LayoutPoint p) {
  m_pos.at(static_cast<std::size_t>(v)) = p;
}

void ForceLayout::reheat(double t) {
  m_temperature = std::max(m_temperature, t * m_opt.idealLength);
  m_settled = m_pos.empty();
}

double ForceLayout::spread() const {
  double s = 0;
  for (const auto& p : m_pos) s = std::max({s, std::fabs(p.x), std::fabs(p.y)});
  return s;
}

void ForceLayout::repulseExact(std::vector<LayoutPoint>& disp) const {
  const double k2 = m_opt.idealLength * m_opt.idealLength;
  const Index n = nodeCount();
  for (Index i = 0; i < n; ++i)
    for (Index j = 0; j < n; ++j)
      if (i != j) push(disp[i], m_pos[i], m_pos[j], k2, 1.0, i, j);
}

void ForceLayout::repulseGrid(std::vector<LayoutPoint>& disp) const {
  const double k2 = m_opt.idealLength * m_opt.idealLength;
  const std::size_t n = m_pos.size();
  // About eight nodes a cell: near pairs ~ 72 n, far cell pairs ~ (n / 8)^2.
  const int g =
      std::clamp(static_cast<int>(std::lround(std::sqrt(static_cast<double>(n) / 8.0))), 2, 40);
  double x0 = m_pos[0].x, x1 = x0, y0 = m_pos[0].y, y1 = y0;
  for (const auto& p : m_pos) {
    x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
    y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
  }
  const double cw = std::max((x1 - x0) / g, 1e-9), ch = std::max((y1 - y0) / g, 1e-9);
  auto cellOf = [&](const LayoutPoint& p) {
    const int cx = std::clamp(static_cast<int>((p.x - x0) / cw), 0, g - 1);
    const int cy = std::clamp(static_cast<int>((p.y - y0) / ch), 0, g - 1);
    return cy * g + cx;
  };
  const std::size_t cells = static_cast<std::size_t>(g * g);
  std::vector<int> cellOfNode(n), start(cells + 1, 0), members(n);
  std::vector<LayoutPoint> centroid(cells);
  for (std::size_t v = 0; v < n; ++v) {
    cellOfNode[v] = cellOf(m_pos[v]);
    ++start[static_cast<std::size_t>(cellOfNode[v]) + 1];
  }
  for (std::size_t c = 0; c < cells; ++c) start[c + 1] += start[c];
  std::vector<int> fill(start.begin(), start.end() - 1);
  for (std::size_t v = 0; v < n; ++v) {
    const auto c = static_cast<std::size_t>(cellOfNode[v]);
    members[static_cast<std::size_t>(fill[c]++)] = static_cast<int>(v);
    centroid[c].x += m_pos[v].x;
    centroid[c].y += m_pos[v].y;
  }
  for (std::size_t c = 0; c < cells; ++c) {
    const int count = start[c + 1] - start[c];
    if (count > 0) centroid[c] = {centroid[c].x / count, centroid[c].y / count};
  }

  // Far field once per pair of occupied cells (evaluated at the cell's centroid and shared by
  // its members); near field exact between nodes of the same and adjacent cells.
  std::vector<int> occupied;
  for (int c = 0; c < static_cast<int>(cells); ++c)
    if (start[static_cast<std::size_t>(c) + 1] > start[static_cast<std::size_t>(c)])
      occupied.push_back(c);
  // Each cell writes only its own members' displacement: cells are shared among threads
  // (interleaved, so dense and sparse regions mix) and the result does not depend on them.
  auto cellWork = [&](std::size_t from, std::size_t stride) {
    for (std::size_t k = from; k < occupied.size(); k += stride) {
      const int a = occupied[k];
      const auto ua = static_cast<std::size_t>(a);
      const int aBegin = start[ua], aEnd = start[ua + 1];
      const int ax = a % g, ay = a / g;
      LayoutPoint far{};
      for (int b : occupied) {
        const auto ub = static_cast<std::size_t>(b);
        if (std::abs(b % g - ax) <= 1 && std::abs(b / g - ay) <= 1) continue;
        push(far, centroid[ua], centroid[ub], k2, start[ub + 1] - start[ub], a, b);
      }
      for (int i = aBegin; i < aEnd; ++i) {
        const Index u = members[static_cast<std::size_t>(i)];
        auto& du = disp[static_cast<std::size_t>(u)];
        du.x += far.x;
        du.y += far.y;
        const auto& pu = m_pos[static_cast<std::size_t>(u)];
        for (int by = std::max(ay - 1, 0); by <= std::min(ay + 1, g - 1); ++by)
          for (int bx = std::max(ax - 1, 0); bx <= std::min(ax + 1, g - 1); ++bx) {
            const auto ub = static_cast<std::size_t>(by * g + bx);
            for (int j = start[ub]; j < start[ub + 1]; ++j) {
              const Index w = members[static_cast<std::size_t>(j)];
              if (w != u) push(du, pu, m_pos[static_cast<std::size_t>(w)], k2, 1.0, u, w);
            }
          }
      }
    }
  };
  const unsigned threads =
      n >= 2000 ? std::max(1u, std::min(4u, std::thread::hardware_concurrency())) : 1u;
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(cellWork, t, threads);
  cellWork(0, threads);
  for (auto& th : pool) th.join();
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
  std::unordered_map<Id, std::pair<LayoutPoint, int>> groupSum;
  if (m_opt.groupGravity > 0)
    for (std::size_t v = 0; v < m_pos.size(); ++v)
      if (m_groups[v] != 0) {
        auto& [s, c] = groupSum[m_groups[v]];
        s.x += m_pos[v].x;
        s.y += m_pos[v].y;
        ++c;
      }
  for (std::size_t v = 0; v < m_pos.size(); ++v) {
    disp[v].x -= g / m_opt.aspect * m_pos[v].x;
    disp[v].y -= g * m_opt.aspect * m_pos[v].y;
    if (m_groups[v] == 0 || m_opt.groupGravity <= 0) continue;
    const auto& [s, c] = groupSum[m_groups[v]];
    disp[v].x -= m_opt.groupGravity * (m_pos[v].x - s.x / c);
    disp[v].y -= m_opt.groupGravity * (m_pos[v].y - s.y / c);
  }
}

int ForceLayout::step(int iterations) {
  const std::size_t n = m_pos.size();
  std::vector<LayoutPoint> disp(n);
  int done = 0;
  for (; done < iterations && !m_settled; ++done) {
    std::fill(disp.begin(), disp.end(), LayoutPoint{});
    if (nodeCount() <= kExactLimit)
      repulseExact(disp);
    else
      repulseGrid(disp);
    attract(disp);
    gravitate(disp);
    double largest = 0;
    for (std::size_t v = 0; v < n; ++v) {
      if (m_pinned[v]) continue;
      const double len = std::sqrt(disp[v].x * disp[v].x + disp[v].y * disp[v].y);
      if (len <= 0 || !std::isfinite(len)) continue;
      const double move = std::min(len, m_temperature);
      m_pos[v].x += disp[v].x / len * move;
      m_pos[v].y += disp[v].y / len * move;
      largest = std::max(largest, move);
    }
    m_lastMax = largest;
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
