// Frames of the timeline (axis and list modes), the task board, the map (features over a tiled
// MBTiles basemap) and the activity log, headless (ImGui without GL), on a generated workspace
// of 100,000 timeline events, 10,000 tasks and 2,000 map features with a 20,000-entry journal;
// then the time scrubber: the state at a past time, one step at a time.
// Prints the frame thread's CPU time per frame (median, 95th percentile) for each panel and the
// wall time of each scrub step. Goals (issue 5): every panel under 4 ms a frame, a scrub step
// under 50 ms. Nothing here passes or fails.
//   panel_frame_bench [FRAMES]
#include <imgui.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "../tests/support/mbtiles_fixture.hpp"
#include "app/panels/activity_log_panel.hpp"
#include "app/panels/map_view.hpp"
#include "app/panels/task_board_panel.hpp"
#include "app/panels/timeline_panel.hpp"
#include "app/render/tile_cache.hpp"
#include "app/shell/app_context.hpp"
#include "core/model/entity_json.hpp"
#include "headless_frames.hpp"

using namespace liaison;
using liaison::bench::summarise;
using liaison::bench::threadCpuMs;
using Stats = liaison::bench::Stats;

namespace {

std::uint64_t next(std::uint64_t& s) {
  s ^= s << 13;
  s ^= s >> 7;
  s ^= s << 17;
  return s;
}

constexpr core::TimeUtc kStart = 1'800'000'000;  // 2027-01-15
constexpr core::TimeUtc kSpan = 72 * 3600;       // three days of incident

struct Generated {
  std::shared_ptr<core::Snapshot> snapshot;
  std::shared_ptr<std::vector<core::JournalEntry>> journal;
};

Generated generate() {
  auto s = std::make_shared<core::Snapshot>();
  auto journal = std::make_shared<std::vector<core::JournalEntry>>();
  s->version = 1;
  std::uint64_t rng = 0x2545F4914F6CDD1Dull;
  auto uniform = [&](double lo, double hi) {
    return lo + (hi - lo) * static_cast<double>(next(rng) % 1'000'000) / 1e6;
  };
  core::Incident inc;
  inc.id = 1;
  inc.name = "Generated incident";
  inc.start = kStart;
  s->incidents.push_back(inc);
  for (int p = 0; p < 6; ++p) {
    core::OperationalPeriod op;
    op.id = p + 1;
    op.incident = 1;
    op.number = p + 1;
    op.start = kStart + p * 12 * 3600;
    op.end = op.start + 12 * 3600;
    s->periods.push_back(op);
  }
  const int agencies = 100;
  for (int a = 0; a < agencies; ++a) {
    core::Agency ag;
    ag.id = a + 1;
    ag.code = "AG" + std::to_string(a + 1);
    ag.name = "Agency " + std::to_string(a + 1);
    ag.type = static_cast<core::AgencyType>(a % 15);
    ag.position = core::LonLat{uniform(-122.6, -122.2), uniform(37.6, 37.9)};
    s->agencies.push_back(ag);
  }
  std::int64_t seq = 0;
  auto journalPut = [&](core::TimeUtc t, const core::Entity& e, const char* entity, core::Id id) {
    core::JournalEntry j;
    j.seq = ++seq;
    j.time = t;
    j.actor = seq % 3 ? "liaison" : "planning";
    j.action = "put";
    j.entity = entity;
    j.entity_id = id;
    j.summary = std::string("Updated ") + entity + " " + std::to_string(id);
    j.after = core::entityToJson(e);
    journal->push_back(std::move(j));
  };
  for (int i = 0; i < 100'000; ++i) {
    core::TimelineEvent e;
    e.id = i + 1;
    e.incident = 1;
    e.time = kStart + static_cast<core::TimeUtc>(static_cast<double>(kSpan) * i / 100'000.0);
    e.kind = static_cast<core::EventKind>(next(rng) % 9);
    e.agencies = {static_cast<core::Id>(next(rng) % agencies + 1)};
    if (i % 4 == 0) e.agencies.push_back(static_cast<core::Id>(next(rng) % agencies + 1));
    e.text = "Event " + std::to_string(i + 1) + ": unit reports status at sector " +
             std::to_string(next(rng) % 40);
    e.significant = i % 50 == 0;
    s->events.push_back(std::move(e));
  }
  // Tasks: created over the three days, then moved once or twice (journaled), so the scrubber
  // has real history to reconstruct.
  std::vector<std::pair<core::TimeUtc, core::Task>> moves;
  for (int i = 0; i < 10'000; ++i) {
    core::Task t;
    t.id = i + 1;
    t.incident = 1;
    t.title = "Task " + std::to_string(i + 1) + ": coordinate sector " + std::to_string(i % 40);
    t.priority = static_cast<core::Priority>(next(rng) % 4);
    t.owner_agency = static_cast<core::Id>(next(rng) % agencies + 1);
    t.involved = {static_cast<core::Id>(next(rng) % agencies + 1)};
    const core::TimeUtc created = kStart + static_cast<core::TimeUtc>(next(rng) % kSpan);
    t.due = created + 4 * 3600;
    t.status = core::TaskStatus::Todo;
    journalPut(created, t, "task", t.id);
    core::Task later = t;
    later.status = static_cast<core::TaskStatus>(1 + next(rng) % 3);
    moves.emplace_back(created + static_cast<core::TimeUtc>(next(rng) % (6 * 3600)), later);
    s->tasks.push_back(later);
  }
  std::sort(moves.begin(), moves.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  // Interleave the moves by time into the journal (the journal is in sequence = time order).
  std::vector<core::JournalEntry> created = std::move(*journal);
  journal->clear();
  std::sort(created.begin(), created.end(),
            [](const auto& a, const auto& b) { return a.time < b.time; });
  seq = 0;
  std::size_t ci = 0, mi = 0;
  while (ci < created.size() || mi < moves.size()) {
    if (mi >= moves.size() || (ci < created.size() && created[ci].time <= moves[mi].first)) {
      created[ci].seq = ++seq;
      journal->push_back(std::move(created[ci++]));
    } else {
      journalPut(moves[mi].first, moves[mi].second, "task", moves[mi].second.id);
      ++mi;
    }
  }
  // Map features: points, lines and polygons (some with a hole) over the city.
  for (int i = 0; i < 2'000; ++i) {
    core::MapFeature f;
    f.id = i + 1;
    f.incident = 1;
    f.label = "Feature " + std::to_string(i + 1);
    f.layer = i % 2 ? "workspace" : "city";
    const double x = uniform(-122.6, -122.2), y = uniform(37.6, 37.9);
    if (i % 10 < 6) {
      f.geometry = core::GeometryKind::Point;
      f.kind = static_cast<core::FeatureKind>(i % 6);
      f.rings = {{{x, y}}};
    } else if (i % 10 < 8) {
      f.geometry = core::GeometryKind::Line;
      f.kind = i % 2 ? core::FeatureKind::Road : core::FeatureKind::River;
      std::vector<core::LonLat> line;
      for (int k = 0; k < 12; ++k) line.push_back({x + 0.002 * k, y + 0.001 * (k % 3)});
      f.rings = {line};
    } else {
      f.geometry = core::GeometryKind::Polygon;
      f.kind = core::FeatureKind::Zone;
      const double r = 0.004;
      std::vector<core::LonLat> outer, hole;
      for (int k = 0; k <= 16; ++k) {
        const double a = 6.283185307 * (k % 16) / 16.0;
        outer.push_back({x + r * std::cos(a), y + r * std::sin(a)});
        hole.push_back({x + 0.4 * r * std::cos(-a), y + 0.4 * r * std::sin(-a)});
      }
      f.rings = {outer};
      if (i % 3 == 0) f.rings.push_back(hole);
    }
    s->features.push_back(std::move(f));
  }
  s->version = static_cast<std::uint64_t>(seq) + 1;
  return {s, journal};
}

// Textures that are only counted: the cache, its budget and the draw calls run as in the app.
class CountingUploader final : public app::TextureUploader {
 public:
  app::TextureHandle upload(const app::TileImage&) override { return ++m_next; }
  void release(app::TextureHandle) override {}

 private:
  app::TextureHandle m_next = 0;
};

}  // namespace

int main(int argc, char** argv) {
  const int frames = argc > 1 ? std::atoi(argv[1]) : 120;

  bench::HeadlessImGui imgui;
  ImGuiIO& io = ImGui::GetIO();

  const auto g0 = std::chrono::steady_clock::now();
  Generated gen = generate();
  app::AppContext ctx;
  ctx.snapshot = gen.snapshot;
  ctx.journal = gen.journal;
  std::printf(
      "workspace: %zu events, %zu tasks, %zu map features, %zu journal entries "
      "(generated in %.1f s); 1920x1080, %d frames per line\n",
      gen.snapshot->events.size(), gen.snapshot->tasks.size(), gen.snapshot->features.size(),
      gen.journal->size(),
      std::chrono::duration<double>(std::chrono::steady_clock::now() - g0).count(), frames);

  // A basemap as a file like any other: zoom 0-6 over the world, solid PNG tiles.
  const std::filesystem::path mbtiles =
      std::filesystem::temp_directory_path() / "liaison_panel_bench.mbtiles";
  liaison::test::MbtilesFixture fx;
  fx.maxzoom = 6;
  fx.bounds = "-123,37,-122,38.2";
  liaison::test::writeMbtiles(mbtiles, fx);

  auto frameOf = [&](app::Panel& panel) {
    const double t0 = threadCpuMs();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin(panel.name(), nullptr, ImGuiWindowFlags_NoDecoration);
    panel.drawContent(ctx);
    ImGui::End();
    ImGui::Render();
    return threadCpuMs() - t0;
  };
  auto run = [&](const char* what, app::Panel& panel) {
    const double first = frameOf(panel);  // builds the panel's caches for this snapshot
    for (int i = 0; i < 3; ++i) frameOf(panel);
    std::vector<double> ms;
    for (int i = 0; i < frames; ++i) ms.push_back(frameOf(panel));
    const Stats s = summarise(ms);
    std::printf("%-40s median %6.3f ms  p95 %6.3f ms  max %6.3f ms  (first frame %.1f ms)\n", what,
                s.median, s.p95, s.max, first);
  };

  {
    app::TimelinePanel timeline;
    run("timeline, axis (lanes per agency)", timeline);
    timeline.setMode(app::TimelinePanel::Mode::List);
    run("timeline, list (ImGuiListClipper)", timeline);
    timeline.setText("sector 17");
    run("timeline, list filtered by text", timeline);
  }
  {
    app::TaskBoardPanel board;
    run("task board, 10,000 tasks", board);
  }
  {
    app::MapView map;
    map.setTextureUploader(std::make_unique<CountingUploader>());
    map.setBasemap(mbtiles);
    frameOf(map);
    map.settleTiles(10.0);  // the worker decodes what the fitted view needs
    run("map, 2,000 features over MBTiles", map);
  }
  {
    app::ActivityLogPanel log;
    run("activity log, 20,000 entries", log);
    log.setText("planning");
    run("activity log filtered by actor", log);
  }

  // The scrubber: one hour back at a time, the reconstructed state and a task-board frame.
  {
    app::TaskBoardPanel board;
    frameOf(board);
    std::vector<double> steps, frameMs;
    for (int hour = 1; hour <= 48; ++hour) {
      ctx.view_time = kStart + kSpan - hour * 3600;
      const auto t0 = std::chrono::steady_clock::now();
      const core::SnapshotPtr past = ctx.shownSnapshot();
      steps.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      frameMs.push_back(frameOf(board));
      if (!past) return 1;
    }
    ctx.view_time.reset();
    const Stats s = summarise(steps), f = summarise(frameMs);
    std::printf("%-40s median %6.3f ms  p95 %6.3f ms  max %6.3f ms\n",
                "scrub step (state at a past hour)", s.median, s.p95, s.max);
    std::printf("%-40s median %6.3f ms  p95 %6.3f ms  max %6.3f ms\n",
                "  then the board's first frame", f.median, f.p95, f.max);
  }
  std::filesystem::remove(mbtiles);
  return 0;
}
