#include "legibility.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace liaison::app::wall {
namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kArcMinPerRad = 180.0 * 60.0 / kPi;
}  // namespace

double pixelPitchMm(double diagonal_in, int width_px, int height_px) {
  const double diag_px = std::hypot(static_cast<double>(width_px), static_cast<double>(height_px));
  if (diag_px <= 0 || diagonal_in <= 0) return 0;
  return diagonal_in * 25.4 / diag_px;
}

double arcMinutes(double size_mm, double distance_m) {
  if (distance_m <= 0) return 0;
  return 2.0 * std::atan(size_mm / (2.0 * distance_m * 1000.0)) * kArcMinPerRad;
}

double fontArcMinutes(double font_px, double pitch_mm, double distance_m) {
  return arcMinutes(font_px * kCapHeightPerFontPx * pitch_mm, distance_m);
}

double fontPxFor(double arcmin, double pitch_mm, double distance_m) {
  if (pitch_mm <= 0) return 0;
  const double cap_mm = 2.0 * distance_m * 1000.0 * std::tan(arcmin / kArcMinPerRad / 2.0);
  return cap_mm / pitch_mm / kCapHeightPerFontPx;
}

WallSizing wallSizing(const Room& room, int width_px, int height_px) {
  WallSizing s;
  s.pitch_mm = pixelPitchMm(room.diagonal_in, width_px, height_px);
  s.body_px = static_cast<float>(std::ceil(fontPxFor(kBodyArcMinutes, s.pitch_mm, room.distance_m)));
  s.min_px = static_cast<float>(std::ceil(fontPxFor(kMinArcMinutes, s.pitch_mm, room.distance_m)));
  return s;
}

std::string roomStatus(const Room& room) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "Sized for %g m from a %g-inch panel", room.distance_m,
                room.diagonal_in);
  std::string out = buf;
  if (room.assumed_distance && room.assumed_diagonal)
    out += " (assumed: set --viewing-distance and --diagonal)";
  else if (room.assumed_distance)
    out += " (distance assumed: set --viewing-distance)";
  else if (room.assumed_diagonal)
    out += " (diagonal assumed: set --diagonal)";
  return out;
}

double parsePositive(const std::string& text) {
  if (text.empty()) return 0;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0' || !std::isfinite(v) || v <= 0) return 0;
  return v;
}

}  // namespace liaison::app::wall
