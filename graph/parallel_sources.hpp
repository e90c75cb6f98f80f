// Internal: run a per-source computation over many sources on several threads with a
// deterministic result. Sources are cut into a fixed number of blocks (independent of the
// thread count); each block sums into its own buffer and the buffers are added in block order,
// so the floating-point result is identical for any number of threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "graph/common.hpp"
#include "graph/sssp_kernel.hpp"
#include "graph/worker_pool.hpp"

namespace liaison::graph::detail {

inline unsigned threadCount(const RunControl& control, std::size_t work) {
  unsigned t = control.threads ? control.threads : std::thread::hardware_concurrency();
  t = std::max(1u, t);
  return static_cast<unsigned>(std::min<std::size_t>(t, std::max<std::size_t>(work, 1)));
}

// fn(std::size_t sourcePosition, SsspBuffers& scratch, double* nodeAcc, double* edgeAcc).
// Returns false when cancelled. nodeOut (size n) and edgeOut (size m, when wanted) receive sums.
template <class Fn>
bool runSourceBlocks(std::size_t count, Index n, Index m, bool wantEdges, const RunControl& control,
                     Fn&& fn, std::vector<double>& nodeOut, std::vector<double>& edgeOut) {
  // At most 32 blocks, fewer when the per-block buffers would pass ~256 MB (large graphs with
  // edge scores). Depends only on the graph, never on the thread count.
  constexpr std::size_t kMaxBlocks = 32, kBudget = std::size_t(256) << 20;
  const std::size_t perBlock = (std::size_t(n) + (wantEdges ? std::size_t(m) : 0) + 1) * 8;
  const std::size_t byMemory = std::max<std::size_t>(2, kBudget / perBlock);
  const std::size_t blocks =
      std::min({kMaxBlocks, byMemory, std::max<std::size_t>(count, 1)});
  std::vector<std::vector<double>> nodeAcc(blocks), edgeAcc(blocks);
  std::atomic<std::size_t> nextBlock{0}, doneSources{0};
  std::atomic<bool> cancelled{false};
  std::mutex progressMutex;
  auto worker = [&]() {
    SsspBuffers scratch(n);
    for (;;) {
      const std::size_t blk = nextBlock.fetch_add(1);
      if (blk >= blocks) return;
      nodeAcc[blk].assign(n, 0.0);
      if (wantEdges) edgeAcc[blk].assign(m, 0.0);
      const std::size_t lo = blk * count / blocks, hi = (blk + 1) * count / blocks;
      for (std::size_t i = lo; i < hi; ++i) {
        if (cancelled.load(std::memory_order_relaxed)) return;
        if (control.cancel && control.cancel->load(std::memory_order_relaxed)) {
          cancelled = true;
          return;
        }
        fn(i, scratch, nodeAcc[blk].data(), wantEdges ? edgeAcc[blk].data() : nullptr);
      }
      const std::size_t done = doneSources.fetch_add(hi - lo) + (hi - lo);
      if (control.progress) {
        std::lock_guard<std::mutex> lock(progressMutex);
        control.progress(count ? double(done) / double(count) : 1.0);
      }
    }
  };
  // The calling thread and the process's helper threads (see worker_pool.hpp).
  runOnWorkers(threadCount(control, blocks), [&](unsigned) { worker(); });
  if (cancelled) return false;
  nodeOut.assign(n, 0.0);
  edgeOut.assign(wantEdges ? m : 0, 0.0);
  for (std::size_t blk = 0; blk < blocks; ++blk) {
    for (Index v = 0; v < n; ++v) nodeOut[v] += nodeAcc[blk][v];
    if (wantEdges)
      for (Index e = 0; e < m; ++e) edgeOut[e] += edgeAcc[blk][e];
  }
  return true;
}

}  // namespace liaison::graph::detail
