// The one set of rules for who and what can carry traffic now. Every consumer asks here:
// the network the engine analyses (analyze, path, whatif, the analysis panel and overlays, the
// wall's key figures, coordination at risk on the task board, the AAR's network points), so
// they all report the same broken needs.
//
// A person carries no traffic when they are off duty, their agency is down, infrastructure
// they are carried by is down, or a what-if fails them (directly, through their agency, or
// because they are located inside a failed zone). A channel carries no traffic when its status
// is down, infrastructure it rides on is down, or a what-if fails it (directly, by medium, by
// an identifier prefix such as a talkgroup range). A channel that is up but rides on degraded
// infrastructure is degraded: it carries traffic but degrades every need whose route uses it.
// Infrastructure is down when its own status is, when infrastructure it depends on is down, or
// when a what-if fails it (directly or because it lies inside a failed zone); degraded
// likewise. A channel between two people whose ends are out is still "up" here; the engine
// simply cannot reach its ends.
//
// Where things are, for zones: a person at their own location, else at their agency's
// position; infrastructure at its position or over its footprint (a map feature).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/model/model.hpp"
#include "core/model/snapshot.hpp"

namespace liaison::core {

// What a what-if fails, on top of the workspace's own state.
struct FailureSet {
  std::vector<Id> representatives;
  std::vector<Id> agencies;  // every one of its people
  std::vector<Id> channels;
  std::vector<Id> infrastructure;
  std::vector<Medium> media;             // every channel of the medium
  std::vector<std::string> prefixes;     // every channel whose identifier starts with it
  std::vector<Id> zones;                 // map features: everything located inside fails
  bool empty() const {
    return representatives.empty() && agencies.empty() && channels.empty() &&
           infrastructure.empty() && media.empty() && prefixes.empty() && zones.empty();
  }
  bool operator==(const FailureSet&) const = default;
};

// Why something is out (or degraded): for explanations beside a route or a broken need.
struct OutReason {
  enum class Why {
    None, OffDuty, AgencyDown, StatusDown, StatusDegraded, Infrastructure, WhatIf, Zone, Medium,
    Prefix
  };
  Why why = Why::None;
  Id by = 0;  // the agency, infrastructure or zone responsible, when there is one
};

class Availability {
 public:
  Availability(const Snapshot& snapshot, const FailureSet& failed = {});

  bool personAvailable(Id representative) const;
  bool agencyUp(Id agency) const;
  Status channelStatus(Id channel) const;        // effective: up, degraded or down
  Status infrastructureStatus(Id id) const;      // effective
  OutReason personReason(Id representative) const;
  OutReason channelReason(Id channel) const;
  OutReason infrastructureReason(Id id) const;

  // "off duty", "agency TCEMA is down", "carried by County radio tower (down)", ...
  std::string explainPerson(Id representative) const;
  std::string explainChannel(Id channel) const;

  // What a failed zone takes out, for the what-if report (ids in ascending order).
  struct ZoneContents {
    std::vector<Id> infrastructure, representatives, agencies;  // agencies: by their position
  };
  const ZoneContents& inZones() const { return m_inZones; }

  const Snapshot& snapshot() const { return m_snap; }

 private:
  std::string describe(const OutReason& r, const char* subject) const;
  const Snapshot& m_snap;
  std::unordered_map<Id, OutReason> m_person, m_channel, m_infra;  // only those not fully up
  std::unordered_map<Id, Status> m_channelStatus, m_infraStatus;   // only those not up
  std::unordered_map<Id, OutReason> m_agency;  // only agencies that are out
  ZoneContents m_inZones;
};

// Parses one what-if target, as the command line and the MSEL write them:
//   CODE or agency:CODE|ID, rep:ID or a bare number (a representative), channel:ID,
//   infra:ID, medium:NAME, prefix:TEXT (a channel identifier prefix), zone:ID (a map feature).
// Adds it to `out`; returns an error message (empty on success) that says what would be valid.
std::string addFailure(const Snapshot& snapshot, const std::string& spec, FailureSet& out);

// "TCEMA, rep 183, infra 3, medium phone, zone 40": the failure set in words.
std::string describeFailures(const Snapshot& snapshot, const FailureSet& f);

}  // namespace liaison::core
