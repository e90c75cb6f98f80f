#include "core/model/snapshot.hpp"

#include <algorithm>

namespace liaison::core {

const Agency* Snapshot::agency(Id id) const {
  return find<Agency>(id);
}
const Representative* Snapshot::representative(Id id) const {
  return find<Representative>(id);
}
const Channel* Snapshot::channel(Id id) const {
  return find<Channel>(id);
}
const Need* Snapshot::need(Id id) const {
  return find<Need>(id);
}
const Incident* Snapshot::incident(Id id) const {
  return find<Incident>(id);
}
const Task* Snapshot::task(Id id) const {
  return find<Task>(id);
}
const MapFeature* Snapshot::feature(Id id) const {
  return find<MapFeature>(id);
}
const OperationalPeriod* Snapshot::period(Id id) const {
  return find<OperationalPeriod>(id);
}
const TimelineEvent* Snapshot::event(Id id) const {
  return find<TimelineEvent>(id);
}
const Infrastructure* Snapshot::infrastructureItem(Id id) const {
  return find<Infrastructure>(id);
}
const Message* Snapshot::message(Id id) const {
  return find<Message>(id);
}

namespace {

template <std::size_t I = 0>
bool existsOfKind(const Snapshot& s, EntityKind kind, Id id) {
  if constexpr (I == std::variant_size_v<Entity>) {
    return false;
  } else {
    if (static_cast<std::size_t>(kind) == I)
      return s.find<std::variant_alternative_t<I, Entity>>(id) != nullptr;
    return existsOfKind<I + 1>(s, kind, id);
  }
}

}  // namespace

bool Snapshot::exists(EntityKind kind, Id id) const {
  return existsOfKind(*this, kind, id);
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

std::vector<const Message*> Snapshot::messagesByTime() const {
  std::vector<const Message*> out;
  out.reserve(messages.size());
  for (const Message& m : messages) out.push_back(&m);
  std::stable_sort(out.begin(), out.end(),
                   [](const Message* a, const Message* b) { return a->time < b->time; });
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
