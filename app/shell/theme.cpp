#include "theme.hpp"

#include <algorithm>

namespace liaison::app {
namespace {

ImVec4 rgb(int r, int g, int b, int a = 255) {
  return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, a / 255.0f);
}

Theme makeOperator() {
  Theme t;
  t.kind = ThemeKind::Operator;
  t.name = "operator";
  t.font_px = 16.0f;
  t.large_factor = 1.35f;
  t.background = rgb(22, 26, 31);
  t.panel = rgb(29, 34, 41);
  t.text = rgb(226, 232, 240);
  t.text_muted = rgb(139, 150, 165);
  t.border = rgb(52, 60, 72);
  t.accent = rgb(88, 166, 255);
  t.accent_soft = rgb(40, 74, 115);
  t.header_bg = rgb(46, 64, 89);
  t.row_alt = rgb(255, 255, 255, 9);
  t.ok = rgb(86, 196, 120);
  t.warn = rgb(240, 180, 60);
  t.danger = rgb(240, 90, 90);
  t.exercise_bg = rgb(214, 120, 20);
  t.exercise_fg = rgb(20, 20, 20);
  t.status_bg = rgb(16, 19, 23);
  return t;
}

Theme makeWall() {
  Theme t;
  t.kind = ThemeKind::Wall;
  t.name = "wall";
  t.font_px = 28.0f;
  t.min_font_screen_fraction = 1.0f / 40.0f;
  t.large_factor = 1.5f;
  t.rounding_em = 0.15f;
  t.background = rgb(0, 0, 0);
  t.panel = rgb(8, 8, 8);
  t.text = rgb(255, 255, 255);
  t.text_muted = rgb(200, 200, 200);
  t.border = rgb(140, 140, 140);
  t.accent = rgb(255, 214, 0);
  t.accent_soft = rgb(90, 75, 0);
  t.header_bg = rgb(0, 51, 102);
  t.row_alt = rgb(255, 255, 255, 18);
  t.ok = rgb(0, 230, 118);
  t.warn = rgb(255, 196, 0);
  t.danger = rgb(255, 64, 64);
  t.exercise_bg = rgb(255, 140, 0);
  t.exercise_fg = rgb(0, 0, 0);
  t.status_bg = rgb(0, 0, 0);
  return t;
}

}  // namespace

const Theme& themeData(ThemeKind kind) {
  // Immutable tables, built once; not UI state.
  static const Theme kOperator = makeOperator();
  static const Theme kWall = makeWall();
  return kind == ThemeKind::Wall ? kWall : kOperator;
}

const char* themeName(ThemeKind kind) {
  return themeData(kind).name;
}

float fontPixels(const Theme& theme, float scale, float screen_height) {
  float px = theme.font_px * std::max(scale, 0.25f);
  if (theme.min_font_screen_fraction > 0 && screen_height > 0)
    px = std::max(px, screen_height * theme.min_font_screen_fraction);
  return std::clamp(px, 8.0f, 160.0f);
}

void applyTheme(const Theme& t, float font_px) {
  ImGuiStyle& s = ImGui::GetStyle();
  s = ImGuiStyle();
  const float em = font_px;
  s.WindowPadding = ImVec2(0.6f * em, 0.5f * em);
  s.FramePadding = ImVec2(0.45f * em, 0.25f * em);
  s.CellPadding = ImVec2(0.4f * em, 0.22f * em);
  s.ItemSpacing = ImVec2(0.5f * em, 0.35f * em);
  s.ItemInnerSpacing = ImVec2(0.35f * em, 0.25f * em);
  s.IndentSpacing = 1.2f * em;
  s.ScrollbarSize = 0.8f * em;
  s.GrabMinSize = 0.6f * em;
  s.TabRounding = s.FrameRounding = s.GrabRounding = s.PopupRounding = t.rounding_em * em;
  s.WindowRounding = 0.0f;
  s.ScrollbarRounding = 0.5f * em;
  s.WindowBorderSize = 0.0f;
  s.FrameBorderSize = t.kind == ThemeKind::Wall ? 1.0f : 0.0f;
  s.TabBorderSize = 0.0f;
  s.WindowMenuButtonPosition = ImGuiDir_None;

  ImVec4* c = s.Colors;
  auto mix = [](ImVec4 a, ImVec4 b, float f) {
    return ImVec4(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f, a.z + (b.z - a.z) * f,
                  a.w + (b.w - a.w) * f);
  };
  c[ImGuiCol_Text] = t.text;
  c[ImGuiCol_TextDisabled] = t.text_muted;
  c[ImGuiCol_WindowBg] = t.panel;
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_PopupBg] = mix(t.panel, t.text, 0.06f);
  c[ImGuiCol_Border] = t.border;
  c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_FrameBg] = mix(t.panel, t.text, 0.08f);
  c[ImGuiCol_FrameBgHovered] = mix(t.panel, t.text, 0.13f);
  c[ImGuiCol_FrameBgActive] = mix(t.panel, t.accent, 0.25f);
  c[ImGuiCol_TitleBg] = t.background;
  c[ImGuiCol_TitleBgActive] = t.background;
  c[ImGuiCol_TitleBgCollapsed] = t.background;
  c[ImGuiCol_MenuBarBg] = t.background;
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = mix(t.panel, t.text, 0.2f);
  c[ImGuiCol_ScrollbarGrabHovered] = mix(t.panel, t.text, 0.3f);
  c[ImGuiCol_ScrollbarGrabActive] = t.accent_soft;
  c[ImGuiCol_CheckMark] = t.accent;
  c[ImGuiCol_SliderGrab] = t.accent;
  c[ImGuiCol_SliderGrabActive] = t.accent;
  c[ImGuiCol_Button] = mix(t.panel, t.text, 0.10f);
  c[ImGuiCol_ButtonHovered] = t.accent_soft;
  c[ImGuiCol_ButtonActive] = mix(t.accent_soft, t.accent, 0.4f);
  c[ImGuiCol_Header] = t.accent_soft;
  c[ImGuiCol_HeaderHovered] = mix(t.accent_soft, t.accent, 0.25f);
  c[ImGuiCol_HeaderActive] = mix(t.accent_soft, t.accent, 0.45f);
  c[ImGuiCol_Separator] = t.border;
  c[ImGuiCol_SeparatorHovered] = t.accent;
  c[ImGuiCol_SeparatorActive] = t.accent;
  c[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ResizeGripHovered] = t.accent_soft;
  c[ImGuiCol_ResizeGripActive] = t.accent;
  c[ImGuiCol_Tab] = t.background;
  c[ImGuiCol_TabHovered] = t.accent_soft;
  c[ImGuiCol_TabActive] = mix(t.panel, t.accent, 0.18f);
  c[ImGuiCol_TabUnfocused] = t.background;
  c[ImGuiCol_TabUnfocusedActive] = mix(t.panel, t.accent, 0.12f);
  c[ImGuiCol_TableHeaderBg] = t.header_bg;
  c[ImGuiCol_TableBorderStrong] = t.border;
  c[ImGuiCol_TableBorderLight] = mix(t.panel, t.border, 0.6f);
  c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_TableRowBgAlt] = t.row_alt;
  c[ImGuiCol_TextSelectedBg] = t.accent_soft;
  c[ImGuiCol_NavHighlight] = t.accent;
  c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.6f);
}

}  // namespace liaison::app
