// How big the wall's text must be for the room: visual angle, not a fraction of the screen.
// Control-room ergonomics (NUREG-0700 section 1.3.1, the public counterpart of ISO 11064;
// ISO 9241-3 agrees) give character height as the angle a capital letter subtends at the
// farthest viewing position: at least 16 arc-minutes, 20-22 preferred. The wall draws body
// text at 20 and never anything below 16.
//
// Character height here is the capital-letter height (NUREG-0700's definition). The wall's
// font is DejaVu Sans; Dear ImGui sizes a TrueType font so that ascender - descender equals the
// requested pixel size (stbtt_ScaleForPixelHeight), and DejaVu Sans has ascender 1901, descender
// -483 and cap height 1493 font units, so a capital is 1493 / 2384 = 0.626 of the font size
// (its x-height, 1120 units, is 0.470). tests/app/test_wall_legibility.cpp measures the 'H'
// glyph in ImGui's atlas against this ratio.
//
// Pure arithmetic; no ImGui.
#pragma once

#include <string>

namespace liaison::app::wall {

inline constexpr double kCapHeightPerFontPx = 1493.0 / 2384.0;
inline constexpr double kBodyArcMinutes = 20.0;
inline constexpr double kMinArcMinutes = 16.0;
// Keys and legends, the smallest text on the wall, relative to body text: 16 / 20, so that
// body text at 20 arc-minutes puts them at 16 (tan is convex: 0.8 tan(10') > tan(8')).
inline constexpr float kSmallTextFactor = 0.8f;
// Without room settings: the back row of a typical situation room, on a common panel.
inline constexpr double kDefaultDistanceM = 5.0;
inline constexpr double kDefaultDiagonalIn = 55.0;

// Where the farthest reader sits and how big the panel is. `assumed`: nothing was configured
// (the wall says so in its status line).
struct Room {
  double distance_m = kDefaultDistanceM;
  double diagonal_in = kDefaultDiagonalIn;
  bool assumed_distance = true;
  bool assumed_diagonal = true;
};

// Millimetres per pixel of a panel of that diagonal (inches) and pixel size (square pixels).
double pixelPitchMm(double diagonal_in, int width_px, int height_px);
// The visual angle (arc-minutes) of something size_mm tall seen from distance_m.
double arcMinutes(double size_mm, double distance_m);
// The angle of a font's capital letters: font_px pixels of font size on a panel of pitch_mm.
double fontArcMinutes(double font_px, double pitch_mm, double distance_m);
// The smallest font size (pixels, not rounded) whose capitals subtend arcmin.
double fontPxFor(double arcmin, double pitch_mm, double distance_m);

struct WallSizing {
  double pitch_mm = 0;
  float body_px = 0;  // 20 arc-minutes, rounded up
  float min_px = 0;   // 16 arc-minutes, rounded up: nothing on the wall is drawn smaller
};
WallSizing wallSizing(const Room& room, int width_px, int height_px);

// "Sized for 5 m from a 55-inch panel (assumed: set --viewing-distance and --diagonal)".
std::string roomStatus(const Room& room);

// Reads a positive number ("6", "6.5") for a setting; 0 when empty or not a positive number.
double parsePositive(const std::string& text);

// Workspace settings (Store::setting) that give every wall PC of an incident the room's numbers.
inline constexpr const char* kDistanceSetting = "wall.viewing_distance_m";
inline constexpr const char* kDiagonalSetting = "wall.diagonal_in";

}  // namespace liaison::app::wall
