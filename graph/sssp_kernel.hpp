// Internal: single-source shortest-path searches on CSR arrays that count shortest paths
// (Brandes' forward phase), shared by paths, betweenness, load and closeness. Not public API.
#pragma once

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#include "graph/active_mask.hpp"
#include "graph/graph.hpp"

namespace liaison::graph::detail {

// Bucket queue for Dijkstra when every length is at least `minLength` > 0 (Dial's algorithm with
// bucket width just below the smallest length). A node settled from the lowest bucket can no
// longer improve: any better path would come through a node of the same bucket and add at least
// one bucket width. So buckets are emptied in any order and stay exact, with O(1) operations.
// Entries are lazy: callers skip nodes already settled.
class BucketQueue {
 public:
  // Whether lengths allow buckets (all > 0 and max/min not too large), and the parameters.
  static bool suitable(const std::vector<double>& arcLen, double& width, std::size_t& count) {
    double lo = kInf, hi = 0.0;
    for (double l : arcLen) {
      if (l == kInf) continue;
      lo = std::min(lo, l);
      hi = std::max(hi, l);
    }
    if (!(lo > 0.0) || lo == kInf || hi / lo > 1e5) return false;
    width = lo * (1.0 - 1e-6);
    count = static_cast<std::size_t>(hi / width) + 2;
    return true;
  }
  // `capacity`: at most this many pushes until the next reset (a search pushes at most once per
  // arc, plus the source), so push() never grows a vector: with no call on the hot path, the
  // search keeps its loop variables in registers.
  void reset(double width, std::size_t count, double start, std::size_t capacity) {
    // A power of two, so that a bucket index is a mask rather than a division (one per push).
    std::size_t size = 64;
    while (size < count) size <<= 1;
    if (m_head.size() != size) {
      m_head.assign(size, -1);
      m_bits.assign(size / 64, 0);
    }
    m_mask = size - 1;
    if (m_pool.size() < capacity) m_pool.resize(capacity);
    m_used = 0;
    m_inv = 1.0 / width;
    m_cur = static_cast<std::size_t>(start * m_inv);
    m_size = 0;
  }
  bool empty() const { return m_size == 0; }
  // Buckets are singly linked lists threaded through one entry pool: no per-bucket allocation.
  // A bit per bucket marks the non-empty ones, so pop() skips 64 empty buckets a step (with the
  // bucket width at the shortest arc, most buckets are empty: scanning them one by one was the
  // cost of the whole search).
  void push(double d, Index v) {
    const std::size_t bucket = static_cast<std::size_t>(d * m_inv) & m_mask;
    m_pool[m_used] = {v, m_head[bucket]};
    m_head[bucket] = static_cast<Index>(m_used++);
    m_bits[bucket >> 6] |= std::uint64_t{1} << (bucket & 63);
    ++m_size;
  }
  Index pop() {
    std::size_t bucket = m_cur & m_mask;
    if (m_head[bucket] < 0) {
      // The next non-empty bucket, searching the ring from `bucket` (it wraps: entries never lie
      // more than the ring's size beyond m_cur).
      const std::size_t words = m_bits.size();
      std::size_t w = bucket >> 6;
      std::uint64_t bits = m_bits[w] & (~std::uint64_t{0} << (bucket & 63));
      while (bits == 0) {
        w = (w + 1) & (words - 1);
        bits = m_bits[w];
      }
      const std::size_t found = (w << 6) | static_cast<std::size_t>(std::countr_zero(bits));
      m_cur += ((found - bucket) & m_mask);
      bucket = found;
    }
    const Index e = m_head[bucket];
    const Entry entry = m_pool[static_cast<std::size_t>(e)];
    m_head[bucket] = entry.next;
    if (m_head[bucket] < 0) m_bits[bucket >> 6] &= ~(std::uint64_t{1} << (bucket & 63));
    --m_size;
    return entry.node;
  }

