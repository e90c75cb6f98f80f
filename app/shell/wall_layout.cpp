#include "wall_layout.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>

#include "core/model/time_zone.hpp"
#include "core/store/store.hpp"
#include "app/wall/legibility.hpp"
#include "theme.hpp"
#include "wall_text.hpp"

namespace liaison::app {
namespace {

constexpr ImGuiWindowFlags kPaneFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoFocusOnAppearing |
    ImGuiWindowFlags_NoNav;

bool beginRegion(const char* id, float x, float y, float w, float h, const ImVec4& bg) {
  ImGui::SetNextWindowPos(ImVec2(x, y));
  ImGui::SetNextWindowSize(ImVec2(std::max(w, 1.0f), std::max(h, 1.0f)));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, bg);
  const bool open = ImGui::Begin(id, nullptr, kPaneFlags);
  ImGui::PopStyleColor();
  return open;
}

ImVec4 withAlpha(ImVec4 c, float a) {
  c.w = a;
  return c;
}

// Which change kind a pane highlights (by the registry names of the panels it shows).
std::optional<ChangeKind> paneChangeKind(const WallPane& pane) {
  if (!pane.panel) return ChangeKind::TaskStatus;
  const char* n = pane.panel->name();
  if (std::strcmp(n, "Network") == 0) return ChangeKind::ChannelStatus;
  if (std::strcmp(n, "Timeline") == 0 || std::strcmp(n, "Activity log") == 0)
    return ChangeKind::NewEvent;
  if (std::strcmp(n, "Task board") == 0) return ChangeKind::TaskStatus;
  return std::nullopt;
}

}  // namespace

const char* wallLayoutName(WallLayoutKind kind) {
  switch (kind) {
    case WallLayoutKind::Quad:
      return "quad";
    case WallLayoutKind::Focus:
      return "focus";
    case WallLayoutKind::Rotate:
      return "rotate";
  }
  return "quad";
}

std::optional<WallLayoutKind> parseWallLayout(std::string_view text) {
  for (WallLayoutKind k : {WallLayoutKind::Quad, WallLayoutKind::Focus, WallLayoutKind::Rotate})
    if (text == wallLayoutName(k)) return k;
  return std::nullopt;
}

std::vector<WallPane> pickWallPanes(const PanelRegistry& panels) {
  std::vector<WallPane> out;
  std::vector<const Panel*> used;
  auto take = [&](Panel* p) {
    out.push_back({p->name(), p});
    used.push_back(p);
  };
  auto spare = [&]() -> Panel* {
    // Prefer panels that are pictures over lists; the directory last.
    Panel* fallback = nullptr;
    for (const auto& p : panels.panels()) {
      if (!p->wallSafe() || std::find(used.begin(), used.end(), p.get()) != used.end()) continue;
      if (std::strcmp(p->name(), "Directory") == 0 || std::strcmp(p->name(), "Task board") == 0) {
        if (!fallback) fallback = p.get();
        continue;
      }
      return p.get();
    }
    return fallback;
  };
  for (const char* name : {"Network", "Map", "Timeline"}) {
    Panel* p = panels.byName(name);
    if (p && p->wallSafe()) take(p);
  }
  // Fill what is missing among the first three with other wall-safe panels.
  while (out.size() < 3)
    if (Panel* p = spare())
      take(p);
    else
      break;
  out.push_back({WallLayout::kTaskSummaryTitle, nullptr});
  return out;
}

int WallLayout::shownPane(double time_s, int pane_count) const {
  if (pane_count <= 0) return 0;
  if (m_kind != WallLayoutKind::Rotate) return std::clamp(m_focus, 0, pane_count - 1);
  const double elapsed = std::max(0.0, time_s - m_rotateStart);
  const int step = static_cast<int>(elapsed / m_rotateSeconds);
  return (m_focus + step) % pane_count;
}

