#include "core/analysis/need_policy.hpp"

namespace liaison::core {

ServiceLevel defaultServiceLevel(Priority p) {
  switch (p) {
    case Priority::Critical: return {5.0, 0.9};
    case Priority::High: return {15.0, 0.8};
    case Priority::Normal: return {30.0, 0.7};
    case Priority::Low: return {60.0, 0.5};
  }
  return {};
}

ServiceLevel serviceLevel(const Need& n) {
  ServiceLevel s = defaultServiceLevel(n.priority);
  if (n.latency_budget) s.latencyBudget = *n.latency_budget;
  if (n.reliability_floor) s.reliabilityFloor = *n.reliability_floor;
  return s;
}

}  // namespace liaison::core
