#include "request_applier.hpp"

#include <exception>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/store/store.hpp"
#include "form_export.hpp"
#include "snapshot_follower.hpp"
#include "station_settings.hpp"

namespace liaison::app {

RequestApplier::RequestApplier(core::Store* store, SnapshotFollower* follower,
                               std::filesystem::path settings_file)
    : m_store(store), m_follower(follower), m_settingsFile(std::move(settings_file)) {}

bool RequestApplier::applyToView(AppContext& ctx, const Request& request) {
  if (const auto* q = std::get_if<PairQuestion>(&request)) {
    ctx.pair_query = q->query ? std::make_shared<const core::PairQuery>(*q->query) : nullptr;
    return true;
  }
  if (const auto* w = std::get_if<WhatIfChange>(&request)) {
    if (w->op == WhatIfChange::Op::Clear) {
      ctx.whatif_down_reps.clear();
      ctx.whatif_down_channels.clear();
      ctx.whatif_down_zones.clear();
      ctx.whatif_down_infra.clear();
      return true;
    }
    std::set<core::Id>& set = w->kind == core::EntityKind::Channel      ? ctx.whatif_down_channels
                              : w->kind == core::EntityKind::MapFeature ? ctx.whatif_down_zones
                              : w->kind == core::EntityKind::Infrastructure
                                  ? ctx.whatif_down_infra
                                  : ctx.whatif_down_reps;
    for (core::Id id : w->ids) {
      if (w->op == WhatIfChange::Op::MarkDown)
        set.insert(id);
      else
        set.erase(id);
    }
    return true;
  }
  return false;
}

bool RequestApplier::reload(AppContext& ctx) {
  return m_follower && m_follower->reloadNow(ctx);
}

void RequestApplier::afterFrame(AppContext& ctx, core::TimeUtc wall) {
  m_exercise.newRound();
  std::vector<Request> requests = ctx.outbox.take();
  std::string message;  // this round's word for the status line, set after any reload
  bool changed = false;
  const bool writable = !ctx.read_only && m_store && !m_store->readOnly();
  const char* const notSaved = ctx.read_only || (m_store && m_store->readOnly())
                                   ? "read-only: the change was not saved"
                                   : "no workspace: the change was not saved";

  for (std::size_t i = 0; i < requests.size(); ++i) {
    Request& r = requests[i];
    if (applyToView(ctx, r)) continue;
    if (auto* batch = std::get_if<CommandBatch>(&r)) {
      if (!writable) {
        message = notSaved;
        continue;
      }
      try {
        m_store->apply(batch->commands, ctx.actor);
        changed = true;
      } catch (const std::exception& e) {  // StoreError: nothing of the batch was written
        message = e.what();
      }
    } else if (std::holds_alternative<DrillRequest>(r)) {
      // Consecutive drill requests go to the engine together, in order.
      std::vector<DrillRequest> drill;
      for (; i < requests.size() && std::holds_alternative<DrillRequest>(requests[i]); ++i)
        drill.push_back(std::get<DrillRequest>(requests[i]));
      --i;
      if (!m_store) {
        message = notSaved;
        continue;
      }
      changed = m_exercise.applyRequests(ctx, *m_store, drill, wall) || changed;
    } else if (const auto* setting = std::get_if<UiSetting>(&r)) {
      ctx.ui_settings[setting->key] = setting->value;
      if (ctx.read_only || m_settingsFile.empty()) continue;
      try {
        writeStationSetting(m_settingsFile, setting->key, setting->value);
      } catch (const std::exception& e) {
        message = std::string("Setting not saved: ") + e.what();
      }
    } else if (const auto* form = std::get_if<FormExport>(&r)) {
      if (!ctx.snapshot) continue;
      try {
        message = "Wrote " + writeFormExport(*ctx.snapshot, *form).string() +
                  (form->include_sensitive ? " (with sensitive values)" : "");
      } catch (const std::exception& e) {
        message = std::string("Export failed: ") + e.what();
      }
    }
  }
  // The exercise clock sees the state the requests left (a clock just started delivers now).
  if (changed) reload(ctx);
  if (m_store && m_exercise.tick(ctx, *m_store, wall)) reload(ctx);
  // A reload clears the status line; what this round met stays on it.
  if (!m_exercise.error().empty()) ctx.status_message = m_exercise.error();
  if (!message.empty()) ctx.status_message = message;
}

}  // namespace liaison::app
