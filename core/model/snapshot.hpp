// An immutable, versioned picture of a whole workspace: what every panel and the analysis
// service read. Built by Store::load(); shared between threads as shared_ptr<const Snapshot>.
#pragma once

#include <algorithm>
#include <cstdint>
#include <type_traits>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/model/model.hpp"

namespace liaison::core {

struct Snapshot {
  std::uint64_t version = 0;      // the workspace revision it was read at
  std::uint64_t journal_length = 0;
  std::string path;               // the workspace file

  // Each vector is sorted by id.
  std::vector<Agency> agencies;
  std::vector<Representative> representatives;
  std::vector<Channel> channels;
  std::vector<Need> needs;
  std::vector<Incident> incidents;
  std::vector<OperationalPeriod> periods;
  std::vector<TimelineEvent> events;  // sorted by id; use eventsByTime() for time order
  std::vector<Task> tasks;
  std::vector<MapFeature> features;
  std::vector<Infrastructure> infrastructure;
  std::vector<Message> messages;  // sorted by id; use messagesByTime() for time order
  std::vector<PublicItem> public_items;
  std::vector<Objective> objectives;

  // Lookups by id (nullptr when absent). O(log n) binary search on the sorted vectors.
  const Agency* agency(Id id) const;
  const Representative* representative(Id id) const;
  const Channel* channel(Id id) const;
  const Need* need(Id id) const;
  const Incident* incident(Id id) const;
  const Task* task(Id id) const;
  const MapFeature* feature(Id id) const;
  const OperationalPeriod* period(Id id) const;
  const TimelineEvent* event(Id id) const;
  const Infrastructure* infrastructureItem(Id id) const;
  const Message* message(Id id) const;

  // The vector of one entity type, and a lookup by id for any of them (generic code).
  template <class T>
  const std::vector<T>& all() const {
    return const_cast<Snapshot*>(this)->all<T>();
  }
  template <class T>
  std::vector<T>& all();
  template <class T>
  const T* find(Id id) const;
  bool exists(EntityKind kind, Id id) const;

  // The events in time order (ties by id); computed on each call, O(n log n).
  std::vector<const TimelineEvent*> eventsByTime() const;
  // The messages in time order (ties by id); computed on each call, O(n log n).
  std::vector<const Message*> messagesByTime() const;

  // The first incident (a workspace normally holds one), or nullptr.
  const Incident* mainIncident() const;
  bool isExercise() const;
};

template <class T>
std::vector<T>& Snapshot::all() {
  if constexpr (std::is_same_v<T, Agency>) return agencies;
  else if constexpr (std::is_same_v<T, Representative>) return representatives;
  else if constexpr (std::is_same_v<T, Channel>) return channels;
  else if constexpr (std::is_same_v<T, Need>) return needs;
  else if constexpr (std::is_same_v<T, Incident>) return incidents;
  else if constexpr (std::is_same_v<T, OperationalPeriod>) return periods;
  else if constexpr (std::is_same_v<T, TimelineEvent>) return events;
  else if constexpr (std::is_same_v<T, Task>) return tasks;
  else if constexpr (std::is_same_v<T, MapFeature>) return features;
  else if constexpr (std::is_same_v<T, Infrastructure>) return infrastructure;
  else if constexpr (std::is_same_v<T, Message>) return messages;
  else if constexpr (std::is_same_v<T, PublicItem>) return public_items;
  else if constexpr (std::is_same_v<T, Objective>) return objectives;
  else static_assert(sizeof(T) == 0, "not an entity");
}

template <class T>
const T* Snapshot::find(Id id) const {
  const std::vector<T>& items = all<T>();
  auto it = std::lower_bound(items.begin(), items.end(), id,
                             [](const T& item, Id key) { return item.id < key; });
  return (it != items.end() && it->id == id) ? &*it : nullptr;
}

using SnapshotPtr = std::shared_ptr<const Snapshot>;

}  // namespace liaison::core
