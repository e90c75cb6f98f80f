// Internal: the process's helper threads for the parallel algorithms (Brandes over sources, the
// distance matrix, closeness, the needs). Started once, on first use, instead of a thread per
// run.
//
// Why: on the 2-vCPU virtual machines this runs on, a thread started on the idle second vCPU
// begins running 4-5 ms later (measured: median 4.0-4.8 ms), because the idle vCPU must first
// be woken. For an analysis of a few milliseconds that delay was the difference between one and
// two cores. After a job a helper spins for a short while before it sleeps, as OpenMP runtimes
// do, so back-to-back jobs find it awake; a sleeping helper is woken through a condition
// variable.
#pragma once

#include <functional>

namespace liaison::graph::detail {

// Runs job(part) for parts 0 .. parts-1 at the same time: part 0 on the calling thread, the
// others on helpers; returns when every part that started is done. A helper that has not
// started by the time part 0 returns skips its part, so the parts must share their work through
// a common counter (every caller here does: sources, blocks or needs are claimed one at a time),
// never split it in fixed shares. parts is capped at the hardware's threads. If another thread
// is using the helpers, the extra parts run on threads started for this call.
void runOnWorkers(unsigned parts, const std::function<void(unsigned)>& job);

}  // namespace liaison::graph::detail
