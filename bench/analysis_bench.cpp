// Full analysis (core::analyze: every need's routes, independent paths and single points of
// failure by the needs engine, load, structure, brokerage, recommendations) of a generated
// workspace with the structure of a real regional response: agencies of 4 to 30 people (a chain
// of command under a duty officer, a liaison who sits at the regional EOC), regions of about 15
// agencies around a regional EOC, a state EOC joining the regions; radio talkgroups on one
// tower site per region (shared infrastructure), phones and e-mail beside them; 5% of people
// off duty, 1% of channels down and 2% degraded; needs mostly within a region. People / 5 needs.
//
// Prints the median of several runs and the time of each phase; never passes or fails.
// Usage: analysis_bench [runs=7] [people=5000] [allpairs=auto|0|1] [needs=people/5]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "core/analysis/analysis.hpp"

using namespace liaison::core;

namespace {

struct Generator {
  std::mt19937_64 rng{20261202};
  Snapshot s;
  Id channel = 1;

  double uniform(double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); }
  int below(int n) { return static_cast<int>(rng() % static_cast<unsigned>(std::max(1, n))); }

  void link(Id a, Id b, Medium m, std::vector<Id> carried = {}) {
    Channel c;
    c.id = channel++;
    c.from_rep = a;
    c.to_rep = b;
    c.medium = m;
    c.latency_min = m == Medium::Radio ? uniform(0.2, 1.0)
                    : m == Medium::Phone ? uniform(1.0, 5.0)
                    : m == Medium::Email ? uniform(10, 60)
                                         : uniform(0.5, 2.0);
    c.reliability = m == Medium::Radio ? uniform(0.92, 0.99) : uniform(0.95, 0.999);
    c.carried_by = std::move(carried);
    const int roll = below(100);
    if (roll == 0) c.status = ChannelStatus::Down;
    else if (roll <= 2) c.status = ChannelStatus::Degraded;
    s.channels.push_back(c);
  }

  // One agency: people ids [first, first + size); the first is the duty officer, the second
  // (when there is one) the liaison.
  Id agency(Id id, int size, Id& nextRep, Id tower) {
    Agency a;
    a.id = id;
    a.code = "A" + std::to_string(id);
    s.agencies.push_back(a);
    const Id first = nextRep;
    for (int i = 0; i < size; ++i) {
      Representative r;
      r.id = nextRep++;
      r.agency = id;
      r.name = "Person " + std::to_string(r.id);
      r.position = i == 0 ? "Duty Officer" : i == 1 ? "Agency Representative" : "Staff";
      r.on_duty = i == 0 || below(20) != 0;
      s.representatives.push_back(r);
    }
    // Chain of command (each under a random earlier person) on the agency's talkgroup, plus a
    // few phone contacts.
    for (int i = 1; i < size; ++i)
      link(first + below(i), first + i, Medium::Radio, {tower});
    for (int k = 0; k < size / 3; ++k) {
      const int x = below(size), y = below(size);
      if (x != y) link(first + x, first + y, Medium::Phone);
    }
    return first;
  }