 private:
  struct Entry {
    Index node, next;  // together: a pop reads one place, not two
  };
  std::vector<Index> m_head;
  std::vector<Entry> m_pool;
  std::vector<std::uint64_t> m_bits;  // bit b: bucket b is not empty
  double m_inv = 1.0;
  std::size_t m_cur = 0, m_size = 0, m_mask = 0, m_used = 0;
};

// Per-thread scratch space. Between searches every entry is in its reset state
// (level -1, dist +inf, sigma 0, delta 0); reset() restores only the touched entries.
struct SsspBuffers {
  std::vector<Index> level;      // BFS depth, -1 = unreached
  std::vector<double> dist;      // Dijkstra distance (+base), +inf = unreached
  std::vector<double> sigma;     // number of shortest paths (double: never overflows)
  std::vector<double> delta;     // Brandes dependency
  std::vector<Index> order;      // settled nodes, non-decreasing distance
  std::vector<Index> rank;       // position of a node in `order`
  std::vector<Index> parentArc;  // one shortest-path parent arc (first found), -1 at source
  std::vector<Index> heapPos;
  std::vector<double> targetWeight;           // free for callers (demand load); keep it all zero
  std::vector<Index> succ, succArc, succEnd;  // Brandes DAG, see brandes.hpp
  std::vector<double> heapKeys;               // QuadHeap storage
  std::vector<Index> heapNodes;
  std::unique_ptr<BucketQueue> buckets = std::make_unique<BucketQueue>();

