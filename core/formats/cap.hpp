// CAP 1.2 (OASIS Common Alerting Protocol), written and read. Every alert written is checked
// against the OASIS CAP 1.2 schema (assets/cap/CAP-v1.2.xsd, compiled in) with libxml2 before
// it is handed back; every file read is parsed without network access or entity expansion,
// within size and depth limits, validated against the same schema, and its areas checked
// (polygons of lat,lon pairs, closed; circles "lat,lon radius-km"). Errors are ImportErrors at
// file:line:column.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/model/model.hpp"

namespace liaison::core {

inline constexpr std::size_t kMaxCapBytes = 4u << 20;  // one CAP file

struct CapCircle {
  LonLat centre;
  double radius_km = 0;
};

struct CapArea {
  std::string desc;
  std::vector<std::vector<LonLat>> polygons;  // closed rings
  std::vector<CapCircle> circles;
};

struct CapInfo {
  std::string category = "Other", event, urgency = "Unknown", severity = "Unknown",
              certainty = "Unknown";
  std::string headline, description, instruction;
  std::vector<CapArea> areas;
};

struct CapAlert {
  std::string identifier, sender, sent;  // sent: "2026-05-14T08:30:00-04:00"
  std::string status = "Actual", msg_type = "Alert", scope = "Public";
  std::string note, references;  // references: "sender,identifier,sent" entries, space-separated
  std::vector<CapInfo> infos;
};

// The alert as CAP 1.2 XML, validated against the schema (a std::runtime_error naming the
// schema's complaint when it does not validate: a bug, never written).
std::string writeCapXml(const CapAlert& alert);

// Checks xml against the CAP 1.2 schema; throws ImportError at name:line:column.
void validateCapXml(const std::string& xml, const std::string& name);

// Reads one CAP file (all checks above). `name` is how messages call it.
CapAlert readCapFile(const std::filesystem::path& path, const std::string& name);
CapAlert parseCapXml(const std::string& xml, const std::string& name);

// "2026-05-14T08:30:00-04:00": a CAP time, with the offset of `zone` (IANA, "" = UTC).
std::string capTime(TimeUtc t, const std::string& zone);
// The UTC time of a CAP time, or nothing when it is not one.
std::optional<TimeUtc> parseCapTime(const std::string& text);

}  // namespace liaison::core

namespace liaison::core {

class Store;

struct CapImportSummary {
  int files = 0, events = 0, zones = 0;
  std::uint64_t revision = 0;
};

// Imports one CAP file, or every *.xml / *.cap file of a folder (sorted by name): each alert's
// info blocks become timeline events (kind alert) and its areas map zones (layer "CAP":
// polygons, and circles as points with a radius_km property). All or nothing: the first bad
// file is refused at file:line:column and nothing is written.
CapImportSummary importCap(const std::filesystem::path& source, Store& store,
                           const std::string& actor);

// Whether `dir` is a folder of CAP files: no scenario CSV files, and at least one .xml / .cap.
bool isCapFolder(const std::filesystem::path& dir);
// Whether a file's first 4 KB look like a CAP alert (an XML root element named alert).
bool looksLikeCap(const std::filesystem::path& file);

}  // namespace liaison::core
