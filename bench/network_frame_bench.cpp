// Frames of the network view, headless (ImGui without GL), on a generated workspace of N people
// (default 5,000): the force layout's time to settle on its worker, then the frame thread's CPU
// time per frame (median, 95th percentile) zoomed to fit, zoomed in, with overlays, and while
// the layout is still running. Goal: under 4 ms per frame at 5,000 people.
//   network_frame_bench [PEOPLE] [FRAMES]
#include <imgui.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "app/panels/network_view.hpp"
#include "app/shell/app_context.hpp"
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

// Agencies of 20 people: a ring and a duty officer inside each, three outside links per agency,
// some agency-to-agency channels. About 2.3 channels per person.
std::shared_ptr<core::Snapshot> generate(int people) {
  auto s = std::make_shared<core::Snapshot>();
  s->version = 1;
  const int perAgency = 20, agencies = std::max(1, people / perAgency);
  std::uint64_t rng = 0x9E3779B97F4A7C15ull;
  for (int a = 0; a < agencies; ++a) {
    core::Agency ag;
    ag.id = a + 1;
    ag.code = "AG" + std::to_string(a + 1);
    ag.name = "Agency " + std::to_string(a + 1);
    ag.type = static_cast<core::AgencyType>(a % 15);
    ag.position = core::LonLat{-122.5 + static_cast<double>(next(rng) % 1000) / 2000.0,
                               37.5 + static_cast<double>(next(rng) % 1000) / 2000.0};
    s->agencies.push_back(ag);
  }
  core::Id rid = 1;
  for (int i = 0; i < people; ++i) {
    core::Representative r;
    r.id = rid++;
    r.agency = i / perAgency % agencies + 1;
    r.name = "Person " + std::to_string(i + 1);
    r.position = i % perAgency == 0 ? "Duty Officer" : "Agency Representative";
    r.contacts = {{core::ContactKind::Cell, "555-0100", true, ""}};
    s->representatives.push_back(r);
  }
  core::Id cid = 1;
  auto link = [&](core::Id a, core::Id b) {
    core::Channel c;
    c.id = cid++;
    c.from_rep = a;
    c.to_rep = b;
    c.medium = static_cast<core::Medium>(next(rng) % 5);
    const auto roll = next(rng) % 20;
    c.status = roll == 0   ? core::ChannelStatus::Down
               : roll == 1 ? core::ChannelStatus::Degraded
                           : core::ChannelStatus::Up;
    s->channels.push_back(c);
  };
  for (int a = 0; a < agencies; ++a) {
    const core::Id first = a * perAgency + 1;
    for (int k = 0; k < perAgency && first + k <= people; ++k) {
      const core::Id me = first + k;
      const core::Id ring = first + (k + 1) % perAgency;
      if (ring <= people && ring != me) link(me, ring);
      if (k > 1) link(first, me);
    }
    for (int k = 0; k < 3; ++k) {
      const core::Id other =
          static_cast<core::Id>(next(rng) % static_cast<std::uint64_t>(people)) + 1;
      link(first + k % 2, other);
    }
  }
  for (int a = 0; a + 1 < agencies; a += 5) {
    core::Channel c;
    c.id = cid++;
    c.from_agency = a + 1;
    c.to_agency = a + 2;
    c.medium = core::Medium::Radio;
    s->channels.push_back(c);
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  const int people = argc > 1 ? std::atoi(argv[1]) : 5000;
  const int frames = argc > 2 ? std::atoi(argv[2]) : 200;

  bench::HeadlessImGui imgui;
  ImGuiIO& io = ImGui::GetIO();

  app::AppContext ctx;
  ctx.snapshot = generate(people);
  auto panel = std::make_unique<app::NetworkView>();
  auto frame = [&] {
    const double t0 = threadCpuMs();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("Network", nullptr, ImGuiWindowFlags_NoDecoration);
    panel->drawContent(ctx);
    ImGui::End();
    ImGui::Render();
    return threadCpuMs() - t0;
  };
  auto run = [&](const char* what) {
    std::vector<double> ms;
    for (int i = 0; i < frames; ++i) ms.push_back(frame());
    const Stats s = summarise(ms);
    const auto& d = panel->drawList();
    std::printf(
        "%-34s median %6.3f ms  p95 %6.3f ms   (%d nodes drawn, %d folded, %d edges, %d labels)\n",
        what, s.median, s.p95, d.stats.drawnNodes, d.stats.foldedNodes, d.stats.drawnEdges,
        d.stats.labels);
  };

  std::printf("network view, %d people, %zu agencies, %zu channels, 1920x1080, %d frames each\n",
              people, ctx.snapshot->agencies.size(), ctx.snapshot->channels.size(), frames);
  const auto start = std::chrono::steady_clock::now();
  frame();  // builds the model and hands the layout to its worker
  std::vector<double> during;
  for (int i = 0; i < frames / 2; ++i) during.push_back(frame());
  const bool settled = panel->waitLayout(300.0);
  const double settle =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("layout: %s in %.2f s (worker thread, from a cold start)\n",
              settled ? "settled" : "NOT settled", settle);
  const Stats d = summarise(during);
  std::printf("%-34s median %6.3f ms  p95 %6.3f ms\n", "frames while the layout runs", d.median,
              d.p95);

  run("zoomed to fit");
  app::NetworkOverlay overlay;
  for (core::Id id = 1; id <= people; id += 3) overlay.load[id] = static_cast<double>(id % 97);
  for (core::Id id = 1; id <= 10; ++id) overlay.bottlenecks.push_back(id * 41);
  for (core::Id id = 1; id <= 50; ++id) overlay.articulation.push_back(id * 61);
  for (core::Id id = 1; id <= 40; ++id) overlay.bridges.push_back(id * 97);
  for (core::Id a = 1; a <= 20; ++a) overlay.broken_needs.emplace_back(a, a + 40);
  overlay.path_nodes = {1, 2, 3, 4};
  panel->setOverlay(overlay);
  panel->setSizeMode(app::SizeMode::Load);
  run("zoomed to fit, with overlays");

  // Zoom in around the middle (keys '=' as a user would), then further.
  io.MousePos = ImVec2(960, 600);
  for (int z = 0; z < 8; ++z) {
    io.MouseWheel = 1.0f;
    frame();
    io.MouseWheel = 0.0f;
  }
  run("zoomed in x4.3, with overlays");
  for (int z = 0; z < 6; ++z) {
    io.MouseWheel = 1.0f;
    frame();
    io.MouseWheel = 0.0f;
  }
  run("zoomed in x12.8, with overlays");

  panel.reset();
  return 0;
}
