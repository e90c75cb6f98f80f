// The helper-thread pool: every item of a shared-counter job is done exactly once, also when
// jobs follow each other quickly, when two callers use the pool at once, and on one part.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "graph/worker_pool.hpp"

using liaison::graph::detail::runOnWorkers;

namespace {

// Runs a job of `items` work items claimed from a counter; returns how often each was done.
std::vector<int> runItems(unsigned parts, int items) {
  std::vector<std::atomic<int>> done(static_cast<std::size_t>(items));
  std::atomic<int> next{0};
  runOnWorkers(parts, [&](unsigned) {
    for (int i; (i = next.fetch_add(1)) < items;) done[static_cast<std::size_t>(i)].fetch_add(1);
  });
  std::vector<int> out;
  for (auto& d : done) out.push_back(d.load());
  return out;
}

bool eachOnce(const std::vector<int>& v) {
  for (int x : v)
    if (x != 1) return false;
  return true;
}

}  // namespace

TEST_CASE("worker pool: each item once, job after job", "[graph][pool]") {
  for (int round = 0; round < 500; ++round) {
    const auto done = runItems(2, 1 + round % 97);
    REQUIRE(eachOnce(done));
  }
  CHECK(eachOnce(runItems(1, 50)));
  CHECK(eachOnce(runItems(8, 50)));  // more parts than threads: capped
}

TEST_CASE("worker pool: two callers at once", "[graph][pool]") {
  std::atomic<bool> ok{true};
  auto caller = [&] {
    for (int round = 0; round < 300; ++round)
      if (!eachOnce(runItems(2, 64))) ok = false;
  };
  std::thread other(caller);
  caller();
  other.join();
  CHECK(ok.load());
}
