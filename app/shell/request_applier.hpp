// The loop's side of the outbox (requests.hpp): after each frame it takes every request out
// of AppContext::outbox, in order, and applies it: command batches to the store (one
// transaction each, journaled), drill requests to the exercise engine (ExerciseStation), pair
// questions and what-if changes to the view state the engine bridge reads, UI settings to the
// station's settings file, form exports to files beside the workspace. Then the running
// exercise clock delivers what is due, and the snapshot is reloaded when the workspace
// changed. The dashboard, the wall and the headless tests all go through it. No ImGui here.
#pragma once

#include <filesystem>

#include "app_context.hpp"
#include "exercise_station.hpp"

namespace liaison::core {
class Store;
}

namespace liaison::app {

class SnapshotFollower;

class RequestApplier {
 public:
  // store: null for a station without a workspace (some headless tests): requests for the
  // store are then refused on the status line. follower: reloads after a change (may be
  // null). settings_file: the station's UI settings (station_settings.hpp); empty: kept in
  // memory only.
  explicit RequestApplier(core::Store* store = nullptr, SnapshotFollower* follower = nullptr,
                          std::filesystem::path settings_file = {});

  // After each frame (wall: the loop's time when it applies them, not the frame's).
  void afterFrame(AppContext& ctx, core::TimeUtc wall);

  // One request that changes only the view state in ctx (a pair question, a what-if change);
  // false for any other kind. afterFrame() uses it; so can a test of one panel.
  static bool applyToView(AppContext& ctx, const Request& request);

  ExerciseStation& exercise() { return m_exercise; }

 private:
  bool reload(AppContext& ctx);

  core::Store* m_store;
  SnapshotFollower* m_follower;
  std::filesystem::path m_settingsFile;
  ExerciseStation m_exercise;
};

}  // namespace liaison::app
