// What a need asks of its route: a latency budget (minutes) and a reliability floor, from the
// need itself when set (needs.csv latency_budget, reliability_floor), else from its priority:
//
//   priority   latency budget   reliability floor
//   critical        5 min             0.90
//   high           15 min             0.80
//   normal         30 min             0.70
//   low            60 min             0.50
//
// A need's state (analysis.hpp) is judged against it: slower than the budget is "slow", a
// recommended route below the floor (or over a degraded channel) is "degraded".
#pragma once

#include "core/model/model.hpp"

namespace liaison::core {

struct ServiceLevel {
  double latencyBudget = 30.0;    // minutes
  double reliabilityFloor = 0.7;  // 0..1
  bool operator==(const ServiceLevel&) const = default;
};

ServiceLevel defaultServiceLevel(Priority priority);
ServiceLevel serviceLevel(const Need& need);

}  // namespace liaison::core
