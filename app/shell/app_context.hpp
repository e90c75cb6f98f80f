// The whole state of the user interface in one struct, passed by reference to every panel and
// to the shell (no statics anywhere in app/). Panels read the snapshot and emit commands here.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/model/command.hpp"
#include "core/store/journal.hpp"
#include "core/model/snapshot.hpp"
#include "core/analysis/timeline_query.hpp"
#include "exercise_view.hpp"

struct ImFont;

namespace liaison::core {
class Store;
struct AnalysisResult;
struct WhatIfResult;
struct PairQuery;
struct PairResult;
}

namespace liaison::app {

enum class ThemeKind { Operator, Wall };

// What the user has picked (drives the inspector, the network view's highlight, ...).
struct Selection {
  core::EntityKind kind = core::EntityKind::Agency;
  core::Id id = 0;  // 0: nothing selected
  bool empty() const { return id == 0; }
  bool is(core::EntityKind k, core::Id i) const { return kind == k && id == i; }
  bool operator==(const Selection&) const = default;
};

// Fonts loaded by the shell for the current theme and scale (owned by ImGui's atlas).
struct Fonts {
  ImFont* regular = nullptr;
  ImFont* bold = nullptr;
  ImFont* large = nullptr;  // headings, banners, the wall's header
};

struct UiFlags {
  bool show_sensitive = false;  // reveal sensitive contact values (workstation only)
  bool show_imgui_metrics = false;
  bool show_about = false;
  bool request_quit = false;
  std::optional<ThemeKind> theme_request;  // applied by the loop between frames (fonts rebuild)
};

struct AppContext {
  core::SnapshotPtr snapshot;     // never null once the loop runs (an empty snapshot at worst)
  core::Store* store = nullptr;   // null in headless tests; never queried inside a frame
  std::string workspace_label;    // the file name shown in the status line
  bool read_only = false;         // a follower (wall, second station) never writes
  std::string actor = "liaison";  // who the journal names for commands from this station
  core::Id station_agency = 0;    // a drill player's station (liaison --station CODE); 0: all

  Selection selection;
  // What-if: people and channels the user has marked down (network view, analysis panel).
  std::set<core::Id> whatif_down_reps, whatif_down_channels;
  // The engine's latest results (the shell copies them from core::AnalysisService; null until a
  // run completes). Panels draw the last good one, marked stale while its version lags.
  std::shared_ptr<const core::AnalysisResult> analysis;
  std::shared_ptr<const core::WhatIfResult> whatif;
  double analysis_progress = -1.0;  // 0..1 while the worker runs; negative when idle
  // Paths between any two agencies or people: the analysis panel sets the question, the shell
  // asks the worker and publishes the answer (check pair->query: it may lag a new question).
  std::shared_ptr<const core::PairQuery> pair_query;
  std::shared_ptr<const core::PairResult> pair;
  bool show_pair_path = false;  // the network view draws pair's fastest path (no need selected)
  UiFlags ui;
  ThemeKind theme = ThemeKind::Operator;
  float scale = 1.0f;  // monitor content scale x --scale
  Fonts fonts;

  // Commands emitted by panels during a frame; the loop applies them after the frame.
  std::vector<core::Command> pending_commands;
  std::string status_message;  // last apply/reload problem, shown in the status line
  std::chrono::system_clock::time_point last_reload{};

  // The activity journal as of `snapshot`, read by the snapshot follower (never in a frame).
  std::shared_ptr<const std::vector<core::JournalEntry>> journal;
  // The exercise as of `snapshot` (MSEL, inject states, clock), read by the snapshot follower;
  // an empty view when the workspace has no MSEL, null only before the first load.
  std::shared_ptr<const ExerciseView> exercise;
  // Drill changes asked for during a frame; the loop applies them after the frame.
  std::vector<DrillRequest> drill_requests;
  void requestDrill(DrillRequest request) { drill_requests.push_back(std::move(request)); }
  // The timeline's scrubber: nullopt = live; otherwise panels show the state at that time.
  std::optional<core::TimeUtc> view_time;
  core::TimeTravel time_travel;  // caches the past state per scrub position
  // What state-aware panels draw: the live snapshot, or the past one at view_time.
  core::SnapshotPtr shownSnapshot() {
    return time_travel.at(snapshot, journal.get(), view_time);
  }

  bool wallMode() const { return theme == ThemeKind::Wall; }
  // Sensitive values are never drawn in wall mode, whatever the toggle says.
  bool mayShowSensitive() const { return ui.show_sensitive && !wallMode(); }
  void emit(core::Command command) { pending_commands.push_back(std::move(command)); }
};

}  // namespace liaison::app
