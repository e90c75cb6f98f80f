// The one way out of a panel: every wish a panel has that reaches beyond the frame (a change to
// the workspace, a drill action, a question for the engine, a what-if change, a UI setting to
// keep, a file to export) is one typed request put into AppContext::outbox. The loop takes
// them out after the frame, in order, and applies them (RequestApplier, request_applier.hpp):
// only the loop writes, and no panel holds the store. Headless tests assert on the requests a
// frame put here. (Shared view state, such as the selection or the scrub time, is not a
// request: panels set it on AppContext directly.) No ImGui here.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/analysis/analysis.hpp"
#include "core/model/command.hpp"
#include "core/reports/ics_forms.hpp"
#include "exercise_view.hpp"

namespace liaison::app {

// Commands applied in one transaction, with their journal entries (all or nothing).
struct CommandBatch {
  std::vector<core::Command> commands;
};

// Paths between two agencies or people: ask the engine this (nullopt: stop asking). The answer
// arrives in AppContext::pair; AppContext::pair_query is the question being answered.
struct PairQuestion {
  std::optional<core::PairQuery> query;
};

// People and channels marked down, or back up, for the engine's what-if (AppContext's
// whatif_down_reps / whatif_down_channels change after the frame, and the engine is asked).
struct WhatIfChange {
  enum class Op { MarkDown, Restore, Clear };  // Clear: everything back up
  Op op = Op::MarkDown;
  // Representative, Channel, MapFeature (a zone) or Infrastructure.
  core::EntityKind kind = core::EntityKind::Representative;
  std::vector<core::Id> ids;
};

// A station's UI setting to keep (e.g. the network view's node positions and pins). Kept
// outside the workspace, in the station's settings file beside it (station_settings.hpp):
// the workspace holds incident data only, and every change to it is journaled.
struct UiSetting {
  std::string key, value;
};

// The File menu's ICS 205A / ICS 203 export, written next to the workspace file.
struct FormExport {
  core::IcsForm form = core::IcsForm::Ics205a;
  core::ReportFormat format = core::ReportFormat::Csv;
  core::Id agency = 0;  // only this agency; 0: the whole directory
  int period = 0;       // operational period; 0: the whole incident
  bool include_sensitive = false;
  std::string prepared_by;
};

using Request =
    std::variant<CommandBatch, DrillRequest, PairQuestion, WhatIfChange, UiSetting, FormExport>;

class Outbox {
 public:
  void put(Request request) { m_requests.push_back(std::move(request)); }
  // Shorthands for the most common request: a batch of one command, or of several.
  void command(core::Command c) { put(CommandBatch{{std::move(c)}}); }
  void commands(std::vector<core::Command> cs) {
    if (!cs.empty()) put(CommandBatch{std::move(cs)});
  }

  bool empty() const { return m_requests.empty(); }
  std::size_t size() const { return m_requests.size(); }
  const std::vector<Request>& requests() const { return m_requests; }
  // Every request of one kind, in order (tests, and the loop's bookkeeping).
  template <class T>
  std::vector<T> all() const {
    std::vector<T> out;
    for (const Request& r : m_requests)
      if (const T* t = std::get_if<T>(&r)) out.push_back(*t);
    return out;
  }
  // Every command of every batch, in order.
  std::vector<core::Command> allCommands() const {
    std::vector<core::Command> out;
    for (const CommandBatch& b : all<CommandBatch>())
      out.insert(out.end(), b.commands.begin(), b.commands.end());
    return out;
  }
  // The loop takes everything after the frame.
  std::vector<Request> take() { return std::exchange(m_requests, {}); }
  void clear() { m_requests.clear(); }

 private:
  std::vector<Request> m_requests;
};

}  // namespace liaison::app