void WallLayout::handleKeys(int pane_count, double time_s) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl || io.KeyAlt || io.KeySuper || pane_count <= 0) return;
  for (int i = 0; i < std::min(pane_count, 4); ++i)
    if (ImGui::IsKeyPressed('1' + i, false)) {
      m_focus = i;
      m_rotateStart = time_s;
    }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Tab), false) ||
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) {
    m_focus = (shownPane(time_s, pane_count) + (io.KeyShift ? pane_count - 1 : 1)) % pane_count;
    m_rotateStart = time_s;
  }
  if (ImGui::IsKeyPressed('L', false)) {
    m_kind = static_cast<WallLayoutKind>((static_cast<int>(m_kind) + 1) % 3);
    m_rotateStart = time_s;
  }
  if (m_workstation && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
    m_leave = true;
}

void WallLayout::drawFrame(AppContext& ctx, const PanelRegistry& panels, double time_s) {
  const std::vector<WallPane> panes = pickWallPanes(panels);
  const int n = static_cast<int>(panes.size());
  handleKeys(n, time_s);
  const core::TimeUtc now = stationNow(ctx, core::nowUtc()).time;
  if (ctx.snapshot) {
    m_changes.update(ctx.snapshot, time_s);
    m_figures.update(*ctx.snapshot, now, ctx.analysis.get());
  }
  if (m_readError.empty() && ctx.last_reload.time_since_epoch().count() != 0)
    m_lastGoodRead = std::chrono::system_clock::to_time_t(ctx.last_reload);

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  const float x = vp->Pos.x, y = vp->Pos.y, w = vp->Size.x, h = vp->Size.y;
  // Tight bands: at the back of a large room the text is large and every line counts.
  const float header_h = 2.0f * em;
  const float strip_h = 1.3f * em;
  const float status_h = 1.2f * em;
  const float gap = 0.25f * em;
  drawHeader(ctx, x, y, w, header_h);
  drawChangeStrip(ctx, x, y + header_h, w, strip_h, time_s);
  drawStatusLine(ctx, x, y + h - status_h, w, status_h);
  const float by = y + header_h + strip_h + gap;
  const float bh = h - (by - y) - status_h - gap;
  if (ctx.show_legibility) drawLegibility(ctx, x, y, w, h);
  if (!m_readError.empty() || !ctx.snapshot) {
    drawErrorBody(ctx, x, by, w, bh);
    return;
  }
  // A quad whose panes cannot hold a few lines at the room's size (a far room, a small panel)
  // is drawn as focus instead, and the status line says so: never smaller text.
  m_drawn = m_kind;
  if (m_kind == WallLayoutKind::Quad && (bh - gap) * 0.58f < 5.0f * em)
    m_drawn = WallLayoutKind::Focus;
  switch (m_drawn) {
    case WallLayoutKind::Quad: {
      // The pictures (network, map) on top get more of the height than the lists below.
      const float pw = (w - gap) / 2, top_h = (bh - gap) * 0.58f, low_h = bh - gap - top_h;
      for (int i = 0; i < std::min(n, 4); ++i)
        drawPane(ctx, panes[static_cast<std::size_t>(i)], i,
                 x + static_cast<float>(i % 2) * (pw + gap), i < 2 ? by : by + top_h + gap, pw,
                 i < 2 ? top_h : low_h, time_s, i == m_focus);
      break;
    }
    case WallLayoutKind::Focus: {
      const float fw = std::min(std::max(w * 0.26f, 8.0f * em), w * 0.45f);
      const int i = shownPane(time_s, n);
      drawPane(ctx, panes[static_cast<std::size_t>(i)], i, x, by, w - fw - gap, bh, time_s, false);
      drawFigures(ctx, x + w - fw, by, fw, bh);
      break;
    }
    case WallLayoutKind::Rotate: {
      const int i = shownPane(time_s, n);
      m_paneNote = "next: " + panes[static_cast<std::size_t>((i + 1) % n)].title;
      drawPane(ctx, panes[static_cast<std::size_t>(i)], i, x, by, w, bh, time_s, false);
      m_paneNote.clear();
      // How long until the next pane: a thin bar along the bottom edge.
      const double phase =
          std::fmod(std::max(0.0, time_s - m_rotateStart), m_rotateSeconds) / m_rotateSeconds;
      ImDrawList* fg = ImGui::GetForegroundDrawList();
      fg->AddRectFilled(ImVec2(x, by + bh - 0.15f * em),
                        ImVec2(x + w * static_cast<float>(phase), by + bh),
                        ImGui::GetColorU32(themeData(ctx.theme).accent));
      break;
    }
  }
}