  void generate(int people, int needCount) {
    const int regionSize = 15;
    Id nextRep = 1, nextAgency = 1;
    struct Region {
      Id eoc = 0, tower = 0;
      std::vector<Id> liaisons;   // one per agency (its second person, or its only one)
      std::vector<Id> agencies;
    };
    std::vector<Region> regions;
    Id state = 0;
    while (static_cast<int>(nextRep) <= people) {
      Region r;
      Infrastructure tower;
      tower.id = static_cast<Id>(regions.size() + 1);
      tower.name = "Tower site " + std::to_string(tower.id);
      tower.kind = InfrastructureKind::Tower;
      s.infrastructure.push_back(tower);
      r.tower = tower.id;
      // The regional EOC: a small agency whose manager meets every liaison of the region.
      const Id eocAgency = nextAgency++;
      r.eoc = agency(eocAgency, 6, nextRep, r.tower);
      if (state == 0) state = r.eoc;
      for (int k = 0; k < regionSize && static_cast<int>(nextRep) <= people; ++k) {
        const int size = 4 + static_cast<int>(std::exp(uniform(0, std::log(27.0))));
        const Id a = nextAgency++;
        const Id first = agency(a, size, nextRep, r.tower);
        const Id liaison = size > 1 ? first + 1 : first;
        r.liaisons.push_back(liaison);
        r.agencies.push_back(a);
        link(r.eoc, liaison, Medium::InPerson);  // the EOC seat
        link(first, r.eoc + 1, Medium::Phone);   // the duty officer's line to the EOC desk
      }
      // About 0.6 extra liaison links per agency within the region.
      for (std::size_t k = 0; k < r.liaisons.size() * 6 / 10; ++k) {
        const Id x = r.liaisons[static_cast<std::size_t>(below(static_cast<int>(r.liaisons.size())))];
        const Id y = r.liaisons[static_cast<std::size_t>(below(static_cast<int>(r.liaisons.size())))];
        if (x != y) link(x, y, below(2) ? Medium::Phone : Medium::Email);
      }
      regions.push_back(std::move(r));
    }
    // The state EOC joins the regional EOCs, and neighbouring regions talk directly.
    for (std::size_t i = 1; i < regions.size(); ++i) {
      link(state, regions[i].eoc, Medium::Phone);
      link(regions[i - 1].eoc + 1, regions[i].eoc + 1, Medium::DataLink);
    }
    // Needs: 85% within a region, the rest across regions.
    std::vector<Id> all;
    for (const Region& r : regions) all.insert(all.end(), r.agencies.begin(), r.agencies.end());
    for (Id n = 1; static_cast<int>(s.needs.size()) < needCount; ++n) {
      const Region& r = regions[static_cast<std::size_t>(below(static_cast<int>(regions.size())))];
      if (r.agencies.size() < 2) continue;
      Need need;
      need.id = n;
      need.agency_a = r.agencies[static_cast<std::size_t>(below(static_cast<int>(r.agencies.size())))];
      need.agency_b = below(100) < 85
                          ? r.agencies[static_cast<std::size_t>(below(static_cast<int>(r.agencies.size())))]
                          : all[static_cast<std::size_t>(below(static_cast<int>(all.size())))];
      if (need.agency_a == need.agency_b) continue;
      need.priority = static_cast<Priority>(below(4));
      s.needs.push_back(need);
    }
    s.version = 1;
  }
};

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::atoi(argv[1]) : 7;
  const int people = argc > 2 ? std::atoi(argv[2]) : 5000;
  AnalysisOptions options;
  if (argc > 3 && std::string(argv[3]) != "auto") options.allPairsBetweenness = std::atoi(argv[3]) != 0;
  const int needs = argc > 4 ? std::atoi(argv[4]) : people / 5;
  Generator gen;
  gen.generate(people, needs);
  const Snapshot& s = gen.s;
  std::printf("workspace: %zu agencies, %zu representatives, %zu channels, %zu needs, %zu towers\n",
              s.agencies.size(), s.representatives.size(), s.channels.size(), s.needs.size(),
              s.infrastructure.size());
  std::vector<double> times;
  AnalysisResult last;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    last = analyze(s, options);
    times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(times.begin(), times.end());
  std::printf("needs: %d broken, %d single path, %d degraded, %d slow, %d ok; %zu single points, "
              "%zu recommendations\n",
              last.count(NeedState::Broken), last.count(NeedState::SinglePath),
              last.count(NeedState::Degraded), last.count(NeedState::Slow),
              last.count(NeedState::Ok), last.singlePoints.size(), last.recommendations.size());
  std::printf("phases of the last run:");
  for (const auto& [name, sec] : last.phases) std::printf("  %s %.3f s", name.c_str(), sec);
  std::printf("\n");
  std::printf("all-pairs betweenness: %s\n", last.betweennessSkipped ? "skipped" : "computed");
  std::printf("full analysis: median %.3f s (min %.3f, max %.3f) over %d runs\n",
              times[times.size() / 2], times.front(), times.back(), runs);
  return 0;
}
