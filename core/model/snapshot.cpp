#include "core/model/snapshot.hpp"

#include <algorithm>

namespace liaison::core {

namespace {

template <class T>
const T* findById(const std::vector<T>& items, Id id) {
  auto it = std::lower_bound(items.begin(), items.end(), id,
                             [](const T& item, Id key) { return item.id < key; });
  return (it != items.end() && it->id == id) ? &*it : nullptr;
}

}  // namespace

const Agency* Snapshot::agency(Id id) const {
  return findById(agencies, id);
}
const Representative* Snapshot::representative(Id id) const {
  return findById(representatives, id);
}
const Channel* Snapshot::channel(Id id) const {
  return findById(channels, id);
}
const Need* Snapshot::need(Id id) const {
  return findById(needs, id);
}
const Incident* Snapshot::incident(Id id) const {
  return findById(incidents, id);
}
const Task* Snapshot::task(Id id) const {
  return findById(tasks, id);
}
const MapFeature* Snapshot::feature(Id id) const {
  return findById(features, id);
}

const OperationalPeriod* Snapshot::period(Id id) const {
  return findById(periods, id);
}
const TimelineEvent* Snapshot::event(Id id) const {
  return findById(events, id);
}

std::vector<const TimelineEvent*> Snapshot::eventsByTime() const {
  std::vector<const TimelineEvent*> out;
  out.reserve(events.size());
  for (const TimelineEvent& e : events) out.push_back(&e);
  std::stable_sort(out.begin(), out.end(), [](const TimelineEvent* a, const TimelineEvent* b) {
    return a->time < b->time;
  });
  return out;
}

const Incident* Snapshot::mainIncident() const {
  return incidents.empty() ? nullptr : &incidents.front();
}

bool Snapshot::isExercise() const {
  const Incident* i = mainIncident();
  return i != nullptr && i->exercise;
}

}  // namespace liaison::core