namespace {

// text shortened with "..." to at most width pixels in the current font (never half a UTF-8
// character); the whole text when it fits.
std::string fitText(std::string text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  while (text.size() > 1 && ImGui::CalcTextSize((text + "...").c_str()).x > width) {
    text.pop_back();
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80)
      text.pop_back();
  }
  return text + "...";
}

}  // namespace

void WallLayout::drawHeader(AppContext& ctx, float x, float y, float w, float h) {
  const Theme& theme = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  if (beginRegion("##wall_header", x, y, w, h, theme.background)) {
    const core::Snapshot* s = ctx.snapshot.get();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // The one clock: during a drill the exercise's time (marked EXERCISE TIME), after the
    // incident its end, else now. It is placed first; the incident's name gets what is left.
    const core::OperationalNow op = stationNow(ctx, core::nowUtc());
    const bool drill = op.mode == core::ClockMode::Exercise;
    std::string period = drill ? std::string() : std::string("No current operational period");
    if (s)
      for (const auto& p : s->periods)
        if (p.start <= op.time && op.time < p.end) {
          period = "Op period " + std::to_string(p.number) + "  " + formatUtc(p.start, false) +
                   "\xE2\x80\x93" + formatUtc(p.end, false);
          break;
        }
    const std::string zone = s ? core::incidentZone(*s) : std::string();
    const std::string utc = formatUtc(op.time, false);
    const std::string local =
        op.mode == core::ClockMode::Live
            ? core::formatLocal(op.time, zone, "%H:%M %Z")  // the incident's zone, never the PC's
            : op.label() + (zone.empty() ? std::string()
                                         : "  " + core::formatLocal(op.time, zone, "%H:%M %Z"));
    if (ctx.fonts.large) ImGui::PushFont(ctx.fonts.large);
    const float wu = ImGui::CalcTextSize(utc.c_str()).x;
    const float line = ImGui::GetTextLineHeight();
    if (ctx.fonts.large) ImGui::PopFont();
    const float wl = ImGui::CalcTextSize(local.c_str()).x;
    const float right = w - 0.6f * em;

    // Left: the EXERCISE banner, filled, full height: nobody may mistake a drill for the real
    // thing.
    if (ctx.fonts.large) ImGui::PushFont(ctx.fonts.large);
    ImGui::SetCursorPosY((h - line) / 2);
    if (s && s->isExercise()) {
      const char* label = "EXERCISE";
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const ImVec2 size = ImGui::CalcTextSize(label);
      dl->AddRectFilled(ImVec2(x, y), ImVec2(p.x + size.x + 0.6f * em, y + h),
                        ImGui::GetColorU32(theme.exercise_bg));
      wallText(label, theme.exercise_fg);
      ImGui::SameLine(0, 1.0f * em);
    }
    // Then, right to left: the time in large type, what the clock is (or the local time),
    // the incident's name in what is left, the operational period where there is room.
    const float start = ImGui::GetCursorScreenPos().x - x;
    // The mode is drawn in body type (the large font is pushed here).
    ImFont* body = ctx.fonts.regular ? ctx.fonts.regular : ImGui::GetFont();
    auto bodyW = [&](const std::string& t) {
      return body->CalcTextSizeA(em, FLT_MAX, 0, t.c_str()).x;
    };
    std::string mode = local;
    if (right - wu - 0.8f * em - bodyW(mode) < start)
      mode = op.label();  // "EXERCISE TIME" without the local time
    float wm = mode.empty() ? 0.0f : bodyW(mode);
    if (right - wu - 0.8f * em - wm < start) mode.clear(), wm = 0;
    const float clocks = wu + (mode.empty() ? 0.0f : 0.8f * em + wm);
    const float name_room = right - clocks - 1.0f * em - start;
    const core::Incident* inc = s ? s->mainIncident() : nullptr;
    const std::string name = inc ? inc->name : std::string("No incident");
    const bool show_name = name_room > 2.0f * em;
    if (show_name) wallText(fitText(name, name_room), theme.text);
    if (ctx.fonts.large) ImGui::PopFont();
    float used = show_name ? ImGui::GetItemRectMax().x - x + 0.8f * em : start;
    float cx = right - wu;
    ImGui::SameLine(cx);
    if (ctx.fonts.large) ImGui::PushFont(ctx.fonts.large);
    ImGui::SetCursorPosY((h - ImGui::GetTextLineHeight()) / 2);
    wallText(utc, drill ? theme.exercise_bg : theme.accent);
    if (ctx.fonts.large) ImGui::PopFont();
    if (!mode.empty()) {
      cx -= wm + 0.8f * em;
      ImGui::SameLine(cx);
      ImGui::SetCursorPosY((h - ImGui::GetTextLineHeight()) / 2);
      wallText(mode, drill ? theme.warn : theme.text_muted);
      const float wp = ImGui::CalcTextSize(period.c_str()).x;
      cx -= wp + 1.2f * em;
      if (!period.empty() && cx > used) {
        ImGui::SameLine(cx);
        ImGui::SetCursorPosY((h - ImGui::GetTextLineHeight()) / 2);
        wallText(period, theme.text);
      }
    }
    (void)wl;
    (void)used;
    dl->AddLine(ImVec2(x, y + h - 1), ImVec2(x + w, y + h - 1), ImGui::GetColorU32(theme.border),
                std::max(1.0f, 0.08f * em));
  }
  ImGui::End();
}

