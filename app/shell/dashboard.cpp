#include "dashboard.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "clock_text.hpp"
#include "core/model/time_zone.hpp"
#include "core/store/store.hpp"
#include "form_export.hpp"
#include "theme.hpp"

namespace liaison::app {

DashboardLayout computeLayout(float x, float y, float w, float h, bool has_left, bool has_centre,
                              bool has_right, bool has_bottom, float em) {
  DashboardLayout l;
  const float gap = 0.15f * em;
  float top_h = h;
  if (has_bottom) {
    const float bottom_h = (has_left || has_centre || has_right) ? h * 0.3f : h;
    top_h = h - bottom_h;
    l.bottom = {x, y + top_h, w, bottom_h, true};
    if (top_h > 0) top_h -= gap;
  }
  // Column weights: side columns 3, centre 7; an empty slot gives its room to the others.
  const float wl = has_left ? 3.0f : 0.0f, wc = has_centre ? 7.0f : 0.0f,
              wr = has_right ? 3.0f : 0.0f;
  const float total = wl + wc + wr;
  if (total <= 0) return l;
  const int columns = (has_left ? 1 : 0) + (has_centre ? 1 : 0) + (has_right ? 1 : 0);
  const float usable = w - gap * static_cast<float>(columns - 1);
  float cx = x;
  auto place = [&](SlotRect& r, float weight) {
    if (weight <= 0) return;
    r = {cx, y, usable * weight / total, top_h, true};
    cx += r.w + gap;
  };
  place(l.left, wl);
  place(l.centre, wc);
  place(l.right, wr);
  return l;
}

namespace {

// F11 as the GLFW backend reports it; ignored where a key map reuses that index (tests).
bool f11Pressed() {
  const ImGuiIO& io = ImGui::GetIO();
  for (int k : io.KeyMap)
    if (k == GLFW_KEY_F11) return false;
  return ImGui::IsKeyPressed(GLFW_KEY_F11, false);
}

}  // namespace

void Dashboard::setPresenting(AppContext& ctx, bool on) {
  if (on == m_presenting) return;
  m_presenting = on;
  if (on) m_themeBeforePresent = ctx.theme;
  ctx.ui.theme_request = on ? ThemeKind::Wall : m_themeBeforePresent;
}

void Dashboard::drawFrame(AppContext& ctx, PanelRegistry& panels) {
  if (m_presenting) {
    m_wall.setWorkstation(true);
    m_wall.drawFrame(ctx, panels, ImGui::GetTime());
    if (m_wall.takeLeaveRequest() || f11Pressed()) setPresenting(ctx, false);
    return;
  }
  if (f11Pressed()) setPresenting(ctx, true);
  drawMenuBar(ctx, panels);

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  const float status_h = ImGui::GetFrameHeight() + 0.5f * em;
  const float menu_h = ImGui::GetFrameHeight();  // the main menu bar's height
  const float x = vp->Pos.x, y = vp->Pos.y + menu_h;
  const float w = vp->Size.x, h = vp->Size.y - menu_h - status_h;

  bool has[4] = {false, false, false, false};
  for (const auto& p : panels.panels())
    if (p->visible() && (!ctx.wallMode() || p->wallSafe())) has[static_cast<int>(p->slot())] = true;
  const DashboardLayout l = computeLayout(x, y, w, h, has[0], has[1], has[2], has[3], em);
  drawSlot(ctx, panels, PanelSlot::Left, l.left);
  drawSlot(ctx, panels, PanelSlot::Centre, l.centre);
  drawSlot(ctx, panels, PanelSlot::Right, l.right);
  drawSlot(ctx, panels, PanelSlot::Bottom, l.bottom);
  if (!has[0] && !has[1] && !has[2] && !has[3]) {
    ImGui::SetNextWindowPos(ImVec2(x, y));
    ImGui::SetNextWindowSize(ImVec2(w, h));
    ImGui::Begin("##empty", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::TextDisabled("Every panel is hidden. Open one from the View menu.");
    ImGui::End();
  }

  drawStatusLine(ctx, vp->Pos.y + vp->Size.y - status_h, w, status_h);
  drawAbout(ctx);
  m_exerciseNotice.draw(ctx);
  m_quickEntry.draw(ctx);
  if (ctx.ui.show_imgui_metrics) ImGui::ShowMetricsWindow(&ctx.ui.show_imgui_metrics);
}

void Dashboard::drawMenuBar(AppContext& ctx, PanelRegistry& panels) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    drawFormExportMenus(ctx, m_exportSensitive);
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) ctx.ui.request_quit = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    for (const auto& p : panels.panels()) ImGui::MenuItem(p->name(), nullptr, p->visibleFlag());
    ImGui::Separator();
    if (ImGui::BeginMenu("Theme")) {
      for (ThemeKind k : {ThemeKind::Operator, ThemeKind::Wall})
        if (ImGui::MenuItem(themeName(k), nullptr, ctx.theme == k)) ctx.ui.theme_request = k;
      ImGui::EndMenu();
    }
    ImGui::MenuItem("Show sensitive contacts", nullptr, &ctx.ui.show_sensitive, !ctx.wallMode());
    ImGui::Separator();
    ImGui::MenuItem("ImGui metrics", nullptr, &ctx.ui.show_imgui_metrics);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Present")) {
    if (ImGui::MenuItem("Wall display on this screen", "F11")) setPresenting(ctx, true);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    if (ImGui::MenuItem("About Liaison")) ctx.ui.show_about = true;
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
  ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl && ImGui::IsKeyPressed('Q', false)) ctx.ui.request_quit = true;
}

