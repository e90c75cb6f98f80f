// An immutable, versioned picture of a whole workspace: what every panel and the analysis
// service read. Built by Store::load(); shared between threads as shared_ptr<const Snapshot>.
#pragma once

#include <cstdint>
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

  // The events in time order (ties by id); computed on each call, O(n log n).
  std::vector<const TimelineEvent*> eventsByTime() const;

  // The first incident (a workspace normally holds one), or nullptr.
  const Incident* mainIncident() const;
  bool isExercise() const;
};

using SnapshotPtr = std::shared_ptr<const Snapshot>;

}  // namespace liaison::core
