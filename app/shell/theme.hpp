// The two looks of the dashboard: "operator" (dark, comfortable for a long shift at a desk) and
// "wall" (high contrast, large type, read from five metres). Panels take their semantic
// colours from here instead of hard-coding them, so both themes stay consistent.
#pragma once

#include <imgui.h>

#include "app_context.hpp"

namespace liaison::app {

struct Theme {
  ThemeKind kind = ThemeKind::Operator;
  const char* name = "operator";
  float font_px = 16.0f;               // body text at scale 1
  float min_font_screen_fraction = 0;  // wall: text at least this fraction of the screen height
  float large_factor = 1.4f;           // headings and banners, relative to body text
  float rounding_em = 0.25f;

  ImVec4 background, panel, text, text_muted, border;
  ImVec4 accent, accent_soft;
  ImVec4 header_bg;  // table headers; the GUI test looks for this exact colour
  ImVec4 row_alt;
  ImVec4 ok, warn, danger;
  ImVec4 exercise_bg, exercise_fg;  // the EXERCISE banner
  ImVec4 status_bg;
};

const Theme& themeData(ThemeKind kind);
const char* themeName(ThemeKind kind);

// Body text size in pixels for a theme, content scale x --scale, and screen height (pixels).
float fontPixels(const Theme& theme, float scale, float screen_height);

// Colours and em-based sizes into ImGui's style (resets the style first).
void applyTheme(const Theme& theme, float font_px);

}  // namespace liaison::app
