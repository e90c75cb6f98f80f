// The whole state of the user interface in one struct, passed by reference to every panel and
// to the shell (no statics anywhere in app/). Panels read what the loop read for them (the
// snapshot, journal, exercise, settings, the engine's results) and put every wish that goes
// beyond the frame into `outbox` (requests.hpp). There is no store here: no panel holds it.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/model/command.hpp"
#include "core/store/journal.hpp"
#include "core/model/snapshot.hpp"
#include "core/analysis/availability.hpp"
#include "core/analysis/timeline_query.hpp"
#include "core/exercise/operational_clock.hpp"
#include "app/wall/legibility.hpp"
#include "exercise_view.hpp"
#include "requests.hpp"

struct ImFont;


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
  std::string workspace_label;    // the file name shown in the status line
  bool read_only = false;         // a follower (wall, second station) never writes
  std::string actor = "liaison";  // who the journal names for commands from this station
  core::Id station_agency = 0;    // a drill player's station (liaison --station CODE); 0: all

  Selection selection;
  // What-if: people and channels the user has marked down (network view, analysis panel).
  // Changed by the loop from WhatIfChange requests.
  std::set<core::Id> whatif_down_reps, whatif_down_channels;
  // ... and map zones (everything located inside fails: the map's right-click menu) and
  // infrastructure (everything it carries fails).
  std::set<core::Id> whatif_down_zones, whatif_down_infra;
  bool whatifEmpty() const {
    return whatif_down_reps.empty() && whatif_down_channels.empty() &&
           whatif_down_zones.empty() && whatif_down_infra.empty();
  }
  // The what-if question these sets ask the engine.
  core::FailureSet whatifFailures() const {
    core::FailureSet f;
    f.representatives.assign(whatif_down_reps.begin(), whatif_down_reps.end());
    f.channels.assign(whatif_down_channels.begin(), whatif_down_channels.end());
    f.zones.assign(whatif_down_zones.begin(), whatif_down_zones.end());
    f.infrastructure.assign(whatif_down_infra.begin(), whatif_down_infra.end());
    return f;
  }
  // The engine's latest results (the shell copies them from core::AnalysisService; null until a
  // run completes). Panels draw the last good one, marked stale while its version lags.
  std::shared_ptr<const core::AnalysisResult> analysis;
  std::shared_ptr<const core::WhatIfResult> whatif;
  double analysis_progress = -1.0;  // 0..1 while the worker runs; negative when idle
  // Paths between any two agencies or people: the question being answered (set by the loop
  // from a PairQuestion request), and the worker's answer (check pair->query: it may lag).
  std::shared_ptr<const core::PairQuery> pair_query;
  std::shared_ptr<const core::PairResult> pair;
  bool show_pair_path = false;  // the network view draws pair's fastest path (no need selected)
  UiFlags ui;
  ThemeKind theme = ThemeKind::Operator;
  float scale = 1.0f;  // monitor content scale x --scale
  // The wall: the room it is read in. Its font size then follows the panel's physical size and
  // the viewing distance (app/wall/legibility.hpp; scale may only enlarge it), not the theme.
  std::optional<wall::Room> wall_room;
  bool show_legibility = false;  // the wall prints the arc-minutes of each text size in use
  Fonts fonts;

  // Every wish of this frame that goes beyond it; the loop applies them after the frame.
  Outbox outbox;
  std::string status_message;  // last apply/reload problem, shown in the status line
  std::chrono::system_clock::time_point last_reload{};

  // The activity journal as of `snapshot`, read by the snapshot follower (never in a frame).
  std::shared_ptr<const std::vector<core::JournalEntry>> journal;
  // The exercise as of `snapshot` (MSEL, inject states, clock), read by the snapshot follower;
  // an empty view when the workspace has no MSEL, null only before the first load.
  std::shared_ptr<const ExerciseView> exercise;
  // The registered MBTiles basemap's path ("" when none), read with the snapshot.
  std::string basemap_path;
  // This station's UI settings (UiSetting requests), read from its settings file at start.
  std::map<std::string, std::string> ui_settings;
  std::string uiSetting(const std::string& key) const {
    const auto it = ui_settings.find(key);
    return it == ui_settings.end() ? std::string() : it->second;
  }
  // The timeline's scrubber: nullopt = live; otherwise panels show the state at that time.
  std::optional<core::TimeUtc> view_time;
  core::TimeTravel time_travel;  // caches the past state per scrub position
  // What state-aware panels draw: the live snapshot, or the past one at view_time.
  core::SnapshotPtr shownSnapshot() {
    return time_travel.at(snapshot, journal.get(), view_time);
  }

  // The one "now" of this frame (core::operationalNow), set by the frame loop before the panels
  // draw: `now` is the scrubber's time when it is in the past, else `present`, which is the
  // exercise clock during a started drill, the incident's end once it has ended, or the wall
  // clock. Overdue checks, key figures, the header clock and the wall all read these two, so
  // no two screens of a station disagree about the time.
  core::OperationalNow now, present;
  void updateNow(core::TimeUtc wall) {
    static const core::Snapshot empty;
    const core::Snapshot& s = snapshot ? *snapshot : empty;
    const core::ExerciseClock* clock = exercise ? &exercise->state.clock : nullptr;
    present = core::operationalNow(s, clock, std::nullopt, wall);
    now = view_time ? core::operationalNow(s, clock, view_time, wall) : present;
  }

  bool wallMode() const { return theme == ThemeKind::Wall; }
  // Sensitive values are never drawn in wall mode, whatever the toggle says.
  bool mayShowSensitive() const { return ui.show_sensitive && !wallMode(); }
};

}  // namespace liaison::app
