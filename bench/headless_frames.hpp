// Shared by the frame benchmarks: an ImGui context without GL (as the OpenGL 3 backend would
// configure it: a font atlas with a texture id, 32-bit vertex offsets) and the frame thread's
// CPU time with its median and 95th percentile.
#pragma once

#include <imgui.h>
#include <time.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace liaison::bench {

inline double threadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) * 1e-6;
}

struct Stats {
  double median = 0, p95 = 0, max = 0;
};

inline Stats summarise(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  if (v.empty()) return {};
  return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 95 / 100)], v.back()};
}

// One ImGui context for the benchmark's lifetime, 1920x1080 at 60 frames a second.
class HeadlessImGui {
 public:
  HeadlessImGui() : m_context(ImGui::CreateContext()) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1920, 1080);
    io.DeltaTime = 1.0f / 60.0f;
    io.MousePos = ImVec2(-1, -1);
    // As the OpenGL 3 backend does (GL >= 3.2): draw lists may pass 65,536 vertices.
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
  }
  ~HeadlessImGui() { ImGui::DestroyContext(m_context); }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;

 private:
  ImGuiContext* m_context;
};

}  // namespace liaison::bench