  explicit SsspBuffers(Index n = 0) { resize(n); }
  // Only what dijkstraDistances uses (rank, order, the queues): a distance matrix of short
  // searches should not fill ten arrays per run that it never reads.
  struct DistancesOnly {};
  SsspBuffers(Index n, DistancesOnly) {
    rank.assign(static_cast<std::size_t>(n), -1);
    heapPos.assign(static_cast<std::size_t>(n), -1);
    order.reserve(static_cast<std::size_t>(n));
  }
  void resize(Index n) {
    level.assign(n, -1);
    dist.assign(n, kInf);
    sigma.assign(n, 0.0);
    delta.assign(n, 0.0);
    rank.assign(n, -1);
    parentArc.assign(n, -1);
    heapPos.assign(n, -1);
    targetWeight.assign(n, 0.0);
    order.clear();
    order.reserve(n);
    succEnd.assign(n + 1, 0);
  }
  void reset() {
    for (Index v : order) {
      level[v] = -1;
      dist[v] = kInf;
      sigma[v] = 0.0;
      delta[v] = 0.0;
      rank[v] = -1;
      parentArc[v] = -1;
    }
    order.clear();
  }
};

// Breadth-first search from s counting shortest paths (parallel arcs count as distinct paths).
// With a mask, inactive arcs and nodes are skipped; s itself must be active.
template <bool kMasked>
void bfsCount(const Adjacency& adj, const ActiveMask* mask, Index s, SsspBuffers& b) {
  b.level[s] = 0;
  b.sigma[s] = 1.0;
  b.dist[s] = 0.0;
  b.order.push_back(s);
  for (std::size_t head = 0; head < b.order.size(); ++head) {
    const Index v = b.order[head];
    const Index lv = b.level[v] + 1;
    const double sv = b.sigma[v];
    for (Index i = adj.offsets[v], end = adj.offsets[v + 1]; i < end; ++i) {
      const Index w = adj.targets[i];
      if constexpr (kMasked)
        if (!mask->arcActive(adj.arcs[i], w)) continue;
      Index lw = b.level[w];
      if (lw < 0) {
        b.level[w] = lw = lv;
        b.dist[w] = lv;
        b.parentArc[w] = adj.arcs[i];
        b.order.push_back(w);
      }
      if (lw == lv) b.sigma[w] += sv;
    }
  }
  for (std::size_t i = 0; i < b.order.size(); ++i) b.rank[b.order[i]] = static_cast<Index>(i);
}

// Dijkstra from s counting shortest paths with igraph's rules: distances carry `base` at the
// source (igraph uses 1.0, which shapes the rounding of ties), a relaxation that is equal within
// compareLengths() adds paths, a strictly shorter one resets them. Infinite lengths are skipped.
// 4-ary min-heap of (distance, node) with positions (SsspBuffers::heapPos) for decrease-key.
// Keys and nodes live in separate arrays; the root sits at slot 3 so that every group of four
// siblings starts at a multiple of 4 and its keys share one aligned 32-byte block.
struct QuadHeap {
  static constexpr std::size_t kRoot = 3;
  double* key;
  Index* node;
  Index* pos;
  std::size_t end = kRoot;  // one past the last used slot
  explicit QuadHeap(SsspBuffers& b) : pos(b.heapPos.data()) {
    const std::size_t slots = b.heapPos.size() + 8;
    if (b.heapKeys.size() < slots + 4) {
      b.heapKeys.assign(slots + 4, 0.0);
      b.heapNodes.assign(slots, 0);
    }
    auto addr = reinterpret_cast<std::uintptr_t>(b.heapKeys.data());
    key = b.heapKeys.data() + ((32 - addr % 32) % 32) / sizeof(double);
    node = b.heapNodes.data();
  }
  bool empty() const { return end == kRoot; }
  bool contains(Index v) const { return pos[v] >= 0; }
  void push(double k, Index v) { siftUp(end++, k, v); }
  void decrease(double k, Index v) { siftUp(static_cast<std::size_t>(pos[v]), k, v); }
  void siftUp(std::size_t i, double k, Index v) {
    while (i > kRoot) {
      const std::size_t p = (i >> 2) + 2;
      if (key[p] <= k) break;
      key[i] = key[p];
      node[i] = node[p];
      pos[node[i]] = static_cast<Index>(i);
      i = p;
    }
    key[i] = k;
    node[i] = v;
    pos[v] = static_cast<Index>(i);
  }
  // Moves the hole at the root down to a leaf along the smallest children (branch-free choice
  // among four), then sifts the last entry up from there: fewer unpredictable branches.
  Index pop() {
    const Index top = node[kRoot];
    pos[top] = -1;
    --end;
    if (end == kRoot) return top;
    const double lastKey = key[end];
    const Index lastNode = node[end];
    std::size_t i = kRoot;
    for (;;) {
      const std::size_t c0 = 4 * i - 8;
      std::size_t best;
      if (c0 + 3 < end) {
        const std::size_t b1 = key[c0 + 1] < key[c0] ? c0 + 1 : c0;
        const std::size_t b2 = key[c0 + 3] < key[c0 + 2] ? c0 + 3 : c0 + 2;
        best = key[b2] < key[b1] ? b2 : b1;
      } else if (c0 < end) {
        best = c0;
        for (std::size_t c = c0 + 1; c < end; ++c)
          if (key[c] < key[best]) best = c;
      } else {
        break;
      }
      key[i] = key[best];
      node[i] = node[best];
      pos[node[i]] = static_cast<Index>(i);
      i = best;
    }
    siftUp(i, lastKey, lastNode);
    return top;
  }
};

// Outcome of relaxing an arc to w with candidate distance alt against current cur (igraph's
// rules): 0 = nothing, 1 = first or strictly shorter (reset), 2 = tie (add paths).
inline int relaxKind(double alt, double cur) {
  if (cur == kInf) return 1;
  if (alt == cur) return 2;
  // Cheap rejection before the exact comparison (the tie band is ~2e-10 relative).
  if (alt > cur && alt - cur > 1e-9 * cur) return 0;
  const int cmp = compareLengths(alt, cur);
  return cmp < 0 ? 1 : (cmp == 0 ? 2 : 0);
}

template <bool kMasked>
void dijkstraCount(const Adjacency& adj, const double* len, const ActiveMask* mask, Index s,
                   double base, SsspBuffers& b) {
  QuadHeap heap(b);
  double* dist = b.dist.data();
  double* sigma = b.sigma.data();
  dist[s] = base;
  sigma[s] = 1.0;
  heap.push(base, s);
  while (!heap.empty()) {
    const Index v = heap.pop();
    b.rank[v] = static_cast<Index>(b.order.size());
    b.order.push_back(v);
    const double dv = dist[v];
    const double sv = sigma[v];
    for (Index i = adj.offsets[v], end = adj.offsets[v + 1]; i < end; ++i) {
      const Index w = adj.targets[i];
      const Index arc = adj.arcs[i];
      if constexpr (kMasked)
        if (!mask->arcActive(arc, w)) continue;
      const double l = len[arc >> 1];
      if (l == kInf) continue;
      const double alt = dv + l;
      const int kind = relaxKind(alt, dist[w]);
      if (kind == 1) {
        const bool fresh = dist[w] == kInf;
        dist[w] = alt;
        sigma[w] = sv;
        b.parentArc[w] = arc;
        if (fresh)
          heap.push(alt, w);
        else if (heap.contains(w))
          heap.decrease(alt, w);
      } else if (kind == 2 && b.rank[w] < 0) {
        sigma[w] += sv;
      }
    }
  }
}

// Plain Dijkstra distances into `dist` (all +inf on entry; arcLen indexed like adj.targets).
// No path counting: the lean kernel for distance rows. With bucketWidth > 0 it uses a
// BucketQueue (see there) of bucketCount buckets, else the 4-ary heap. Leaves heapPos all -1
// and rank all -1.
template <bool kMasked>
void dijkstraDistances(const Adjacency& adj, const double* arcLen, const ActiveMask* mask, Index s,
                       double* dist, SsspBuffers& b, double bucketWidth = 0.0,
                       std::size_t bucketCount = 0) {
  const Index* off = adj.offsets.data();
  const Index* tgt = adj.targets.data();
  dist[s] = 0.0;
  if (bucketWidth > 0.0) {
    BucketQueue& q = *b.buckets;
    q.reset(bucketWidth, bucketCount, 0.0, adj.targets.size() + 1);
    q.push(0.0, s);
    Index* settled = b.rank.data();
    b.order.resize(b.rank.size());
    Index* order = b.order.data();
    Index done = 0;
    while (!q.empty()) {
      const Index v = q.pop();
      if (settled[v] >= 0) continue;
      settled[v] = 1;
      order[done++] = v;
      const double dv = dist[v];
      for (Index i = off[v], end = off[v + 1]; i < end; ++i) {
        const Index w = tgt[i];
        const double alt = dv + arcLen[i];
        if (!(alt < dist[w])) continue;
        if constexpr (kMasked)
          if (!mask->arcActive(adj.arcs[i], w)) continue;
        dist[w] = alt;
        q.push(alt, w);
      }
    }
    for (Index i = 0; i < done; ++i) settled[order[i]] = -1;
    b.order.clear();
    return;
  }
  QuadHeap heap(b);
  heap.push(0.0, s);
  while (!heap.empty()) {
    const Index v = heap.pop();
    const double dv = dist[v];
    for (Index i = off[v], end = off[v + 1]; i < end; ++i) {
      const Index w = tgt[i];
      const double alt = dv + arcLen[i];
      const double cur = dist[w];
      if (!(alt < cur)) continue;
      if constexpr (kMasked)
        if (!mask->arcActive(adj.arcs[i], w)) continue;
      dist[w] = alt;
      if (cur == kInf)
        heap.push(alt, w);
      else
        heap.decrease(alt, w);
    }
  }
}

// True when arc v->w (length l) lies on a shortest path found by dijkstraCount.
inline bool onShortestPath(const SsspBuffers& b, Index v, Index w, double l) {
  const double alt = b.dist[v] + l, dw = b.dist[w];
  if (alt != dw && std::fabs(alt - dw) > 1e-9 * std::fabs(dw)) return false;
  return b.rank[w] > b.rank[v] && l != kInf && compareLengths(alt, dw) == 0;
}

}  // namespace liaison::graph::detail
