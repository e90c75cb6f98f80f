// What a reload changed (new event, task moved, channel status), found by diffing the old and
// new snapshot by id, and kept for a few seconds so the wall can highlight it.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "core/model/snapshot.hpp"

namespace liaison::app {

enum class ChangeKind { NewEvent, NewTask, TaskStatus, ChannelStatus };

struct Change {
  ChangeKind kind = ChangeKind::NewEvent;
  core::Id id = 0;
  std::string text;       // one line for the "Latest changes" strip; never a contact value
  bool alarming = false;  // a channel went down, a task got blocked
};

// Pure: the changes from before to after, in a stable order (events, tasks, channels; by id).
std::vector<Change> diffSnapshots(const core::Snapshot& before, const core::Snapshot& after);

// Keeps the changes of the last reloads with the time they were seen (seconds, any clock).
class ChangeTracker {
 public:
  static constexpr double kHighlightSeconds = 8.0;
  static constexpr std::size_t kKeep = 12;

  // Diffs against the previous snapshot (the first call only records it). Returns how many
  // changes were added.
  std::size_t update(const core::SnapshotPtr& snapshot, double now_s);

  struct Seen {
    Change change;
    double at = 0;
  };
  const std::deque<Seen>& recent() const { return m_recent; }  // newest first
  // Whether a change of this kind (and id, when id != 0) is still highlighted at now_s.
  bool highlighted(ChangeKind kind, core::Id id, double now_s) const;
  // 1 right after the change, falling to 0 at kHighlightSeconds; 0 when none.
  double pulse(ChangeKind kind, double now_s) const;

 private:
  core::SnapshotPtr m_last;
  std::deque<Seen> m_recent;
};

}  // namespace liaison::app
