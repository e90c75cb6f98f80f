#include "frame_loop.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <iostream>
#include <memory>

#include "analysis_bridge.hpp"
#include "app/platform/gl_window.hpp"
#include "app/platform/offscreen_target.hpp"
#include "core/store/store.hpp"
#include "fonts.hpp"
#include "request_applier.hpp"
#include "snapshot_follower.hpp"
#include "theme.hpp"

namespace liaison::app {

float lookPixels(const AppContext& ctx, float screen_width, float screen_height) {
  const Theme& theme = themeData(ctx.theme);
  if (ctx.wallMode() && ctx.wall_room && screen_width > 0 && screen_height > 0) {
    const wall::WallSizing s = wall::wallSizing(*ctx.wall_room, static_cast<int>(screen_width),
                                                static_cast<int>(screen_height));
    return s.body_px * std::max(ctx.scale, 1.0f);
  }
  return fontPixels(theme, ctx.scale, screen_height);
}

float setupLook(AppContext& ctx, float screen_width, float screen_height, bool recreate_texture) {
  const Theme& theme = themeData(ctx.theme);
  const float px = lookPixels(ctx, screen_width, screen_height);
  if (recreate_texture) ImGui_ImplOpenGL3_DestroyFontsTexture();
  ctx.fonts = loadFonts(px, theme.large_factor);
  if (recreate_texture) ImGui_ImplOpenGL3_CreateFontsTexture();
  applyTheme(theme, px);
  return px;
}

int runFrameLoop(AppContext& ctx, GlWindow& window, SnapshotFollower& follower,
                 AnalysisBridge& analysis, RequestApplier& applier, const FrameSteps& steps) {
  int fw = 0, fh = 0;
  window.framebufferSize(fw, fh);
  float built_px = setupLook(ctx, static_cast<float>(fw), static_cast<float>(fh), false);
  int burst = 3;  // frames to draw without waiting, so ImGui settles after each input
  while (!window.shouldClose() && !ctx.ui.request_quit) {
    const double timeout = burst > 0 && !steps.redraw_always ? 0.0 : 0.1;
    const double before = glfwGetTime();
    window.waitEvents(timeout);
    if (burst > 0)
      --burst;
    else if (glfwGetTime() - before < timeout * 0.9)
      burst = 3;  // woken by an event

    const bool reloaded = follower.poll(ctx, SnapshotFollower::Clock::now());
    if (steps.after_poll) steps.after_poll(ctx, reloaded);

    // Another theme (the View menu, Present), or a screen of another height (the wall moved
    // to another monitor) where the theme's size follows the screen: new fonts between frames.
    if (ctx.ui.theme_request) {
      ctx.theme = *ctx.ui.theme_request;
      ctx.ui.theme_request.reset();
      built_px = -1;
    }
    window.framebufferSize(fw, fh);
    if (fh > 0 &&
        lookPixels(ctx, static_cast<float>(fw), static_cast<float>(fh)) != built_px)
      built_px = setupLook(ctx, static_cast<float>(fw), static_cast<float>(fh), true);

    analysis.update(ctx);
    ctx.updateNow(core::nowUtc());
    window.newFrame();
    ImGui::NewFrame();
    steps.draw(ctx);
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl && ImGui::IsKeyPressed('Q', false)) ctx.ui.request_quit = true;
    ImGui::Render();
    const ImVec4 bg = themeData(ctx.theme).background;
    window.renderAndPresent(bg.x, bg.y, bg.z);
    if (ImGui::IsAnyItemActive() || ImGui::IsMouseDown(ImGuiMouseButton_Left)) burst = 3;

    applier.afterFrame(ctx, core::nowUtc());
  }
  return 0;
}

int renderScreenshot(AppContext& ctx, GlWindow& window, const ScreenshotRequest& shot,
                     const FrameSteps& steps, const std::string& what) {
  std::unique_ptr<OffscreenTarget> target;
  try {
    target = std::make_unique<OffscreenTarget>(shot.width, shot.height);
  } catch (const PlatformError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  setupLook(ctx, static_cast<float>(shot.width), static_cast<float>(shot.height), false);
  const ImVec4 bg = themeData(ctx.theme).background;
  for (int i = 0; i < std::max(shot.frames, 1); ++i) {
    window.newFrame();
    // The picture is the requested size, whatever the (hidden) window and the screen are.
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(shot.width), static_cast<float>(shot.height));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    io.DeltaTime = 1.0f / 60.0f;
    ctx.updateNow(core::nowUtc());
    ImGui::NewFrame();
    steps.draw(ctx);
    ImGui::Render();
    target->render(bg.x, bg.y, bg.z);
    if (steps.settle) steps.settle(i);
  }
  if (!writePng(shot.out.c_str(), shot.width, shot.height, target->readPixels())) {
    std::cerr << "error: cannot write " << shot.out << "\n";
    return 1;
  }
  std::cout << "wrote " << shot.out.string() << " (" << shot.width << "x" << shot.height << ", "
            << what << ")\n";
  return 0;
}

}  // namespace liaison::app
