// CRS classification and PROJ transforms; see reproject.hpp.
#include "core/geo/reproject.hpp"

#include <proj.h>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace liaison::core::geo {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The EPSG code of a name in any of the usual spellings, or "" when it names no EPSG code.
std::string epsgCode(const std::string& n) {
  std::string digits;
  std::size_t at = std::string::npos;
  if (n.rfind("epsg:", 0) == 0) at = 5;
  else if (n.rfind("urn:ogc:def:crs:epsg:", 0) == 0) at = n.rfind(':') + 1;
  else if (n.find("opengis.net/def/crs/epsg/") != std::string::npos) at = n.rfind('/') + 1;
  if (at == std::string::npos) return {};
  for (std::size_t i = at; i < n.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(n[i]))) return {};
    digits += n[i];
  }
  return digits;
}

}  // namespace

CrsClass classifyCrs(std::string_view name, std::string* label) {
  const std::string n = lower(name);
  const std::string code = epsgCode(n);
  const auto says = [&](const char* text) {
    if (label) *label = text;
  };
  if (code == "4326" || n == "urn:ogc:def:crs:ogc:1.3:crs84" || n == "urn:ogc:def:crs:ogc::crs84" ||
      n == "crs:84" || n == "ogc:crs84" || n.ends_with("/ogc/1.3/crs84")) {
    says("WGS 84");
    return CrsClass::Wgs84;
  }
  if (code == "4269" || n == "urn:ogc:def:crs:ogc:1.3:crs83" || n == "urn:ogc:def:crs:ogc::crs83" ||
      n == "crs:83" || n == "ogc:crs83") {
    says("NAD83 (EPSG:4269)");
    return CrsClass::NearWgs84;
  }
  if (code == "4258") {
    says("ETRS89 (EPSG:4258)");
    return CrsClass::NearWgs84;
  }
  if (label) *label = std::string(name);
  return CrsClass::Other;
}

CrsTransform::CrsTransform(const std::string& crs) {
  PJ_CONTEXT* ctx = proj_context_create();
  if (!ctx) throw std::invalid_argument("PROJ could not start");
  m_ctx = ctx;
  proj_log_level(ctx, PJ_LOG_NONE);
  // Only the grids installed with PROJ: never fetch anything from the network.
  proj_context_set_enable_network(ctx, 0);
  const auto fail = [&](const std::string& why) {
    if (m_pj) proj_destroy(static_cast<PJ*>(m_pj));
    proj_context_destroy(ctx);
    m_pj = nullptr;
    m_ctx = nullptr;
    throw std::invalid_argument(why);
  };
  PJ* source = proj_create(ctx, crs.c_str());
  if (!source || !proj_is_crs(source)) {
    const int err = proj_context_errno(ctx);
    if (source) proj_destroy(source);
    std::string why = err ? proj_context_errno_string(ctx, err) : "";
    if (why.find("Unknown error") != std::string::npos) why.clear();
    fail(std::string("PROJ does not know this coordinate reference system") +
         (why.empty() ? std::string() : " (" + why + ")"));
  }
  if (const char* n = proj_get_name(source)) m_name = n;
  PJ* target = proj_create(ctx, "OGC:CRS84");
  PJ* raw = target ? proj_create_crs_to_crs_from_pj(ctx, source, target, nullptr, nullptr) : nullptr;
  proj_destroy(source);
  if (target) proj_destroy(target);
  if (!raw) fail("PROJ has no transformation from it to WGS 84");
  PJ* norm = proj_normalize_for_visualization(ctx, raw);
  proj_destroy(raw);
  if (!norm) fail("PROJ has no transformation from it to WGS 84");
  m_pj = norm;
}

CrsTransform::~CrsTransform() {
  if (m_pj) proj_destroy(static_cast<PJ*>(m_pj));
  if (m_ctx) proj_context_destroy(static_cast<PJ_CONTEXT*>(m_ctx));
}

std::optional<LonLat> CrsTransform::toWgs84(double x, double y) const {
  if (!std::isfinite(x) || !std::isfinite(y)) return std::nullopt;
  PJ* pj = static_cast<PJ*>(m_pj);
  const PJ_COORD out = proj_trans(pj, PJ_FWD, proj_coord(x, y, 0, 0));
  const double lon = out.lpzt.lam, lat = out.lpzt.phi;
  if (!std::isfinite(lon) || !std::isfinite(lat) || lon == HUGE_VAL || lat == HUGE_VAL)
    return std::nullopt;
  // Far outside a projection's area PROJ still answers, with a position that does not map back
  // (a northing of 1e12 in UTM "is" 32 degrees north): only a position that transforms back to
  // where it came from is taken.
  const PJ_COORD back = proj_trans(pj, PJ_INV, out);
  const double tolerance = 1e-7 * std::max({1.0, std::fabs(x), std::fabs(y)});
  if (!(std::fabs(back.xy.x - x) <= tolerance && std::fabs(back.xy.y - y) <= tolerance))
    return std::nullopt;
  return LonLat{lon, lat};
}

}  // namespace liaison::core::geo