void WallLayout::drawChangeStrip(AppContext& ctx, float x, float y, float w, float h,
                                 double time_s) {
  const Theme& theme = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  if (beginRegion("##wall_changes", x, y, w, h, theme.background)) {
    ImGui::SetCursorPosY((h - ImGui::GetTextLineHeight()) / 2);
    // Right: when the data was last loaded, so nobody trusts a picture older than it looks.
    const std::string loaded =
        m_lastGoodRead ? "data loaded " + formatUtc(m_lastGoodRead, true) : std::string();
    const float loaded_w = ImGui::CalcTextSize(loaded.c_str()).x;
    const auto& recent = m_changes.recent();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (recent.empty()) {
      wallText("Latest changes: none since the wall started", theme.text_muted);
    } else {
      wallText("Latest:", theme.text_muted);
      // The newest changes, as many as fit on the line.
      const float limit = x + w - loaded_w - 2.0f * em;
      for (std::size_t i = 0; i < recent.size() && i < 3; ++i) {
        const auto& seen = recent[i];
        const bool fresh = time_s - seen.at < ChangeTracker::kHighlightSeconds;
        std::string line = seen.change.text;
        if (line.size() > 70) line = line.substr(0, 67) + "...";
        const float tw = ImGui::CalcTextSize(line.c_str()).x + (fresh ? 3.0f * em : 0);
        ImGui::SameLine(0, 1.2f * em);
        if (ImGui::GetCursorScreenPos().x + tw > limit) break;
        if (fresh) {
          const ImVec2 p = ImGui::GetCursorScreenPos();
          const ImVec2 sz = ImGui::CalcTextSize("NEW");
          const float pulse = 0.5f + 0.5f * static_cast<float>(std::cos(time_s * 6.0));
          dl->AddRectFilled(ImVec2(p.x - 0.2f * em, p.y - 0.1f * em),
                            ImVec2(p.x + sz.x + 0.2f * em, p.y + sz.y + 0.1f * em),
                            ImGui::GetColorU32(withAlpha(theme.accent, 0.55f + 0.45f * pulse)));
          wallText("NEW", theme.background);
          ImGui::SameLine(0, 0.6f * em);
        }
        wallText(line, seen.change.alarming ? theme.danger : fresh ? theme.accent : theme.text);
      }
    }
    if (!loaded.empty() && ImGui::GetItemRectMax().x + em < x + w - loaded_w - 0.6f * em) {
      ImGui::SameLine(w - loaded_w - 0.6f * em);
      wallText(loaded, theme.text_muted);
    }
  }
  ImGui::End();
}

