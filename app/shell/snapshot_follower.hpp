// Keeps what AppContext shows current: asks the store whether the workspace revision moved
// (cheap, at most every 250 ms) and reloads only then, so the frame never touches SQLite
// otherwise. A reload is one read transaction (core::Store::loadStation): the snapshot, the
// journal entries after the ones held, the exercise and the basemap setting all come from the
// same revision. The same mechanism makes a wall or a second station follow another process.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>

#include "app_context.hpp"

namespace liaison::core {
class Store;
}

namespace liaison::app {

class SnapshotFollower {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::milliseconds kPollInterval{250};

  explicit SnapshotFollower(core::Store& store) : m_store(store) {}

  // Loads the first snapshot (throws StoreError like Store::load).
  void loadInitial(AppContext& ctx);
  // Returns true when a new snapshot was installed. Errors go to ctx.status_message and the
  // last good snapshot stays on screen.
  bool poll(AppContext& ctx, Clock::time_point now);
  // Reload right away (after this station applied a change).
  bool reloadNow(AppContext& ctx);

  // Tests: called between the parts of the one read (see core::StationReadOptions).
  void setAfterPart(std::function<void(const char*)> hook) { m_afterPart = std::move(hook); }

 private:
  void install(AppContext& ctx);

  core::Store& m_store;
  Clock::time_point m_lastPoll{};
  std::uint64_t m_version = 0;
  std::function<void(const char*)> m_afterPart;
};

}  // namespace liaison::app
