#include "snapshot_follower.hpp"

#include <exception>

#include "core/store/exercise_store.hpp"
#include "core/store/store.hpp"

namespace liaison::app {
namespace {

// The journal is append-only: read only the entries after the ones already held.
void refreshJournal(core::Store& store, AppContext& ctx) {
  const std::size_t have = ctx.journal ? ctx.journal->size() : 0;
  if (ctx.snapshot && ctx.journal && ctx.snapshot->journal_length == have) return;
  auto more = store.journal(static_cast<std::int64_t>(have) + 1);
  if (more.empty() && ctx.journal) return;
  auto next = std::make_shared<std::vector<core::JournalEntry>>();
  next->reserve(have + more.size());
  if (ctx.journal) *next = *ctx.journal;
  for (auto& e : more) next->push_back(std::move(e));
  ctx.journal = std::move(next);
}

// The exercise changes only with the revision, so it is read with every snapshot. A file
// without the exercise tables (an older schema opened read-only) simply has no exercise.
void refreshExercise(core::Store& store, AppContext& ctx) {
  auto view = std::make_shared<ExerciseView>();
  try {
    view->state = core::loadExercise(store);
  } catch (const std::exception&) {
    view->state = {};
  }
  view->version = ctx.snapshot ? ctx.snapshot->version : 0;
  ctx.exercise = std::move(view);
}

}  // namespace

void SnapshotFollower::loadInitial(AppContext& ctx) {
  ctx.snapshot = m_store.load();
  m_version = ctx.snapshot->version;
  refreshJournal(m_store, ctx);
  refreshExercise(m_store, ctx);
  ctx.last_reload = std::chrono::system_clock::now();
}

bool SnapshotFollower::reloadNow(AppContext& ctx) {
  try {
    core::SnapshotPtr next = m_store.load();
    m_version = next->version;
    ctx.snapshot = std::move(next);
    refreshJournal(m_store, ctx);
    refreshExercise(m_store, ctx);
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