void WallLayout::drawPane(AppContext& ctx, const WallPane& pane, int index, float x, float y,
                          float w, float h, double time_s, bool focused) {
  const Theme& theme = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  char id[32];
  std::snprintf(id, sizeof id, "##wall_pane%d", index);
  const std::optional<ChangeKind> kind = paneChangeKind(pane);
  double pulse = 0;
  if (kind) {
    pulse = m_changes.pulse(*kind, time_s);
    if (*kind == ChangeKind::TaskStatus)
      pulse = std::max(pulse, m_changes.pulse(ChangeKind::NewTask, time_s));
  }
  if (beginRegion(id, x, y, w, h, theme.panel)) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec4 border = pulse > 0 ? theme.accent : focused ? theme.text_muted : theme.border;
    const float thick = (pulse > 0 ? 0.25f : 0.08f) * em;
    if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
    char title[64];
    std::snprintf(title, sizeof title, "%d  %s", index + 1, pane.title.c_str());
    wallText(title, theme.text);
    if (pulse > 0) {
      ImGui::SameLine(0, 0.8f * em);
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const ImVec2 sz = ImGui::CalcTextSize("NEW");
      dl->AddRectFilled(ImVec2(p.x - 0.2f * em, p.y), ImVec2(p.x + sz.x + 0.2f * em, p.y + sz.y),
                        ImGui::GetColorU32(theme.accent));
      wallText("NEW", theme.background);
    }
    if (ctx.fonts.bold) ImGui::PopFont();
    if (!m_paneNote.empty()) {
      ImGui::SameLine(0, 1.2f * em);
      wallText(m_paneNote, theme.text_muted);
    }
    // No scroll bars: the wall is not scrolled; what does not fit is counted by the pane.
    ImGui::BeginChild("##content", ImVec2(0, 0), false,
                      ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollbar |
                          ImGuiWindowFlags_NoScrollWithMouse);
    if (pane.panel)
      pane.panel->drawContent(ctx);
    else
      drawTaskSummary(ctx, m_figures, stationNow(ctx, core::nowUtc()).time, true, pulse);
    ImGui::EndChild();
    // The border last, over the content; a fresh change pulses it.
    const float a = pulse > 0 ? 0.6f + 0.4f * static_cast<float>(std::cos(time_s * 6.0)) : 1.0f;
    ImGui::GetForegroundDrawList()->AddRect(ImVec2(x + thick / 2, y + thick / 2),
                                            ImVec2(x + w - thick / 2, y + h - thick / 2),
                                            ImGui::GetColorU32(withAlpha(border, a)), 0, 0, thick);
  }
  ImGui::End();
}

void WallLayout::drawFigures(AppContext& ctx, float x, float y, float w, float h) {
  const Theme& theme = themeData(ctx.theme);
  if (beginRegion("##wall_figures", x, y, w, h, theme.panel)) {
    drawKeyFigureColumn(ctx, m_figures, w);
  }
  ImGui::End();
}

