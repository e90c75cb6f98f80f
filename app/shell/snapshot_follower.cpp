#include "snapshot_follower.hpp"

#include <exception>

#include "core/formats/basemap.hpp"
#include "core/store/store.hpp"
#include "station_settings.hpp"

namespace liaison::app {

void SnapshotFollower::install(AppContext& ctx) {
  // The journal is append-only: read only the entries after the ones already held, unless
  // the snapshot says the journal is shorter than what is held (another workspace file).
  std::size_t have = ctx.journal ? ctx.journal->size() : 0;
  core::StationReadOptions o;
  o.journal_from = static_cast<std::int64_t>(have) + 1;
  // The network layout an older Liaison kept inside the workspace (now in the station's own
  // file, station_settings.hpp): used until this station saves its own.
  o.settings = {core::kBasemapSetting, kNetworkPositionsSetting};
  o.after_part = m_afterPart;
  core::StationRead read = m_store.loadStation(o);
  if (read.snapshot->journal_length < have) {
    o.journal_from = 1;
    have = 0;
    read = m_store.loadStation(o);
  }

  if (!ctx.journal || !read.journal_tail.empty() || have == 0) {
    auto next = std::make_shared<std::vector<core::JournalEntry>>();
    next->reserve(have + read.journal_tail.size());
    if (ctx.journal && have) *next = *ctx.journal;
    for (auto& e : read.journal_tail) next->push_back(std::move(e));
    ctx.journal = std::move(next);
  }
  auto view = std::make_shared<ExerciseView>();
  view->state = std::move(read.exercise);
  view->version = read.snapshot->version;
  ctx.exercise = std::move(view);
  const auto basemap = read.settings.find(core::kBasemapSetting);
  ctx.basemap_path = basemap == read.settings.end() ? std::string() : basemap->second;
  if (const auto legacy = read.settings.find(kNetworkPositionsSetting);
      legacy != read.settings.end() && !ctx.ui_settings.count(kNetworkPositionsSetting))
    ctx.ui_settings[kNetworkPositionsSetting] = legacy->second;
  m_version = read.snapshot->version;
  ctx.snapshot = std::move(read.snapshot);
  ctx.last_reload = std::chrono::system_clock::now();
}

void SnapshotFollower::loadInitial(AppContext& ctx) {
  install(ctx);
}

bool SnapshotFollower::reloadNow(AppContext& ctx) {
  try {
    install(ctx);
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
