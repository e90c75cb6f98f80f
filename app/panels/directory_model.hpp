// The directory's rows (one per representative, or one per agency without any) as display
// strings, and the filter that picks the visible ones. No ImGui: unit-testable without drawing.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/snapshot.hpp"

namespace liaison::app {

inline constexpr std::string_view kSensitiveMask =
    "\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2 (sensitive)";

struct DirectoryRow {
  core::Id agency_id = 0;
  core::Id rep_id = 0;  // 0: an agency with no representative
  std::string agency_code;
  std::string agency_name;
  std::string type;  // human label, e.g. "Public works"
  std::string role;  // "assisting" or "cooperating"
  bool assisting = false;
  std::string name;  // representative; empty when none
  std::string position;
  std::string shift;
  bool on_duty = false;
  std::string contacts;  // "Cell 555-0142 · Radio TG 2104"; sensitive values masked unless shown
  std::string search;    // lower-case haystack over every displayed field
};

struct DirectoryCounts {
  std::size_t agencies = 0, representatives = 0;
};

// What to do with a contact method marked sensitive: mask it (workstation default), show it
// (revealed on a workstation), or leave it out entirely (the wall, and its screenshots).
enum class SensitiveMode { Mask, Show, Omit };

// Every row, agencies in code order and their representatives in id order.
std::vector<DirectoryRow> buildDirectoryRows(const core::Snapshot& snapshot, SensitiveMode mode);

// Indices of the rows that match: case-insensitive; every whitespace-separated term must occur
// somewhere in the row (agency, type, role, name, position, contacts). Empty filter: all rows.
std::vector<std::size_t> filterDirectoryRows(const std::vector<DirectoryRow>& rows,
                                             std::string_view filter);

// What removing an entity takes with it, as the store's cascade does (command.hpp): for the
// confirmation the user must see before anything goes.
struct RemovalImpact {
  std::string what;                   // "agency RCFD (River City Fire Department)"
  std::vector<std::string> removed;   // "representative Dana Whitfield", "channel 1001 (...)"
  std::vector<std::string> detached;  // "task 12 (Close River Road) loses its owner"
};
RemovalImpact removalImpact(const core::Snapshot& snapshot, core::EntityKind kind, core::Id id);

// "Radio TG 2104: Dana Whitfield (RCFD) - Luis Ortega (RCPD)", for lists and confirmations.
std::string channelLabel(const core::Snapshot& snapshot, const core::Channel& c);
// "RCFD - RCPD: evacuation routes"
std::string needLabel(const core::Snapshot& snapshot, const core::Need& n);
// "Dana Whitfield (RCFD)"; "representative 7" when unknown.
std::string repLabel(const core::Snapshot& snapshot, core::Id rep);
std::string agencyCodeOf(const core::Snapshot& snapshot, core::Id agency);

// An agency's people, channels (its own and its people's) and needs, each sorted by id.
struct AgencyRelations {
  std::vector<const core::Representative*> reps;
  std::vector<const core::Channel*> channels;
  std::vector<const core::Need*> needs;
};
AgencyRelations agencyRelations(const core::Snapshot& snapshot, core::Id agency);

std::string mediumLabel(core::Medium medium);
std::string agencyTypeLabel(core::AgencyType type);
std::string contactKindLabel(core::ContactKind kind);
std::string toLowerAscii(std::string_view text);

}  // namespace liaison::app