void WallLayout::drawStatusLine(AppContext& ctx, float x, float y, float w, float h) {
  const Theme& theme = themeData(ctx.theme);
  if (beginRegion("##wall_status", x, y, w, h, theme.background)) {
    ImGui::SetCursorPosY((h - ImGui::GetTextLineHeight()) / 2);
    const wall::Room room = ctx.wall_room.value_or(wall::Room{});
    std::string line = wall::roomStatus(room);
    if (m_drawn != m_kind) line += "; quad too small here: focus shown";
    // On a narrow wall the hint in brackets goes first: the numbers are what matter.
    if (ImGui::CalcTextSize(line.c_str()).x > w - ImGui::GetFontSize()) {
      char buf[96];
      std::snprintf(buf, sizeof buf, "%g m, %g in%s%s", room.distance_m, room.diagonal_in,
                    room.assumed_distance || room.assumed_diagonal ? " (assumed)" : "",
                    m_drawn != m_kind ? "; focus shown" : "");
      line = buf;
    }
    wallText(line, room.assumed_distance || room.assumed_diagonal ? theme.warn : theme.text_muted);
  }
  ImGui::End();
}

std::vector<WallTextSize> WallLayout::textSizes(const AppContext& ctx, float screen_w,
                                                float screen_h) {
  std::vector<WallTextSize> out;
  const wall::Room room = ctx.wall_room.value_or(wall::Room{});
  const double pitch = wall::pixelPitchMm(room.diagonal_in, static_cast<int>(screen_w),
                                          static_cast<int>(screen_h));
  auto add = [&](const char* what, float px) {
    if (px > 0) out.push_back({what, px, wall::fontArcMinutes(px, pitch, room.distance_m)});
  };
  const float body = ctx.fonts.regular ? ctx.fonts.regular->FontSize : ImGui::GetFontSize();
  add("Body", body);
  if (ctx.fonts.bold && ctx.fonts.bold != ctx.fonts.regular) add("Titles", ctx.fonts.bold->FontSize);
  if (ctx.fonts.large) add("Headline", ctx.fonts.large->FontSize);
  add("Keys and legends", body * wall::kSmallTextFactor);
  return out;
}

void WallLayout::drawLegibility(AppContext& ctx, float x, float y, float w, float h) {
  const Theme& theme = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  const auto sizes = textSizes(ctx, w, h);
  std::vector<std::string> lines;
  for (const auto& t : sizes) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s %.0f px = %.1f'", t.what, static_cast<double>(t.px),
                  t.arcmin);
    lines.emplace_back(buf);
  }
  float tw = 0;
  for (const auto& l : lines) tw = std::max(tw, ImGui::CalcTextSize(l.c_str()).x);
  const float lh = ImGui::GetTextLineHeight();
  const float bw = tw + 0.8f * em, bh = lh * static_cast<float>(lines.size()) + 0.6f * em;
  const float bx = x + w - bw - 0.3f * em, by = y + h - bh - 1.4f * em;
  ImDrawList* fg = ImGui::GetForegroundDrawList();
  fg->AddRectFilled(ImVec2(bx, by), ImVec2(bx + bw, by + bh), ImGui::GetColorU32(theme.panel));
  fg->AddRect(ImVec2(bx, by), ImVec2(bx + bw, by + bh), ImGui::GetColorU32(theme.accent), 0, 0,
              std::max(1.0f, 0.08f * em));
  for (std::size_t i = 0; i < lines.size(); ++i)
    fg->AddText(ImVec2(bx + 0.4f * em, by + 0.3f * em + lh * static_cast<float>(i)),
                ImGui::GetColorU32(theme.text), lines[i].c_str());
}

void WallLayout::drawErrorBody(AppContext& ctx, float x, float y, float w, float h) {
  const Theme& theme = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  if (beginRegion("##wall_error", x, y, w, h, theme.background)) {
    ImGui::GetWindowDrawList()->AddRect(ImVec2(x + 0.2f * em, y + 0.2f * em),
                                        ImVec2(x + w - 0.2f * em, y + h - 0.2f * em),
                                        ImGui::GetColorU32(theme.danger), 0, 0, 0.3f * em);
    ImGui::SetCursorPos(ImVec2(1.5f * em, h * 0.3f));
    drawReadError(ctx, m_readError.empty() ? std::string("No snapshot loaded") : m_readError,
                  m_lastGoodRead);
  }
  ImGui::End();
}

}  // namespace liaison::app