void Dashboard::drawSlot(AppContext& ctx, PanelRegistry& panels, PanelSlot slot,
                         const SlotRect& r) {
  if (!r.used) return;
  std::vector<Panel*> here;
  for (const auto& p : panels.panels())
    if (p->slot() == slot && p->visible() && (!ctx.wallMode() || p->wallSafe()))
      here.push_back(p.get());
  if (here.empty()) return;

  char id[32];
  std::snprintf(id, sizeof id, "##slot%d", static_cast<int>(slot));
  ImGui::SetNextWindowPos(ImVec2(r.x, r.y));
  ImGui::SetNextWindowSize(ImVec2(r.w, r.h));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus |
                                 ImGuiWindowFlags_NoSavedSettings;
  if (ImGui::Begin(id, nullptr, flags)) {
    if (ImGui::BeginTabBar("##tabs", ImGuiTabBarFlags_FittingPolicyScroll)) {
      for (Panel* p : here) {
        bool* open = ctx.wallMode() ? nullptr : p->visibleFlag();
        const ImGuiTabItemFlags tabFlags =
            p->wantsFocus(ctx) ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
        if (ImGui::BeginTabItem(p->name(), open, tabFlags)) {
          ImGui::BeginChild("##content", ImVec2(0, 0), false);
          p->drawContent(ctx);
          ImGui::EndChild();
          ImGui::EndTabItem();
        }
      }
      ImGui::EndTabBar();
    }
  }
  ImGui::End();
}

void Dashboard::drawStatusLine(AppContext& ctx, float y, float w, float h) {
  const Theme& theme = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(ImGui::GetMainViewport()->Pos.x, y));
  ImGui::SetNextWindowSize(ImVec2(w, h));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, theme.status_bg);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.6f * em, 0.25f * em));
  ImGui::Begin("##status", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoFocusOnAppearing);
  const core::Snapshot* s = ctx.snapshot.get();
  ImGui::AlignTextToFramePadding();

  if (s && s->isExercise()) {
    // A filled banner: nobody may mistake an exercise for a real incident.
    const char* label = " EXERCISE ";
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 size = ImGui::CalcTextSize(label);
    const float pad = 0.3f * em;
    const float top = ImGui::GetWindowPos().y, bottom = top + ImGui::GetWindowHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x - pad, top),
                                              ImVec2(p.x + size.x + pad, bottom),
                                              ImGui::GetColorU32(theme.exercise_bg));
    if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextColored(theme.exercise_fg, "%s", label);
    if (ctx.fonts.bold) ImGui::PopFont();
    ImGui::SameLine(0, 1.0f * em);
  }

  const core::Incident* inc = s ? s->mainIncident() : nullptr;
  if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted(inc ? inc->name.c_str() : "No incident");
  if (ctx.fonts.bold) ImGui::PopFont();
  ImGui::SameLine(0, 1.5f * em);
  ImGui::TextColored(theme.text_muted, "%s%s", ctx.workspace_label.c_str(),
                     ctx.read_only ? " (read-only)" : "");
  ImGui::SameLine(0, 1.5f * em);
  ImGui::TextColored(theme.text_muted, "version %llu",
                     static_cast<unsigned long long>(s ? s->version : 0));
  ImGui::SameLine(0, 1.5f * em);
  ImGui::TextColored(theme.text_muted, "journal %llu",
                     static_cast<unsigned long long>(s ? s->journal_length : 0));
  if (ctx.last_reload.time_since_epoch().count() != 0) {
    // When the picture was last read from the workspace: a follower must never look fresher
    // than it is.
    const std::time_t t = std::chrono::system_clock::to_time_t(ctx.last_reload);
    std::tm lt{};
    gmtime_r(&t, &lt);
    char read_at[32];
    std::strftime(read_at, sizeof read_at, "read %H:%M:%SZ", &lt);
    ImGui::SameLine(0, 1.5f * em);
    ImGui::TextColored(theme.text_muted, "%s", read_at);
  }
  if (!ctx.status_message.empty()) {
    ImGui::SameLine(0, 1.5f * em);
    ImGui::TextColored(theme.warn, "%s", ctx.status_message.c_str());
  }

  // The one clock (AppContext::present): the exercise clock during a drill, marked so.
  const std::string clock_text = operationalClockText(
      ctx.present, ctx.snapshot ? core::incidentZone(*ctx.snapshot) : std::string());
  const char* clock = clock_text.c_str();
  const float cw = ImGui::CalcTextSize(clock).x;
  // Right-aligned; on a narrow window the clock gives way rather than overlap.
  const float used = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + em;
  const float clock_x = ImGui::GetWindowContentRegionMax().x - cw;
  if (used <= clock_x) {
    ImGui::SameLine(clock_x);
    if (ctx.present.mode == core::ClockMode::Live)
      ImGui::TextUnformatted(clock);
    else
      ImGui::TextColored(theme.warn, "%s", clock);
  }

  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

void Dashboard::drawAbout(AppContext& ctx) {
  if (ctx.ui.show_about) {
    ImGui::OpenPopup("About Liaison");
    ctx.ui.show_about = false;
  }
  if (ImGui::BeginPopupModal("About Liaison", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::Text("Liaison %s", LIAISON_VERSION);
    ImGui::TextDisabled("An operations dashboard for liaison officers.");
    ImGui::Text("Dear ImGui %s", ImGui::GetVersion());
    if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

}  // namespace liaison::app
