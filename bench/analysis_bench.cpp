// Full analysis (core::analyze: all needs' paths and independent paths, betweenness, load,
// articulation points, single points of failure, brokerage, recommendations) of a generated
// workspace snapshot: 500 agencies, 5,000 representatives, ~25,000 channels, 1,000 needs.
// Prints the median of several runs. Usage: analysis_bench [runs=7] [people=5000] [allpairs=auto|0|1]
// (all-pairs betweenness: by default only up to 1,000 people; 1 forces it, 0 skips it).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "core/analysis/analysis.hpp"

using namespace liaison::core;

static Snapshot generate(int people, std::mt19937_64& rng) {
  Snapshot s;
  s.version = 1;
  const int agencies = std::max(2, people / 10);
  for (int a = 1; a <= agencies; ++a) {
    Agency ag;
    ag.id = a;
    ag.code = "A" + std::to_string(a);
    s.agencies.push_back(ag);
  }
  for (int r = 1; r <= people; ++r) {
    Representative rep;
    rep.id = r;
    rep.agency = (r - 1) / 10 + 1;
    rep.name = "Person " + std::to_string(r);
    rep.position = (r - 1) % 10 == 0 ? "Agency Representative" : "Staff";
    rep.on_duty = rng() % 20 != 0;
    s.representatives.push_back(rep);
  }
  std::uniform_real_distribution<double> lat(0.2, 10.0), rel(0.7, 0.999);
  Id cid = 1;
  auto add = [&](Id a, Id b) {
    Channel c;
    c.id = cid++;
    c.from_rep = a;
    c.to_rep = b;
    c.latency_min = lat(rng);
    c.reliability = rel(rng);
    c.identifier = "TG " + std::to_string(c.id);
    if (rng() % 100 == 0) c.status = ChannelStatus::Down;
    s.channels.push_back(c);
  };
  // Inside each agency: a ring plus chords; between agencies: mostly through representatives,
  // some staff-to-staff links, so the network is hub-dominated but not a tree.
  for (int a = 0; a < agencies; ++a)
    for (int i = 0; i < 10; ++i) {
      add(a * 10 + i + 1, a * 10 + (i + 1) % 10 + 1);
      if (i % 3 == 0) add(a * 10 + i + 1, a * 10 + (i + 5) % 10 + 1);
    }
  std::uniform_int_distribution<int> pick(0, people - 1), pickA(0, agencies - 1);
  while (s.channels.size() < static_cast<std::size_t>(people) * 5) {
    const int a = pickA(rng), b = pickA(rng);
    if (a == b) continue;
    const bool reps = rng() % 3 != 0;
    add(a * 10 + (reps ? 0 : static_cast<int>(rng() % 10)) + 1,
        b * 10 + (reps ? 0 : static_cast<int>(rng() % 10)) + 1);
  }
  for (Id n = 1; n <= people / 5; ++n) {
    Need need;
    need.id = n;
    need.agency_a = pickA(rng) + 1;
    do need.agency_b = pickA(rng) + 1;
    while (need.agency_b == need.agency_a);
    s.needs.push_back(need);
  }
  return s;
}

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::atoi(argv[1]) : 7;
  const int people = argc > 2 ? std::atoi(argv[2]) : 5000;
  AnalysisOptions options;
  if (argc > 3 && std::string(argv[3]) != "auto") options.allPairsBetweenness = std::atoi(argv[3]) != 0;
  std::mt19937_64 rng(20260514);
  const Snapshot s = generate(people, rng);
  std::printf("workspace: %zu agencies, %zu representatives, %zu channels, %zu needs\n",
              s.agencies.size(), s.representatives.size(), s.channels.size(), s.needs.size());
  std::vector<double> times;
  AnalysisResult last;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    last = analyze(s, options);
    times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(times.begin(), times.end());
  int broken = 0, single = 0;
  for (const auto& n : last.needs) {
    broken += n.state == NeedState::Broken;
    single += n.state == NeedState::SinglePath;
  }
  std::printf("needs: %d broken, %d single path; %zu articulation points, %zu single points\n",
              broken, single, last.articulationPoints.size(), last.singlePoints.size());
  std::printf("phases of the last run:");
  for (const auto& [name, sec] : last.phases) std::printf("  %s %.3f s", name.c_str(), sec);
  std::printf("\n");
  std::printf("all-pairs betweenness: %s\n", last.betweennessSkipped ? "skipped" : "computed");
  std::printf("full analysis: median %.3f s (min %.3f, max %.3f) over %d runs; target 0.3 s\n",
              times[times.size() / 2], times.front(), times.back(), runs);
  return 0;
}
