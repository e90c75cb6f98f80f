#include "snapshot_follower.hpp"

#include <exception>

#include "core/store.hpp"

namespace liaison::app {

void SnapshotFollower::loadInitial(AppContext& ctx) {
  ctx.snapshot = m_store.load();
  m_version = ctx.snapshot->version;
  ctx.last_reload = std::chrono::system_clock::now();
}

bool SnapshotFollower::reloadNow(AppContext& ctx) {
  try {
    core::SnapshotPtr next = m_store.load();
    m_version = next->version;
    ctx.snapshot = std::move(next);
    ctx.last_reload = std::chrono::system_clock::now();
    ctx.status_message.clear();
    return true;
  } catch (const std::exception& e) {
    ctx.status_message = std::string("cannot read the workspace: ") + e.what();
    return false;
  }
}

bool SnapshotFollower::poll(AppContext& ctx, Clock::time_point now) {
  if (now - m_lastPoll < kPollInterval) return false;
  m_lastPoll = now;
  try {
    if (!m_store.changedSince(m_version)) return false;
  } catch (const std::exception& e) {
    ctx.status_message = std::string("cannot read the workspace: ") + e.what();
    return false;
  }
  return reloadNow(ctx);
}

}  // namespace liaison::app
